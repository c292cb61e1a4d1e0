import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// What relevance is judged with: acronyms and their full names, the topic thesaurus and the question
/// bank, read from a rubric's `acronyms`, `topics` and `questions` files (see docs/rubric-format.md),
/// with every term turned into features once, when the rubric loads.
///
/// A feature is a stem's hash, or an acronym's concept that stands for both the acronym and its full
/// name ("SCO" and "Shanghai Cooperation Organisation" are one feature).
public struct TopicModel: Sendable {
    /// An acronym with its full names.
    public struct Acronym: Sendable {
        /// As written: `SCO`, `LoC`, `CASA-1000`.
        public var short: String
        /// Its full names, the usual one first.
        public var names: [String] {
            get { namesText.split(separator: "|").map(String.init) }
            set { namesText = newValue.joined(separator: "|") }
        }
        /// The full names joined by `|` (which no name holds: the file separates them with it), one string
        /// to read back from the compiled form instead of one per name.
        var namesText: String
        /// Its feature.
        public var feature: UInt64

        /// An acronym with its full names and feature.
        public init(short: String, names: [String], feature: UInt64) {
            self.short = short
            namesText = names.joined(separator: "|")
            self.feature = feature
        }

        init(short: String, namesText: String, feature: UInt64) {
            self.short = short
            self.namesText = namesText
            self.feature = feature
        }
    }

    /// One term of a topic: what it says and its features.
    public struct Term: Sendable {
        /// As written in the thesaurus.
        public var text: String
        /// Which line it comes from: terms, actors, places, institutions or events.
        public var group: String
        /// Its features.
        public var features: [UInt64]

        /// Terms in their compact form.
        static func encode(_ terms: [Term]) -> [UInt8] {
            var w = CompiledWriter()
            w.int(terms.count)
            for t in terms {
                w.string(t.text)
                w.string(t.group)
                w.u64s(t.features)
            }
            return w.bytes
        }

        /// Terms from their compact form (none from bytes that are not one).
        static func decode(_ bytes: PlacedBytes) -> [Term] {
            var r = CompiledReader(bytes: bytes.raw)
            guard let n = r.count() else { return [] }
            var out: [Term] = []
            out.reserveCapacity(n)
            for _ in 0..<n {
                guard let text = r.string(), let group = r.string(), let features = r.u64s() else { return out }
                out.append(Term(text: text, group: group, features: features))
            }
            return out
        }
    }

