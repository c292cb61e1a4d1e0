/// The topic model's acronyms as a list: their short forms, full names and features, read where they lie in
/// the compiled model. An acronym's strings are made only when it is asked for.
public struct AcronymList: RandomAccessCollection, Sendable {
    let shorts: PlacedStrings
    let namesTexts: PlacedStrings
    let features: PlacedWords

    /// No acronyms.
    init() { self.init([]) }

    /// The acronyms of a model built from its text.
    init(_ list: [TopicModel.Acronym]) {
        self.init(
            shorts: PlacedStrings(list.map(\.short)), namesTexts: PlacedStrings(list.map(\.namesText)),
            features: PlacedWords(list.map(\.feature)))!
    }

    /// The acronyms from their three parallel lists, or nil when the lists differ in length.
    init?(shorts: PlacedStrings, namesTexts: PlacedStrings, features: PlacedWords) {
        guard shorts.count == features.count, namesTexts.count == features.count else { return nil }
        self.shorts = shorts
        self.namesTexts = namesTexts
        self.features = features
    }

    /// The first index, 0.
    public var startIndex: Int { 0 }
    /// The number of acronyms.
    public var endIndex: Int { features.count }

    /// Acronym `i`, its strings made from the compiled bytes.
    public subscript(i: Int) -> TopicModel.Acronym {
        TopicModel.Acronym(short: shorts[i], namesText: namesTexts[i], feature: features[i])
    }

    /// The feature of acronym `i` (no string made).
    @inline(__always)
    func feature(_ i: Int) -> UInt64 { features[i] }

    /// Acronym `i` as written (`SCO`), without its full names.
    func short(_ i: Int) -> String { shorts[i] }
}

/// The topic model's question bank as a list, read where it lies in the compiled model: a question's strings
/// are made only when it is asked for, and its topics are kept as the topics' indices.
public struct BankList: RandomAccessCollection, Sendable {
    let ids: PlacedStrings
    let papers: PlacedStrings
    let texts: PlacedStrings
    /// Each question's year, or -1 for a question written for the project.
    let years: PlacedWords
    /// Question `i`'s topics are `topicIndices[topicStarts[i]..<topicStarts[i + 1]]`.
    let topicStarts: PlacedWords
    let topicIndices: PlacedWords
    /// The ids of the model's topics, by index.
    let topicIDs: [String]

    /// No questions.
    init() {
        self.init(
            ids: PlacedStrings(), papers: PlacedStrings(), texts: PlacedStrings(), years: PlacedWords(),
            topicStarts: PlacedWords([0]), topicIndices: PlacedWords(), topicIDs: [])!
    }

    /// The questions of a model built from its text, whose topics (every one of them known) are `topicIDs`.
    init(_ list: [TopicModel.BankQuestion], topicIDs: [String]) {
        var index: [String: Int] = [:]
        for (k, id) in topicIDs.enumerated() { index[id] = k }
        var starts: [UInt64] = [0]
        var indices: [UInt64] = []
        for q in list {
            for t in q.topics { indices.append(UInt64(index[t]!)) }
            starts.append(UInt64(indices.count))
        }
        self.init(
            ids: PlacedStrings(list.map(\.id)), papers: PlacedStrings(list.map(\.paper)),
            texts: PlacedStrings(list.map(\.text)),
            years: PlacedWords(list.map { UInt64(bitPattern: Int64($0.year ?? -1)) }),
            topicStarts: PlacedWords(starts), topicIndices: PlacedWords(indices), topicIDs: topicIDs)!
    }

    /// The bank from its parallel lists, or nil when they do not fit together (a damaged compiled file).
    init?(
        ids: PlacedStrings, papers: PlacedStrings, texts: PlacedStrings, years: PlacedWords, topicStarts: PlacedWords,
        topicIndices: PlacedWords, topicIDs: [String]
    ) {
        let n = ids.count
        guard papers.count == n, texts.count == n, years.count == n, topicStarts.count == n + 1 else { return nil }
        var previous: UInt64 = 0
        for start in topicStarts {
            guard start >= previous, start <= UInt64(topicIndices.count) else { return nil }
            previous = start
        }
        guard topicStarts[0] == 0, previous == UInt64(topicIndices.count),
            topicIndices.allSatisfy({ $0 < UInt64(topicIDs.count) })
        else { return nil }
        self.ids = ids
        self.papers = papers
        self.texts = texts
        self.years = years
        self.topicStarts = topicStarts
        self.topicIndices = topicIndices
        self.topicIDs = topicIDs
    }

    /// The first index, 0.
    public var startIndex: Int { 0 }
    /// The number of questions.
    public var endIndex: Int { ids.count }

