/// Gives each heading its level from its numbering and the stack of numbering styles already
/// open, and reports numbering slips (skipped, out of order, under the wrong parent) as facts.
struct NumberingTracker {
    struct Entry {
        var style: NumberingStyle
        /// The level of this style's first component.
        var level: Int
        /// The last components seen at each depth (decimal) or the last value (others).
        var last: [Int]
    }

    var stack: [Entry] = []
    var lastNumberedLevel = 0

    /// The level of a heading, the numbering reading chosen, and any slips.
    mutating func place(_ match: HeadingRecognizer.Match, at position: SourcePosition) -> (Int, Numbering?, [Diagnostic]) {
        guard var numbering = match.numbering else {
            if let hashes = match.hashes {
                stack.removeAll { $0.level >= hashes }
                return (hashes, nil, [])
            }
            stack.removeAll()
            lastNumberedLevel = 0
            return (1, nil, [])
        }
        if let letter = match.letterAlternative, prefersLetter(letter, over: numbering) { numbering = letter }
        var diagnostics: [Diagnostic] = []
        let c = numbering.components
        let level: Int
        if let e = stack.lastIndex(where: { $0.style == numbering.style }) {
            stack.removeSubrange((e + 1)...)
            level = stack[e].level + c.count - 1
            diagnostics = check(numbering, previous: stack[e].last, at: position)
            stack[e].last = c
        } else {
            let base = stack.isEmpty ? (match.hashes ?? 1) : lastNumberedLevel + 1
            level = base + c.count - 1
            stack.append(Entry(style: numbering.style, level: base, last: c))
        }
        lastNumberedLevel = level
        return (level, numbering, diagnostics)
    }

    /// `(i)` after `(h)` is a letter, not a Roman one.
    private func prefersLetter(_ letter: Numbering, over roman: Numbering) -> Bool {
        let romanOpen = stack.last(where: { $0.style == roman.style })
        if let letters = stack.last(where: { $0.style == letter.style }) {
            if letters.last.first.map({ $0 + 1 == letter.components[0] }) == true { return true }
            if romanOpen == nil { return roman.components[0] != 1 }
        }
        return false
    }

    private func check(_ numbering: Numbering, previous: [Int], at position: SourcePosition) -> [Diagnostic] {
        let c = numbering.components
        let depth = c.count
        // Compare with the previous heading of this style at the same depth under the same parent.
        var expectedLast = 1
        if previous.count >= depth {
            if Array(previous.prefix(depth - 1)) == Array(c.prefix(depth - 1)) {
                expectedLast = previous[depth - 1] + 1
            } else if depth > 1 {
                let parent = Array(previous.prefix(depth - 1))
                if parent != Array(c.prefix(depth - 1)) {
                    return [Diagnostic(rule: "numbering-mismatch", severity: .warning, position: position,
                                       message: "heading \(numbering.label) stands under \(label(parent, numbering.style)), not under \(label(Array(c.prefix(depth - 1)), numbering.style))")]
                }
            }
        } else if previous.count == depth - 1 {
            if Array(previous) != Array(c.prefix(depth - 1)) {
                return [Diagnostic(rule: "numbering-mismatch", severity: .warning, position: position,
                                   message: "heading \(numbering.label) stands under \(label(previous, numbering.style)), not under \(label(Array(c.prefix(depth - 1)), numbering.style))")]
            }
            expectedLast = 1
        } else {
            return []
        }
        let value = c[depth - 1]
        if value > expectedLast {
            let missing = (expectedLast..<value).prefix(3).map { label(Array(c.prefix(depth - 1)) + [$0], numbering.style) }
            let more = value - expectedLast > 3 ? " and more" : ""
            return [Diagnostic(rule: "numbering-skipped", severity: .warning, position: position,
                               message: "heading \(numbering.label) skips \(missing.joined(separator: ", "))\(more)")]
        }
        if value < expectedLast {
            let previousLabel = label(Array(previous.prefix(depth)), numbering.style)
            return [Diagnostic(rule: "numbering-out-of-order", severity: .warning, position: position,
                               message: "heading \(numbering.label) comes after \(previousLabel)")]
        }
        return []
    }

    private func label(_ components: [Int], _ style: NumberingStyle) -> String {
        switch style {
        case .decimal: return components.map(String.init).joined(separator: ".")
        case .upperRoman: return HeadingRecognizer.toRoman(components.last ?? 1).uppercased()
        case .lowerRoman: return HeadingRecognizer.toRoman(components.last ?? 1)
        case .upperLetter: return String(UnicodeScalar(UInt8(64 + min(max(components.last ?? 1, 1), 26))))
        case .lowerLetter: return String(UnicodeScalar(UInt8(96 + min(max(components.last ?? 1, 1), 26))))
        }
    }
}
