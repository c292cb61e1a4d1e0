/// What kind of pen work an edit records.
public enum EditKind: String, Sendable, Hashable, Codable {
    /// A struck-through span.
    case cutting
    /// A span written in above the line.
    case insertion
    /// A cutting and an insertion side by side: one word replaced by another.
    case correction
}

/// One cutting, insertion or correction, at the place its opener was written.
public struct Edit: Sendable, Hashable, Codable {
    /// What the pen did.
    public var kind: EditKind
    /// Where the opener (or, for a correction, its first half) stands.
    public var position: SourcePosition
    /// The struck or inserted text; for a correction, `old → new`.
    public var text: String

    /// Creates an edit.
    public init(kind: EditKind, position: SourcePosition, text: String) {
        self.kind = kind
        self.position = position
        self.text = text
    }
}
