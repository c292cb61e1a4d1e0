#if canImport(Glibc)
    import Glibc
#endif

/// Where a rubric's compiled lexicon is kept between runs: every table the word lists build (the
/// misspellings, the allowances and capitals, the named things and sources, the cue lists, the closed
/// word classes, the grammar and confusion patterns with their triggers, and the hashed open classes) in
/// one file beside the rubric (`.cache/lexicon-HASH.bin`, or the user's cache when that folder cannot be
/// written). The file is mapped into memory and its tables copied out in blocks or read in place, so a
/// run builds no table from text and reads no pattern file. The hash covers
/// the paths, sizes and change times of the lists, the rubric's `words` table and the executable, so an
/// edit takes effect on the next run; the lists are validated whenever they are compiled.
///
/// A start checks the header and the index (every table the start reads, a quarter of the file) against a
/// checksum; the body after it, the source lists and the open word classes, which a run reads in a few
/// places if at all, is read through bounds checks alone, the lists checked against a sum of their own when
/// first asked for. The whole file's sum is in the header for `isWhole`.
enum LexiconStore {
    /// Bumped whenever the lexicon or this format changes, so that old files are never read.
    static let format: UInt64 = 6
    private static let magic: UInt64 = 0x5041_4B4C_4558_4943  // "PAKLEXIC"
    /// The header: magic, format, hash, length, the index's checksum, executable, where the index ends and
    /// the checksum of everything past the header.
    static let headerSize = 64
    /// Where the index's checksum starts: the header's last two fields are in it.
    private static let indexSumFrom = 48

    /// Lexicons built or read in this process, by hash (the tests and `pakessay rubrics` load several
    /// rubrics that share one set of lists).
    /// (A short list, searched in turn: a dictionary by hash would be a type of its own for the start to make.)
    nonisolated(unsafe) private static var memo: [(key: UInt64, lexicon: Lexicon)] = []
    private static let lock = SemaphoreLock()

    /// The hash a compiled lexicon is known by: its lists (`lexicons` key and full path, in the order
    /// they are read) as the file system describes them, the rubric's `words` table and the executable.
    /// Nil when a list cannot be found: the lists are then read as text, which names the problem.
    static func key(_ files: [(key: String, path: String)], words: JSONValue?) -> UInt64? {
        var hash = TopicModelStore.Hash()
        hash.add(format)
        // A new build of pakessay may build other tables from the same lists.
        hash.add(executable)
        for file in files {
            guard let stamp = fileStamp(file.path) else { return nil }
            hash.add(file.key)
            hash.add(file.path)
            stamp.forEach { hash.add($0) }
        }
        hash.add(json: words)
        return hash.value
    }

    /// The running executable as the file system describes it: files another build wrote are replaced.
    static let executable: UInt64 = {
        var hash = TopicModelStore.Hash()
        fileStamp("/proc/self/exe")?.forEach { hash.add($0) }
        return hash.value
    }()

    /// Size, change times and inode of a file, or nil when it cannot be found.
    static func fileStamp(_ path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [
            UInt64(bitPattern: Int64(info.st_size)), UInt64(bitPattern: Int64(info.st_mtim.tv_sec)),
            UInt64(bitPattern: Int64(info.st_mtim.tv_nsec)), UInt64(bitPattern: Int64(info.st_ctim.tv_sec)),
            UInt64(bitPattern: Int64(info.st_ctim.tv_nsec)), UInt64(info.st_ino),
        ]
    }

    /// The compiled lexicon for this hash, from this process's memo or a cache file, or nil.
    static func cached(_ key: UInt64, folder: String) -> Lexicon? {
        if let known = lock.run({ memo.first { $0.key == key }?.lexicon }) { return known }
        let name = "lexicon-" + String(key, radix: 16) + ".bin"
        let beside = TopicModelStore.cacheFolders(rubricFolder: folder, userCache: false)[0]
        var found = ByteStore.map(beside + "/" + name).flatMap { decode($0, key: key) }
        if found == nil {
            for place in TopicModelStore.cacheFolders(rubricFolder: folder).dropFirst() {
                found = ByteStore.map(place + "/" + name).flatMap { decode($0, key: key) }
                if found != nil { break }
            }
        }
        if let found { remember(found, key) }
        return found
    }

