/// Finds where a block's paragraphs begin before its markup is paired, so that an opener looks for
/// its closer only inside its own paragraph: a `~~` left open above a heading never strikes the heading.
///
/// Each line is first read on its own. A line whose own markup is balanced and that reads as a
/// heading, a bullet point or a drawn visual stands alone; the lines between such lines are scanned
/// together, so a cutting still runs over a line end inside one paragraph.
enum ParagraphSplitter {
    /// A line read on its own: its scan, fair copy and pen text and, when it was read as a possible
    /// heading, that reading with the context it was made in. Kept in the block, so that a segment
    /// of that one line is not scanned again and the answer builder need not read the heading again.
    struct LineReading {
        var scan: InlineScanner.Result
        var fair: String
        var pen: String
        var heading: HeadingRead?

        var inlines: [Inline] { scan.lines.first ?? [] }
        var clean: Bool { scan.diagnostics.isEmpty }
    }

    /// A heading reading and the context it was made in.
    struct HeadingRead {
        var underlined: Bool
        var opens: Bool
        var match: HeadingRecognizer.Match?
    }

    /// The indices of the lines of a block that stand alone, and their readings, by line (none for a
    /// one-line block).
    ///
    /// Only the readings of lines that stand alone are kept: of the others, three facts are, so that a
    /// paragraph of a million short lines holds a few bytes a line while it is read, not a scan of each.
    static func standaloneLines(_ lines: [SourceLine], readings: inout [Int: LineReading]) -> Set<Int> {
        // A one-line block is its own segment; a line that cannot be a heading, bullet or visual needs
        // no reading of its own unless the line after it asks whether it ended a sentence.
        readings = [:]
        guard lines.count > 1 else { return [] }
        var known = [LineFacts?](repeating: nil, count: lines.count)
        // For each line, the nearest line at or before it that leaves fair copy (-1: none; -2: not yet known),
        // filled as lines are walked over, so that a run of wholly struck lines is walked once, not once a line.
        // Made on first use: most blocks never look back (a heading and its paragraph).
        var nearestFull: [Int] = []
        var standalone = Set<Int>()
        // The line after a heading, read to see whether the heading's sentence runs on to it: the walk takes
        // that reading when it comes to the line (a heading and its paragraph, the most common block).
        var ahead: (index: Int, reading: LineReading)?
        func read(_ k: Int) -> LineReading {
            let scanned = InlineScanner.scan([lines[k]])
            let inlines = scanned.lines.first ?? []
            let result = LineReading(scan: scanned, fair: FairCopyWriter.text(of: inlines), pen: penText(inlines))
            known[k] = LineFacts(
                fairIsEmpty: result.fair.isEmpty,
                fairEndsSentence: TextShape.endsSentence(result.fair),
                penEndsSentence: TextShape.endsSentence(result.pen))
            return result
        }
        func facts(_ k: Int) -> LineFacts {
            if let facts = known[k] { return facts }
            _ = read(k)
            return known[k]!
        }
        func nearestWithFairCopy(atOrBefore k: Int) -> Int {
            if nearestFull.isEmpty { nearestFull = [Int](repeating: -2, count: lines.count) }
            var j = k
            var walked: [Int] = []
            while j >= 0, nearestFull[j] == -2, facts(j).fairIsEmpty {
                walked.append(j)
                j -= 1
            }
            let found = j < 0 ? -1 : nearestFull[j] == -2 ? j : nearestFull[j]
            if j >= 0 { nearestFull[j] = found }
            for w in walked { nearestFull[w] = found }
            return found
        }
        for k in lines.indices where mayStandAlone(lines[k]) {
            var line = ahead?.index == k ? ahead!.reading : read(k)
            // A line with a slip of its own may be the end of a span opened above it: leave it to the block.
            guard line.clean else { continue }
            if visuals(in: line.inlines) != nil || Bullet.length(line.fair) != nil {
                standalone.insert(k)
                readings[k] = line
                continue
            }
            // The pen's full stop counts even when a slip strikes it: `~~problems.` then `2. ECONOMY`.
            var opens = k == 0 || standalone.contains(k - 1) || facts(k - 1).penEndsSentence
            if !opens {
                let j = nearestWithFairCopy(atOrBefore: k - 1)
                opens = j < 0 || facts(j).fairEndsSentence
            }
            let underlined = isUnderlined(line.inlines)
            let unchecked = HeadingRecognizer.match(
                line.fair, underlined: underlined, opensBlock: opens, roleWords: SectionRoles.isRoleName)
            var match = unchecked
            // A numbered line whose sentence runs on to the next line is a point, not a heading standing alone.
            if let found = match, k + 1 < lines.count {
                let next = read(k + 1)
                ahead = (k + 1, next)
                if NumberedPoint.runsOn(found, line: line.fair, next: next.fair) { match = nil }
            }
            line.heading = HeadingRead(underlined: underlined, opens: opens, match: match)
            if match != nil {
                standalone.insert(k)
                readings[k] = line
            } else if ahead?.index == k {
                // Kept with its reading as a heading before the run-on test, which the answer builder makes again.
                ahead?.reading.heading = HeadingRead(underlined: underlined, opens: opens, match: unchecked)
            }
        }
        // The line after the last heading, when it is a segment of one line (the paragraph under a heading): its
        // scan and heading reading are kept, so that the block reader and the answer builder need not make them
        // again.
        if let kept = ahead, readings[kept.index] == nil,
            kept.index == 0 || standalone.contains(kept.index - 1),
            kept.index == lines.count - 1 || standalone.contains(kept.index + 1)
        {
            readings[kept.index] = kept.reading
        }
        return standalone
    }

