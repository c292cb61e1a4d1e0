/// Gives each heading its level from its numbering and the stack of numbering styles already
/// open, and reports numbering slips (skipped, out of order, under the wrong parent) as facts.
struct NumberingTracker {
    struct Entry {
        var style: NumberingStyle
        /// The level of this style's first component.
        var level: Int
        /// The last components seen at each depth (decimal) or the last value (others).
        var last: [Int]
        /// True when the last heading in this style names the introduction or the conclusion.
        var frame = false
    }

    /// True once a change of numbering style among peers has been reported (it is one fault an answer).
    var reportedMixed = false

    var stack: [Entry] = []
    var lastNumberedLevel = 0
    /// The level of the unnumbered heading just placed, when numbered points that start at 1 go under it.
    var heldBy: Int?
    /// The `#` depth of the answer's main headings: a `#` line at this depth is level 1.
    var markdownBase = 1

    init(markdownBase: Int = 1) { self.markdownBase = markdownBase }

    /// The `#` depth of an answer's main headings: the shallowest `#` heading that is not an introduction or
    /// conclusion (writers often give those one `#` fewer), or the shallowest of all, or 1 without any.
    static func markdownBase(_ units: [Unit]) -> Int {
        var main: Int?
        var any: Int?
        for case .heading(let match, _) in units {
            guard let hashes = match.hashes else { continue }
            any = min(any ?? hashes, hashes)
            if !isFrame(match.title) { main = min(main ?? hashes, hashes) }
        }
        return main ?? any ?? 1
    }

    /// True when a title names the introduction or the conclusion: a sibling of the main headings
    /// whatever its depth.
    static func isFrame(_ title: String) -> Bool {
        let role = SectionRoles.role(for: title)
        return role == .introduction || role == .conclusion
    }

    /// A `#` depth as a level, relative to the main headings' depth.
    func level(hashes: Int) -> Int { max(1, hashes - markdownBase + 1) }

    /// The level of the last numbered, capital, underlined or `#` heading that may hold `Title:` headings
    /// (not an introduction or conclusion), or nil.
    var phraseParent: Int?
    /// True while the numbered points under a main `Title:` heading are being placed.
    var heldByPhrase = false

    /// The level of a heading, the numbering reading chosen, and any slips. `frame` says whether the title
    /// names the introduction or the conclusion (`isFrame`), when the caller has read it already.
    mutating func place(_ match: HeadingRecognizer.Match, at position: SourcePosition, frame: Bool? = nil) -> (
        Int, Numbering?, [Diagnostic]
    ) {
        // The title's role read once a heading, not at each test below.
        let frame = frame ?? Self.isFrame(match.title)
        // A mixed-case `Title:` heading stands one level under the last heading of a stronger form, else at 1.
        if match.form == .phrase {
            // A main `Title:` heading, like one in capitals, holds the numbered points that start at 1 after it.
            if phraseParent == nil, stack.isEmpty, !frame {
                heldBy = 1
                heldByPhrase = true
            }
            return ((phraseParent ?? 0) + 1, nil, [])
        }
        let placed = placeStrong(match, at: position, frame: frame)
        // Numbered points held by a main `Title:` heading leave the next `Title:` heading its peer.
        if heldByPhrase, match.numbering != nil, placed.0 > 1 { return placed }
        heldByPhrase = false
        phraseParent = match.form == .roleName || frame ? nil : placed.0
        return placed
    }

