/// A place where a language pattern matched: the tokens it replaces, the replacement and the message.
struct LanguageHit {
    var from: Int
    var to: Int
    var fix: String?
    var pattern: Int
}

/// What the rules that match patterns on one answer share, worked out once: each token's closed
/// classes, kind and punctuation as flags, and its derived classes when a pattern first asks (never
/// shared by two answers: it is not locked).
/// One worker alone reads and writes it, one access at a time: its caches are marked
/// `@exclusivity(unchecked)`, so that a look-up costs no run-time access check.
final class TokenFeatures: @unchecked Sendable {
    /// Each token's derived classes (`LanguagePattern.Derived` bits), as far as worked out (see
    /// `LanguageMatcher.tagsDone`).
    @exclusivity(unchecked) var bits: [UInt32]
    /// What a lowercase word's look-ups gave (its tags and its stems' tags, packed), by its number in
    /// `words`: an answer uses its words again and again. Per answer, so that parallel workers share no lock.
    /// Bit 32 is set once the stems' tags are in, bit 63 once the word's own tags are (0: not looked up).
    @exclusivity(unchecked) var lookups: [UInt64] = []
    /// A word's derived classes as `LanguageMatcher.features` works them out, by its number: those of its
    /// lowercase form in the low 32 bits, of its capitalised form in the high (0: not yet). Per answer.
    @exclusivity(unchecked) var classesByWord: [UInt64] = []
    /// Whether a capitalised word that opens a sentence is a name by its own word alone (see
    /// `LanguageMatcher.readsAsCapitalised`), by its number: 0 not yet known, 1 no, 2 yes. Sentences open
    /// with the same words again and again.
    @exclusivity(unchecked) var initialIsName: [UInt8] = []
    /// A word's `vowel` or `consonant` class plus 1 (0: neither), by the key of its text as written. Per answer.
    @exclusivity(unchecked) var soundsByText = WordKeyMap<UInt32>()
    /// Each token's key and `Flag`s, empty until `compact` (the flags' `initial` until `prepare`), and its
    /// closed classes (whatever its kind), empty until `prepare`.
    var keys: [UInt64] = []
    var closed: [UInt64] = []
    var flags: [UInt8] = []
    /// The answer's distinct keys, each once, in the order first met (made by `compact`): the one record
    /// of a word that every table's answer about it is kept by, so that a word written fifty times is
    /// looked up once in each table, and a rule reads what it needs by the word's number.
    var words: [UInt64] = []
    /// Each token's number in `words`, made by `compact`.
    var ids: [Int32] = []
    /// True once `compact` and `prepare` have run.
    private var compacted = false
    private var prepared = false
    /// Each token's `WordFacts` bits (0 for a token that is not a word), once `wordFacts` has been asked;
    /// memory of its own, so that a rule reads a token's facts with one load and no check of an array's
    /// uniqueness or bounds.
    @exclusivity(unchecked) private var facts: UnsafeMutablePointer<UInt8>?
    init(count: Int) { bits = [UInt32](repeating: 0, count: count) }
    deinit { facts?.deallocate() }

    /// Each token's `WordFacts`, worked out in one pass the first time a rule asks: every distinct word is
    /// looked up once in each table (the dictionary, the allowances, the misspellings, the plain words, the
    /// names, the months and titles), however often the answer writes it and however many rules read it.
    func wordFacts(_ tokens: [Token], _ lexicon: Lexicon) -> UnsafePointer<UInt8> {
        if let facts { return UnsafePointer(facts) }
        compact(tokens)
        let n = tokens.count
        let out = UnsafeMutablePointer<UInt8>.allocate(capacity: max(n, 1))
        out.initialize(repeating: 0, count: max(n, 1))
        let tables = WordFacts.Tables(lexicon)
        // Each distinct word's facts, looked up the first time a word token has its number (0: not yet).
        let byWord = UnsafeMutablePointer<UInt8>.allocate(capacity: max(words.count, 1))
        byWord.initialize(repeating: 0, count: max(words.count, 1))
        defer { byWord.deallocate() }
        // The compact arrays, not the tokens: 5 bytes a token read, not a line of a 112-byte `Token`.
        let words = self.words
        let ids = self.ids
        let flags = self.flags
        for k in 0..<n where flags[k] & Flag.word != 0 {
            let id = Int(ids[k])
            if byWord[id] == 0 { byWord[id] = tables.facts(words[id]) }
            out[k] = byWord[id]
        }
        let misspellings = tables.misspellings
        Self.passOverForeignQuotes(keys, flags, out) { k in misspellings.contains(words[Int(ids[k])]) }
        facts = out
        return UnsafePointer(out)
    }

    /// A quotation in another language, written in Latin letters (a couplet of Iqbal's in Roman Urdu: "Khudi ko
    /// kar buland itna …"), is the candidate's quoting, not English to correct: the words between a pair of
    /// quotation marks, when at least three of them and a third of them are unknown to the dictionary and the
    /// allowances (Urdu's "hai", "to" and "ye" are English spellings too) and at most one of those is a listed
    /// misspelling (`listed`: an English quotation's slips, "sucess" and "prosparity", are listed), are given as
    /// right and plain, so that neither the spelling nor the capitals rules read them. A straight mark opens or
    /// closes; a curly closing mark with none open opens nothing.
    static func passOverForeignQuotes(
        _ keys: [UInt64], _ flags: [UInt8], _ facts: UnsafeMutablePointer<UInt8>, listed: (Int) -> Bool
    ) {
        var open: Int? = nil
        // The marks by their keys: a punctuation token is told by one comparison of numbers, not of strings.
        let (straight, opening, closing) = (WordKey.of("\""), WordKey.of("\u{201C}"), WordKey.of("\u{201D}"))
        for k in keys.indices where flags[k] & Flag.punctuation != 0 {
            let mark = keys[k]
            guard mark == straight || mark == opening || mark == closing else { continue }
            guard let start = open, mark != opening else {
                if mark != closing { open = k + 1 }
                continue
            }
            open = nil
            var words = 0
            var unknown = 0
            var slips = 0
            for i in start..<k where flags[i] & Flag.word != 0 {
                words += 1
                if facts[i] & WordFacts.right == 0 {
                    unknown += 1
                    if listed(i) { slips += 1 }
                }
            }
            guard unknown >= 3, unknown * 3 >= words, slips <= 1 else { continue }
            for i in start..<k where flags[i] & Flag.word != 0 {
                facts[i] = WordFacts.word | WordFacts.right | WordFacts.plain
            }
        }
    }

