/// A light English stemmer for relevance: it strips the inflections and the common derivational
/// endings that CSS answers vary ("economy", "economic", "economies" and "economically" share one
/// stem; so do "strategy" and "strategic", "terrorism" and "terrorists"), on a word's lowercase UTF-8
/// bytes, without building a string. Word forms meet; words that only begin alike ("internal",
/// "interest") do not.
public enum Stemmer {
    /// Endings stripped, longest first. A stem keeps at least three letters.
    static let suffixes: [[UInt8]] = [
        "isations", "izations", "isation", "ization", "ational", "ically", "ations", "nesses", "ation",
        "ments", "ities", "ising", "izing", "istic", "ement", "ness", "ment", "ance", "ence", "ical", "ised", "ized",
        "ises",
        "izes", "isms", "ists", "ally", "ings", "ies", "ity", "ism", "ist", "ive", "ous", "ing", "ise",
        "ize", "ial", "ers", "ed", "es", "er", "al", "ic", "ly", "s", "y", "e",
    ].map { Array($0.utf8) }

    /// The endings by their last byte, longest first, so a word is checked only against endings it can have.
    static let byLastByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for suffix in suffixes { table[Int(suffix[suffix.count - 1])].append(suffix) }
        return table
    }()

    /// The stem of a lowercase word, as text (for tests and for showing what matched).
    public static func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        let n = bytes.withUnsafeBufferPointer { stemLength($0) }
        return String(decoding: bytes[0..<n], as: UTF8.self)
    }

    /// The `WordKey` hash of the stem of a lowercase word.
    public static func code(_ word: String) -> UInt64 {
        var word = word
        return word.withUTF8 { code(UnsafeBufferPointer(rebasing: $0[...])) }
    }

    /// The `WordKey` hash of the stem of the lowercase bytes `word`.
    static func code(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = stemLength(word)
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for k in 0..<n {
            hash ^= UInt64(word[k])
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// How many of the word's leading bytes its stem keeps: a possessive is dropped, then at most two
    /// endings, each only when at least three letters remain and the stem is not left bare of vowels.
    static func stemLength(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var n = word.count
        if n >= 2, word[n - 1] == UInt8(ascii: "s"), word[n - 2] == UInt8(ascii: "'") { n -= 2 }
        // A curly apostrophe before nothing.
        if n >= 4, word[n - 1] == 0x99, word[n - 2] == 0x80, word[n - 3] == 0xE2 { n -= 3 }
        for b in word[0..<n] where b >= 0x80 { return n }  // words outside ASCII are kept whole
        guard n > 4 else { return n }
        for _ in 0..<2 {
            guard let cut = ending(word, n) else { break }
            n = cut
        }
        return n
    }

    /// Where the longest strippable ending of `word[0..<n]` starts, or nil.
    private static func ending(_ word: UnsafeBufferPointer<UInt8>, _ n: Int) -> Int? {
        for suffix in byLastByte[Int(word[n - 1])] where suffix.count < n {
            let start = n - suffix.count
            guard start >= 3 else { continue }
            var same = true
            for k in 0..<suffix.count where word[start + k] != suffix[k] {
                same = false
                break
            }
            guard same else { continue }
            // "crises" and "crisis" meet at "cris"; "status", "class" keep their s; a stem needs a vowel.
            if suffix.count == 1, suffix[0] == UInt8(ascii: "s") {
                let before = word[start - 1]
                if before == UInt8(ascii: "s") || before == UInt8(ascii: "u") { continue }
                if before == UInt8(ascii: "i") {
                    guard start >= 5, word[start - 2] == UInt8(ascii: "s") else { continue }
                    return start - 1
                }
            }
            guard word[0..<start].contains(where: isVowel) else { continue }
            return start
        }
        return nil
    }

    private static func isVowel(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "a") || b == UInt8(ascii: "e") || b == UInt8(ascii: "i") || b == UInt8(ascii: "o")
            || b == UInt8(ascii: "u") || b == UInt8(ascii: "y")
    }
}
