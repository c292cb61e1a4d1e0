/// The word lists a rubric grades with, loaded once per rubric from its data files and its `words` table.
public struct Lexicon: Sendable {
    /// The lists the spelling and capitals tables are built from, as read; a compiled lexicon keeps them
    /// in its bytes and reads them only when asked for (they are not needed to grade).
    private var built = LexiconLists()
    private var compiledLists: CompiledLists?
    /// Misspelling → correction (lowercase).
    public var misspellings: [String: String] {
        get { lists.misspellings }
        _modify { yield &materialized.misspellings }
    }
    /// Confused phrases by their first word: the wrong words (lowercase) and the right phrase.
    public var confused: [String: [(wrong: [String], right: String)]] {
        get { lists.confused }
        _modify { yield &materialized.confused }
    }
    /// Proper nouns and terms never to flag, lowercase single words.
    public var properWords: Set<String> {
        get { lists.properWords }
        _modify { yield &materialized.properWords }
    }
    /// The full English word list spelling is checked against, or nil when the rubric names none.
    public var dictionary: SpellingDictionary? {
        didSet {
            focusCache = TextCache()
            homeCache = TextCache()
        }
    }
    /// Words never flagged as misspelt besides the dictionary's: Pakistani English and transliterations
    /// (`allowed`), and every word of the proper nouns, named events, sources and acronyms; lowercase.
    public var allowedWords: Set<String> {
        get { lists.allowedWords }
        _modify { yield &materialized.allowedWords }
    }
    /// The entries of `allowed` lists written without capitals, lowercase.
    public var plainWords: Set<String> {
        get { lists.plainWords }
        _modify { yield &materialized.plainWords }
    }
    /// The one-word entries of `allowed` lists written with capitals, lowercase.
    public var forcedCapitals: Set<String> {
        get { lists.forcedCapitals }
        _modify { yield &materialized.forcedCapitals }
    }
    /// Names written with capitals (`Pakistan`, `IMF`, `Nobel Peace Prize`) as the lists write them, for the
    /// capitals rule: one-word names by their lowercase key, longer ones by their first word's.
    public var capitalNames: [String] {
        get { lists.capitalNames }
        _modify { yield &materialized.capitalNames }
    }
    /// Named things (events, agreements, operations, institutions) as word sequences, lowercase, by first word.
    public var namedThings: PhraseTable = PhraseTable()
    /// Reference sources as word sequences, by first word; matched with case where the entry is an abbreviation.
    public var sources: PhraseTable = PhraseTable()
    /// Function words.
    public var stopWords: Set<String> = [] {
        didSet { rebuildQuestionStopWords() }
    }
    /// Small cue lists from the rubric's `words` table: connectives, counter cues, thesis cues…
    public var cues: [String: PhraseTable] = [:] {
        didSet {
            rebuildCueIndex()
            rebuildQuestionStopWords()
        }
    }
    /// Misspellings by the key of the wrong form.
    public internal(set) var misspellingKeys = TextMap()
    /// Confused phrases by their first word's key, with every word as a key.
    public internal(set) var confusedKeys = WordKeyMap<[(wrong: [UInt64], right: String)]>()
    /// The keys of `properWords`.
    public internal(set) var properKeys = WordKeyMap<Bool>() {
        didSet {
            derivedClassCache = DerivedClassCache()
            focusCache = TextCache()
            homeCache = TextCache()
        }
    }
    /// The keys of `allowedWords` and `properWords`.
    public internal(set) var allowedKeys = WordKeyMap<Bool>()
    /// The keys of the allowed words written in lowercase in their list ("sara" in Urdu verse): never a
    /// capitals finding.
    public internal(set) var plainKeys = WordKeyMap<Bool>()
    /// The keys of one-word entries of `allowed` lists written with capitals ("English"): a capitals finding
    /// in lowercase even where the dictionary also knows the word in lowercase.
    public internal(set) var forcedCapitalKeys = WordKeyMap<Bool>()
    /// `capitalNames` by their first word's lowercase key: each name's words as keys and as written.
    public internal(set) var capitalKeys = WordKeyMap<[(words: [UInt64], written: [String])]>()
    /// Every cue list in one table, tagged by its place in `cueNames`: one lookup per word counts them all.
    public internal(set) var cueIndex = PhraseTable()
    /// The cue lists' names, sorted; a tag in `cueIndex` is an index here.
    public internal(set) var cueNames: [String] = []
    /// Words that are never a question's key terms: stop words, generic question words and directive words.
    public internal(set) var questionStopWords: Set<String> = []
    /// The part-of-speech lexicon the language patterns read.
    public var wordClasses = WordClasses() {
        didSet { derivedClassCache = DerivedClassCache() }
    }
    /// Words' derived classes as the language patterns worked them out, for every answer graded with this
    /// lexicon; started again whenever the word classes or proper nouns they are read from change.
    private(set) var derivedClassCache = DerivedClassCache()
    /// The grammar patterns (`language-grammar`).
    public var grammarPatterns: [LanguagePattern] = [] {
        didSet { grammarTriggers = PatternTriggers(grammarPatterns) }
    }
    /// Which grammar patterns a sentence's words can set off.
    public internal(set) var grammarTriggers = PatternTriggers()
    /// The confusion sets decided by context (`language-confused-words`).
    public var confusionPatterns: [LanguagePattern] = [] {
        didSet { confusionTriggers = PatternTriggers(confusionPatterns) }
    }
    /// Which confusion sets a sentence's words can set off.
    public internal(set) var confusionTriggers = PatternTriggers()
    /// Acronyms, the topic thesaurus and the question bank, for judging relevance.
    public var topicModel = TopicModel() {
        didSet {
            keyTermsCache = TextCache()
            focusCache = TextCache()
            homeCache = TextCache()
        }
    }
    /// A question's key terms by its text, worked out once per question (see `GradingContext.keyTerms`);
    /// emptied whenever the words they are read with change.
    private(set) var keyTermsCache = TextCache<KeyTerms>()
    /// What each question asks about its topics (`RelevanceJudge.focus`), by its text. It is read with the topic
    /// model, the aspect words, the proper nouns and the dictionary, so it is kept here, beside them, and emptied
    /// whenever one of them changes: two rubrics that share a topic model (the same thesaurus and bank, memoised
    /// once a process) but not their aspect words or names never share a focus.
    private(set) var focusCache = TextCache<Focus>()
    /// Whether a question is judged for an answer about home (`GradingContext.markHome`), and its names' keys,
    /// by its text: read with the cue lists and the dictionary, so emptied with `focusCache`.
    private(set) var homeCache = TextCache<HomeQuestion>()
    /// The thresholds relevance is judged by.
    public var relevanceSettings = RelevanceSettings()
    /// The thresholds the answer is divided into its parts by (the rubric's `parts` table).
    public var partSettings = PartSettings()
    /// The rubric's directive table: what each directive owes (`DirectiveTable.standard` when it gives none).
    public var directives = DirectiveTable.standard

