/// Renders one graded answer as HTML: the header, the criteria chart, the improvements, the answer as
/// written with findings anchored and evidence highlighted, the findings panel and the remarks.
struct HTMLAnswerRenderer {
    let graded: GradedAnswer
    /// The answer's number in the page, for unique ids.
    let n: Int

    private var events: [Int: [(column: Int, event: Event)]] = [:]
    private var anchored = Set<Int>()
    private var openEvidence: (kind: String, end: SourcePosition)?
    private let listed: [FoldedFinding]

    enum Event {
        case finding(Int)
        case evidence(EvidenceItem)
    }

    init(graded: GradedAnswer, n: Int) {
        self.graded = graded
        self.n = n
        listed = FoldedFinding.fold(graded.findings)
        for (k, item) in listed.enumerated() {
            let start = item.finding.range.start
            events[start.line, default: []].append((start.column, .finding(k + 1)))
        }
        for e in graded.evidence {
            events[e.range.start.line, default: []].append((e.range.start.column, .evidence(e)))
        }
        for key in events.keys { events[key]!.sort { $0.column < $1.column } }
    }

    mutating func render() -> String {
        let g = graded
        var out = "<article class=\"answer\" id=\"answer-\(n)\" aria-labelledby=\"answer-\(n)-h\">\n<header>\n"
        let which =
            g.answer.index > 1 || g.answer.line > 1
            ? " <small>answer \(g.answer.index), line \(g.answer.line)</small>" : ""
        out += "<h2 id=\"answer-\(n)-h\">\(HTMLText.escape(g.source))\(which)</h2>\n"
        if let q = g.question {
            out +=
                """
                <p class=\"question\"><span class=\"label\">\(HTMLText.escape(q.label))</span> \
                \(HTMLText.escape(q.text))
                """
            if let d = q.directive { out += " <span class=\"directive\">\(HTMLText.escape(d))</span>" }
            out += "</p>\n"
        } else {
            out += "<p class=\"question none\">No question line: relevance could not be fully judged.</p>\n"
        }
        let s = g.answer.stats
        out +=
            """
            <p class=\"marks\"><strong>\(HTMLText.number(g.marks))</strong> / \(HTMLText.number(g.maxMarks)) \
            <span class=\"band\">\(HTMLText.escape(g.band))</span></p>\n
            """
        out +=
            """
            <p class=\"stats\">\(s.words) words · \(s.paragraphs) paragraphs · \(s.headings) headings · \
            \(s.cuttings) cuttings · \(s.insertions) insertions · \(s.pages) page\(s.pages == 1 ? "" : "s") · \
            \(g.evidence.count) pieces of evidence</p>\n</header>\n
            """
        out += HTMLCharts.criteria(
            g.criteria.map { ($0.title, $0.score, $0.max) }, id: "answer-\(n)-chart", caption: "Marks by criterion")
        if !g.improvements.isEmpty {
            out += "\n<section class=\"improvements\"><h3>What would gain the most marks</h3><ol>"
            for text in g.improvements { out += "<li>\(HTMLText.escape(text))</li>" }
            out += "</ol></section>\n"
        }
        out +=
            """
            <div class=\"layout\">\n<section class=\"script\" aria-label=\"The answer as written\"><h3>The answer \
            as written</h3>\n
            """
        var body = ""
        for section in g.answer.sections { body += render(section) }
        // Findings placed where no text is drawn (the question line, a blank line) are listed first.
        let loose = listed.indices.filter { !anchored.contains($0 + 1) }
        if !loose.isEmpty {
            out +=
                "<p class=\"whole\">About the whole answer: " + loose.map { anchor($0 + 1) }.joined(separator: " ")
                + "</p>\n"
        }
        out += body
        out += "</section>\n<aside class=\"findings\" aria-label=\"Findings\"><h3>Findings</h3>\n<ol>\n"
        for (k, item) in listed.enumerated() {
            let f = item.finding
            out +=
                """
                <li id=\"a\(n)-fl\(k + 1)\" class=\"sev-\(f.severity.rawValue)\"><a \
                href=\"#a\(n)-f\(k + 1)\">\(f.range.start.line):\(f.range.start.column)</a> 
                """
            out +=
                """
                <strong class=\"sev\">\(f.severity.rawValue)</strong> \(HTMLText.escape(f.message)) <code \
                class=\"rule\">\(HTMLText.escape(f.rule))</code>
                """
            if item.marksLost > 0 { out += " <span class=\"lost\">−\(HTMLText.number(item.marksLost))</span>" }
            if item.isShared {
                out += " <span class=\"crit\">across \(HTMLText.escape(item.criteria.joined(separator: ", ")))</span>"
            }
            out += "<br><span class=\"fix\">\(HTMLText.escape(f.suggestion))</span></li>\n"
        }
        out += "</ol>\n"
        let reserve = g.reserveMarks
        if reserve > 0 {
            out +=
                """
                <p class=\"reserve\">\(HTMLText.number(reserve)) marks kept in the examiner's reserve (the top of \
                the scale is for exceptional answers).</p>\n
                """
        }
        out += "</aside>\n</div>\n"
        if !g.remarks.isEmpty {
            out += "<section class=\"remarks\"><h3>Remarks in the transcript</h3><ul>"
            for r in g.remarks {
                let verdict = r.agrees.map { $0 ? "agrees" : "disagrees" } ?? "no-verdict"
                out +=
                    """
                    <li class=\"\(verdict)\"><blockquote>\(HTMLText.escape(r.remark.text))</blockquote> <span \
                    class=\"where\">line \(r.remark.position.line)</span>
                    """
                let criteria =
                    r.criteria.isEmpty
                    ? "" : "<span class=\"crit\">\(HTMLText.escape(r.criteria.joined(separator: ", ")))</span>: "
                out += "<p>\(criteria)\(HTMLText.escape(r.explanation))</p></li>"
            }
            out += "</ul></section>\n"
        }
        out += "</article>\n"
        return out
    }

