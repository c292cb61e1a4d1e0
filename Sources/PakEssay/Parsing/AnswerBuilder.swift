/// Builds one answer from its blocks: units, page-break joins, remarks, the section tree, statistics.
struct AnswerBuilder {
    let index: Int
    /// The answer's question, lines and blocks; the blocks are let go once read into units (see `build`).
    var group: AnswerSplitter.Group
    var edits: [Edit] = []
    var visuals: [Visual] = []
    var remarks: [Remark] = []
    var diagnostics: [Diagnostic] = []
    var pageBoundaries = 0
    var sawContent = false

    init(index: Int, group: AnswerSplitter.Group) {
        self.index = index
        self.group = group
    }

    static let remarkLabels = ["remarks", "remark", "examiner", "teacher", "tutor", "feedback", "comment", "comments"]

    mutating func build() -> Answer {
        var question: Question?
        if let (match, _) = group.question, case .block(let block)? = group.items.first {
            let directives = DirectiveFinder.directives(in: match.text)
            question = Question(
                label: match.label, number: match.number, text: match.text, directive: directives.first,
                directives: directives, position: block.lines[0].position)
        } else {
            diagnostics.append(
                Diagnostic(
                    rule: "question-missing", severity: .warning, position: SourcePosition(line: group.line, column: 1),
                    message:
                        """
                        no question line (such as `Q.1 …`); criteria that need the question cannot be judged \
                        without --question
                        """
                ))
        }
        if let first = group.preamble.first {
            let position: SourcePosition
            switch first {
            case .block(let b): position = b.lines[0].position
            case .marker(_, let p): position = p
            }
            diagnostics.append(
                Diagnostic(
                    rule: "text-before-question", severity: .note, position: position,
                    message: "text before the first question line is not part of any answer"))
        }
        var units = makeUnits()
        // The blocks (their lines, scans and kept readings) are not read again: let go now, before the section
        // tree is built, so that a long answer never holds its blocks, units and sections at once.
        group.items = []
        group.preamble = []
        units = joinAcrossPageBreaks(units)
        units = takeTrailingRemark(units)
        units = capitalQuestionHeadings(units)
        units = phraseHeadings(units)
        var outline: [OutlineItem] = []
        if let (items, rest) = AnswerOutlineReader.read(units) {
            outline = items
            units = rest
        }
        var tree = SectionTreeBuilder(markdownBase: NumberingTracker.markdownBase(units))
        for unit in units { tree.add(unit) }
        let (sections, treeDiagnostics) = tree.finish()
        diagnostics += treeDiagnostics
        remarks.sort { $0.position < $1.position }
        diagnostics.sort { $0.position < $1.position }
        var answer = Answer(
            index: index, line: group.line, question: question, sections: sections, remarks: remarks,
            edits: edits, visuals: visuals, stats: Statistics(), diagnostics: diagnostics,
            endLine: max(lastLine(units), outline.last?.position.line ?? 0),
            outline: OutlineMatcher.matchMain(outline, to: sections))
        answer.stats = StatisticsCounter.count(answer, pages: 1 + pageBoundaries)
        return answer
    }

    private func lastLine(_ units: [Unit]) -> Int {
        var last = group.line
        for unit in units {
            switch unit {
            case .heading(_, let line): last = max(last, line.line.number)
            case .paragraph(let p): last = max(last, p.lastLine)
            case .visual(let v): last = max(last, v.position.line)
            case .pageMarker(_, let p): last = max(last, p.line)
            case .remark(let r): last = max(last, r.position.line)
            }
        }
        return last
    }

    // MARK: Units

    mutating func makeUnits() -> [Unit] {
        var units: [Unit] = []
        for (k, item) in group.items.enumerated() {
            switch item {
            case .marker(let page, let position):
                if sawContent { pageBoundaries += 1 }
                units.append(.pageMarker(page: page, position: position))
            case .block(let block):
                let skip = k == 0 ? (group.question?.lines ?? 0) : 0
                blockUnits(block, skipping: skip, into: &units)
            }
        }
        return units
    }

