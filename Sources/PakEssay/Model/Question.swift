/// The question an answer responds to, from its question line.
public struct Question: Sendable, Hashable, Codable {
    /// The label as written: `Q.`, `Q1.`, `Question No. 6`.
    public var label: String
    /// The question's number, if written.
    public var number: Int?
    /// The question's text (fair copy), without its label.
    public var text: String
    /// The main instruction word or phrase (`discuss`, `critically analyse`), normalised.
    public var directive: String?
    /// Every directive found in the question, in order.
    public var directives: [String]
    /// Where the question line starts.
    public var position: SourcePosition

    /// Creates a question.
    public init(
        label: String, number: Int?, text: String, directive: String?, directives: [String], position: SourcePosition
    ) {
        self.label = label
        self.number = number
        self.text = text
        self.directive = directive
        self.directives = directives
        self.position = position
    }
}
