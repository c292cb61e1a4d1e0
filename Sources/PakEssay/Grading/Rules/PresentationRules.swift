/// Cuttings per 100 words, and where they cluster.
struct PresentationCuttings: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let fullBelow = NumberParameter(
            "fullBelow", 0.5, minimum: 0,
            "cuttings per 100 words with full credit (default {default})")
        static let zeroAt = NumberParameter(
            "zeroAt", 3, minimum: 0.01,
            "cuttings per 100 words with none (default {default})")
    }

    static let description = RuleDescription(
        id: "presentation-cuttings", criterion: "presentation",
        summary: "few cuttings: a few are normal, more than one per 100 words is heavy",
        rationale:
            """
            Messy scripts with many cuttings are named in every examiners' report; presentation is worth 1–2 \
            marks an answer.
            """,
        fix:
            """
            Plan each sentence before you write it; strike a word with a single line, and rehearse timed answers \
            until cuttings are rare.
            """,
        parameters: [Param.fullBelow, Param.zeroAt],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\nInflation ~~is~~ has ~~many~~ several \
                ~~cause~~ causes ~~in~~ across Pakistan ~~becaus~~ because money ~~was~~ is printed.
                """,
                fires: true, at: "3:11", message: "6 cuttings in 10 words (60 per 100 words)"),
        ])
    let fullBelow: Double
    let zeroAt: Double
    init(_ p: RuleParameters) throws(RubricError) {
        fullBelow = try p.read(Param.fullBelow)
        zeroAt = try p.read(Param.zeroAt)
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        let cuttings = c.answer.edits.filter { $0.kind == .cutting }
        guard !cuttings.isEmpty, c.words > 0 else { return .full }
        let rate = Double(cuttings.count) * 100 / Double(c.words)
        let credit = Credit.ramp(rate, zero: zeroAt, full: fullBelow)
        // A rate that reads as within the norm once written to one place ("0.5 per 100 words") is no fault
        // (finding review 12: n09's 2 cuttings in 386 words).
        guard credit < 1, !withinNorm(rate, fullBelow) else { return .full }
        var bySection: [Int: Int] = [:]
        for cut in cuttings {
            if let s = c.section(containingLine: cut.position.line) { bySection[s, default: 0] += 1 }
        }
        var message = "\(counted(cuttings.count, "cutting")) in \(c.words) words (\(figure(rate)) per 100 words)"
        var place = SourceRange(at: cuttings[0].position)
        if let (s, n) = bySection.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
            n * 2 >= cuttings.count, n >= 3, bySection.count > 1 || c.sections[s].section.title != nil
        {
            message += "; \(n) of them in \(c.sections[s].name)"
            place = c.sections[s].range
        }
        return RuleOutcome(credit: credit, findings: [finding(.warning, at: place, message, fix: Self.description.fix)])
    }
}

/// Insertions and illegible words.
struct PresentationInsertions: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let fullBelow = NumberParameter(
            "fullBelow", 0.5, minimum: 0,
            "insertions per 100 words with full credit (default {default})")
        static let zeroAt = NumberParameter(
            "zeroAt", 2.5, minimum: 0.01,
            "per 100 words with none (default {default})")
        static let illegibleWeight = NumberParameter(
            "illegibleWeight", 2, minimum: 0,
            "how many insertions one illegible word counts as (default {default})")
    }

    static let description = RuleDescription(
        id: "presentation-insertions", criterion: "presentation",
        summary: "few insertions above the line and no illegible words",
        rationale: "Carets and words the examiner cannot read cost marks in a 60–90 second reading.",
        fix: "Write legibly and plan sentences so that words need not be squeezed in above the line.",
        parameters: [Param.fullBelow, Param.zeroAt, Param.illegibleWeight],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\nInflation ^{in} Pakistan has [illegible] \
                causes ^{because} money is [illegible] printed.
                """,
                fires: true, at: "3:11", message: "2 insertions above the line and 2 words the"),
        ])
    let fullBelow: Double
    let zeroAt: Double
    let illegibleWeight: Double
    init(_ p: RuleParameters) throws(RubricError) {
        fullBelow = try p.read(Param.fullBelow)
        zeroAt = try p.read(Param.zeroAt)
        illegibleWeight = try p.read(Param.illegibleWeight)
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        let insertions = c.answer.stats.insertions
        let illegible = c.answer.stats.illegible
        guard c.words > 0, insertions + illegible > 0 else { return .full }
        let rate = (Double(max(0, insertions)) + illegibleWeight * Double(illegible)) * 100 / Double(c.words)
        let credit = Credit.ramp(rate, zero: zeroAt, full: fullBelow)
        guard credit < 1, !withinNorm(rate, fullBelow) else { return .full }
        var parts: [String] = []
        if insertions > 0 { parts.append("\(insertions) insertion\(insertions == 1 ? "" : "s") above the line") }
        if illegible > 0 {
            parts.append("\(illegible) word\(illegible == 1 ? "" : "s") the transcriber could not read")
        }
        let first = c.answer.edits.first { $0.kind == .insertion }?.position ?? c.startRange.start
        return RuleOutcome(
            credit: credit,
            findings: [finding(.warning, at: SourceRange(at: first), listing(parts), fix: Self.description.fix)])
    }
}