    /// Appends a block's units to `units`: appended in place, not made as an array of their own a block (a block
    /// is most often one unit, and a file of many short blocks paid an array and its copy for each).
    mutating func blockUnits(_ block: Block, skipping skip: Int, into units: inout [Unit]) {
        if !block.comments.isEmpty { remarks += block.comments }
        if !block.diagnostics.isEmpty { diagnostics += block.diagnostics }
        guard skip < block.lines.count else {
            if !block.edits.isEmpty { edits += block.edits }
            return
        }
        let first = block.lines[skip]
        if let remark = labelledRemark(first, block: block, from: skip) {
            remarks.append(remark)
            return
        }
        if !block.edits.isEmpty { edits += block.edits }
        if !block.visuals.isEmpty { visuals += block.visuals }
        let start = units.count
        // The last unit of this block: the units before `start` are earlier blocks'.
        func lastOfBlock() -> Unit? { units.count > start ? units.last : nil }
        var current: ParagraphUnit?
        var markerIndex = block.markers.startIndex

        func close(endsBlock: Bool) {
            if var p = current {
                p.endsBlock = endsBlock
                units.append(.paragraph(p))
            }
            current = nil
        }

        // The width of the block's longest line, measured when a point asks for it.
        var measured: Int?
        func width(of block: Block) -> Int {
            if let measured { return measured }
            let found = block.lines.reduce(0) { max($0, $1.fair.utf8.count) }
            measured = found
            return found
        }

        // The nearest line above that leaves fair copy, kept as lines go by: a wholly struck line leaves
        // nothing for the next line to continue, and looking back from each line would be quadratic.
        var lastWithFair = -1
        for k in skip..<block.lines.count {
            let line = block.lines[k]
            if !line.fair.isEmpty || !line.inlines.isEmpty { sawContent = true }
            let opens =
                k == skip || block.standsAlone(k)
                || lastWithFair < 0 || TextShape.endsSentence(block.lines[lastWithFair].fair)
                || isHeadingUnit(lastOfBlock(), current: current)
            if !line.fair.isEmpty { lastWithFair = k }
            if let visualsOnLine = ParagraphSplitter.visuals(in: line.inlines) {
                close(endsBlock: false)
                units += visualsOnLine.map { .visual($0) }
            } else if let bullet = Bullet.length(line.fair) {
                // A bullet point is an outline point or a list item, never a heading, even in capitals.
                close(endsBlock: false)
                let content = stripLeading(line.inlines, scalars: bullet)
                units.append(
                    .paragraph(
                        ParagraphUnit(
                            lines: [line], content: content, isBullet: true,
                            startsBlock: k == skip, endsBlock: k == block.lines.count - 1,
                            pageBreaks: 0, lastLine: line.line.number, fair: FairCopyWriter.text(of: content))))
            } else if current == nil, case .paragraph(var item)? = lastOfBlock(), item.isBullet,
                item.lastLine == line.line.number - 1, line.firstColumn > item.lines[0].firstColumn
            {
                // A bullet point's wrapped line, indented under it, goes on with the point.
                item.append(line)
                item.endsBlock = k == block.lines.count - 1
                units[units.count - 1] = .paragraph(item)
            } else if let heading = heading(line, at: k, in: block, opens: opens) {
                close(endsBlock: false)
                units.append(.heading(heading, line))
            } else if let point = pointStart(line, opens: opens, after: current?.point) {
                // A numbered point starts a paragraph of its own; the lines after it in its block go on with it.
                close(endsBlock: false)
                let content = stripLeading(line.inlines, scalars: point.length)
                current = ParagraphUnit(
                    lines: [line], content: content, isBullet: false,
                    startsBlock: k == skip || Self.isHeading(lastOfBlock()), endsBlock: false, pageBreaks: 0,
                    lastLine: line.line.number, fair: FairCopyWriter.text(of: content))
                current!.point = point.numbering
            } else if current != nil, !(current!.isPoint && Self.pointEnded(current!, width: width(of: block))) {
                // Tested in place, not bound to a name: a second reference to the unit's arrays would copy them
                // at each line appended, quadratic in a paragraph of many lines.
                current!.append(line)
            } else {
                // Content that follows a heading in the same block starts a block of its own.
                close(endsBlock: false)
                current = ParagraphUnit(
                    lines: [line], content: line.inlines, isBullet: false,
                    startsBlock: k == skip || Self.isHeading(lastOfBlock()), endsBlock: false, pageBreaks: 0,
                    lastLine: line.line.number)
            }
            // Page markers written after this line, inside the block.
            while markerIndex < block.markers.endIndex, block.markers[markerIndex].after == k {
                let marker = block.markers[markerIndex]
                pageBoundaries += 1
                if current != nil {
                    current!.content.append(.pageBreak(explicit: true, page: marker.page, at: marker.position))
                    current!.pageBreaks += 1
                } else {
                    units.append(.pageMarker(page: marker.page, position: marker.position))
                }
                markerIndex += 1
            }
        }
        close(endsBlock: true)
        if case .paragraph(var p)? = lastOfBlock(), !p.endsBlock, p.isBullet {
            p.endsBlock = true
            units[units.count - 1] = .paragraph(p)
        }
    }

