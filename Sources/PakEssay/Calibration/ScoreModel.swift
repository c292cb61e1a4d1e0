#if canImport(Glibc)
    import Glibc
#endif

/// What one criterion's score was built from: the credit of each rule that judged the answer (gates
/// left out), the gates' product and the cap that limits it. With these, a criterion's score under
/// other weights, exponent or ceiling is computed without grading the answer again.
public struct CriterionCredits: Sendable, Hashable {
    /// The indices, in the criterion's `rules`, of the weighted rules that judged the answer.
    public var rules: [Int] = []
    /// Their credit (0–1), in the same order.
    public var credits: [Double] = []
    /// The product of the gates' credit.
    public var gate: Double = 1
    /// The share of its score a cap leaves the criterion (1 when none binds).
    public var cap: Double = 1

    /// Creates an empty trace.
    public init() {}
}

/// The parts of a rubric a fit may change: every rule's weight, the scale's exponent and its ceiling.
public struct ScaleParameters: Sendable, Hashable {
    /// Weights by criterion, then by rule (a gate's entry is unused).
    public var weights: [[Double]]
    /// `scale.exponent`.
    public var exponent: Double
    /// `scale.ceiling`.
    public var ceiling: Double

    /// The rubric's own parameters.
    public init(_ rubric: Rubric) {
        weights = rubric.criteria.map { $0.rules.map(\.weight) }
        exponent = rubric.exponent
        ceiling = rubric.ceiling
    }

    /// Parameters given outright.
    public init(weights: [[Double]], exponent: Double, ceiling: Double) {
        self.weights = weights
        self.exponent = exponent
        self.ceiling = ceiling
    }
}

/// The grader's scoring, as a function of the parameters a fit changes (see `Grader`): a criterion
/// earns `marks × gate × cap × ceiling × quality ^ exponent`, where quality is the weighted mean
/// credit of its rules that judged the answer, or with the criterion's `halfAt` their added losses
/// (1 when none judged it).
public enum ScoreModel {
    /// The quality of one criterion under `weights`, its losses added when `halfAt` is set.
    public static func quality(_ c: CriterionCredits, weights: [Double], halfAt: Double? = nil) -> Double {
        var share = 0.0
        var total = 0.0
        for (k, rule) in c.rules.enumerated() {
            share += weights[rule] * c.credits[k]
            total += weights[rule]
        }
        return total > 0 ? combined(share: share, weights: total, halfAt: halfAt) : 1
    }

    /// A criterion's quality from its judged rules' weighted credit `share` out of `weights`: their
    /// weighted mean credit; or, with `halfAt`, their weighted losses added up, the quality halving when
    /// the sum reaches `halfAt` (a third at twice it), as an examiner counts every kind of slip together
    /// and each further slip costs a little less.
    public static func combined(share: Double, weights: Double, halfAt: Double?) -> Double {
        guard let halfAt else { return share / weights }
        return 1 / (1 + (weights - share) / halfAt)
    }

    /// How the quality `q` of a criterion whose judged weights add up to `weights` moves with the weight
    /// of one rule that earned `credit`.
    static func slope(credit: Double, quality q: Double, weights: Double, halfAt: Double?) -> Double {
        guard let halfAt else { return (credit - q) / weights }
        return -(1 - credit) * q * q / halfAt
    }

    /// Unrounded criterion scores of one answer.
    public static func scores(_ credits: [CriterionCredits], rubric: Rubric, _ p: ScaleParameters) -> [Double] {
        credits.indices.map { i in
            let q = quality(credits[i], weights: p.weights[i], halfAt: rubric.criteria[i].halfAt)
            let c = credits[i]
            let ceiling = rubric.criteria[i].ceiling ?? p.ceiling
            return rubric.criteria[i].marks * c.gate * c.cap * ceiling * pow(q, p.exponent)
        }
    }

    /// Criterion scores rounded as the rubric rounds them, and their total.
    public static func rounded(_ credits: [CriterionCredits], rubric: Rubric, _ p: ScaleParameters)
        -> (scores: [Double], total: Double)
    {
        let scores = rubric.roundScores(self.scores(credits, rubric: rubric, p)).scores
        return (scores, scores.reduce(0, +))
    }
}
