/// Checks words against the dictionary and the rubric's allowances, and suggests spellings for the few
/// it does not know. Known words are decided on the token's key alone; only a word the key misses
/// ("Pakistan's", "socio-economic", "don’t") is read again, on its bytes.
struct Speller {
    let dictionary: SpellingDictionary?
    let allowed: WordKeyMap<Bool>

    /// How far a suggestion may be from the written word.
    static let maximumDistance = 2

    init(_ lexicon: Lexicon) {
        dictionary = lexicon.dictionary
        allowed = lexicon.allowedKeys
    }

    /// True when the word (lowercase, with its key) is in the dictionary or allowed, whole, without a
    /// possessive "'s", or as hyphenated parts that each are.
    func isKnown(key: UInt64, lower: String) -> Bool {
        if knows(key) { return true }
        var lower = lower
        return lower.withUTF8 { isKnown($0) }
    }

    /// True when the dictionary or the allowances hold the word with that key, as it is.
    @inline(__always)
    func knows(_ key: UInt64) -> Bool { dictionary?.contains(key) == true || allowed.contains(key) }

    private func isKnown(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if isKnownPart(bytes, 0, bytes.count) { return true }
        guard bytes.contains(0x2D) else { return false }
        var start = 0
        for k in 0...bytes.count where k == bytes.count || bytes[k] == 0x2D {
            guard k > start else { return false }
            // A prefix that English writes with a hyphen ("intra-party", "agro-based", "de-dollarization").
            let prefix = k < bytes.count && Self.prefixes.contains(Self.hash(bytes, start, k))
            guard prefix || isKnownPart(bytes, start, k) || Self.isNumber(bytes, start, k) else { return false }
            start = k + 1
        }
        return true
    }

    /// Prefixes that make new words of known ones, with a hyphen or without ("counterterrorism",
    /// "subnationalism", "transboundary", "ethno-nationalism", "agro-industrial", "e-governance").
    static let prefixes: Set<UInt64> = Set(
        [
            "agro", "anti", "bio", "co", "counter", "cyber", "de", "e", "eco", "ethno", "geo", "hydro", "inter",
            "intra", "macro", "micro", "mid", "multi", "narco", "neo", "non", "petro", "post", "pre", "pro",
            "re", "semi", "socio", "sub", "techno", "trans", "ultra", "un",
        ].map(WordKey.of))

    /// The prefixes also taken without a hyphen: long enough that what follows is plainly a word.
    static let solidPrefixes: [[UInt8]] = [
        "agro", "counter", "cyber", "ethno", "geo", "hydro", "inter", "intra", "macro", "micro", "multi", "narco",
        "neo", "petro", "post", "socio", "sub", "techno", "trans",
    ].map { Array($0.utf8) }

    /// Endings that make a known word ("dollar", "digital", "security", "clientele") into a process, a
    /// verb or a doctrine ("dollarisation", "operationalise", "securitisation", "clientelism"), each in
    /// British and American spelling.
    static let derivingEndings: [[UInt8]] = [
        "isations", "izations", "isation", "ization", "ising", "izing", "ised", "ized", "ises", "izes", "ise",
        "ize", "isms", "ism",
    ].map { Array($0.utf8) }

    /// True for a word the lists lack that is made of a known word by a common prefix or ending: a known
    /// word of five letters or more after a prefix or before an ending (with the 'e' or 'y' an ending
    /// takes off put back). Plain ASCII lowercase only.
    private func isDerived(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n >= 7, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        for p in Self.solidPrefixes where n - p.count >= 5 && bytes.starts(with: p) {
            if knows(Self.hash(bytes, p.count, n)) || isDerivedByEnding(bytes, from: p.count) { return true }
        }
        return isDerivedByEnding(bytes, from: 0)
    }

    /// True when `bytes[from...]` is a known word with one of `derivingEndings` (see `isDerived`).
    private func isDerivedByEnding(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        let n = bytes.count
        for e in Self.derivingEndings where n - from - e.count >= 5 && bytes.suffix(e.count).elementsEqual(e) {
            let stem = n - e.count
            if knows(Self.hash(bytes, from, stem)) { return true }
            // The 'e' or 'y' the ending took off: "clientele" → "clientelism", "security" → "securitisation".
            var scratch = Array(bytes[from..<stem])
            for last in [UInt8(ascii: "e"), UInt8(ascii: "y")] {
                scratch.append(last)
                if scratch.withUnsafeBufferPointer({ knows(Self.hash($0, 0, $0.count)) }) { return true }
                scratch.removeLast()
            }
            return false
        }
        return false
    }