    /// A token's kind and punctuation mark.
    enum Flag {
        static let word: UInt8 = 1
        static let punctuation: UInt8 = 2
        static let comma: UInt8 = 4
        static let semicolon: UInt8 = 8
        static let colon: UInt8 = 16
        static let question: UInt8 = 32
        /// The first word of a sentence (after any punctuation that opens it).
        static let initial: UInt8 = 64
    }

    /// Fills in the keys and flags of the tokens (all but `initial`) in one pass over them, once: the passes
    /// after it read these arrays, not the tokens.
    func compact(_ tokens: [Token]) {
        guard !compacted else { return }
        compacted = true
        let n = tokens.count
        // Written in place through the tokens' buffer: no append's checks, no token copied.
        var flags: [UInt8] = []
        let keys = tokens.withUnsafeBufferPointer { t in
            [UInt64](unsafeUninitializedCapacity: n) { keys, done in
                flags = [UInt8](unsafeUninitializedCapacity: n) { out, count in
                    for k in 0..<n {
                        keys[k] = t[k].key
                        out[k] = Self.flags(t[k])
                    }
                    count = n
                }
                done = n
            }
        }
        self.keys = keys
        self.flags = flags
        intern()
    }

    /// Numbers the distinct keys (`words`, `ids`): one probe of a table of its own a token, twice as many
    /// slots as tokens (never full, never grown), freed at the end.
    private func intern() {
        let n = keys.count
        var slots = 16
        while slots < 2 * n { slots <<= 1 }
        let mask = slots - 1
        // A slot's word number plus 1 (0: empty).
        let table = UnsafeMutablePointer<Int32>.allocate(capacity: slots)
        table.initialize(repeating: 0, count: slots)
        defer { table.deallocate() }
        var words: [UInt64] = []
        words.reserveCapacity(min(n, 4096))
        let keys = self.keys
        ids = [Int32](unsafeUninitializedCapacity: n) { ids, done in
            for k in 0..<n {
                let key = keys[k]
                // Fibonacci hashing, as `WordKeyMap` does: the low bits of an FNV key follow the last letter.
                var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
                while true {
                    let at = table[slot]
                    if at == 0 {
                        table[slot] = Int32(words.count + 1)
                        ids[k] = Int32(words.count)
                        words.append(key)
                        break
                    }
                    if words[Int(at - 1)] == key {
                        ids[k] = at - 1
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
            done = n
        }
        self.words = words
    }

    /// A token's flags but `initial`.
    @inline(__always)
    private static func flags(_ t: Token) -> UInt8 {
        switch t.kind {
        case .word: return Flag.word
        case .number: return 0
        case .punctuation:
            // A mark of one byte, read as a byte.
            guard t.text.utf8.count == 1, let b = t.text.utf8.first else { return Flag.punctuation }
            switch b {
            case UInt8(ascii: ","): return Flag.punctuation | Flag.comma
            case UInt8(ascii: ";"): return Flag.punctuation | Flag.semicolon
            case UInt8(ascii: ":"): return Flag.punctuation | Flag.colon
            case UInt8(ascii: "?"): return Flag.punctuation | Flag.question
            default: return Flag.punctuation
            }
        }
    }

    /// Fills in the keys, closed classes and flags of the tokens, once; `sentences` mark their first words.
    func prepare(_ tokens: [Token], _ classes: WordClasses, sentences: [Range<Int>]) {
        guard !prepared, !tokens.isEmpty else { return }
        prepared = true
        compact(tokens)
        lookups = [UInt64](repeating: 0, count: words.count)
        classesByWord = [UInt64](repeating: 0, count: words.count)
        initialIsName = [UInt8](repeating: 0, count: words.count)
        // Each distinct word's closed classes looked up once.
        let masks = words.map { classes.mask($0) }
        closed = ids.map { masks[Int($0)] }
        for s in sentences {
            let first = s.first { flags[$0] & Flag.punctuation == 0 }
            if let first, flags[first] & Flag.word != 0 { flags[first] |= Flag.initial }
        }
    }
}

/// Runs language patterns over one answer's sentences, reading tokens by index.
/// A class, so that a sentence run reaching it for a token's classes passes a reference instead of a copy.
final class LanguageMatcher {
    let tokens: [Token]
    let classes: WordClasses
    let open: OpenClasses
    let proper: WordKeyMap<Bool>
    let lexicon: Lexicon
    let features: TokenFeatures
    let keys: [UInt64]
    let closed: [UInt64]
    let flags: [UInt8]
    /// Each token's number in the answer's distinct words (`TokenFeatures.words`).
    let ids: [Int32]
    let clause: UInt64, subord: UInt64, subordAny: UInt64, prep: UInt64, conj: UInt64, aux: UInt64
    let subject: UInt64, comparativeList: UInt64
    /// Words that open a clause with its subject: a subject pronoun, a possessive or a determiner.
    let subjectOpener: UInt64
    /// The word beginnings that decide 'a' or 'an' (see `AnSound`), read once.
    let anLists: AnSound.Lists
    /// Words' derived classes as worked out for any answer graded with the lexicon.
    let shared: DerivedClassCache

    init(_ c: GradingContext) {
        tokens = c.tokens
        classes = c.lexicon.wordClasses
        open = classes.open
        proper = c.lexicon.properKeys
        lexicon = c.lexicon
        features = c.languageFeatures
        features.prepare(tokens, classes, sentences: c.sentences.map(\.tokens))
        keys = features.keys
        closed = features.closed
        flags = features.flags
        ids = features.ids
        clause = classes.bit("clause")
        subord = classes.bit("subord")
        subordAny = classes.bit("subord-any")
        prep = classes.bit("prep")
        conj = classes.bit("conj")
        aux = classes.bit("aux")
        subject = classes.bit("subject")
        subjectOpener = subject | classes.bit("poss") | classes.bit("det")
        comparativeList = classes.bit("comparative")
        shared = c.lexicon.derivedClassCache
        anLists = shared.anLists(classes)
    }

    /// Every match of the patterns in each sentence, sentence by sentence and left to right within one,
    /// one per marked place. The sentences share one run: its scratch memory and the tokens' word numbers
    /// and derived classes are set up once an answer.
    func hits(_ patterns: [LanguagePattern], _ compiled: PatternTriggers, in sentences: [Range<Int>]) -> [LanguageHit] {
        guard !tokens.isEmpty else { return [] }
        return SentenceRun.with(self, compiled) { run in
            var out: [LanguageHit] = []
            for sentence in sentences where !sentence.isEmpty {
                run.start(sentence)
                out += run.hits(patterns)
            }
            return out
        }
    }

    /// Set in a token's derived classes once those its tags give are in; once those its stems give are.
    static let tagsDone: UInt32 = 0x8000_0000
    static let stemsDone: UInt32 = 0x2000_0000
    /// Set in a word's `TokenFeatures.lookups` once its own tags are in.
    static let looked: UInt64 = 1 << 63
    /// The derived classes that need the tags of the word's stems (the others need its own tags at most).
    static let stemBits: UInt32 = [.npl, .vz, .vd, .cmp, .proper, .finite].reduce(0) {
        $0 | ($1 as LanguagePattern.Derived).bit
    }

    /// A token's derived classes, worked out once an answer: those its tags give, and with `stems` those
    /// its stems give too.
    func derivedClasses(_ k: Int, stems: Bool) -> UInt32 {
        var bits = features.bits[k]
        if bits & Self.tagsDone == 0 || (stems && bits & Self.stemsDone == 0) {
            bits = features(k, stems: stems)
            features.bits[k] = bits
        }
        return bits
    }

    /// The derived classes `vowel` or `consonant` of a word token (none for others or an unknown sound).
    func sound(_ k: Int) -> UInt32 {
        guard flags[k] & TokenFeatures.Flag.word != 0 else { return 0 }
        // The sound depends on the word as written alone: worked out once an answer for each.
        let text = tokens[k].exactKey
        if let known = features.soundsByText[text] { return known - 1 }
        let bits: UInt32
        switch AnSound.of(tokens[k], anLists) {
        case .vowel: bits = LanguagePattern.Derived.vowel.bit
        case .consonant: bits = LanguagePattern.Derived.consonant.bit
        case .unknown: bits = 0
        }
        features.soundsByText[text] = bits + 1
        return bits
    }

    /// The classes of the stems a word's suffix may have been added to.
    struct Stems {
        var s: UInt8 = 0
        var ed: UInt8 = 0
        var er: UInt8 = 0
    }

    private func stemTags(_ word: String, _ suffix: Morphology.Suffix) -> UInt8 {
        var out: UInt8 = 0
        for (drop, add) in Morphology.stems(word, suffix: suffix) { out |= open.tags(word, drop: drop, add: add) }
        return out
    }

    /// The derived classes of a token, as bits with `tagsDone` (and `stemsDone`): one lookup of the word,
    /// and with `stems` one of each stem. A word's look-ups depend on its lowercase form alone: done once an
    /// answer.
    private func features(_ k: Int, stems: Bool) -> UInt32 {
        guard flags[k] & TokenFeatures.Flag.word != 0 else { return Self.tagsDone | Self.stemsDone }
        // They depend on the word's lowercase form and whether it is capitalised alone: a word met again
        // in the answer reads them back.
        let cap = readsAsCapitalised(k)
        let shift: UInt64 = cap ? 32 : 0
        let id = Int(ids[k])
        var cached = features.classesByWord[id]
        var known = UInt32(truncatingIfNeeded: cached >> shift)
        if Self.enough(known, stems) { return known }
        // Another answer may have worked them out: they depend on the lexicon alone.
        let other = shared[keys[k]]
        if Self.enough(UInt32(truncatingIfNeeded: other >> shift), stems) {
            cached |= other
            known = UInt32(truncatingIfNeeded: other >> shift)
        } else {
            known = worked(k, cap: cap, stems: stems)
            cached = cached & ~(0xFFFF_FFFF << shift) | UInt64(known) << shift
            shared.merge(keys[k], UInt64(known) << shift)
        }
        features.classesByWord[id] = cached
        return known
    }

    /// Whether derived classes as worked out hold those a look-up asks for (with `stems`, the stems' too).
    @inline(__always)
    private static func enough(_ known: UInt32, _ stems: Bool) -> Bool {
        known & tagsDone != 0 && (!stems || known & stemsDone != 0)
    }

    /// Whether a word token is read as a capitalised word (a name, with `cap` and no open classes of a
    /// common word). A capitalised word that opens a sentence is read as its lowercase form when the
    /// dictionary knows that as a common word ("Trees give", "Farmers grow"), unless it is a name the lists
    /// give alone ("Pakistan", "China", "English"), is written in capitals ("IMF") or begins a run of
    /// capitalised words ("United Nations").
    func readsAsCapitalised(_ k: Int) -> Bool {
        guard tokens[k].isCapitalized else { return false }
        guard flags[k] & TokenFeatures.Flag.initial != 0 else { return true }
        if isNameAlone(k) { return true }
        // "IMF", "NATO": a second capital.
        if tokens[k].text.utf8.dropFirst().first.map({ $0 >= 0x41 && $0 <= 0x5A }) == true { return true }
        let next = k + 1
        if next < tokens.count, flags[next] & TokenFeatures.Flag.word != 0, tokens[next].isCapitalized,
            tokens[next].text != "I"
        {
            return true
        }
        return false
    }

    /// Whether a word is a name by its lowercase form alone: the dictionary knows it only with capitals
    /// or not at all, or the lists give it as a one-word name. Worked out once an answer for each word.
    private func isNameAlone(_ k: Int) -> Bool {
        let key = keys[k]
        let id = Int(ids[k])
        let known = features.initialIsName[id]
        if known != 0 { return known == 2 }
        var name = false
        if let dictionary = lexicon.dictionary {
            name = dictionary.entry(key).map { $0.capitalOnly } ?? true
        } else {
            name = open.tags(tokens[k].lower) == 0
        }
        name =
            name || lexicon.forcedCapitalKeys.contains(key)
            || (lexicon.capitalKeys.contains(key)
                && lexicon.capitalKeys[key]?.contains(where: { $0.words.count == 1 }) == true)
        features.initialIsName[id] = name ? 2 : 1
        return name
    }

    /// The derived classes of a word token, worked out (see `features`); `cap`: read as capitalised.
    private func worked(_ k: Int, cap: Bool, stems: Bool) -> UInt32 {
        let lower = tokens[k].lower
        let id = Int(ids[k])
        var packed = features.lookups[id]
        if packed == 0 { packed = Self.looked | UInt64(open.tags(lower)) }
        if stems && packed & 1 << 32 == 0 {
            var st = Stems()
            if let last = lower.utf8.last {
                if last == UInt8(ascii: "s") { st.s = stemTags(lower, .s) }
                if last == UInt8(ascii: "d") { st.ed = stemTags(lower, .ed) }
                if last == UInt8(ascii: "r") { st.er = stemTags(lower, .er) }
                if last == UInt8(ascii: "t") { st.er = stemTags(lower, .est) }
            }
            packed |= 1 << 32 | UInt64(st.s) << 8 | UInt64(st.ed) << 16 | UInt64(st.er) << 24
        }
        features.lookups[id] = packed
        let tags = UInt8(packed & 0xFF)
        let out = Self.tagsDone | tagClasses(k, lower, tags, cap: cap)
        guard stems else { return out }
        let st = Stems(s: UInt8(packed >> 8 & 0xFF), ed: UInt8(packed >> 16 & 0xFF), er: UInt8(packed >> 24 & 0xFF))
        return out | Self.stemsDone | stemClasses(k, tags, st, cap: cap)
    }

    /// The derived classes a word's own tags give.
    private func tagClasses(_ k: Int, _ lower: String, _ tags: UInt8, cap: Bool) -> UInt32 {
        typealias D = LanguagePattern.Derived
        var out = D.word.bit | (cap ? D.cap.bit : D.lower.bit)
        if tags & OpenClasses.noun != 0 { out |= D.noun.bit }
        if tags & OpenClasses.verb != 0 { out |= D.verb.bit }
        if tags & OpenClasses.adjective != 0 { out |= D.adj.bit }
        if tags & OpenClasses.adverb != 0 { out |= D.adv.bit }
        if !cap && tags & OpenClasses.noun != 0 && tags & ~(OpenClasses.noun | OpenClasses.plural) == 0 {
            out |= D.nonly.bit
        }
        if !cap && tags & OpenClasses.noun != 0
            && tags & (OpenClasses.adjective | OpenClasses.adverb | OpenClasses.plural) == 0
            && classes.allClosed[keys[k]] == nil && lower.utf8.last != UInt8(ascii: "s")
        {
            out |= D.nsg.bit
        }
        // A word ending in "ing" ends in the byte "g".
        if lower.utf8.last == UInt8(ascii: "g") && lower.utf8.count > 4 && lower.hasSuffix("ing") {
            out |= D.ing.bit
        } else if tags & OpenClasses.past != 0 {
            out |= D.past.bit
        }
        return out
    }

    /// The derived classes that need the tags of a word's stems.
    private func stemClasses(_ k: Int, _ tags: UInt8, _ st: Stems, cap: Bool) -> UInt32 {
        typealias D = LanguagePattern.Derived
        let past =
            !cap && tags & OpenClasses.verb == 0
            && (tags & OpenClasses.past != 0 || st.ed & OpenClasses.verb != 0)
        var out: UInt32 = past ? D.vd.bit : 0
        if cap {
            if proper[keys[k]] != nil
                || (tags == 0 && classes.allClosed[keys[k]] == nil && st.s & OpenClasses.noun == 0)
            {
                out |= D.proper.bit
            }
        } else {
            if classes.allClosed[keys[k]] == nil
                && (tags & OpenClasses.plural != 0 || (tags & OpenClasses.noun == 0 && st.s & OpenClasses.noun != 0))
            {
                out |= D.npl.bit
            }
            if st.s & OpenClasses.verb != 0 { out |= D.vz.bit }
            if tags & OpenClasses.comparative != 0 || closed[k] & comparativeList != 0
                || (tags == 0 && st.er & OpenClasses.adjective != 0)
            {
                out |= D.cmp.bit
            }
        }
        if closed[k] & aux != 0 || past || st.s & OpenClasses.verb != 0 { out |= D.finite.bit }
        return out
    }

    /// The replacement for a match, or nil when the pattern has none or it cannot be worked out. In a
    /// passage told in the past (`past`), `$1:s` gives the verb's past ('give' → 'gave').
    func fix(_ p: LanguagePattern, _ from: Int, _ to: Int, past: Bool = false) -> String? {
        guard !p.fix.isEmpty else { return nil }
        let marked = Array(tokens[from..<to])
        var out: [String] = []
        for part in p.fix.split(separator: " ") {
            if let eq = part.firstIndex(of: "=") {
                // A table `from=to`: used when the marked text is `from`.
                let from = part[..<eq].replacingOccurrences(of: "_", with: " ")
                let written = marked.map(\.lower).joined(separator: " ").replacingOccurrences(of: "’", with: "'")
                if from == written { out = [part[part.index(after: eq)...].replacingOccurrences(of: "_", with: " ")] }
                continue
            }
            guard part.hasPrefix("$"), let n = Int(part.dropFirst().prefix(1)), n >= 1, n <= marked.count else {
                out.append(String(part))
                continue
            }
            let word = marked[n - 1]
            switch part.dropFirst(2) {
            case ":base":
                guard let b = base(word) else { return nil }
                out.append(b)
            case ":s": out.append(past ? open.past(of: word.lower) : Self.thirdPerson(word.lower))
            default: out.append(word.text)
            }
        }
        guard var text = Optional(out.joined(separator: " ")), !text.isEmpty else { return nil }
        if marked.first?.isCapitalized == true, let f = text.first, f.isLowercase {
            text = f.uppercased() + text.dropFirst()
        }
        return text
    }

    private func base(_ t: Token) -> String? {
        if open.tags(t.lower) & OpenClasses.past != 0, let l = open.lemma(t.lower) { return l }
        return Morphology.lemma(t.lower, suffix: .s, bit: OpenClasses.verb, in: open)
            ?? Morphology.lemma(t.lower, suffix: .ed, bit: OpenClasses.verb, in: open)
    }

    /// The third person singular of a base form: 'pose' → 'poses', 'carry' → 'carries'.
    static func thirdPerson(_ verb: String) -> String {
        if verb == "have" { return "has" }
        if verb == "be" { return "is" }
        let u = Array(verb.utf8)
        if let last = u.last, last == UInt8(ascii: "y"), u.count > 1, !"aeiou".utf8.contains(u[u.count - 2]) {
            return String(verb.dropLast()) + "ies"
        }
        for end in ["s", "x", "z", "ch", "sh", "o"] where verb.hasSuffix(end) { return verb + "es" }
        return verb + "s"
    }
}

/// Whether 'a' or 'an' goes before a word, by how it sounds.
enum AnSound {
    case vowel, consonant, unknown

    /// The word beginnings that decide it (rubric data, read from the word classes).
    typealias Lists = WordBeginnings

    /// The sound of a word's start; unknown for numbers, abbreviations and symbols.
    static func of(_ t: Token, _ lists: Lists) -> AnSound {
        let u = t.lower.utf8
        guard let first = u.first, first >= 0x61, first <= 0x7A else { return .unknown }
        // A letter said by its name ('an F-16', 'a U-turn', 'an MNA') or a lone letter: unknown.
        let text = Array(t.text.utf8.prefix(2))
        if text.count < 2 || (t.isCapitalized && !(text[1] >= 0x61 && text[1] <= 0x7A)) { return .unknown }
        var lower = t.lower
        return lower.withUTF8 { bytes in
            func starts(_ list: [[UInt8]]) -> Bool {
                list.contains { w in
                    guard w.count <= bytes.count else { return false }
                    for k in w.indices where w[k] != bytes[k] { return false }
                    return true
                }
            }
            if starts(lists.anH) { return .vowel }
            if starts(lists.aPrefix) { return .consonant }
            if first == UInt8(ascii: "u") { return starts(lists.anU) ? .vowel : .unknown }
            return first == 0x61 || first == 0x65 || first == 0x69 || first == 0x6F ? .vowel : .consonant
        }
    }
}

/// The patterns run over the sentences of an answer, one at a time: the compiled places tried on token
/// indices, with each token's word number and derived classes kept in scratch memory of the caller's.
private struct SentenceRun {
    typealias Flag = TokenFeatures.Flag
    let m: LanguageMatcher
    let c: PatternTriggers
    /// The sentence being run.
    var s: Range<Int> = 0..<0
    /// Each token's number in the patterns' word lists (-1: in none), by its index.
    let ids: UnsafeMutablePointer<Int32>
    /// Each token's derived classes (0 until asked), by its index; `soundDone` once its sound is in.
    let derived: UnsafeMutablePointer<UInt32>
    /// The token each place of the pattern being tried started at, then where its match ended.
    let starts: UnsafeMutablePointer<Int>
    /// The optional places taken, most recent last, whose skipping is still to try.
    let taken: UnsafeMutablePointer<Int>
    /// Each pattern's `StartGuard` (row -1: none).
    let guards: UnsafeMutablePointer<PatternTriggers.StartGuard>
    /// The tokens of the sentence at which a clause starts, in order (see `atClauseStart`), once a pattern
    /// that starts with `^` asks: such a pattern is tried at those alone, not at every token.
    let clauseStarts: UnsafeMutablePointer<Int>
    /// How many `clauseStarts` the sentence has; -1 until worked out.
    var clauseCount = -1
    /// The patterns (as bits) whose required words are in the sentence.
    var candidates: UInt64 = 0
    /// The flags of all its tokens together.
    var marks: UInt8 = 0
    /// The closed classes of all its tokens that are not punctuation, together.
    var closedClasses: UInt64 = 0

    static let soundDone: UInt32 = 0x4000_0000
    static let sounds = LanguagePattern.Derived.vowel.bit | LanguagePattern.Derived.consonant.bit

    /// Runs `body` on a run over the matcher's tokens, its scratch memory on the stack.
    static func with<R>(_ m: LanguageMatcher, _ c: PatternTriggers, _ body: (inout SentenceRun) -> R) -> R {
        let n = m.tokens.count
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: n) { ids in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: n) { derived in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * c.longest + 1 + n) { places in
                    withUnsafeTemporaryAllocation(of: PatternTriggers.StartGuard.self, capacity: c.shapes.count) {
                        guards in
                        var run = SentenceRun(
                            m, c, ids: ids.baseAddress!, derived: derived.baseAddress!, places: places.baseAddress!,
                            guards: guards.baseAddress!)
                        return body(&run)
                    }
                }
            }
        }
    }

