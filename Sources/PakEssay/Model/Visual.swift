/// A drawn visual: a map, diagram, flowchart, chart, graph or table.
public struct Visual: Sendable, Hashable, Codable {
    /// The kind as written (`map`, `diagram`, `flowchart`, `chart`, `graph`, `table`).
    public var kind: String
    /// The transcriber's caption.
    public var caption: String
    /// Where the visual's marker starts.
    public var position: SourcePosition

    /// Creates a visual.
    public init(kind: String, caption: String, position: SourcePosition) {
        self.kind = kind
        self.caption = caption
        self.position = position
    }
}
