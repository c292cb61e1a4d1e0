#if canImport(Glibc)
    import Glibc
#endif

/// Where a prepared `TopicModel` is kept between runs: a compiled file beside the rubric (or in the
/// user's cache when the rubric's folder cannot be written), named by a hash of everything it is built
/// from, so that editing the acronyms, the thesaurus, the bank, the stop words or the task words takes
/// effect on the next run. Reading the compiled file costs a fraction of a millisecond; building the
/// model from its text costs tens. A run that cannot read or write the file builds the model as before.
enum TopicModelStore {
    /// Bumped whenever the model or this format changes, so that old files are never read.
    static let format: UInt64 = 13

    /// One relevance file a rubric names: its `lexicons` key, its full path, its path as written and
    /// the key path for errors.
    struct Source {
        var key: String
        var path: String
        var relative: String
        var at: String
    }

    /// Models built or read in this process, by hash: `pakessay rubrics` and the tests load several
    /// rubrics that share one set of files.
    /// (A short list, searched in turn: a dictionary by hash would be a type of its own for the start to make.)
    nonisolated(unsafe) private static var memo: [(key: UInt64, model: TopicModel)] = []
    private static let lock = SemaphoreLock()

    /// The prepared model for these sources and settings: from this process's memo, from the compiled
    /// file, or built from the text (and then written for next time). `touchedShare` is not kept in the
    /// compiled form: it is set on the model as it is read, and hashed so that models of two shares are
    /// two memo entries (each with its own profiles).
    static func load(
        _ sources: [Source], stopWords: Set<String>, taskWords: JSONValue?, taskTable: PhraseTable,
        sameQuestion: Double, touchedShare: Double, folder: String, file: String
    ) throws(RubricError) -> TopicModel {
        // The files are known by their path, size and time of last change, as make knows them: an edit
        // changes the time, so the next run builds the model again. Reading and hashing their text would
        // cost as much as a third of the start-up the compiled form saves.
        var hash = Hash()
        hash.add(format)
        for source in sources {
            var info = stat()
            guard stat(source.path, &info) == 0 else {
                throw RubricError(file: file, path: source.at, "cannot read the word list \(source.path)")
            }
            hash.add(source.key)
            hash.add(source.path)
            hash.add(UInt64(bitPattern: Int64(info.st_size)))
            hash.add(UInt64(bitPattern: Int64(info.st_mtim.tv_sec)))
            hash.add(UInt64(bitPattern: Int64(info.st_mtim.tv_nsec)))
            hash.add(UInt64(info.st_ino))
        }
        // The stop words as a set: each word's own hash, summed, so that they need no sorting.
        var stops: UInt64 = 0
        for word in stopWords {
            var one = Hash()
            one.add(word)
            stops &+= one.value
        }
        hash.add(UInt64(stopWords.count))
        hash.add(stops)
        hash.add("task words")
        hash.add(json: taskWords)
        hash.add(sameQuestion.bitPattern)
        hash.add(touchedShare.bitPattern)
        let key = hash.value
        let known = lock.run { memo.first { $0.key == key }?.model }
        if let known { return known }

        let name = "topics-" + String(key, radix: 16) + ".bin"
        // The folder beside the rubric first: the user's cache (which reads the environment) only when
        // the file is not there.
        let beside = cacheFolders(rubricFolder: folder, userCache: false)
        if let model = readCompiled(beside[0] + "/" + name, hash: key) {
            return remember(model, key, touchedShare: touchedShare)
        }
        let places = cacheFolders(rubricFolder: folder)
        for place in places.dropFirst() {
            if let model = readCompiled(place + "/" + name, hash: key) {
                return remember(model, key, touchedShare: touchedShare)
            }
        }
        var model = TopicModel()
        model.sameQuestion = sameQuestion
        for source in sources {
            let lines = try LexiconLoader.entries(source.path, file: file, key: source.at)
            switch source.key {
            case "acronyms": try model.addAcronyms(lines, path: source.relative, file: file, key: source.at)
            case "topics": try model.addTopics(lines, path: source.relative, file: file, key: source.at)
            default: try model.addQuestions(lines, path: source.relative, file: file, key: source.at)
            }
        }
        try model.prepare(stopWords: stopWords, taskWords: taskTable, file: file)
        let compiled = model.compiled(hash: key)
        for place in places where write(compiled, to: place, name: name) { break }
        // Graded with the model as the compiled form gives it back, whether it was just built or read,
        // so that a run that builds it and one that reads it add up every sum in the same order.
        if let read = TopicModel.decode(compiled, hash: key) { model = read }
        return remember(model, key, touchedShare: touchedShare)
    }