    /// Keeps a lexicon in the memo under its hash, in place of one kept before under the same hash.
    private static func remember(_ lexicon: Lexicon, _ key: UInt64) {
        lock.run {
            memo.removeAll { $0.key == key }
            memo.append((key, lexicon))
        }
    }

    /// The lexicon as its compiled form gives it back, whether it was just built or read, so that a
    /// run that builds it and one that reads it grade alike; the form is written for next time when
    /// there is a hash. The topic model and the relevance settings are carried over.
    static func store(_ lexicon: Lexicon, key: UInt64?, folder: String) -> Lexicon {
        let bytes = compiled(lexicon, key: key ?? 0)
        if let key {
            let name = "lexicon-" + String(key, radix: 16) + ".bin"
            for place in TopicModelStore.cacheFolders(rubricFolder: folder)
            where TopicModelStore.write(bytes, to: place, name: name) {
                removeOthers(in: place, keeping: name)
                break
            }
        }
        guard var read = decode(ByteStore(bytes), key: key ?? 0) else { return lexicon }
        if let key { remember(read, key) }
        read.relevanceSettings = lexicon.relevanceSettings
        read.topicModel = lexicon.topicModel
        return read
    }

    /// Removes the compiled lexicons another build of pakessay wrote to a folder more than an hour ago
    /// (this build never reads them; a build run beside another, such as the tests' and the command's,
    /// leaves the other's alone); those of other rubrics this build reads stay.
    private static func removeOthers(in folder: String, keeping name: String) {
        guard let dir = opendir(folder) else { return }
        var stale: [String] = []
        let hourAgo = time(nil) - 3600
        while let entry = readdir(dir) {
            let file = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard file.hasPrefix("lexicon-"), file.hasSuffix(".bin"), file != name else { continue }
            let path = folder + "/" + file
            var info = stat()
            guard stat(path, &info) == 0, info.st_mtim.tv_sec < hourAgo, let store = ByteStore.map(path) else {
                continue
            }
            let raw = store.raw
            if raw.count < headerSize || raw.loadUnaligned(fromByteOffset: 40, as: UInt64.self) != executable {
                stale.append(path)
            }
        }
        closedir(dir)
        for path in stale { unlink(path) }
    }

    // MARK: Writing

