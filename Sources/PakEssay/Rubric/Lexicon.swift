/// The word lists a rubric grades with, loaded once per rubric from its data files and its `words` table.
public struct Lexicon: Sendable {
    /// Misspelling → correction (lowercase).
    public var misspellings: [String: String] = [:]
    /// Confused phrases by their first word: the wrong words (lowercase) and the right phrase.
    public var confused: [String: [(wrong: [String], right: String)]] = [:]
    /// Proper nouns and terms never to flag, lowercase single words.
    public var properWords: Set<String> = []
    /// Named things (events, agreements, operations, institutions) as word sequences, lowercase, by first word.
    public var namedThings: PhraseTable = PhraseTable()
    /// Reference sources as word sequences, by first word; matched with case where the entry is an abbreviation.
    public var sources: PhraseTable = PhraseTable()
    /// Function words.
    public var stopWords: Set<String> = []
    /// Small cue lists from the rubric's `words` table: connectives, counter cues, thesis cues…
    public var cues: [String: PhraseTable] = [:]

    /// Creates an empty lexicon.
    public init() {}

    /// The cue table of that name (empty when the rubric has none).
    public func cue(_ name: String) -> PhraseTable { cues[name] ?? PhraseTable() }
}

/// Phrases (word sequences) looked up by their first word, longest first.
public struct PhraseTable: Sendable {
    struct Entry: Sendable {
        var words: [String]
        var caseSensitive: Bool
    }

    private var byFirst: [String: [Entry]] = [:]
    /// How many phrases the table holds.
    public private(set) var count = 0

    /// Creates an empty table.
    public init() {}

    /// Creates a table from phrases written as text.
    public init(_ phrases: [String], keepCase: Bool = false) {
        for phrase in phrases { add(phrase, keepCase: keepCase) }
    }

    /// Adds a phrase. With `keepCase`, a phrase holding a short all-capitals word (`UN`, `IPS`)
    /// matches only as written, so the abbreviation is not read into ordinary words.
    public mutating func add(_ phrase: String, keepCase: Bool = false) {
        let words = phraseWords(phrase)
        guard let first = words.first else { return }
        let sensitive = keepCase && words.contains { w in
            w.count <= 6 && w == w.uppercased() && w.unicodeScalars.contains(where: \.properties.isAlphabetic)
        }
        let entry = Entry(words: sensitive ? words : words.map { $0.lowercased() }, caseSensitive: sensitive)
        byFirst[first.lowercased(), default: []].append(entry)
        byFirst[first.lowercased()]!.sort { $0.words.count > $1.words.count }
        count += 1
    }

    /// The length in tokens of the longest phrase starting at `tokens[i]`, within `limit`, or nil.
    public func match(_ tokens: [Token], at i: Int, limit: Int) -> Int? {
        guard let candidates = byFirst[tokens[i].lower] else { return nil }
        for entry in candidates where i + entry.words.count <= limit {
            var ok = true
            for (k, word) in entry.words.enumerated() {
                let t = tokens[i + k]
                if (entry.caseSensitive ? t.text : t.lower) != word { ok = false; break }
            }
            if ok { return entry.words.count }
        }
        return nil
    }

    /// The words of its one-word entries, lowercase, for cue lists used as sets.
    public var allFirstWords: [String] {
        byFirst.values.flatMap { $0.filter { $0.words.count == 1 }.map { $0.words[0].lowercased() } }.sorted()
    }

    /// True when the table holds the phrase (compared in lowercase).
    public func contains(_ phrase: String) -> Bool {
        let words = phraseWords(phrase).map { $0.lowercased() }
        guard let first = words.first else { return false }
        return byFirst[first]?.contains { $0.words.map { $0.lowercased() } == words } ?? false
    }
}

/// Splits a phrase into the tokens the tokenizer would make (words, numbers, punctuation).
func phraseWords(_ phrase: String) -> [String] {
    Tokenizer.tokens(of: [.text(phrase, at: SourcePosition(line: 1, column: 1))]).map(\.text)
}
