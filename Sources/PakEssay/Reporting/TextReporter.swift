/// The default report for people: a header, a bar per criterion, three improvements, findings in the
/// `file:line:column: severity: message [rule]` form editors jump to, and the transcript's remarks.
public struct TextReporter: Reporter {
    /// Colour the output with ANSI escapes.
    public var color: Bool

    /// Creates the reporter.
    public init(color: Bool = false) { self.color = color }

    public func render(_ batch: GradeBatch) -> String {
        var parts: [String] = []
        for item in batch.items {
            switch item {
            case .graded(let g): parts.append(answer(g, rubric: batch.rubric))
            case .failed(_, let e): parts.append(paint("error: ", "31") + e.message + " [\(e.code)]\n")
            }
        }
        if batch.items.count > 1 { parts.append(ClassSummary(batch: batch).text()) }
        return parts.joined(separator: "\n")
    }

    private func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    func answer(_ g: GradedAnswer, rubric: Rubric) -> String {
        var out = ""
        let count = g.answer.index
        out +=
            paint("\(g.source)", "1")
            + (count > 1 || g.answer.line > 1 ? " (answer \(count), line \(g.answer.line))" : "") + "\n"
        if let q = g.question {
            out += "Question: \(q.label.isEmpty ? "" : q.label + " ")\(q.text)\(q.directive.map { " [\($0)]" } ?? "")\n"
        } else {
            out += "Question: none (no question line; pass --question to judge relevance)\n"
        }
        out += paint("Marks: \(JSONValue.format(g.marks)) / \(JSONValue.format(g.maxMarks)) (\(g.band))", "1") + "\n"
        let s = g.answer.stats
        out +=
            """
            Words \(s.words) · paragraphs \(s.paragraphs) · headings \(s.headings) · cuttings \(s.cuttings) · \
            insertions \(s.insertions) · pages \(s.pages) · rubric \(rubric.id) \(rubric.version)\n\n
            """
        let width = g.criteria.map(\.title.count).max() ?? 10
        for c in g.criteria {
            let filled = c.max > 0 ? Int((c.score / c.max * 10).rounded()) : 0
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
            let title = c.title + String(repeating: " ", count: width - c.title.count)
            out +=
                """
                  \(title)  \(paint(bar, c.score / max(c.max, 0.001) < 0.5 ? "31" : "32"))  \
                \(JSONValue.format(c.score)) / \(JSONValue.format(c.max))\n
                """
        }
        if !g.improvements.isEmpty {
            out += "\nWhat would gain the most marks:\n"
            for (k, text) in g.improvements.enumerated() { out += "  \(k + 1). \(text)\n" }
        }
        let reserve = g.reserveMarks
        let listed = FoldedFinding.fold(g.findings)
        if !listed.isEmpty || reserve > 0 {
            out += "\nFindings:\n"
            for item in listed {
                let f = item.finding
                let code = f.severity == .error ? "31" : f.severity == .warning ? "33" : "36"
                let severity = paint(f.severity.rawValue, code)
                let place = "\(g.source):\(f.range.start.line):\(f.range.start.column)"
                out += "\(place): \(severity): \(f.message) [\(f.rule)]\(item.lostNote)\n"
                out += "    \(f.suggestion)\n"
            }
            if reserve > 0 {
                out +=
                    """
                    note: \(JSONValue.format(reserve)) mark\(reserve == 1 ? "" : "s") kept in the examiner's \
                    reserve across the criteria (the top of the scale is for exceptional answers) \
                    [\(Reserve.id)]\n
                    """
            }
        }
        if !g.remarks.isEmpty {
            out += "\nRemarks in the transcript:\n"
            for r in g.remarks {
                out += "  line \(r.remark.position.line): \"\(r.remark.text)\"\n"
                out +=
                    """
                        → \(r.criteria.isEmpty ? "no criterion" : r.criteria.joined(separator: ", ")): \
                    \(r.explanation)\n
                    """
            }
        }
        return out
    }
}

/// The summary that ends a batch report: counts, mean and median, bands, criteria and rules most often lost.
public struct ClassSummary: Sendable {
    /// The batch.
    public let batch: GradeBatch

    /// Creates a summary.
    public init(batch: GradeBatch) { self.batch = batch }

    /// The marks in input order.
    public var marks: [Double] { batch.answers.map(\.marks) }
    /// The mean mark, or nil for an empty class.
    public var mean: Double? { marks.isEmpty ? nil : marks.reduce(0, +) / Double(marks.count) }
    /// The median mark, or nil for an empty class.
    public var median: Double? {
        let sorted = marks.sorted()
        guard !sorted.isEmpty else { return nil }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// How many answers fall in each band, in the rubric's band order.
    public var bands: [(String, Int)] {
        batch.rubric.bands.map { band in (band.label, batch.answers.filter { $0.band == band.label }.count) }
    }

    /// Each criterion's mean score, in rubric order.
    public var criterionMeans: [(CriterionScore, Double)] {
        let answers = batch.answers
        guard let first = answers.first else { return [] }
        return first.criteria.enumerated().map { k, c in
            (c, answers.reduce(0) { $0 + $1.criteria[k].score } / Double(answers.count))
        }
    }

    /// Rules by the marks they cost across the class, most first.
    public var rulesLost: [(String, Double, Int)] {
        var table: [String: (Double, Int)] = [:]
        for a in batch.answers {
            var seen = Set<String>()
            for f in a.findings where f.marksLost > 0 {
                table[f.rule, default: (0, 0)].0 += f.marksLost
                if seen.insert(f.rule).inserted { table[f.rule]!.1 += 1 }
            }
        }
        return table.map { ($0.key, $0.value.0, $0.value.1) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    /// The summary as text.
    public func text() -> String {
        var out =
            """
            Class summary: \(batch.answers.count) answer\(batch.answers.count == 1 ? "" : "s"), \
            \(batch.errors.count) input\(batch.errors.count == 1 ? "" : "s") not graded\n
            """
        if let mean, let median {
            out +=
                """
                  mean \(figure(mean)) / \(JSONValue.format(batch.rubric.maxMarks)), median \
                \(JSONValue.format(median))\n
                """
            out += "  bands: " + bands.map { "\($0.0) \($0.1)" }.joined(separator: " · ") + "\n"
            out +=
                "  criteria (mean of max): "
                + criterionMeans.map { "\($0.0.id) \(figure($0.1))/\(JSONValue.format($0.0.max))" }.joined(
                    separator: " · ") + "\n"
            let top = rulesLost.prefix(5)
            if !top.isEmpty {
                out +=
                    "  rules that cost the most: "
                    + top.map { "\($0.0) (\(figure($0.1)) marks, \($0.2) answer\($0.2 == 1 ? "" : "s"))" }.joined(
                        separator: " · ") + "\n"
            }
        }
        return out
    }
}