    /// The terms' features alone, from their compact form: their texts are stepped over, not made.
    static func featureLists(_ bytes: PlacedBytes) -> [[UInt64]] {
        var r = CompiledReader(bytes: bytes.raw)
        guard let n = r.count() else { return [] }
        var out: [[UInt64]] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            guard r.skipString(), r.skipString(), let features = r.u64s() else { return out }
            if !features.isEmpty { out.append(features) }
        }
        return out
    }

    /// A topic of the thesaurus.
    public struct Topic: Sendable {
        /// A kebab-case id such as `sco`.
        public var id: String
        /// Its title.
        public var title: String
        /// The side of a relation between states ("Pakistan" of "Pakistan-Iran relations"), from its `side`
        /// line: the question must name it for an answer to be told the topic's aspects. Nil for a topic that
        /// is no such relation.
        public var side: String?
        /// Its terms in the order written, read from their compact form when asked for: an answer needs
        /// the terms of its question's topic only, so a start does not build 2,700 strings.
        public var terms: [Term] { Term.decode(termData) }
        /// The terms, compact: for each, its text, its group and its features (where they lie in the compiled
        /// file, not copied out).
        var termData: PlacedBytes
        /// Every feature of its title and terms.
        public var features: Set<UInt64> { Set(featureList) }
        /// The same features sorted, so that sums over them come out the same in every run and a lookup is
        /// a binary search (read back from the compiled form without building a set).
        var featureList: [UInt64]

        /// True when the topic holds the feature.
        func has(_ feature: UInt64) -> Bool { featureList.sortedContains(feature) }
    }

    /// A question of the bank.
    public struct BankQuestion: Sendable {
        /// A unique id such as `ca-001`.
        public var id: String
        /// `current-affairs` or `pakistan-affairs`.
        public var paper: String
        /// The year of a real past paper, or nil for a question written for the project.
        public var year: Int?
        /// Topic ids.
        public var topics: [String]
        /// The question.
        public var text: String
    }

    /// The acronyms.
    public private(set) var acronyms = AcronymList()
    /// The topics.
    public private(set) var topics: [Topic] = []
    /// The question bank.
    public private(set) var bank = BankList()
    /// The bank's profiles, parallel to `bank`, worked out once.
    public private(set) var bankProfiles: [Profile] = []
    /// The topics as profiles, parallel to `topics`, for naming what a section is about.
    public private(set) var topicProfiles: [Profile] = []
    /// Every bank profile, then every topic profile, by feature: which profiles hold it and with what
    /// weight, so an answer is compared with all of them in one pass over its own features.
    var postings = SlotTable<Int>()
    /// The postings' profiles and weights, one run per feature: `postings` holds each run's start and length
    /// (start << 20 | length).
    var postingPairs = PlacedPairs()
    /// Keys (`WordKey`) of words that are never features: stop words.
    var stopKeys = WordKeyMap<Bool>()
    /// Acronyms by their feature.
    var acronymByFeature = SlotTable<Int>()
    /// Acronyms by the key of the token as written, and (for acronyms of four letters or more) lowercase.
    var acronymByExact = SlotTable<Int>()
    var acronymByLower = SlotTable<Int>()
    /// Full names by the lowercase key of their first word: the word keys and the acronym, longest first.
    var names = NameIndex()
    /// How rare each feature is among the topics and bank questions (inverse document frequency).
    var idf = SlotTable<Double>()
    /// The weight of a feature seen in no topic or question.
    var unseenWeight = 1.0

    /// Creates an empty model (a rubric without relevance data).
    public init() {}

    /// True when the model holds topics or a bank to judge relevance with.
    public var isEmpty: Bool { topics.isEmpty && bank.isEmpty && acronyms.isEmpty }

    /// How rare a feature is.
    func weight(_ feature: UInt64) -> Double { idf[feature] ?? unseenWeight }

    // MARK: - Building

    /// Reads the acronym lines (`SCO = Shanghai Cooperation Organisation | …`).
    mutating func addAcronyms(_ lines: [(line: Int, text: String)], path: String, file: String, key: String)
        throws(RubricError)
    {
        for (line, text) in lines {
            let halves = text.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
            let names = halves.count == 2 ? halves[1].split(separator: "|").map { $0.trimmingSpaces() } : []
            guard halves.count == 2, !halves[0].isEmpty, !halves[0].contains(" "), !names.isEmpty,
                !names.contains(where: \.isEmpty)
            else {
                throw RubricError(
                    file: file, path: key, "\(path):\(line): expected `ACRONYM = full name | other full name`")
            }
            guard !pendingAcronyms.contains(where: { $0.short == halves[0] }) else {
                throw RubricError(file: file, path: key, "\(path):\(line): the acronym \(halves[0]) is listed twice")
            }
            pendingAcronyms.append(
                Acronym(short: halves[0], names: names, feature: WordKey.of("acronym:" + halves[0].lowercased())))
        }
    }

    /// Reads the thesaurus: `[id] Title` blocks, each with terms, actors, places, institutions and events lines,
    /// and for a relation between states a `side` line.
    mutating func addTopics(_ lines: [(line: Int, text: String)], path: String, file: String, key: String)
        throws(RubricError)
    {
        var current: (id: String, title: String, side: String?, groups: [(String, [String])], line: Int)?
        func close() throws(RubricError) {
            guard let c = current else { return }
            guard !c.groups.isEmpty else {
                throw RubricError(file: file, path: key, "\(path):\(c.line): the topic [\(c.id)] has no terms")
            }
            rawTopics.append((c.id, c.title, c.side, c.groups))
        }
        for (line, text) in lines {
            if text.hasPrefix("[") {
                try close()
                guard let end = text.firstIndex(of: "]") else {
                    throw RubricError(file: file, path: key, "\(path):\(line): expected `[topic-id] Title`")
                }
                let id = String(text[text.index(after: text.startIndex)..<end]).trimmingSpaces()
                let title = String(text[text.index(after: end)...]).trimmingSpaces()
                guard !id.isEmpty, !id.contains(" "), !title.isEmpty else {
                    throw RubricError(file: file, path: key, "\(path):\(line): expected `[topic-id] Title`")
                }
                guard !rawTopics.contains(where: { $0.id == id }) else {
                    throw RubricError(file: file, path: key, "\(path):\(line): the topic [\(id)] is listed twice")
                }
                current = (id, title, nil, [], line)
                continue
            }
            guard current != nil, let colon = text.firstIndex(of: ":") else {
                throw RubricError(
                    file: file, path: key, "\(path):\(line): expected `[topic-id] Title` or `terms: a, b, c`")
            }
            let group = text[..<colon].trimmingSpaces().lowercased()
            if group == Self.sideLine {
                let side = text[text.index(after: colon)...].trimmingSpaces()
                guard !side.isEmpty, !side.contains(",") else {
                    throw RubricError(file: file, path: key, "\(path):\(line): expected `side: name` (one name)")
                }
                guard current!.side == nil else {
                    throw RubricError(
                        file: file, path: key, "\(path):\(line): the topic [\(current!.id)] has two `side` lines")
                }
                current!.side = side
                continue
            }
            guard Self.groups.contains(group) else {
                let known = (Self.groups + [Self.sideLine]).joined(separator: ", ")
                throw RubricError(file: file, path: key, "\(path):\(line): unknown line '\(group)' (known: \(known))")
            }
            let terms = text[text.index(after: colon)...].split(separator: ",")
                .map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            current!.groups.append((group, terms))
        }
        try close()
    }

    /// The stop words' keys, in order (for the compiled form).
    var stopKeysList: [UInt64] {
        var out: [UInt64] = []
        stopKeys.forEach { k, _ in out.append(k) }
        return out.sorted()
    }

    /// Sets a prepared model's parts from its compiled form, where most of them stay (read in place).
    mutating func restore(
        acronyms: AcronymList, acronymTables: [SlotTable<Int>], topics: [Topic], titleFeatures: [[UInt64]],
        titleItemRuns: [[UInt64]], titleHeads: [TitleHead], bank: BankList, bankProfiles: [Profile],
        topicProfiles: [Profile], stopKeys: PlacedWords, names: NameIndex,
        idf: SlotTable<Double>, unseenWeight: Double, properNames: PlacedStrings, postings: SlotTable<Int>,
        postingPairs: PlacedPairs, sameQuestion: Double, related: Double, relatedStarts: PlacedWords,
        relatedFlat: PlacedWords
    ) {
        self.acronyms = acronyms
        acronymByFeature = acronymTables[0]
        acronymByExact = acronymTables[1]
        acronymByLower = acronymTables[2]
        self.topics = topics
        self.titleFeatures = titleFeatures
        self.titleItemRuns = titleItemRuns
        self.titleHeads = titleHeads
        self.bank = bank
        self.bankProfiles = bankProfiles
        self.topicProfiles = topicProfiles
        self.stopKeys = WordKeyMap(capacity: stopKeys.count)
        for k in stopKeys { self.stopKeys[k] = true }
        self.names = names
        self.idf = idf
        self.unseenWeight = unseenWeight
        properNameSet = ProperNameSet(properNames)
        self.sameQuestion = sameQuestion
        settingsRelated = related
        self.relatedStarts = relatedStarts
        self.relatedFlat = relatedFlat
        self.postings = postings
        self.postingPairs = postingPairs
        measureProfiles()
    }

    /// The acronym tables by feature, by the key as written and (four letters or more) lowercase.
    private mutating func indexAcronyms() {
        var byFeature = WordKeyMap<Int>(capacity: acronyms.count)
        var byExact = WordKeyMap<Int>(capacity: acronyms.count)
        var byLower = WordKeyMap<Int>(capacity: acronyms.count)
        for (i, a) in acronyms.enumerated() {
            byFeature[a.feature] = i
            byExact[WordKey.of(a.short)] = i
            if Self.letterCount(a.short, atLeast: 4) {
                byLower[WordKey.of(a.short.lowercased())] = i
            }
        }
        acronymByFeature = SlotTable(byFeature)
        acronymByExact = SlotTable(byExact)
        acronymByLower = SlotTable(byLower)
    }

    /// True when the text holds at least `n` letters (ASCII ones counted on their bytes).
    static func letterCount(_ text: String, atLeast n: Int) -> Bool {
        var letters = 0
        for s in text.unicodeScalars {
            if s.isASCII {
                let v = s.value | 0x20
                if v >= 0x61 && v <= 0x7A { letters += 1 }
            } else if s.properties.isAlphabetic {
                letters += 1
            }
            if letters >= n { return true }
        }
        return false
    }

    /// The kinds of line a topic may have that list its terms.
    public static let groups = ["terms", "actors", "places", "institutions", "events"]
    /// The line that names the side of a relation between states (see `Topic.side`); it lists no terms.
    static let sideLine = "side"

    /// Reads the question bank: `id | paper | year | topics | question`.
    mutating func addQuestions(_ lines: [(line: Int, text: String)], path: String, file: String, key: String)
        throws(RubricError)
    {
        for (line, text) in lines {
            let fields = text.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
            guard fields.count == 5, !fields[0].isEmpty, !fields[1].isEmpty, !fields[4].isEmpty else {
                throw RubricError(
                    file: file, path: key, "\(path):\(line): expected `id | paper | year | topics | question`")
            }
            var year: Int?
            if fields[2] != "written" {
                guard let y = Int(fields[2]), (1947...2100).contains(y) else {
                    throw RubricError(file: file, path: key, "\(path):\(line): the year must be a year or `written`")
                }
                year = y
            }
            guard !pendingBank.contains(where: { $0.id == fields[0] }) else {
                throw RubricError(file: file, path: key, "\(path):\(line): the question id \(fields[0]) is used twice")
            }
            let topics = fields[3].split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            pendingBank.append(
                BankQuestion(id: fields[0], paper: fields[1], year: year, topics: topics, text: fields[4]))
            bankLines.append(line)
        }
        bankPath = path
    }

    var rawTopics: [(id: String, title: String, side: String?, groups: [(String, [String])])] = []
    /// The acronyms and bank questions read from the text, until `prepare` makes them the model's lists.
    var pendingAcronyms: [Acronym] = []
    var pendingBank: [BankQuestion] = []
    var bankLines: [Int] = []
    var bankPath = ""

    /// Works out every feature, the rarity weights and the bank's profiles; called once the rubric's
    /// stop words and task words are known. Throws when a bank question names an unknown topic.
    mutating func prepare(stopWords: Set<String>, taskWords: PhraseTable, file: String) throws(RubricError) {
        stopKeys = WordKeyMap(capacity: stopWords.count)
        for w in stopWords { stopKeys[WordKey.of(w)] = true }
        acronyms = AcronymList(pendingAcronyms)
        indexAcronyms()
        var nameMap = WordKeyMap<[(words: [UInt64], acronym: Int)]>(capacity: acronyms.count)
        for (i, a) in pendingAcronyms.enumerated() {
            for name in a.names {
                let words = RelevanceText.words(of: name).map(WordKey.of)
                guard words.count >= 2, let first = words.first else { continue }
                var list = nameMap[first] ?? []
                list.append((words, i))
                list.sort { $0.words.count > $1.words.count }
                nameMap[first] = list
            }
        }
        names = NameIndex(nameMap)
        topics = rawTopics.map { raw in
            var terms: [Term] = []
            var all = Set(dataFeatures(of: raw.title))
            for (group, list) in raw.groups {
                for text in list {
                    let f = dataFeatures(of: text)
                    guard !f.isEmpty else { continue }
                    terms.append(Term(text: text, group: group, features: f))
                    all.formUnion(f)
                }
            }
            return Topic(
                id: raw.id, title: raw.title, side: raw.side, termData: PlacedBytes(Term.encode(terms)),
                featureList: all.sorted())
        }
        titleFeatures = rawTopics.map { Set(dataFeatures(of: $0.title)).sorted() }
        titleHeads = rawTopics.map { raw in
            guard let head = TopicModel.titlePieces(raw.title).first else { return TitleHead(whole: [], firstItem: []) }
            return TitleHead(
                whole: dataFeatures(of: String(head.text)),
                firstItem: head.items.count > 1 ? dataFeatures(of: head.items[0]) : [])
        }
        titleItemRuns = rawTopics.map { raw in
            let named = String(raw.id.map { $0 == "-" ? " " : $0 })
            var run: [UInt64] = []
            for item in ([named] + TopicModel.titleParts(raw.title)).map(dataFeatures(of:)) where !item.isEmpty {
                run.append(UInt64(item.count))
                run += item
            }
            return run
        }
        var properNames: Set<String> = []
        for q in pendingBank {
            for word in q.text.split(separator: " ").dropFirst() {
                var w = String(word.filter { $0.isLetter || $0.isNumber || $0 == "'" || $0 == "-" })
                if w.hasSuffix("'s") { w = String(w.dropLast(2)) }
                if let first = w.first, first.isUppercase {
                    properNames.insert(String(w.split(separator: "-").first ?? ""))
                }
            }
        }
        // Rarity over the topics and the bank's questions: a word most questions use ("Pakistan", "role")
        // tells topics apart less than one few use ("floods", "RATS").
        var documents: [Set<UInt64>] = topics.map(\.features)
        for q in pendingBank { documents.append(Set(dataFeatures(of: q.text))) }
        var df: [UInt64: Int] = [:]
        for d in documents { for f in d { df[f, default: 0] += 1 } }
        let n = Double(max(1, documents.count))
        var rarity = WordKeyMap<Double>(capacity: df.count)
        var idfSum = 0.0
        for (f, d) in df.sorted(by: { $0.key < $1.key }) {
            let w = log((n + 1) / (Double(d) + 0.5))
            rarity[f] = w
            idfSum += w
        }
        idf = SlotTable(rarity)
        // A word no topic or question uses is as telling as a typical one, not the rarest.
        unseenWeight = rarity.isEmpty ? 1 : idfSum / Double(rarity.count)
        topicProfiles = topics.map { topic in
            var p = Profile()
            for f in topic.featureList { p.add(f, weight(f)) }
            p.topics = [topic.id]
            return p
        }
        bankProfiles = []
        for (k, q) in pendingBank.enumerated() {
            for t in q.topics where !topics.contains(where: { $0.id == t }) {
                throw RubricError(
                    file: file, path: "lexicons.questions",
                    "\(bankPath):\(bankLines[k]): unknown topic '\(t)' (the thesaurus has no [\(t)])")
            }
            bankProfiles.append(profile(features: dataFeatures(of: q.text), topics: q.topics))
        }
        var lists: [UInt64: [(profile: Int32, weight: Double)]] = [:]
        // A word a quarter of the topics and questions use tells them apart too little to be worth its
        // postings; leaving it out keeps comparing a section with every profile cheap.
        let common = log((n + 1) / (n / 4 + 0.5))
        bankProfiles = bankProfiles.map { $0.sparsified() }
        topicProfiles = topicProfiles.map { $0.sparsified() }
        for (k, p) in (bankProfiles + topicProfiles).enumerated() {
            p.forEachWeight { f, w in if weight(f) >= common { lists[f, default: []].append((Int32(k), w)) } }
        }
        var runs = WordKeyMap<Int>(capacity: lists.count)
        var postingProfiles: [UInt64] = []
        var postingWeights: [Double] = []
        for (f, list) in lists.sorted(by: { $0.key < $1.key }) {
            runs[f] = postingProfiles.count << 20 | list.count
            for (p, w) in list {
                postingProfiles.append(UInt64(p))
                postingWeights.append(w)
            }
        }
        postings = SlotTable(runs)
        postingPairs = PlacedPairs(keys: postingProfiles, values: postingWeights)
        bank = BankList(pendingBank, topicIDs: topics.map(\.id))
        properNameSet = ProperNameSet(PlacedStrings(properNames.sorted()))
        var starts: [UInt64] = [0]
        var flat: [UInt64] = []
        for list in relatedTopicLists() {
            flat += list.map { UInt64($0) }
            starts.append(UInt64(flat.count))
        }
        relatedStarts = PlacedWords(starts)
        relatedFlat = PlacedWords(flat)
        measureProfiles()
    }

    /// The length of every bank profile, then every topic profile, worked out once: reading it from the
    /// profiles themselves would copy each one (and retain its lists) for every section compared.
    private(set) var profileNorms: [Double] = []

    /// Works out `profileNorms`.
    private mutating func measureProfiles() { profileNorms = bankProfiles.map(\.norm) + topicProfiles.map(\.norm) }

    /// The cosine of a bag with every bank profile, then every topic profile.
    func similarities(_ bag: FeatureBag) -> [Double] { similarities(weights: bag.weights, norm: bag.norm) }

    /// A profile's likeness to every bank question and topic, as `similarities(_:)` gives a bag's.
    func similarities(_ profile: Profile) -> [Double] {
        similarities(weights: profile.weights, norm: profile.norm)
    }

    /// The cosine of these weights with every bank and topic profile, in one pass over the weights' features
    /// through the postings.
    private func similarities(weights: WordKeyMap<Double>, norm: Double) -> [Double] {
        let all = bankProfiles.count + topicProfiles.count
        var dots = [Double](repeating: 0, count: all)
        guard norm > 0 else { return dots }
        weights.forEach { f, x in
            guard let run = postings[f] else { return }
            let start = run >> 20
            // A profile past the list would be a damaged compiled file: passed over rather than trusted.
            for k in start..<min(start + run & 0xFFFFF, postingPairs.count) {
                let p = Int(truncatingIfNeeded: postingPairs.key(k))
                if p >= 0 && p < all { dots[p] += postingPairs.value(k) * x }
            }
        }
        let norms = profileNorms
        for k in 0..<all {
            let other = norms[k]
            dots[k] = other > 0 ? dots[k] / (other * norm) : 0
        }
        return dots
    }

    /// The acronym at `tokens[i]`, written short or in full: how many tokens it takes, and which one.
    func concept(_ tokens: [Token], at i: Int, limit: Int) -> (length: Int, acronym: Acronym)? {
        if let a = acronymByExact[tokens[i].exactKey] ?? acronymByLower[tokens[i].key] { return (1, acronyms[a]) }
        if let (length, a) = RelevanceText.fullName(tokens, at: i, limit: limit, model: self) {
            return (length, acronyms[a])
        }
        return nil
    }

    /// The features of a term, a title or a bank question, read on its bytes as the answer's words would
    /// give them (acronyms and full names as one concept, stop words out, the rest stemmed), without
    /// building tokens: the thesaurus and the bank hold thousands of terms, and every heading is read so.
    /// The words' keys, parts and stems go into flat lists, so that a word costs no allocation.
    func dataFeatures(of text: String) -> [UInt64] {
        var words = DataWords()
        return dataFeatures(of: text, words: &words)
    }

    /// `dataFeatures(of:)` reading into lists kept from the last call (emptied, their room kept): a caller that
    /// reads many titles (the context builder, a title a section) makes the seven lists once, not a title.
    func dataFeatures(of text: String, words: inout DataWords) -> [UInt64] {
        words.removeAll()
        var text = text
        text.withUTF8 { words.read($0, stopKeys: stopKeys) }
        var out: [UInt64] = []
        func add(_ f: UInt64) { if !out.contains(f) { out.append(f) } }
        var i = 0
        outer: while i < words.count {
            guard words.isWord[i] else {
                i += 1
                continue
            }
            if let a = acronymByExact[words.exact[i]] ?? acronymByLower[words.lower[i]] {
                add(acronyms.feature(a))
                i += 1
                continue
            }
            if let candidates = names[words.parts[words.partStart[i]]] {
                for (target, a) in candidates {
                    var matched = 0
                    var k = i
                    while matched < target.count, k < words.count, words.isWord[k] {
                        let parts = words.parts[words.partStart[k]..<words.partStart[k + 1]]
                        guard matched + parts.count <= target.count,
                            target[matched..<(matched + parts.count)].elementsEqual(parts)
                        else { break }
                        matched += parts.count
                        k += 1
                    }
                    if matched == target.count {
                        add(acronyms.feature(a))
                        i = k
                        continue outer
                    }
                }
            }
            for f in words.stems[words.stemStart[i]..<words.stemStart[i + 1]] { add(f) }
            i += 1
        }
        return out
    }

    /// The features of a short text (a term, a title, a question) as the answer's words would give them.
    func features(of text: String, taskWords: PhraseTable? = nil) -> [UInt64] {
        let tokens = Tokenizer.tokens(of: [.text(text, at: SourcePosition(line: 1, column: 1))])
        var out: [UInt64] = []
        RelevanceText.scan(tokens, 0..<tokens.count, model: self, skipping: taskWords) { f, _ in
            if !out.contains(f) { out.append(f) }
        }
        return out
    }

    // MARK: - Profiles

    /// The profile of a question: its own topic terms weigh most, the terms of its topics (declared, or
    /// found from its words) follow.
    func profile(question text: String, taskWords: PhraseTable) -> Profile {
        if let cached = profileCache.get(text) { return cached }
        let own = features(of: text, taskWords: taskWords)
        let matching = topicsMatching(own)
        var chosen = matching.chosen
        if chosen.isEmpty {
            // No topic holds enough of its words: borrow the topics of the bank question most like it.
            var bare = Profile()
            for f in own { bare.add(f, weight(f)) }
            let sims = similarities(bare)
            let best = bankProfiles.indices.max { sims[$0] < sims[$1] }
            if let best, sims[best] >= 0.3 { chosen = bank.topics(of: best) }
        }
        var p = profile(features: own, topics: chosen)
        p.near = related(to: chosen)
        let touched = related(to: chosen + matching.touched)
        // What the answer and its sections are set against: questions and topics far from this one (a
        // section on water serves a question on climate change); the whole answer against every
        // question on other topics (a prepared answer on a neighbouring topic does not answer this one).
        // Which topics (by index) are near, touched and the question's own: a bank question's topics are kept
        // as indices, so each is a look-up, with no topic id made or hashed.
        let ownTopics = Set(p.topics)
        var near = [Bool](repeating: false, count: topics.count)
        var touches = near
        var itsOwn = near
        for (k, t) in topics.enumerated() {
            near[k] = p.near.contains(t.id)
            touches[k] = touched.contains(t.id)
            itsOwn[k] = ownTopics.contains(t.id)
        }
        // The bank questions like this one are the same question: found in one pass over its features.
        let sims = similarities(p)
        for k in bankProfiles.indices where k < bank.count && sims[k] < sameQuestion {
            let ids = bank.topicIndices(of: k)
            if !ids.contains(where: { near[Int($0)] }) { p.rivals.append(k) }
            if !ids.contains(where: { touches[Int($0)] }) { p.driftRivals.append(k) }
            if !ids.contains(where: { itsOwn[Int($0)] }) { p.answerRivals.append(k) }
        }
        for (k, t) in topics.enumerated() where !p.near.contains(t.id) {
            p.rivals.append(bankProfiles.count + k)
            if !touched.contains(t.id) { p.driftRivals.append(bankProfiles.count + k) }
        }
        p.questionTerms = questionTerms(of: text, taskWords: taskWords)
        profileCache.set(text, p)
        return p
    }

    /// The question's topic terms as written (acronyms as their short form), each feature once.
    func questionTerms(of text: String, taskWords: PhraseTable) -> [String] {
        let tokens = Tokenizer.tokens(of: [.text(text, at: SourcePosition(line: 1, column: 1))])
        var seen: Set<UInt64> = []
        var out: [String] = []
        RelevanceText.scan(tokens, 0..<tokens.count, model: self, skipping: taskWords) { f, i in
            guard seen.insert(f).inserted else { return }
            out.append(acronymByFeature[f].map { acronyms.short($0) } ?? tokens[i].text)
        }
        return out
    }

    /// The profile of a question's features and topics: its own features weigh three times.
    func profile(features own: [UInt64], topics chosen: [String]) -> Profile {
        var p = Profile()
        for f in own { p.add(f, 3 * weight(f)) }
        p.questionFeatures = own
        for id in chosen {
            guard let topic = topics.first(where: { $0.id == id }) else { continue }
            for f in topic.featureList where !own.contains(f) { p.add(f, weight(f)) }
        }
        p.topics = chosen
        return p
    }

    /// Profiles worked out once per question text, shared by every answer to it.
    let profileCache = ProfileCache()
    /// The features of the one-word places and actors of every topic ("sindh", "quetta", "modi"), gathered on
    /// first use: what `RelevanceJudge.isName` looks a feature up in, rather than decoding every topic's terms.
    let oneWordNames = OnceValue<Set<UInt64>>()

    /// The features of every topic's actors, one list an actor ("quaid-e-azam", "zia-ul-haq"), gathered on first
    /// use: what `RelevanceJudge.names(in:…)` tells a person by, rather than decoding every topic's terms.
    let actorLists = OnceValue<[[UInt64]]>()

    /// The features of every topic's actors (see `actorLists`).
    func actorFeatureLists() -> [[UInt64]] {
        actorLists.value {
            var out: [[UInt64]] = []
            for topic in topics {
                for term in topic.terms where term.group == "actors" && !term.features.isEmpty {
                    out.append(term.features)
                }
            }
            return out
        }
    }

    /// The features of the one-word places and actors of every topic (see `oneWordNames`).
    func oneWordNameFeatures() -> Set<UInt64> {
        oneWordNames.value {
            var out = Set<UInt64>()
            for topic in topics {
                for term in topic.terms
                where term.features.count == 1 && (term.group == "places" || term.group == "actors") {
                    out.insert(term.features[0])
                }
            }
            return out
        }
    }

    /// The topics a question's features point at, best first, at most three: a topic scores the weight of
    /// the question's features it holds, twice for those in its title; the best must hold a fifth of the
    /// question's weight, and the others at least four fifths of the best's score.
    /// The topics a question's features choose (`chosen`: the best and those near it in score), and the
    /// others they touch (`touched`: those that pass the same test with at least `touchedShare` of the best
    /// score, a question's second subject such as "China" in a question on foreign policy).
    func topicsMatching(_ features: [UInt64]) -> (chosen: [String], touched: [String]) {
        // Squared weights: the question's rare words ("women", "SCO") decide its topic, not "development".
        let total = features.reduce(0) { $0 + weight($1) * weight($1) }
        guard total > 0 else { return ([], []) }
        var scored: [(String, Double, Bool)] = []
        for (k, topic) in topics.enumerated() {
            var score = 0.0
            var matched = 0
            var inTitle = false
            for f in features where topic.has(f) {
                let titled = titleFeatures[k].sortedContains(f)
                score += weight(f) * weight(f) * (titled ? 2 : 1)
                matched += 1
                if titled { inTitle = true }
            }
            // A question that names the whole of a topic's title ("Pakistan–United States relations") is about
            // that topic first, whatever else its words touch ("the emerging multipolar world order").
            let named = !titleFeatures[k].isEmpty && titleFeatures[k].allSatisfy(features.contains)
            if named { score *= 2 }
            // Stray words are not a topic: the topic must share its title's words with the question, or half
            // of the question's words ("Basant kite flying" is not about Europe for sharing "ban" and "lift").
            // A title word counts only where it stands for the topic: alone, or with a partner the question
            // holds too ("inflation" of the economy's title; not "money" of "money laundering" in a question on
            // pocket money, nor "control" of "arms control" in one on controlling inflation). Asked last, of the
            // topics nothing else decides.
            guard score >= 0.2 * total else { continue }
            let byWords = matched >= 2 && matched * 2 >= features.count
            if byWords || named
                || inTitle
                    && features.contains(where: {
                        titleFeatures[k].sortedContains($0) && titleWordStands($0, topic: k, features)
                    })
            {
                scored.append((topic.id, score, named))
            }
        }
        scored.sort { a, b in a.2 != b.2 ? a.2 : a.1 != b.1 ? a.1 > b.1 : a.0 < b.0 }
        guard let best = scored.map(\.1).max() else { return ([], []) }
        let chosen = scored.prefix(3).filter { $0.2 || $0.1 >= 0.8 * best }.map(\.0)
        return (chosen, scored.filter { $0.1 >= touchedShare * best && !chosen.contains($0.0) }.map(\.0))
    }

    /// Whether title word `f` of topic `k` stands for the topic in a question with these features: not when
    /// every item of the title and every term that holds it also holds a partner word the question lacks
    /// ("money" of "money laundering" and "anti-money laundering" in a question on pocket money, "control" of
    /// "arms control" in one on inflation).
    func titleWordStands(_ f: UInt64, topic k: Int, _ features: [UInt64]) -> Bool {
        var any = false
        func stands<C: Collection<UInt64>>(_ item: C) -> Bool {
            guard item.contains(f) else { return false }
            if item.count == 1 || item.contains(where: { $0 != f && features.contains($0) }) { return true }
            any = true
            return false
        }
        // The title's items first (kept with the model): most title words stand there.
        let run = k < titleItemRuns.count ? titleItemRuns[k] : []
        var i = 0
        while i < run.count {
            let end = i + 1 + min(Int(clamping: run[i]), run.count - i - 1)
            if stands(run[(i + 1)..<end]) { return true }
            i = end
        }
        // The terms only when the title does not decide it.
        for item in termFeatureLists(of: k) where stands(item) { return true }
        return !any
    }

    /// Topic `k`'s terms, each as its features, read from their compact form when a question first needs
    /// them, once per topic.
    func termFeatureLists(of k: Int) -> [[UInt64]] {
        if let lists = termListCache.get(k) { return lists }
        let lists = Self.featureLists(topics[k].termData)
        termListCache.set(k, lists)
        return lists
    }

    /// A title's items as text: its pieces' items, in order.
    static func titleParts(_ title: String) -> [String] { titlePieces(title).flatMap(\.items) }

    /// A title read as pieces, split at commas, semicolons, colons and brackets, each as written and as its
    /// items, split at the word "and" ("China-Pakistan Economic Corridor and the Belt and Road Initiative":
    /// three items). The title's items are the model's (`titleItemRuns`); its first piece, the head, and the
    /// head's first item are what a question must name to be told the topic's aspects (`titleHeads`).
    static func titlePieces(_ title: String) -> [(text: Substring, items: [String])] {
        var pieces: [(text: Substring, items: [String])] = []
        for piece in title.split(whereSeparator: { ",;:()".contains($0) }) {
            var items: [String] = []
            var words: [Substring] = []
            for word in piece.split(separator: " ") {
                if word == "and" {
                    if !words.isEmpty { items.append(words.joined(separator: " ")) }
                    words = []
                } else {
                    words.append(word)
                }
            }
            if !words.isEmpty { items.append(words.joined(separator: " ")) }
            pieces.append((piece, items))
        }
        return pieces
    }

    /// Each topic's `termFeatureLists(of:)`, by the topic's index, kept once worked out.
    let termListCache = IndexCache<[[UInt64]]>()

    /// The topics close to these (their profiles alike), themselves included.
    func related(to ids: [String]) -> Set<String> {
        var out = Set(ids)
        for id in ids {
            guard let k = topics.firstIndex(where: { $0.id == id }) else { continue }
            for j in relatedRun(k) where j < UInt64(topics.count) { out.insert(topics[Int(j)].id) }
        }
        return out
    }

    /// For each topic, the topics close to it, worked out once when the model is prepared: those that bank
    /// questions name with it ("climate-change, water") and those whose profiles are alike (itself among them).
    func relatedTopicLists() -> [[Int32]] {
        var index: [String: Int] = [:]
        for (k, t) in topics.enumerated() { index[t.id] = k }
        var out = [Set<Int>](repeating: [], count: topics.count)
        for q in bank {
            let named = q.topics.compactMap { index[$0] }
            for k in named { out[k].formUnion(named) }
        }
        for k in topics.indices {
            for j in topics.indices where topicProfiles[k].similarity(topicProfiles[j]) >= settingsRelated {
                out[k].insert(j)
            }
        }
        return out.map { $0.sorted().map { Int32($0) } }
    }

    /// `relatedTopicLists()`, kept with the model as one flat list: topic `k`'s are
    /// `relatedFlat[relatedStarts[k]..<relatedStarts[k + 1]]`.
    var relatedStarts = PlacedWords([0])
    var relatedFlat = PlacedWords()

    /// The topics close to topic `k` (their indices), or none when the list holds no run for it.
    func relatedRun(_ k: Int) -> PlacedWords {
        guard k + 1 < relatedStarts.count else { return PlacedWords() }
        let start = relatedStarts.int(k)
        let end = relatedStarts.int(k + 1)
        guard start >= 0, start <= end, end <= relatedFlat.count else { return PlacedWords() }
        return relatedFlat.run(start..<end)
    }

    /// Words the bank's questions capitalise inside a sentence: names ("Pakistan", "Kashmir"), not "Climate".
    public var properNames: Set<String> { properNameSet.value }
    /// The same names, sorted as the compiled form keeps them, made into a set when first asked for.
    var properNameSet = ProperNameSet(PlacedStrings())

    /// Bank questions this like a question are the same question, never its rivals (the rubric's
    /// `relevance.sameQuestion`).
    var sameQuestion = 0.3
    /// A topic a question's words match with at least this share of its best topic's score is one it
    /// touches (the rubric's `relevance.touchedShare`); set as the model is loaded, not compiled.
    var touchedShare = 0.4

    /// How alike two topics' profiles must be to count as related.
    var settingsRelated = 0.12
    /// The features of each topic's title, sorted, parallel to `topics`.
    var titleFeatures: [[UInt64]] = []
    /// The items of each topic's title (its id, its hyphens read as spaces, then the title split at commas,
    /// colons, brackets and "and"), each as its features, in one run per topic: a count, then that many
    /// features, and so on. Parallel to `topics`; worked out as the model is built and kept compiled.
    var titleItemRuns: [[UInt64]] = []

    /// The head of a topic's title (its first piece, as `titlePieces` reads it) as features, and the head's first
    /// item where "and" splits the head ("China-Pakistan Economic Corridor" of "China-Pakistan Economic Corridor
    /// and the Belt and Road Initiative"; none otherwise): what a question must name for an answer to be told the
    /// topic's aspects (`RelevanceJudge`). The features stand in the order the text gives them, so that sums of
    /// their weights come out as they would over the text.
    struct TitleHead: Sendable {
        var whole: [UInt64]
        var firstItem: [UInt64]
    }

    /// Each topic's `TitleHead`, parallel to `topics`; worked out as the model is built and kept compiled.
    var titleHeads: [TitleHead] = []
}

