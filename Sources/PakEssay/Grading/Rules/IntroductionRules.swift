/// The answer opens with an introduction. A gate: without one the criterion earns nothing.
struct IntroductionMissing: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let oneParagraph = NumberParameter(
            "oneParagraph", 0, minimum: 0, maximum: 1,
            """
            credit when the answer is one paragraph whose opening or closing sentence stands in (default \
            {default})
            """)
        static let misplaced = NumberParameter(
            "misplaced", 0.5, minimum: 0, maximum: 1,
            "credit kept when the introduction is not the first part (default {default})")
    }

    static let description = RuleDescription(
        id: "introduction-missing", criterion: "introduction",
        summary:
            """
            the answer opens with an introduction (a heading of its own, or an opening paragraph before the first \
            heading)
            """,
        rationale:
            "The introduction is where the examiner looks for the candidate's grasp of the question and position.",
        fix: "Open with a short introduction that states your position and previews the parts that follow.",
        parameters: [Param.oneParagraph, Param.misplaced],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. MONETARY CAUSES\nThe State Bank printed \
                money in 2022 because the deficit was large.\n\n2. CONCLUSION\nIn conclusion, inflation has \
                monetary causes.
                """,
                fires: true, at: "3:1", message: "the answer has no introduction"),
        ])
    let oneParagraph: Double
    let misplaced: Double
    init(_ p: RuleParameters) throws(RubricError) {
        oneParagraph = try p.read(Param.oneParagraph)
        misplaced = try p.read(Param.misplaced)
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard let intro = c.introduction else {
            if c.isOneParagraph, oneParagraph > 0 {
                // Its opening sentence introduces, in a way; the missing paragraphs are structure's fault.
                return RuleOutcome(
                    credit: oneParagraph,
                    findings: [
                        finding(
                            .warning, at: c.startRange, "the introduction has no paragraph of its own",
                            fix:
                                """
                                Open with a paragraph of its own: the topic, your position on the question and \
                                the points to come.
                                """)
                    ])
            }
            return RuleOutcome(
                credit: 0,
                findings: [
                    finding(.error, at: c.startRange, "the answer has no introduction", fix: Self.description.fix)
                ])
        }
        if let s = intro.section, let firstHeaded = c.headedSections.first, s != firstHeaded,
            c.sections[firstHeaded].section.role != .introduction,
            c.sections.first?.section.title != nil
        {
            return RuleOutcome(
                credit: misplaced,
                findings: [
                    finding(
                        .warning, at: intro.range, "the introduction is not the first part of the answer",
                        fix: "Put the introduction first.")
                ])
        }
        return .full
    }
}

/// The introduction is of a sensible length.
struct IntroductionLength: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let minWords = NumberParameter(
            "minWords", 40, minimum: 1,
            "fewest words (default {default})")
        static let maxWords = NumberParameter(
            "maxWords", 220, minimum: 1,
            "most words (default {default})")
        static let floor = NumberParameter(
            "floor", 0.3, minimum: 0, maximum: 1,
            "least credit an overlong introduction keeps (default {default})")
    }

    static let description = RuleDescription(
        id: "introduction-length", criterion: "introduction",
        summary: "the introduction is of a sensible length (by default 40–220 words)",
        rationale:
            "A one-line introduction says nothing; a page-long one delays the answer and wastes the examiner's minute.",
        fix: "Keep the introduction to one short paragraph of three to five sentences.",
        parameters: [Param.minWords, Param.maxWords, Param.floor],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nInflation is high.\n\n2. \
                CAUSES\n\(Example.filler(3))\n\n3. CONCLUSION\nIn conclusion, inflation has causes that the state \
                must address.
                """,
                fires: true, at: "3:1", message: "the introduction is only 3 words long"),
        ])
    let minWords: Double
    let maxWords: Double
    let floor: Double
    init(_ p: RuleParameters) throws(RubricError) {
        minWords = try p.read(Param.minWords)
        maxWords = try p.read(Param.maxWords)
        floor = try p.read(Param.floor)
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard let intro = c.introduction else { return .full }
        let words = Double(intro.words)
        if words < minWords {
            return RuleOutcome(
                credit: words / minWords,
                findings: [
                    finding(
                        .warning, at: intro.range, "the introduction is only \(counted(intro.words, "word")) long",
                        fix:
                            """
                            Give the introduction three to five sentences: context, your position, and the parts \
                            to come.
                            """
                    )
                ])
        }
        if words > maxWords {
            return RuleOutcome(
                credit: max(floor, maxWords / words),
                findings: [
                    finding(
                        .note, at: intro.range, "the introduction runs \(intro.words) words",
                        fix:
                            """
                            Cut the introduction to about \(Int(maxWords * 0.6)) words and move background into a \
                            section of its own.
                            """
                    )
                ])
        }
        return .full
    }
}

