/// Evidence density: facts, figures, sources and quotations per 300 words.
struct EvidenceDensity: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let per300Words = NumberParameter(
            "per300Words", 3, minimum: 0.01,
            "evidence items per 300 words for full credit (default {default})")
    }

    static let description = RuleDescription(
        id: "evidence-density", criterion: "evidence",
        summary:
            """
            enough evidence for the length: dated facts, figures with units, named sources, attributed quotations \
            (by default 3 per 300 words)
            """,
        rationale:
            """
            Unsupported claims are a standing complaint; examiners look for research-based facts, figures, dates \
            and sources.
            """,
        fix:
            """
            Back each claim with a dated fact, a figure with its unit, a named report or institution, or a \
            quotation with its speaker.
            """,
        parameters: [Param.per300Words],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                "Q.1 Discuss the causes of inflation in Pakistan.\n\n\(Example.filler(6))", fires: true, at: "3:1",
                message: "0 pieces of evidence in 126 words (0 per 300"),
        ],
        reads: [
            .words("units"), .words("currencies"), .words("attribution"), .words("reportedSpeech"),
            .words("eventWords"), .lexicon("namedEvents"),
            .lexicon("sources"),
        ])
    let per300: Double
    init(_ p: RuleParameters) throws(RubricError) { per300 = try p.read(Param.per300Words) }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard c.words >= 30 else {
            return c.evidence.isEmpty
                ? RuleOutcome(
                    credit: 0,
                    findings: [
                        finding(.warning, at: c.startRange, "the answer gives no evidence", fix: Self.description.fix)
                    ]) : .full
        }
        let rate = Double(c.supportCount) * 300 / Double(c.words)
        let credit = min(1, rate / per300)
        guard credit < 1 else { return .full }
        return RuleOutcome(
            credit: credit,
            findings: [
                finding(
                    .warning, at: c.startRange,
                    """
                    \(c.supportCount) piece\(c.supportCount == 1 ? "" : "s") of evidence in \(c.words) words \
                    (\(figure(rate)) per 300 words; aim for \(figure(per300)))
                    """,
                    fix: Self.description.fix)
            ])
    }
}

