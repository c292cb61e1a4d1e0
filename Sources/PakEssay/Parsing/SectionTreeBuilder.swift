/// Builds the section tree from units: levels from numbering, outlines, paragraphs, visuals.
struct SectionTreeBuilder {
    final class Node {
        var match: HeadingRecognizer.Match?
        var line: ScannedLine?
        var numbering: Numbering?
        var level: Int
        /// The role read from the heading's title, once (the tree's tests and the section read it).
        var role: SectionRole?
        var units: [Unit] = []
        var children: [Node] = []
        init(
            match: HeadingRecognizer.Match?, line: ScannedLine?, numbering: Numbering?, level: Int,
            role: SectionRole? = nil
        ) {
            self.match = match
            self.line = line
            self.numbering = numbering
            self.level = level
            self.role = role
        }
        /// True when the heading names the introduction or the conclusion (`NumberingTracker.isFrame`).
        var isFrame: Bool { role == .introduction || role == .conclusion }
    }

    let root = Node(match: nil, line: nil, numbering: nil, level: -1)
    var open: [Node]
    var numbering: NumberingTracker
    var diagnostics: [Diagnostic] = []

    /// Starts a tree; `markdownBase` is the `#` depth of the answer's main headings (see `NumberingTracker`).
    init(markdownBase: Int = 1) {
        open = [root]
        numbering = NumberingTracker(markdownBase: markdownBase)
    }

    mutating func add(_ unit: Unit) {
        switch unit {
        case .heading(let match, let line):
            let role = SectionRoles.role(for: match.title)
            let frame = role == .introduction || role == .conclusion
            let (placed, reading, slips) = numbering.place(match, at: line.position, frame: frame)
            diagnostics += slips
            let level =
                Self.headsSubsection(match, reading, frame: frame, under: open[open.count - 1])
                ? open[open.count - 1].level + 1 : placed
            while open.count > 1,
                open[open.count - 1].level >= level || open[open.count - 1].match == nil
                    || Self.framesOnly(open[open.count - 1], under: reading)
            { open.removeLast() }
            let node = Node(match: match, line: line, numbering: reading, level: level, role: role)
            open[open.count - 1].children.append(node)
            open.append(node)
        case .remark:
            break
        default:
            if open.count == 1 {
                let lead = Node(match: nil, line: nil, numbering: nil, level: 0)
                root.children.append(lead)
                open.append(lead)
            }
            open[open.count - 1].units.append(unit)
        }
    }

    /// True when an unnumbered underlined or capitals heading comes straight under a `#` heading that holds
    /// nothing yet ("# 1. The Regime in Brief", then an underlined "Pillars and institutions"): it is that
    /// heading's subheading, not a main heading of its own.
    /// `frame` says whether the heading's title names the introduction or the conclusion.
    static func headsSubsection(_ match: HeadingRecognizer.Match, _ reading: Numbering?, frame: Bool, under top: Node)
        -> Bool
    {
        guard reading == nil, match.hashes == nil, match.form == .underlined || match.form == .capitals,
            !frame, let above = top.match, above.hashes != nil,
            !top.isFrame, top.units.isEmpty, top.children.isEmpty
        else { return false }
        return true
    }

    /// True when an open heading is an introduction or conclusion that may not hold the next heading: it
    /// holds a subsection only when numbers say so (`1.1` under `1. Introduction`), never by depth.
    static func framesOnly(_ node: Node, under reading: Numbering?) -> Bool {
        guard node.match != nil, node.isFrame else { return false }
        return node.numbering == nil || reading == nil
    }

    func finish() -> ([Section], [Diagnostic]) {
        (root.children.map(section), diagnostics)
    }