    /// The model in a compiled file, read from the file mapped into memory (its pages come from the page
    /// cache as they are read, instead of being copied into a fresh array first; the rarity weights and
    /// postings stay there and are looked up in place), or nil.
    private static func readCompiled(_ path: String, hash: UInt64) -> TopicModel? {
        ByteStore.map(path).flatMap { TopicModel.decode($0, hash: hash) }
    }

    /// The model with the rubric's touched share set, kept in the memo under its hash.
    private static func remember(_ model: TopicModel, _ key: UInt64, touchedShare: Double) -> TopicModel {
        var settled = model
        settled.touchedShare = touchedShare
        lock.run {
            memo.removeAll { $0.key == key }
            memo.append((key, settled))
        }
        return settled
    }

    /// `.cache` beside the rubric, then (unless `userCache` is false) the user's cache folder.
    static func cacheFolders(rubricFolder: String, userCache: Bool = true) -> [String] {
        var out = [(rubricFolder.isEmpty ? "." : rubricFolder) + "/.cache"]
        guard userCache else { return out }
        if let xdg = Host.environment("XDG_CACHE_HOME"), !xdg.isEmpty {
            out.append(xdg + "/pakessay")
        } else if let home = Host.environment("HOME"), !home.isEmpty {
            out.append(home + "/.cache/pakessay")
        }
        return out
    }

    /// Writes the file through a temporary name and a rename, so that a reader never sees half of it.
    /// Files of other sources stay: rubrics that differ in their stop words (css-pakistan-affairs) each
    /// keep one. False when the folder cannot be written.
    static func write(_ bytes: [UInt8], to folder: String, name: String) -> Bool {
        FileSystem.writeReplacing(bytes, folder: folder, name: name)
    }

    /// FNV-1a over 64 bits.
    struct Hash {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        @inline(__always)
        mutating func add(byte b: UInt8) {
            value ^= UInt64(b)
            value = value &* 0x0000_0100_0000_01B3
        }
        mutating func add(_ text: String) {
            // On the string's bytes in one buffer: walking its UTF-8 view costs several times as much a byte.
            var text = text
            text.withUTF8 { bytes in for b in bytes { add(byte: b) } }
            add(byte: 0)
        }
        mutating func add(_ number: UInt64) {
            for k in 0..<8 { add(byte: UInt8(truncatingIfNeeded: number >> (8 * UInt64(k)))) }
        }
        /// A JSON value (nil as null), walked as it stands: no text is made of it.
        mutating func add(json value: JSONValue?) {
            switch value {
            case nil, .null?: add(byte: 0)
            case .bool(let b)?: add(byte: b ? 2 : 1)
            case .int(let n)?:
                add(byte: 3)
                add(UInt64(bitPattern: Int64(n)))
            case .number(let d)?:
                add(byte: 4)
                add(d.bitPattern)
            case .string(let s)?:
                add(byte: 5)
                add(s)
            case .array(let items)?:
                add(byte: 6)
                add(UInt64(items.count))
                for item in items { add(json: item) }
            case .object(let pairs)?:
                add(byte: 7)
                add(UInt64(pairs.count))
                for (key, item) in pairs {
                    add(key)
                    add(json: item)
                }
            }
        }
    }
}

