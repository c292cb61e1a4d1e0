extension InlineScanner.Pass {
    /// Reads one line's scalars, recognising markup tokens in the order the format defines.
    mutating func scanLine(_ line: SourceLine) {
        let s = line.scalars
        let n = s.count
        var i = 0
        func at(_ k: Int) -> SourcePosition { SourcePosition(line: line.number, column: k + 1) }
        func has(_ token: String, _ k: Int) -> Bool {
            var j = k
            for c in token.unicodeScalars {
                guard j < n, s[j] == c else { return false }
                j += 1
            }
            return true
        }
        let inComment = { (stack: [InlineScanner.Frame]) in stack.last?.kind == .comment }

        while i < n {
            // Outside any markup, a run of ASCII that holds no markup character is plain text: copy it
            // into the text run whole.
            if stack.isEmpty, s[i].value < 0x80, !InlineScanner.isMarkupByte(s[i].value) {
                if run.isEmpty { runStart = at(i) }
                var j = i
                while j < n, s[j].value < 0x80, !InlineScanner.isMarkupByte(s[j].value) {
                    run.append(UInt8(truncatingIfNeeded: s[j].value))
                    j += 1
                }
                i = j
                continue
            }
            let c = s[i]
            // Past the nesting limit an opener is literal text: no transcript nests that deep, and the
            // model's recursive walks must stay shallow whatever the input.
            let canOpen = stack.count < InlineScanner.maxDepth
            if inComment(stack) {
                if has("<<}", i) {
                    close(where: { $0 == .comment }, at: at(i))
                    i += 3
                } else {
                    addText(c, at: at(i))
                    i += 1
                }
                continue
            }
            switch c {
            case "\\":
                if i + 1 < n, "~^{}[]<>\\*".unicodeScalars.contains(s[i + 1]) {
                    flush()
                    addText(s[i + 1], at: at(i + 1))
                    flush()
                    i += 2
                    continue
                }
            case "{":
                guard canOpen else { break }
                if has("{~~", i) {
                    open(.substOld, at: at(i))
                    i += 3
                    continue
                }
                if has("{--", i) {
                    open(.criticDelete, at: at(i))
                    i += 3
                    continue
                }
                if has("{++", i) {
                    open(.criticInsert, at: at(i))
                    i += 3
                    continue
                }
                if has("{==", i) {
                    open(.highlight, at: at(i))
                    i += 3
                    continue
                }
                if has("{>>", i) {
                    open(.comment, at: at(i))
                    i += 3
                    continue
                }
            case "~":
                if has("~~}", i), stack.contains(where: { $0.kind == .substNew || $0.kind == .substOld }) {
                    close(where: { $0 == .substNew || $0 == .substOld }, at: at(i))
                    i += 3
                    continue
                }
                if has("~>", i), stack.last?.kind == .substOld {
                    close(where: { $0 == .substOld }, at: at(i))
                    open(.substNew, at: at(i))
                    i += 2
                    continue
                }
                if has("~~", i) {
                    if close(where: { $0 == .nativeStrike }, at: at(i)) {
                        i += 2
                        continue
                    }
                    if canOpen {
                        open(.nativeStrike, at: at(i))
                        i += 2
                        continue
                    }
                }
            case "^":
                if canOpen, has("^{", i) {
                    open(.nativeInsert, at: at(i))
                    i += 2
                    continue
                }
            case "}":
                if close(where: { $0 == .nativeInsert }, at: at(i)) {
                    i += 1
                    continue
                }
            case "-":
                if has("--}", i), close(where: { $0 == .criticDelete }, at: at(i)) {
                    i += 3
                    continue
                }
            case "+":
                if has("++}", i), close(where: { $0 == .criticInsert }, at: at(i)) {
                    i += 3
                    continue
                }
            case "=":
                if has("==}", i), close(where: { $0 == .highlight }, at: at(i)) {
                    i += 3
                    continue
                }
            case "<":
                if let (tag, closing, length) = tagAt(s, i) {
                    let kind: InlineScanner.FrameKind
                    switch tag {
                    case "del", "s", "strike": kind = .tagDelete(tag)
                    case "ins", "add": kind = .tagInsert(tag)
                    default: kind = .substTag
                    }
                    if closing {
                        if !close(where: { $0 == kind }, at: at(i)) {
                            for k in i..<(i + length) { addText(s[k], at: at(k)) }
                        }
                    } else if canOpen {
                        open(kind, at: at(i))
                    } else {
                        for k in i..<(i + length) { addText(s[k], at: at(k)) }
                    }
                    i += length
                    continue
                }
            case "[":
                if let end = bracketEnd(s, i), let length = bracket(s, i, end, line.number) {
                    i += length
                    continue
                }
            default:
                break
            }
            addText(c, at: at(i))
            i += 1
        }
    }

    /// Recognises `<del>`, `</del>`, `<s>`, `<strike>`, `<ins>`, `<add>`, `<subst>` (any case).
    func tagAt(_ s: [Unicode.Scalar], _ i: Int) -> (String, Bool, Int)? {
        var j = i + 1
        var closing = false
        if j < s.count, s[j] == "/" {
            closing = true
            j += 1
        }
        var name = ""
        while j < s.count, s[j].isAlphabeticScalar, name.unicodeScalars.count < 7 {
            name.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: s[j].value | 0x20)))
            j += 1
        }
        guard j < s.count, s[j] == ">" else { return nil }
        guard ["del", "s", "strike", "ins", "add", "subst"].contains(name) else { return nil }
        return (name, closing, j + 1 - i)
    }

    /// The index of the `]` that closes the bracket at `i`, on the same line.
    func bracketEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        var j = i + 1
        while j < s.count {
            if s[j] == "]" { return j }
            if s[j] == "[" { return nil }
            j += 1
        }
        return nil
    }

    /// Handles `[illegible]`, `[?guess?]` and `[kind: caption]`; returns the length consumed, or nil for literal text.
    mutating func bracket(_ s: [Unicode.Scalar], _ i: Int, _ end: Int, _ line: Int) -> Int? {
        let body = String(scalars: s[(i + 1)..<end])
        let position = SourcePosition(line: line, column: i + 1)
        if body.lowercased() == "illegible" {
            addAtom(.illegible(at: position), text: "…")
            return end + 1 - i
        }
        if body.count >= 2, body.hasPrefix("?"), body.hasSuffix("?") {
            let guess = String(body.dropFirst().dropLast()).trimmingSpace()
            addAtom(.guess(guess, at: position), text: guess)
            return end + 1 - i
        }
        if let colon = body.firstIndex(of: ":") {
            let kind = body[..<colon].trimmingSpace().lowercased()
            if InlineScanner.visualKinds.contains(kind) {
                let caption = body[body.index(after: colon)...].trimmingSpace()
                addAtom(.visual(kind: kind, caption: caption, at: position), text: "")
                visuals.append(Visual(kind: kind, caption: caption, position: position))
                return end + 1 - i
            }
        }
        return nil
    }
}

