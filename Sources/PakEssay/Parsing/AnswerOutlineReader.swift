/// Reads the outline block that may open an answer before its introduction: a line `OUTLINE:`,
/// `Outline` or `Outline of the answer` (any case, underlined or a `#` line) and the short lines
/// under it, numbered or not, bullets or not. Its lines are outline points, not headings, and the
/// block is not a section.
///
/// The block ends at the first unit that is not a short line; at a point that names the conclusion
/// (outlines end with it); or, after a blank line, at a line that repeats an earlier point (the body's
/// first heading, `1. Introduction` again) or that a paragraph follows (a heading of the body).
enum AnswerOutlineReader {
    /// The most words an outline point may have.
    static let maxWords = 15
    /// The most points read; lines after them are left to the body.
    static let maxItems = 40

    /// One candidate point: its text, content, line and the unit it came from.
    private struct Candidate {
        var text: String
        var content: [Inline]
        var line: ScannedLine
        var unit: Int
        var firstLine: Int
        var lastLine: Int
    }

    /// The outline points and the units left for the body, or nil when the answer opens otherwise.
    static func read(_ units: [Unit]) -> (items: [OutlineItem], rest: [Unit])? {
        guard let start = units.firstIndex(where: { if case .pageMarker = $0 { false } else { true } }) else {
            return nil
        }
        var pending: [Candidate] = []
        switch units[start] {
        case .heading(let match, _):
            guard isOutlineTitle(match.title) else { return nil }
        case .paragraph(let p):
            guard !p.isBullet, isOutlineTitle(p.lines[0].fair) else { return nil }
            let lines = p.lines.dropFirst()
            guard lines.allSatisfy(isShortLine) else { return nil }
            pending = lines.map {
                Candidate(
                    text: $0.fair, content: $0.inlines, line: $0, unit: start,
                    firstLine: $0.line.number, lastLine: $0.line.number)
            }
        default:
            return nil
        }
        let (taken, next) = take(units, after: start, pending: pending)
        guard taken.count >= 2 else { return nil }
        let items = taken.map { OutlineItem(text: $0.text, position: position($0), content: $0.content) }
        return (items, Array(units[..<start]) + Array(units[next...]))
    }

    /// True when a line's fair copy names an outline: `OUTLINE:`, `Outline`, `Outline of the answer`.
    static func isOutlineTitle(_ text: String) -> Bool {
        let words = lowercaseWords(text)
        guard words.first == "outline", words.count <= 5 else { return false }
        // The label alone on its line, not a sentence that starts with the word.
        return !TextShape.endsWithFullStop(text)
    }

    /// Takes candidates from the units after the title; returns them and the index of the first unit left.
    private static func take(_ units: [Unit], after start: Int, pending: [Candidate]) -> ([Candidate], Int) {
        var taken = pending
        var k = start + 1
        if taken.contains(where: closesOutline) { return (taken, k) }
        while k < units.count, taken.count < maxItems {
            if case .pageMarker = units[k] {
                k += 1
                continue
            }
            guard let found = candidates(units[k], unit: k), let first = found.first else { break }
            if let previous = taken.last, first.firstLine > previous.lastLine + 1,
                !found.contains(where: closesOutline),
                repeats(first, taken) || paragraphFollows(units, after: k)
            {
                break
            }
            taken += found
            k += 1
            if found.contains(where: closesOutline) { break }
        }
        return (taken, k)
    }

    /// The points a unit offers: a heading's title, a bullet, or the lines of a paragraph of short lines.
    private static func candidates(_ unit: Unit, unit index: Int) -> [Candidate]? {
        switch unit {
        case .heading(let match, let line):
            guard countWords(match.title) <= maxWords else { return nil }
            let written =
                match.hashes == nil
                ? line.fair.trimmingSpace() : (match.numbering.map { $0.label + ". " } ?? "") + match.title
            let text = TextShape.strippingTrailingColon(written)
            return [
                Candidate(
                    text: text, content: line.inlines, line: line, unit: index, firstLine: line.line.number,
                    lastLine: line.line.number)
            ]
        case .paragraph(let p):
            if p.isBullet {
                guard countWords(p.fair) <= maxWords else { return nil }
                return [
                    Candidate(
                        text: p.fair, content: p.content, line: p.lines[0], unit: index,
                        firstLine: p.lines[0].line.number, lastLine: p.lastLine)
                ]
            }
            guard p.pageBreaks == 0, p.lines.allSatisfy(isShortLine) else { return nil }
            return p.lines.map {
                Candidate(
                    text: $0.fair, content: $0.inlines, line: $0, unit: index, firstLine: $0.line.number,
                    lastLine: $0.line.number)
            }
        default:
            return nil
        }
    }

    /// A line short enough to be a point, starting with a capital, a digit or a bullet's text.
    private static func isShortLine(_ line: ScannedLine) -> Bool {
        line.words <= maxWords && !line.fair.hasSuffix(",") && TextShape.startsCapitalOrDigit(line.fair)
    }

    /// True when a point names the conclusion: the outline ends with it.
    private static func closesOutline(_ candidate: Candidate) -> Bool {
        SectionRoles.role(for: candidate.text) == .conclusion
    }

    /// True when a point repeats the title of one already taken (the body's first heading).
    private static func repeats(_ candidate: Candidate, _ taken: [Candidate]) -> Bool {
        let key = titleKey(candidate.text)
        return !key.isEmpty && taken.contains { titleKey($0.text) == key }
    }

    /// A point's words without its numbering, for comparing two points.
    private static func titleKey(_ text: String) -> [String] {
        let (_, _, rest) = HeadingRecognizer.readNumbering(Array(text.unicodeScalars))
        return lowercaseWords(String(scalars: rest))
    }

    /// True when the unit after `k` (past page markers) is a paragraph too long to be a point.
    private static func paragraphFollows(_ units: [Unit], after k: Int) -> Bool {
        var j = k + 1
        while j < units.count {
            switch units[j] {
            case .pageMarker: j += 1
            case .paragraph(let p): return !p.isBullet && !p.lines.allSatisfy(isShortLine)
            default: return false
            }
        }
        return false
    }

    private static func position(_ candidate: Candidate) -> SourcePosition {
        candidate.line.position
    }
}
