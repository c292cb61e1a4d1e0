/// Role keywords found in an ASCII title without building its words: the words are cut as
/// `lowercaseWords` cuts them, but kept as spans of the title's bytes and compared in place.
/// A heading title is read for its role several times (its level, its section), so this runs once a
/// heading or more. Nil answers mean "not ASCII: ask the plain version".
enum ASCIIRoleWords {
    /// A keyword: its first word, its second word (empty for one word), its role.
    private struct Keyword {
        let first: [UInt8]
        let second: [UInt8]
        let role: SectionRole
    }

    /// `SectionRoles.keywords` as bytes, in the same order (the order decides among keywords at one start).
    private static let table: [Keyword] = SectionRoles.keywords.map { entry in
        Keyword(
            first: Array(entry.phrase[0].utf8), second: entry.phrase.count > 1 ? Array(entry.phrase[1].utf8) : [],
            role: entry.role)
    }

    /// The role of an ASCII title (`.some(nil)` when it names none), or nil when the title is not ASCII.
    static func role(for title: String) -> SectionRole?? {
        var text = title
        return text.withUTF8 { bytes -> SectionRole?? in
            guard isASCII(bytes) else { return nil }
            var previous: Range<Int>?
            var position = 0
            while let word = nextWord(bytes, from: &position) {
                if let earlier = previous, let role = keyword(at: earlier, then: word, in: bytes) {
                    return .some(role)
                }
                previous = word
            }
            if let last = previous, let role = keyword(at: last, then: nil, in: bytes) { return .some(role) }
            return .some(nil)
        }
    }

    /// True when an ASCII title is nothing but a role name, or nil when the title is not ASCII.
    static func isRoleName(_ title: String) -> Bool? {
        var text = title
        return text.withUTF8 { bytes -> Bool? in
            guard isASCII(bytes) else { return nil }
            var position = 0
            guard let first = nextWord(bytes, from: &position) else { return false }
            let second = nextWord(bytes, from: &position)
            if second != nil, nextWord(bytes, from: &position) != nil { return false }
            return table.contains { keyword in
                guard equal(bytes, first, keyword.first) else { return false }
                guard let second else { return keyword.second.isEmpty }
                return !keyword.second.isEmpty && equal(bytes, second, keyword.second)
            }
        }
    }

    /// The first keyword, in table order, that starts at `word` (its second word being `next`).
    private static func keyword(at word: Range<Int>, then next: Range<Int>?, in bytes: UnsafeBufferPointer<UInt8>)
        -> SectionRole?
    {
        for keyword in table where equal(bytes, word, keyword.first) {
            if keyword.second.isEmpty { return keyword.role }
            if let next, equal(bytes, next, keyword.second) { return keyword.role }
        }
        return nil
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b >= 0x80 { return false }
        return true
    }

    /// True when the title's bytes in `span`, lowercased, are `word` (which is lowercase).
    @inline(__always)
    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, _ word: [UInt8]) -> Bool {
        guard span.count == word.count else { return false }
        var k = 0
        for i in span {
            if lower(bytes[i]) != word[k] { return false }
            k += 1
        }
        return true
    }

    @inline(__always)
    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    @inline(__always)
    private static func isWord(_ b: UInt8) -> Bool {
        let c = lower(b)
        return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A)
    }

    @inline(__always)
    private static func isJoiner(_ b: UInt8) -> Bool { b == 0x2D || b == 0x27 }

    /// The next word at or after `position`, cut as `lowercaseWords` cuts ASCII text: letters and digits
    /// joined by `-` and `'`, a closing `'s` and trailing joiners dropped. Advances `position`.
    private static func nextWord(_ bytes: UnsafeBufferPointer<UInt8>, from position: inout Int) -> Range<Int>? {
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