    private func sectionId(_ line: Int) -> String { "a\(n)-l\(line)" }

    private func anchor(_ k: Int) -> String {
        let f = listed[k - 1].finding
        return
            """
            <a class=\"fa sev-\(f.severity.rawValue)\" id=\"a\(n)-f\(k)\" href=\"#a\(n)-fl\(k)\" \
            title=\"\(HTMLText.escape(f.message))\">\(k)</a>
            """
    }

    private mutating func render(_ section: Section) -> String {
        var out = "<section class=\"sec level-\(section.level)\" id=\"\(sectionId(section.position.line))\">\n"
        if section.title != nil {
            let level = min(6, section.level + 3)
            out +=
                "<h\(level) class=\"heading\">" + inlines(section.heading, line: section.position.line)
                + flush(line: section.position.line) + "</h\(level)>\n"
        }
        if !section.outline.isEmpty {
            let announced = Set(section.outline.compactMap(\.subsectionIndex))
            out += "<ul class=\"outline\" aria-label=\"Outline\">"
            for item in section.outline {
                let text = inlines(item.content, line: item.position.line) + flush(line: item.position.line)
                if let i = item.subsectionIndex {
                    out +=
                        """
                        <li>\(text) <a class=\"to\" href=\"#\(sectionId(section.sections[i].position.line))\">→ \
                        \(HTMLText.escape(item.sectionLabel ?? ""))</a></li>
                        """
                } else {
                    out += "<li class=\"undeveloped\">\(text) <em>never developed</em></li>"
                }
            }
            out += "</ul>\n"
            for (k, child) in section.sections.enumerated() where !announced.contains(k) {
                let name = HTMLText.escape(child.number ?? child.title ?? "")
                out +=
                    """
                    <p class=\"unannounced-note\"><a \
                    href=\"#\(sectionId(child.position.line))\">\(name)</a> is not in the outline.</p>\n
                    """
            }
        }
        for p in section.paragraphs {
            out +=
                "<p id=\"a\(n)-p\(p.line)\">" + inlines(p.content, line: p.line) + flushAll(through: p.range.end.line)
                + "</p>\n"
        }
        for v in section.visuals {
            out +=
                """
                <figure class=\"visual\"><figcaption><span class=\"kind\">\(HTMLText.escape(v.kind))</span> \
                \(HTMLText.escape(v.caption))</figcaption>
                """
                + flush(line: v.position.line) + "</figure>\n"
        }
        for child in section.sections { out += render(child) }
        return out + "</section>\n"
    }

