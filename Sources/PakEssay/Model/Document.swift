/// A parsed transcript file: one or more answers.
public struct EssayDocument: Sendable, Hashable, Codable {
    /// The file's name as given (or `-` for standard input).
    public var source: String
    /// The answers in file order.
    public var answers: [Answer]

    /// Creates a document.
    public init(source: String, answers: [Answer]) {
        self.source = source
        self.answers = answers
    }
}
