/// Headings and subheadings in proportion to the length.
struct StructureHeadingDensity: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let wordsPerHeading = NumberParameter(
            "wordsPerHeading", 150, minimum: 1,
            "words per heading for full credit (default {default})")
        static let minWords = NumberParameter(
            "minWords", 200, minimum: 0,
            "answers shorter than this need no headings (default {default})")
        static let runInWords = NumberParameter(
            "runInWords", 6, minimum: 0,
            """
            words a run-in subheading may have (a label ending in a colon, or underlined, opening a paragraph), \
            counted as a heading (default {default})
            """)
    }

    static let description = RuleDescription(
        id: "structure-heading-density", criterion: "structure",
        summary: "headings and subheadings in proportion to the length (by default one every 150 words)",
        rationale: "Toppers use a heading every 80–150 words; examiners skim headings to judge the whole answer.",
        fix: "Break the answer into numbered headings and subheadings, one every 80–150 words.",
        parameters: [Param.wordsPerHeading, Param.minWords, Param.runInWords],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in \
                Pakistan.\n\n\(Example.filler(8))\n\n\(Example.filler(8))\n\n\(Example.filler(8))
                """,
                fires: true, at: "3:1", message: "no headings in 504 words"),
        ])
    let wordsPerHeading: Double
    let minWords: Double
    let runInWords: Int
    init(_ p: RuleParameters) throws(RubricError) {
        wordsPerHeading = try p.read(Param.wordsPerHeading)
        minWords = try p.read(Param.minWords)
        runInWords = Int(try p.read(Param.runInWords))
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        let words = Double(c.words)
        guard words >= minWords else { return .full }
        // Run-in heads come in series ("Origin: …", "Revival: …"): one alone is a sentence with a colon.
        let opens = c.paragraphs.map { Self.opensWithRunInHead($0.paragraph, runInWords: runInWords) }
        let runIn = opens.indices.count { i in
            opens[i] && ((i > 0 && opens[i - 1]) || (i + 1 < opens.count && opens[i + 1]))
        }
        let headings = Double(c.answer.stats.headings + runIn)
        let expected = max(1, words / wordsPerHeading)
        // A heading short of "about 9" is not worth a tutor's word: only a count below the rounded
        // expectation is a shortfall.
        guard headings < expected.rounded() else { return .full }
        let credit = min(1, headings / expected)
        let message =
            headings == 0
            ? "no headings in \(c.words) words"
            : """
            \(Int(headings)) heading\(headings == 1 ? "" : "s") for \(c.words) words; expected about \
            \(Int(expected.rounded()))
            """
        return RuleOutcome(
            credit: credit, findings: [finding(.warning, at: c.startRange, message, fix: Self.description.fix)])
    }
}

extension StructureHeadingDensity {
    /// True when a paragraph opens with a run-in subheading, as examiners read one: an underlined label
    /// ("{==Electorates.==} The Nehru Report…"), or a short label of at most `runInWords` words ending in a
    /// colon, with more text after it ("3.1 Mutual defence clause: aggression against one…").
    static func opensWithRunInHead(_ p: Paragraph, runInWords: Int) -> Bool {
        guard let first = p.content.first else { return false }
        if case .highlighted(let inner, _) = first {
            var label = 0
            for case .text(let t, _) in inner { label += wordCount(t) }
            return p.content.count > 1 && label > 0 && label <= runInWords
        }
        return opensWithRunInHead(Substring(p.text), runInWords: runInWords)
    }

    /// True when a text opens with a short label of at most `runInWords` words ending in a colon, with more
    /// text after it.
    static func opensWithRunInHead(_ s: Substring, runInWords: Int) -> Bool {
        let text = s.utf8
        // The label runs to the first colon and holds no full stop, question or exclamation mark or comma, so
        // the search stops at the first of these five: the text is read only as far as its first such mark.
        guard let head = text.first, head >= 0x41, head <= 0x5A,
            let colon = text.firstIndex(where: { $0 == 0x3A || $0 == 0x2E || $0 == 0x3F || $0 == 0x21 || $0 == 0x2C }),
            text[colon] == 0x3A
        else { return false }
        let label = text[..<colon]
        let rest = text[text.index(after: colon)...]
        return wordCount(Substring(label)) <= runInWords && wordCount(Substring(rest)) >= 3
    }

    private static func wordCount<S: StringProtocol>(_ s: S) -> Int {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    }
}

/// Numbering is consistent: no skipped numbers, nothing out of order.
struct StructureNumbering: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let penalty = NumberParameter(
            "penalty", 0.34, minimum: 0,
            "share of credit lost per numbering slip (default {default})")
    }

    static let description = RuleDescription(
        id: "structure-numbering", criterion: "structure",
        summary: "heading numbers run in order: none skipped, none repeated, subsections under the right parent",
        rationale: "Skipped or repeated numbers look careless and make the examiner wonder what is missing.",
        fix: "Renumber the headings in order (1, 2, 3; 2.1, 2.2) before you write the next answer.",
        parameters: [Param.penalty],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nInflation has causes.\n\n2. \
                MONEY\nThe State Bank printed money.\n\n4. FUEL\nFuel prices rose.\n\n1. CONCLUSION\nIn \
                conclusion, inflation has causes.
                """,
                fires: true, at: "9:1", message: "heading 4 skips 3"),
        ])
    let penalty: Double
    init(_ p: RuleParameters) throws(RubricError) { penalty = try p.read(Param.penalty) }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        let slips = c.answer.diagnostics.filter { $0.kind?.isNumbering == true }
        guard !slips.isEmpty else { return .full }
        let findings = slips.map { d in
            finding(
                .warning, at: SourceRange(at: d.position), d.message,
                fix: "Number the headings in order; the examiner reads a gap as something missing.")
        }
        return RuleOutcome(credit: 1 - penalty * Double(slips.count), findings: findings)
    }
}

