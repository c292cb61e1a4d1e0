/// Inline SVG charts with text alternatives: no script, no network.
enum HTMLCharts {
    /// Horizontal bars of scores against their maxima.
    static func criteria(_ rows: [(label: String, value: Double, max: Double)], id: String, caption: String) -> String {
        let rowHeight = 26
        let labelWidth = 130
        let barWidth = 300
        let height = rows.count * rowHeight + 10
        var svg =
            """
            <figure class=\"chart\"><svg role=\"img\" aria-labelledby=\"\(id)-t\" viewBox=\"0 0 \
            \(labelWidth + barWidth + 90) \(height)\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">
            """
        svg += "<title id=\"\(id)-t\">\(HTMLText.escape(caption))</title>"
        for (k, row) in rows.enumerated() {
            let y = 5 + k * rowHeight
            let share = row.max > 0 ? min(1, max(0, row.value / row.max)) : 0
            let width = Int((Double(barWidth) * share).rounded())
            let weak = share < 0.5
            svg += "<text x=\"0\" y=\"\(y + 16)\" class=\"lbl\">\(HTMLText.escape(row.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(barWidth)\" height=\"18\" class=\"track\"/>"
            svg +=
                """
                <rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"18\" \
                class=\"\(weak ? "bar weak" : "bar")\"/>
                """
            svg +=
                """
                <text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 16)\" \
                class=\"val\">\(HTMLText.number(row.value)) / \(HTMLText.number(row.max))</text>
                """
        }
        svg += "</svg><figcaption>\(HTMLText.escape(caption)): "
        svg += rows.map { "\(HTMLText.escape($0.label)) \(HTMLText.number($0.value)) of \(HTMLText.number($0.max))" }
            .joined(separator: "; ")
        svg += ".</figcaption></figure>"
        return svg
    }

    /// A histogram of marks in bins of `step` from 0 to `maximum`.
    static func histogram(_ marks: [Double], maximum: Double, step: Double, id: String) -> String {
        let bins = max(1, Int((maximum / step).rounded(.up)))
        var counts = [Int](repeating: 0, count: bins)
        for m in marks { counts[min(bins - 1, max(0, Int(m / step)))] += 1 }
        let top = max(1, counts.max() ?? 1)
        let barWidth = 36
        let gap = 6
        let height = 160
        let width = bins * (barWidth + gap) + 40
        var svg =
            """
            <figure class=\"chart\"><svg role=\"img\" aria-labelledby=\"\(id)-t\" viewBox=\"0 0 \(width) \
            \(height + 40)\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">
            """
        svg += "<title id=\"\(id)-t\">Distribution of marks</title>"
        for (k, n) in counts.enumerated() {
            let h = Int(Double(height - 20) * Double(n) / Double(top))
            let x = 20 + k * (barWidth + gap)
            svg += "<rect x=\"\(x)\" y=\"\(height - h)\" width=\"\(barWidth)\" height=\"\(h)\" class=\"bar\"/>"
            if n > 0 {
                svg +=
                    """
                    <text x=\"\(x + barWidth / 2)\" y=\"\(height - h - 4)\" class=\"val\" \
                    text-anchor=\"middle\">\(n)</text>
                    """
            }
            let range = "\(HTMLText.number(Double(k) * step))–\(HTMLText.number(min(maximum, Double(k + 1) * step)))"
            svg +=
                """
                <text x=\"\(x + barWidth / 2)\" y=\"\(height + 16)\" class=\"lbl\" \
                text-anchor=\"middle\">\(range)</text>
                """
        }
        svg += "</svg><figcaption>Distribution of marks: "
        svg += counts.enumerated().filter { $0.element > 0 }.map {
            """
            \($0.element) answer\($0.element == 1 ? "" : "s") at \
            \(HTMLText.number(Double($0.offset) * step))–\
            \(HTMLText.number(min(maximum, Double($0.offset + 1) * step)))
            """
        }.joined(separator: "; ")
        svg += ".</figcaption></figure>"
        return svg
    }
}