/// Values worked out from a question's text, by that text, behind a lock: a class of answers to one
/// question works them out once.
final class TextCache<Value: Sendable>: @unchecked Sendable {
    private var values: [String: Value] = [:]
    private let lock = DispatchSemaphore(value: 1)

    func get(_ key: String) -> Value? {
        lock.wait()
        defer { lock.signal() }
        return values[key]
    }

    func set(_ key: String, _ value: Value) {
        lock.wait()
        defer { lock.signal() }
        if values.count >= 512 { values.removeAll() }
        values[key] = value
    }
}

/// One value worked out the first time it is asked for, behind a lock, and kept: what a model gathers from all
/// its data only when some answer needs it.
final class OnceValue<Value: Sendable>: @unchecked Sendable {
    private var stored: Value?
    private let lock = DispatchSemaphore(value: 1)

    /// The value, made by `make` on the first call (the lock held meanwhile, so it is made once).
    func value(_ make: () -> Value) -> Value {
        lock.wait()
        defer { lock.signal() }
        if let stored { return stored }
        let made = make()
        stored = made
        return made
    }
}

/// Values worked out for the items of a list (a topic's, by its index), each when first asked for, behind a lock:
/// a slot an item, grown as later items are asked for.
final class IndexCache<Value: Sendable>: @unchecked Sendable {
    private var values: [Value?] = []
    private let lock = DispatchSemaphore(value: 1)

