/// The packed English word list the spelling rules read (`Rubrics/lexicons/english.dict`, built by
/// `scripts/build-dictionary.py` from SCOWL; that script documents the layout). It is read as it lies:
/// a look-up hashes nothing new (a token's key is the hash the table is built on) and reads one or two
/// slots of a table of 32-bit entries, so loading maps the file into memory (nothing is copied or
/// built) and checking a word costs a few nanoseconds.
public final class SpellingDictionary: @unchecked Sendable {
    /// What the table says of a word it holds.
    public struct Entry: Sendable, Hashable {
        /// True when the lists know the word only with capitals ("Pakistan", "NATO").
        public var capitalOnly: Bool
        /// 0 for the commonest words (SCOWL's small lists) to 3 (only in the American large list).
        public var frequencyClass: Int
    }

    /// The file's bytes, read in place.
    private let store: ByteStore
    private let bytes: UnsafeRawBufferPointer
    private let slotMask: UInt64
    private let tableOffset: Int
    private let wordsOffset: Int
    /// Where the words of each first letter start (a to z, then any other), and the end, as offsets into `bytes`.
    private let buckets: [Int]
    /// How many words it holds.
    public let count: Int
    /// The file it was loaded from (nil when made from bytes), for the compiled lexicon to load it again.
    let path: String?

    /// Reads a dictionary file's bytes; nil when they are not one.
    public convenience init?(bytes: [UInt8]) { self.init(store: ByteStore(bytes)) }

    /// Reads a dictionary from bytes that stay in place; nil when they are not one.
    init?(store: ByteStore, path: String? = nil) {
        let bytes = store.raw
        guard bytes.count >= 144, bytes[0..<8].elementsEqual("PAKDICT1".utf8) else { return nil }
        func u32(_ at: Int) -> Int {
            Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        let slots = u32(12)
        let table = u32(16)
        let words = u32(20)
        let length = u32(24)
        guard slots > 0, slots & (slots - 1) == 0, table >= 144, table + slots * 4 <= words,
            words + length == bytes.count
        else { return nil }
        var starts: [Int] = []
        for k in 0..<28 {
            let at = u32(28 + 4 * k)
            guard at <= length, at >= (starts.last ?? 0) - words else { return nil }
            starts.append(words + at)
        }
        self.store = store
        self.path = path
        self.bytes = bytes
        count = u32(8)
        slotMask = UInt64(slots - 1)
        tableOffset = table
        wordsOffset = words
        buckets = starts
    }

    /// Loads a dictionary file, naming the rubric and key path when it cannot.
    static func load(_ path: String, file: String, key: String) throws(RubricError) -> SpellingDictionary {
        guard let store = ByteStore.map(path) else {
            throw RubricError(file: file, path: key, "cannot read the dictionary \(path)")
        }
        guard let dictionary = SpellingDictionary(store: store, path: path) else {
            throw RubricError(
                file: file, path: key,
                "\(path) is not a pakessay dictionary (build one with scripts/build-dictionary.py)")
        }
        return dictionary
    }

    /// The entry of the word whose lowercase UTF-8 bytes hash (FNV-1a, as `WordKey`) to `key`, or nil.
    @inline(__always)
    public func entry(_ key: UInt64) -> Entry? {
        let fingerprint = UInt32(truncatingIfNeeded: key >> 36)
        var slot = key & slotMask
        let raw = bytes
        while true {
            let value = UInt32(
                littleEndian: raw.loadUnaligned(fromByteOffset: tableOffset + Int(slot) * 4, as: UInt32.self))
            if value == 0 { return nil }
            if value & 0x0FFF_FFFF == fingerprint {
                return Entry(capitalOnly: value & 0x4000_0000 != 0, frequencyClass: Int(value >> 28) & 3)
            }
            slot = (slot + 1) & slotMask
        }
    }

    /// True when the table holds the word with that key.
    @inline(__always)
    public func contains(_ key: UInt64) -> Bool { entry(key) != nil }

    /// Calls `body` with each word (as the lists write it, in UTF-8) whose lowercase form starts with the
    /// byte `first`, in sorted order; bytes other than a to z share one run.
    func forEachWord(startingWith first: UInt8, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let bucket = first >= 0x61 && first <= 0x7A ? Int(first - 0x61) : 26
        let all = bytes.assumingMemoryBound(to: UInt8.self)
        var at = buckets[bucket]
        let end = buckets[bucket + 1]
        while at < end {
            var stop = at
            while stop < end, all[stop] != 0x0A { stop += 1 }
            body(UnsafeBufferPointer(rebasing: all[at..<stop]))
            at = stop + 1
        }
    }
}