    /// The compiled form of a lexicon's tables.
    static func compiled(_ l: Lexicon, key: UInt64) -> [UInt8] {
        var w = CompiledWriter()
        for v in [magic, format, key, 0, 0, executable, 0, 0] { w.u64(v) }
        w.string(l.dictionary?.path ?? "")
        let corrections = l.misspellingKeys.parts
        w.u64s(corrections.keys)
        w.u64s(corrections.spans)
        w.int(corrections.text.count)
        w.bytes += corrections.text
        w.int(corrections.zero == nil ? 0 : 1)
        w.string(corrections.zero ?? "")
        w.placedTable(l.confusedKeys) { w, list in
            w.int(list.count)
            for (wrong, right) in list {
                w.u64s(wrong)
                w.string(right)
            }
        }
        for t in [l.properKeys, l.allowedKeys, l.plainKeys, l.forcedCapitalKeys] { w.table(t) { _, _ in } }
        w.placedTable(l.capitalKeys) { w, list in
            w.int(list.count)
            for (words, written) in list {
                w.u64s(words)
                w.strings(written)
            }
        }
        w.phrases(l.namedThings)
        w.phrases(l.sources)
        w.strings(l.stopWords.sorted())
        w.strings(l.questionStopWords.sorted())
        w.strings(l.cueNames)
        for name in l.cueNames { w.phrases(l.cues[name]!) }
        w.phrases(l.cueIndex)
        classes(l.wordClasses, into: &w)
        w.patterns(l.grammarPatterns, l.grammarTriggers)
        w.patterns(l.confusionPatterns, l.confusionTriggers)
        // The index ends with the lists' sum and length; the body (the lists, the open classes) follows.
        let lists = listBytes(l.lists)
        w.u64(lists.withUnsafeBytes { checksum($0, from: 0) })
        w.int(lists.count)
        let indexEnd = w.bytes.count
        w.bytes += lists
        while w.bytes.count & 7 != 0 { w.bytes.append(0) }
        if let path = l.wordClasses.openPath, let text = ByteStore.map(path) {
            w.bytes += OpenClasses.compiled(text.raw)
        }
        w.bytes.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: UInt64(raw.count).littleEndian, toByteOffset: 24, as: UInt64.self)
            raw.storeBytes(of: UInt64(indexEnd).littleEndian, toByteOffset: 48, as: UInt64.self)
            let whole = checksum(UnsafeRawBufferPointer(raw), from: headerSize)
            raw.storeBytes(of: whole.littleEndian, toByteOffset: 56, as: UInt64.self)
            let index = checksum(UnsafeRawBufferPointer(rebasing: raw[0..<indexEnd]), from: indexSumFrom)
            raw.storeBytes(of: index.littleEndian, toByteOffset: 32, as: UInt64.self)
        }
        return w.bytes
    }

    private static func classes(_ c: WordClasses, into w: inout CompiledWriter) {
        let names = c.classIndex.sorted { $0.value < $1.value }.map(\.key)
        w.strings(names)
        for name in names {
            w.int(c.closed[name] == nil ? 0 : 1)
            if let map = c.closed[name] { w.table(map) { _, _ in } }
            w.strings(c.closedWords[name] ?? [])
        }
        w.table(c.allClosed) { _, _ in }
        w.table(c.masks) { $0.u64($1) }
        w.string(c.openPath ?? "")
    }

    /// The source lists (kept for `Lexicon.misspellings` and the like, read only when asked for).
    private static func listBytes(_ lists: LexiconLists) -> [UInt8] {
        var w = CompiledWriter()
        let wrong = lists.misspellings.keys.sorted()
        w.strings(wrong)
        w.strings(wrong.map { lists.misspellings[$0]! })
        let firsts = lists.confused.keys.sorted()
        w.strings(firsts)
        for first in firsts {
            let list = lists.confused[first]!
            w.int(list.count)
            for (words, right) in list {
                w.strings(words)
                w.string(right)
            }
        }
        for set in [lists.properWords, lists.allowedWords, lists.plainWords, lists.forcedCapitals] {
            w.strings(set.sorted())
        }
        w.strings(lists.capitalNames)
        return w.bytes
    }

    /// Sums of the file's 8-byte words past a header of 48 bytes (the compiled rubric's) in eight lanes, 64
    /// bytes at a time. Any changed bit changes its lane's sum; a damaged file is built again instead of
    /// being graded with.
    static func checksum(_ raw: UnsafeRawBufferPointer) -> UInt64 { checksum(raw, from: 48) }

    /// The same sums of the bytes from `from` on.
    static func checksum(_ raw: UnsafeRawBufferPointer, from: Int) -> UInt64 {
        var lanes = SIMD8<UInt64>(1, 2, 3, 4, 5, 6, 7, 8)
        var at = from
        if let base = raw.baseAddress, Int(bitPattern: base + at) & 15 == 0 {
            // Where the words lie on 16-byte boundaries (a mapped file, a copy in a `ByteStore`), the same
            // eight lanes are kept as four pairs and read 256 bytes at a time with aligned loads, which the
            // compiler folds into the additions: about one instruction per 16 bytes, 0.3 M instructions for
            // the 4 MB file against 0.93 M for loading 64 bytes unaligned and adding them. Addition wraps, so
            // the order in which the words are added does not change the sums.
            var pairs = (SIMD2<UInt64>(1, 2), SIMD2<UInt64>(3, 4), SIMD2<UInt64>(5, 6), SIMD2<UInt64>(7, 8))
            let end = raw.count &- 256
            while at <= end {
                let p = base + at
                for block in stride(from: 0, to: 256, by: 64) {
                    pairs.0 &+= p.load(fromByteOffset: block, as: SIMD2<UInt64>.self)
                    pairs.1 &+= p.load(fromByteOffset: block &+ 16, as: SIMD2<UInt64>.self)
                    pairs.2 &+= p.load(fromByteOffset: block &+ 32, as: SIMD2<UInt64>.self)
                    pairs.3 &+= p.load(fromByteOffset: block &+ 48, as: SIMD2<UInt64>.self)
                }
                at &+= 256
            }
            let low = SIMD4(lowHalf: pairs.0, highHalf: pairs.1)
            lanes = SIMD8(lowHalf: low, highHalf: SIMD4(lowHalf: pairs.2, highHalf: pairs.3))
        }
        while at + 64 <= raw.count {
            lanes &+= raw.loadUnaligned(fromByteOffset: at, as: SIMD8<UInt64>.self)
            at += 64
        }
        var tail: UInt64 = 0
        while at < raw.count {
            tail = tail &* 31 &+ UInt64(raw[at])
            at += 1
        }
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var sum = tail &* k
        for lane in 0..<8 { sum = (sum ^ lanes[lane]) &* k }
        return sum
    }

    // MARK: Reading

    /// Where the index ends, when the header is one for `key` and this build, the length is the file's and
    /// the index's checksum holds; else nil.
    private static func indexEnd(_ raw: UnsafeRawBufferPointer, key: UInt64) -> Int? {
        guard raw.count >= headerSize else { return nil }
        var r = CompiledReader(bytes: raw)
        guard r.u64() == magic, r.u64() == format, r.u64() == key, r.u64() == UInt64(raw.count), let sum = r.u64(),
            r.u64() == executable, let end = r.int(), end >= headerSize, end <= raw.count,
            sum == checksum(UnsafeRawBufferPointer(rebasing: raw[0..<end]), from: indexSumFrom)
        else { return nil }
        return end
    }

    /// The lexicon in compiled bytes, or nil when they are not one for `key` (another hash, another
    /// format, cut short, or a damaged header or index). The body is not summed here (see `isWhole`).
    static func decode(_ store: ByteStore, key: UInt64) -> Lexicon? {
        guard let end = indexEnd(store.raw, key: key) else { return nil }
        var r = CompiledReader(bytes: store.raw, at: headerSize)
        return tables(&r, store, indexEnd: end)
    }

    /// True when the compiled bytes for `key` are whole: the header and index as `decode` checks them, and
    /// every byte past the header against the header's sum (the check a start leaves out).
    static func isWhole(_ store: ByteStore, key: UInt64) -> Bool {
        let raw = store.raw
        guard indexEnd(raw, key: key) != nil else { return false }
        let whole = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 56, as: UInt64.self))
        return whole == checksum(raw, from: headerSize)
    }

    private static func tables(_ r: inout CompiledReader, _ store: ByteStore, indexEnd: Int) -> Lexicon? {
        guard let dictionaryPath = r.string(),
            let misspellings = r.texts(),
            let confused = r.placedMap(
                in: store,
                { r -> [(wrong: [UInt64], right: String)]? in
                    guard let n = r.count() else { return nil }
                    var list: [(wrong: [UInt64], right: String)] = []
                    for _ in 0..<n {
                        guard let wrong = r.u64s(), let right = r.string() else { return nil }
                        list.append((wrong, right))
                    }
                    return list
                }),
            let proper = r.placedFlags(), let allowed = r.placedFlags(), let plain = r.placedFlags(),
            let forced = r.placedFlags(),
            let capitals = r.placedMap(
                in: store,
                { r -> [(words: [UInt64], written: [String])]? in
                    guard let n = r.count() else { return nil }
                    var list: [(words: [UInt64], written: [String])] = []
                    for _ in 0..<n {
                        guard let words = r.u64s(), let written = r.strings() else { return nil }
                        list.append((words, written))
                    }
                    return list
                }),
            let named = r.phrases(in: store), let sources = r.phrases(in: store), let stop = r.strings(),
            let questionStop = r.strings(), let cueNames = r.strings()
        else { return nil }
        var cues: [String: PhraseTable] = Dictionary(minimumCapacity: cueNames.count)
        for name in cueNames {
            guard let table = r.phrases(in: store) else { return nil }
            cues[name] = table
        }
        guard let cueIndex = r.phrases(in: store), var classes = wordClasses(&r), let grammar = r.patterns(),
            let confusion = r.patterns(), let listsSum = r.u64(), let listsLength = r.count(), r.at == indexEnd
        else { return nil }
        var l = Lexicon(
            stopWords: Set(stop), cues: cues, cueIndex: cueIndex, cueNames: cueNames,
            questionStopWords: Set(questionStop),
            lists: CompiledLists(store, at: r.at, length: listsLength, sum: listsSum), grammar: grammar,
            confusion: confusion)
        r.at += listsLength
        r.at = (r.at + 7) & ~7
        if classes.openPath != nil {
            guard let open = OpenClasses(store, at: r.at) else { return nil }
            classes.openTable = open
        }
        if !dictionaryPath.isEmpty {
            guard let store = ByteStore.map(dictionaryPath),
                let dictionary = SpellingDictionary(store: store, path: dictionaryPath)
            else { return nil }
            l.dictionary = dictionary
        }
        l.misspellingKeys = misspellings
        l.confusedKeys = confused
        l.properKeys = proper
        l.allowedKeys = allowed
        l.plainKeys = plain
        l.forcedCapitalKeys = forced
        l.capitalKeys = capitals
        l.namedThings = named
        l.sources = sources
        l.wordClasses = classes
        return l
    }

    private static func wordClasses(_ r: inout CompiledReader) -> WordClasses? {
        guard let names = r.strings(), names.count <= 64 else { return nil }
        var c = WordClasses()
        // Room for every class at once: the three tables grown from empty one class at a time cost another
        // 0.04 M instructions at every start.
        c.classIndex.reserveCapacity(names.count)
        c.closed.reserveCapacity(names.count)
        c.closedWords.reserveCapacity(names.count)
        for (bit, name) in names.enumerated() {
            c.classIndex[name] = bit
            guard let hasMap = r.int() else { return nil }
            if hasMap == 1 {
                guard let map = r.placedFlags() else { return nil }
                c.closed[name] = map
            }
            guard let words = r.strings() else { return nil }
            if !words.isEmpty { c.closedWords[name] = words }
        }
        guard let all = r.placedFlags(), let masks = r.table({ $0.u64() }), let open = r.string() else { return nil }
        c.allClosed = all
        c.masks = masks
        c.openPath = open.isEmpty ? nil : open
        return c
    }

    /// The source lists a compiled lexicon keeps in the `length` bytes at `at`, or nil when those bytes do not
    /// give `sum` (a damaged body) or are not such lists.
    static func lists(_ store: ByteStore, at: Int, length: Int, sum: UInt64) -> LexiconLists? {
        guard at >= 0, length >= 0, length <= store.raw.count - at else { return nil }
        let bytes = UnsafeRawBufferPointer(rebasing: store.raw[at..<(at + length)])
        guard checksum(bytes, from: 0) == sum else { return nil }
        var r = CompiledReader(bytes: bytes)
        guard let wrong = r.strings(), let right = r.strings(), wrong.count == right.count, let firsts = r.strings()
        else { return nil }
        var out = LexiconLists()
        out.misspellings = Dictionary(zip(wrong, right), uniquingKeysWith: { a, _ in a })
        for first in firsts {
            guard let n = r.count() else { return nil }
            var list: [(wrong: [String], right: String)] = []
            for _ in 0..<n {
                guard let words = r.strings(), let right = r.string() else { return nil }
                list.append((words, right))
            }
            out.confused[first] = list
        }
        guard let proper = r.strings(), let allowed = r.strings(), let plain = r.strings(), let forced = r.strings(),
            let names = r.strings()
        else { return nil }
        out.properWords = Set(proper)
        out.allowedWords = Set(allowed)
        out.plainWords = Set(plain)
        out.forcedCapitals = Set(forced)
        out.capitalNames = names
        return out
    }
}

