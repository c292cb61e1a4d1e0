/// Every rule pakessay knows, in report order. A rubric names rules by id from this list.
///
/// The list is written at build time: `RuleRegistryPlugin` finds every type under `Grading/Rules/`
/// that conforms to `GradingRule` (`declared`, by file name, then by position in the file), and adds
/// `establishedOrder` from `Sources/RuleRegistryGenerator/EstablishedOrder.swift`. Adding a rule
/// touches no list.
public enum RuleRegistry {
    /// The rule types, in report order: the order of `pakessay explain`'s listing and of SARIF's rules.
    public static let all: [any GradingRule.Type] = reportOrder(declared)

    /// The rule type with that id.
    public static func rule(_ id: String) -> (any GradingRule.Type)? {
        byID[id].map { all[$0] }
    }

    /// Each rule's place in `all` by its id, worked out once: a rubric names forty-odd rules, and reading
    /// every description for each of them cost about 0.7 M instructions at every start.
    private static let byID: [String: Int] = {
        var out: [String: Int] = [:]
        for (n, type) in all.enumerated() {
            let id = type.description.id
            if out[id] == nil { out[id] = n }
        }
        return out
    }()

    /// Descriptions of the transcript diagnostics the parser reports (not graded by themselves).
    public static let diagnostics: [(id: String, summary: String)] = DiagnosticKind.allCases.map {
        ($0.rawValue, $0.summary)
    }

    /// The report order of `types`: first the established rules, in `establishedOrder` (generated);
    /// then each other rule, in the order given, right after the last rule of its criterion so far (at
    /// the end when no rule has its criterion).
    static func reportOrder(_ types: [any GradingRule.Type]) -> [any GradingRule.Type] {
        // Each rule's description is built and its rank looked up once here: building them inside the sort's
        // comparisons cost about 1.3 M instructions at every start, and looking both ranks up by id in every
        // comparison another 0.7 M.
        let rank = Dictionary(uniqueKeysWithValues: establishedOrder.enumerated().map { ($1, $0) })
        let described = types.map { type in
            let d = type.description
            return (type: type, criterion: d.criterion, rank: rank[d.id])
        }
        var ordered = described.filter { $0.rank != nil }.sorted { $0.rank! < $1.rank! }
        for rule in described where rule.rank == nil {
            let last = ordered.lastIndex { $0.criterion == rule.criterion }
            ordered.insert(rule, at: last.map { $0 + 1 } ?? ordered.count)
        }
        return ordered.map(\.type)
    }
}