/// Each argument section names at least one fact, figure or source.
struct EvidenceMissingInSection: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let skipRoles = ListParameter(
            "skipRoles", ["introduction", "conclusion", "way-forward"], style: .plain,
            "section roles that need no evidence (default {default})")
        static let namedThings = NumberParameter(
            "namedThings", 2, minimum: 0,
            """
            distinct named places, works or programmes (a name joined to a kind of `namedKinds`: \
            "Strait of Hormuz", "Malabar naval exercise", "base at Diego Garcia") that give a section some \
            support; 0 counts none (default {default})
            """)
        static let namedKinds = ListParameter(
            "namedKinds",
            [
                "strait", "gulf", "sea", "port", "ports", "base", "bases", "exercise", "exercises", "command", "dam",
                "dams", "barrage", "canal", "corridor", "pipeline", "initiative", "programme", "program", "strategy",
                "doctrine", "operation", "summit", "patrols", "island", "islands", "harbour", "airbase", "highway",
                "motorway",
            ],
            style: .plain,
            "kinds of named places, works and programmes for `namedThings` (default: {default})")
        static let judgmentHeadings = ListParameter(
            "judgmentHeadings", ["assessment", "appraisal", "evaluation", "verdict"], style: .plain,
            """
            heading words of a section that weighs the evidence given before it (its own heading's or its parent's: \
            "Critical Assessment"); such a section owes none of its own once the sections before it hold some \
            (default: {default})
            """)
    }

    static let description = RuleDescription(
        id: "evidence-missing-in-section", criterion: "evidence",
        summary: "each argument section has at least one fact, figure or source",
        rationale:
            "Examiners read each section for support; a section of bare claims earns little whatever the rest holds.",
        fix: "Give every argument section at least one dated fact, figure or named source.",
        parameters: [Param.skipRoles, Param.namedThings, Param.namedKinds, Param.judgmentHeadings],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nThis answer argues that \
                inflation has two causes.\n\n2. CAUSES\n2.1 Money\nThe State Bank printed Rs 3 trillion in 2022, \
                according to Dawn.\n\n2.2 Fuel\nFuel prices rose sharply and hurt everyone because transport \
                costs rose.\n\n3. CONCLUSION\nIn conclusion, inflation has causes.
                """,
                fires: true, at: "10:1", message: "section 2.2 makes its claim with no fact"),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nThis answer argues that \
                inflation has two causes.\n\n2. CAUSES\n2.1 Money\nThe State Bank printed Rs 3 trillion in 2022, \
                according to Dawn.\n\n2.2 Fuel\nOil comes through the Strait of Hormuz and reaches ports such \
                as Karachi, so every crisis there raises transport costs.\n\n3. CONCLUSION\nIn conclusion, \
                inflation has causes.
                """,
                fires: false),
        ],
        reads: [
            .words("units"), .words("currencies"), .words("attribution"), .words("reportedSpeech"),
            .words("eventWords"), .lexicon("namedEvents"),
            .lexicon("sources"), .lexicon("stopWords"),
        ],
        advice: RuleAdvice(
            improvement: { places, _ in
                """
                \(RuleAdvice.capitalised(places)) make claims with no fact, figure or source: give each a dated \
                fact, a figure with its unit or a named source
                """
            },
            fault: { places, _ in "\(places) without a fact, figure or source" }))
    let skipRoles: [String]
    let namedThings: Int
    let namedKinds: Set<UInt64>
    let judgmentHeadings: [String]
    init(_ p: RuleParameters) throws(RubricError) {
        judgmentHeadings = try p.read(Param.judgmentHeadings)
        skipRoles = try p.read(Param.skipRoles)
        namedThings = Int(try p.read(Param.namedThings))
        namedKinds = Set(try p.read(Param.namedKinds).map { WordKey.of($0.lowercased()) })
    }

    static let followsFromOffTopic = true

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        let units = c.arguments.kept { !skipRoles.contains($0.role?.rawValue ?? "") }
        guard !units.isEmpty else { return .full }
        let withEvidence = Set(c.evidence.map(\.paragraph))
        var findings: [Finding] = []
        for unit in units where !unit.paragraphs.contains(where: withEvidence.contains) {
            // Named places, works and programmes are facts, if not figures (finding review 12: n03's Chabahar,
            // Duqm, the Malabar exercise). They count here only: `evidence-density` does not count them.
            if namedThings > 0, Self.namedThings(c, in: unit.paragraphs, kinds: namedKinds, atLeast: namedThings) {
                continue
            }
            if let section = unit.section, reportsOrWeighs(c, section: section, withEvidence: withEvidence) {
                continue
            }
            findings.append(
                finding(
                    .warning, at: unit.range, excerpt: c.excerpt(paragraph: unit.paragraphs[0]),
                    "\(unit.name) makes its claim with no fact, figure or source",
                    fix: "Support \(unit.name) with a dated fact, a figure with its unit, or a named source.",
                    listedAs: unit.name))
        }
        return RuleOutcome(credit: 1 - Double(findings.count) / Double(units.count), findings: findings)
    }

    /// True when a section's support stands in its parent section or before it (finding review 15: p03, o02):
    /// a subsection that sets out a part of what its parent's own lead dates or gives evidence for and
    /// announces with a colon ("… adopted the WHO Pandemic Agreement on 20 May 2025 … Its main features
    /// are:" over "5.1 One Health and prevention"), or a section that weighs what the sections before it gave
    /// (a heading, its own or its parent's, with a word of `judgmentHeadings`: "Critical Assessment"), once
    /// some section before it holds evidence.
    func reportsOrWeighs(_ c: GradingContext, section: Int, withEvidence: Set<Int>) -> Bool {
        let parent = c.sections[section].parent
        if let parent, let lead = c.sections[parent].paragraphs.last,
            c.paragraphs[lead].tokens.last.map({ c.tokens[$0].text == ":" }) == true,
            c.sections[parent].paragraphs.contains(where: { p in
                withEvidence.contains(p) || c.paragraphs[p].tokens.contains { c.tokens[$0].kind == .number }
            })
        {
            return true
        }
        let weighs = [section, parent].compactMap { $0 }.contains { s in
            guard let title = c.sections[s].section.title else { return false }
            let words = Set(lowercaseWords(title))
            return judgmentHeadings.contains(where: words.contains)
        }
        guard weighs, let first = c.sections[section].paragraphs.first else { return false }
        return withEvidence.contains(where: { $0 < first })
    }

    /// True when some paragraphs name at least `least` distinct things, each a capitalised name joined to one
    /// of `kinds` (the keys of lowercase words): before it, or one word or closing quote mark before it ("Kalabagh
    /// Dam", "Malabar naval exercise"), or after it: after "of" when the kind is capitalised ("Strait of
    /// Hormuz"), after "at", "like" or "such as" ("base at Diego Garcia", "ports such as Chabahar"). A
    /// name that is a stop word, a kind or one of the question's terms does not count.
    static func namedThings(_ c: GradingContext, in paragraphs: [Int], kinds: Set<UInt64>, atLeast least: Int)
        -> Bool
    {
        let isKind = { (k: Int) in kinds.contains(c.tokens[k].key) }
        let asked = Set(c.questionKeys)
        var names: Set<String> = []
        for p in paragraphs {
            let range = c.paragraphs[p].tokens
            func name(_ k: Int) -> String? {
                guard range.contains(k) else { return nil }
                let t = c.tokens[k]
                guard t.kind == .word, t.isCapitalized, !c.lexicon.stopWords.contains(t.lower),
                    !isKind(k), !asked.contains(TermKey.key(t.lower))
                else { return nil }
                return t.lower
            }
            func lower(_ k: Int) -> String? { range.contains(k) ? c.tokens[k].lower : nil }
            // A model's designation is a name of its own: "the S-400 air defence system", "Su-35 fighter jets"
            // (finding review 15: p01).
            for k in range where c.tokens[k].hasHyphen && Self.isDesignation(c.tokens[k].text) {
                names.insert(c.tokens[k].lower)
                if names.count >= least { return true }
            }
            for k in range where c.tokens[k].kind == .word && isKind(k) {
                var found = name(k - 1)
                if found == nil, range.contains(k - 1) {
                    let between = c.tokens[k - 1]
                    let closes = between.text == "\"" || between.text == "”"
                    let skips = between.kind == .word ? !between.isCapitalized : closes
                    if skips { found = name(k - 2) }
                }
                if found == nil {
                    switch lower(k + 1) {
                    case "of" where c.tokens[k].isCapitalized, "at", "like": found = name(k + 2)
                    case "such" where lower(k + 2) == "as": found = name(k + 3)
                    default: break
                    }
                }
                if let found { names.insert(found) }
                if names.count >= least { return true }
            }
        }
        return false
    }

    /// True when a word is a model's designation: a capital letter, letters, a hyphen and digits to its end
    /// ("S-400", "Su-35", "JF-17").
    static func isDesignation(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let dash = scalars.firstIndex(of: "-"), dash > 0, dash + 1 < scalars.count,
            scalars[0].properties.isUppercase
        else { return false }
        let isLetter = { (u: Unicode.Scalar) in u.properties.isAlphabetic }
        let isDigit = { (u: Unicode.Scalar) in u.properties.numericType == .decimal }
        return scalars[..<dash].allSatisfy(isLetter) && scalars[(dash + 1)...].allSatisfy(isDigit)
    }
}