    func get(_ k: Int) -> Value? {
        lock.wait()
        defer { lock.signal() }
        return k >= 0 && k < values.count ? values[k] : nil
    }

    func set(_ k: Int, _ value: Value) {
        guard k >= 0 else { return }
        lock.wait()
        defer { lock.signal() }
        if values.count <= k { values += repeatElement(nil, count: k + 1 - values.count) }
        values[k] = value
    }
}

/// Question profiles by question text.
typealias ProfileCache = TextCache<Profile>

/// A weighted bag of features to compare answers with: a question's, a topic's.
public struct Profile: Sendable {
    /// Feature weights.
    var weights = WordKeyMap<Double>()
    /// The squared length of the weight vector.
    var squares = 0.0
    /// The length of the weight vector.
    var norm: Double { squares.squareRoot() }
    /// The topics close to its own, themselves included.
    var near: Set<String> = []
    /// The bank questions (by index) and topics (by the bank's count plus their index) a section is set against.
    var rivals: [Int] = []
    /// The rivals a section must fit clearly better to be named as drifting: those far from every topic the
    /// question touches, not only from its own.
    var driftRivals: [Int] = []
    /// The bank questions the whole answer is set against.
    var answerRivals: [Int] = []
    /// The question's own features, in order.
    var questionFeatures: [UInt64] = []
    /// A question's topic terms as written (see `TopicModel.questionTerms`); empty for stored profiles.
    var questionTerms: [String] = []
    /// The topic ids it draws on.
    public var topics: [String] = []

