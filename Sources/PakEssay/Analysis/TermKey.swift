/// Reduces words to comparable keys for matching question terms and titles: lowercase, plural
/// dropped, first five letters ("economic" and "economy" share `econo`).
public enum TermKey {
    /// The key of one lowercase word.
    public static func key(_ word: String) -> String {
        if let key = asciiKey(word) { return key }
        var w = word
        if w.hasSuffix("'s") || w.hasSuffix("’s") { w = String(w.dropLast(2)) }
        if w.hasSuffix("ies"), w.count > 4 {
            w = String(w.dropLast(3)) + "y"
        } else if w.hasSuffix("s"), !w.hasSuffix("ss"), w.count > 3 {
            w = String(w.dropLast())
        }
        return String(w.prefix(5))
    }

    /// The `WordKey` hash of the key of one lowercase word, made from an ASCII word's bytes without
    /// building the key.
    static func code(_ word: String) -> UInt64 {
        var word = word
        let fast = word.withUTF8 { bytes -> UInt64? in
            guard let (length, y) = asciiCut(bytes) else { return nil }
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for k in 0..<min(length, 5) {
                hash ^= UInt64(bytes[k])
                hash = hash &* 0x0000_0100_0000_01B3
            }
            if y && length < 5 {
                hash ^= UInt64(UInt8(ascii: "y"))
                hash = hash &* 0x0000_0100_0000_01B3
            }
            return hash
        }
        return fast ?? WordKey.of(key(word))
    }

    /// `key` for a plain ASCII word, on its bytes; nil for any other word.
    private static func asciiKey(_ word: String) -> String? {
        var word = word
        return word.withUTF8 { bytes -> String? in
            guard let (length, y) = asciiCut(bytes) else { return nil }
            var out = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<min(length, 5)]), as: UTF8.self)
            if y && length < 5 { out.append("y") }
            return out
        }
    }

    /// Where a plain ASCII word's key is cut: how many of its bytes are left once a possessive `'s` and
    /// a plural are dropped, and whether an `ies` plural leaves a `y` to add. Nil for any other word.
    private static func asciiCut(_ bytes: UnsafeBufferPointer<UInt8>) -> (length: Int, y: Bool)? {
        for b in bytes where b >= 0x80 { return nil }
        var n = bytes.count
        if n >= 2, bytes[n - 2] == UInt8(ascii: "'"), bytes[n - 1] == UInt8(ascii: "s") { n -= 2 }
        if n > 4, bytes[n - 3] == UInt8(ascii: "i"), bytes[n - 2] == UInt8(ascii: "e"),
            bytes[n - 1] == UInt8(ascii: "s")
        {
            return (n - 3, true)
        }
        if n > 3, bytes[n - 1] == UInt8(ascii: "s"), bytes[n - 2] != UInt8(ascii: "s") { n -= 1 }
        return (n, false)
    }

    /// The keys of a text's content words (not stop words, not bare numbers).
    public static func keys(_ text: String, stopWords: Set<String>) -> [String] {
        // A short text (a heading, a question) has few keys: they are looked for in `out` itself, and a set is
        // made only past `linear` of them (not a set for each of an answer's headings).
        let linear = 16
        var seen = Set<String>()
        var out: [String] = []
        for word in lowercaseWords(text)
        where !stopWords.contains(word) && word.unicodeScalars.contains(where: \.isAlphabeticScalar) {
            let k = key(word)
            guard k.count >= 3 else { continue }
            if out.count < linear {
                guard !out.contains(k) else { continue }
                out.append(k)
                if out.count == linear { seen = Set(out) }
            } else if seen.insert(k).inserted {
                out.append(k)
            }
        }
        return out
    }
}
