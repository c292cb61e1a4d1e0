/// What loading a rubric needs to know of the rules, given by the layer that holds them (Grading's
/// `RuleCatalogue.registry`), so that the rubric names no rule type.
public struct RuleCatalogue: Sendable {
    /// Every rule id, for the nearest-id hint of an unknown one (asked for only then).
    public var ids: @Sendable () -> [String]
    /// The names of the parameters a rule takes, or nil when no rule has that id.
    public var parameters: @Sendable (String) -> [String]?
    /// Makes the rule a use names, with its parameters: the rule (kept in the use, so that the grader
    /// does not make it again), or the error a bad value raises.
    public var make: @Sendable (RuleUse) -> Result<any Sendable, RubricError>

    /// Makes the rule a use names, with its parameters; the error a bad value raises, or nil.
    public var check: @Sendable (RuleUse) -> RubricError? {
        { [make] use in
            guard case .failure(let error) = make(use) else { return nil }
            return error
        }
    }

    /// Creates a catalogue whose check keeps nothing it made.
    public init(
        ids: @escaping @Sendable () -> [String], parameters: @escaping @Sendable (String) -> [String]?,
        check: @escaping @Sendable (RuleUse) -> RubricError?
    ) {
        self.init(ids: ids, parameters: parameters) { use in check(use).map { .failure($0) } ?? .success(()) }
    }

    /// Creates a catalogue whose `make` gives the rule it made, kept in the rubric's use of it.
    public init(
        ids: @escaping @Sendable () -> [String], parameters: @escaping @Sendable (String) -> [String]?,
        make: @escaping @Sendable (RuleUse) -> Result<any Sendable, RubricError>
    ) {
        self.ids = ids
        self.parameters = parameters
        self.make = make
    }
}
