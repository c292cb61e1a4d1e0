/// RFC 4180 CSV: a header row, one row per answer (`--format csv`).
public struct CSVReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    public func render(_ batch: GradeBatch) -> String {
        let ids = batch.rubric.criteria.map(\.id)
        var out = Self.row(["source", "index", "question", "marks", "maxMarks", "band"] + ids + ["words", "cuttings", "findings"])
        for g in batch.answers {
            out += Self.row([g.source, String(g.answer.index), g.question?.text ?? "", JSONValue.format(g.marks), JSONValue.format(g.maxMarks), g.band]
                            + g.criteria.map { JSONValue.format($0.score) }
                            + [String(g.answer.stats.words), String(g.answer.stats.cuttings), String(g.findings.reduce(0) { $0 + $1.count })])
        }
        return out
    }

    /// One CSV record with CRLF, quoting fields that need it.
    public static func row(_ fields: [String]) -> String {
        fields.map { field in
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return field
        }.joined(separator: ",") + "\r\n"
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
