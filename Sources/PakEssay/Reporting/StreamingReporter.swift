/// A format that writes each input's records as soon as it is graded: a header, the records in input
/// order, then a footer. Its whole report is the same text written at once.
public protocol StreamingReporter: Reporter {
    /// What comes before the first record.
    func header(_ rubric: Rubric) -> String
    /// One item's record (or records, each ending its line).
    func record(_ item: GradeBatch.Item, rubric: Rubric) -> String
    /// What comes after the last record.
    func footer(_ rubric: Rubric) -> String
}

extension StreamingReporter {
    /// No header.
    public func header(_ rubric: Rubric) -> String { "" }
    /// No footer.
    public func footer(_ rubric: Rubric) -> String { "" }

    /// The header, every item's record and the footer.
    public func render(_ batch: GradeBatch) -> String {
        var out = header(batch.rubric)
        for item in batch.items { out += record(item, rubric: batch.rubric) }
        return out + footer(batch.rubric)
    }
}

/// JSON Lines (`--format jsonl`): one compact JSON object a line, an answer as the JSON report writes
/// it, or `{"source", "error": {"code", "message", "offset"?}}` for an input that could not be used.
public struct JSONLinesReporter: StreamingReporter {
    /// Creates the reporter.
    public init() {}

    /// One item's line.
    public func record(_ item: GradeBatch.Item, rubric: Rubric) -> String {
        switch item {
        case .graded(let g): return JSONReporter.answer(g, rubric: rubric.id).compact() + "\n"
        case .failed(let source, let e):
            var error: [(String, JSONValue)] = [("code", .string(e.code)), ("message", .string(e.message))]
            if let offset = e.offset { error.append(("offset", .int(offset))) }
            return JSONValue.object([("source", .string(source)), ("error", .object(error))]).compact() + "\n"
        }
    }
}