    private func section(_ node: Node) -> Section {
        let children = node.children.map(section)
        var units = node.units[...]
        var outline: [OutlineItem] = []
        if !children.isEmpty {
            let (items, consumed) = OutlineReader.read(units)
            if items.count >= 2 || (items.count == 1 && isBullet(units.first)) {
                outline = OutlineMatcher.match(items, to: children)
                units = units.dropFirst(consumed)
            }
        }
        var paragraphs: [Paragraph] = []
        var visuals: [Visual] = []
        var end = node.line?.line.number ?? 0
        for unit in units {
            switch unit {
            case .paragraph(let p):
                paragraphs.append(Self.paragraph(p))
                end = max(end, p.lastLine)
            case .visual(let v):
                visuals.append(v)
                end = max(end, v.position.line)
            case .pageMarker(_, let position):
                end = max(end, position.line)
            default:
                break
            }
        }
        if let last = outline.last { end = max(end, last.position.line) }
        if let last = children.last { end = max(end, last.endLine) }
        let position =
            node.line?.position ?? paragraphs.first?.range.start ?? visuals.first?.position
            ?? SourcePosition(line: 1, column: 1)
        let title = node.match?.title
        return Section(
            numbering: node.numbering, title: title, heading: node.line?.inlines ?? [], form: node.match?.form,
            level: node.level, role: node.role, position: position,
            outline: outline, paragraphs: paragraphs, sections: children, visuals: visuals, endLine: end)
    }

    private func isBullet(_ unit: Unit?) -> Bool {
        if case .paragraph(let p)? = unit { return p.isBullet }
        return false
    }

    static func paragraph(_ p: ParagraphUnit) -> Paragraph {
        let text = p.fair
        let first = p.lines[0]
        let last = p.lines[p.lines.count - 1]
        let range = SourceRange(
            start: first.position, end: SourcePosition(line: last.line.number, column: last.line.count + 1))
        return Paragraph(
            content: p.content, range: range, text: text, words: countWords(text), pageBreaks: p.pageBreaks,
            isBullet: p.isBullet)
    }
}

/// Reads the outline points that open a section: bullets, a run of short one-line blocks, or a block
/// of short lines that each start with a capital.
enum OutlineReader {
    static let maxWords = 15
    /// The most points an outline may hold; lines after them are body text (keeps matching linear).
    static let maxItems = 200

    /// The candidate points and how many units they took.
    static func read(_ units: ArraySlice<Unit>) -> ([OutlineItem], Int) {
        var items: [OutlineItem] = []
        var consumed = 0
        var taken = 0
        for unit in units {
            if items.count >= maxItems { return (items, consumed) }
            taken += 1
            switch unit {
            case .pageMarker:
                continue
            case .paragraph(let p):
                if p.isBullet || p.isPoint, countWords(p.fair) <= maxWords {
                    items.append(item(p.content, p.fair, p.lines[0]))
                } else if !p.isBullet, p.startsBlock, p.endsBlock, p.lines.count == 1, countWords(p.fair) <= maxWords {
                    items.append(item(p.content, p.fair, p.lines[0]))
                } else if !p.isBullet, p.startsBlock, p.endsBlock, p.lines.count >= 2, p.pageBreaks == 0,
                    p.lines.allSatisfy({
                        $0.words <= maxWords && TextShape.startsCapitalOrDigit($0.fair) && !$0.fair.hasSuffix(",")
                    })
                {
                    for line in p.lines { items.append(item(line.inlines, line.fair, line)) }
                } else {
                    return (items, consumed)
                }
                consumed = taken
            default:
                return (items, consumed)
            }
        }
        return (items, consumed)
    }

    private static func item(_ content: [Inline], _ text: String, _ line: ScannedLine) -> OutlineItem {
        let start = content.first.flatMap(startPosition) ?? line.position
        return OutlineItem(text: text, position: start, content: content)
    }

    private static func startPosition(_ inline: Inline) -> SourcePosition? {
        switch inline {
        case .text(_, let at), .struck(_, let at), .inserted(_, let at), .highlighted(_, let at), .illegible(let at),
            .guess(_, let at):
            return at
        default:
            return nil
        }
    }
}