    /// The line read as a heading (numbered, capitals, role name, `Title:` phrase…), unless it is a numbered
    /// point whose sentence runs on to the next line of its block.
    private func heading(_ line: ScannedLine, at k: Int, in block: Block, opens: Bool) -> HeadingRecognizer.Match? {
        guard let match = headingMatch(line, at: k, in: block, opens: opens) else {
            return phraseHeading(at: k, in: block, opens: opens)
        }
        if k + 1 < block.lines.count, NumberedPoint.runsOn(match, line: line.fair, next: block.lines[k + 1].fair) {
            return nil
        }
        return match
    }

    /// The label of a line that starts a numbered point: one that opens (starts its block or follows a finished
    /// sentence), or the next point after the point still open (`(b)` after an `(a)` whose sentence ran on).
    private func pointStart(_ line: ScannedLine, opens: Bool, after open: Numbering?) -> (
        numbering: Numbering, length: Int
    )? {
        guard let label = NumberedPoint.label(line.fair) else { return nil }
        if let open, let next = NumberedPoint.reading(label.numbering, alternative: label.alternative, after: open) {
            return (next, label.length)
        }
        guard opens else { return nil }
        return (label.numbering, label.length)
    }

    /// True when a numbered point has ended: its last line ends a sentence well short of the block's longest
    /// line (a wrapped line runs nearly to the width), so the line after it starts a paragraph of its own.
    private static func pointEnded(_ point: ParagraphUnit, width: Int) -> Bool {
        guard let last = point.lines.last?.fair, TextShape.endsSentence(last) else { return false }
        return last.utf8.count * 3 < width * 2
    }

    /// True when a unit is a heading.
    private static func isHeading(_ unit: Unit?) -> Bool {
        if case .heading? = unit { return true }
        return false
    }

    /// The line read as a heading, reusing the reading made while finding standalone lines when it was
    /// made in the same context. A kept reading is always of this line's fair copy: the block keeps one only
    /// where the scanned line is that reading's (see `BlockReader.scan`).
    private func headingMatch(_ line: ScannedLine, at k: Int, in block: Block, opens: Bool) -> HeadingRecognizer.Match?
    {
        let underlined = ParagraphSplitter.isUnderlined(line.inlines)
        if let heading = block.heading(at: k), heading.opens == opens, heading.underlined == underlined {
            return heading.match
        }
        return HeadingRecognizer.match(
            line.fair, underlined: underlined, opensBlock: opens, roleWords: SectionRoles.isRoleName)
    }