    /// Creates an empty lexicon.
    public init() {}

    /// A lexicon of compiled tables (see `LexiconStore`): the stop words, cue lists and patterns are set
    /// with the tables worked out from them, without working them out again.
    init(
        stopWords: Set<String>, cues: [String: PhraseTable], cueIndex: PhraseTable, cueNames: [String],
        questionStopWords: Set<String>, lists: CompiledLists,
        grammar: (list: [LanguagePattern], triggers: PatternTriggers),
        confusion: (list: [LanguagePattern], triggers: PatternTriggers)
    ) {
        self.stopWords = stopWords
        self.cues = cues
        self.cueIndex = cueIndex
        self.cueNames = cueNames
        self.questionStopWords = questionStopWords
        compiledLists = lists
        // Set in the initializer, so the triggers are taken as compiled, not compiled again.
        grammarPatterns = grammar.list
        grammarTriggers = grammar.triggers
        confusionPatterns = confusion.list
        confusionTriggers = confusion.triggers
    }

    /// The source lists, as built or read from the compiled bytes.
    var lists: LexiconLists {
        compiledLists?.value ?? built
    }

    /// The source lists to change in place: read from the compiled bytes first when they are there.
    private var materialized: LexiconLists {
        get { lists }
        _modify {
            if compiledLists != nil {
                built = lists
                compiledLists = nil
            }
            yield &built
        }
    }

