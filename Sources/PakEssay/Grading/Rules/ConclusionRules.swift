/// The answer ends with a conclusion. A gate: without one the criterion earns nothing.
struct ConclusionMissing: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let oneParagraph = NumberParameter(
            "oneParagraph", 0, minimum: 0, maximum: 1,
            """
            credit when the answer is one paragraph whose opening or closing sentence stands in (default \
            {default})
            """)
        static let closingLine = NumberParameter(
            "closingLine", 0.5, minimum: 0, maximum: 1,
            """
            credit when a story or a description ends its last paragraph on a closing line of `closingLines` \
            (default {default})
            """)
        static let closingLines = ListParameter(
            "closingLines", ["never forget", "always remember", "will remember", "memorable", "unforgettable"],
            style: .plain,
            """
            phrases that make one of the last two sentences of a story or a description its ending, when its \
            last paragraph is no conclusion of its own (default: {default})
            """)
    }

    static let description = RuleDescription(
        id: "conclusion-missing", criterion: "conclusion",
        summary:
            """
            the answer ends with a conclusion (a heading of its own, or a last paragraph opened by 'to conclude', \
            'in a nutshell'…)
            """,
        rationale: "An answer that just stops leaves the examiner without the candidate's answer to the question.",
        fix: "End with a short conclusion that answers the question and restates your position.",
        parameters: [Param.oneParagraph, Param.closingLine, Param.closingLines],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.4 Describe a cricket match you have watched.\n\nLast year I went to see a match in Lahore. \
                It was between two teams. The stadium was full.\n\nThen Karachi batted. They lost by ten runs. \
                We came home late. I will never forget this match.
                """,
                fires: true, at: "5:1", message: "the ending is a closing line in the last paragraph",
                rubric: "general-essay"),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nThis answer argues that \
                inflation has causes.\n\n2. MONEY\nThe State Bank printed money in 2022.
                """,
                fires: true, at: "7:1", message: "the answer has no conclusion: it stops after"),
        ])
    let oneParagraph: Double
    let closingLine: Double
    let closingLines: PhraseTable
    init(_ p: RuleParameters) throws(RubricError) {
        oneParagraph = try p.read(Param.oneParagraph)
        closingLine = try p.read(Param.closingLine)
        closingLines = PhraseTable(try p.read(Param.closingLines))
    }

    /// True when a story or a description (no position owed, no headings, no letter) ends its last paragraph
    /// on a closing line: one of its last two sentences holds a phrase of `closingLines` ("I will never forget
    /// this match"). Its ending is weak, a line and not a paragraph, but real (finding review 14: p09).
    func closesOnALine(_ c: GradingContext) -> Bool {
        guard c.tellsInStages, !c.asksForLetter, c.paragraphs.count >= 2, let last = c.paragraphs.last,
            last.sentences.count >= 3
        else { return false }
        return last.sentences.suffix(2).contains { c.sentence($0, holds: closingLines) }
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        if c.conclusion != nil { return .full }
        let last = c.paragraphs.last.map { $0.paragraph.range } ?? c.startRange
        if c.isOneParagraph, oneParagraph > 0 {
            // Its closing sentence closes, in a way; the missing paragraphs are structure's fault.
            return RuleOutcome(
                credit: oneParagraph,
                findings: [
                    finding(
                        .warning, at: last, "the conclusion has no paragraph of its own",
                        fix: "Close with a paragraph of its own that answers the question and looks ahead.")
                ])
        }
        if closingLine > 0, closesOnALine(c) {
            return RuleOutcome(
                credit: closingLine,
                findings: [
                    finding(
                        .warning, at: last,
                        "the ending is a closing line in the last paragraph, not a paragraph of its own",
                        fix: "Close with a short paragraph of its own: what the day or the journey meant to you.")
                ])
        }
        return RuleOutcome(
            credit: 0,
            findings: [
                finding(
                    .error, at: last, "the answer has no conclusion: it stops after its last point",
                    fix: Self.description.fix)
            ])
    }
}

