/// One piece of a line's content, as the pen left it.
///
/// Text runs never cross a line end and never contain markup: every scalar of a run sits
/// at consecutive columns from `at`, so a position inside a run is `at.column + offset`.
/// Escaped markup characters (`\~`) become runs of their own.
public enum Inline: Sendable, Hashable, Codable {
    /// Plain text starting at a position.
    case text(String, at: SourcePosition)
    /// Struck-through content (one piece of a cutting on this line).
    case struck([Inline], at: SourcePosition)
    /// Content written in above the line (one piece of an insertion on this line).
    case inserted([Inline], at: SourcePosition)
    /// Underlined or highlighted content.
    case highlighted([Inline], at: SourcePosition)
    /// A word the transcriber could not read.
    case illegible(at: SourcePosition)
    /// A word the transcriber guessed, `[?guess?]`.
    case guess(String, at: SourcePosition)
    /// A drawn visual written inside a line.
    case visual(kind: String, caption: String, at: SourcePosition)
    /// The end of a line inside a paragraph.
    case lineBreak
    /// A page boundary inside a paragraph: explicit (`[page 3]`) or inferred from a split sentence.
    case pageBreak(explicit: Bool, page: Int?, at: SourcePosition)
}