/// Headings are formatted consistently.
struct PresentationHeadingFormat: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let credit = NumberParameter(
            "credit", 0.5, minimum: 0, maximum: 1,
            "credit kept when main headings are styled unalike (default {default})")
    }

    static let description = RuleDescription(
        id: "presentation-heading-format", criterion: "presentation",
        summary: "main headings are formatted alike (all numbered, or none; the same numbering style)",
        rationale: "Consistent headings make the script look planned; mixed styles look improvised.",
        fix: "Give every main heading the same form: numbered, in capitals or underlined, the same way throughout.",
        parameters: [Param.credit],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nThis answer argues that \
                inflation has causes.\n\nMONEY SUPPLY\nThe State Bank printed money in 2022.\n\nB. FUEL\nFuel \
                prices rose.\n\n3. CONCLUSION\nIn conclusion, inflation has causes.
                """,
                fires: true, at: "6:1", message: "heading \"MONEY SUPPLY\" is styled unlike the"),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n## Introduction\nThis answer argues that \
                inflation has causes.\n\n## 1. Money Supply\nThe State Bank printed money in 2022.\n\n## 2. Fuel\n\
                Fuel prices rose.\n\n## Way Forward\nThe budget must be balanced.\n\n## Conclusion\nIn \
                conclusion, inflation has causes.
                """, fires: false),
        ])
    let credit: Double
    init(_ p: RuleParameters) throws(RubricError) { credit = try p.read(Param.credit) }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        // An unnumbered "Introduction" or "Conclusion" beside numbered body headings is the common form:
        // the framing headings are left out of the comparison, and so is an unnumbered "Way Forward" where the
        // frame is unnumbered too (batch s: "## Way Forward" between "## 8. Poor Storage" and "## Conclusion").
        func frames(_ i: Int) -> Bool {
            c.sections[i].parent == nil && c.sections[i].section.numbering == nil
                && [.introduction, .conclusion].contains(c.sections[i].section.role)
        }
        let framed = c.headedSections.contains(where: frames)
        let main = c.headedSections.filter { i in
            c.sections[i].parent == nil && !frames(i)
                && !(framed && c.sections[i].section.numbering == nil && c.sections[i].section.role == .wayForward)
        }
        guard main.count >= 2 else { return .full }
        var styles: [String: Int] = [:]
        for i in main { styles[c.sections[i].section.numbering?.style.rawValue ?? "unnumbered", default: 0] += 1 }
        guard styles.count > 1 else { return .full }
        let dominant = styles.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
        let odd = main.filter { (c.sections[$0].section.numbering?.style.rawValue ?? "unnumbered") != dominant }
        let findings = odd.map { i in
            finding(
                .note, at: c.sections[i].range, excerpt: c.sections[i].section.title ?? "",
                "heading \"\(c.sections[i].section.title ?? "")\" is styled unlike the other main headings",
                fix: Self.description.fix)
        }
        return RuleOutcome(credit: credit, findings: findings)
    }
}

