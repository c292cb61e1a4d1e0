/// Counts over one answer, excluding its question and remarks.
public struct Statistics: Sendable, Hashable, Codable {
    /// Words of the fair copy (headings, outline points and paragraphs).
    public var words: Int = 0
    /// Body paragraphs.
    public var paragraphs: Int = 0
    /// Headings of every level.
    public var headings: Int = 0
    /// Struck-through spans.
    public var cuttings: Int = 0
    /// Spans written in above the line.
    public var insertions: Int = 0
    /// Cutting-and-insertion pairs.
    public var corrections: Int = 0
    /// Pages the answer runs over.
    public var pages: Int = 1
    /// Words the transcriber could not read.
    public var illegible: Int = 0
    /// Outline points.
    public var outlineItems: Int = 0
    /// Drawn visuals.
    public var visuals: Int = 0

    /// Creates empty statistics.
    public init() {}
}