/// The introduction names the question's terms.
struct IntroductionQuestionTerms: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let minShare = NumberParameter(
            "minShare", 0.5, minimum: 0.01,
            "share of the key terms to name for full credit (default {default})")
    }

    static let description = RuleDescription(
        id: "introduction-question-terms", criterion: "introduction",
        summary: "the introduction names the question's key terms",
        rationale: "The opening lines show the examiner at once whether the candidate is answering this question.",
        fix: "Restate the question's key terms in your opening sentences.",
        parameters: [Param.minShare],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nThe country has faced many \
                problems since independence, and the people have suffered a great deal because of them over the \
                decades.\n\n2. CAUSES OF INFLATION\n\(Example.filler(3))\n\n3. CONCLUSION\nIn conclusion, \
                inflation has causes.
                """,
                fires: true, at: "3:1", message: "the introduction does not name 'causes' and"),
        ],
        reads: [.words("genericQuestionWords"), .lexicon("stopWords")])
    let minShare: Double
    init(_ p: RuleParameters) throws(RubricError) { minShare = try p.read(Param.minShare) }

    static let followsFromOffTopic = true

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard c.question != nil else { return unjudged(c, self) }
        guard let intro = c.introduction, !c.questionKeys.isEmpty else { return .full }
        let keys = c.keys(inParagraphs: intro.paragraphs)
        let found = c.questionKeys.filter(keys.contains).count
        let credit = min(1, Double(found) / Double(c.questionKeys.count) / minShare)
        guard credit < 1 else { return .full }
        let missing = c.missingTerms(keys)
        return RuleOutcome(
            credit: credit,
            findings: [
                finding(
                    .warning, at: intro.range, "the introduction does not name \(listing(missing.map { "'\($0)'" }))",
                    fix:
                        """
                        Name the question's terms in the introduction so the examiner sees at once that you \
                        answer this question.
                        """
                )
            ])
    }
}

/// The introduction takes a position.
struct IntroductionThesis: GradingRule {
    static let description = RuleDescription(
        id: "introduction-thesis", criterion: "introduction",
        summary: "the introduction states a thesis: a position, not a restatement of the question",
        rationale: "Examiners reward answers that argue a case; a thesis tells them what the answer will prove.",
        fix: "Add one sentence that takes a stance, such as 'This answer argues that … because …'.",
        parameters: [],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nInflation in Pakistan has \
                many causes. Prices of food and fuel have risen for years. The people are worried about \
                prices.\n\n2. CAUSES OF INFLATION\n\(Example.filler(3))\n\n3. CONCLUSION\nIn conclusion, \
                inflation has causes.
                """,
                fires: true, at: "3:1", message: "the introduction takes no clear position on the"),
            // A prompt that leaves its subject to the writer: naming the choice is the position.
            RuleExample(
                """
                Q.4 Write an essay on "My Favourite Personality".\n\nEvery person has someone to follow. My \
                favourite personality is Abdul Sattar Edhi, who spent his life for the poor.\n\nEdhi opened a \
                small dispensary in Karachi in 1951 and drove an old van as an ambulance himself.\n\nThe Edhi \
                Foundation now runs homes, orphanages and the largest ambulance service in the country.\n\nIn the \
                end, Edhi is my favourite personality because he served the poor all his life.
                """,
                fires: false, rubric: "general-essay"),
        ],
        reads: [
            .words("stanceCues"), .words("thesisCues"), .words("verdictCues"),
            .words("chosenSubjectWords"), .words("comparisonCues"),
        ])
    init(_ p: RuleParameters) throws(RubricError) {}

    static let followsFromOffTopic = true

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard let intro = c.introduction else { return .full }
        // A letter that asks for no opinion, a description or a story opens with its purpose or its scene.
        guard c.owesPosition else { return .notJudged([]) }
        if c.count("thesisCues", inParagraphs: intro.paragraphs) > 0 { return .full }
        let sentences = intro.paragraphs.flatMap { Array(c.paragraphs[$0].sentences) }
        if sentences.contains(where: { Stance.takes(c, sentence: $0) || Self.judges(c, sentence: $0) }) {
            return .full
        }
        // A comparison's introduction takes its position by setting the two items side by side (batch r's r07:
        // "China mostly uses trade, loans and infrastructure while the United States uses security and aid").
        // (The question's directives say first whether it compares: most do not, and the items are not read.)
        if let question = c.question, question.directives.contains(where: { $0 == "compare" || $0 == "contrast" }),
            let items = ComparedItems(question: question.text),
            sentences.contains(where: { items.setsSideBySide(c, sentence: $0) })
        {
            return .full
        }
        // Under a prompt that leaves the subject to the writer, naming the choice is the position.
        let subject = c.chosenSubject
        if sentences.contains(where: { c.sentenceNamesChoice($0, subject: subject) }) { return .full }
        return RuleOutcome(
            credit: 0,
            findings: [
                finding(
                    .warning, at: intro.range, excerpt: c.excerpt(paragraph: intro.paragraphs[0]),
                    """
                    \(intro.name == "the first paragraph" ? "the first paragraph" : "the introduction") takes no \
                    clear position on the question
                    """,
                    fix: Self.description.fix)
            ])
    }

    /// True when sentence `s` passes a verdict on the question's subject: a phrase of `verdictCues` ("very
    /// dangerous for the region", "a threat to", "has remained", "a great leader") in a sentence about the
    /// question, not only echoing it. Examiners read such a claim in an introduction as its position, vague or
    /// clichéd as it may be; this rule reads it besides `Stance.takes`, whose other readers look for a sharper
    /// judgment. A phrase that gives a reason ("is growing because") is never an echo.
    static func judges(_ c: GradingContext, sentence s: Int) -> Bool {
        guard c.sentence(s, has: "verdictCues"), Stance.isAbout(c, sentence: s) else { return false }
        return !Stance.onlyEchoesTheQuestion(c, sentence: s, cues: "verdictCues")
    }
}