    /// One word or one part of a compound, its curly apostrophes read as straight ones, with or without
    /// a possessive ending ("'s", or "'" after an s).
    private func isKnownPart(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
        if knows(Self.hash(bytes, a, b)) { return true }
        // The plural of an allowed word ("madrassahs", "Kashmiris"): the dictionary lists its own plurals.
        if b - a > 3, bytes[b - 1] == 0x73, allowed.contains(Self.hash(bytes, a, b - 1)) { return true }
        if isAllowedVariant(bytes, a, b) { return true }
        if isDerived(UnsafeBufferPointer(rebasing: bytes[a..<b])) { return true }
        var end = b
        if end - a > 1, bytes[end - 1] == 0x73 { end -= 1 }  // the s of "'s"; "states'" has none after it
        if end - a > 1, bytes[end - 1] == 0x27 {
            end -= 1
        } else if end - a > 3, bytes[end - 1] == 0x99, bytes[end - 2] == 0x80, bytes[end - 3] == 0xE2 {
            end -= 3
        } else {
            return false
        }
        return end > a && knows(Self.hash(bytes, a, end))
    }

    /// An allowed word written another common way: a transliteration with a final 'h' the list writes
    /// without ("musharakah", "mudarabah" for "musharaka", "mudaraba"), or a verb the list gives in its base
    /// form, with -ed or -ing ("desilted", "desilting" for "desilt").
    private func isAllowedVariant(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
        let n = b - a
        if n > 4, bytes[b - 1] == 0x68, bytes[b - 2] == 0x61, allowed.contains(Self.hash(bytes, a, b - 1)) {
            return true
        }
        if n > 5, bytes[b - 2] == 0x65, bytes[b - 1] == 0x64, allowed.contains(Self.hash(bytes, a, b - 2)) {
            return true
        }
        return n > 6 && bytes[b - 3] == 0x69 && bytes[b - 2] == 0x6E && bytes[b - 1] == 0x67
            && allowed.contains(Self.hash(bytes, a, b - 3))
    }

