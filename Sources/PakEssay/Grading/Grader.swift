/// Grades answers against a rubric: runs each criterion's rules on an analysis made once per answer,
/// builds scores from the rules' credit, traces every mark lost to findings, and writes improvements.
public struct Grader: Sendable {
    /// The rubric.
    public let rubric: Rubric

    /// Each criterion's rules, made from the rubric's uses.
    let rules: [[any GradingRule]]

    /// Creates a grader.
    public init(rubric: Rubric) {
        self.rubric = rubric
        self.rules = RuleRegistry.rules(of: rubric)
    }

    /// Grades one parsed answer.
    public func grade(_ answer: Answer, source: String, question: String? = nil) -> GradedAnswer {
        traced(answer, source: source, question: question).graded
    }

    /// Grades one parsed answer and returns, beside the grade, the credits each criterion's score was
    /// built from (for `calibrate`, which refits the weights without grading again).
    public func traced(_ answer: Answer, source: String, question: String? = nil)
        -> (graded: GradedAnswer, credits: [CriterionCredits])
    {
        let context = GradingContext(
            answer: answer, question: question, lexicon: rubric.lexicon, expectedWords: rubric.expectedWords)
        let scorer = CriterionScorer(rubric: rubric)
        let raw = zip(rubric.criteria, rules).map { scorer.score($0, rules: $1, context) }
        let caps = raw.flatMap(\.caps)
        var credits = raw.map(\.credits)
        var settled: [CriterionScorer.Scored] = []
        for (k, scored) in raw.enumerated() {
            let binding = caps.filter { $0.cap.covers(scored.criterion.id) }.min { $0.cap.share < $1.cap.share }
            credits[k].cap = binding?.cap.share ?? 1
            settled.append(scored.capped(by: binding))
        }
        let rounded = rubric.roundScores(settled.map(\.value))
        var scores: [CriterionScore] = []
        var findings: [Finding] = []
        for (scored, score) in zip(settled, rounded.scores) {
            let ceiling = rubric.ceiling(of: scored.criterion)
            let (criterionScore, traced) = scored.rounded(to: score, ceiling: ceiling)
            scores.append(criterionScore)
            findings += traced
        }
        findings += Self.transcriptNotes(answer)
        findings.sort(by: Finding.precedes)
        let graded = GradedAnswer(
            source: source, answer: answer, question: context.question, marks: scores.reduce(0) { $0 + $1.score },
            maxMarks: rubric.maxMarks, band: rounded.band, criteria: scores, findings: findings,
            improvements: Improvements.write(findings: findings, criteria: rubric.criteria),
            remarks: RemarkJudge(rubric: rubric).judge(answer.remarks, scores: scores, findings: findings),
            sentences: context.sentences.count, evidence: context.evidence,
            spellingErrors: raw.reduce(0) { $0 + $1.misspellings }, relevance: context.relevance)
        return (graded, credits)
    }

    /// Transcript slips, as notes that cost nothing by themselves, for the diagnostics whose kind says so.
    static func transcriptNotes(_ answer: Answer) -> [Finding] {
        answer.diagnostics.compactMap { d in
            d.kind?.asFinding.map { shown in
                Finding(
                    rule: d.rule, criterion: shown.criterion, severity: shown.severity,
                    range: SourceRange(at: d.position), excerpt: "", message: d.message,
                    suggestion: shown.suggestion, marksLost: 0)
            }
        }
    }

    /// Shares rounded to whole cents that add up to `total` rounded to cents: each share is rounded
    /// down, and the cents left over go to the largest remainders (the earliest first on a tie). However
    /// many findings share a loss, they trace it to the cent.
    static func cents(_ shares: [Double], total: Double) -> [Int] {
        guard shares.contains(where: { $0 > 0 }) else { return shares.map { _ in 0 } }
        // Whole cents of at most 10^13 marks: a share beyond that, or not a number, cannot trap.
        let whole = { (x: Double) in x.isFinite ? Int(Swift.max(-1e15, Swift.min(1e15, x))) : 0 }
        var out = shares.map { whole(($0 * 100 + 1e-7).rounded(.down)) }
        var left = whole((total * 100).rounded()) - out.reduce(0, +)
        let order = shares.indices.sorted { a, b in
            let ra = shares[a] * 100 - Double(out[a])
            let rb = shares[b] * 100 - Double(out[b])
            return abs(ra - rb) > 1e-9 ? ra > rb : a < b
        }
        var k = 0
        while left > 0 {
            if shares[order[k]] > 0 {
                out[order[k]] += 1
                left -= 1
            }
            k = (k + 1) % order.count
        }
        // Should rounding down ever overshoot (a share a hair under a whole cent), take the excess back
        // from the smallest remainders that have a cent to give.
        k = order.count - 1
        while left < 0, k >= 0 {
            if out[order[k]] > 0 {
                out[order[k]] -= 1
                left += 1
            }
            k -= 1
        }
        return out
    }
}