/// Writes the compiled form: little-endian numbers, strings as their length and UTF-8 bytes, arrays
/// as their count and items.
struct CompiledWriter {
    var bytes: [UInt8] = []

    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
    mutating func double(_ v: Double) { u64(v.bitPattern) }
    mutating func string(_ s: String) {
        int(s.utf8.count)
        bytes.append(contentsOf: s.utf8)
    }
    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }
    mutating func u64s(_ list: [UInt64]) {
        int(list.count)
        for v in list { u64(v) }
    }
    mutating func doubles(_ list: [Double]) {
        int(list.count)
        for v in list { double(v) }
    }
    mutating func ints(_ list: [Int]) {
        int(list.count)
        for v in list { int(v) }
    }
    mutating func doubleTable(_ t: SlotTable<Double>) {
        let s = t.storage
        u64s(s.keys)
        doubles(s.values.map { $0 ?? 0 })
        double(s.zero ?? .nan)
        int(s.zero == nil ? 0 : 1)
    }
    mutating func intTable(_ t: SlotTable<Int>) {
        let s = t.storage
        u64s(s.keys)
        ints(s.values.map { $0 ?? 0 })
        int(s.zero ?? 0)
        int(s.zero == nil ? 0 : 1)
    }
}

/// Reads what `CompiledWriter` wrote; every read fails (nil) past the end or on a count that cannot be.
struct CompiledReader {
    /// The bytes, valid while the reader is used (an array's storage, or a mapped file).
    let bytes: UnsafeRawBufferPointer
    var at = 0

    mutating func u64() -> UInt64? {
        guard at + 8 <= bytes.count else { return nil }
        let v = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
        at += 8
        return v
    }
    mutating func int() -> Int? { u64().map { Int(Int64(bitPattern: $0)) } }
    mutating func count() -> Int? {
        guard let n = int(), n >= 0, n <= bytes.count - at else { return nil }
        return n
    }
    mutating func double() -> Double? { u64().map(Double.init(bitPattern:)) }
    mutating func string() -> String? {
        guard let n = count() else { return nil }
        defer { at += n }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)]), as: UTF8.self)
    }
    /// Steps over a string without making it; false past the end.
    mutating func skipString() -> Bool {
        guard let n = count() else { return false }
        at += n
        return true
    }
    mutating func strings() -> [String]? {
        guard let n = count() else { return nil }
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            guard let s = string() else { return nil }
            out.append(s)
        }
        return out
    }
    /// `n` items of 8 bytes each, copied straight into the array (the file is little-endian, as is every
    /// machine pakessay runs on; a big-endian one swaps them).
    private mutating func block<T>(_ type: T.Type) -> [T]? where T: FixedWidthInteger {
        guard let n = count(), n * 8 <= bytes.count - at, MemoryLayout<T>.size == 8 else { return nil }
        let out = [T](unsafeUninitializedCapacity: n) { target, count in
            UnsafeMutableRawBufferPointer(target).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n * 8)]))
            count = n
        }
        at += n * 8
        return UInt64(1).littleEndian == 1 ? out : out.map { T(littleEndian: $0) }
    }
    mutating func u64s() -> [UInt64]? { block(UInt64.self) }
    mutating func ints() -> [Int]? { block(Int.self) }
    mutating func doubles() -> [Double]? {
        guard let n = count(), n * 8 <= bytes.count - at else { return nil }
        let out = [Double](unsafeUninitializedCapacity: n) { target, count in
            UnsafeMutableRawBufferPointer(target).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n * 8)]))
            count = n
        }
        at += n * 8
        return UInt64(1).littleEndian == 1 ? out : out.map { Double(bitPattern: UInt64(littleEndian: $0.bitPattern)) }
    }
    /// Two blocks of as many 8-byte numbers each, counted (a stored profile's features and weights), read
    /// in place in `store`, whose bytes these are.
    mutating func placedPairs(in store: ByteStore) -> PlacedPairs? {
        slotBlocks().flatMap { PlacedPairs(store: store, keysAt: $0.keysAt, valuesAt: $0.valuesAt, count: $0.slots) }
    }

    /// The two blocks of a slot table, its keys and its values, each counted and 8 bytes a slot: where
    /// each starts and how many slots they hold; the reader moves past both. Nil when the bytes are short.
    mutating func slotBlocks() -> (keysAt: Int, valuesAt: Int, slots: Int)? {
        guard let slots = count(), slots <= (bytes.count - at) / 8 else { return nil }
        let keysAt = at
        at += slots * 8
        guard count() == slots, slots <= (bytes.count - at) / 8 else { return nil }
        let valuesAt = at
        at += slots * 8
        return (keysAt, valuesAt, slots)
    }

    /// A table as `CompiledWriter.doubleTable` or `intTable` wrote it (slot keys, slot values, the value
    /// under key 0 and whether there is one), read in place in `store`, whose bytes these are.
    mutating func slotTable<V: SlotValue>(in store: ByteStore) -> SlotTable<V>? {
        guard let (keysAt, valuesAt, slots) = slotBlocks() else { return nil }
        guard let zero = u64(), let hasZero = int() else { return nil }
        let zeroValue = hasZero == 1 ? V(slotBits: zero) : nil
        return SlotTable(store: store, keysAt: keysAt, valuesAt: valuesAt, slots: slots, zero: zeroValue)
    }
}