    private init(
        _ m: LanguageMatcher, _ c: PatternTriggers, ids: UnsafeMutablePointer<Int32>,
        derived: UnsafeMutablePointer<UInt32>, places: UnsafeMutablePointer<Int>,
        guards: UnsafeMutablePointer<PatternTriggers.StartGuard>
    ) {
        self.m = m
        self.c = c
        self.ids = ids
        self.derived = derived
        starts = places
        taken = places + c.longest + 1
        clauseStarts = places + 2 * c.longest + 1
        self.guards = guards
        for n in c.shapes.indices {
            (guards + n).initialize(to: c.startGuard(c.shapes[n]) ?? .init(row: -1, nearest: 0, farthest: 0))
        }
        derived.initialize(repeating: 0, count: m.tokens.count)
        // Each distinct word looked up once in the vocabulary, each token read by its word's number.
        let words = m.features.words
        let numbers = m.ids
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(words.count, 1)) { byWord in
            for w in words.indices { byWord[w] = c.vocabulary[words[w]] ?? -1 }
            for k in numbers.indices { ids[k] = byWord[Int(numbers[k])] }
        }
    }

    /// Sets the run to a sentence: the patterns worth trying in it, its marks and closed classes.
    mutating func start(_ sentence: Range<Int>) {
        s = sentence
        clauseCount = -1
        marks = 0
        closedClasses = 0
        var met = PatternTriggers.Met()
        for k in s {
            marks |= m.flags[k]
            if m.flags[k] & Flag.punctuation == 0 { closedClasses |= m.closed[k] }
            let id = ids[k]
            if id >= 0 { met.add(Int(id), c) }
        }
        candidates = c.candidates(met: met)
    }

    /// Every match of the patterns, left to right, one per marked place.
    mutating func hits(_ patterns: [LanguagePattern]) -> [LanguageHit] {
        var out: [LanguageHit] = []
        for n in c.shapes.indices where n >= 64 || candidates & UInt64(1) << UInt64(n) != 0 {
            let shape = c.shapes[n]
            guard conditionsHold(shape.conditions), hasClasses(shape.closedNeeds) else { continue }
            var i = s.lowerBound
            // A pattern that starts with `^.` is tried at the first token only.
            let last = shape.sentenceStart ? s.lowerBound + 1 : s.upperBound
            let first = c.places[shape.places.lowerBound]
            let guarded = guards[n]
            if first.anchor && !first.sentenceOnly && !shape.sentenceStart {
                // `startsHere` holds only at a clause start: the pattern is tried there alone, in the same
                // order, and past the end of a match as below.
                if clauseCount < 0 { findClauseStarts() }
                for j in 0..<clauseCount {
                    let at = clauseStarts[j]
                    if at < i || (guarded.row >= 0 && !wordNear(guarded, at))
                        || (guarded.closedMask != 0 && !closedAt(guarded, at))
                        || (guarded.second >= 0 && !secondNear(guarded, at))
                    {
                        continue
                    }
                    if let (end, from, to) = match(shape, at), end > at || to > from,
                        clauseBefore(shape.conditions, from), !out.contains(where: { $0.from < to && from < $0.to })
                    {
                        out.append(LanguageHit(from: from, to: to, fix: m.fix(patterns[n], from, to), pattern: n))
                        i = max(end, at + 1)
                    }
                }
                continue
            }
            while i < last {
                // No token before the next of the guard's word list can have it near enough: the tokens up to
                // the first that can are passed over at once, not tested one by one.
                if guarded.row >= 0 {
                    guard let next = nextNear(guarded, i) else { break }
                    i = next
                    if i >= last { break }
                }
                // The first place fails here, or the word the pattern needs is not near enough, so the
                // pattern does: no walk to set up.
                if !startsHere(first, i) || (guarded.row >= 0 && !wordNear(guarded, i))
                    || (guarded.closedMask != 0 && !closedAt(guarded, i))
                    || (guarded.second >= 0 && !secondNear(guarded, i))
                {
                    i += 1
                    continue
                }
                if let (end, from, to) = match(shape, i), end > i || to > from, clauseBefore(shape.conditions, from),
                    !out.contains(where: { $0.from < to && from < $0.to })
                {
                    out.append(LanguageHit(from: from, to: to, fix: m.fix(patterns[n], from, to), pattern: n))
                    i = max(end, i + 1)
                } else {
                    i += 1
                }
            }
        }
        return out.sorted { $0.from < $1.from }
    }

    /// Fills in `clauseStarts` for the sentence.
    private mutating func findClauseStarts() {
        clauseCount = 0
        for i in s where atClauseStart(i, sentenceOnly: false) {
            clauseStarts[clauseCount] = i
            clauseCount += 1
        }
    }

    /// Whether a token of the guard's word list lies where a match from token `i` would take it.
    @inline(__always)
    private func wordNear(_ g: PatternTriggers.StartGuard, _ i: Int) -> Bool {
        var k = i + g.nearest
        let end = min(i + g.farthest + 1, s.upperBound)
        while k < end {
            if member(g.row, Int(ids[k])) { return true }
            k += 1
        }
        return false
    }

    /// The first token from `i` on at which `wordNear` can hold: a token of the guard's word list is at most
    /// `farthest` tokens after it, the first such token at or after `i + nearest`; nil when the sentence has
    /// none. Every token from `i` up to it has no token of the list near enough.
    @inline(__always)
    private func nextNear(_ g: PatternTriggers.StartGuard, _ i: Int) -> Int? {
        var k = i + g.nearest
        while k < s.upperBound {
            if member(g.row, Int(ids[k])) { return max(i, k - g.farthest) }
            k += 1
        }
        return nil
    }

    /// Whether a token of the guard's second word list lies where a match from token `i` would take it.
    @inline(__always)
    private func secondNear(_ g: PatternTriggers.StartGuard, _ i: Int) -> Bool {
        var k = i + g.secondNearest
        let end = min(i + g.secondFarthest + 1, s.upperBound)
        while k < end {
            if member(g.second, Int(ids[k])) { return true }
            k += 1
        }
        return false
    }

    /// Whether a token where the guard's closed classes ask for one, counted from token `i`, is in one of them.
    @inline(__always)
    private func closedAt(_ g: PatternTriggers.StartGuard, _ i: Int) -> Bool {
        var k = i + g.closedAt
        let end = min(i + g.closedUpTo + 1, s.upperBound)
        while k < end {
            // A punctuation mark is in no closed class.
            if m.flags[k] & Flag.punctuation == 0 && m.closed[k] & g.closedMask != 0 { return true }
            k += 1
        }
        return false
    }

    /// False when a pattern whose first place is `first` cannot match from token `i`: a clause start it
    /// is not, or a token the first place (neither optional nor looking behind) does not take.
    private mutating func startsHere(_ first: PatternTriggers.Place, _ i: Int) -> Bool {
        if first.anchor { return atClauseStart(i, sentenceOnly: first.sentenceOnly) }
        return first.optional || first.behind || passes(first, i)
    }

    /// Whether the sentence holds some closed class of each mask of `closedNeeds` in the range.
    private func hasClasses(_ needs: Range<Int>) -> Bool {
        for k in needs where closedClasses & c.closedNeeds[k] == 0 { return false }
        return true
    }

    /// The end of a match of a pattern from token `start` and its marked tokens, or nil. The places are
    /// tried in order; an optional place that passes is taken, and skipped only when the rest then fails
    /// (the most recent first).
    private mutating func match(_ shape: PatternTriggers.Shape, _ start: Int) -> (Int, Int, Int)? {
        var e = 0
        var i = start
        var depth = 0
        while true {
            if walk(shape.places, &e, &i, &depth) {
                starts[shape.places.count] = i
                return (i, starts[shape.marked.lowerBound], starts[shape.marked.upperBound])
            }
            guard depth > 0 else { return nil }
            depth -= 1
            e = taken[depth]
            i = starts[e]
            e += 1
        }
    }

    /// Walks the places from the `e`th at token `i` until all have passed (true) or one fails (false).
    private mutating func walk(_ places: Range<Int>, _ e: inout Int, _ i: inout Int, _ depth: inout Int) -> Bool {
        while e < places.count {
            starts[e] = i
            let place = c.places[places.lowerBound + e]
            if place.anchor {
                guard atClauseStart(i, sentenceOnly: place.sentenceOnly) else { return false }
            } else if place.behind {
                if place.nextFirst && !(i < s.upperBound && passes(c.places[places.lowerBound + e + 1], i)) {
                    return false
                }
                if i > s.lowerBound && passes(place, i - 1) { return false }
            } else if i < s.upperBound && passes(place, i) {
                if place.optional {
                    taken[depth] = e
                    depth += 1
                }
                i += 1
            } else if !place.optional {
                return false
            }
            e += 1
        }
        return true
    }

    /// Whether token `k` passes a place's test: its one word list, or any of its alternatives.
    private mutating func passes(_ place: PatternTriggers.Place, _ k: Int) -> Bool {
        if place.row >= 0 { return member(place.row, Int(ids[k])) }
        return passes(place.tests, k)
    }

    /// Whether the word numbered `id` (-1: none) is in the word list of a row of `members`.
    @inline(__always)
    private func member(_ row: Int, _ id: Int) -> Bool {
        id >= 0 && c.members[row &* c.stride &+ id >> 6] >> UInt64(id & 63) & 1 != 0
    }

    /// Whether token `k` passes any of the tests.
    private mutating func passes(_ tests: Range<Int>, _ k: Int) -> Bool {
        for t in tests where passes(c.tests[t], k) { return true }
        return false
    }

    /// Whether token `k` passes every atom of a test; the derived classes, which may cost look-ups, last.
    private mutating func passes(_ t: PatternTriggers.Test, _ k: Int) -> Bool {
        if t.closedAll | t.closedNone != 0 {
            // A punctuation mark is in no closed class.
            let mask = m.flags[k] & Flag.punctuation != 0 ? 0 : m.closed[k]
            guard mask & t.closedAll == t.closedAll, mask & t.closedNone == 0 else { return false }
        }
        let id = Int(ids[k])
        for w in t.words {
            let test = c.wordTests[w]
            if member(test.row, id) == test.negated { return false }
        }
        for x in t.exact {
            let test = c.exactTests[x]
            if c.exactKeys[test.keys].contains(m.tokens[k].exactKey) == test.negated { return false }
        }
        guard t.needsDerived else { return true }
        let bits = derivedClasses(k, t.derivedAll | t.derivedNone)
        return bits & t.derivedAll == t.derivedAll && bits & t.derivedNone == 0
    }

    /// Token `k`'s derived classes (none for a token that is not a word): at least those `need` asks for.
    private mutating func derivedClasses(_ k: Int, _ need: UInt32) -> UInt32 {
        var bits = derived[k]
        let stems = need & LanguageMatcher.stemBits != 0
        if bits & LanguageMatcher.tagsDone == 0 || (stems && bits & LanguageMatcher.stemsDone == 0) {
            bits = bits & Self.soundDone | bits & Self.sounds | m.derivedClasses(k, stems: stems)
        }
        if need & Self.sounds != 0 && bits & Self.soundDone == 0 { bits |= Self.soundDone | m.sound(k) }
        derived[k] = bits
        return bits
    }
    private mutating func has(_ d: LanguagePattern.Derived, _ k: Int) -> Bool {
        derivedClasses(k, d.bit) & d.bit != 0
    }

    private func atClauseStart(_ i: Int, sentenceOnly: Bool) -> Bool {
        if i == s.lowerBound { return true }
        guard !sentenceOnly else { return false }
        let before = m.flags[i - 1]
        if before & Flag.punctuation != 0 { return before & (Flag.comma | Flag.semicolon | Flag.colon) != 0 }
        return m.closed[i - 1] & m.clause != 0
    }

    private func conditionsHold(_ conditions: LanguagePattern.Conditions) -> Bool {
        if conditions.contains(.notQuestion) && marks & Flag.question != 0 { return false }
        if conditions.contains(.noComma) && marks & (Flag.comma | Flag.semicolon) != 0 { return false }
        return true
    }

    /// For `clause-before`: the words before the match make a main clause of their own (a finite verb,
    /// and no subordinating word or participle at the start).
    private mutating func clauseBefore(_ conditions: LanguagePattern.Conditions, _ at: Int) -> Bool {
        guard conditions.contains(.clauseBefore) else { return true }
        // The clause is the words since the last comma; a subordinating word anywhere before rules it out.
        for k in s.lowerBound..<at where m.closed[k] & m.subordAny != 0 { return false }
        let segment = ((s.lowerBound..<at).last { m.flags[$0] & Flag.comma != 0 }).map { $0 + 1 } ?? s.lowerBound
        guard let f = (segment..<at).first(where: { m.flags[$0] & Flag.word != 0 }) else { return false }
        if m.closed[f] & (m.subord | m.prep) != 0 || m.tokens[f].lower.hasSuffix("ing") || has(.vd, f) {
            return false
        }
        // A series of clauses ('…, it has X, and it has Y') is not a splice.
        var k = at + 1
        while k + 1 < s.upperBound {
            if m.flags[k] & Flag.comma != 0, m.closed[k + 1] & m.conj != 0 { return false }
            k += 1
        }
        if listsThreeClauses(after: at) { return false }
        return hasFiniteVerb(segment..<at)
    }

    private static let andKey = WordKey.of("and")
    private static let orKey = WordKey.of("or")
    private static let thereKey = WordKey.of("there")

    /// True when the clause after the comma at `at` ends in 'and' or 'or' and a third clause with its own
    /// finite verb ('They cannot get passports, they cannot travel and their children cannot study'): a
    /// list of clauses, A, B and C, with no comma before the last, is not a splice.
    private mutating func listsThreeClauses(after at: Int) -> Bool {
        var k = at + 2
        while k < s.upperBound, m.flags[k] & Flag.punctuation == 0 {
            if m.keys[k] == Self.andKey || m.keys[k] == Self.orKey {
                // The third part has a subject of its own ('and it gives', 'and their children can'; 'there' as
                // written for 'their'): 'and do not listen' goes on with the second clause's subject.
                guard k + 1 < s.upperBound, m.closed[k + 1] & m.subjectOpener != 0 || m.keys[k + 1] == Self.thereKey
                else { return false }
                let end = ((k + 1)..<s.upperBound).first { m.flags[$0] & Flag.punctuation != 0 } ?? s.upperBound
                return hasFiniteVerb((k + 1)..<end)
            }
            k += 1
        }
        return false
    }

    /// Whether a run of words holds a finite verb: an auxiliary, or a past or -s form after its subject.
    private mutating func hasFiniteVerb(_ run: Range<Int>) -> Bool {
        var finite = false
        for k in run {
            if m.flags[k] & Flag.punctuation != 0 { return false }
            if m.closed[k] & m.aux != 0 { finite = true }
            if k > run.lowerBound, has(.vd, k) || has(.vz, k) {
                if m.closed[k - 1] & m.subject != 0 || has(.nsg, k - 1) || has(.npl, k - 1) || has(.proper, k - 1) {
                    finite = true
                }
            }
        }
        return finite
    }
}