/// The introduction previews the parts that follow.
struct IntroductionPreview: GradingRule {
    static let description = RuleDescription(
        id: "introduction-preview", criterion: "introduction",
        summary: "the introduction previews the parts that follow",
        rationale: "A preview is a map for an examiner who reads each answer in about a minute.",
        fix:
            """
            End the introduction with a sentence that names the parts to come: 'It first examines …, then …, and \
            finally suggests …'.
            """,
        parameters: [Param.announcements, Param.listedParts],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nInflation in Pakistan is \
                caused mainly by loose money, and it hurts the poor most.\n\n2. CAUSES OF \
                INFLATION\n\(Example.filler(3))\n\n3. CONCLUSION\nIn conclusion, inflation has causes.
                """,
                fires: true, at: "3:1", message: "the introduction does not preview the parts"),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\nInflation in Pakistan has several causes, \
                which are loose money, costly fuel, a weak rupee and bad harvests. Each of these is analysed \
                below.\n\n\(Example.filler(3))\n\nIn conclusion, inflation has causes.
                """,
                fires: false),
        ],
        reads: [.words("previewCues")])
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let announcements = ListParameter(
            "announcements",
            ["analysed below", "analyzed below", "discussed below", "examined below", "explained below"],
            style: .plain,
            """
            phrases that announce the parts to come: a preview when the introduction also lists them (default: \
            {default})
            """)
        static let listedParts = NumberParameter(
            "listedParts", 3, minimum: 2,
            """
            items one sentence of the introduction lists, beside an announcement, to preview the parts \
            (default {default})
            """)
    }
    let announcements: PhraseTable
    let listedParts: Int
    init(_ p: RuleParameters) throws(RubricError) {
        announcements = PhraseTable(try p.read(Param.announcements))
        listedParts = Int(try p.read(Param.listedParts))
    }

    /// True when the introduction names the parts to come and announces them: one sentence lists
    /// `listedParts` items or more (commas between them) and a phrase of `announcements` says they follow
    /// ("…, military cooperation and a shared vision of a multipolar world. Each of these is analysed
    /// below."). An announcement alone ("many stages which are discussed below") maps nothing (finding
    /// reviews 13: o04; 14: p01). Read only where the rule would otherwise fire.
    func announcesListedParts(_ c: GradingContext, _ intro: GradingContext.Part) -> Bool {
        var announced = false
        var listed = false
        for p in intro.paragraphs {
            for s in c.paragraphs[p].sentences {
                let range = c.sentences[s].tokens
                let commas = range.count { c.tokens[$0].kind == .punctuation && c.tokens[$0].text == "," }
                if commas + 1 >= listedParts { listed = true }
                announced = announced || c.sentence(s, holds: announcements)
            }
        }
        return announced && listed
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard let intro = c.introduction else { return .full }
        if c.count("previewCues", inParagraphs: intro.paragraphs) > 0 { return .full }
        if announcesListedParts(c, intro) { return .full }
        // Naming two or more later headings counts as a preview too.
        let introKeys = c.keys(inParagraphs: intro.paragraphs)
        let later = c.headedSections.filter { $0 != intro.section && c.sections[$0].section.role != .conclusion }
        let named = later.filter { c.titleKeys[$0].contains(where: introKeys.contains) }.count
        if named >= 2 { return .full }
        return RuleOutcome(
            credit: 0,
            findings: [
                finding(
                    .note, at: intro.range, "the introduction does not preview the parts that follow",
                    fix: Self.description.fix)
            ])
    }
}