    mutating func add(_ feature: UInt64, _ w: Double) {
        let old = weights[feature] ?? 0
        let new = max(old, w)
        weights[feature] = new
        squares += new * new - old * old
    }

    /// The cosine between this profile and a bag of weighted features.
    func similarity(_ bag: FeatureBag) -> Double {
        guard norm > 0, bag.norm > 0 else { return 0 }
        var dot = 0.0
        // Over the smaller of the two: a section names fewer words than a profile holds.
        if bag.weights.count < weights.count {
            bag.weights.forEach { f, x in if let w = weights[f] { dot += w * x } }
        } else {
            weights.forEach { f, w in if let x = bag.weights[f] { dot += w * x } }
        }
        return dot / (norm * bag.norm)
    }

    /// The cosine between two profiles: a stored one (its sorted pairs) is walked, a question's looked up.
    func similarity(_ other: Profile) -> Double {
        guard norm > 0, other.norm > 0 else { return 0 }
        var dot = 0.0
        switch (sparse.isEmpty, other.sparse.isEmpty) {
        case (false, true):
            for k in 0..<sparse.count { if let x = other.weights[sparse.key(k)] { dot += sparse.value(k) * x } }
        case (true, false):
            for k in 0..<other.sparse.count {
                if let w = weights[other.sparse.key(k)] { dot += w * other.sparse.value(k) }
            }
        case (false, false):
            var i = 0
            var j = 0
            while i < sparse.count, j < other.sparse.count {
                let a = sparse.key(i)
                let b = other.sparse.key(j)
                if a == b {
                    dot += sparse.value(i) * other.sparse.value(j)
                    i += 1
                    j += 1
                } else if a < b {
                    i += 1
                } else {
                    j += 1
                }
            }
        case (true, true):
            weights.forEach { f, w in if let x = other.weights[f] { dot += w * x } }
        }
        return dot / (norm * other.norm)
    }