    /// Works out the keyed tables from the word lists; called once a rubric's lists are read.
    mutating func prepare() {
        var corrections = WordKeyMap<String>(capacity: misspellings.count)
        for (wrong, right) in misspellings {
            let key = WordKey.of(wrong)
            // Should two spellings ever share a key, the smaller correction wins, whatever the order.
            if let other = corrections[key], other <= right { continue }
            corrections[key] = right
        }
        misspellingKeys = TextMap(corrections)
        properKeys = WordKeyMap(capacity: properWords.count)
        for word in properWords { properKeys[WordKey.of(word)] = true }
        confusedKeys = WordKeyMap()
        for (first, list) in confused {
            confusedKeys[WordKey.of(first)] = list.map { ($0.wrong.map(WordKey.of), $0.right) }
        }
        rebuildQuestionStopWords()
    }

    /// Works out the spelling and capitals tables from `allowedWords`, `properWords` and `capitalNames`.
    mutating func prepareSpelling() {
        allowedKeys = WordKeyMap(capacity: allowedWords.count + properWords.count)
        for word in allowedWords { allowedKeys[WordKey.of(word)] = true }
        for word in properWords { allowedKeys[WordKey.of(word)] = true }
        plainKeys = WordKeyMap(capacity: plainWords.count)
        for word in plainWords { plainKeys[WordKey.of(word)] = true }
        forcedCapitalKeys = WordKeyMap(capacity: forcedCapitals.count)
        for word in forcedCapitals { forcedCapitalKeys[WordKey.of(word)] = true }
        capitalKeys = WordKeyMap(capacity: capitalNames.count)
        for name in capitalNames where name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
            let written = entryWords(name)
            guard let first = written.first else { continue }
            let entry = (words: written.map { WordKey.of($0.lowercased()) }, written: written)
            var list = capitalKeys[WordKey.of(first.lowercased())] ?? []
            guard !list.contains(where: { $0.words == entry.words }) else { continue }
            let at = list.firstIndex { $0.words.count < entry.words.count } ?? list.count
            list.insert(entry, at: at)
            capitalKeys[WordKey.of(first.lowercased())] = list
        }
    }

    /// Works out `questionStopWords` again; called whenever the stop words or the cue lists change.
    private mutating func rebuildQuestionStopWords() {
        var stop = stopWords
        stop.formUnion(cue("genericQuestionWords").allFirstWords)
        for words in DirectiveFinder.phrases.map(\.words) { stop.formUnion(words) }
        questionStopWords = stop
        keyTermsCache = TextCache()
        focusCache = TextCache()
        homeCache = TextCache()
    }

    private mutating func rebuildCueIndex() {
        cueNames = cues.keys.sorted()
        var index = PhraseTable()
        for (tag, name) in cueNames.enumerated() { index.merge(cues[name]!, tag: tag) }
        cueIndex = index
    }

    /// The cue table of that name (empty when the rubric has none).
    public func cue(_ name: String) -> PhraseTable { cues[name] ?? PhraseTable() }
}

/// The source lists in a compiled lexicon's bytes, read on first use and kept.
final class CompiledLists: @unchecked Sendable {
    private let store: ByteStore
    private let at: Int
    private let length: Int
    private let sum: UInt64
    private let lock = SemaphoreLock()
    private var read: LexiconLists?

    /// The lists in the `length` bytes at byte `at` of `store`, whose checksum is `sum`.
    init(_ store: ByteStore, at: Int, length: Int, sum: UInt64) {
        self.store = store
        self.at = at
        self.length = length
        self.sum = sum
    }

    /// The lists, read the first time they are asked for (none when their bytes are damaged).
    var value: LexiconLists {
        lock.run {
            if let read { return read }
            let made = LexiconStore.lists(store, at: at, length: length, sum: sum) ?? LexiconLists()
            read = made
            return made
        }
    }
}

/// The word lists a lexicon's spelling and capitals tables are built from.
struct LexiconLists: Sendable {
    var misspellings: [String: String] = [:]
    var confused: [String: [(wrong: [String], right: String)]] = [:]
    var properWords: Set<String> = []
    var allowedWords: Set<String> = []
    var plainWords: Set<String> = []
    var forcedCapitals: Set<String> = []
    var capitalNames: [String] = []
}

