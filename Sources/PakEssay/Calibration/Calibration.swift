import Dispatch

/// The scale a tutor marks on, mapped linearly onto the rubric's marks (a 1–6 holistic score, say).
public struct TutorScale: Sendable, Hashable {
    /// The tutor's lowest mark.
    public var low: Double
    /// The tutor's highest mark.
    public var high: Double

    /// Creates a scale; `high` must be above `low`.
    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// `LOW-HIGH` (`1-6`, `0-20`, `0.5-10`), or nil when it is not that.
    public static func parse(_ text: String) -> TutorScale? {
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let low = Double(parts[0]), let high = Double(parts[1]),
            low.isFinite, high.isFinite, low >= 0, high > low, high <= 1_000_000
        else { return nil }
        return TutorScale(low: low, high: high)
    }

    /// A tutor's mark on the rubric's scale of 0…`maximum`.
    public func map(_ mark: Double, onto maximum: Double) -> Double { (mark - low) / (high - low) * maximum }

    /// True when the mark lies on the scale.
    public func contains(_ mark: Double) -> Bool { mark >= low - 1e-9 && mark <= high + 1e-9 }
}

/// One marked answer graded: the tutor's marks (on the rubric's scale) beside pakessay's.
public struct CalibrationRow: Sendable {
    /// How the report names it: the path (with `#N` for an answer after the first) or the id.
    public var name: String
    /// The tutor's total on the rubric's marks.
    public var tutorTotal: Double
    /// The tutor's criterion marks, in the rubric's order (nil where not marked).
    public var tutorCriteria: [Double?]
    /// pakessay's total.
    public var marks: Double
    /// pakessay's criterion scores, in the rubric's order.
    public var scores: [Double]
    /// The findings that cost pakessay's marks the most (at most three, the examiner's reserve left out).
    public var findings: [Finding]
    /// What each criterion's score was built from.
    public var credits: [CriterionCredits]

    /// Builds a row from a tutor's record and pakessay's grade of the answer.
    public init(
        record: MarkRecord, graded: GradedAnswer, credits: [CriterionCredits], rubric: Rubric, scale: TutorScale
    ) {
        name = record.name
        tutorTotal = scale.map(record.marks, onto: rubric.maxMarks)
        tutorCriteria = rubric.criteria.map { record.criteria[$0.id] }
        marks = graded.marks
        scores = graded.criteria.map(\.score)
        let costly = graded.findings.enumerated().filter { $0.element.marksLost > 0 }
        findings = costly.sorted { a, b in
            a.element.marksLost != b.element.marksLost ? a.element.marksLost > b.element.marksLost : a.offset < b.offset
        }.prefix(3).map(\.element)
        self.credits = credits
    }
}

/// The agreement of pakessay with a tutor, and a fit when one was asked for (see docs/calibration.md).
public struct CalibrationReport: Sendable {
    /// A change a fit makes to one weight.
    public struct Change: Sendable, Hashable {
        /// The criterion id.
        public var criterion: String
        /// The rule id.
        public var rule: String
        /// The rubric's weight.
        public var from: Double
        /// The fitted weight.
        public var to: Double
    }

    /// What `--fit` found.
    public struct Fit: Sendable {
        /// How many folds the cross-validation used.
        public var folds: Int
        /// The agreement of the fitted rubric on answers it was not fitted on, pooled over the folds.
        public var fitted: Agreement
        /// The agreement of the rubric as it is, on the same answers.
        public var unfitted: Agreement
        /// The parameters fitted on every answer (what is written).
        public var parameters: ScaleParameters
        /// The weights that changed, and the exponent and ceiling before and after.
        public var changes: [Change]
        /// Nil when the fit beats the rubric and may be written; else why not.
        public var refusal: String?
        /// False when there were too few answers to make a fit at all.
        public var made: Bool { fitted.count >= CalibrationReport.minimumForFit }
    }

    /// The rubric.
    public var rubric: Rubric
    /// The tutor's scale.
    public var scale: TutorScale
    /// The answers graded.
    public var rows: [CalibrationRow]
    /// The rows and columns that could not be used.
    public var problems: [String]
    /// Agreement on totals.
    public var total: Agreement
    /// Agreement on each criterion the tutor marked, in the rubric's order.
    public var criteria: [(id: String, agreement: Agreement)]
    /// Answers by the tutor's band (rows) and pakessay's (columns), the bands from the highest down.
    public var confusion: [[Int]]
    /// The largest disagreements on the total, the largest first (at most ten).
    public var disagreements: [CalibrationRow]
    /// The fit, when asked for.
    public var fit: Fit?

    /// The fewest marked answers a fit is made from.
    public static let minimumForFit = 10