extension StringProtocol {
    /// The string without leading and trailing transcript white space (no copy of the scalars).
    func trimmingSpace() -> String {
        // Nothing to trim when both ends are visible ASCII: no scalars need looking at.
        let view = unicodeScalars
        if let first = view.first, let last = view.last, first.value > 0x20, first.value < 0x7F, last.value > 0x20,
            last.value < 0x7F
        {
            return String(self)
        }
        var a = view.startIndex
        var b = view.endIndex
        while a < b, view[a].isTranscriptSpace { a = view.index(after: a) }
        while b > a {
            let p = view.index(before: b)
            guard view[p].isTranscriptSpace else { break }
            b = p
        }
        return String(self[a..<b])
    }
}

/// Collapses runs of white space to one space and trims the ends, in one pass over the UTF-8 bytes.
func tidy(_ text: String) -> String {
    var utf8 = Array(text.utf8)
    return String(decoding: tidyBytes(&utf8), as: UTF8.self)
}

/// The white-space tidy over UTF-8 bytes: ASCII is judged byte by byte; only multi-byte sequences
/// are decoded, to recognise no-break and other Unicode spaces.
func tidyBytes(_ bytes: inout [UInt8]) -> ArraySlice<UInt8> {
    var out = 0
    var pendingSpace = false
    var i = 0
    let n = bytes.count
    while i < n {
        let b = bytes[i]
        var length = 1
        var space: Bool
        if b < 0x80 {
            space = b <= 0x20 || b == 0x7F
        } else {
            length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            if i + length > n { length = n - i }
            space = false
            if length >= 2 {
                var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                space = Unicode.Scalar(value)?.isTranscriptSpace ?? false
            }
        }
        if space {
            pendingSpace = out > 0
        } else {
            if pendingSpace {
                bytes[out] = 0x20
                out += 1
                pendingSpace = false
            }
            for k in 0..<length {
                bytes[out] = bytes[i + k]
                out += 1
            }
        }
        i += length
    }
    return bytes[0..<out]
}

extension InlineScanner {
    /// The ASCII characters that can start or end markup: `\ { } ~ ^ - + = < [`. Bits 0–63 and 64–127.
    private static let markupLow: UInt64 = (1 << 0x2B) | (1 << 0x2D) | (1 << 0x3C) | (1 << 0x3D)
    private static let markupHigh: UInt64 =
        (1 << (0x5B - 64)) | (1 << (0x5C - 64)) | (1 << (0x5E - 64)) | (1 << (0x7B - 64)) | (1 << (0x7D - 64))
        | (1 << (0x7E - 64))

    /// True for an ASCII value that the line scanner must look at: everything else is plain text.
    @inline(__always)
    static func isMarkupByte(_ v: UInt32) -> Bool {
        v < 64 ? markupLow & (1 << UInt64(v)) != 0 : markupHigh & (1 << UInt64(v - 64)) != 0
    }
}