    /// Question `i`, its strings made from the compiled bytes.
    public subscript(i: Int) -> TopicModel.BankQuestion {
        let year = Int(Int64(bitPattern: years[i]))
        return TopicModel.BankQuestion(
            id: ids[i], paper: papers[i], year: year < 0 ? nil : year, topics: topics(of: i), text: texts[i])
    }

    /// The indices of question `i`'s topics, in the order written.
    func topicIndices(of i: Int) -> PlacedWords { topicIndices.run(topicStarts.int(i)..<topicStarts.int(i + 1)) }

    /// The ids of question `i`'s topics.
    func topics(of i: Int) -> [String] { topicIndices(of: i).map { topicIDs[Int($0)] } }
}

/// Full names by the key of their first word, read in place: for each, the word keys of each full name that
/// starts with it (longest first) and the acronym it names.
struct NameIndex: Sendable {
    /// By first word: where its names start among the entries and how many (start << 20 | count).
    let table: SlotTable<Int>
    /// Each name: where its words start and how many (start << 20 | count), and its acronym.
    let entryRuns: PlacedWords
    let entryAcronyms: PlacedWords
    let words: PlacedWords

    /// No names.
    init() { self.init(WordKeyMap()) }

    /// The names of a model built from its text.
    init(_ map: WordKeyMap<[(words: [UInt64], acronym: Int)]>) {
        var runs = WordKeyMap<Int>(capacity: map.count)
        var entryRuns: [UInt64] = []
        var entryAcronyms: [UInt64] = []
        var words: [UInt64] = []
        map.forEach { key, list in
            runs[key] = entryRuns.count << 20 | list.count
            for (name, acronym) in list {
                entryRuns.append(UInt64(words.count << 20 | name.count))
                entryAcronyms.append(UInt64(acronym))
                words += name
            }
        }
        self.init(
            table: SlotTable(runs), entryRuns: PlacedWords(entryRuns), entryAcronyms: PlacedWords(entryAcronyms),
            words: PlacedWords(words), acronyms: Int.max)!
    }

    /// The index from its parts, or nil when a run points past its list or an entry names no acronym of the
    /// `acronyms` there are (a damaged compiled file).
    init?(table: SlotTable<Int>, entryRuns: PlacedWords, entryAcronyms: PlacedWords, words: PlacedWords, acronyms: Int)
    {
        guard entryRuns.count == entryAcronyms.count else { return nil }
        var sound = true
        table.forEach { _, run in if run < 0 || run >> 20 + run & 0xFFFFF > entryRuns.count { sound = false } }
        for run in entryRuns where run >> 20 + run & 0xFFFFF > UInt64(words.count) { sound = false }
        for a in entryAcronyms where a >= UInt64(acronyms) { sound = false }
        guard sound else { return nil }
        self.table = table
        self.entryRuns = entryRuns
        self.entryAcronyms = entryAcronyms
        self.words = words
    }

    /// True when some full name starts with the word of this key.
    @inline(__always)
    func contains(_ key: UInt64) -> Bool { table[key] != nil }

    /// The full names that start with the word of this key, longest first, or nil.
    subscript(key: UInt64) -> NameCandidates? {
        guard let run = table[key] else { return nil }
        return NameCandidates(index: self, start: run >> 20, count: run & 0xFFFFF)
    }
}

/// The full names that start with one word: each its word keys and its acronym.
struct NameCandidates: RandomAccessCollection {
    let index: NameIndex
    let start: Int
    let count: Int

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(i: Int) -> (words: PlacedWords, acronym: Int) {
        let run = index.entryRuns.int(start + i)
        return (index.words.run((run >> 20)..<(run >> 20 + run & 0xFFFFF)), index.entryAcronyms.int(start + i))
    }

    /// The second word of name `i`, or nil when it has one word only, read in place without making its run.
    func secondWord(_ i: Int) -> UInt64? {
        let run = index.entryRuns.int(start + i)
        return run & 0xFFFFF >= 2 ? index.words[run >> 20 + 1] : nil
    }
}

/// Words the bank's questions capitalise, kept as the sorted list the compiled model holds and made into a set
/// the first time a finding's message asks for one (once per process).
final class ProperNameSet: @unchecked Sendable {
    /// The names, sorted.
    let list: PlacedStrings
    private var set: Set<String>?
    private let lock = SemaphoreLock()

    /// The names of this sorted list.
    init(_ list: PlacedStrings) { self.list = list }

    /// The names as a set.
    var value: Set<String> {
        lock.run {
            if let set { return set }
            let made = Set(list)
            set = made
            return made
        }
    }
}
