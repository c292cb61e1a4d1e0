/// A rule's parameters from a rubric, read with defaults; a wrong type is an error naming the key path.
public struct RuleParameters: Sendable {
    let values: JSONValue?
    let path: String
    let file: String

    /// Parameters with nothing set: every rule's defaults.
    public static let defaults = RuleParameters(values: nil, path: "params", file: "(defaults)")

    private func node(_ key: String) -> JSONNode { JSONNode(value: values?[key], path: "\(path).\(key)", file: file) }

    /// The largest number a parameter may be unless its rule says otherwise: rules turn counts into
    /// whole numbers, and no count an answer can reach comes near it.
    public static let maximum: Double = 1_000_000

    /// A declared number, or its default when absent; one outside its bounds is an error.
    public func read(_ p: NumberParameter) throws(RubricError) -> Double {
        try number(p.name, minimum: p.minimum, maximum: p.maximum) ?? p.fallback
    }

    /// A declared number a rubric may leave out, or nil when absent; one outside its bounds is an error.
    public func read(_ p: OptionalNumberParameter) throws(RubricError) -> Double? {
        try number(p.name, minimum: p.minimum, maximum: p.maximum)
    }

    /// The number under `name` within its bounds, or nil when absent.
    private func number(_ name: String, minimum: Double, maximum: Double) throws(RubricError) -> Double? {
        let n = node(name)
        guard n.exists else { return nil }
        let value = try n.number()
        guard value >= minimum else { throw n.error("must be at least \(JSONValue.format(minimum))") }
        guard value <= maximum else { throw n.error("must be at most \(JSONValue.format(maximum))") }
        return value
    }

    /// A declared flag, or its default when absent.
    public func read(_ p: FlagParameter) throws(RubricError) -> Bool {
        let n = node(p.name)
        return n.exists ? try n.bool() : p.fallback
    }

    /// A declared list, or its default when absent.
    public func read(_ p: ListParameter) throws(RubricError) -> [String] {
        let n = node(p.name)
        return n.exists ? try n.strings() : p.fallback
    }

    /// Fails on keys the rule does not know, naming the first.
    func check(known: [String]) throws(RubricError) {
        guard case .object(let pairs)? = values else {
            if values != nil, values != .null { throw RubricError(file: file, path: path, "expected an object") }
            return
        }
        for (key, _) in pairs where !known.contains(key) {
            let near = RubricSchema.nearest(key, among: known).map { "; did you mean '\($0)'?" } ?? ""
            let takes = known.isEmpty ? "none" : known.joined(separator: ", ")
            throw RubricError(
                file: file, path: "\(path).\(key)", "unknown parameter (this rule takes: \(takes)\(near))")
        }
    }
}
