/// How many distinct arguments are developed.
struct ArgumentsCount: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let target = NumberParameter(
            "target", 5, minimum: 1,
            "developed arguments for full credit (default {default})")
        static let minWords = NumberParameter(
            "minWords", 40, minimum: 0,
            "words an argument needs to count as developed (default {default})")
        static let minSentences = NumberParameter(
            "minSentences", 3, minimum: 1,
            "sentences an argument needs to count as developed (default {default})")
        static let letterTarget = OptionalNumberParameter(
            "letterTarget", absent: "`target`", minimum: 1,
            """
            developed parts a letter or an application owes (its question holds a phrase of `letterTasks`) in \
            place of `target` (default {default})
            """)
        static let measuresTerms = ListParameter(
            "measuresTerms",
            ["measures", "way forward", "remedies", "solutions", "recommendations", "suggest", "overcome"],
            style: .plain,
            """
            question words that ask for measures, making the developed measures of a way forward arguments too \
            (as a directive that owes a way forward does: suggest, propose) (default: {default})
            """)
        static let tellingTarget = OptionalNumberParameter(
            "tellingTarget", absent: "`target`", minimum: 1,
            """
            developed parts a description or a story owes (its question holds a phrase of `tellingTasks` and \
            asks no opinion) in place of `target` (default {default})
            """)
    }

    static let description = RuleDescription(
        id: "arguments-count", criterion: "arguments",
        summary: "enough distinct arguments are developed (by default five, each at least 40 words)",
        rationale: "Examiners reward breadth with depth: several distinct points, each argued, not one point repeated.",
        fix: "Develop more distinct points, each under its own subheading with a few sentences of reasoning.",
        parameters: [
            Param.target, Param.minWords, Param.minSentences, Param.letterTarget, Param.measuresTerms,
            Param.tellingTarget,
        ],
        examples: [
            RuleExample(Example.good, fires: true, at: "3:1", message: "no arguments are developed at length (3+"),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nThis answer argues that \
                inflation has causes.\n\n2. CAUSES\n\n
                """
                    // Each subsection on the question (an off-topic answer's sections would earn nothing).
                    + (1...5).map { "2.\($0) Cause \($0)\n\(Self.inflation)" }.joined(separator: "\n\n")
                    + "\n\n3. CONCLUSION\nIn conclusion, inflation has causes.", fires: false),
        ],
        reads: [.words("letterTasks"), .words("tellingTasks")])
    /// Three sentences on inflation in Pakistan, for a developed subsection of the examples.
    static let inflation = Array(
        repeating:
            """
            Prices in Pakistan rise because the state borrows from the central bank to pay its debts, and \
            therefore inflation stays high.
            """,
        count: 3
    ).joined(separator: " ")

    /// The fix for a task that takes no position: more stages or details, not more arguments.
    static let partsFix =
        "Develop more distinct stages or details, each in a paragraph of its own with a few sentences."

    let target: Double
    let minWords: Int
    let minSentences: Int
    let letterTarget: Double?
    let measuresTerms: [String]
    let tellingTarget: Double?
    init(_ p: RuleParameters) throws(RubricError) {
        measuresTerms = try p.read(Param.measuresTerms)
        target = try p.read(Param.target)
        minWords = Int(try p.read(Param.minWords))
        minSentences = Int(try p.read(Param.minSentences))
        letterTarget = try p.read(Param.letterTarget)
        tellingTarget = try p.read(Param.tellingTarget)
    }

    static let followsFromOffTopic = true

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        // The measures a question asks for ("suggest measures", "remedies") are half its case: a developed
        // measure is an argument. Elsewhere a way forward is a coda, not the argument.
        let measuresAsked =
            c.question.map { question in
                let text = question.text.lowercased()
                return measuresTerms.contains(where: { text.contains($0) })
                    || (c.lexicon.directives.owes(.wayForward, question) && !c.asksAboutThePast)
            } ?? false
        let developed = c.arguments.kept {
            $0.words >= minWords && $0.sentences >= minSentences && ($0.role != .wayForward || measuresAsked)
        }
        // A letter or an application owes its occasion, its matter and its request, not an essay's breadth.
        // A description or a story owes its scenes or stages, not an essay's breadth of arguments (finding
        // review 11: m08, m09).
        let tells = c.questionTells && !c.owesPosition
        // A letter, a description or a story without headings tells its points in stages: a long paragraph
        // holds as many as it has room for (one per `minWords` words and `minSentences` sentences), so an
        // answer written in one or two paragraphs is not counted as one part. A description's or a story's
        // stages are counted in every paragraph: its opening scene and its last turn are told as much as its
        // middle (finding review 15: m09's five developed paragraphs were counted as three).
        let count =
            if c.tellsInStages && tells && !c.asksForLetter {
                c.paragraphs.reduce(0) { $0 + stages(words: $1.paragraph.words, sentences: $1.sentences.count) }
            } else if c.tellsInStages {
                developed.reduce(0) { $0 + stages(words: $1.words, sentences: $1.sentences) } + framed(c)
            } else {
                developed.count
            }
        let owed =
            if c.asksForLetter, let letterTarget { letterTarget } else if tells { tellingTarget ?? target } else {
                target
            }
        let credit = min(1, Double(count) / owed)
        guard credit < 1 else { return .full }
        // A letter, a description or a story argues no case: what it develops are its parts.
        let unit = c.owesPosition ? "argument" : "part"
        return RuleOutcome(
            credit: credit,
            findings: [
                finding(
                    .warning, at: c.startRange,
                    """
                    \(count == 0 ? "no" : "only \(count)") \
                    \(unit)\(count == 1 ? " is" : "s are") developed at length (\(minSentences)+ \
                    sentences, \(minWords)+ words); examiners look for \(Int(owed)) or more
                    """,
                    fix: c.owesPosition ? Self.description.fix : Self.partsFix)
            ])
    }
}

extension ArgumentsCount {
    /// The stages a developed stretch of telling holds: one per `minWords` words and `minSentences`
    /// sentences, at least one; none when it is not developed.
    func stages(words: Int, sentences: Int) -> Int {
        guard words >= minWords && sentences >= minSentences else { return 0 }
        return max(1, min(words / max(1, minWords), sentences / minSentences))
    }

    /// The parts told in the opening and the close of an answer that tells in stages. An opening counts the
    /// stages it tells beyond the one that opens it: a long first paragraph of a story or a description that
    /// goes on into the match or the journey is more than an opening, and a letter's greeting is none. A
    /// letter's close counts each developed paragraph: its request ("I advise you to join the cricket team
    /// …") is a part of its matter, the last courtesy is not (finding review 14: p08, p09).
    func framed(_ c: GradingContext) -> Int {
        func told(_ p: Int) -> Int {
            stages(words: c.paragraphs[p].paragraph.words, sentences: c.paragraphs[p].sentences.count)
        }
        var total = c.introduction.map { $0.paragraphs.reduce(0) { $0 + max(0, told($1) - 1) } } ?? 0
        if c.asksForLetter, let close = c.conclusion {
            total += close.paragraphs.reduce(0) { $0 + told($1) }
        }
        return total
    }
}

/// Each argument is developed, not stated in a line or two.
struct ArgumentsUnderdeveloped: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let minSentences = NumberParameter(
            "minSentences", 3, minimum: 1,
            "fewest sentences (default {default})")
        static let minWords = NumberParameter(
            "minWords", 40, minimum: 0,
            "fewest words (default {default})")
        static let denseEvidence = NumberParameter(
            "denseEvidence", 2, minimum: 1,
            """
            facts, figures or sources that make a short subsection of two sentences or more developed (default \
            {default})
            """)
    }

    static let description = RuleDescription(
        id: "arguments-underdeveloped", criterion: "arguments",
        summary: "each argument is developed: a subsection of one or two sentences is underdeveloped",
        rationale: "A heading with a sentence under it is a list, not an argument; examiners give it little credit.",
        fix: "Give each subsection a claim, its reasoning, an example or figure, and what follows from it.",
        parameters: [Param.minSentences, Param.minWords, Param.denseEvidence],
        examples: [
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nThis answer argues that \
                inflation has causes.\n\n2. CAUSES\n2.1 Money\n\(Example.filler(3))\n\n2.2 \
                Fuel\n\(Example.filler(3))\n\n3. CONCLUSION\nIn conclusion, inflation has causes.
                """,
                fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nThis answer argues that \
                inflation has causes.\n\n2. CAUSES\n2.1 Money\nThe State Bank printed money.\n\n2.2 \
                Fuel\n\(Example.filler(3))\n\n3. CONCLUSION\nIn conclusion, inflation has causes.
                """,
                fires: true, at: "7:1", message: "section 2.1 is one sentence long"),
        ],
        reads: [
            .words("units"), .words("currencies"), .words("attribution"), .words("reportedSpeech"),
            .words("eventWords"), .lexicon("namedEvents"),
            .lexicon("sources"),
        ],
        advice: RuleAdvice(
            improvement: { places, _ in
                """
                \(RuleAdvice.capitalised(places)) are too thin to count as arguments: develop each with \
                reasoning, an example or figure, and what follows from it
                """
            },
            fault: { places, _ in "\(places) too thin to count as arguments" }))
    let minSentences: Int
    let minWords: Int
    let denseEvidence: Int
    init(_ p: RuleParameters) throws(RubricError) {
        minSentences = Int(try p.read(Param.minSentences))
        minWords = Int(try p.read(Param.minWords))
        denseEvidence = Int(try p.read(Param.denseEvidence))
    }

    /// True when a short part is still developed: two sentences or more that carry `denseEvidence` facts,
    /// figures or sources (examiners call such a subsection dense, not thin).
    func isDense(_ unit: GradingContext.Part, _ c: GradingContext) -> Bool {
        guard unit.sentences >= 2 else { return false }
        let own = Set(unit.paragraphs)
        return c.evidence.lazy.filter { own.contains($0.paragraph) }.count >= denseEvidence
    }

    static let followsFromOffTopic = true

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        let units = c.arguments.kept { $0.role != .wayForward }
        guard !units.isEmpty else {
            return RuleOutcome(
                credit: 0,
                findings: [
                    finding(
                        .warning, at: c.startRange,
                        "no argument is developed apart from the introduction and conclusion",
                        fix: "Develop each point in a paragraph or subsection of its own.")
                ])
        }
        // Each thin part with its size, nil for a developed one, in the order of the answer.
        let sizes = units.map { unit -> String? in
            guard (unit.sentences < minSentences || unit.words < minWords) && !isDense(unit, c) else { return nil }
            return unit.sentences <= 2
                ? "\(unit.sentences == 1 ? "one sentence" : "two sentences") long" : "only \(unit.words) words long"
        }
        var findings: [Finding] = []
        var k = 0
        while k < units.count {
            guard let size = sizes[k] else {
                k += 1
                continue
            }
            let run = sizes[k...].prefix { $0 == size }.count
            let unit = units[k]
            if run >= Self.foldedRun {
                // A run of parts of one size is one fault, said once at its first part and costing what its
                // parts would have cost apart: "sections 1-14 are each two sentences long".
                let names = Self.names(units[k..<(k + run)].map(\.name))
                findings.append(
                    finding(
                        .warning, at: unit.range, excerpt: c.excerpt(paragraph: unit.paragraphs[0]),
                        "\(names) are each \(size)",
                        fix: "Develop \(names): reasoning, an example or figure, and what follows from each.",
                        weight: Double(run), listedAs: names))
                k += run
                continue
            }
            findings.append(
                finding(
                    .warning, at: unit.range, excerpt: c.excerpt(paragraph: unit.paragraphs[0]),
                    "\(unit.name) is \(size)",
                    fix: "Develop \(unit.name): reasoning, an example or figure, and what follows from it.",
                    listedAs: unit.name))
            k += 1
        }
        let thin = sizes.filter { $0 != nil }.count
        return RuleOutcome(credit: 1 - Double(thin) / Double(units.count), findings: findings)
    }

    /// The fewest parts in a row, each as thin as the last, that make one finding: two or three stay apart.
    static let foldedRun = 4

    /// Parts named together: "sections 1-14" when they are sections numbered one after another, else listed.
    static func names(_ names: [String]) -> String {
        let numbers = names.map { $0.hasPrefix("section ") ? Int($0.dropFirst(8)) : nil }
        if let first = numbers.first ?? nil, let last = numbers.last ?? nil, first <= last,
            numbers == Array(first...last).map(Optional.some)
        {
            return "sections \(first)-\(last)"
        }
        if names.allSatisfy({ $0.hasPrefix("section ") }) {
            return "sections " + listing(names.map { String($0.dropFirst(8)) }, limit: names.count)
        }
        return listing(names, limit: names.count)
    }
}

/// The way forward develops its measures, not a list of one-line points.
struct ArgumentsMeasuresDeveloped: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let minItems = NumberParameter(
            "minItems", 3, minimum: 1,
            "fewest points a way forward must list before its development is judged (default {default})")
        static let minWords = NumberParameter(
            "minWords", 12, minimum: 1,
            "words a measure of the way forward runs to on average, for full credit (default {default})")
    }

    static let description = RuleDescription(
        id: "arguments-measures-developed", criterion: "arguments",
        summary: "the way forward develops its measures: not a list of one-line points",
        rationale:
            """
            Examiners reward concrete, feasible recommendations; a bullet of four words names a wish, not a \
            measure, and reads as crammed.
            """,
        fix: "Develop each measure in a sentence or two: who should act, how, and what it would achieve.",
        parameters: [Param.minItems, Param.minWords],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the energy crisis of Pakistan and suggest measures.\n\n1. INTRODUCTION\nThis answer \
                argues that the crisis is one of governance.\n\n2. CIRCULAR DEBT\nCircular debt passed Rs 2.6 \
                trillion in 2023.\n\n3. WAY FORWARD\n- Reduce line losses.\n- Privatise DISCOs.\n- Build dams.\n\n\
                4. CONCLUSION\nIn conclusion, the crisis can be solved.
                """,
                fires: true, at: "9:1", message: "the way forward lists 3 measures of 2 words each on average"),
        ])
    let minItems: Int
    let minWords: Double
    init(_ p: RuleParameters) throws(RubricError) {
        minItems = Int(try p.read(Param.minItems))
        minWords = try p.read(Param.minWords)
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        let heads = c.sections.indices.filter { i in
            c.sections[i].section.role == .wayForward
                && (c.sections[i].parent.map { c.sections[$0].section.role != .wayForward } ?? true)
        }
        guard let first = heads.first else { return .full }
        func all(_ i: Int) -> [Int] { c.sections[i].paragraphs + c.sections[i].children.flatMap(all) }
        // A lead-in line ("The following measures are needed:") introduces the measures; it is not one.
        let items = heads.flatMap(all).filter { !c.paragraphs[$0].paragraph.text.hasSuffix(":") }
        guard items.count >= minItems else { return .full }
        let words = items.reduce(0) { $0 + c.paragraphs[$1].paragraph.words }
        let mean = Double(words) / Double(items.count)
        guard mean < minWords else { return .full }
        let each = Int(mean)
        let size = "\(each) word\(each == 1 ? "" : "s")"
        return RuleOutcome(
            credit: mean / minWords,
            findings: [
                finding(
                    .warning, at: c.sections[first].range,
                    "the way forward lists \(items.count) measures of \(size) each on average",
                    fix: Self.description.fix)
            ])
    }
}

