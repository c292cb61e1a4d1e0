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
    /// What the examiner keeps back of what the checks credit; nil when the rubric keeps nothing back
    /// or the criterion earned nothing.
    public var reserve: Reserve? = nil
}

/// The share of a criterion's credit that even a flawless answer keeps back, as CSS examiners keep the
/// top marks for exceptional answers (the rubric's `scale.ceiling`). It is no fault, so no finding:
/// the reports that list findings show it as a note of its own.
public struct Reserve: Sendable, Hashable {
    /// The id the reports list it under.
    public static let id = "examiner-reserve"
    /// The share of what the checks credit that is kept back (1 minus the ceiling).
    public var share: Double
    /// The marks kept back, to the cent.
    public var marks: Double
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

extension GradedAnswer {
    /// The marks kept in the examiner's reserve across the criteria.
    public var reserveMarks: Double { criteria.reduce(0) { $0 + ($1.reserve?.marks ?? 0) } }

    /// The findings as the reports that list every finding show them (JSON, CSV, Markdown, GitHub):
    /// each criterion's reserve as a note at the question line, among the findings in order of place.
    public var listedFindings: [Finding] {
        let notes = criteria.compactMap { score in score.reserve.map { reserveNote(score, $0) } }
        guard !notes.isEmpty else { return findings }
        // The sort is stable and a note never ties with a finding, so the findings keep their order.
        return (findings + notes).sorted(by: Finding.precedes)
    }

    /// A criterion's reserve said as a note.
    private func reserveNote(_ score: CriterionScore, _ reserve: Reserve) -> Finding {
        Finding(
            rule: Reserve.id, criterion: score.id, severity: .note,
            range: SourceRange(at: answer.question?.position ?? SourcePosition(line: answer.line, column: 1)),
            excerpt: "",
            message:
                """
                \(score.title.lowercased()): \(Int((reserve.share * 100).rounded()))% of what the checks credit \
                is kept in reserve, as CSS examiners keep the top marks for exceptional answers
                """,
            suggestion:
                """
                Nothing here is wrong; the last marks go to insight, originality and command that no check can \
                measure.
                """,
            marksLost: reserve.marks)
    }
}