    /// A mixed-case `Title:` line that opens, read as a heading when the next line of its block starts a
    /// paragraph (a line of prose, not a bullet, a heading, another `Title:` line or a quotation).
    private func phraseHeading(at k: Int, in block: Block, opens: Bool) -> HeadingRecognizer.Match? {
        guard opens, k + 1 < block.lines.count, let match = HeadingRecognizer.phrase(block.lines[k].fair) else {
            return nil
        }
        let next = block.lines[k + 1].fair
        // A title without a colon heads prose, not the lines of an address ("Examination Hall" / "A.B.C. City").
        if !block.lines[k].fair.trimmingSpace().hasSuffix(":"),
            !Self.isProse(block.lines[(k + 1)...].prefix(3).map(\.fair).joined(separator: " "))
        {
            return nil
        }
        return Self.startsParagraph(next) ? match : nil
    }

    /// True when a line of fair copy reads as the start of a paragraph of prose.
    static func startsParagraph(_ fair: String) -> Bool {
        guard TextShape.startsCapitalOrDigit(fair), Bullet.length(fair) == nil, HeadingRecognizer.phrase(fair) == nil,
            let first = fair.unicodeScalars.first, !TextShape.openers.contains(first) || first == "("
        else { return false }
        return HeadingRecognizer.match(fair, underlined: false, opensBlock: true, roleWords: SectionRoles.isRoleName)
            == nil
    }

    /// A one-line block that is a mixed-case `Title:` line, followed by a block of prose, is a heading; so is
    /// a short line in sentence case (`Pakistan China relations`) in an answer that has other headings.
    func phraseHeadings(_ units: [Unit]) -> [Unit] {
        var out = units
        // The units as read before any line became a heading here, kept in step with `out`.
        var read = units
        // Each `Title:` line alone in its block whose next unit is no paragraph of prose, with that unit's place.
        var pending: [(at: Int, next: Int, match: HeadingRecognizer.Match, line: ScannedLine)] = []
        for sentenceCase in [false, true] {
            let headed = out.contains(where: Self.isHeading)
            if sentenceCase, headed { (out, read) = Self.splitHeadedParagraphs(out, read: read) }
            for k in out.indices {
                guard case .paragraph(let p) = out[k], !p.isBullet, !p.isPoint, p.lines.count == 1, p.startsBlock,
                    let match = sentenceCase ? HeadingRecognizer.sentenceCase(p.fair) : HeadingRecognizer.phrase(p.fair)
                else { continue }
                // Without other headings, a line in sentence case heads prose only alone in its block, under a
                // paragraph of prose (`Impact on relations` between two paragraphs), never first.
                if sentenceCase, !headed, !p.endsBlock || k == 0 || !Self.isProseParagraph(read[k - 1]) { continue }
                var j = k + 1
                while j < out.count, case .pageMarker = out[j] { j += 1 }
                if headed, k == 0 || !Self.isOneShortLine(read[k - 1]), Self.headsListOrPoints(out, at: j, line: p) {
                    out[k] = .heading(match, p.lines[0])
                    continue
                }
                guard j < out.count, case .paragraph(let next) = out[j], !next.isBullet, next.startsBlock,
                    Self.startsParagraph(next.lines[0].fair)
                else {
                    // Perhaps a `Title:` line over another, which may yet become a heading (see below).
                    if !sentenceCase, p.endsBlock, p.fair.hasSuffix(":") { pending.append((k, j, match, p.lines[0])) }
                    continue
                }
                // A title without a colon heads prose: a sentence, or a line of eight words or more (not the
                // "A.B.C. City, 15 May 2026" under a letter's "Examination Hall").
                if !p.fair.hasSuffix(":"), !Self.isProse(next.fair) { continue }
                // A line in sentence case heads a paragraph of prose, not an item of a list of short lines.
                if sentenceCase,
                    HeadingRecognizer.sentenceCase(next.fair) != nil || next.fair.split(separator: " ").count < 8
                        || (k > 0 && Self.isShortLine(read[k - 1]))
                {
                    continue
                }
                out[k] = .heading(match, p.lines[0])
            }
            // A `Title:` line over a `Title:` heading heads the headings under it ("Causes of Trade Deficit:"
            // over "Low Exports:", batch u): read from the last, so that a run of such lines is read whole.
            for line in pending.reversed() where line.next < out.count {
                if case .heading(let under, _) = out[line.next], under.form == .phrase {
                    out[line.at] = .heading(line.match, line.line)
                }
            }
            pending.removeAll()
        }
        return out
    }

