/// One criterion's score.
public struct CriterionScore: Sendable, Hashable {
    /// The criterion id.
    public var id: String
    /// Its title.
    public var title: String
    /// The score, rounded as the rubric says.
    public var score: Double
    /// The criterion's marks.
    public var max: Double
}

/// A remark from the transcript, set against pakessay's own judgment.
public struct RemarkVerdict: Sendable, Hashable {
    /// The remark.
    public var remark: Remark
    /// The criteria it speaks of.
    public var criteria: [String]
    /// True when the answer's findings bear out the remark on every criterion it speaks of (criticism:
    /// findings cost the criterion marks; praise: they cost little); nil when it names none.
    public var agrees: Bool?
    /// A sentence saying so.
    public var explanation: String
}

/// The grade of one answer: marks, criteria, located findings, improvements and remarks.
public struct GradedAnswer: Sendable {
    /// The file (or stream id) it came from.
    public var source: String
    /// The parsed answer.
    public var answer: Answer
    /// The question used (from the transcript or `--question`).
    public var question: Question?
    /// Total marks, the sum of the criteria's rounded scores.
    public var marks: Double
    /// The most the answer could earn.
    public var maxMarks: Double
    /// The band's name.
    public var band: String
    /// Every criterion, in the rubric's order.
    public var criteria: [CriterionScore]
    /// Findings in order of place.
    public var findings: [Finding]
    /// The three changes worth the most marks, in a tutor's voice.
    public var improvements: [String]
    /// Remarks found in the transcript and how they compare.
    public var remarks: [RemarkVerdict]
    /// Sentences in the body.
    public var sentences: Int
    /// Evidence found, in reading order.
    public var evidence: [EvidenceItem]
    /// Spelling errors found.
    public var spellingErrors: Int
    /// How far the answer and each of its sections serve the question, when it could be judged.
    public var relevance: RelevanceAnalysis? = nil
}