/// Every outline point is developed, and the outline announces what the body develops.
struct StructureOutline: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let required = FlagParameter(
            "required", false,
            "an outline is required at the start of the answer (default {default})")
        static let unannouncedWeight = NumberParameter(
            "unannouncedWeight", 0.5, minimum: 0, maximum: 1,
            "weight of a section the outline does not announce, against a point never developed (default {default})")
        static let unannouncedCredit = NumberParameter(
            "unannouncedCredit", 0.5, minimum: 0, maximum: 1,
            "share of its weight a section the outline does not announce still earns (default {default})")
    }

    static let description = RuleDescription(
        id: "structure-outline", criterion: "structure",
        summary: "every outline point is developed in a subsection, and every subsection is announced by the outline",
        rationale: "FPSC examiners single out outline points that are never developed in the body.",
        fix:
            """
            Make the outline and the subsections match one for one: develop every point you list, and list every \
            point you develop.
            """,
        parameters: [Param.required, Param.unannouncedWeight, Param.unannouncedCredit],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nThis answer argues that \
                inflation has three causes.\n\n2. CAUSES OF INFLATION\nMonetary expansion\n\nFuel prices\n\nFood \
                shortages\n\n2.1 Monetary Expansion\nThe State Bank printed money in 2022.\n\n2.2 Fuel \
                Prices\nOil rose to $120 a barrel in 2022.\n\n2.3 Weak Currency\nThe rupee fell by 30 per cent in \
                2023.\n\n3. CONCLUSION\nIn conclusion, inflation has causes.
                """,
                fires: true, at: "11:1", message: "outline point 3 of section 2 (\"Food shortages\")"),
        ])
    let required: Bool
    let unannouncedWeight: Double
    let unannouncedCredit: Double
    init(_ p: RuleParameters) throws(RubricError) {
        required = try p.read(Param.required)
        unannouncedWeight = try p.read(Param.unannouncedWeight)
        unannouncedCredit = try p.read(Param.unannouncedCredit)
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        var findings: [Finding] = []
        var matched = 0
        var total = 0
        for info in c.sections where !info.section.outline.isEmpty {
            let announced = Set(info.section.outline.compactMap(\.subsectionIndex))
            for (k, item) in info.section.outline.enumerated() {
                total += 1
                if item.subsectionIndex != nil {
                    matched += 1
                    continue
                }
                findings.append(
                    finding(
                        .warning, at: SourceRange(at: item.position), excerpt: item.text,
                        "outline point \(k + 1) of \(info.name) (\"\(item.text)\") is never developed",
                        fix: "Develop \"\(item.text)\" in a subsection of its own, or drop it from the outline."))
            }
            for (k, child) in info.section.sections.enumerated() where !announced.contains(k) {
                total += 1
                findings.append(
                    finding(
                        .note, at: SourceRange(at: child.position), excerpt: child.title ?? "",
                        """
                        \(c.sections[info.children[k]].name) is not in the outline of \(info.name): the outline \
                        lists \(counted(info.section.outline.count, "point")), the body develops \
                        \(info.section.sections.count)
                        """,
                        fix:
                            """
                            Add \"\(child.title ?? "")\" to the outline so that it announces everything the \
                            section develops.
                            """,
                        weight: unannouncedWeight))
            }
        }
        let main = answerOutline(c)
        matched += main.matched
        total += main.total
        findings += main.findings
        if total == 0 {
            if required {
                return RuleOutcome(
                    credit: 0,
                    findings: [
                        finding(
                            .error, at: c.startRange, "the answer has no outline",
                            fix: "Open with an outline of the points the answer will develop.")
                    ])
            }
            return .full
        }
        let unannounced = findings.filter { $0.severity == .note }.reduce(0) { $0 + unannouncedCredit * $1.weight }
        let credit = (Double(matched) + unannounced) / Double(total)
        return RuleOutcome(credit: credit, findings: findings)
    }
}

extension StructureOutline {
    /// The points of the answer's outline that no main section answers but a subsection of one does, by the
    /// words of their titles as `OutlineMatcher` pairs points with sections: the lettered points "a." to "e."
    /// under "3. Causes" developed as sections "3(a)" to "3(e)".
    func developedInSubsections(_ outline: [OutlineItem], _ c: GradingContext) -> Set<Int> {
        let left = outline.indices.filter { outline[$0].subsectionIndex == nil }
        guard !left.isEmpty else { return [] }
        let subsections = c.answer.sections.flatMap(\.sections)
        guard !subsections.isEmpty else { return [] }
        let paired = OutlineMatcher.match(left.map { outline[$0] }, to: subsections)
        return Set(zip(left, paired).compactMap { $1.subsectionIndex == nil ? nil : $0 })
    }

    /// The outline block that opens the answer, against its main sections: a point is developed when a
    /// main section answers it (an introduction or conclusion point also when the answer has one without
    /// a heading); a main section other than the introduction and conclusion is owed a point.
    func answerOutline(_ c: GradingContext) -> (matched: Int, total: Int, findings: [Finding]) {
        let outline = c.answer.outline
        guard !outline.isEmpty else { return (0, 0, []) }
        var findings: [Finding] = []
        var matched = 0
        let nested = developedInSubsections(outline, c)
        for (k, item) in outline.enumerated() {
            let role = SectionRoles.role(for: item.text)
            if item.subsectionIndex != nil || (role == .introduction && c.introduction != nil)
                || (role == .conclusion && c.conclusion != nil) || nested.contains(k)
            {
                matched += 1
                continue
            }
            findings.append(
                finding(
                    .warning, at: SourceRange(at: item.position), excerpt: item.text,
                    "outline point \(k + 1) (\"\(item.text)\") is never developed",
                    fix: "Develop \"\(item.text)\" in a section of its own, or drop it from the outline."))
        }
        let announced = Set(outline.compactMap(\.subsectionIndex))
        var total = outline.count
        for (k, section) in c.answer.sections.enumerated()
        where section.title != nil && !announced.contains(k)
            && section.role != .introduction && section.role != .conclusion
        {
            total += 1
            findings.append(
                finding(
                    .note, at: SourceRange(at: section.position), excerpt: section.title ?? "",
                    "\(section.displayName) is not in the answer's outline",
                    fix:
                        """
                        Add \"\(section.title ?? "")\" to the outline so that it announces everything the answer \
                        develops.
                        """,
                    weight: unannouncedWeight))
        }
        return (matched, total, findings)
    }
}

/// The introduction comes first and the conclusion last.
struct StructureOrder: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let penalty = NumberParameter(
            "penalty", 0.5, minimum: 0, maximum: 1,
            "share of credit lost per part out of place (default {default})")
    }

    static let description = RuleDescription(
        id: "structure-order", criterion: "structure",
        summary: "the introduction comes first and the conclusion last",
        rationale: "Parts of one answer scattered across the script are a standing complaint in examiners' reports.",
        fix: "Keep the order: introduction, body, conclusion.",
        parameters: [Param.penalty],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nThis answer argues that \
                inflation has monetary causes.\n\n2. CONCLUSION\nIn conclusion, inflation is monetary.\n\n3. \
                MONEY SUPPLY\nThe State Bank printed money in 2022 because the deficit was large.
                """,
                fires: true, at: "6:1", message: "the conclusion is not the last part of the"),
        ])
    let penalty: Double
    init(_ p: RuleParameters) throws(RubricError) { penalty = try p.read(Param.penalty) }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        var findings: [Finding] = []
        if let end = c.conclusion, let s = end.section {
            let top = c.sections.indices.filter {
                c.sections[$0].parent == nil
                    && (c.sections[$0].section.title != nil || !c.sections[$0].paragraphs.isEmpty)
            }
            var root = s
            while let parent = c.sections[root].parent { root = parent }
            if let last = top.last, last != root {
                findings.append(
                    finding(
                        .warning, at: end.range, "\(end.label) is not the last part of the answer",
                        fix: "Move the conclusion to the end; nothing should follow it."))
            }
        }
        if let intro = c.introduction, let s = intro.section, s != 0, c.sections.first?.section.title != nil {
            findings.append(
                finding(
                    .warning, at: intro.range, "\(intro.label) is not the first part of the answer",
                    fix: "Open with the introduction."))
        }
        return RuleOutcome(credit: 1 - penalty * Double(findings.count), findings: findings)
    }
}