/// The conclusion answers the question and restates the thesis.
struct ConclusionRestates: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let minShare = NumberParameter(
            "minShare", 0.4, minimum: 0.01,
            "share of the question's key terms the conclusion should name (default {default})")
    }

    static let description = RuleDescription(
        id: "conclusion-restates", criterion: "conclusion",
        summary: "the conclusion answers the question and restates the thesis in the question's terms",
        rationale: "The conclusion is the examiner's last impression; it should give the answer to the question asked.",
        fix: "Restate your position in the question's own terms in the first sentence of the conclusion.",
        parameters: [Param.minShare],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nThis answer argues that \
                inflation has causes.\n\n2. MONEY\nThe State Bank printed money in 2022.\n\n3. CONCLUSION\nIn \
                conclusion, the nation must work hard and unite.
                """,
                fires: true, at: "9:1", message: "the conclusion does not answer the question in"),
        ],
        reads: [.words("genericQuestionWords"), .lexicon("stopWords"), .words("balanceTerms")])
    let minShare: Double
    init(_ p: RuleParameters) throws(RubricError) { minShare = try p.read(Param.minShare) }

    static let followsFromOffTopic = true

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard let end = c.conclusion, !end.paragraphs.isEmpty else { return .full }
        guard c.question != nil else { return unjudged(c, self) }
        guard !c.questionKeys.isEmpty else { return .full }
        // A letter, a description or a story takes no position, and closes as its kind does (a greeting, a
        // reflection, the story's end): it owes no restatement of the question's terms.
        guard c.owesPosition else { return .notJudged([]) }
        let keys = c.withBalanceTerms(c.keys(inParagraphs: end.paragraphs))
        let found = c.questionKeys.filter(keys.contains).count
        let credit = min(1, Double(found) / Double(c.questionKeys.count) / minShare)
        guard credit < 1 else { return .full }
        return RuleOutcome(
            credit: credit,
            findings: [
                finding(
                    .warning, at: end.range,
                    """
                    \(end.label) does not answer the question in its terms (missing: \
                    \(listing(c.missingTerms(keys).map { "'\($0)'" })))
                    """,
                    fix: Self.description.fix)
            ])
    }
}

/// The conclusion looks forward; on a question about the past, it gives a judgment or draws the lesson.
struct ConclusionForwardLook: GradingRule {
    static let description = RuleDescription(
        id: "conclusion-forward-look", criterion: "conclusion",
        summary: """
            the conclusion looks forward: what must be done, what will follow (on a question about the past, a \
            judgment or the lesson drawn serves)
            """,
        rationale: """
            A forward-looking close shows judgment and leaves the examiner with the candidate's vision. A \
            question on the past (the elections of 1945-46, the Khilafat Movement) owes a verdict on its \
            significance, not a programme.
            """,
        fix: "Close with what must happen next, and what follows if it does.",
        parameters: [],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nThis answer argues that \
                inflation has causes.\n\n2. MONEY\nThe State Bank printed money in 2022.\n\n3. CONCLUSION\nIn \
                conclusion, inflation in Pakistan had monetary causes.
                """,
                fires: true, at: "9:1", message: "the conclusion only looks back"),
            RuleExample(
                """
                Q.1 Evaluate the significance of the Lahore Resolution of 1940.\n\n1. INTRODUCTION\nThe \
                resolution was the turning point of the Muslim struggle.\n\n2. DEMAND\nIt demanded independent \
                states in 1940.\n\n3. CONCLUSION\nOn balance, the resolution was the foundation of Pakistan.
                """,
                fires: false),
            RuleExample(
                """
                Q.1 Evaluate the significance of the Lahore Resolution of 1940.\n\n1. INTRODUCTION\nThe \
                resolution was the turning point of the Muslim struggle.\n\n2. DEMAND\nIt demanded independent \
                states in 1940.\n\n3. CONCLUSION\nIn conclusion, the resolution was passed in Lahore in 1940.
                """,
                fires: true, at: "9:1",
                message: "the conclusion neither gives a verdict on the question nor draws its lesson"),
        ],
        reads: [.words("forwardCues"), .words("judgmentCues"), .words("pastJudgmentCues")])
    init(_ p: RuleParameters) throws(RubricError) {}

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard let end = c.conclusion, !end.paragraphs.isEmpty else { return .full }
        if c.count("forwardCues", inParagraphs: end.paragraphs) > 0 { return .full }
        if c.asksAboutThePast {
            let verdicts =
                c.count("judgmentCues", inParagraphs: end.paragraphs)
                + c.count("pastJudgmentCues", inParagraphs: end.paragraphs)
            if verdicts > 0 { return .full }
            return RuleOutcome(
                credit: 0,
                findings: [
                    finding(
                        .note, at: end.range,
                        "\(end.label) neither gives a verdict on the question nor draws its lesson",
                        fix: "Close with your judgment of its significance, and the lesson it holds for today.")
                ])
        }
        return RuleOutcome(
            credit: 0,
            findings: [finding(.note, at: end.range, "\(end.label) only looks back", fix: Self.description.fix)])
    }
}