    /// Measures the agreement of `rows`; with `folds`, fits the rubric and cross-validates the fit.
    public init(rubric: Rubric, scale: TutorScale, rows: [CalibrationRow], problems: [String], folds: Int?) {
        self.rubric = rubric
        self.scale = scale
        self.rows = rows
        self.problems = problems
        total = Agreement(
            rows.map(\.marks), rows.map(\.tutorTotal), step: rubric.rounding, maximum: rubric.maxMarks)
        var criteria: [(id: String, agreement: Agreement)] = []
        for (i, c) in rubric.criteria.enumerated() {
            let marked = rows.filter { $0.tutorCriteria[i] != nil }
            guard !marked.isEmpty else { continue }
            let a = Agreement(
                marked.map { $0.scores[i] }, marked.map { $0.tutorCriteria[i]! }, step: rubric.rounding,
                maximum: c.marks)
            criteria.append((c.id, a))
        }
        self.criteria = criteria
        let labels = rubric.bands.map(\.label)
        var table = labels.map { _ in labels.map { _ in 0 } }
        for row in rows {
            let t = labels.firstIndex(of: rubric.band(for: row.tutorTotal)) ?? labels.count - 1
            let o = labels.firstIndex(of: rubric.band(for: row.marks)) ?? labels.count - 1
            table[t][o] += 1
        }
        confusion = table
        disagreements = rows.enumerated().sorted { a, b in
            let da = abs(a.element.marks - a.element.tutorTotal)
            let db = abs(b.element.marks - b.element.tutorTotal)
            return abs(da - db) > 1e-9 ? da > db : a.offset < b.offset
        }.prefix(10).map(\.element)
        if let folds { fit = Self.fit(rubric: rubric, rows: rows, folds: folds, unfitted: total) }
    }

    /// Cross-validates a fit on `rows` and makes the fit on all of them.
    static func fit(rubric: Rubric, rows: [CalibrationRow], folds wanted: Int, unfitted: Agreement) -> Fit {
        let samples = rows.map {
            CalibrationSample(credits: $0.credits, total: $0.tutorTotal, criteria: $0.tutorCriteria)
        }
        let fitter = Fitter(rubric: rubric)
        let k = max(2, min(wanted, rows.count))
        var predicted = [Double](repeating: 0, count: rows.count)
        var parameters = ScaleParameters(rubric)
        if rows.count >= minimumForFit {
            // The k folds' fits and the fit on every answer are independent: made at once, each on its own.
            let fits = ResultBox<ScaleParameters>(count: k + 1)
            DispatchQueue.concurrentPerform(iterations: k + 1) { fold in
                let training = fold == k ? samples : samples.indices.filter { $0 % k != fold }.map { samples[$0] }
                fits.set(fold, Self.tidy(fitter.fit(training)))
            }
            let made = fits.values
            for j in samples.indices {
                predicted[j] = ScoreModel.rounded(samples[j].credits, rubric: rubric, made[j % k]).total
            }
            parameters = made[k]
        }
        let step = rubric.rounding
        let fitted = Agreement(predicted, rows.map(\.tutorTotal), step: step, maximum: rubric.maxMarks)
        var refusal: String?
        if rows.count < minimumForFit {
            refusal = "a fit needs at least \(minimumForFit) marked answers; this file has \(rows.count)"
        } else if !Self.beats(fitted, unfitted) {
            refusal =
                "cross-validated, the fit does not beat the rubric as it is (a higher kappa, "
                + "and a Spearman no more than \(JSONValue.format(spearmanSlack)) lower)"
        }
        return Fit(
            folds: k, fitted: fitted, unfitted: unfitted, parameters: parameters,
            changes: changes(rubric, parameters), refusal: refusal)
    }

    /// How far the fit's Spearman may fall below the rubric's and still count as no worse.
    public static let spearmanSlack = 0.01

    /// The fit beats the rubric when, cross-validated, its kappa is higher (its mean absolute error
    /// lower, when kappa cannot be computed) and it ranks the answers no worse: its Spearman is at
    /// most `spearmanSlack` below the rubric's.
    static func beats(_ fitted: Agreement, _ unfitted: Agreement) -> Bool {
        if let f = fitted.spearman, let u = unfitted.spearman, f < u - spearmanSlack { return false }
        if let f = fitted.kappa, let u = unfitted.kappa { return f > u + 1e-9 }
        return fitted.meanAbsoluteError < unfitted.meanAbsoluteError - 1e-9
    }

    /// Parameters as the fitted file writes them, to two decimals (weights at least 0.01).
    static func tidy(_ p: ScaleParameters) -> ScaleParameters {
        var out = p
        out.weights = p.weights.map { $0.map { max(0.01, ($0 * 100).rounded() / 100) } }
        out.exponent = (p.exponent * 100).rounded() / 100
        out.ceiling = (p.ceiling * 100).rounded() / 100
        return out
    }

    static func changes(_ rubric: Rubric, _ p: ScaleParameters) -> [Change] {
        var out: [Change] = []
        for (i, c) in rubric.criteria.enumerated() {
            for (k, use) in c.rules.enumerated() where !use.gate && abs(use.weight - p.weights[i][k]) > 1e-9 {
                out.append(Change(criterion: c.id, rule: use.id, from: use.weight, to: p.weights[i][k]))
            }
        }
        return out
    }
}
