/// Renders a calibration report as text, JSON or Markdown. `written` is the fitted file's path, when
/// one was written.
public enum CalibrationRenderer {
    /// A statistic to three decimals, or `n/a` when it cannot be computed.
    static func stat(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "n/a" }
        let n = Int((abs(v) * 1000).rounded())
        let frac = String(n % 1000)
        return (v < 0 && n > 0 ? "-" : "") + "\(n / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }

    static func mark(_ v: Double) -> String { JSONValue.format(v) }

    static func line(_ a: Agreement) -> String {
        "Spearman \(stat(a.spearman)), Pearson \(stat(a.pearson)), kappa \(stat(a.kappa)), "
            + "mean absolute error \(stat(a.meanAbsoluteError))"
    }

    static func difference(_ row: CalibrationRow) -> String {
        let d = row.marks - row.tutorTotal
        return (d > 0 ? "+" : "") + mark(d)
    }

    /// The plain-text report.
    public static func text(_ r: CalibrationReport, written: String?) -> String {
        var out = "pakessay calibrate: \(r.rows.count) answer\(r.rows.count == 1 ? "" : "s") against the tutor's marks"
        out += ", rubric \(r.rubric.id) \(r.rubric.version), tutor's scale \(mark(r.scale.low))-\(mark(r.scale.high))\n"
        out += "\nTotal: \(line(r.total))\n"
        if !r.criteria.isEmpty {
            out += "\nBy criterion:\n"
            for (id, a) in r.criteria { out += "  \(id): \(line(a))\n" }
        }
        out += "\nBands (rows: the tutor's band; columns: pakessay's):\n"
        let labels = r.rubric.bands.map(\.label)
        let width = max(12, (labels.map(\.count).max() ?? 0) + 2)
        let pad = { (s: String) in s + String(repeating: " ", count: max(1, width - s.count)) }
        out += "  " + pad("") + labels.map(pad).joined() + "\n"
        for (k, label) in labels.enumerated() {
            out += "  " + pad(label) + r.confusion[k].map { pad(String($0)) }.joined() + "\n"
        }
        if !r.disagreements.isEmpty {
            out += "\nLargest disagreements:\n"
            for row in r.disagreements {
                out +=
                    "  \(row.name): tutor \(mark(row.tutorTotal)), pakessay \(mark(row.marks)) (\(difference(row)))\n"
                for f in row.findings {
                    out += "    \(f.rule) (line \(f.range.start.line), -\(mark(f.marksLost))): \(f.message)\n"
                }
            }
        }
        if let fit = r.fit { out += fitText(fit, r.rubric, written: written) }
        if !r.problems.isEmpty {
            out += "\nNot used:\n"
            for p in r.problems { out += "  error: \(p)\n" }
        }
        return out
    }

    static func fitText(_ fit: CalibrationReport.Fit, _ rubric: Rubric, written: String?) -> String {
        guard fit.made else { return "\nFit: not written: \(fit.refusal ?? "")\n" }
        var out = "\nFit (\(fit.folds)-fold cross-validation: each answer marked by a fit made without it):\n"
        out += "  fitted:   \(line(fit.fitted))\n"
        out += "  unfitted: \(line(fit.unfitted))\n"
        out += "  exponent \(mark(rubric.exponent)) -> \(mark(fit.parameters.exponent)), "
        out += "ceiling \(mark(rubric.ceiling)) -> \(mark(fit.parameters.ceiling))\n"
        for c in fit.changes { out += "  \(c.criterion) / \(c.rule): weight \(mark(c.from)) -> \(mark(c.to))\n" }
        if let written { out += "  written to \(written)\n" }
        if let refusal = fit.refusal { out += "  not written: \(refusal)\n" }
        return out
    }

    static func json(_ a: Agreement) -> JSONValue {
        let opt = { (v: Double?) in v.map { JSONValue.number(($0 * 1000).rounded() / 1000) } ?? .null }
        return .object([
            ("answers", .int(a.count)), ("spearman", opt(a.spearman)), ("pearson", opt(a.pearson)),
            ("kappa", opt(a.kappa)), ("meanAbsoluteError", opt(a.meanAbsoluteError)),
        ])
    }

