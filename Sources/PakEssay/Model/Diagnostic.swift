/// How serious a finding is, in increasing order.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    /// Worth knowing; costs little or nothing.
    case note
    /// Worth fixing.
    case warning
    /// Must be fixed.
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    /// Orders severities note < warning < error.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Something the parser noticed about the transcript itself: a markup slip, a numbering gap.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// A kebab-case rule id, such as `markup-unclosed`.
    public var rule: String
    /// How serious it is.
    public var severity: Severity
    /// Where it is.
    public var position: SourcePosition
    /// A short, specific, lowercase message.
    public var message: String

    /// Creates a diagnostic.
    public init(rule: String, severity: Severity, position: SourcePosition, message: String) {
        self.rule = rule
        self.severity = severity
        self.position = position
        self.message = message
    }
}