/// Reasoning connectives show argument, not narration.
struct ArgumentsReasoning: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let per100Words = NumberParameter(
            "per100Words", 0.8, minimum: 0.01,
            "connectives per 100 words for full credit (default {default})")
    }

    static let description = RuleDescription(
        id: "arguments-reasoning", criterion: "arguments",
        summary:
            "reasoning connectives (because, therefore, as a result, consequently) show argument rather than narration",
        rationale:
            """
            Examiners complain of crammed, guide-book narration with no analysis; connectives are the visible \
            trace of reasoning.
            """,
        fix: "Link claims to causes and consequences: 'because …', 'as a result …', 'therefore …'.",
        parameters: [Param.per100Words],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\nInflation is high in Pakistan. Prices of food \
                are high. Prices of fuel are high. The people are poor. The rupee is weak. The State Bank prints \
                money. The government borrows money. The budget deficit is large. Imports are large. Exports are \
                small.
                """,
                fires: true, at: "3:1", message: "0 reasoning connectives (cause or contrast) in"),
        ],
        reads: [.words("connectives"), .words("counterCues"), .words("contrastWords"), .words("tellingTasks")])
    let per100: Double
    init(_ p: RuleParameters) throws(RubricError) { per100 = try p.read(Param.per100Words) }

    static let followsFromOffTopic = true

    /// True when a directive of the question owes analysis, a judgment or the other side ("trace … and
    /// evaluate").
    static func asksForWeighing(_ c: GradingContext) -> Bool {
        guard let question = c.question else { return false }
        return c.lexicon.directives.owed(by: question).contains {
            $0.demand == .analysis || $0.demand == .judgment || $0.demand == .otherSide
        }
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard c.words >= 30 else { return .full }
        // A description, a story or a diary tells by design (the rubric's `tellingTasks`; in a CSS paper "trace"
        // and "elucidate"): it owes no reasoning, unless another directive of the question asks for weighing.
        if c.questionTells, !Self.asksForWeighing(c) { return .notJudged([]) }
        // Reasoning is cause and contrast between claims: causal connectives and counter-view cues alike, and
        // the rubric's plain contrast words ("… old houses, but in Pakistan we keep them") where it lists them.
        let all = c.allParagraphIndices
        let n =
            c.count("connectives", inParagraphs: all) + c.count("counterCues", inParagraphs: all)
            + c.count("contrastWords", inParagraphs: all)
        let rate = Double(n) * 100 / Double(c.words)
        let credit = min(1, rate / per100)
        guard credit < 1 else { return .full }
        return RuleOutcome(
            credit: credit,
            findings: [
                finding(
                    .warning, at: c.startRange,
                    """
                    \(n) reasoning connective\(n == 1 ? "" : "s") (cause or contrast) in \(c.words) words \
                    (\(figure(rate)) per 100 words): the answer narrates more than it argues
                    """,
                    fix: Self.description.fix)
            ])
    }
}

/// A counter-view or the challenges are weighed.
struct ArgumentsCounterView: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let minCues = NumberParameter(
            "minCues", 3, minimum: 1,
            "counter-view cues for full credit without a challenges section (default {default})")
        static let oneSided = NumberParameter(
            "oneSided", 0.25, minimum: 0, maximum: 1,
            "credit kept when the answer argues only against the question's claim (default {default})")
    }

    static let description = RuleDescription(
        id: "arguments-counter-view", criterion: "arguments",
        summary:
            """
            a counter-view or the challenges are weighed (however, on the other hand, critics argue; a challenges \
            section)
            """,
        rationale:
            "Weighing the other side is what separates analysis from advocacy; 'critically' questions demand it.",
        fix:
            "Weigh the other side: a challenges section, or 'however' and 'critics argue' paragraphs answered in turn.",
        parameters: [Param.minCues, Param.oneSided],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Critically evaluate the benefits of CPEC for Pakistan.\n\n1. INTRODUCTION\nCPEC brings many \
                benefits to Pakistan.\n\n2. BENEFITS\nEnergy projects added power. Roads were built. Ports were \
                built.\n\n3. CONCLUSION\nIn conclusion, CPEC is beneficial.
                """,
                fires: true, at: "3:1", message: "the question (critically evaluate) owes the"),
        ],
        reads: [
            .words("concessionCues"), .words("counterCues"), .words("claimWords"), .words("supportTitles"),
            .words("otherSideStems"), .words("directiveStems"),
        ])
    /// The fix for an answer that argues only against the question's claim.
    static let claimFix = "Weigh the case for the claim too: what it achieved, set against its costs, then judge."

    let minCues: Int
    let oneSidedCredit: Double
    init(_ p: RuleParameters) throws(RubricError) {
        minCues = Int(try p.read(Param.minCues))
        oneSidedCredit = try p.read(Param.oneSided)
    }

    /// Judged only where the question owes the other side (see `OtherSide.isOwed`): an answer that weighs
    /// one anyway earns the credit, and one that does not is not charged, its weight going to the others.
    static let followsFromOffTopic = true

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        let side = OtherSide(c)
        // Arguing only against the question's claim weighs one side too: the other side is the claim's case.
        if let question = c.question, OtherSide.isOwed(by: question, c.lexicon.directives),
            let (claim, against) = ClaimSide.onlyAgainst(c)
        {
            let owing = OtherSide.owingDirective(question, c.lexicon.directives)
            return RuleOutcome(
                credit: oneSidedCredit,
                findings: [
                    finding(
                        .warning, at: SourceRange(at: question.position), excerpt: question.text,
                        """
                        the question (\(owing)) owes both sides, but the \
                        answer argues only against its claim ('\(claim)'): \(listing(against)) \
                        \(against.count == 1 ? "weighs" : "weigh") the other side, and no section weighs the case for it
                        """,
                        fix: Self.claimFix)
                ])
        }
        if side.weighed { return .full }
        guard let question = c.question else { return unjudged(c, self) }
        guard OtherSide.isOwed(by: question, c.lexicon.directives) else { return .notJudged([]) }
        let n = side.cues
        let owing = OtherSide.owingDirective(question, c.lexicon.directives)
        return RuleOutcome(
            credit: min(1, Double(n) / Double(minCues)),
            findings: [
                finding(
                    .warning, at: c.startRange,
                    n == 0
                        ? """
                        the question (\(owing)) owes the other side, but \
                        no counter-view or challenge is weighed
                        """
                        : """
                        the question (\(owing)) owes the other side, but \
                        it is weighed only in passing (\(counted(n, "cue")))
                        """,
                    fix: Self.description.fix)
            ])
    }
}