    /// The JSON report.
    public static func json(_ r: CalibrationReport, written: String?) -> String {
        var pairs: [(String, JSONValue)] = [
            ("rubric", .string(r.rubric.id)), ("version", .string(r.rubric.version)),
            ("tutorScale", .object([("low", .number(r.scale.low)), ("high", .number(r.scale.high))])),
            ("total", json(r.total)),
            ("criteria", .array(r.criteria.map { id, a in .object([("id", .string(id))] + objectPairs(json(a))) })),
            (
                "bands",
                .object([
                    ("labels", .array(r.rubric.bands.map { .string($0.label) })),
                    ("table", .array(r.confusion.map { .array($0.map { .int($0) }) })),
                ])
            ),
            ("disagreements", .array(r.disagreements.map(disagreement))),
        ]
        if let fit = r.fit {
            pairs.append(
                (
                    "fit",
                    .object([
                        ("folds", .int(fit.folds)), ("fitted", fit.made ? json(fit.fitted) : .null),
                        ("unfitted", json(fit.unfitted)),
                        (
                            "exponent",
                            .object([("from", .number(r.rubric.exponent)), ("to", .number(fit.parameters.exponent))])
                        ),
                        (
                            "ceiling",
                            .object([("from", .number(r.rubric.ceiling)), ("to", .number(fit.parameters.ceiling))])
                        ),
                        (
                            "weights",
                            .array(
                                fit.changes.map { c in
                                    .object([
                                        ("criterion", .string(c.criterion)), ("rule", .string(c.rule)),
                                        ("from", .number(c.from)), ("to", .number(c.to)),
                                    ])
                                })
                        ),
                        ("written", .string(written)), ("refusal", .string(fit.refusal)),
                    ])
                ))
        }
        pairs.append(("errors", .array(r.problems.map { .string($0) })))
        return JSONValue.object(pairs).pretty()
    }

    static func objectPairs(_ v: JSONValue) -> [(String, JSONValue)] {
        if case .object(let p) = v { return p }
        return []
    }

    static func disagreement(_ row: CalibrationRow) -> JSONValue {
        .object([
            ("answer", .string(row.name)), ("tutor", .number(row.tutorTotal)), ("pakessay", .number(row.marks)),
            (
                "findings",
                .array(
                    row.findings.map { f in
                        .object([
                            ("rule", .string(f.rule)), ("criterion", .string(f.criterion)),
                            ("line", .int(f.range.start.line)),
                            ("marksLost", .number(f.marksLost)), ("message", .string(f.message)),
                        ])
                    })
            ),
        ])
    }

    static func cell(_ s: String) -> String {
        s.replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
    }

    /// The Markdown report.
    public static func markdown(_ r: CalibrationReport, written: String?) -> String {
        var out = "# Calibration: \(r.rubric.id) \(r.rubric.version)\n\n"
        let scale = "\(mark(r.scale.low))-\(mark(r.scale.high))"
        out += "\(r.rows.count) answers against the tutor's marks (tutor's scale \(scale)).\n\n"
        out += "| | Spearman | Pearson | kappa | mean absolute error |\n|---|---|---|---|---|\n"
        let row = { (name: String, a: Agreement) in
            "| \(name) | \(stat(a.spearman)) | \(stat(a.pearson)) | \(stat(a.kappa)) | \(stat(a.meanAbsoluteError)) |\n"
        }
        out += row("total", r.total)
        for (id, a) in r.criteria { out += row(id, a) }
        let labels = r.rubric.bands.map(\.label)
        out +=
            "\n## Bands\n\nRows: the tutor's band; columns: pakessay's.\n\n| tutor | " + labels.joined(separator: " | ")
        out += " |\n|---|" + String(repeating: "---|", count: labels.count) + "\n"
        for (k, label) in labels.enumerated() {
            out += "| \(label) | " + r.confusion[k].map(String.init).joined(separator: " | ") + " |\n"
        }
        if !r.disagreements.isEmpty {
            out += "\n## Largest disagreements\n\n| answer | tutor | pakessay | findings |\n|---|---|---|---|\n"
            for d in r.disagreements {
                let findings = d.findings.map { "`\($0.rule)` line \($0.range.start.line) (-\(mark($0.marksLost)))" }
                let marks = "\(mark(d.tutorTotal)) | \(mark(d.marks))"
                out += "| \(cell(d.name)) | \(marks) | \(findings.joined(separator: "; ")) |\n"
            }
        }
        if let fit = r.fit, !fit.made {
            out += "\n## Fit\n\nNot written: \(fit.refusal ?? "").\n"
        } else if let fit = r.fit {
            out += "\n## Fit\n\n\(fit.folds)-fold cross-validation.\n\n"
            out += "| | Spearman | Pearson | kappa | mean absolute error |\n|---|---|---|---|---|\n"
            out += row("fitted", fit.fitted) + row("unfitted", fit.unfitted)
            out += "\nExponent \(mark(r.rubric.exponent)) → \(mark(fit.parameters.exponent)), "
            out += "ceiling \(mark(r.rubric.ceiling)) → \(mark(fit.parameters.ceiling)).\n"
            if !fit.changes.isEmpty {
                out += "\n| criterion | rule | weight | fitted |\n|---|---|---|---|\n"
                for c in fit.changes { out += "| \(c.criterion) | `\(c.rule)` | \(mark(c.from)) | \(mark(c.to)) |\n" }
            }
            if let written { out += "\nWritten to `\(written)`.\n" }
            if let refusal = fit.refusal { out += "\nNot written: \(refusal).\n" }
        }
        if !r.problems.isEmpty {
            out += "\n## Not used\n\n" + r.problems.map { "> **error** \(cell($0))\n" }.joined(separator: ">\n")
        }
        return out
    }
}

extension String {
    fileprivate func replacingAll(_ a: String, with b: String) -> String {
        split(separator: Character(a), omittingEmptySubsequences: false).joined(separator: b)
    }
}
