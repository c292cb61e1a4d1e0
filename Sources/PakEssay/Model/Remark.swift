/// How a remark was recognised.
public enum RemarkKind: String, Sendable, Hashable, Codable {
    /// A paragraph opened by `Remarks:`, `Tutor:`, `Examiner:` and the like.
    case labelled
    /// A CriticMarkup margin comment `{>>…<<}`.
    case comment
    /// A closing lowercase note under the conclusion.
    case trailing
}

/// A tutor's or examiner's remark: kept and shown, never graded as part of the answer.
public struct Remark: Sendable, Hashable, Codable {
    /// The remark's text, as a fair copy.
    public var text: String
    /// Where it starts.
    public var position: SourcePosition
    /// How it was recognised.
    public var kind: RemarkKind

    /// Creates a remark.
    public init(text: String, position: SourcePosition, kind: RemarkKind) {
        self.text = text
        self.position = position
        self.kind = kind
    }
}