/// Challenges and way-forward sections where the question needs them.
struct StructureOwedSections: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let wayForwardTerms = ListParameter(
            "wayForwardTerms",
            ["measures", "way forward", "remedies", "solutions", "recommendations", "suggest", "strategy", "counter"],
            style: .plain,
            "question words that owe a way-forward section whatever the directive (default: {default})")
        static let explanatoryTerms = ListParameter(
            "explanatoryTerms",
            [
                "factors behind", "reasons behind", "forces behind", "motives behind", "drivers of",
                "factors responsible",
            ],
            style: .plain,
            """
            question words that ask what explains a development ("analyse the factors behind …"): such a question \
            owes the factors argued and drawn together, and its directive no way-forward section (a word of \
            `wayForwardTerms` still owes one) (default: {default})
            """)
        static let askingTerms = ListParameter(
            "askingTerms",
            ["suggest", "propose", "recommend", "should", "way forward", "how can", "what can"],
            style: .plain,
            """
            words that ask for remedies even in a question about the past, read as whole words: there \
            `wayForwardTerms` such as "measures", "recommendations" or "policy" name what was done ("the \
            Islamization measures introduced by General Zia-ul-Haq", "the measures proposed by the Simon \
            Commission") and owe no way forward (default: {default})
            """)
        static let weighingWords = ListParameter(
            "weighingWords",
            [
                "but", "yet", "however", "although", "though", "despite", "in spite of", "nevertheless",
                "nonetheless", "whereas", "critics",
            ],
            style: .plain,
            """
            words that set a section's point against its limits: an answer whose body sections (three or more) \
            mostly hold one weighs the other side throughout, and owes no section of its own for it (default: \
            {default})
            """)
        static let adviceWords = ListParameter(
            "adviceWords",
            [
                "should", "must", "need to", "needs to", "ought to", "has to", "have to", "recommend",
                "recommended", "it is suggested", "suggest",
            ],
            style: .plain,
            """
            words that advise: recommendations are said to be scattered only where two or more stand outside a \
            way-forward section (default: {default})
            """)
    }

    static let description = RuleDescription(
        id: "structure-owed-sections", criterion: "structure",
        summary:
            """
            challenges and way-forward sections are present where the question needs them (a demand the answer \
            misses altogether is charged once, by relevance-directive)
            """,
        rationale:
            """
            For almost every current-affairs question examiners expect the challenges weighed and constructive \
            suggestions, each under its own heading; only a few candidates give them.
            """,
        fix:
            """
            Give the other side a section ('Challenges', 'Implications', 'Critical Analysis') and the \
            recommendations a 'Way Forward' section.
            """,
        parameters: [
            Param.wayForwardTerms, Param.explanatoryTerms, Param.askingTerms, Param.weighingWords, Param.adviceWords,
        ],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Explain the energy crisis of Pakistan and the measures to resolve it.\n\n1. \
                INTRODUCTION\nPakistan's energy crisis has deep roots.\n\n2. CIRCULAR DEBT\nCircular debt passed \
                Rs 2.6 trillion in 2023.\n\n3. CONCLUSION\nIn conclusion, the crisis is deep.
                """,
                fires: true, at: "1:1", message: "the question needs recommendations, but the"),
            RuleExample(
                """
                Q.1 Critically analyse the prospects of CPEC for Pakistan.\n\n1. INTRODUCTION\nCPEC can change \
                Pakistan's economy.\n\n2. PROSPECTS\nEnergy projects added 8,000 MW by 2020.\n\n3. WAY FORWARD\n\
                Pakistan should finish the special economic zones.\n\n4. CONCLUSION\nIn conclusion, CPEC has \
                prospects.
                """,
                fires: false),
            RuleExample(
                """
                Q.1 Analyse the factors behind the partnership between Russia and China.\n\n1. INTRODUCTION\n\
                The partnership has grown since 2014.\n\n2. SANCTIONS\nWestern sanctions after 2014 pushed Russia \
                towards China.\n\n3. CONCLUSION\nIn conclusion, sanctions drove the partnership.
                """,
                fires: false),
        ],
        reads: [
            .words("concessionCues"), .words("counterCues"), .words("recommendationCues"), .words("otherSideStems"),
            .words("directiveStems"), .words("pastQuestionWords"), .words("supportTitles"),
        ])
    /// The parameters' phrases as UTF-8 bytes, matched against the question's (`startsWord`).
    let wayForwardTerms: [[UInt8]]
    let explanatoryTerms: [[UInt8]]
    let askingTerms: [[UInt8]]
    let weighingWords: [[UInt64]]
    let adviceWords: [[UInt64]]
    init(_ p: RuleParameters) throws(RubricError) {
        wayForwardTerms = try p.read(Param.wayForwardTerms).map { Array($0.lowercased().utf8) }
        explanatoryTerms = try p.read(Param.explanatoryTerms).map { Array($0.lowercased().utf8) }
        askingTerms = try p.read(Param.askingTerms).map { Array($0.lowercased().utf8) }
        weighingWords = try p.read(Param.weighingWords).map { lowercaseWords($0).map(WordKey.of) }
        adviceWords = try p.read(Param.adviceWords).map { lowercaseWords($0).map(WordKey.of) }
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard let question = c.question else { return .full }
        var findings: [Finding] = []
        var owed = 0
        if let problem = challengesProblem(c, question: question) {
            owed += 1
            if !problem.isEmpty { findings.append(problem[0]) }
        }
        if let problem = wayForwardProblem(c, question: question) {
            owed += 1
            if !problem.isEmpty { findings.append(problem[0]) }
        }
        guard owed > 0 else { return .full }
        return RuleOutcome(credit: Double(owed - findings.count) / Double(owed), findings: findings)
    }

    /// Nil when no challenges section is owed here; else its finding, or none when it is met. The section
    /// is owed only when the answer has headings and weighs the other side: an answer that weighs no
    /// other side is charged once, by `arguments-counter-view`.
    private func challengesProblem(_ c: GradingContext, question: Question) -> [Finding]? {
        guard c.lexicon.directives.owes(.challenges, question), !c.headedSections.isEmpty else { return nil }
        let side = OtherSide(c)
        guard side.weighed || !owesInContent(.otherSide, question, c) else { return nil }
        guard !side.hasSection, !weighsThroughout(c) else { return [] }
        return [
            finding(
                .warning, at: SourceRange(at: question.position),
                side.weighed
                    ? """
                    the question (\(question.directive ?? "")) needs the other side weighed in a section of its \
                    own, but the answer weighs it only in passing
                    """
                    : """
                    the question (\(question.directive ?? "")) needs the challenges or the other side weighed, \
                    but the answer has no such section
                    """,
                fix: "Give the other side a section of its own: 'Challenges', 'Implications' or 'Critical Analysis'.")
        ]
    }

    /// True when `phrase` stands in `text` where a word starts (at the start, or after a character that is no
    /// letter or digit), and, when `whole`, where one ends too ("propose", not "proposed"); both lowercase.
    static func startsWord(_ text: String, _ phrase: String, whole: Bool = false) -> Bool {
        startsWord(Array(text.utf8), Array(phrase.utf8), whole: whole)
    }

    /// `startsWord` on the two texts' UTF-8 bytes.
    static func startsWord(_ bytes: [UInt8], _ needle: [UInt8], whole: Bool = false) -> Bool {
        guard !needle.isEmpty, needle.count <= bytes.count else { return false }
        var i = 0
        while i + needle.count <= bytes.count {
            let end = i + needle.count
            if bytes[i] == needle[0], i == 0 || !Self.isWordByte(bytes[i - 1]),
                bytes[i..<end].elementsEqual(needle), !whole || end == bytes.count || !Self.isWordByte(bytes[end])
            {
                return true
            }
            i += 1
        }
        return false
    }

    /// A byte of a word: an ASCII letter or digit, or any byte of a character beyond ASCII.
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b >= 0x80
    }

    /// Nil when no way-forward section is owed here; else its finding, or none when it is met. When the
    /// directive owes recommendations and the answer gives none, `relevance-directive` charges it once.
    private func wayForwardProblem(_ c: GradingContext, question: Question) -> [Finding]? {
        let text = Array(question.text.lowercased().utf8)
        // A term is read where a word starts with it: "suggest" in "suggestions", "counter" in "countering",
        // never in "encounter". In a question about the past, only a term that asks for remedies owes them:
        // "measures" and "policy" there name what was done (finding review 15: q06, "Describe the Islamization
        // measures introduced by General Zia-ul-Haq (1977-1988)").
        let asked =
            wayForwardTerms.contains { Self.startsWord(text, $0) }
            && (!c.asksAboutThePast || askingTerms.contains { Self.startsWord(text, $0, whole: true) })
        // A question that asks what explains a development owes its factors, not remedies for them (finding
        // review 14: p01), as one about the past does.
        let explains = explanatoryTerms.contains { Self.startsWord(text, $0) }
        let owes = asked || (c.lexicon.directives.owes(.wayForward, question) && !c.asksAboutThePast && !explains)
        guard owes else { return nil }
        let roles = Set(c.sections.compactMap(\.section.role))
        if roles.contains(.wayForward) { return [] }
        let recommends = c.count("recommendationCues", inParagraphs: c.allParagraphIndices) >= 3
        if c.headedSections.isEmpty && recommends { return [] }
        if !recommends && owesInContent(.recommendations, question, c) { return nil }
        // Recommendations are scattered only where the answer advises ("should", "must", "need to"): nouns
        // such as "reform" and "measures" also tell what was done, and an answer that only reports them
        // has no recommendations to scatter (finding review 12: n01).
        let scatters = recommends && Self.phrases(adviceWords, in: c, paragraphs: c.allParagraphIndices, upTo: 2) >= 2
        return [
            finding(
                .warning, at: SourceRange(at: question.position),
                scatters
                    ? "the question needs recommendations in a way-forward section, but the answer scatters them"
                    : "the question needs recommendations, but the answer has no way-forward section",
                fix: "Add a 'Way Forward' section of concrete, feasible measures.")
        ]
    }

    /// True when the answer weighs the other side throughout: three or more body sections, and in most of
    /// them a phrase of `weighingWords` ("but", "however", "yet", "critics") that sets the section's point
    /// against its limits. Such an answer meets "critically evaluate" section by section, as examiners read
    /// it, though no heading names the other side (finding review 12: n01). Read only where a section of its
    /// own would otherwise be asked for.
    func weighsThroughout(_ c: GradingContext) -> Bool {
        let skipped: [SectionRole] = [.introduction, .conclusion, .wayForward, .background]
        let body = c.headedSections.filter { i in
            !c.sections[i].paragraphs.isEmpty && !(c.sections[i].role.map(skipped.contains) ?? false)
        }
        guard body.count >= 3 else { return false }
        let weighing = body.count { Self.phrases(weighingWords, in: c, paragraphs: c.sections[$0].paragraphs) > 0 }
        return weighing * 2 > body.count
    }

    /// How many of `phrases` (each the keys of its lowercase words) some paragraphs hold, counting up to `limit`: read
    /// token by token, only where a finding hangs on it.
    static func phrases(_ phrases: [[UInt64]], in c: GradingContext, paragraphs: [Int], upTo limit: Int = 1) -> Int {
        var found = 0
        for p in paragraphs {
            let range = c.paragraphs[p].tokens
            for k in range where c.tokens[k].kind == .word {
                let hit = phrases.contains { words in
                    k + words.count <= range.upperBound
                        && words.indices.allSatisfy { c.tokens[k + $0].key == words[$0] }
                }
                if hit { found += 1 }
                if found >= limit { return found }
            }
        }
        return found
    }

    /// True when the question's directive owes this in content, which `relevance-directive` judges.
    private func owesInContent(_ demand: DirectiveDemand, _ question: Question, _ c: GradingContext) -> Bool {
        c.lexicon.directives.owed(by: question).contains { $0.demand == demand }
    }
}

/// No wall-of-text sections.
struct StructureWallOfText: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let maxWords = NumberParameter(
            "maxWords", 300, minimum: 1,
            "words a section may run without a subheading (default {default})")
        static let penalty = NumberParameter(
            "penalty", 0.34, minimum: 0, maximum: 1,
            "share of credit lost per section that runs on (default {default})")
        static let runInWords = NumberParameter(
            "runInWords", 6, minimum: 0,
            """
            words a run-in head may have ("1. Economic Stability: …"); a section of three or more paragraphs \
            each opened by one is a list of points, not a wall of text (default {default})
            """)
    }

    static let description = RuleDescription(
        id: "structure-wall-of-text", criterion: "structure",
        summary: "no section runs on for long without a subheading or a paragraph break",
        rationale: "A wall of text hides the argument; examiners skim and miss what they cannot see.",
        fix: "Split long stretches under subheadings, one idea a paragraph.",
        parameters: [Param.maxWords, Param.penalty, Param.runInWords],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nThis answer argues that \
                inflation has causes.\n\n2. CAUSES\n\(Example.filler(16))\n\n3. CONCLUSION\nIn conclusion, \
                inflation has causes.
                """,
                fires: true, at: "6:1", message: "section 2 runs 336 words without a subheading"),
        ])
    let maxWords: Double
    let penalty: Double
    let runInWords: Int
    init(_ p: RuleParameters) throws(RubricError) {
        maxWords = try p.read(Param.maxWords)
        penalty = try p.read(Param.penalty)
        runInWords = Int(try p.read(Param.runInWords))
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        var findings: [Finding] = []
        for info in c.sections where Double(info.ownWords) > maxWords && !listsPoints(info, c) {
            let name = info.section.title == nil ? (c.headedSections.isEmpty ? "the answer" : "the opening") : info.name
            findings.append(
                finding(
                    .warning, at: info.range, "\(name) runs \(info.ownWords) words without a subheading",
                    fix: "Break \(name) into subsections with headings of their own."))
        }
        return RuleOutcome(credit: 1 - penalty * Double(findings.count), findings: findings)
    }

    /// True when a section is a list of points, each its own paragraph opened by its own run-in head
    /// ("1. Economic Stability: …", "Better Salaries: …"): three or more such paragraphs, and at most one
    /// paragraph (a lead-in) without one. Each head does a subheading's work (finding review 12: n06).
    private func listsPoints(_ info: GradingContext.SectionInfo, _ c: GradingContext) -> Bool {
        guard info.paragraphs.count >= 3 else { return false }
        let headed = info.paragraphs.count { p in
            let paragraph = c.paragraphs[p].paragraph
            return StructureHeadingDensity.opensWithRunInHead(paragraph, runInWords: runInWords)
                || StructureHeadingDensity.opensWithRunInHead(
                    Substring(paragraph.text).drop(while: { $0 == "(" }).dropPointNumber, runInWords: runInWords)
        }
        return headed >= 3 && headed + 1 >= info.paragraphs.count
    }
}

