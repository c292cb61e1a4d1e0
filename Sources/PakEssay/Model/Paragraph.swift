/// A paragraph of the answer: consecutive lines, joined across page breaks.
public struct Paragraph: Sendable, Hashable, Codable {
    /// The paragraph's content as written, lines separated by `.lineBreak`.
    public var content: [Inline]
    /// From the first scalar of its first line to the end of its last line.
    public var range: SourceRange
    /// The fair copy: cuttings removed, insertions in place, white space tidied.
    public var text: String
    /// Words of the fair copy.
    public var words: Int
    /// Page breaks inside the paragraph (explicit and inferred).
    public var pageBreaks: Int
    /// True when the line is a bullet point.
    public var isBullet: Bool

    /// Creates a paragraph.
    public init(
        content: [Inline], range: SourceRange, text: String, words: Int, pageBreaks: Int, isBullet: Bool = false
    ) {
        self.content = content
        self.range = range
        self.text = text
        self.words = words
        self.pageBreaks = pageBreaks
        self.isBullet = isBullet
    }

    /// The paragraph's first line.
    public var line: Int { range.start.line }
}