    private static func isNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
        (a..<b).allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
    }

    /// The FNV-1a hash of `bytes[a..<b]` (as `WordKey`), a curly apostrophe hashed as a straight one.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var k = a
        while k < b {
            var byte = bytes[k]
            if byte == 0xE2, k + 2 < b, bytes[k + 1] == 0x80, bytes[k + 2] == 0x99 {
                byte = 0x27
                k += 2
            }
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
            k += 1
        }
        return h
    }

    /// A spelling suggestion: the word, how far it is, and how common.
    struct Suggestion: Equatable {
        /// As the dictionary writes it (lowercase unless it is a name).
        var word: String
        /// Edit distance (a swap of two neighbours counts one).
        var distance: Int
        /// True when the edit doubles or undoes a doubled letter, swaps two neighbours or adds an
        /// apostrophe: the slips hands make most ("occured", "recieve", "dont"). Such a suggestion goes
        /// first among equally near and common ones.
        var likely: Bool
        /// True when it starts and ends with the written word's letters (a plural stays a plural).
        var keepsEnds: Bool = false
        /// The dictionary's frequency class (0 commonest).
        var frequencyClass: Int
        /// True when the dictionary knows it only with capitals.
        var capitalOnly: Bool
        /// True for a word two edits away whose consonants are the written word's, doubled or not
        /// ("deterrence" for "deterance"): a slip of vowels and doubling, ranked as if one class commoner.
        var sameConsonants = false

        /// The frequency class it is ranked by: one commoner for `sameConsonants`.
        var commonness: Int { frequencyClass - (sameConsonants ? 1 : 0) }

        func ranks(before other: Suggestion) -> Bool {
            if distance != other.distance { return distance < other.distance }
            if commonness != other.commonness { return commonness < other.commonness }
            if sameConsonants != other.sameConsonants { return sameConsonants }
            if likely != other.likely { return likely }
            if keepsEnds != other.keepsEnds { return keepsEnds }
            return word < other.word
        }
    }

    /// Spellings for an unknown lowercase ASCII word, best first: the dictionary words one edit away
    /// (every deletion, swap, change and insertion is looked up), or, when there is none, those two edits
    /// away among the words with its first letter (a bounded edit distance over one letter's run).
    func suggestions(_ lower: String, limit: Int = 3) -> [Suggestion] {
        guard let dictionary, !lower.isEmpty, lower.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return [] }
        let word = Array(lower.utf8)
        var found = oneEditAway(word, dictionary)
        // "-ie" for "-y" ("hobbie", "citie"): the plural's spelling carried into the singular, one slip of the
        // hand, ranked as `sameConsonants` ones are ("hobby" before "hobble").
        if word.count >= 4, word[word.count - 2] == UInt8(ascii: "i"), word[word.count - 1] == UInt8(ascii: "e") {
            let y = Array(word.dropLast(2)) + [UInt8(ascii: "y")]
            let key = y.withUnsafeBufferPointer { Self.hash($0, 0, y.count) }
            if let entry = dictionary.entry(key), !entry.capitalOnly {
                found.append(
                    Suggestion(
                        word: String(decoding: y, as: UTF8.self), distance: 1, likely: true,
                        frequencyClass: entry.frequencyClass, capitalOnly: false, sameConsonants: true))
            }
        }
        if found.isEmpty { found = splits(word, dictionary) }
        if found.isEmpty { found = twoEditsAway(word, dictionary) }
        for k in found.indices {
            let w = found[k].word.lowercased().utf8
            found[k].keepsEnds = w.first == word.first && w.last == word.last
        }
        found.sort { $0.ranks(before: $1) }
        var out: [Suggestion] = []
        for s in found where !out.contains(where: { $0.word == s.word }) {
            out.append(s)
            if out.count == limit { break }
        }
        return out
    }

    private func oneEditAway(_ word: [UInt8], _ dictionary: SpellingDictionary) -> [Suggestion] {
        var out: [Suggestion] = []
        var scratch = [UInt8](repeating: 0, count: word.count + 1)
        let n = word.count
        func check(_ length: Int, likely: Bool) {
            let key = scratch.withUnsafeBufferPointer { Self.hash($0, 0, length) }
            guard
                let entry = dictionary.entry(key)
                    ?? (allowed.contains(key) ? .init(capitalOnly: false, frequencyClass: 2) : nil)
            else { return }
            var text = String(decoding: scratch[0..<length], as: UTF8.self)
            if entry.capitalOnly { text = text.prefix(1).uppercased() + text.dropFirst() }
            out.append(
                Suggestion(
                    word: text, distance: 1, likely: likely, frequencyClass: entry.frequencyClass,
                    capitalOnly: entry.capitalOnly))
        }
        for i in 0..<n where n > 1 {  // deletions
            var m = 0
            for k in 0..<n where k != i {
                scratch[m] = word[k]
                m += 1
            }
            check(n - 1, likely: (i > 0 && word[i - 1] == word[i]) || (i + 1 < n && word[i + 1] == word[i]))
        }
        for i in 0..<max(0, n - 1) where word[i] != word[i + 1] {  // swaps
            for k in 0..<n { scratch[k] = word[k] }
            scratch.swapAt(i, i + 1)
            check(n, likely: true)
        }
        for i in 0..<n {  // changes
            for k in 0..<n { scratch[k] = word[k] }
            for c in UInt8(0x61)...UInt8(0x7A) where c != word[i] {
                scratch[i] = c
                check(n, likely: Self.soundsAlike(word, i, c))
            }
        }
        for i in 0...n {  // insertions, an apostrophe among them ("dont" gives "don't")
            for c in [UInt8(0x27)] + Array(UInt8(0x61)...UInt8(0x7A)) {
                var m = 0
                for k in 0..<n {
                    if k == i {
                        scratch[m] = c
                        m += 1
                    }
                    scratch[m] = word[k]
                    m += 1
                }
                if i == n { scratch[n] = c }
                check(n + 1, likely: c == 0x27 || (i > 0 && word[i - 1] == c) || (i < n && word[i] == c))
            }
        }
        return out
    }

    /// True when writing `c` for `word[i]` keeps the word's sound: a soft 'c' for an 's' or the other way
    /// round, before 'e', 'i' or 'y' ("noice" for noise, "sentense" for sentence), a slip of the ear.
    static func soundsAlike(_ word: [UInt8], _ i: Int, _ c: UInt8) -> Bool {
        let (s, soft) = (UInt8(ascii: "s"), UInt8(ascii: "c"))
        guard (word[i] == soft && c == s) || (word[i] == s && c == soft), i + 1 < word.count else { return false }
        let next = word[i + 1]
        return next == UInt8(ascii: "e") || next == UInt8(ascii: "i") || next == UInt8(ascii: "y")
    }

    /// Two common words written as one ("airforce" gives "air force"), each of three letters or more and
    /// in the smallest word lists: a missing space is one edit, tried when no word is one edit away. Not
    /// when the second is an ending English also writes as a word ("implemention" is no "implement ion").
    private func splits(_ word: [UInt8], _ dictionary: SpellingDictionary) -> [Suggestion] {
        guard word.count >= 6 else { return [] }
        var out: [Suggestion] = []
        word.withUnsafeBufferPointer { bytes in
            for cut in 3...(word.count - 3) where !Self.endings.contains(Self.hash(bytes, cut, word.count)) {
                guard let left = dictionary.entry(Self.hash(bytes, 0, cut)), !left.capitalOnly,
                    left.frequencyClass == 0, let right = dictionary.entry(Self.hash(bytes, cut, word.count)),
                    !right.capitalOnly, right.frequencyClass == 0
                else { continue }
                let text =
                    String(decoding: bytes[0..<cut], as: UTF8.self) + " "
                    + String(decoding: bytes[cut...], as: UTF8.self)
                out.append(Suggestion(word: text, distance: 1, likely: true, frequencyClass: 0, capitalOnly: false))
            }
        }
        return out
    }

    /// Endings of derived words that are words of their own too.
    static let endings: Set<UInt64> = Set(
        [
            "ion", "ions", "ate", "ant", "ants", "ent", "ive", "ness", "ment", "able", "ably", "ful", "less", "ship",
            "hood", "ward", "wards", "age", "ism", "ist", "ize", "ise", "ally", "ting", "tion", "sion", "ure",
            "ence", "ance", "ous", "ity", "ing", "ers", "est",
        ].map(WordKey.of))

    private func twoEditsAway(_ word: [UInt8], _ dictionary: SpellingDictionary) -> [Suggestion] {
        guard word.count >= 4 else { return [] }
        var out: [Suggestion] = []
        var rows = [[Int]](repeating: [Int](repeating: 0, count: word.count + 1), count: 3)
        var lowered = [UInt8](repeating: 0, count: word.count + Self.maximumDistance)
        let consonants = Self.consonants(word[...])
        dictionary.forEachWord(startingWith: word[0]) { candidate in
            guard abs(candidate.count - word.count) <= Self.maximumDistance else { return }
            for k in 0..<candidate.count {
                let b = candidate[k]
                lowered[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            }
            guard let d = Self.distance(word, lowered, candidate.count, within: Self.maximumDistance, rows: &rows),
                d > 0
            else { return }
            let key = lowered.withUnsafeBufferPointer { Self.hash($0, 0, candidate.count) }
            let entry = dictionary.entry(key)
            out.append(
                Suggestion(
                    word: String(decoding: candidate, as: UTF8.self), distance: d, likely: false,
                    frequencyClass: entry?.frequencyClass ?? 3, capitalOnly: entry?.capitalOnly ?? false,
                    sameConsonants: Self.consonants(lowered[0..<candidate.count]) == consonants))
        }
        return out
    }

    /// A word's consonants in order, a doubled one once ("deterrence" and "deterance" give "dtrnc").
    static func consonants(_ word: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        for b in word where !"aeiouy".utf8.contains(b) && out.last != b { out.append(b) }
        return out
    }

    /// The edit distance between `a` and `b[0..<m]` (a swap of neighbours counting one), or nil when it is
    /// more than `limit`: a row whose every cell is over the limit ends the count.
    static func distance(_ a: [UInt8], _ b: [UInt8], _ m: Int, within limit: Int, rows: inout [[Int]]) -> Int? {
        let n = a.count
        if rows[0].count < n + 1 { rows = [[Int]](repeating: [Int](repeating: 0, count: n + 1), count: 3) }
        for j in 0...n { rows[1][j] = j }
        for i in 1...max(1, m) where m > 0 {
            rows[2][0] = i
            var best = i
            for j in 1...max(1, n) where n > 0 {
                let cost = a[j - 1] == b[i - 1] ? 0 : 1
                var v = min(rows[1][j] + 1, rows[2][j - 1] + 1, rows[1][j - 1] + cost)
                if i > 1, j > 1, a[j - 1] == b[i - 2], a[j - 2] == b[i - 1] { v = min(v, rows[0][j - 2] + 1) }
                rows[2][j] = v
                best = min(best, v)
            }
            if best > limit { return nil }
            rows.swapAt(0, 1)
            rows.swapAt(1, 2)
        }
        let d = m == 0 ? n : rows[1][n]
        return d <= limit ? d : nil
    }

    /// A suggestion written with the capitals of the word it replaces: all capitals for a word in
    /// capitals ("HINDERANCES" gives "HINDRANCES"), a first capital for a capitalised word, and the
    /// dictionary's own capitals otherwise.
    static func cased(_ suggestion: String, like written: String) -> String {
        let letters = written.unicodeScalars.filter(\.isAlphabeticScalar)
        if letters.count > 1, letters.allSatisfy(\.isUppercaseScalar) { return suggestion.uppercased() }
        if letters.first?.isUppercaseScalar == true {
            return suggestion.prefix(1).uppercased() + suggestion.dropFirst()
        }
        return suggestion
    }
}
