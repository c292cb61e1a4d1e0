extension String {
    /// True when `other` occurs in the text, as whole characters. Without Foundation, `contains` on two
    /// strings is the string-processing library's generic search, character by character, which made
    /// a rule that looks its question's words up twice as slow (docs/performance.md, "Issue 17, step 5").
    /// When both are ASCII and `other` holds no line break, characters are bytes (the one ASCII character
    /// of two bytes is CR LF), so the bytes are searched; anything else takes the generic search.
    func contains(_ other: String) -> Bool {
        if let found = asciiContains(other) { return found }
        return firstRange(of: other) != nil
    }

    /// The byte search, or nil when it would not answer as the search by characters does.
    func asciiContains(_ other: String) -> Bool? {
        let result = utf8.withContiguousStorageIfAvailable { text in
            other.utf8.withContiguousStorageIfAvailable { needle -> Bool? in
                Self.search(text, needle)
            }
        }
        return result.flatMap { $0 }.flatMap { $0 }
    }

    private static func search(_ text: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool? {
        for b in needle where b >= 0x80 || b == 0x0A || b == 0x0D { return nil }
        for b in text where b >= 0x80 { return nil }
        let n = needle.count
        guard n > 0 else { return true }
        guard n <= text.count else { return false }
        let first = needle[0]
        var i = 0
        let last = text.count - n
        while i <= last {
            if text[i] == first {
                var k = 1
                while k < n, text[i + k] == needle[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }
}
