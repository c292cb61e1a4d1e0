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
        parameters: [Param.maxShare, Param.framedShare, Param.minWords, Param.cap, Param.capCriteria],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                Example.cruxMissed, fires: true, at: "3:1", message: "the answer misses the crux of the question: it"),
        ],
        reads: [.words("taskWords"), .words("aspectWords"), .lexicon("topics")])

    let maxShare: Double
    let framedShare: Double
    let minWords: Int
    let cap: Double
    let capCriteria: [String]
    init(_ p: RuleParameters) throws(RubricError) {
        maxShare = try p.read(Param.maxShare)
        framedShare = try p.read(Param.framedShare)
        minWords = Int(try p.read(Param.minWords))
        cap = try p.read(Param.cap)
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
        guard share < (framed ? (r.focusNamed ? min(framedShare, maxShare) : 0) : maxShare) else { return .full }
        let focus = listing(r.focusTerms.prefix(3).map { "'\($0)'" }, or: true)
        let topic = r.topicTitle.map { lowerFirstWord($0, names: c.lexicon.topicModel.properNames) } ?? "its topic"
        let used = share == 0 ? "no section uses" : "only \(Int((share * 100).rounded()))% of the body uses"
        let framing =
            framed
            ? "\(focus) stands only in the introduction or the conclusion"
            : "the introduction and the conclusion never name \(focus)"
        return RuleOutcome(
            credit: cap,
            findings: [
                finding(
                    .error, at: c.startRange,
                    """
                    the answer misses the crux of the question: it writes about \(topic), but \(framing), \
                    and \(used) it
                    """,
                    fix:
                        """
                        Answer what the question asks (\(focus)): state it in the introduction's thesis, build most \
                        sections around it and cut background that does not serve it.
                        """)
            ],
            caps: [Cap(criteria: capCriteria, share: cap)])
    }
}