    /// True when a unit is a paragraph of one short line that ends no sentence: an item of a list of such lines
    /// (an outline of the points to come), which a title line under it belongs to.
    private static func isOneShortLine(_ unit: Unit) -> Bool {
        guard case .paragraph(let p) = unit, p.lines.count == 1 else { return false }
        return !TextShape.endsSentence(p.fair) && p.fair.split(separator: " ").count < 8
    }

    /// True when a unit is a paragraph of prose, not a bullet or a point: a sentence, or eight words or more.
    private static func isProseParagraph(_ unit: Unit) -> Bool {
        guard case .paragraph(let p) = unit, !p.isBullet, !p.isPoint else { return false }
        return TextShape.endsSentence(p.fair) && p.fair.split(separator: " ").count >= 8
    }

    /// A line in capitals that asks a question (`CAN SAARC BE REVIVED?`), alone in its block over a paragraph of
    /// prose, in an answer with other headings, is a main heading in capitals (the level of the answer's other
    /// unnumbered headings in capitals). A shouted question inside a paragraph, a row of acronyms, the answer's
    /// question written again, or a first line that may be the question of an answer without a question line,
    /// stays prose.
    func capitalQuestionHeadings(_ units: [Unit]) -> [Unit] {
        guard units.contains(where: Self.isHeading) else { return units }
        var out = units
        var afterFirst = false
        for k in out.indices {
            defer { if case .pageMarker = out[k] {} else { afterFirst = true } }
            guard case .paragraph(let p) = out[k], !p.isBullet, !p.isPoint, p.lines.count == 1, p.startsBlock,
                p.endsBlock, afterFirst || group.question != nil, let match = HeadingRecognizer.capitalQuestion(p.fair),
                !isQuestionOfAnswer(match.title), Self.headsProse(out, after: k)
            else { continue }
            out[k] = .heading(match, p.lines[0])
        }
        return out
    }

    /// True when the next unit after `k` (past page markers) is a paragraph of prose that opens its block.
    static func headsProse(_ units: [Unit], after k: Int) -> Bool {
        var j = k + 1
        while j < units.count, case .pageMarker = units[j] { j += 1 }
        guard j < units.count, case .paragraph(let next) = units[j], !next.isBullet, next.startsBlock else {
            return false
        }
        return startsParagraph(next.lines[0].fair) && isProse(next.fair)
    }

    /// True when a title repeats the answer's question line: its words are those of the whole question or of
    /// one of its sentences.
    private func isQuestionOfAnswer(_ title: String) -> Bool {
        guard let question = group.question?.match.text else { return false }
        let words = lowercaseWords(title)
        if words == lowercaseWords(question) { return true }
        let sentences = question.split(whereSeparator: { $0 == "?" || $0 == "." || $0 == "!" })
        return sentences.contains { lowercaseWords(String($0)) == words }
    }