/// The conclusion brings no new arguments or evidence.
struct ConclusionNewArguments: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let maxEvidence = NumberParameter(
            "maxEvidence", 2, minimum: 0,
            "evidence items the conclusion may hold (default {default})")
        static let credit = NumberParameter(
            "credit", 0.4, minimum: 0, maximum: 1,
            "credit kept when the conclusion brings in new material (default {default})")
    }

    static let description = RuleDescription(
        id: "conclusion-new-arguments", criterion: "conclusion",
        summary: "the conclusion brings no new arguments or fresh evidence",
        rationale: "New points in the conclusion go undeveloped and suggest the answer ran out of plan.",
        fix: "Move new points and figures into the body; the conclusion draws together what was argued.",
        parameters: [Param.maxEvidence, Param.credit],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nThis answer argues that \
                inflation has causes.\n\n2. MONEY\nThe State Bank printed money in 2022.\n\n3. CONCLUSION\nIn \
                conclusion, inflation has causes. Moreover, another cause is the 30 per cent fall of the rupee in \
                2023, and the IMF said in 2024 that debt is $130 billion.
                """,
                fires: true, at: "9:1", message: "the conclusion brings 5 new facts or figures"),
        ],
        reads: [
            .words("newPointCues"), .words("units"), .words("currencies"), .words("attribution"),
            .words("reportedSpeech"), .words("eventWords"),
            .lexicon("namedEvents"), .lexicon("sources"),
        ])
    let maxEvidence: Int
    let credit: Double
    init(_ p: RuleParameters) throws(RubricError) {
        maxEvidence = Int(try p.read(Param.maxEvidence))
        credit = try p.read(Param.credit)
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard let end = c.conclusion, !end.paragraphs.isEmpty else { return .full }
        let list = Set(end.paragraphs)
        var closing = c.evidence.filter { list.contains($0.paragraph) && $0.kind != .named }
        if closing.count > maxEvidence {
            // A fact the body or the introduction gave already is restated, not new: the same date, quotation
            // or source, the same number for a figure ("35 million" and "35 million voters").
            let earlier = Set(c.evidence.lazy.filter { !list.contains($0.paragraph) }.map(Self.restatedKey))
            closing.removeAll { earlier.contains(Self.restatedKey($0)) }
        }
        let items = closing.count
        let cues = c.count("newPointCues", inParagraphs: end.paragraphs)
        guard items > maxEvidence || cues > 0 else { return .full }
        let what =
            items > maxEvidence
            ? counted(items, "new fact or figure", "new facts or figures")
            : "a new point ('\(c.lexicon.cue("newPointCues").allFirstWords.first ?? "moreover")'…)"
        return RuleOutcome(
            credit: credit,
            findings: [
                finding(
                    .warning, at: end.range, "\(end.label) brings \(what) instead of drawing the argument together",
                    fix: Self.description.fix)
            ])
    }
}

extension ConclusionNewArguments {
    /// What makes two evidence items one fact: a figure's number (its digits and decimal point) and the word
    /// after it ("35 million" and "35 million voters" are one; "35 per cent" is not "35 million"), or any other
    /// item's words in lowercase.
    static func restatedKey(_ item: EvidenceItem) -> String {
        let text = item.text.lowercased()
        guard item.kind == .figure else { return "\(item.kind.rawValue):\(text)" }
        let words = text.split(separator: " ")
        guard let at = words.firstIndex(where: { $0.contains(where: \.isNumber) }) else { return "figure:" + text }
        let number = String(words[at].filter { $0.isNumber || $0 == "." })
        let unit = at + 1 < words.count ? " " + words[at + 1] : ""
        return "figure:" + number + unit
    }
}

/// The conclusion is of a sensible length.
struct ConclusionLength: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let minWords = NumberParameter(
            "minWords", 30, minimum: 1,
            "fewest words (default {default})")
        static let maxWords = NumberParameter(
            "maxWords", 200, minimum: 1,
            "most words (default {default})")
        static let folded = NumberParameter(
            "folded", 0.5, minimum: 0, maximum: 1,
            "most credit for a conclusion folded into the end of the last paragraph (default {default})")
        static let floor = NumberParameter(
            "floor", 0.4, minimum: 0, maximum: 1,
            "least credit an overlong conclusion keeps (default {default})")
        static let moralLabels = ListParameter(
            "moralLabels", ["moral", "moral of the story", "lesson"], style: .plain,
            """
            labels that open a story's last line as its moral ("Moral: Haste makes waste."): the moral and the \
            paragraph it follows are the ending, judged together (default: {default})
            """)
    }

    static let description = RuleDescription(
        id: "conclusion-length", criterion: "conclusion",
        summary: "the conclusion is of a sensible length (by default 30–200 words)",
        rationale: "A one-line conclusion looks hurried; a long one repeats the answer.",
        fix: "Write a conclusion of three to five sentences.",
        parameters: [Param.minWords, Param.maxWords, Param.folded, Param.floor, Param.moralLabels],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nThis answer argues that \
                inflation has causes.\n\n2. MONEY\nThe State Bank printed money in 2022.\n\n3. CONCLUSION\nIn \
                conclusion, it will fall.
                """,
                fires: true, at: "9:1", message: "the conclusion is only 5 words long"),
        ])
    let minWords: Double
    let maxWords: Double
    let folded: Double
    let floor: Double
    let moralLabels: [String]
    init(_ p: RuleParameters) throws(RubricError) {
        moralLabels = try p.read(Param.moralLabels)
        minWords = try p.read(Param.minWords)
        maxWords = try p.read(Param.maxWords)
        folded = try p.read(Param.folded)
        floor = try p.read(Param.floor)
    }

    /// A conclusion that is the last sentences of a body paragraph: judged by those sentences alone.
    func foldedOutcome(_ c: GradingContext, from start: Int) -> RuleOutcome {
        let p = c.sentences[start].paragraph
        let words = c.sentences[start...].prefix { $0.paragraph == p }.reduce(0) { $0 + $1.words }
        let t = c.sentences[start].tokens
        return RuleOutcome(
            credit: min(folded, Double(words) / minWords),
            findings: [
                finding(
                    .warning, at: c.range(tokens: t.lowerBound, t.upperBound),
                    excerpt: c.text(tokens: t.lowerBound, min(t.upperBound, t.lowerBound + 8)) + "…",
                    "the conclusion is \(counted(words, "word")) folded into the end of the last paragraph",
                    fix:
                        """
                        Give the conclusion a paragraph of its own: answer the question in a few sentences and \
                        say what should follow.
                        """)
            ])
    }

    /// The words and sentences of a story's ending when its conclusion is one paragraph that opens on a label of
    /// `moralLabels` and a colon: the moral and the paragraph before it. Nil for any other conclusion.
    func moralEnding(_ c: GradingContext, _ end: GradingContext.Part) -> (words: Int, sentences: Int)? {
        guard c.questionTells, !c.owesPosition, end.paragraphs.count == 1, let p = end.paragraphs.first, p > 0
        else { return nil }
        let tokens = c.paragraphs[p].tokens
        guard let colon = tokens.prefix(5).first(where: { c.tokens[$0].text == ":" }) else { return nil }
        let label = c.tokens[tokens.lowerBound..<colon].map(\.lower).joined(separator: " ")
        guard moralLabels.contains(label) else { return nil }
        let before = c.paragraphs[p - 1]
        let words = before.sentences.reduce(0) { $0 + c.sentences[$1].words }
        return (words + end.words, before.sentences.count + end.sentences)
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        // A story whose question sets its last words may close on one short line: `relevance-set-ending`
        // judges that close (finding review 11: m08).
        guard c.setEnding == nil else { return .notJudged([]) }
        guard let end = c.conclusion else { return .full }
        if let start = c.foldedConclusionStart() { return foldedOutcome(c, from: start) }
        // A story's moral closes the paragraph that ends it: the two are its ending (finding review 15: q10's
        // "Moral: Haste makes waste." after the paragraph of the failed result).
        let ending = moralEnding(c, end)
        let words = Double(ending?.words ?? end.words)
        let sentences = ending?.sentences ?? end.sentences
        // Three sentences or more are a conclusion of the length the fix asks for, however short they are.
        if words < minWords && sentences < 3 {
            let said =
                ending.map { "the ending and its moral are only \(counted($0.words, "word")) long" }
                ?? "\(end.label) is only \(counted(end.words, "word")) long"
            return RuleOutcome(
                credit: words / minWords,
                findings: [finding(.warning, at: end.range, said, fix: Self.description.fix)])
        }
        if words > maxWords {
            return RuleOutcome(
                credit: max(floor, maxWords / words),
                findings: [
                    finding(.note, at: end.range, "\(end.label) runs \(end.words) words", fix: Self.description.fix)
                ])
        }
        return .full
    }
}