/// A map, chart, table or diagram where it helps.
struct PresentationVisuals: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let minWords = NumberParameter(
            "minWords", 500, minimum: 0,
            "answers shorter than this are not expected to have one (default {default})")
        static let credit = NumberParameter(
            "credit", 0.4, minimum: 0, maximum: 1,
            "credit kept by a long answer with no visual (default {default})")
    }

    static let description = RuleDescription(
        id: "presentation-visuals", criterion: "presentation",
        summary: "a map, flowchart, table or graph where it helps (toppers draw one or two an answer)",
        rationale: "A drawn visual catches the examiner's eye and shows command of the material.",
        fix: "Draw one simple visual: a map of the region, a flowchart of causes and effects, or a table of figures.",
        parameters: [Param.minWords, Param.credit],
        examples: [
            RuleExample(Example.good + "\n\n[map: CPEC routes]\n\n" + Example.filler(16), fires: false),
            RuleExample(
                Example.good + "\n\n" + Example.filler(16), fires: true, at: "3:1",
                message: "no map, flowchart, table or graph"),
        ])
    let minWords: Int
    let credit: Double
    init(_ p: RuleParameters) throws(RubricError) {
        minWords = Int(try p.read(Param.minWords))
        credit = try p.read(Param.credit)
    }

    static let followsFromOffTopic = true

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard c.answer.visuals.isEmpty, c.words >= minWords else { return .full }
        return RuleOutcome(
            credit: credit,
            findings: [finding(.note, at: c.startRange, "no map, flowchart, table or graph", fix: Self.description.fix)]
        )
    }
}

/// Paragraphs of a readable length.
struct PresentationParagraphLength: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let maxWords = NumberParameter(
            "maxWords", 200, minimum: 1,
            "most words in a paragraph (default {default})")
        static let penalty = NumberParameter(
            "penalty", 0.25, minimum: 0, maximum: 1,
            "share of credit lost per long paragraph (default {default})")
    }

    static let description = RuleDescription(
        id: "presentation-paragraph-length", criterion: "presentation",
        summary: "paragraphs of a readable length (by default at most 200 words)",
        rationale: "Long paragraphs bury points that the examiner would credit if they could see them.",
        fix: "Keep to one idea a paragraph, three to six sentences.",
        parameters: [Param.maxWords, Param.penalty],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                "Q.1 Discuss the causes of inflation in Pakistan.\n\n\(Example.filler(10))", fires: true, at: "3:1",
                message: "a paragraph of 210 words"),
        ])
    let maxWords: Int
    let penalty: Double
    init(_ p: RuleParameters) throws(RubricError) {
        maxWords = Int(try p.read(Param.maxWords))
        penalty = try p.read(Param.penalty)
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        let long = c.paragraphs.indices.filter { c.paragraphs[$0].paragraph.words > maxWords }
        guard !long.isEmpty else { return .full }
        let findings = long.map { p in
            finding(
                .warning, at: c.paragraphs[p].paragraph.range, excerpt: c.excerpt(paragraph: p),
                "a paragraph of \(c.paragraphs[p].paragraph.words) words", fix: Self.description.fix)
        }
        return RuleOutcome(credit: 1 - penalty * Double(long.count), findings: findings)
    }
}

/// Total length against the range expected for the marks.
struct PresentationLength: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let credit = NumberParameter(
            "credit", 0.7, minimum: 0, maximum: 1,
            "credit kept by an answer far over the expected length (default {default})")
    }

    static let description = RuleDescription(
        id: "presentation-length", criterion: "presentation",
        summary: "the length suits the marks (the rubric's expected range; 600–1,500 words for a 20-mark answer)",
        rationale:
            """
            Answers that are too short are a standing complaint; answers far too long cost time and 'economy of \
            words'.
            """,
        fix: "Aim for the expected length: plan enough points to fill it, and no more.",
        parameters: [Param.credit],
        examples: [
            RuleExample(
                "Q.1 Discuss the causes of inflation in Pakistan.\n\n"
                    + (1...6).map { "\($0). PART \($0)\n" + Example.filler(5) }.joined(separator: "\n\n"),
                fires: false),
            RuleExample(Example.good, fires: true, at: "3:1", message: "the answer is 249 words; a question of these"),
        ],
        advice: RuleAdvice(sharedFault: AnswerTooShort.shortAnswer))
    let credit: Double
    init(_ p: RuleParameters) throws(RubricError) { credit = try p.read(Param.credit) }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        let words = c.words
        let low = c.expectedWords.lowerBound
        let high = c.expectedWords.upperBound
        if words < low {
            let share = Double(words) / Double(max(1, low))
            return RuleOutcome(
                credit: share * share,
                findings: [
                    finding(
                        .warning, at: c.startRange,
                        "the answer is \(words) words; a question of these marks expects \(low)–\(high)",
                        fix: Self.description.fix)
                ])
        }
        if Double(words) > Double(high) * 1.3 {
            return RuleOutcome(
                credit: credit,
                findings: [
                    finding(
                        .note, at: c.startRange,
                        "the answer is \(words) words; a question of these marks expects \(low)–\(high)",
                        fix: "Cut repetition and narration: credit goes to 'due economy of words'.")
                ])
        }
        return .full
    }
}