    /// True when the units from `j` are what a title line heads in an answer with other headings: a line ending
    /// in ':' directly over the first of its lettered or numbered points in its block (`Why the Reforms Failed:`
    /// over `(a) High ceilings`), two bullet points or more directly under it in its block (`The Way Forward`
    /// over its list), or, for a line alone in its block, a numbered heading that starts a count at 1 (`Benefits
    /// for Pakistan` over `1. Security`). The caller rules out a line under another short line: the last item
    /// of an outline over the first point.
    static func headsListOrPoints(_ units: [Unit], at j: Int, line p: ParagraphUnit) -> Bool {
        guard j < units.count else { return false }
        switch units[j] {
        case .paragraph(let next):
            // A `Title:` line over the first of its lettered or numbered points ("(a) High ceilings: …").
            if next.point?.components == [1], !p.endsBlock, p.fair.hasSuffix(":") { return true }
            guard next.isBullet, !p.endsBlock, j + 1 < units.count, case .paragraph(let second) = units[j + 1] else {
                return false
            }
            return second.isBullet
        case .heading(let match, _):
            return p.endsBlock && match.hashes == nil && match.numbering?.components == [1]
        default:
            return false
        }
    }

    /// Splits each paragraph headed by a short line in sentence case (`headedParagraph`) into the heading and
    /// the paragraph under it; `read` (the units as first read) gets the paragraph's copy in step.
    static func splitHeadedParagraphs(_ units: [Unit], read: [Unit]) -> ([Unit], [Unit]) {
        var out: [Unit] = []
        var outRead: [Unit] = []
        // The units before `copied` are in the new lists. Nothing is copied before the first split, so that an
        // answer with no paragraph to split (most) keeps its lists, not a copy of every unit.
        var copied = 0
        for k in units.indices {
            guard let split = headedParagraph(units[k], after: k > 0 ? read[k - 1] : nil) else { continue }
            out += units[copied..<k]
            outRead += read[copied..<k]
            out.append(split.heading)
            outRead.append(read[k])
            out.append(.paragraph(split.rest))
            outRead.append(.paragraph(split.rest))
            copied = k + 1
        }
        guard copied > 0 else { return (units, read) }
        out += units[copied...]
        outRead += read[copied...]
        return (out, outRead)
    }

    /// A paragraph whose first line is a short line in sentence case (`Critical view`) over prose on the lines
    /// after it, in the same block, read as that heading and the paragraph under it. The line must be well
    /// short of the next (a wrapped line of prose runs nearly to the width), the lines after it must start a
    /// paragraph and read as prose of eight words or more, and the line must not follow another short line.
    static func headedParagraph(_ unit: Unit, after previous: Unit?) -> (heading: Unit, rest: ParagraphUnit)? {
        guard case .paragraph(let p) = unit, !p.isBullet, !p.isPoint, p.startsBlock, p.lines.count > 1,
            let match = HeadingRecognizer.sentenceCase(p.lines[0].fair)
        else { return nil }
        let next = p.lines[1].fair
        guard p.lines[0].fair.utf8.count * 3 < next.utf8.count * 2, startsParagraph(next),
            HeadingRecognizer.sentenceCase(next) == nil, previous.map(isShortLine) != true,
            let cut = p.content.firstIndex(where: { if case .lineBreak = $0 { true } else { false } }),
            !p.content[..<cut].contains(where: { if case .pageBreak = $0 { true } else { false } })
        else { return nil }
        var rest = ParagraphUnit(
            lines: Array(p.lines.dropFirst()), content: Array(p.content[(cut + 1)...]), isBullet: false,
            startsBlock: true, endsBlock: p.endsBlock, pageBreaks: p.pageBreaks, lastLine: p.lastLine)
        rest.point = nil
        guard isProse(rest.fair), rest.fair.split(separator: " ").count >= 8 else { return nil }
        return (.heading(match, p.lines[0]), rest)
    }

    /// True when a paragraph's text reads as prose: it ends a sentence somewhere, or runs to eight words.
    static func isProse(_ text: String) -> Bool {
        let trimmed = text.trimmingSpace()
        if let last = trimmed.unicodeScalars.last, ".?!\"”".unicodeScalars.contains(last) { return true }
        return trimmed.split(separator: " ").count >= 8
    }