    /// Anchors left on a line after its text.
    private mutating func flush(line: Int) -> String {
        var out = closeEvidence()
        for (_, event) in events[line] ?? [] {
            if case .finding(let k) = event, !anchored.contains(k) {
                anchored.insert(k)
                out += anchor(k)
            }
        }
        return out
    }

    private mutating func flushAll(through line: Int) -> String {
        var out = closeEvidence()
        let lines = events.keys.filter { $0 <= line }.sorted()
        for l in lines { out += flush(line: l) }
        return out
    }

    private mutating func closeEvidence() -> String {
        guard openEvidence != nil else { return "" }
        openEvidence = nil
        return "</mark>"
    }

    private mutating func inlines(_ list: [Inline], line: Int) -> String {
        var out = ""
        var k = 0
        while k < list.count {
            // A strike and an insertion side by side are shown as one correction.
            if k + 1 < list.count, isPair(list[k], list[k + 1]) {
                out +=
                    "<span class=\"correction\" title=\"correction\">" + inline(list[k]) + inline(list[k + 1])
                    + "</span>"
                k += 2
                continue
            }
            out += inline(list[k])
            k += 1
        }
        return out
    }

    private func isPair(_ a: Inline, _ b: Inline) -> Bool {
        switch (a, b) {
        case (.struck, .inserted), (.inserted, .struck): return true
        default: return false
        }
    }

    private mutating func inline(_ item: Inline) -> String {
        switch item {
        case .text(let s, let at): return text(s, at: at)
        case .struck(let children, _): return "<del class=\"cut\">" + inlines(children, line: 0) + "</del>"
        case .inserted(let children, _): return "<ins class=\"ins\">" + inlines(children, line: 0) + "</ins>"
        case .highlighted(let children, _): return "<u class=\"hl\">" + inlines(children, line: 0) + "</u>"
        case .illegible:
            return "<span class=\"illegible\" title=\"the transcriber could not read this word\">[illegible]</span>"
        case .guess(let g, _):
            return "<span class=\"guess\" title=\"the transcriber's guess\">\(HTMLText.escape(g))?</span>"
        case .visual(let kind, let caption, _):
            return "<span class=\"visual-inline\">[\(HTMLText.escape(kind)): \(HTMLText.escape(caption))]</span>"
        case .lineBreak: return " "
        case .pageBreak(let explicit, let page, _):
            return
                """
                 <span class=\"page-break\" \
                role=\"separator\">\(explicit ? "page \(page.map(String.init) ?? "")" : "page turns")</span> 
                """
        }
    }

    /// Text with finding anchors and evidence highlights placed at their columns.
    private mutating func text(_ s: String, at: SourcePosition) -> String {
        var out = ""
        var column = at.column
        let lineEvents = events[at.line] ?? []
        for scalar in s.unicodeScalars {
            let here = SourcePosition(line: at.line, column: column)
            if let open = openEvidence, open.end <= here {
                out += "</mark>"
                openEvidence = nil
            }
            for (c, event) in lineEvents where c <= column {
                switch event {
                case .finding(let k) where !anchored.contains(k):
                    anchored.insert(k)
                    out += anchor(k)
                case .evidence(let e) where e.range.start == here && openEvidence == nil:
                    out += "<mark class=\"ev ev-\(e.kind.rawValue)\" title=\"evidence: \(e.kind.rawValue)\">"
                    openEvidence = (e.kind.rawValue, e.range.end)
                default:
                    break
                }
            }
            out += HTMLText.escape(String(scalar))
            column += 1
        }
        // A highlight never spans markup: it closes where its run of text ends.
        out += closeEvidence()
        return out
    }
}