extension CompiledWriter {
    /// A `WordKeyMap` as it is stored: its slot keys in one block, then each full slot's value (none
    /// for a map of flags), then the value under key 0 if any.
    mutating func table<V>(_ t: WordKeyMap<V>, _ value: (inout CompiledWriter, V) -> Void) {
        let s = t.storage
        u64s(s.keys)
        for (k, v) in zip(s.keys, s.values) where k != 0 { value(&self, v!) }
        int(s.zero == nil ? 0 : 1)
        if let zero = s.zero { value(&self, zero) }
    }

    /// A phrase table: its one-word entries, its count and its phrases by first word, laid out to be read
    /// in place (`placedTable`).
    mutating func phrases(_ p: PhraseTable) {
        strings(p.allFirstWords)
        int(p.count)
        placedTable(p.entriesByFirst) { w, entries in
            w.int(entries.count)
            for e in entries {
                w.u64s(e.words)
                w.int(e.caseSensitive ? 1 : 0)
                w.int(e.tag)
            }
        }
    }
}

extension CompiledReader {
    /// A `WordKeyMap` as `CompiledWriter.table` wrote it, slot for slot.
    mutating func table<V>(_ value: (inout CompiledReader) -> V?) -> WordKeyMap<V>? {
        guard let keys = u64s(), !keys.isEmpty else { return nil }
        var values = [V?](repeating: nil, count: keys.count)
        for i in keys.indices where keys[i] != 0 {
            guard let v = value(&self) else { return nil }
            values[i] = v
        }
        guard let hasZero = int() else { return nil }
        var zero: V?
        if hasZero == 1 {
            guard let v = value(&self) else { return nil }
            zero = v
        }
        return WordKeyMap(storage: keys, values: values, zero: zero)
    }

    /// A `TextMap` as `LexiconStore.compiled` wrote it.
    mutating func texts() -> TextMap? {
        guard let keys = u64s(), let spans = u64s(), let n = count() else { return nil }
        let text = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)]))
        at += n
        guard let hasZero = int(), let zero = string() else { return nil }
        return TextMap(keys: keys, spans: spans, text: text, zero: hasZero == 1 ? zero : nil)
    }

    /// A map of flags (every key maps to true).
    mutating func flags() -> WordKeyMap<Bool>? { table { _ in true } }

    /// A phrase table as `CompiledWriter.phrases` wrote it, its phrases read where they lie in `store`.
    mutating func phrases(in store: ByteStore) -> PhraseTable? {
        guard let first = strings(), let count = int(), let (offsets, _, _) = placedSlots(in: store) else { return nil }
        // Every run of phrases is checked once here, so that a lookup can read them without checks.
        var whole = true
        offsets.forEach { _, at in whole = whole && PlacedPhrases.fits(bytes, at: at) }
        guard whole else { return nil }
        var p = PhraseTable()
        p.allFirstWords = first
        p.count = count
        p.placed = PlacedPhrases(offsets: offsets)
        return p
    }
}
