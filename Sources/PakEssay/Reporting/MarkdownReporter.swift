/// A Markdown report for pasting into notes or pull requests (`--format markdown`).
public struct MarkdownReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    public func render(_ batch: GradeBatch) -> String {
        var out = ""
        for item in batch.items {
            switch item {
            case .failed(_, let e):
                out += "> **error** \(escape(e.message)) (`\(e.code)`)\n\n"
            case .graded(let g):
                out += "## \(escape(g.source))" + (g.answer.index > 1 ? " (answer \(g.answer.index))" : "") + "\n\n"
                if let q = g.question { out += "**Question:** \(escape(q.text))\n\n" }
                out +=
                    """
                    **Marks:** \(JSONValue.format(g.marks)) / \(JSONValue.format(g.maxMarks)) (\(g.band)) · \
                    \(g.answer.stats.words) words · \(g.answer.stats.cuttings) cuttings\n\n
                    """
                out += "| criterion | score | max |\n|---|---:|---:|\n"
                for c in g.criteria {
                    out += "| \(c.title) | \(JSONValue.format(c.score)) | \(JSONValue.format(c.max)) |\n"
                }
                if !g.improvements.isEmpty {
                    out += "\n**What would gain the most marks**\n\n"
                    for (k, s) in g.improvements.enumerated() { out += "\(k + 1). \(escape(s))\n" }
                }
                let listed = g.listedFindings
                if !listed.isEmpty {
                    out += "\n**Findings**\n\n"
                    for item in FoldedFinding.fold(listed) {
                        let f = item.finding
                        out +=
                            """
                            - line \(f.range.start.line), column \(f.range.start.column): \(f.severity.rawValue): \
                            \(escape(f.message)) (`\(f.rule)`
                            """
                        out += item.marksLost > 0 ? ", −\(JSONValue.format(item.marksLost))" : ""
                        out += item.isShared ? " across \(item.criteria.joined(separator: ", ")))\n" : ")\n"
                    }
                }
                if !g.remarks.isEmpty {
                    out += "\n**Remarks in the transcript**\n\n"
                    for r in g.remarks {
                        out +=
                            "- line \(r.remark.position.line): "
                            + "“\(escape(r.remark.text))”: \(escape(r.explanation))\n"
                    }
                }
                out += "\n"
            }
        }
        if batch.items.count > 1 {
            let summary = ClassSummary(batch: batch)
            out += "## Class summary\n\n"
            out += "\(batch.answers.count) answers, \(batch.errors.count) inputs not graded"
            if let mean = summary.mean, let median = summary.median {
                out += "; mean \(figure(mean)), median \(JSONValue.format(median))"
            }
            out += "\n\n| band | answers |\n|---|---:|\n"
            for (band, n) in summary.bands { out += "| \(band) | \(n) |\n" }
            out += "\n| criterion | mean | max |\n|---|---:|---:|\n"
            for (c, mean) in summary.criterionMeans {
                out += "| \(c.title) | \(figure(mean)) | \(JSONValue.format(c.max)) |\n"
            }
            let rules = summary.rulesLost.prefix(8)
            if !rules.isEmpty {
                out += "\n| rule most often lost | marks | answers |\n|---|---:|---:|\n"
                for (rule, marks, n) in rules { out += "| `\(rule)` | \(figure(marks)) | \(n) |\n" }
            }
        }
        return out
    }

    private func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_[]<>|#".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