    /// True when a unit is a one-line paragraph in sentence case: an item of a list of short lines.
    private static func isShortLine(_ unit: Unit) -> Bool {
        guard case .paragraph(let p) = unit, p.lines.count == 1 else { return false }
        return HeadingRecognizer.sentenceCase(p.fair) != nil
    }

    private func isHeadingUnit(_ unit: Unit?, current: ParagraphUnit?) -> Bool {
        guard current == nil, let unit else { return false }
        if case .heading = unit { return true }
        if case .paragraph(let p) = unit, p.isBullet { return true }
        return false
    }

    /// A block opened by `Remarks:`, `Tutor:`, `Examiner:` and the like is a remark.
    private func labelledRemark(_ line: ScannedLine, block: Block, from start: Int) -> Remark? {
        // Every label starts with c, e, f, r or t and is followed by a colon soon after: look at the
        // bytes before cutting any words.
        let utf8 = line.fair.utf8
        guard let first = utf8.first else { return nil }
        switch first | 0x20 {
        case UInt8(ascii: "c"), UInt8(ascii: "e"), UInt8(ascii: "f"), UInt8(ascii: "r"), UInt8(ascii: "t"): break
        default: return nil
        }
        guard utf8.prefix(40).contains(UInt8(ascii: ":")) else { return nil }
        let words = lowercaseWords(String(line.fair.prefix(24)))
        guard let firstWord = words.first, Self.remarkLabels.contains(firstWord) else { return nil }
        let s = line.fair.unicodeScalars
        guard let colon = s.firstIndex(of: ":") else { return nil }
        let head = lowercaseWords(String(s[s.startIndex..<colon]))
        guard head.count <= 2 else { return nil }
        let text = tidy(block.lines[start...].map(\.fair).joined(separator: " "))
        return Remark(text: text, position: line.position, kind: .labelled)
    }

    /// Drops the first `scalars` scalars of fair copy (a bullet and its spaces) from a line's inlines,
    /// reaching into an insertion or a highlight that holds the bullet (`^{- a point added later}`).
    private func stripLeading(_ inlines: [Inline], scalars: Int) -> [Inline] {
        var remaining = scalars
        return stripLeading(inlines, remaining: &remaining)
    }

    private func stripLeading(_ inlines: [Inline], remaining: inout Int) -> [Inline] {
        var out: [Inline] = []
        for inline in inlines {
            guard remaining > 0 else {
                out.append(inline)
                continue
            }
            switch inline {
            case .text(let text, let at):
                // Leading white space before the bullet counts too: skip it along with the bullet, then
                // the white space after it.
                let view = text.unicodeScalars
                var i = view.startIndex
                var offset = 0
                var lead = true
                var left = remaining
                while i < view.endIndex {
                    let c = view[i]
                    if !(lead && c.isTranscriptSpace) {
                        lead = false
                        if left > 0 {
                            left -= 1
                        } else if !c.isTranscriptSpace {
                            break
                        }
                    }
                    i = view.index(after: i)
                    offset += 1
                }
                remaining = left
                if i < view.endIndex {
                    out.append(.text(String(view[i...]), at: SourcePosition(line: at.line, column: at.column + offset)))
                }
            case .inserted(let children, let at):
                out.append(.inserted(stripLeading(children, remaining: &remaining), at: at))
            case .highlighted(let children, let at):
                out.append(.highlighted(stripLeading(children, remaining: &remaining), at: at))
            default:
                out.append(inline)
            }
        }
        return out
    }

    // MARK: Page breaks and remarks