extension TopicModel {
    /// The compiled form of a prepared model. Its lists are laid out to be read in place: strings in counted
    /// lists, numbers in counted blocks of 8 bytes, tables as their slots.
    func compiled(hash: UInt64) -> [UInt8] {
        var w = CompiledWriter()
        w.u64(0x5041_4B54_4F50_4943)  // "PAKTOPIC"
        w.u64(TopicModelStore.format)
        w.u64(hash)
        w.strings(Array(acronyms.shorts))
        w.strings(Array(acronyms.namesTexts))
        w.words(acronyms.features)
        for table in [acronymByFeature, acronymByExact, acronymByLower] { w.intTable(table) }
        w.int(topics.count)
        for (k, t) in topics.enumerated() {
            w.string(t.id)
            w.string(t.title)
            w.string(t.side ?? "")
            w.int(t.termData.count)
            w.bytes.append(contentsOf: t.termData.raw)
            w.u64s(t.featureList)
            w.u64s(titleFeatures[k])
            w.u64s(k < titleItemRuns.count ? titleItemRuns[k] : [])
            w.u64s(k < titleHeads.count ? titleHeads[k].whole : [])
            w.u64s(k < titleHeads.count ? titleHeads[k].firstItem : [])
        }
        w.strings(Array(bank.ids))
        w.strings(Array(bank.papers))
        w.strings(Array(bank.texts))
        w.words(bank.years)
        w.words(bank.topicStarts)
        w.words(bank.topicIndices)
        for list in [bankProfiles, topicProfiles] {
            w.int(list.count)
            for p in list {
                w.u64s(p.sparse.keyList)
                w.doubles(p.sparse.valueList)
                w.double(p.squares)
            }
        }
        w.u64s(stopKeysList)
        w.intTable(names.table)
        w.words(names.entryRuns)
        w.words(names.entryAcronyms)
        w.words(names.words)
        w.doubleTable(idf)
        w.double(unseenWeight)
        w.strings(Array(properNameSet.list))
        w.intTable(postings)
        w.u64s(postingPairs.keyList)
        w.doubles(postingPairs.valueList)
        w.double(sameQuestion)
        w.double(settingsRelated)
        w.words(relatedStarts)
        w.words(relatedFlat)
        return w.bytes
    }

    /// A model read back from its compiled form, or nil when the bytes are not one for `hash`.
    static func decode(_ bytes: [UInt8], hash: UInt64) -> TopicModel? { decode(ByteStore(bytes), hash: hash) }