    /// A stored profile's weights as pairs sorted by feature: the bank's and the topics' profiles are
    /// only ever walked, so they keep no table.
    var sparse = PlacedPairs()

    /// The profile with its table turned into sorted pairs.
    func sparsified() -> Profile {
        var pairs: [(UInt64, Double)] = []
        pairs.reserveCapacity(weights.count)
        weights.forEach { f, w in pairs.append((f, w)) }
        pairs.sort { $0.0 < $1.0 }
        var p = self
        p.weights = WordKeyMap()
        p.sparse = PlacedPairs(keys: pairs.map(\.0), values: pairs.map(\.1))
        return p
    }

    /// Calls `body` with every feature and weight, sorted pairs or table alike.
    func forEachWeight(_ body: (UInt64, Double) -> Void) {
        if sparse.isEmpty {
            weights.forEach(body)
        } else {
            for k in 0..<sparse.count { body(sparse.key(k), sparse.value(k)) }
        }
    }
}

extension Array where Element == UInt64 {
    /// True when this sorted array holds the value (a binary search).
    func sortedContains(_ value: UInt64) -> Bool { sortedHolds(value, count: count) { self[$0] } }
}

/// True when the `count` sorted numbers that `at` reads hold the value: a binary search, for sorted arrays
/// and for sorted lists read in place (`PlacedWords`).
@inline(__always)
func sortedHolds(_ value: UInt64, count: Int, _ at: (Int) -> UInt64) -> Bool {
    var low = 0
    var high = count
    while low < high {
        let mid = (low + high) >> 1
        let v = at(mid)
        if v == value { return true }
        if v < value { low = mid + 1 } else { high = mid }
    }
    return false
}

