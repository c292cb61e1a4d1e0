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
            while let word = ASCIIWords.next(bytes, from: &position) {
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
            guard let first = ASCIIWords.next(bytes, from: &position) else { return false }
            let second = ASCIIWords.next(bytes, from: &position)
            if second != nil, ASCIIWords.next(bytes, from: &position) != nil { return false }
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
            if ASCIIWords.lower(bytes[i]) != word[k] { return false }
            k += 1
        }
        return true
    }
}