extension Substring {
    /// The text after a point's number ("1. ", "12) ", "a) ", "iv. "), or the empty text when it opens with
    /// none: at most four letters or digits, then ".", ")" or ":" and a space.
    fileprivate var dropPointNumber: Substring {
        let mark = prefix(5).firstIndex { $0 == "." || $0 == ")" }
        guard let mark, mark > startIndex, self[..<mark].allSatisfy({ $0.isLetter || $0.isNumber }),
            self[index(after: mark)...].first == " "
        else { return "" }
        return self[index(after: mark)...].drop { $0 == " " }
    }
}

/// An essay without headings is built in paragraphs: an opening, a paragraph a point, a close.
struct StructureParagraphing: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let target = NumberParameter(
            "target", 5, minimum: 2,
            "paragraphs for full credit (default {default}: an opening, three points and a close)")
        static let letterTarget = OptionalNumberParameter(
            "letterTarget", absent: "`target`", minimum: 2,
            """
            paragraphs for full credit in a letter or an application (its question holds a phrase of \
            `letterTasks`): its greeting, its matter and its close, not an essay's points (default {default})
            """)
    }

    static let description = RuleDescription(
        id: "structure-paragraphing", criterion: "structure",
        summary:
            "an essay without headings is built in paragraphs: an opening, one paragraph a point and a close",
        rationale:
            """
            In an essay without headings the paragraphs are the structure: examiners mark one unbroken block \
            at the bottom of the scale, and reward an opening, three or more body paragraphs and a close.
            """,
        fix: "Write an opening paragraph, one paragraph for each point, and a closing paragraph.",
        parameters: [Param.target, Param.letterTarget],
        examples: [
            RuleExample(
                "Q.1 Should homework be banned?\n\n"
                    + (1...5).map { _ in Example.filler(3) }.joined(separator: "\n\n"), fires: false),
            RuleExample(
                "Q.1 Should homework be banned?\n\n\(Example.filler(8))", fires: true, at: "3:1",
                message: "the answer is one unbroken paragraph"),
        ],
        reads: [.words("letterTasks")])
    let target: Double
    let letterTarget: Double?
    init(_ p: RuleParameters) throws(RubricError) {
        target = try p.read(Param.target)
        letterTarget = try p.read(Param.letterTarget)
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard c.headedSections.isEmpty else { return .notJudged([]) }
        let prose = c.proseParagraphs
        let n = Double(prose.count)
        // A short letter is laid out in its greeting, its matter and its close, not in an essay's points
        // (finding review 15: q08's four paragraphs of greeting, request, news and close).
        let target = c.asksForLetter ? letterTarget ?? self.target : self.target
        guard n < target, c.words >= 60 else { return .full }
        let credit = Credit.ramp(n, zero: 1, full: target)
        let what =
            prose.count <= 1
            ? "the answer is one unbroken paragraph"
            : "the answer is \(counted(prose.count, "paragraph")): the points share paragraphs"
        return RuleOutcome(
            credit: credit,
            findings: [
                finding(
                    prose.count <= 1 ? .error : .warning, at: c.paragraphs[prose.first ?? 0].paragraph.range,
                    excerpt: c.excerpt(paragraph: prose.first ?? 0), what, fix: Self.description.fix)
            ])
    }
}
