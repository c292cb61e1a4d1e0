/// Loading a rubric against the rules pakessay knows: the rubric layer names no rule type, so the
/// entry points that check a rubric's rules with `RuleRegistry` live here.
extension RuleCatalogue {
    /// The rules in `RuleRegistry`.
    public static let registry = RuleCatalogue(
        ids: { RuleRegistry.all.map { $0.description.id } },
        parameters: { RuleRegistry.rule($0)?.description.parameters.map(\.name) },
        make: { use in RuleRegistry.make(use).map { MadeRule($0) as any Sendable } }
    )
}

/// A rule the rubric's loading made, as a rubric's use keeps it. Its class is what the grader casts the use's
/// `made` to: a cast to a class compares one type, where a cast to `any GradingRule` looks the type's
/// conformance up, a scan of every conformance record of the binary per rule type (9 M instructions a start).
final class MadeRule: Sendable {
    let rule: any GradingRule
    init(_ rule: any GradingRule) { self.rule = rule }
}

extension RuleRegistry {
    /// Makes the rule a rubric's use names, with its parameters; an unknown id is an error naming it.
    static func make(_ use: RuleUse) -> Result<any GradingRule, RubricError> {
        guard let type = rule(use.id) else {
            return .failure(RubricError(file: use.parameters.file, path: use.parameters.path, "unknown rule id"))
        }
        return type.make(use.parameters)
    }

    /// The rules of each criterion of a loaded rubric, for a grader: those loading the rubric made (to
    /// check their parameters) as they were made, so that a run makes each rule once; any other made
    /// here. A rubric from `RubricLoader` has had every rule made when it was loaded, so making one here
    /// cannot fail.
    static func rules(of rubric: Rubric) -> [[any GradingRule]] {
        rubric.criteria.map { criterion in
            criterion.rules.map { use in
                if let made = use.made as? MadeRule { return made.rule }
                switch make(use) {
                case .success(let rule): return rule
                case .failure(let error): preconditionFailure("a rule the rubric's loading did not check: \(error)")
                }
            }
        }
    }
}

extension RubricLoader {
    /// Loads a rubric by id (a shipped one) or by path (a file ending in .json or containing a slash).
    public static func load(_ idOrPath: String) throws(RubricError) -> Rubric {
        try load(idOrPath, rules: .registry)
    }

    /// Loads and validates a rubric file.
    public static func load(path: String) throws(RubricError) -> Rubric {
        try load(path: path, rules: .registry)
    }
}
