/// A scanned line: its inlines and fair copy.
struct ScannedLine {
    var line: SourceLine
    var inlines: [Inline]
    var fair: String
    /// The column of the first character that is not white space.
    var firstColumn: Int
    var position: SourcePosition { SourcePosition(line: line.number, column: firstColumn) }
    var words: Int { countWords(fair) }
}

/// A block: consecutive non-blank lines, with the page markers written among them.
struct Block {
    var lines: [ScannedLine] = []
    /// Explicit page markers inside the block: (index of the line they follow, page, position).
    var markers: [(after: Int, page: Int?, position: SourcePosition)] = []
    /// Lines that stand alone by their own reading (headings, bullet points, visuals), in order: no markup pairs
    /// across them.
    var standalone: [Int] = []
    /// The heading readings made while finding the standalone lines, in order of line, for the lines whose
    /// scanned line is that reading's (a segment of one line): the answer builder takes them rather than read
    /// the line again. The readings' scans are not kept.
    var headings: [(line: Int, read: ParagraphSplitter.HeadingRead)] = []

    /// True when line `k` stands alone.
    func standsAlone(_ k: Int) -> Bool { ParagraphSplitter.contains(standalone, k) }

    /// The heading reading kept for line `k`, if any (a binary search).
    func heading(at k: Int) -> ParagraphSplitter.HeadingRead? {
        var low = 0
        var high = headings.count
        while low < high {
            let mid = (low + high) / 2
            if headings[mid].line < k { low = mid + 1 } else { high = mid }
        }
        return low < headings.count && headings[low].line == k ? headings[low].read : nil
    }
    var edits: [Edit] = []
    var comments: [Remark] = []
    var visuals: [Visual] = []
    var diagnostics: [Diagnostic] = []
}

/// A piece of an answer in reading order, before sections are built.
indirect enum Unit {
    case heading(HeadingRecognizer.Match, ScannedLine)
    case paragraph(ParagraphUnit)
    case visual(Visual)
    case pageMarker(page: Int?, position: SourcePosition)
    case remark(Remark)
}

/// Lines that will become a paragraph (or outline points).
struct ParagraphUnit {
    var lines: [ScannedLine]
    /// The paragraph's content, lines joined by `.lineBreak` and page breaks in place.
    var content: [Inline]
    var isBullet: Bool
    /// True when the unit opens its block; `endsBlock` when it closes it.
    var startsBlock: Bool
    var endsBlock: Bool
    var pageBreaks: Int
    var lastLine: Int
    /// The fair copy, kept as lines are added and paragraphs joined (each line's is already tidy).
    var fair: String
    /// The numbering of a numbered point (`(a) Constitutional protection: …`), left out of its text.
    var point: Numbering?
    /// True when the unit is a numbered or lettered point.
    var isPoint: Bool { point != nil }

    init(
        lines: [ScannedLine], content: [Inline], isBullet: Bool, startsBlock: Bool, endsBlock: Bool, pageBreaks: Int,
        lastLine: Int,
        fair: String? = nil
    ) {
        self.lines = lines
        self.content = content
        self.isBullet = isBullet
        self.startsBlock = startsBlock
        self.endsBlock = endsBlock
        self.pageBreaks = pageBreaks
        self.lastLine = lastLine
        if let fair {
            self.fair = fair
        } else if lines.count == 1 {
            // One line (most paragraphs of a hostile shape): its fair copy, with no joining.
            self.fair = lines[0].fair
        } else {
            self.fair = lines.map(\.fair).filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    /// Adds fair copy after what is there, one space between. Appended in place: building a new string
    /// each time would copy the paragraph once a line, quadratic in a paragraph of many short lines.
    mutating func appendFair(_ more: String) {
        if more.isEmpty { return }
        if fair.isEmpty {
            fair = more
        } else {
            fair.append(" ")
            fair.append(more)
        }
    }

    /// Goes on with the next line of the block: a line break, the line's text and its fair copy.
    mutating func append(_ line: ScannedLine) {
        lines.append(line)
        content.append(.lineBreak)
        content += line.inlines
        appendFair(line.fair)
        lastLine = line.line.number
    }
}
