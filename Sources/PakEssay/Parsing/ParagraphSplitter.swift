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

    /// The indices of the lines of a block that stand alone, in order, and their readings by line, in order of
    /// line (none for a one-line block).
    ///
    /// Only the readings of lines that stand alone are kept: of the others, three facts are, so that a
    /// paragraph of a million short lines holds a few bytes a line while it is read, not a scan of each. Both
    /// lists are flat and sorted (a set and a dictionary had been made and hashed into for every block).
    static func standaloneLines(_ lines: [SourceLine], readings: inout [(line: Int, reading: LineReading)]) -> [Int] {
        // A one-line block is its own segment; a line that cannot be a heading, bullet or visual needs
        // no reading of its own unless the line after it asks whether it ended a sentence.
        readings = []
        guard lines.count > 1 else { return [] }
        // The facts of each line read so far, as bits (`LineFacts.bits`; 0: not read yet): a byte list is made
        // without the generic allocation a list of optional facts took.
        var known = [UInt8](repeating: 0, count: lines.count)
        // For each line, the nearest line at or before it that leaves fair copy (-1: none; -2: not yet known),
        // filled as lines are walked over, so that a run of wholly struck lines is walked once, not once a line.
        // Made on first use: most blocks never look back (a heading and its paragraph).
        var nearestFull: [Int] = []
        var standalone: [Int] = []
        // The line after a heading, read to see whether the heading's sentence runs on to it: the walk takes
        // that reading when it comes to the line (a heading and its paragraph, the most common block).
        var ahead: (index: Int, reading: LineReading)?
        func read(_ k: Int) -> LineReading {
            let scanned = InlineScanner.scan([lines[k]])
            let inlines = scanned.lines.first ?? []
            let result = LineReading(scan: scanned, fair: FairCopyWriter.text(of: inlines), pen: penText(inlines))
            known[k] =
                LineFacts(
                    fairIsEmpty: result.fair.isEmpty,
                    fairEndsSentence: TextShape.endsSentence(result.fair),
                    penEndsSentence: TextShape.endsSentence(result.pen)
                ).bits
            return result
        }
        func facts(_ k: Int) -> LineFacts {
            if known[k] == 0 { _ = read(k) }
            return LineFacts(bits: known[k])
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
                standalone.append(k)
                readings.append((k, line))
                continue
            }
            // The pen's full stop counts even when a slip strikes it: `~~problems.` then `2. ECONOMY`.
            var opens = k == 0 || standalone.last == k - 1 || facts(k - 1).penEndsSentence
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
                standalone.append(k)
                readings.append((k, line))
            } else if ahead?.index == k {
                // Kept with its reading as a heading before the run-on test, which the answer builder makes again.
                ahead?.reading.heading = HeadingRead(underlined: underlined, opens: opens, match: unchecked)
            }
        }
        // The line after the last heading, when it is a segment of one line (the paragraph under a heading): its
        // scan and heading reading are kept, so that the block reader and the answer builder need not make them
        // again. Put in its place by line: a standalone line after it has its reading already.
        if let kept = ahead, !readings.contains(where: { $0.line == kept.index }),
            kept.index == 0 || contains(standalone, kept.index - 1),
            kept.index == lines.count - 1 || contains(standalone, kept.index + 1)
        {
            var at = readings.count
            while at > 0, readings[at - 1].line > kept.index { at -= 1 }
            readings.insert((kept.index, kept.reading), at: at)
        }
        return standalone
    }

    /// True when a sorted list of line indices holds `k` (a binary search).
    static func contains(_ sorted: [Int], _ k: Int) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < k { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == k
    }

    /// What the lines after a line ask of it: whether it leaves any fair copy and whether its fair copy
    /// and its pen text end a sentence.
    struct LineFacts {
        var fairIsEmpty: Bool
        var fairEndsSentence: Bool
        var penEndsSentence: Bool

        init(fairIsEmpty: Bool, fairEndsSentence: Bool, penEndsSentence: Bool) {
            self.fairIsEmpty = fairIsEmpty
            self.fairEndsSentence = fairEndsSentence
            self.penEndsSentence = penEndsSentence
        }

        /// The facts as bits, with bit 3 set so that a line read is never 0.
        var bits: UInt8 {
            8 | (fairIsEmpty ? 1 : 0) | (fairEndsSentence ? 2 : 0) | (penEndsSentence ? 4 : 0)
        }

        init(bits: UInt8) {
            fairIsEmpty = bits & 1 != 0
            fairEndsSentence = bits & 2 != 0
            penEndsSentence = bits & 4 != 0
        }
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

    /// The runs of lines to scan together, in order: each standalone line on its own, the lines between in one
    /// run. `standalone` is sorted. Walked as a sequence, with no list of the runs made and no closure (a closure
    /// that appends to the block checked each access to it at run time, line by line).
    struct Segments: Sequence, IteratorProtocol {
        let count: Int
        let standalone: [Int]
        private var start = 0
        private var index = 0
        /// The cut after the last standalone line taken, not yet made.
        private var pending: Int?

        init(count: Int, standalone: [Int]) {
            self.count = count
            self.standalone = standalone
        }

        mutating func next() -> Range<Int>? {
            while true {
                // The cuts come in order: before each standalone line k, then after it (k + 1).
                let cut: Int
                if let after = pending {
                    pending = nil
                    cut = after
                } else if index < standalone.count {
                    cut = standalone[index]
                    pending = cut + 1
                    index += 1
                } else {
                    guard start < count else { return nil }
                    defer { start = count }
                    return start..<count
                }
                if cut > start, cut < count {
                    defer { start = cut }
                    return start..<cut
                }
            }
        }
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