    /// A model read back from compiled bytes, or nil when they are not one for `hash`. Its lists and tables are
    /// read in place (a string is made only when asked for), so the model keeps the store.
    static func decode(_ store: ByteStore, hash: UInt64) -> TopicModel? {
        let bytes = store.raw
        var r = CompiledReader(bytes: bytes)
        guard r.u64() == 0x5041_4B54_4F50_4943, r.u64() == TopicModelStore.format, r.u64() == hash else { return nil }
        var model = TopicModel()
        guard let shorts = r.placedStrings(in: store), let namesTexts = r.placedStrings(in: store),
            let features = r.placedWords(in: store),
            let acronyms = AcronymList(shorts: shorts, namesTexts: namesTexts, features: features)
        else { return nil }
        var acronymTables: [SlotTable<Int>] = []
        for _ in 0..<3 {
            guard let table: SlotTable<Int> = r.slotTable(in: store) else { return nil }
            var sound = true
            table.forEach { _, a in if a < 0 || a >= acronyms.count { sound = false } }
            guard sound else { return nil }
            acronymTables.append(table)
        }
        guard let topicCount = r.count() else { return nil }
        var topics: [Topic] = []
        var titles: [[UInt64]] = []
        var itemRuns: [[UInt64]] = []
        var heads: [TitleHead] = []
        topics.reserveCapacity(topicCount)
        titles.reserveCapacity(topicCount)
        itemRuns.reserveCapacity(topicCount)
        heads.reserveCapacity(topicCount)
        for _ in 0..<topicCount {
            guard let id = r.string(), let title = r.string(), let side = r.string(), let termBytes = r.count()
            else { return nil }
            guard let termData = PlacedBytes(store: store, at: r.at, count: termBytes) else { return nil }
            r.at += termBytes
            guard let features = r.u64s(), let title0 = r.u64s(), let items = r.u64s(), let head = r.u64s(),
                let firstItem = r.u64s()
            else { return nil }
            topics.append(
                Topic(id: id, title: title, side: side.isEmpty ? nil : side, termData: termData, featureList: features))
            titles.append(title0)
            itemRuns.append(items)
            heads.append(TitleHead(whole: head, firstItem: firstItem))
        }
        guard let ids = r.placedStrings(in: store), let papers = r.placedStrings(in: store),
            let texts = r.placedStrings(in: store), let years = r.placedWords(in: store),
            let topicStarts = r.placedWords(in: store), let topicIndices = r.placedWords(in: store),
            let bank = BankList(
                ids: ids, papers: papers, texts: texts, years: years, topicStarts: topicStarts,
                topicIndices: topicIndices, topicIDs: topics.map(\.id))
        else { return nil }
        var profiles: [[Profile]] = []
        for _ in 0..<2 {
            guard let n = r.count() else { return nil }
            var list: [Profile] = []
            list.reserveCapacity(n)
            for _ in 0..<n {
                guard let pairs = r.placedPairs(in: store), let squares = r.double() else { return nil }
                var p = Profile()
                p.sparse = pairs
                p.squares = squares
                list.append(p)
            }
            profiles.append(list)
        }
        guard profiles[0].count == bank.count, profiles[1].count == topics.count else { return nil }
        guard let stop = r.placedWords(in: store), let nameTable: SlotTable<Int> = r.slotTable(in: store),
            let entryRuns = r.placedWords(in: store), let entryAcronyms = r.placedWords(in: store),
            let nameWords = r.placedWords(in: store),
            let names = NameIndex(
                table: nameTable, entryRuns: entryRuns, entryAcronyms: entryAcronyms, words: nameWords,
                acronyms: acronyms.count)
        else { return nil }
        guard let idf: SlotTable<Double> = r.slotTable(in: store), let unseen = r.double(),
            let proper = r.placedStrings(in: store), let postings: SlotTable<Int> = r.slotTable(in: store),
            let postingPairs = r.placedPairs(in: store), let sameQuestion = r.double(), let related = r.double(),
            let relatedStarts = r.placedWords(in: store), let relatedFlat = r.placedWords(in: store),
            relatedStarts.count == topics.count + 1
        else { return nil }
        guard r.at == bytes.count else { return nil }
        // A run that points past the postings, or a related topic that is none, would be a damaged file.
        var sound = true
        postings.forEach { _, run in if run < 0 || run >> 20 + run & 0xFFFFF > postingPairs.count { sound = false } }
        for j in relatedFlat where j >= UInt64(topics.count) { sound = false }
        guard sound else { return nil }
        model.restore(
            acronyms: acronyms, acronymTables: acronymTables, topics: topics, titleFeatures: titles,
            titleItemRuns: itemRuns, titleHeads: heads, bank: bank,
            bankProfiles: profiles[0], topicProfiles: profiles[1], stopKeys: stop, names: names, idf: idf,
            unseenWeight: unseen, properNames: proper, postings: postings, postingPairs: postingPairs,
            sameQuestion: sameQuestion, related: related, relatedStarts: relatedStarts, relatedFlat: relatedFlat)
        return model
    }
}