    /// What the lines after a line ask of it: whether it leaves any fair copy and whether its fair copy
    /// and its pen text end a sentence.
    struct LineFacts {
        var fairIsEmpty: Bool
        var fairEndsSentence: Bool
        var penEndsSentence: Bool
    }

    /// A cheap look at a line as written: only a line that starts with markup, a bullet, a bracket, a
    /// number or `#`, or that is short or mostly capitals, can be a heading, a bullet point or a visual.
    static func mayStandAlone(_ line: SourceLine) -> Bool {
        guard let start = line.firstVisible else { return false }
        let first = line.scalar(at: start)
        if Bullet.isMark(first) || "[{#(~^<\\*=".unicodeScalars.contains(first) || first.value >= 0x80 {
            return true
        }
        if first.value >= 0x30 && first.value <= 0x39 { return true }
        var upper = 0
        var lower = 0
        var spaces = 0
        // Counted on the bytes of an ASCII line (its columns), on the scalars of any other.
        func tally(_ i: Int, _ c: UInt32) -> Bool {
            if i < 8, c == 0x2E || c == 0x29 { return true }
            if c >= 0x41 && c <= 0x5A {
                upper += 1
            } else if c >= 0x61 && c <= 0x7A || c >= 0x80 {
                lower += 1
            } else if c == 0x20 {
                spaces += 1
            }
            return false
        }
        if let table = line.table {
            for (i, c) in table.enumerated() where tally(i, c.value) { return true }
        } else {
            for (i, b) in line.utf8.enumerated() where tally(i, UInt32(b)) { return true }
        }
        return spaces <= 6 || upper * 10 >= (upper + lower) * 7
    }

    /// The runs of lines to scan together: each standalone line on its own, the lines between in one run.
    static func segments(count: Int, standalone: Set<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for k in 1..<max(count, 1) where standalone.contains(k) || standalone.contains(k - 1) {
            result.append(start..<k)
            start = k
        }
        if start < count { result.append(start..<count) }
        return result
    }

    /// The visuals of a line that holds nothing else, or nil.
    static func visuals(in inlines: [Inline]) -> [Visual]? {
        var found: [Visual] = []
        for inline in inlines {
            switch inline {
            case .visual(let kind, let caption, let at):
                found.append(Visual(kind: kind, caption: caption, position: at))
            case .text(let s, _) where s.unicodeScalars.allSatisfy(\.isTranscriptSpace): continue
            default: return nil
            }
        }
        return found.isEmpty ? nil : found
    }

    /// True when a line is one underlined (highlighted) span, perhaps with a colon or `#` around it.
    static func isUnderlined(_ inlines: [Inline]) -> Bool {
        var sawHighlight = false
        for inline in inlines {
            switch inline {
            case .highlighted:
                if sawHighlight { return false }
                sawHighlight = true
            case .text(let s, _) where s.unicodeScalars.allSatisfy({ $0.isTranscriptSpace || $0 == ":" || $0 == "#" }):
                continue
            default: return false
            }
        }
        return sawHighlight
    }

    /// Everything the pen wrote on a line, struck or not, without the markup.
    private static func penText(_ inlines: [Inline]) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let s, _): out += s
            case .struck(let children, _), .inserted(let children, _), .highlighted(let children, _):
                out += penText(children)
            case .guess(let g, _): out += g
            default: out += " "
            }
        }
        return out
    }
}
