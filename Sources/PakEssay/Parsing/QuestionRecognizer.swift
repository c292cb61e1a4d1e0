/// Recognises question lines: `Q. …`, `Q: …`, `Q1. …`, `Q.2 …`, `Q 3) …`, `Q. No. 4 …`,
/// `Question 5: …`, `Question No. 6 …` (any case).
enum QuestionRecognizer {
    struct Match {
        var label: String
        var number: Int?
        var text: String
    }

    static func match(_ line: String) -> Match? {
        // Every question line starts with a Q after any white space, `*` or `#`: look at the bytes first.
        for b in line.utf8 {
            if b == 0x20 || b == 0x09 || b == UInt8(ascii: "*") || b == UInt8(ascii: "#") { continue }
            if b == UInt8(ascii: "q") || b == UInt8(ascii: "Q") || b >= 0x7F || b < 0x20 { break }
            return nil
        }
        let s = Array(line.unicodeScalars)
        var i = 0
        while i < s.count, s[i].isTranscriptSpace || s[i] == "*" || s[i] == "#" { i += 1 }
        let start = i
        func lower(_ k: Int) -> Unicode.Scalar? {
            k < s.count ? Unicode.Scalar(s[k].value | (s[k].value < 0x80 ? 0x20 : 0)) : nil
        }
        func skipSpace() { while i < s.count, s[i].isTranscriptSpace { i += 1 } }
        guard lower(i) == "q" else { return nil }
        var long = false
        let word = Array("question".unicodeScalars)
        if s.count - i >= 8, (0..<8).allSatisfy({ lower(i + $0) == word[$0] }) {
            long = true
            i += 8
        } else {
            i += 1
        }
        // After the Q: optional punctuation, optional "No.", optional number, then a delimiter.
        var sawPunct = false
        if i < s.count, s[i] == "." || s[i] == ":" {
            sawPunct = true
            i += 1
        }
        skipSpace()
        if lower(i) == "n", lower(i + 1) == "o", i + 2 < s.count,
            s[i + 2] == "." || s[i + 2] == ":" || s[i + 2].isTranscriptSpace
        {
            i += 3
            skipSpace()
        }
        var number: Int?
        var digits = 0
        while i < s.count, let d = s[i].properties.numericType != nil && s[i].value < 0x80 ? Int(s[i].value) - 48 : nil,
            digits < 4
        {
            number = (number ?? 0) * 10 + d
            digits += 1
            i += 1
        }
        var sawDelimiter = false
        if i < s.count, s[i] == "." || s[i] == ":" || s[i] == ")" || s[i] == "-" || s[i] == "–" {
            sawDelimiter = true
            i += 1
        }
        if i < s.count, !s[i].isTranscriptSpace, !(sawDelimiter || sawPunct || number != nil) { return nil }
        if !long && !sawPunct && number == nil { return nil }
        if long && number == nil && !sawDelimiter && !sawPunct { return nil }
        if i < s.count, s[i].isAlphabeticScalar, !(sawDelimiter || sawPunct) { return nil }
        let labelEnd = i
        skipSpace()
        let text = String(scalars: s[i...]).trimmingSpace()
        guard text.unicodeScalars.contains(where: \.isAlphabeticScalar) else { return nil }
        return Match(label: String(scalars: s[start..<labelEnd]).trimmingSpace(), number: number, text: text)
    }
}

/// Finds the directive words of a question: what it asks the candidate to do.
public enum DirectiveFinder {
    /// Phrases as written (lowercase) and the directive each names.
    static let phrases: [(words: [String], directive: String)] = [
        (["critically", "analyse"], "critically analyse"), (["critically", "analyze"], "critically analyse"),
        (["critically", "evaluate"], "critically evaluate"), (["critically", "examine"], "critically examine"),
        (["critically", "assess"], "critically assess"), (["critically", "discuss"], "critically discuss"),
        (["critically", "comment"], "critically comment"), (["critically", "appraise"], "critically evaluate"),
        (["to", "what", "extent"], "to what extent"), (["how", "far"], "to what extent"),
        (["analyse"], "analyse"), (["analyze"], "analyse"), (["discuss"], "discuss"), (["evaluate"], "evaluate"),
        (["assess"], "assess"), (["examine"], "examine"), (["elucidate"], "elucidate"), (["explain"], "explain"),
        (["comment"], "comment"), (["compare"], "compare"), (["contrast"], "contrast"), (["enumerate"], "enumerate"),
        (["illustrate"], "illustrate"), (["justify"], "justify"), (["describe"], "describe"),
        (["highlight"], "highlight"), (["propose"], "propose"), (["suggest"], "suggest"),
        (["shed", "light"], "highlight"), (["trace"], "describe"), (["outline"], "enumerate"),
    ]