/// The conclusion comes last.
struct ConclusionPosition: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let credit = NumberParameter(
            "credit", 0.3, minimum: 0, maximum: 1,
            "credit kept when parts follow the conclusion (default {default})")
    }

    static let description = RuleDescription(
        id: "conclusion-position", criterion: "conclusion",
        summary: "the conclusion is the last part of the answer",
        rationale: "Material after the conclusion reads as an afterthought.",
        fix: "Move everything after the conclusion into the body.",
        parameters: [Param.credit],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nThis answer argues that \
                inflation has causes.\n\n2. CONCLUSION\nIn conclusion, inflation has causes that the state must \
                address.\n\n3. MONEY\nThe State Bank printed money in 2022.
                """,
                fires: true, at: "6:1", message: "1 paragraph follows the conclusion"),
        ])
    let credit: Double
    init(_ p: RuleParameters) throws(RubricError) { credit = try p.read(Param.credit) }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard let end = c.conclusion, let last = end.paragraphs.last else { return .full }
        guard let lastParagraph = c.paragraphs.indices.last, last != lastParagraph else { return .full }
        // A letter's sign-off and sender's block follow its close as they should.
        let after =
            c.asksForLetter
            ? ((last + 1)...lastParagraph).filter { !PartFinder.isFormality(c.paragraphs[$0].paragraph, letter: true) }
                .count
            : c.paragraphs.count - 1 - last
        guard after > 0 else { return .full }
        return RuleOutcome(
            credit: credit,
            findings: [
                finding(
                    .warning, at: end.range,
                    "\(counted(after, "paragraph")) \(agreeing("follows", "follow", plural: after != 1)) \(end.label)",
                    fix: Self.description.fix)
            ])
    }
}

/// A letter ends with its subscription: "Yours faithfully," to an editor or a principal, "Your loving son," to a
/// parent, and the writer's name.
struct ConclusionSignOff: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let signOffs = ListParameter(
            "signOffs",
            [
                "yours", "your", "sincerely", "regards", "kind regards", "best regards", "warm regards",
                "with regards", "best wishes", "with best wishes", "with love", "lots of love", "love",
                "affectionately", "respectfully", "thanking you", "faithfully", "truly", "khuda hafiz",
                "allah hafiz",
            ], style: .plain,
            """
            words that open a letter's subscription, the first line of one of its last five paragraphs (default: \
            {default})
            """)
        static let maxWords = NumberParameter(
            "maxWords", 6, minimum: 1,
            """
            most words of the line that opens with the subscription; the name, class, roll number and date may \
            follow on lines of their own (default {default})
            """)
    }

    static let description = RuleDescription(
        id: "conclusion-sign-off", criterion: "conclusion",
        summary: "a letter or an application ends with its subscription (\"Yours faithfully,\") and the name",
        rationale: """
            A letter is marked on its form as well as its matter: examiners take marks from one that stops \
            without its subscription, as from one without its greeting (batch s: both examiners charged a letter \
            to a mother that ends on its last news).
            """,
        fix: """
            End the letter with its subscription and your name: "Yours faithfully," to an editor or an official, \
            "Yours obediently," to a principal, "Your loving son," to a parent, then your name (or A.B.C.).
            """,
        parameters: [Param.signOffs, Param.maxWords],
        examples: [
            RuleExample(Self.letter(closing: "Your loving son,\nAhmed"), fires: false, rubric: "general-essay"),
            RuleExample(
                Self.letter(closing: nil), fires: true, at: "7:1",
                message: "the letter ends without its subscription", rubric: "general-essay"),
            RuleExample(Example.good, fires: false),
        ])

    /// A short letter to a mother, with the closing given or none.
    static func letter(closing: String?) -> String {
        """
        Q.4 Write a letter to your mother telling her about your first week in the college hostel.\n\n\
        Dear Ammi,\n\n\
        I reached the hostel safely on Monday. My room-mates are from Multan and Quetta, and they are very kind \
        to me. The food is plain, but the teachers are good and the library is large.\n\n\
        I miss you and Abbu very much. Please give my salam to Dadi Amma and love to Sana.
        """ + (closing.map { "\n\n" + $0 } ?? "")
    }

    let signOffs: [[String]]
    let maxWords: Int
    init(_ p: RuleParameters) throws(RubricError) {
        signOffs = try p.read(Param.signOffs).map { lowercaseWords($0) }
        maxWords = Int(try p.read(Param.maxWords))
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard c.asksForLetter, let last = c.paragraphs.indices.last else { return .notJudged([]) }
        // The first line of a paragraph: a subscription stands on a line of its own ("Your loving son,"), not at
        // the head of a paragraph of news ("Your prayers are all I need").
        func firstLine(_ p: Int) -> String {
            var line = ""
            for piece in c.paragraphs[p].paragraph.content {
                if case .lineBreak = piece { break }
                if case .text(let t, _) = piece { line += t }
            }
            return line
        }
        let signs = c.paragraphs.indices.suffix(5).contains { p in
            let words = lowercaseWords(firstLine(p))
            guard words.count <= maxWords else { return false }
            return signOffs.contains { s in words.count >= s.count && words[0..<s.count].elementsEqual(s) }
        }
        guard !signs else { return .full }
        return RuleOutcome(
            credit: 0,
            findings: [
                finding(
                    .warning, at: c.paragraphs[last].paragraph.range, excerpt: c.excerpt(paragraph: last),
                    "the letter ends without its subscription (\"Yours sincerely,\") and the writer's name",
                    fix: Self.description.fix)
            ])
    }
}