/// Evidence of several kinds.
struct EvidenceVariety: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let target = NumberParameter(
            "target", 4, minimum: 1,
            "kinds of evidence for full credit (default {default})")
    }

    static let description = RuleDescription(
        id: "evidence-variety", criterion: "evidence",
        summary: "evidence of several kinds: dates, figures, named sources, quotations, named events and agreements",
        rationale: "A range of support reads as research; the same kind repeated reads as cramming.",
        fix: "Mix your support: a date, a figure with its unit, a named report, a quotation with its speaker.",
        parameters: [Param.target],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\nInflation rose in 2019 and 2020 and again in \
                2022 and 2023 because the government borrowed heavily and the rupee fell.
                """,
                fires: true, at: "3:1", message: "evidence of only one kind: no figures with"),
        ],
        reads: [
            .words("units"), .words("currencies"), .words("attribution"), .words("reportedSpeech"),
            .words("eventWords"), .lexicon("namedEvents"),
            .lexicon("sources"),
        ])
    let target: Double
    init(_ p: RuleParameters) throws(RubricError) { target = try p.read(Param.target) }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        let kinds = Set(c.evidence.map(\.kind))
        let credit = min(1, Double(kinds.count) / target)
        guard credit < 1 else { return .full }
        let missing = EvidenceItem.Kind.allCases.filter { !kinds.contains($0) }.map { kind -> String in
            switch kind {
            case .date: "dates"
            case .figure: "figures with units"
            case .source: "named sources"
            case .quotation: "attributed quotations"
            case .named: "named events and agreements"
            }
        }
        let none = "no \(listing(missing, limit: 5, or: true))"
        let message =
            kinds.isEmpty
            ? "no evidence of any kind: \(none)"
            : "evidence of only \(kinds.count == 1 ? "one kind" : "\(kinds.count) kinds"): \(none)"
        return RuleOutcome(
            credit: credit, findings: [finding(.note, at: c.startRange, message, fix: Self.description.fix)])
    }
}

/// Each argument is illustrated: the support a school essay owes, where references are not expected.
struct EvidenceExamples: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let share = NumberParameter(
            "share", 0.6, minimum: 0.01,
            "share of the arguments that must be illustrated for full credit (default {default})")
        static let minIllustrated = NumberParameter(
            "minIllustrated", 0, minimum: 0,
            "illustrated arguments needed for full credit, however few the arguments (default {default}: none)")
        static let listItems = NumberParameter(
            "listItems", 0, minimum: 0,
            """
            things a sentence lists ("schools, colleges and universities") that illustrate its point, or two \
            after a word of `exampleLeads` ("like a pencil or a copy") (default {default}: lists do not count)
            """)
        static let untoldShare = OptionalNumberParameter(
            "untoldShare", absent: "`share`", minimum: 0, maximum: 1,
            """
            `share` for a task that takes no position (a letter, a description, a story: see \
            `nonArgumentTasks`); 0 asks no share of its parts, only `minIllustrated` (default {default})
            """)
        static let untoldMinIllustrated = OptionalNumberParameter(
            "untoldMinIllustrated", absent: "`minIllustrated`", minimum: 0,
            """
            `minIllustrated` for a task that takes no position: a letter, a description or a story shows its \
            matter by its details, not by a count of illustrated points (default {default})
            """)
        static let untoldDetails = OptionalNumberParameter(
            "untoldDetails", absent: "illustrated points", minimum: 1,
            """
            paragraphs with a concrete detail (a name, a place, a number, an example, a list of `untoldListItems` \
            things) a task that takes no position owes in place of illustrated points, its opening and close \
            counted, and never more than all its paragraphs but one: a letter, a description or a story shows its \
            matter by its details (default {default})
            """)
        static let untoldListItems = NumberParameter(
            "untoldListItems", 3, minimum: 2,
            "things a sentence lists that make it a detail of a description, a story or a letter (default {default})")
    }

    static let description = RuleDescription(
        id: "evidence-examples", criterion: "evidence",
        summary:
            """
            most arguments are illustrated: an example ('for example', 'such as'), a name, a number or a piece of \
            evidence
            """,
        rationale:
            """
            A school essay is not expected to cite reports, but each point it makes should be shown with a case \
            the reader can picture.
            """,
        fix: """
            Illustrate each point with a concrete example: a named person, place or event, a number, or 'for example \
            …'.
            """,
        parameters: [
            Param.share, Param.minIllustrated, Param.listItems, Param.untoldShare, Param.untoldMinIllustrated,
            Param.untoldDetails, Param.untoldListItems,
        ],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q. Should homework be banned?\n\nHomework is a burden for students and it should be \
                reduced.\n\nHomework takes a lot of time and students get very tired. They cannot play or rest in \
                the evening and they become dull.\n\nHomework is also boring because it repeats the same work \
                again and again. Students do not learn anything new from it.\n\nIn conclusion, homework should be \
                reduced.
                """,
                fires: true, at: "5:1", message: "paragraph 2 and paragraph 3 make their points"),
        ],
        reads: [
            .words("exampleCues"), .words("units"), .words("currencies"), .words("attribution"), .words("eventWords"),
            .lexicon("namedEvents"), .lexicon("sources"), .words("exampleLeads"), .words("numberWords"),
        ])
    let share: Double
    let minIllustrated: Int
    let listItems: Int
    /// The share a task that takes no position owes, or nil where it owes `share` as any other.
    let untoldShare: Double?
    /// The count of illustrated points a task that takes no position owes, or nil where it owes
    /// `minIllustrated` as any other.
    let untoldMinIllustrated: Int?
    /// The paragraphs with a concrete detail a task that takes no position owes, or nil where it owes
    /// illustrated points as any other.
    let untoldDetails: Int?
    let untoldListItems: Int
    init(_ p: RuleParameters) throws(RubricError) {
        untoldDetails = try p.read(Param.untoldDetails).map { Int($0) }
        untoldListItems = Int(try p.read(Param.untoldListItems))
        share = try p.read(Param.share)
        minIllustrated = Int(try p.read(Param.minIllustrated))
        listItems = Int(try p.read(Param.listItems))
        untoldShare = try p.read(Param.untoldShare)
        untoldMinIllustrated = try p.read(Param.untoldMinIllustrated).map { Int($0) }
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        if !c.owesPosition, let untoldDetails { return details(c, owed: untoldDetails) }
        // An essay of an opening and a close only (two paragraphs, the first doing the body's work) is judged
        // on those two: it has points to show, and showing none is no reason for full credit (panel d10, k09,
        // n07: examiners 0.5 to 1 of 2).
        let units = c.allArguments.isEmpty ? [c.introduction, c.conclusion].compactMap { $0 } : c.arguments
        guard !units.isEmpty else { return .full }
        let bare = units.filter {
            !$0.paragraphs.contains(where: { Self.illustrates(c, paragraph: $0, listItems: listItems) })
        }
        let count = units.count - bare.count
        // A letter, a description or a story shows its matter by its facts and details, not by an example
        // for each part as an argued point owes (finding review 10: l08, l10): its share is its own.
        let owed = c.owesPosition ? share : untoldShare ?? share
        let byShare = owed > 0 ? min(1, Double(count) / Double(units.count) / owed) : 1
        // Nor does such a task owe a count of illustrated points (finding review 11: m08, m09, m10).
        let minIllustrated = c.owesPosition ? self.minIllustrated : untoldMinIllustrated ?? self.minIllustrated
        // Too few points shown costs at most half the credit: one example in a short essay still shows one.
        let byCount = minIllustrated > 0 ? (1 + min(1, Double(count) / Double(minIllustrated))) / 2 : 1
        guard byShare < 1 || byCount < 1 else { return .full }
        guard byShare < 1 else {
            // Every point may be shown, and still too few points are: a short essay with one or two examples.
            return RuleOutcome(
                credit: byCount,
                findings: [
                    finding(
                        .warning, at: units[0].range, excerpt: c.excerpt(paragraph: units[0].paragraphs[0]),
                        """
                        \(count == 0 ? "no" : "only \(count)") \(count == 1 ? "point is" : "points are") shown with \
                        an example, a name or \
                        a number; a developed essay shows \(minIllustrated)
                        """,
                        fix: Self.description.fix, listedAs: units[0].name)
                ])
        }
        let names = bare.map(\.name)
        return RuleOutcome(
            credit: min(byShare, byCount),
            findings: [
                finding(
                    .warning, at: bare[0].range, excerpt: c.excerpt(paragraph: bare[0].paragraphs[0]),
                    """
                    \(listing(names)) \(names.count == 1 ? "makes its point" : "make their points") without an \
                    example
                    """,
                    fix: Self.description.fix, listedAs: bare[0].name)
            ])
    }

    /// A letter, a description or a story judged by its concrete details: the paragraphs of its matter (of
    /// `matterWords` words or more, not a letter's address, date or greeting), its opening and close among
    /// them, that name a person or a place, give a number, an example or a list of things. Such a task is not
    /// owed an example for each point (finding review 15: m09's Committee Chowk, n08's Sahiwal). Too few cost
    /// at most half the credit, as too few examples do.
    func details(_ c: GradingContext, owed: Int) -> RuleOutcome {
        let matter = c.paragraphs.indices.filter { c.paragraphs[$0].paragraph.words >= Self.matterWords }
        guard let first = matter.first else { return .full }
        let count = matter.count { p in
            c.paragraphs[p].sentences.contains { Self.detailed(c, sentence: $0, listItems: untoldListItems) }
        }
        // Details in every paragraph of its matter but one are a task full of detail: a short letter cannot
        // give more than it has paragraphs, and the one left may be its close or a scene told in common nouns
        // (the milkman, the tea stall), which no name or number marks (finding review 15: q07, q08, q10).
        let owed = min(owed, matter.count - 1)
        guard count < owed else { return .full }
        return RuleOutcome(
            credit: (1 + Double(count) / Double(owed)) / 2,
            findings: [
                finding(
                    .warning, at: c.paragraphs[first].paragraph.range, excerpt: c.excerpt(paragraph: first),
                    """
                    \(count == 0 ? "no" : "only \(count)") \(count == 1 ? "paragraph gives" : "paragraphs give") a \
                    concrete detail (a name, a place, a number, a list of things); a letter, a description or a \
                    story that shows its matter gives one in \(owed) or more
                    """,
                    fix: Self.detailFix)
            ])
    }

    /// Words a paragraph needs to be part of a letter's or a story's matter rather than its address or
    /// greeting.
    static let matterWords = 20

    /// The fix for a letter, a description or a story short of details.
    static let detailFix =
        "Give concrete details in each paragraph: the names of people and places, numbers, times, what happened."

    /// True when a sentence gives a concrete detail: an example phrase, a number, a name (a capitalised word
    /// that does not open it and is not "I"), or a list of `listItems` things.
    static func detailed(_ c: GradingContext, sentence s: Int, listItems: Int) -> Bool {
        c.sentence(s, has: "exampleCues") || namesOrNumbers(c, sentence: s) || lists(c, sentence: s, items: listItems)
    }

    /// True when a paragraph shows its point: a piece of evidence, an example phrase, a number, or a name
    /// (a capitalised word that does not open a sentence and is not "I").
    /// With `listItems` above 0, a list of that many things, or of two after a word of `exampleLeads`, shows it
    /// too (see `lists(_:sentence:items:)`).
    static func illustrates(_ c: GradingContext, paragraph p: Int, listItems: Int = 0) -> Bool {
        if c.count("exampleCues", inParagraphs: [p]) > 0 || c.evidence.contains(where: { $0.paragraph == p }) {
            return true
        }
        for s in c.paragraphs[p].sentences {
            if listItems > 0, lists(c, sentence: s, items: listItems) { return true }
            if namesOrNumbers(c, sentence: s) || spansDoings(c, sentence: s) { return true }
        }
        // A figure in words: "five thousand rupees", "from eight to two" (finding review 11: m07). Walked only
        // where the one pass over the cue lists found a number word in the paragraph.
        return c.count("numberWords", inParagraphs: [p]) > 0 && spellsFigure(c, paragraph: p)
    }

    /// True when a sentence gives a number, or a name: a capitalised word that does not open it and is not "I".
    static func namesOrNumbers(_ c: GradingContext, sentence s: Int) -> Bool {
        var first = true
        for i in c.sentences[s].tokens where c.tokens[i].kind != .punctuation {
            let t = c.tokens[i]
            if t.kind == .number || t.startsWithNumber { return true }
            if !first, t.isCapitalized, t.lower != "i" { return true }
            first = false
        }
        return false
    }

    /// True when a sentence spans its point by two doings: "from" a word in -ing and its object "to" another
    /// ("every decision, from buying a car to choosing a child's school", finding review 15: q09), each of two
    /// to `itemWords` words ("from morning to evening" names no doing).
    static func spansDoings(_ c: GradingContext, sentence s: Int) -> Bool {
        let range = c.sentences[s].tokens
        func doing(_ i: Int) -> Bool {
            i + 1 < range.upperBound && c.tokens[i].kind == .word && c.tokens[i].lower.count > 5
                && c.tokens[i].lower.hasSuffix("ing") && c.tokens[i + 1].kind == .word && c.tokens[i + 1].lower != "to"
        }
        for i in range where c.tokens[i].lower == "from" && doing(i + 1) {
            let limit = min(range.upperBound, i + 2 + itemWords)
            guard let to = (i + 3..<limit).first(where: { c.tokens[$0].lower == "to" }) else { continue }
            if doing(to + 1), c.tokens[to + 1].lower != c.tokens[i + 1].lower { return true }
        }
        return false
    }

    /// True when a paragraph writes a figure in words: number words before a word of `units` ("five thousand
    /// rupees", "twenty years", "six hundred students") or a span "from" one number word "to" another ("from
    /// eight to two").
    static func spellsFigure(_ c: GradingContext, paragraph p: Int) -> Bool {
        let numbers = c.lexicon.cue("numberWords")
        let units = c.lexicon.cue("units")
        let range = c.paragraphs[p].tokens
        func number(_ i: Int) -> Bool {
            i < range.upperBound && c.tokens[i].kind == .word && numbers.match(c.tokens, at: i, limit: i + 1) != nil
        }
        for i in range where number(i) {
            var k = i + 1
            while number(k) { k += 1 }
            if k < range.upperBound, units.count > 0, units.match(c.tokens, at: k, limit: range.upperBound) != nil {
                return true
            }
            if i > range.lowerBound, c.tokens[i - 1].lower == "from", i + 2 < range.upperBound,
                c.tokens[i + 1].lower == "to", number(i + 2)
            {
                return true
            }
        }
        return false
    }

    /// Words after "and" or "or" that open a clause rather than a list's last item.
    static let clauseOpeners: Set<String> = ["i", "we", "you", "he", "she", "it", "they", "there", "this", "that"]

    /// Words an item of a list runs to at most: "watching films late at night" is one thing listed.
    static let itemWords = 6

    /// True when a sentence lists things, as a school essay shows its point without a cue word: `items` or
    /// more joined by commas and a last "and" or "or" ("schools, colleges and universities"), or two or more
    /// after a word of `exampleLeads` ("things like a pencil or a copy"). Each item is one to `itemWords`
    /// words.
    static func lists(_ c: GradingContext, sentence s: Int, items: Int) -> Bool {
        let range = c.sentences[s].tokens
        let leads = c.lexicon.cue("exampleLeads")
        for j in range where c.tokens[j].lower == "and" || c.tokens[j].lower == "or" {
            // "… a poison and it spoils": a clause follows, not a last item.
            guard j + 1 < range.upperBound, c.tokens[j + 1].kind == .word,
                !clauseOpeners.contains(c.tokens[j + 1].lower)
            else { continue }
            // Walks back item by item from the joining word: each item is a run of words that ends at a
            // comma, at a lead word or at the sentence's start.
            var found = 1
            var k = j - 1
            var words = 0
            while k >= range.lowerBound {
                let t = c.tokens[k]
                if t.kind == .punctuation {
                    guard t.text == ",", words > 0, words <= itemWords else { break }
                    found += 1
                    words = 0
                } else if words > 0, leads.count > 0, leads.match(c.tokens, at: k, limit: k + 1) != nil {
                    if words <= itemWords { return true }
                    break
                } else {
                    words += 1
                }
                k -= 1
            }
            if words > 0, words <= itemWords { found += 1 }
            if found >= items { return true }
        }
        return false
    }
}