    private mutating func placeStrong(_ match: HeadingRecognizer.Match, at position: SourcePosition, frame: Bool) -> (
        Int, Numbering?, [Diagnostic]
    ) {
        guard var numbering = match.numbering else {
            if let hashes = match.hashes {
                let level = frame ? 1 : self.level(hashes: hashes)
                stack.removeAll { $0.level >= level }
                return (level, nil, [])
            }
            stack.removeAll()
            lastNumberedLevel = 0
            // An unnumbered heading in capitals ("HOW IMF PROGRAMMES HAVE HARMED PAKISTAN") holds the
            // numbered points that follow it ("1. Inflation", "2. High Interest Rate").
            let holds = match.form != .roleName && !frame
            heldBy = holds ? 1 : nil
            return (1, nil, [])
        }
        defer { heldBy = nil }
        if let letter = match.letterAlternative, prefersLetter(letter, over: numbering) { numbering = letter }
        var diagnostics: [Diagnostic] = []
        let c = numbering.components
        let level: Int
        if let e = stack.lastIndex(where: { $0.style == numbering.style }) {
            stack.removeSubrange((e + 1)...)
            level = stack[e].level + c.count - 1
            diagnostics = check(numbering, previous: stack[e].last, at: position)
            stack[e].last = c
            stack[e].frame = frame
        } else if let peer = peerLevel(numbering, frame: frame) {
            // A new style that carries on where the open one left off is a peer written in another style.
            level = stack[peer].level + c.count - 1
            stack.removeSubrange((peer + 1)...)
            stack[peer] = Entry(
                style: numbering.style, level: stack[peer].level, last: c, frame: frame)
            if !reportedMixed {
                reportedMixed = true
                diagnostics.append(
                    Diagnostic(
                        rule: "numbering-mixed", severity: .warning, position: position,
                        message:
                            "heading \(numbering.label) is numbered in a different style from the headings before it"))
            }
        } else {
            let opening =
                (match.hashes.map { self.level(hashes: $0) } ?? 1)
                + (heldBy != nil && c.first == 1 && match.hashes == nil ? 1 : 0)
            let base = stack.isEmpty ? opening : lastNumberedLevel + 1
            level = base + c.count - 1
            stack.append(Entry(style: numbering.style, level: base, last: c, frame: frame))
        }
        lastNumberedLevel = level
        return (level, numbering, diagnostics)
    }

    /// The stack index of the open heading a heading in a style not yet open stands beside, or nil when it
    /// opens a level below: it starts past 1 (`2.` after `I.`: beside the level whose count it carries on), it
    /// is in a main style (decimal, capital Roman or letter) under an introduction or conclusion, which never
    /// holds the body, or it names the introduction or conclusion itself in a main style (`I. Conclusion` after
    /// `4. Way forward`), which is a main heading.
    private func peerLevel(_ numbering: Numbering, frame: Bool) -> Int? {
        guard let last = stack.indices.last, let first = numbering.components.first else { return nil }
        if first != 1 { return carriedOn(numbering) ?? last }
        let main = Self.isMain(numbering.style)
        if main, frame { return stack.indices.first }
        return main && stack[last].frame ? last : nil
    }

    /// True for the styles main headings are numbered in: decimal, capital Roman numerals and capital letters.
    static func isMain(_ style: NumberingStyle) -> Bool {
        style == .decimal || style == .upperRoman || style == .upperLetter
    }

    /// The open level whose count a heading in a new style carries on (`C.` after `2.` is the third of its
    /// level): for a main style, the innermost open level in a main style that it carries on (`C. Effects`
    /// after `2. Causes` and its `(b)` stands beside `2.`); else the innermost open level that it carries on.
    private func carriedOn(_ numbering: Numbering) -> Int? {
        guard numbering.components.count == 1, let value = numbering.components.first else { return nil }
        let carried = stack.indices.filter { stack[$0].last.first.map { $0 + 1 == value } == true }
        if Self.isMain(numbering.style), let main = carried.last(where: { Self.isMain(stack[$0].style) }) {
            return main
        }
        return carried.last
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
                    return [
                        Diagnostic(
                            rule: "numbering-mismatch", severity: .warning, position: position,
                            message:
                                """
                                heading \(numbering.label) stands under \(label(parent, numbering.style)), not \
                                under \(label(Array(c.prefix(depth - 1)), numbering.style))
                                """
                        )
                    ]
                }
            }
        } else if previous.count == depth - 1 {
            if Array(previous) != Array(c.prefix(depth - 1)) {
                return [
                    Diagnostic(
                        rule: "numbering-mismatch", severity: .warning, position: position,
                        message:
                            """
                            heading \(numbering.label) stands under \(label(previous, numbering.style)), not \
                            under \(label(Array(c.prefix(depth - 1)), numbering.style))
                            """
                    )
                ]
            }
            expectedLast = 1
        } else {
            return []
        }
        let value = c[depth - 1]
        if value > expectedLast {
            let missing = (expectedLast..<value).prefix(3).map {
                label(Array(c.prefix(depth - 1)) + [$0], numbering.style)
            }
            let more = value - expectedLast > 3 ? " and more" : ""
            return [
                Diagnostic(
                    rule: "numbering-skipped", severity: .warning, position: position,
                    message: "heading \(numbering.label) skips \(missing.joined(separator: ", "))\(more)")
            ]
        }
        if value < expectedLast {
            let previousLabel = label(Array(previous.prefix(depth)), numbering.style)
            return [
                Diagnostic(
                    rule: "numbering-out-of-order", severity: .warning, position: position,
                    message: "heading \(numbering.label) comes after \(previousLabel)")
            ]
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