extension StringProtocol {
    /// The text without white space at either end (no Foundation needed).
    func trimmingSpaces() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}

/// The words of a short text as `TopicModel.dataFeatures` reads them, in flat lists: each word's key as
/// written and lowercase, whether it is a word (not a number), its parts' keys (split at hyphens) and the
/// stems of those parts that are not stop words. Word `i`'s parts are `parts[partStart[i]..<partStart[i + 1]]`,
/// its stems likewise.
struct DataWords {
    var exact: [UInt64] = []
    var lower: [UInt64] = []
    var isWord: [Bool] = []
    var parts: [UInt64] = []
    var partStart: [Int] = [0]
    var stems: [UInt64] = []
    var stemStart: [Int] = [0]
    var count: Int { exact.count }

    /// Empties the lists, keeping their room.
    mutating func removeAll() {
        guard !exact.isEmpty else { return }
        exact.removeAll(keepingCapacity: true)
        lower.removeAll(keepingCapacity: true)
        isWord.removeAll(keepingCapacity: true)
        parts.removeAll(keepingCapacity: true)
        partStart.removeSubrange(1...)
        stems.removeAll(keepingCapacity: true)
        stemStart.removeSubrange(1...)
    }

    @inline(__always)
    private static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }

    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, stopKeys: WordKeyMap<Bool>) {
        var i = 0
        let n = bytes.count
        while i < n {
            guard Self.isWordByte(bytes[i]) else {
                i += 1
                continue
            }
            var j = i
            while j < n {
                if Self.isWordByte(bytes[j]) {
                    j += 1
                } else if bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "'"), j + 1 < n,
                    Self.isWordByte(bytes[j + 1])
                {
                    j += 1
                } else {
                    break
                }
            }
            add(UnsafeBufferPointer(rebasing: bytes[i..<j]), stopKeys: stopKeys)
            i = j
        }
    }

    /// One word: its keys, its parts and their stems, hashed on a lowercase copy kept on the stack for
    /// words of up to 64 bytes.
    private mutating func add(_ word: UnsafeBufferPointer<UInt8>, stopKeys: WordKeyMap<Bool>) {
        exact.append(RelevanceText.wordKey(word))
        isWord.append(!(word[0] >= 0x30 && word[0] <= 0x39))
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { buffer in
            for (k, b) in word.enumerated() { buffer[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
            let l = UnsafeBufferPointer(buffer)
            lower.append(RelevanceText.wordKey(l))
            var start = 0
            for k in 0...l.count where k == l.count || l[k] == UInt8(ascii: "-") {
                let part = UnsafeBufferPointer(rebasing: l[start..<k])
                start = k + 1
                let key = RelevanceText.wordKey(part)
                parts.append(key)
                guard part.count >= 3, part[0] >= 0x80 || (part[0] >= 0x61 && part[0] <= 0x7A),
                    !stopKeys.contains(key)
                else { continue }
                stems.append(Stemmer.code(part))
            }
        }
        partStart.append(parts.count)
        stemStart.append(stems.count)
    }
}
