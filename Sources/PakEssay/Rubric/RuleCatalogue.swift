/// What loading a rubric needs to know of the rules, given by the layer that holds them (Grading's
/// `RuleCatalogue.registry`), so that the rubric names no rule type.
public struct RuleCatalogue: Sendable {
    /// Every rule id, for the nearest-id hint of an unknown one (asked for only then).
    public var ids: @Sendable () -> [String]
    /// The names of the parameters a rule takes, or nil when no rule has that id.
    public var parameters: @Sendable (String) -> [String]?
    /// Makes the rule a use names, with its parameters; the error a bad value raises, or nil.
    public var check: @Sendable (RuleUse) -> RubricError?

    /// Creates a catalogue.
    public init(
        ids: @escaping @Sendable () -> [String], parameters: @escaping @Sendable (String) -> [String]?,
        check: @escaping @Sendable (RuleUse) -> RubricError?
    ) {
        self.ids = ids
        self.parameters = parameters
        self.check = check
    }
}