/// Whether a sentence takes a position on the question: the signals an examiner reads as a stance,
/// beyond the thesis phrases ("this answer argues"). A sentence about the question's terms that judges
/// (a modal of obligation or a verdict: must, should, depends on, is mixed, failed, lifeline), or that
/// denies one reading to put another ("is not the product of a single cause: …"), takes a stance. Praise of
/// the topic alone ("a very important event"), a plan of the answer, and a turn against what came before
/// with no verdict of its own ("But the birth of Pakistan was not easy": the eighteenth session took the
/// contrast openers out, as the panel's examiners called such introductions thesis-less) do not.
enum Stance {
    /// True when sentence `s` takes a position on the question.
    static func takes(_ c: GradingContext, sentence s: Int) -> Bool {
        if c.sentence(s, has: "thesisCues") { return true }
        guard isAbout(c, sentence: s) else { return false }
        return (c.sentence(s, has: "stanceCues") && !onlyEchoesTheQuestion(c, sentence: s))
            || deniesToAssert(c, sentence: s)
    }

    /// True when sentence `s` is about the question: it names its terms, or follows a sentence of its paragraph
    /// that does ("… relations with Afghanistan … But it will improve only when …").
    static func isAbout(_ c: GradingContext, sentence s: Int) -> Bool {
        let follows = s > 0 && c.sentences[s - 1].paragraph == c.sentences[s].paragraph
        return c.questionKeys.isEmpty || c.sentenceNamesQuestion(s) || (follows && c.sentenceNamesQuestion(s - 1))
    }

    /// True when sentence `s`'s stance phrases only echo the question ("The plan failed" under a question on the
    /// causes of its failure): every content word of every stance phrase (four letters or more, not a stop
    /// word) shares its first four letters with a content word of the question (`questionEchoes`). That
    /// restates the question's premise; it takes no position. A phrase of no content words ("needs to") is
    /// never an echo.
    static func onlyEchoesTheQuestion(_ c: GradingContext, sentence s: Int, cues list: String = "stanceCues") -> Bool {
        guard !c.questionEchoes.isEmpty else { return false }
        let cues = c.lexicon.cue(list)
        let range = c.sentences[s].tokens
        var i = range.lowerBound
        var echoed = false
        while i < range.upperBound {
            guard c.tokens[i].kind == .word, let length = cues.match(c.tokens, at: i, limit: range.upperBound) else {
                i += 1
                continue
            }
            let content = (i..<(i + length)).filter { k in
                c.tokens[k].kind == .word && c.tokens[k].lower.count >= 4
                    && !c.lexicon.questionStopWords.contains(c.tokens[k].lower)
            }
            let echoes = content.allSatisfy { c.questionEchoes.contains(String(c.tokens[$0].lower.prefix(4))) }
            guard !content.isEmpty, echoes, c.tokens[i + length - 1].lower != "because" else { return false }
            echoed = true
            i += length
        }
        return echoed
    }

    /// Words that open a clause after "but": "not new, but it has grown" goes on narrating.
    static let clauseOpeners: Set<String> = [
        "it", "they", "this", "these", "that", "there", "he", "she", "we", "i", "you", "now", "also", "still",
    ]

    /// "not …" followed within a few words by a colon, a semicolon, "rather", "but" or "because": one reading
    /// denied so as to assert another ("not a future threat but a present reality"), or a denial with its
    /// reason.
    static func deniesToAssert(_ c: GradingContext, sentence s: Int) -> Bool {
        let range = c.sentences[s].tokens
        guard let not = range.first(where: { c.tokens[$0].lower == "not" }) else { return false }
        let window = (not + 1)..<min(range.upperBound, not + 8)
        return window.contains { i in
            let w = c.tokens[i].lower
            if w == "but" {
                // "not A but B" sets one reading against another; "not new, but it has grown" narrates.
                let next = i + 1 < range.upperBound ? c.tokens[i + 1].lower : ""
                return !next.isEmpty && !clauseOpeners.contains(next)
            }
            return w == ":" || w == ";" || w == "rather" || w == "because"
        }
    }
}