    /// Every directive in the question, in order of first appearance, each once.
    public static func directives(in question: String) -> [String] {
        let words = lowercaseWords(question)
        var found: [String] = []
        var i = 0
        while i < words.count {
            var matched = false
            for (phrase, directive) in phrases where i + phrase.count <= words.count && words[i] == phrase[0] {
                if words[i..<(i + phrase.count)].elementsEqual(phrase) {
                    if !found.contains(directive) { found.append(directive) }
                    i += phrase.count
                    matched = true
                    break
                }
            }
            if !matched { i += 1 }
        }
        return found
    }
}

/// The text's words in lowercase, split at anything that is not a letter, digit or inner apostrophe or
/// hyphen; a trailing possessive `'s` is dropped. Words are cut from the lowercased text, not rebuilt.
func lowercaseWords(_ text: String) -> [String] {
    if let words = asciiLowercaseWords(text) { return words }
    let lower = text.lowercased()
    let view = lower.unicodeScalars
    var words: [String] = []
    var i = view.startIndex
    while i < view.endIndex {
        while i < view.endIndex, !view[i].isWordScalar { i = view.index(after: i) }
        guard i < view.endIndex else { break }
        var j = i
        var end = i
        while j < view.endIndex {
            let c = view[j]
            if c.isWordScalar {
                j = view.index(after: j)
                end = j
            } else if c == "-" || c == "'" || c == "’" {
                j = view.index(after: j)
            } else {
                break
            }
        }
        var word = Substring(view[i..<end])
        if word.count > 2, word.hasSuffix("'s") || word.hasSuffix("’s") { word = word.dropLast(2) }
        while let last = word.last, last == "-" || last == "'" || last == "’" { word = word.dropLast() }
        if !word.isEmpty { words.append(String(word)) }
        i = j
    }
    return words
}

/// `lowercaseWords` for plain ASCII text, on its bytes; nil when the text is not plain ASCII. Each byte is
/// lowercased as it is read and each word written straight into its string: no lowercase copy of the text.
private func asciiLowercaseWords(_ text: String) -> [String]? {
    var text = text
    return text.withUTF8 { bytes -> [String]? in
        for b in bytes where b >= 0x80 { return nil }
        var words: [String] = []
        var position = 0
        while let word = ASCIIWords.next(bytes, from: &position) {
            words.append(
                String(unsafeUninitializedCapacity: word.count) { buffer in
                    for k in word { buffer[k - word.lowerBound] = ASCIIWords.lower(bytes[k]) }
                    return word.count
                })
        }
        return words
    }
}

/// Words of plain ASCII text cut on its bytes, as `lowercaseWords` cuts them.
enum ASCIIWords {
    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    @inline(__always)
    static func isWord(_ b: UInt8) -> Bool {
        let c = lower(b)
        return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A)
    }

    @inline(__always)
    static func isJoiner(_ b: UInt8) -> Bool { b == 0x2D || b == 0x27 }

    /// The next word at or after `position`, cut as `lowercaseWords` cuts ASCII text: letters and digits
    /// joined by `-` and `'`, a closing `'s` and trailing joiners dropped. Advances `position`.
    static func next(_ bytes: UnsafeBufferPointer<UInt8>, from position: inout Int) -> Range<Int>? {
        let n = bytes.count
        var i = position
        while i < n {
            while i < n, !isWord(bytes[i]) { i += 1 }
            guard i < n else { break }
            var j = i
            var end = i
            while j < n {
                if isWord(bytes[j]) {
                    j += 1
                    end = j
                } else if isJoiner(bytes[j]) {
                    j += 1
                } else {
                    break
                }
            }
            var stop = end
            if stop - i > 2, bytes[stop - 2] == 0x27, lower(bytes[stop - 1]) == 0x73 { stop -= 2 }
            while stop > i, isJoiner(bytes[stop - 1]) { stop -= 1 }
            if stop > i {
                position = j
                return i..<stop
            }
            i = j
        }
        position = n
        return nil
    }
}