/// A 64-bit FNV-1a hash of a word's UTF-8 bytes: words are looked up by these keys, so a lookup
/// hashes eight bytes instead of a string.
public enum WordKey {
    /// The key of a word as given.
    public static func of(_ word: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in word.utf8 {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// A short word list as its words' keys: one test of a bit (a key's top six bits, mixed) turns most words
/// away, a scan of the keys the rest. A word whose key is not in the list is not in it, so a caller that
/// finds the key and then compares the word hashes no string for the words it turns away.
struct KeyList: Sendable {
    /// One bit a word (see `bit`), and the words' keys.
    let bits: UInt64
    let keys: [UInt64]

    /// The keys of a list's words.
    init(_ words: some Sequence<String>) {
        keys = words.map { WordKey.of($0) }
        bits = keys.reduce(0) { $0 | Self.bit($1) }
    }

    /// The bit of a key: its top six bits once multiplied by a large odd number, so that the low bits of
    /// the words' FNV keys, which the last letters alone decide, do not choose it.
    @inline(__always) static func bit(_ key: UInt64) -> UInt64 { 1 << ((key &* 0x9E37_79B9_7F4A_7C15) >> 58) }

    /// False when the word whose key is `key` is surely not in the list.
    @inline(__always) func mayHold(_ key: UInt64) -> Bool {
        bits & Self.bit(key) != 0 && keys.contains(key)
    }
}

/// Phrases (word sequences) looked up by their first word's key, longest first. Each phrase may carry a
/// tag, so that several cue lists can share one table and one lookup per word.
public struct PhraseTable: Sendable {
    struct Entry: Sendable {
        var words: [UInt64]
        var caseSensitive: Bool
        var tag: Int
    }

    var byFirst = WordKeyMap<[Entry]>()
    /// For a table read from a compiled lexicon: its phrases, read where they lie in the file (`byFirst` is
    /// then empty). Adding to the table first reads them all into `byFirst`.
    var placed: PlacedPhrases?
    /// The one-word entries, lowercase, for cue lists used as sets.
    public internal(set) var allFirstWords: [String] = []
    /// How many phrases the table holds.
    public internal(set) var count = 0

    /// Creates an empty table.
    public init() {}

    /// Creates a table from phrases written as text.
    public init(_ phrases: [String], keepCase: Bool = false, tag: Int = 0) {
        for phrase in phrases { add(phrase, keepCase: keepCase, tag: tag) }
    }

    /// Adds a phrase. With `keepCase`, a phrase holding a short all-capitals word (`UN`, `IPS`)
    /// matches only as written, so the abbreviation is not read into ordinary words.
    public mutating func add(_ phrase: String, keepCase: Bool = false, tag: Int = 0) {
        unplace()
        let words = phraseWords(phrase)
        guard let first = words.first else { return }
        let sensitive =
            keepCase
            && words.contains { w in
                w.count <= 6 && w == w.uppercased() && w.unicodeScalars.contains(where: \.isAlphabeticScalar)
            }
        let entry = Entry(
            words: words.map { WordKey.of(sensitive ? $0 : $0.lowercased()) }, caseSensitive: sensitive, tag: tag)
        let key = WordKey.of(first.lowercased())
        insert(entry, under: key)
        if words.count == 1 {
            // Kept sorted as it grows: insert where it belongs.
            let word = first.lowercased()
            var low = 0
            var high = allFirstWords.count
            while low < high {
                let mid = (low + high) / 2
                if allFirstWords[mid] < word { low = mid + 1 } else { high = mid }
            }
            allFirstWords.insert(word, at: low)
        }
        count += 1
    }

    /// Adds every phrase of another table under a tag.
    mutating func merge(_ other: PhraseTable, tag: Int) {
        unplace()
        for (key, entries) in other.entriesByFirst.entries {
            for entry in entries {
                var e = entry
                e.tag = tag
                insert(e, under: key)
            }
        }
        count += other.count
    }

    /// Adds an entry after those at least as long: longest first, and in the order added among equals.
    private mutating func insert(_ entry: Entry, under key: UInt64) {
        var list = byFirst[key] ?? []
        let at = list.firstIndex { $0.words.count < entry.words.count } ?? list.count
        list.insert(entry, at: at)
        byFirst[key] = list
    }

    private static func matches(_ entry: Entry, _ tokens: [Token], at i: Int, limit: Int) -> Bool {
        guard i + entry.words.count <= limit else { return false }
        for (k, word) in entry.words.enumerated() {
            if (entry.caseSensitive ? tokens[i + k].exactKey : tokens[i + k].key) != word { return false }
        }
        return true
    }

    /// The phrases by their first word's key, read out of the compiled bytes when the table lies there.
    var entriesByFirst: WordKeyMap<[Entry]> {
        guard let placed else { return byFirst }
        var out = WordKeyMap<[Entry]>()
        placed.offsets.forEach { key, _ in out[key] = placed.entries(key) }
        return out
    }

    /// Reads a placed table's phrases into `byFirst`, so that it can change.
    private mutating func unplace() {
        guard placed != nil else { return }
        byFirst = entriesByFirst
        placed = nil
    }

    /// True when the table holds the one-word phrase `lower` (written in lowercase).
    func containsWord(_ lower: String) -> Bool {
        if let placed { return placed.containsWord(WordKey.of(lower)) }
        return byFirst[WordKey.of(lower)]?.contains { $0.words.count == 1 && !$0.caseSensitive } ?? false
    }

    /// The length in tokens of the longest phrase starting at `tokens[i]`, within `limit`, or nil.
    public func match(_ tokens: [Token], at i: Int, limit: Int) -> Int? {
        if let placed { return placed.match(tokens, at: i, limit: limit) }
        guard let candidates = byFirst[tokens[i].key] else { return nil }
        for entry in candidates where Self.matches(entry, tokens, at: i, limit: limit) { return entry.words.count }
        return nil
    }

    /// True when some phrase of the table starts with the word whose lowercase key (`Token.key`) is `key`.
    func startsPhrase(key: UInt64) -> Bool {
        if let placed { return placed.offsets[key] != nil }
        return byFirst[key] != nil
    }

    /// Every tag's longest phrase starting at `tokens[i]`, one lookup for all of them.
    func matchesByTag(_ tokens: [Token], at i: Int, limit: Int, _ body: (_ tag: Int, _ length: Int) -> Void) {
        if let placed { return placed.matchesByTag(tokens, at: i, limit: limit, body) }
        guard let candidates = byFirst[tokens[i].key] else { return }
        var seen: [Int] = []
        for entry in candidates where !seen.contains(entry.tag) && Self.matches(entry, tokens, at: i, limit: limit) {
            seen.append(entry.tag)
            body(entry.tag, entry.words.count)
        }
    }
}

/// The words of a word-list entry as the tokenizer would make them. An entry of ASCII words, each starting
/// and ending with a letter or digit, with hyphens and apostrophes only inside, splits at its spaces (a
/// one-word entry is itself): most entries are so, and a rubric's lists are read at every start.
func entryWords(_ text: String) -> [String] {
    func isAlphanumeric(_ b: UInt8) -> Bool { (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) }
    var text = text
    let words = text.withUTF8 { bytes -> [String]? in
        var out: [String] = []
        var previous: UInt8 = 0x20
        var start = 0
        for (k, b) in bytes.enumerated() {
            if b == 0x20 || b == 0x2D || b == 0x27 {
                guard isAlphanumeric(previous) else { return nil }
                if b == 0x20 {
                    out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<k]), as: UTF8.self))
                    start = k + 1
                }
            } else if !isAlphanumeric(b) {
                return nil
            }
            previous = b
        }
        guard isAlphanumeric(previous) else { return nil }
        if out.isEmpty { return [] }
        out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
        return out
    }
    guard let words else { return phraseWords(text) }
    return words.isEmpty ? [text] : words
}

/// Splits a phrase into the tokens the tokenizer would make (words, numbers, punctuation).
func phraseWords(_ phrase: String) -> [String] {
    Tokenizer.tokens(of: [.text(phrase, at: SourcePosition(line: 1, column: 1))]).map(\.text)
}

/// A question's key terms as keys and as written, parallel.
struct KeyTerms: Sendable {
    var keys: [String]
    var terms: [String]
}
