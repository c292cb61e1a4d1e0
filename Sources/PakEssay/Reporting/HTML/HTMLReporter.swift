/// One self-contained HTML page (`--format html`): inline CSS and SVG, no script and no network.
/// For a batch, the class comes first (distribution, criteria, rules most lost, a table linking to
/// each answer), then every answer as the examiner saw it.
public struct HTMLReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    public func render(_ batch: GradeBatch) -> String {
        let answers = batch.answers
        let title =
            answers.count == 1 ? "pakessay: \(answers[0].source)" : "pakessay: class report (\(answers.count) answers)"
        var out =
            """
            <!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" \
            content=\"width=device-width, initial-scale=1\">\n
            """
        out +=
            """
            <meta name=\"generator\" content=\"pakessay \
            \(PakEssayVersion.string)\">\n<title>\(HTMLText.escape(title))</title>\n<style>\n\
            \(HTMLStyle.css)</style>\n</head>\n<body>\n
            """
        out +=
            """
            <header class=\"page\"><h1>\(HTMLText.escape(title))</h1><p>Rubric \
            \(HTMLText.escape(batch.rubric.id)) \(HTMLText.escape(batch.rubric.version)): \
            \(HTMLText.escape(batch.rubric.title))</p></header>\n<main>\n
            """
        if batch.items.count > 1 || !batch.errors.isEmpty { out += classSection(batch) }
        var numbered: [(Int, GradedAnswer)] = []
        for (k, g) in answers.enumerated() { numbered.append((k + 1, g)) }
        for (k, g) in numbered {
            var renderer = HTMLAnswerRenderer(graded: g, n: k)
            out += renderer.render()
        }
        out +=
            """
            </main>\n<footer><p>Graded by pakessay \(PakEssayVersion.string). Every mark lost is traced to a \
            finding; `pakessay explain RULE-ID` says why each rule matters.</p></footer>\n</body>\n</html>\n
            """
        return out
    }

    private func classSection(_ batch: GradeBatch) -> String {
        let summary = ClassSummary(batch: batch)
        let rubric = batch.rubric
        var out =
            "<section class=\"class\" id=\"class\" aria-labelledby=\"class-h\">\n<h2 id=\"class-h\">The class</h2>\n"
        out +=
            """
            <p class=\"stats\">\(batch.answers.count) answers graded, \(batch.errors.count) \
            input\(batch.errors.count == 1 ? "" : "s") not graded
            """
        if let mean = summary.mean, let median = summary.median {
            out += " · mean \(figure(mean)) / \(HTMLText.number(rubric.maxMarks)) · median \(HTMLText.number(median))"
        }
        out += "</p>\n<div class=\"charts\">"
        out += HTMLCharts.histogram(
            summary.marks, maximum: rubric.maxMarks, step: rubric.maxMarks / 10, id: "class-hist")
        out += HTMLCharts.criteria(
            summary.criterionMeans.map { ($0.0.title, ($0.1 * 100).rounded() / 100, $0.0.max) }, id: "class-crit",
            caption: "Each criterion's average")
        out +=
            "</div>\n<h3>Bands</h3><ul class=\"bands\">"
            + summary.bands.map { "<li>\(HTMLText.escape($0.0)): <strong>\($0.1)</strong></li>" }.joined() + "</ul>\n"
        let rules = summary.rulesLost.prefix(8)
        if !rules.isEmpty {
            out +=
                """
                <h3>Rules most often lost</h3>\n<table class=\"rules\"><thead><tr><th scope=\"col\">rule</th><th \
                scope=\"col\">marks lost</th><th scope=\"col\">answers</th></tr></thead><tbody>
                """
            for (rule, marks, n) in rules {
                out += "<tr><td><code>\(HTMLText.escape(rule))</code></td><td>\(figure(marks))</td><td>\(n)</td></tr>"
            }
            out += "</tbody></table>\n"
        }
        out +=
            """
            <h3>Answers</h3>\n<table class=\"answers\"><thead><tr><th scope=\"col\">answer</th><th \
            scope=\"col\">marks ▾</th><th scope=\"col\">band</th>
            """
        for c in rubric.criteria {
            out += "<th scope=\"col\" title=\"\(HTMLText.escape(c.title))\">\(HTMLText.escape(c.id))</th>"
        }
        out += "</tr></thead><tbody>"
        let ranked = batch.answers.enumerated().sorted {
            $0.element.marks != $1.element.marks ? $0.element.marks > $1.element.marks : $0.offset < $1.offset
        }
        for (k, g) in ranked {
            let which = g.answer.index > 1 ? " #\(g.answer.index)" : ""
            out +=
                """
                <tr><td><a \
                href=\"#answer-\(k + 1)\">\(HTMLText.escape(g.source))\(which)</a></td><td>\
                \(HTMLText.number(g.marks))</td><td>\(HTMLText.escape(g.band))</td>
                """
            for c in g.criteria {
                let weak = c.max > 0 && c.score / c.max < 0.5
                out += "<td class=\"\(weak ? "weak" : "")\">\(HTMLText.number(c.score))</td>"
            }
            out += "</tr>"
        }
        out += "</tbody></table>\n"
        if !batch.errors.isEmpty {
            out += "<h3>Inputs not graded</h3><ul class=\"errors\">"
            // The message starts with the source already.
            for (_, e) in batch.errors {
                out += "<li><code>\(HTMLText.escape(e.code))</code> \(HTMLText.escape(e.message))</li>"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }
}
