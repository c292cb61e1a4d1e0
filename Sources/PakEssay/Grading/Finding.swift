/// Something a rule found: where, what, how to fix it, and the marks it cost.
public struct Finding: Sendable, Hashable {
    /// The rule's id.
    public var rule: String
    /// The criterion whose marks it cost.
    public var criterion: String
    /// How serious it is.
    public var severity: Severity
    /// Where it is in the file.
    public var range: SourceRange
    /// A short piece of the text it points at.
    public var excerpt: String
    /// Short, specific, lowercase, naming the place.
    public var message: String
    /// What to do about it.
    public var suggestion: String
    /// The marks this finding costs.
    public var marksLost: Double
    /// How much of its rule's loss this finding carries, relative to the rule's other findings.
    public var weight: Double
    /// How the improvements name it when they list several findings of its rule: the part of the
    /// answer it is about ("section 2.3") or the correction it asks for ("goverment → government").
    public var listedAs: String?
    /// How many more findings of its rule this one stands for, past the rubric's `findingsPerRule`
    /// (0 for an ordinary finding). Counts of findings add it in.
    public var folded: Int = 0
    /// How many more times the fault it names is written (a misspelt word written again): one finding
    /// stands for them all and counts them.
    public var repeats: Int = 0
    /// How many findings this one counts as: itself, its repeats and those it folds.
    public var count: Int { 1 + folded + repeats }

    /// Creates a finding.
    public init(
        rule: String, criterion: String, severity: Severity, range: SourceRange, excerpt: String, message: String,
        suggestion: String, marksLost: Double, weight: Double = 1, listedAs: String? = nil
    ) {
        self.rule = rule
        self.criterion = criterion
        self.severity = severity
        self.range = range
        self.excerpt = excerpt
        self.message = message
        self.suggestion = suggestion
        self.marksLost = marksLost
        self.weight = weight
        self.listedAs = listedAs
    }

    /// The order in which a grade lists findings: by place, then rule, then message.
    public static func precedes(_ a: Finding, _ b: Finding) -> Bool {
        if a.range.start != b.range.start { return a.range.start < b.range.start }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}
