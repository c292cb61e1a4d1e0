/// Finds where a block's paragraphs begin before its markup is paired, so that an opener looks for
/// its closer only inside its own paragraph: a `~~` left open above a heading never strikes the heading.
///
/// Each line is first read on its own. A line whose own markup is balanced and that reads as a
/// heading, a bullet point or a drawn visual stands alone; the lines between such lines are scanned
/// together, so a cutting still runs over a line end inside one paragraph.
enum ParagraphSplitter {
    /// The indices of the lines of a block that stand alone.
    static func standaloneLines(_ lines: [SourceLine]) -> Set<Int> {
        var standalone = Set<Int>()
        var fair: [String] = []
        var pen: [String] = []
        for (k, line) in lines.enumerated() {
            let scanned = InlineScanner.scan([line])
            let inlines = scanned.lines.first ?? []
            fair.append(FairCopyWriter.text(of: inlines))
            pen.append(penText(inlines))
            // A line with a slip of its own may be the end of a span opened above it: leave it to the block.
            guard scanned.diagnostics.isEmpty else { continue }
            if visuals(in: inlines) != nil || Bullet.length(fair[k]) != nil {
                standalone.insert(k)
                continue
            }
            // The pen's full stop counts even when a slip strikes it: `~~problems.` then `2. ECONOMY`.
            let opens = k == 0 || standalone.contains(k - 1) || TextShape.endsSentence(pen[k - 1])
                || previousEndsSentence(fair, before: k, from: 0)
            if HeadingRecognizer.match(fair[k], underlined: isUnderlined(inlines), opensBlock: opens,
                                       roleWords: SectionRoles.isRoleName) != nil {
                standalone.insert(k)
            }
        }
        return standalone
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

    /// True when the nearest line before `k` (from `first` on) that leaves any fair copy ends a sentence,
    /// or when there is none: a wholly struck line leaves nothing for the next line to continue.
    static func previousEndsSentence(_ fair: [String], before k: Int, from first: Int) -> Bool {
        var j = k - 1
        while j >= first, fair[j].isEmpty { j -= 1 }
        return j < first || TextShape.endsSentence(fair[j])
    }

    /// The visuals of a line that holds nothing else, or nil.
    static func visuals(in inlines: [Inline]) -> [Visual]? {
        var found: [Visual] = []
        for inline in inlines {
            switch inline {
            case .visual(let kind, let caption, let at): found.append(Visual(kind: kind, caption: caption, position: at))
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
            case .highlighted: if sawHighlight { return false }; sawHighlight = true
            case .text(let s, _) where s.unicodeScalars.allSatisfy({ $0.isTranscriptSpace || $0 == ":" || $0 == "#" }): continue
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
            case .struck(let children, _), .inserted(let children, _), .highlighted(let children, _): out += penText(children)
            case .guess(let g, _): out += g
            default: out += " "
            }
        }
        return out
    }
}
