/// A marking scheme: criteria with marks, the rules each uses with their parameters, rounding,
/// bands and word lists. Loaded from a JSON file in `Rubrics/` (see docs/rubric-format.md).
public struct Rubric: Sendable {
    /// A stable id such as `css-current-affairs`.
    public var id: String
    /// The rubric's own version, reported with every grade.
    public var version: String
    /// A title for people.
    public var title: String
    /// The total marks of a question.
    public var maxMarks: Double
    /// Criterion scores are rounded to a multiple of this (0.5 for CSS).
    public var rounding: Double
    /// The share of a criterion that even a flawless answer keeps in reserve (CSS examiners keep the top
    /// of the scale for answers beyond what can be checked); 1 keeps nothing back.
    public var ceiling: Double = 1
    /// How strictly quality turns into marks: a criterion earns `quality ^ exponent` of its marks.
    public var exponent: Double = 1
    /// The most findings one rule lists for one answer; the rest are folded into one finding that
    /// counts them and carries their share of the marks lost. Nil lists them all.
    public var findingsPerRule: Int? = 50
    /// The answer length the marks expect, in words.
    public var expectedWords: ClosedRange<Int>
    /// Bands from the highest down: the first whose minimum share of the marks is reached names the answer.
    public var bands: [Band]
    /// The criteria in report order.
    public var criteria: [Criterion]
    /// Word lists.
    public var lexicon: Lexicon
    /// Words in tutors' remarks and the criteria they point at.
    public var remarkKeywords: [(keyword: String, criteria: [String])]
    /// The file it was read from.
    public var path: String

    /// A band: a name for answers whose marks reach `minShare` of the maximum.
    public struct Band: Sendable, Hashable {
        /// The lowest share of the maximum marks (0–1) in this band.
        public var minShare: Double
        /// The band's name, such as `Good`.
        public var label: String
    }

    /// The band for a mark.
    public func band(for marks: Double) -> String {
        let share = maxMarks > 0 ? marks / maxMarks : 0
        return bands.first { share + 1e-9 >= $0.minShare }?.label ?? bands.last?.label ?? ""
    }

    /// Rounds a score as the rubric says.
    public func round(_ value: Double) -> Double { Self.round(value, to: rounding) }

    /// The share of a criterion's credit it can earn: its own `ceiling`, or the scale's.
    public func ceiling(of criterion: Criterion) -> Double { criterion.ceiling ?? ceiling }

    /// The largest total `--marks` may scale a rubric to, and the largest `maxMarks` a rubric file may hold.
    public static let maximumMarks: Double = 1000

    /// How many of these marks stand for one of the rubric file's own marks: 1 until `scaled(to:)`.
    public internal(set) var marksScale: Double = 1

    /// The same rubric with every criterion's marks scaled so they total `marks`. The rounding step,
    /// the reserve and the bands stay the rubric's own: see `roundScores`. A total that is not a
    /// number, or not above 0, leaves the rubric as it is; one above `maximumMarks` is taken as
    /// `maximumMarks`.
    public func scaled(to marks: Double) -> Rubric {
        guard marks.isFinite, marks > 0, maxMarks.isFinite, maxMarks > 0 else { return self }
        let target = Swift.min(marks, Self.maximumMarks)
        var copy = self
        let factor = target / maxMarks
        copy.maxMarks = target
        copy.marksScale = marksScale * factor
        for i in copy.criteria.indices { copy.criteria[i].marks *= factor }
        return copy
    }
}

/// One criterion of a rubric: its marks and the rules whose credit builds its score.
public struct Criterion: Sendable {
    /// A fixed id such as `evidence`.
    public var id: String
    /// A title for people.
    public var title: String
    /// The marks it carries.
    public var marks: Double
    /// The rules it uses, with weights and parameters.
    public var rules: [RuleUse]
    /// When set, the rules' weighted losses (weight × missing credit) add up, and the criterion's quality is
    /// halved when their sum reaches this value: every kind of slip counts, as an examiner counts them
    /// together. When nil, its quality is the rules' weighted mean credit.
    public var halfAt: Double? = nil
    /// When set, the share of what its checks credit that the criterion may earn, in place of the scale's
    /// `ceiling`: CSS examiners keep more in reserve for some criteria than for others (full marks for
    /// language go only to English without a slip).
    public var ceiling: Double? = nil
}

/// A rule as a rubric uses it.
public struct RuleUse: Sendable {
    /// The rule's id.
    public var id: String {
        didSet { made = nil }
    }
    /// Its share of the criterion, relative to the other rules' weights.
    public var weight: Double
    /// A gate multiplies the whole criterion by its credit (an answer without a conclusion earns no conclusion marks).
    public var gate: Bool
    /// The rubric's parameters for it, checked when the rubric was loaded; Grading makes the rule from them.
    public var parameters: RuleParameters {
        didSet { made = nil }
    }
    /// True when the rubric's `gates` entry placed it here rather than the criterion's own `rules`.
    public var fromGates = false
    /// The rule as loading the rubric made it, to check its parameters (see `RuleCatalogue.make`), so that
    /// a grader takes it instead of making it a second time; nil once the id or parameters change.
    var made: (any Sendable)?
}
