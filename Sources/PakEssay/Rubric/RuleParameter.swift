/// One parameter a rule takes, declared once: its name, default, bounds and meaning. The rule's
/// description lists it (so `pakessay explain` shows it) and the rule's initialiser reads it, so the
/// default the description states is the default the rule uses.
public protocol DeclaredParameter: Sendable {
    /// The key a rubric sets under the rule's `params`.
    var name: String { get }
    /// What it means, its default written in.
    var meaning: String { get }
}

/// Where a declared parameter's meaning names its default.
let defaultMark = "{default}"

extension DeclaredParameter {
    /// `text` with its `{default}` mark replaced by `value`.
    static func fill(_ text: String, with value: String) -> String {
        text.replacing(defaultMark, with: value)
    }
}

/// A number a rubric may set, with its bounds.
public struct NumberParameter: DeclaredParameter {
    /// The key a rubric sets.
    public let name: String
    /// The value when the rubric sets none.
    public let fallback: Double
    /// The least value a rubric may set.
    public let minimum: Double
    /// The largest value a rubric may set.
    public let maximum: Double
    let text: String

    /// Declares a number; `text` writes `{default}` where the default goes.
    public init(
        _ name: String, _ fallback: Double, minimum: Double = -.infinity,
        maximum: Double = RuleParameters.maximum, _ text: String
    ) {
        self.name = name
        self.fallback = fallback
        self.minimum = minimum
        self.maximum = maximum
        self.text = text
    }

    /// What it means, its default written in.
    public var meaning: String { Self.fill(text, with: JSONValue.format(fallback)) }
}

/// A number a rubric may set or leave out, with its bounds: left out, the rule reads it as nil and takes
/// another value in its place (`absent` says which, for the description).
public struct OptionalNumberParameter: DeclaredParameter {
    /// The key a rubric sets.
    public let name: String
    /// What stands in its place when the rubric sets none, as the description words it ("`share`").
    public let absent: String
    /// The least value a rubric may set.
    public let minimum: Double
    /// The largest value a rubric may set.
    public let maximum: Double
    let text: String

    /// Declares a number a rubric may leave out; `text` writes `{default}` where `absent` goes.
    public init(
        _ name: String, absent: String, minimum: Double = -.infinity, maximum: Double = RuleParameters.maximum,
        _ text: String
    ) {
        self.name = name
        self.absent = absent
        self.minimum = minimum
        self.maximum = maximum
        self.text = text
    }

    /// What it means, what stands in its place written in.
    public var meaning: String { Self.fill(text, with: absent) }
}

/// True or false, set by a rubric.
public struct FlagParameter: DeclaredParameter {
    /// The key a rubric sets.
    public let name: String
    /// The value when the rubric sets none.
    public let fallback: Bool
    let text: String

    /// Declares a flag; `text` writes `{default}` where the default goes.
    public init(_ name: String, _ fallback: Bool, _ text: String) {
        self.name = name
        self.fallback = fallback
        self.text = text
    }

    /// What it means, its default written in.
    public var meaning: String { Self.fill(text, with: fallback ? "true" : "false") }
}

/// A list of words or ids a rubric may set.
public struct ListParameter: DeclaredParameter {
    /// How a list default reads in prose.
    public enum Style: Sendable {
        /// As JSON: `["a", "b"]`.
        case json
        /// As words: `a, b`.
        case plain
    }

    /// The key a rubric sets.
    public let name: String
    /// The value when the rubric sets none.
    public let fallback: [String]
    let style: Style
    let text: String

    /// Declares a list; `text` writes `{default}` where the default goes, in `style`.
    public init(_ name: String, _ fallback: [String], style: Style = .json, _ text: String) {
        self.name = name
        self.fallback = fallback
        self.style = style
        self.text = text
    }

    /// What it means, its default written in.
    public var meaning: String {
        let written =
            switch style {
            case .json: "[" + fallback.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
            case .plain: fallback.joined(separator: ", ")
            }
        return Self.fill(text, with: written)
    }
}
