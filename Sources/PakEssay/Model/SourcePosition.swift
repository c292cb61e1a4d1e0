/// A place in the original file: 1-based line, 1-based column counted in Unicode scalars
/// of that line as written (markup included).
public struct SourcePosition: Sendable, Hashable, Codable, Comparable {
    /// 1-based line number in the file.
    public var line: Int
    /// 1-based column, in Unicode scalars of the line as written.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Orders positions by line, then column.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        lhs.line != rhs.line ? lhs.line < rhs.line : lhs.column < rhs.column
    }
}

/// A span of the original file. `end` is exclusive: it points one past the last scalar.
public struct SourceRange: Sendable, Hashable, Codable {
    /// The first scalar of the span.
    public var start: SourcePosition
    /// One past the last scalar of the span.
    public var end: SourcePosition

    /// Creates a range.
    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// A range that covers one position only.
    public init(at position: SourcePosition) {
        self.start = position
        self.end = SourcePosition(line: position.line, column: position.column + 1)
    }
}
