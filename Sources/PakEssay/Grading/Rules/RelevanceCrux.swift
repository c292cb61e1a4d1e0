/// The answer takes up what its question asks about the topic, not only the topic.
struct RelevanceCrux: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let maxShare = NumberParameter(
            "maxShare", 0.35, minimum: 0,
            "the answer misses the crux when less than this share of its body uses a focus term (default {default})")
        static let framedShare = NumberParameter(
            "framedShare", 0.15, minimum: 0,
            """
            an introduction or conclusion that names a named crux (a place, a person) does not take it up when less \
            than this share of the body uses a focus term: the prepared answer framed to fit (default {default})
            """)
        static let minWords = NumberParameter(
            "minWords", 150, minimum: 0,
            "answers shorter than this are not judged (default {default})")
        static let cap = NumberParameter(
            "cap", 0.35, minimum: 0,
            "the rule's credit, and the share of the capped criteria's marks, when it fires (default {default})")
        static let framedCap = NumberParameter(
            "framedCap", 0.25, minimum: 0,
            """
            when the crux stands only in the frame (the introduction, the conclusion, the headings) and no paragraph \
            of the body takes it up, the answer is one to another question: relevance earns nothing and every other \
            criterion keeps at most this share of its marks, as for an answer off the question (default {default})
            """)
        static let capCriteria = ListParameter(
            "capCriteria", ["introduction", "structure", "arguments", "evidence", "conclusion"],
            """
            criteria capped (default {default}); the shipped rubrics make the rule a gate of relevance, which caps \
            relevance itself
            """)
    }

    static let description = RuleDescription(
        id: "relevance-crux", criterion: "relevance",
        summary:
            "the answer takes up what the question asks about its topic (a prepared answer on the topic is capped)",
        rationale: """
            Missing the crux is the complaint examiners repeat most: an answer on the question's topic that never \
            takes up what the question asks about it (the security of CPEC, not its history and benefits; the \
            prospects of a relation in a multipolar order, not its past) is a prepared answer, and its \
            introduction, arguments, evidence and conclusion are credited only for what serves the question.
            """,
        fix: """
            Build the answer around what the question asks: name it in the introduction's thesis, give it most \
            sections, and cut background that does not serve it.
            """,
        parameters: [
            Param.maxShare, Param.framedShare, Param.minWords, Param.cap, Param.framedCap, Param.capCriteria,
        ],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                Example.cruxMissed, fires: true, at: "3:1", message: "the answer misses the crux of the question: it"),
            RuleExample(
                Self.framedSindh, fires: true, at: "3:1",
                message: "but 'Sindh' stands only in the introduction or the conclusion", rubric: "css-pakistan-affairs"
            ),
            RuleExample(
                Self.misreadCripps, fires: true, at: "3:1",
                message: "it names 'Cripps Mission' only in the introduction or the conclusion, and no paragraph",
                rubric: "css-pakistan-affairs"),
            RuleExample(
                Self.bentStudents(inBody: false), fires: true, at: "3:1",
                message: "'students' stands only in the introduction or the conclusion and the headings of sections",
                rubric: "css-pakistan-affairs"),
            RuleExample(Self.bentStudents(inBody: true), fires: false, rubric: "css-pakistan-affairs"),
        ],
        reads: [.words("taskWords"), .words("aspectWords"), .lexicon("topics"), .lexicon("properNouns")])

    /// A general Pakistan Movement answer framed to fit a question on Sindh's role: Sindh only in its opening and
    /// its close.
    static let framedSindh = """
        Q.6 Examine the role of Sindh in the Pakistan Movement.

        Introduction:
        The people of Sindh played an important role in the Pakistan Movement from the start.

        1. TWO NATION THEORY
        The basis of the Pakistan Movement was the Two Nation Theory. Muslims and Hindus were two nations with their \
        own religion, culture and heroes, and the Muslim League argued that they could not live as one. Sir Syed \
        Ahmad Khan had first said so after 1857, and Allama Iqbal gave it a political shape in 1930.

        2. LAHORE RESOLUTION 1940
        On 23 March 1940 the Lahore Resolution demanded that the Muslim majority areas be grouped into independent \
        states. A.K. Fazl-ul-Haq moved it before a large gathering at Minto Park in Lahore, and the Hindu press \
        called it the Pakistan Resolution within days.

        3. ELECTIONS OF 1945-46
        In the elections of 1945-46 the Muslim League won all the Muslim seats of the Central Assembly, which proved \
        that it spoke for the Muslims of India and made the demand for Pakistan hard to refuse. The Cabinet Mission \
        came in 1946, and its failure led to the partition plan of 3 June 1947.

        Conclusion:
        To conclude, Sindh played a great role in the Pakistan Movement, and its assembly spoke first in 1943.
        """

    /// A misread question: an answer to the Cripps Mission's question whose body is about the Quit India
    /// Movement, the Mission named only in its first and last lines.
    static let misreadCripps = """
        Q. No. 4 Explain the proposals of the Cripps Mission (1942) and the reasons for their rejection by the \
        Congress and the Muslim League.

        Introduction:
        The Cripps Mission came to India in 1942, in the middle of the Second World War, and it is an important \
        event in the history of the freedom struggle.

        Background:
        The Congress was angry that India had been dragged into the war without its consent. Its ministries had \
        resigned in 1939, and Gandhi and Nehru wanted the British to transfer power to Indians at once.

        The Quit India Resolution:
        On 8 August 1942 the All India Congress Committee passed the Quit India Resolution at Bombay and asked the \
        British to leave India at once. Gandhi gave the call of "Do or Die" to the people of India.

        Arrest of Leaders:
        The government acted quickly. Gandhi, Nehru, Azad and the whole Congress Working Committee were arrested \
        the next morning and kept in jail until the end of the war, and the Congress was declared unlawful.

        Attitude of the Muslim League:
        The Muslim League did not join the movement. The Quaid said that the Congress wanted to force the British \
        to hand over power to a Hindu majority, and he gave the slogan "Divide and Quit".

        Results:
        The movement was crushed within a few months, the Congress leaders spent the war in jail, and the Muslim \
        League grew stronger in the provinces.

        Conclusion:
        To conclude, the Cripps Mission of 1942 was a failure and India had to wait five more years for freedom.
        """

    /// The role of students in the Pakistan Movement answered with the movement's general history, bent to the
    /// question by its headings ("Students and the Lahore Resolution"); with `inBody`, every body paragraph
    /// says what the students did.
    static func bentStudents(inBody: Bool) -> String {
        let say = inBody ? "Students of Aligarh carried this message to the villages. " : ""
        return """
            Q. No. 2 Discuss the role of students in the Pakistan Movement.

            Introduction:
            The role of students in the Pakistan Movement was very great. They stood with the Quaid-e-Azam from the \
            beginning to the end of the struggle for Pakistan.

            Students and the Two Nation Theory:
            \(say)The Pakistan Movement rested on the Two Nation Theory. Muslims and Hindus had different religions, \
            customs and heroes, and Sir Syed Ahmad Khan said after 1857 that they were two nations.

            The Formation of the Muslim League:
            \(say)The All-India Muslim League was founded at Dhaka in 1906, and the Simla Deputation won separate \
            electorates for the Muslims, which the Act of 1909 accepted.

            Students and the Lahore Resolution:
            \(say)On 23 March 1940 the Muslim League passed the Lahore Resolution at Minto Park and demanded \
            independent states in the Muslim majority areas of the north-west and the east.

            Students and the Final Phase:
            \(say)The League won every Muslim seat of the Central Assembly in the elections of 1945-46, the Cabinet \
            Mission failed in 1946, and the plan of 3 June 1947 divided India.

            Conclusion:
            In conclusion, the students played a great role in the Pakistan Movement, and the nation owes them much.
            """
    }

    let maxShare: Double
    let framedShare: Double
    let minWords: Int
    let cap: Double
    let framedCap: Double
    let capCriteria: [String]
    init(_ p: RuleParameters) throws(RubricError) {
        maxShare = try p.read(Param.maxShare)
        framedShare = try p.read(Param.framedShare)
        minWords = Int(try p.read(Param.minWords))
        cap = try p.read(Param.cap)
        framedCap = try p.read(Param.framedCap)
        capCriteria = try p.read(Param.capCriteria)
    }

    static let followsFromOffTopic = true

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard let r = c.relevance, r.judgedByTopics, !r.focusTerms.isEmpty, c.words >= minWords, !r.units.isEmpty
        else { return .full }
        // The crux is taken up when enough of the body does, or when the introduction or the conclusion names
        // it and some of the body does: a frame round a body that never names it is a prepared answer bent to fit.
        let framed = [c.introduction, c.conclusion].contains { part in
            part?.paragraphs.contains { $0 < r.paragraphFocus.count && r.paragraphFocus[$0] } ?? false
        }
        // Only a named focus (a province, a country, a person: "the role of Sindh") is read so: a focus of common
        // words ("control", "unfair") is named by the frame in passing and used by the body in other words.
        let share = r.focusShare
        if let missed = misread(r, c) ?? bentHeadings(r, c, framed: framed) { return missed }
        guard share < (framed ? (r.focusNamed ? min(framedShare, maxShare) : 0) : maxShare) else { return .full }
        let focus = listing(r.focusTerms.prefix(3).map { "'\($0)'" }, or: true)
        let topic = r.topicTitle.map { lowerFirstWord($0, names: c.lexicon.topicModel.properNames) } ?? "its topic"
        let used = share == 0 ? "no section uses" : "only \(Int((share * 100).rounded()))% of the body uses"
        let framing =
            framed
            ? "\(focus) stands only in the introduction or the conclusion"
            : "the introduction and the conclusion never name \(focus)"
        return missed(
            c, "the answer misses the crux of the question: it writes about \(topic), but \(framing), and \(used) it",
            focus: focus, offQuestion: share == 0 && (framed || r.focusNamed))
    }

    /// A misread question: a name the question asks about (the Cripps Mission) stands in the introduction or
    /// the conclusion and in no paragraph of the body, which writes about something else (the Quit India
    /// Movement) in the question's other words (the Congress, the Muslim League).
    private func misread(_ r: RelevanceAnalysis, _ c: GradingContext) -> RuleOutcome? {
        guard !r.namesOnlyInFrame.isEmpty else { return nil }
        let names = listing(r.namesOnlyInFrame.map { "'\($0)'" })
        let them = r.namesOnlyInFrame.count == 1 ? "it" : "them"
        return missed(
            c,
            "the answer misses the crux of the question: it names \(names) only in the introduction or the "
                + "conclusion, and no paragraph of the body takes \(them) up",
            focus: names, offQuestion: true)
    }

    /// A prepared answer bent to fit by its headings: the introduction or the conclusion names the crux in common
    /// words ("the role of students"), two headings or more put it before their sections ("Students and the
    /// Lahore Resolution"), and units under `framedShare` of the body's words use it in their paragraphs.
    private func bentHeadings(_ r: RelevanceAnalysis, _ c: GradingContext, framed: Bool) -> RuleOutcome? {
        let bodyShare = r.bodyFocusShare
        guard framed, !r.focusNamed, bodyShare < framedShare else { return nil }
        let bent = r.units.filter { u in
            !u.focus.isEmpty && !u.paragraphs.contains { $0 < r.paragraphFocus.count && r.paragraphFocus[$0] }
        }
        guard bent.count >= 2 else { return nil }
        let focus = listing(r.focusTerms.prefix(3).map { "'\($0)'" }, or: true)
        let used = bodyShare == 0 ? "no paragraph under them uses" : "little of the body uses"
        return missed(
            c,
            "the answer misses the crux of the question: \(focus) stands only in the introduction or the "
                + "conclusion and the headings of \(sectionList(bent.map(\.name))), and \(used) it",
            focus: focus, offQuestion: bodyShare == 0)
    }

    /// The rule's outcome when the crux is missed, whichever way: one finding at the start, the criteria capped.
    /// `offQuestion`: no paragraph of the body uses the crux (a name the question asks about, or a focus the frame
    /// or the headings name), so the body answers another question and the answer is capped as one off the
    /// question (`framedCap`, relevance nothing), whether or not its frame names the crux.
    private func missed(_ c: GradingContext, _ message: String, focus: String, offQuestion: Bool) -> RuleOutcome {
        let caps =
            offQuestion
            ? [Cap(criteria: nil, share: framedCap), Cap(criteria: [Self.description.criterion], share: 0)]
            : [Cap(criteria: capCriteria, share: cap)]
        return RuleOutcome(
            credit: offQuestion ? 0 : cap,
            findings: [
                finding(
                    .error, at: c.startRange, message,
                    fix:
                        """
                        Answer what the question asks (\(focus)): state it in the introduction's thesis, build most \
                        sections around it and cut background that does not serve it.
                        """)
            ],
            caps: caps)
    }
}
