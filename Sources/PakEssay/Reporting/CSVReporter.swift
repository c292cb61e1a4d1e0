/// RFC 4180 CSV (`--format csv`): a header row, one row per answer and one per input that could not
/// be used, with the reason in the last column, `error`. Text cells that a spreadsheet would run as a
/// formula are neutralised.
public struct CSVReporter: StreamingReporter {
    /// Creates the reporter.
    public init() {}

    /// The header row (see the static `header`).
    public func header(_ rubric: Rubric) -> String { Self.header(rubric) }

    /// One item's row (see the static `record`).
    public func record(_ item: GradeBatch.Item, rubric: Rubric) -> String { Self.record(item, rubric: rubric) }

    /// The header row: `source,index,question,marks,maxMarks,band,<criteria>,words,cuttings,findings,error`.
    public static func header(_ rubric: Rubric) -> String {
        let names =
            ["source", "index", "question", "marks", "maxMarks", "band"] + rubric.criteria.map(\.id)
            + ["words", "cuttings", "findings", "error"]
        return line(names.map(text))
    }

    /// One item's row. A graded answer leaves `error` empty; an unusable input fills only `source`
    /// and `error` (`code: message`).
    public static func record(_ item: GradeBatch.Item, rubric: Rubric) -> String {
        switch item {
        case .graded(let g):
            let findings = g.listedFindings.reduce(0) { $0 + $1.count }
            return line(
                [
                    text(g.source), String(g.answer.index), text(g.question?.text ?? ""), number(g.marks),
                    number(g.maxMarks), text(g.band),
                ]
                    + g.criteria.map { number($0.score) }
                    + [String(g.answer.stats.words), String(g.answer.stats.cuttings), String(findings), ""])
        case .failed(let source, let e):
            let empty = Array(repeating: "", count: 8 + rubric.criteria.count)
            return line([text(source)] + empty + [text("\(e.code): \(e.message)")])
        }
    }

    /// A text cell. One that starts with `=`, `+`, `-`, `@`, a tab or a CR, which a spreadsheet
    /// would read as a formula, gets a leading `'` and is always quoted (the OWASP advice); any other
    /// cell is quoted only when it holds a comma, a quote or a line end.
    public static func text(_ field: String) -> String {
        let risky = field.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false
        if risky { return quoted("'" + field) }
        if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return quoted(field)
        }
        return field
    }

    /// A number cell, written as a number (a negative number keeps its sign).
    static func number(_ value: Double) -> String { JSONValue.format(value) }

    private static func quoted(_ field: String) -> String {
        "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Joins encoded cells into one record ending in CRLF.
    private static func line(_ cells: [String]) -> String { cells.joined(separator: ",") + "\r\n" }
}
