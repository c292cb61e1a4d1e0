/// One point of the short outline that opens a section, matched to the subsection it announces.
public struct OutlineItem: Sendable, Hashable, Codable {
    /// The point's fair copy, without its bullet.
    public var text: String
    /// Where the point starts.
    public var position: SourcePosition
    /// The content as written.
    public var content: [Inline]
    /// The index of the announced subsection among the section's `sections`, if any matched.
    public var subsectionIndex: Int?
    /// The announced subsection's number (or its title when it has none).
    public var sectionLabel: String?

    /// Creates an outline item.
    public init(
        text: String, position: SourcePosition, content: [Inline], subsectionIndex: Int? = nil,
        sectionLabel: String? = nil
    ) {
        self.text = text
        self.position = position
        self.content = content
        self.subsectionIndex = subsectionIndex
        self.sectionLabel = sectionLabel
    }
}