    /// Joins a paragraph to the one before it when the page turned mid-sentence: the earlier one does
    /// not end a sentence, and either a `[page N]` marker stands between or the later one starts lowercase.
    mutating func joinAcrossPageBreaks(_ units: [Unit]) -> [Unit] {
        var out: [Unit] = []
        out.reserveCapacity(units.count)
        // The last paragraph read, held out of its unit's box while the paragraphs after it may join it, and the
        // page markers written since: a run of joined paragraphs grows one paragraph in place, with no box made
        // and freed at each join (40,000 one-letter paragraphs joined across inferred page turns).
        var held: ParagraphUnit?
        // The unit `held` came in, while no paragraph has joined it: appended as it is, not boxed anew.
        var heldUnit: Unit?
        var markers: [(page: Int?, position: SourcePosition)] = []
        func release() {
            if let unit = heldUnit {
                out.append(unit)
            } else if let p = held {
                out.append(.paragraph(p))
            }
            held = nil
            heldUnit = nil
            for marker in markers { out.append(.pageMarker(page: marker.page, position: marker.position)) }
            markers.removeAll()
        }
        for unit in units {
            switch unit {
            case .pageMarker(let page, let position) where held != nil:
                markers.append((page, position))
            case .paragraph(let next):
                // A numbered point starts afresh: it is never the end of the sentence above it.
                let marked = !markers.isEmpty
                guard next.startsBlock, !next.isBullet, !next.isPoint,
                    held.map({ Self.awaitsJoin($0, next, marked: marked) }) == true
                else {
                    release()
                    held = next
                    heldUnit = unit
                    continue
                }
                // Taken out of `held` before it changes, so that its arrays and fair copy are the only copies and
                // grow in place: a copy at each join is quadratic in a run of joined paragraphs.
                var previous = held!
                held = nil
                heldUnit = nil
                if markers.isEmpty {
                    let at = SourcePosition(line: next.lines[0].line.number, column: next.lines[0].firstColumn)
                    previous.content.append(.pageBreak(explicit: false, page: nil, at: at))
                    previous.pageBreaks += 1
                    pageBoundaries += 1
                } else {
                    for marker in markers {
                        previous.content.append(.pageBreak(explicit: true, page: marker.page, at: marker.position))
                    }
                    previous.pageBreaks += markers.count
                    markers.removeAll()
                }
                previous.content += next.content
                previous.appendFair(next.fair)
                previous.lines += next.lines
                previous.pageBreaks += next.pageBreaks
                previous.lastLine = next.lastLine
                previous.endsBlock = next.endsBlock
                held = previous
            default:
                release()
                out.append(unit)
            }
        }
        release()
        return out
    }

    /// True when a paragraph that closed its block waits for the rest of its sentence over a page turn: it is no
    /// bullet and ends no sentence, and a page marker stands between or the next paragraph starts lowercase.
    private static func awaitsJoin(_ previous: ParagraphUnit, _ next: ParagraphUnit, marked: Bool) -> Bool {
        previous.endsBlock && !previous.isBullet && !TextShape.endsSentence(previous.fair)
            && (marked || TextShape.startsLowercase(next.fair))
    }

    /// A closing lowercase paragraph under a paragraph that ended a sentence is a tutor's note.
    mutating func takeTrailingRemark(_ units: [Unit]) -> [Unit] {
        guard let last = units.lastIndex(where: { if case .paragraph = $0 { true } else { false } }),
            case .paragraph(let note) = units[last], note.startsBlock, !note.isBullet, !note.isPoint,
            TextShape.startsLowercase(note.fair)
        else { return units }
        var j = last - 1
        while j >= 0 {
            switch units[j] {
            case .paragraph(let previous):
                guard TextShape.endsSentence(previous.fair) else { return units }
                var out = units
                out.remove(at: last)
                let first = note.lines[0]
                remarks.append(Remark(text: note.fair, position: first.position, kind: .trailing))
                edits.removeAll { $0.position.line >= first.line.number && $0.position.line <= note.lastLine }
                return out
            case .pageMarker, .visual, .remark:
                j -= 1
            case .heading:
                return units
            }
        }
        return units
    }
}
