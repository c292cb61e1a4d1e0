/// A table's values as a compiled lexicon holds them (see `CompiledWriter.placedTable`): each key's value
/// lies where it was written in the mapped file and is read from there when a lookup finds the key, so a
/// start copies no value out. A `WordKeyMap` read from the compiled file keeps its slot keys and reads its
/// values through one of these.
final class PlacedValues<Value: Sendable>: @unchecked Sendable {
    /// Each key's value's offset in the store, looked up in place; nil for a table of one constant value.
    private let offsets: SlotTable<Int>?
    private let constant: Value?
    private let read: @Sendable (inout CompiledReader) -> Value?

    /// Values read with `read` at the offsets `offsets` holds (in the bytes of the offsets' store).
    init(offsets: SlotTable<Int>, read: @escaping @Sendable (inout CompiledReader) -> Value?) {
        self.offsets = offsets
        constant = nil
        self.read = read
    }

    /// The same value under every key (a set of keys: the map of flags).
    init(constant: Value) {
        offsets = nil
        self.constant = constant
        read = { _ in nil }
    }

    /// The values read so far, by key: a key looked up again (a name's first word in every answer of a batch)
    /// is read from its bytes once per process. Guarded by `lock`.
    private var known = WordKeyMap<Value>()
    private let lock = SemaphoreLock()

    /// The value under a key the table holds, read from its bytes the first time (nil for a key it does not
    /// hold).
    func value(_ key: UInt64) -> Value? {
        if let constant { return constant }
        if let seen = lock.run({ known[key] }) { return seen }
        guard let offsets, let at = offsets[key] else { return nil }
        var r = CompiledReader(bytes: offsets.bytes, at: at)
        guard let made = read(&r) else { return nil }
        lock.run { if known[key] == nil { known[key] = made } }
        return made
    }
}

extension CompiledWriter {
    /// A `WordKeyMap` laid out to be read in place: its slot keys (as `u64s`), the slot count again and
    /// each slot's value's offset in the file (0 for an empty slot) as a `SlotTable`'s values, the offset of
    /// the value under key 0 (-1 when there is none), the offset where the table ends, then the values.
    /// The file's offsets are counted from the start of `bytes`, which is the start of the file.
    mutating func placedTable<V>(_ t: WordKeyMap<V>, _ value: (inout CompiledWriter, V) -> Void) {
        let s = t.storage
        u64s(s.keys)
        int(s.keys.count)
        let offsetsAt = bytes.count
        for _ in s.keys { u64(0) }
        let zeroAt = bytes.count
        int(-1)
        let endAt = bytes.count
        int(0)
        for (i, key) in s.keys.enumerated() where key != 0 {
            patch(offsetsAt + i * 8, bytes.count)
            value(&self, s.values[i]!)
        }
        if let zero = s.zero {
            patch(zeroAt, bytes.count)
            value(&self, zero)
        }
        patch(endAt, bytes.count)
    }

    /// Writes a number over the 8 bytes at `at`.
    mutating func patch(_ at: Int, _ v: Int) {
        withUnsafeBytes(of: UInt64(bitPattern: Int64(v)).littleEndian) { raw in
            for k in 0..<8 { bytes[at + k] = raw[k] }
        }
    }
}

extension CompiledReader {
    /// A table as `CompiledWriter.placedTable` wrote it: the offset of each key's value, looked up where it
    /// lies in `store` (whose bytes these are), with the slot keys' place; the reader moves past the values.
    /// Nil when the bytes are not such a table.
    mutating func placedSlots(in store: ByteStore) -> (offsets: SlotTable<Int>, keysAt: Int, slots: Int)? {
        guard let (keysAt, valuesAt, slots) = slotBlocks() else { return nil }
        guard let zero = int(), let end = int(), zero >= -1, zero < bytes.count, end >= at, end <= bytes.count,
            let offsets = SlotTable<Int>(
                store: store, keysAt: keysAt, valuesAt: valuesAt, slots: slots, zero: zero >= 0 ? zero : nil)
        else { return nil }
        var inside = true
        offsets.forEach { _, offset in inside = inside && offset >= valuesAt && offset < end }
        guard inside else { return nil }
        at = end
        return (offsets, keysAt, slots)
    }

    /// A `WordKeyMap` as `CompiledWriter.placedTable` wrote it: the slot keys copied in one block, each value
    /// read from `store` with `value` when a lookup finds its key.
    mutating func placedMap<V>(
        in store: ByteStore, _ value: @escaping @Sendable (inout CompiledReader) -> V?
    ) -> WordKeyMap<V>? {
        guard let (offsets, keysAt, slots) = placedSlots(in: store) else { return nil }
        var keys = CompiledReader(bytes: bytes, at: keysAt - 8)
        guard let slotKeys = keys.u64s(), slotKeys.count == slots else { return nil }
        let placed = PlacedValues(offsets: offsets, read: value)
        var zero: V?
        if offsets[0] != nil {
            guard let v = placed.value(0) else { return nil }
            zero = v
        }
        return WordKeyMap(storage: slotKeys, placed: placed, zero: zero)
    }

    /// A map of flags as `CompiledWriter.table` wrote it (every key maps to true), its slot keys copied in one
    /// block and no value made per slot.
    mutating func placedFlags() -> WordKeyMap<Bool>? {
        guard let keys = u64s(), let hasZero = int() else { return nil }
        return WordKeyMap(storage: keys, placed: PlacedValues(constant: true), zero: hasZero == 1 ? true : nil)
    }
}

/// A phrase table's phrases where a compiled lexicon holds them: by first word's key, the offset of a run of
/// phrases, longest first, each its word count, its words' keys, whether it keeps case and its tag (8 bytes
/// each, as `CompiledWriter.phrases` wrote them). Lookups read the run in place, making no array.
struct PlacedPhrases: @unchecked Sendable {
    /// Each first word's run of phrases, by offset in the store (which it keeps alive).
    let offsets: SlotTable<Int>
    /// The store's first byte: read through directly, since reaching the store for every word would retain
    /// and release it.
    private let base: UnsafeRawPointer

    /// The runs `offsets` points at, in the offsets' store.
    init(offsets: SlotTable<Int>) {
        self.offsets = offsets
        base = offsets.bytes.baseAddress!
    }

    /// True when a run of phrases at `at` lies whole within `bytes`.
    static func fits(_ bytes: UnsafeRawBufferPointer, at: Int) -> Bool {
        var r = CompiledReader(bytes: bytes, at: at)
        guard let n = r.count() else { return false }
        for _ in 0..<n {
            guard let words = r.count(), words <= (bytes.count - r.at) / 8 else { return false }
            r.at += words * 8
            guard r.int() != nil, r.int() != nil else { return false }
        }
        return true
    }

    @inline(__always)
    private func word(_ at: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    /// Calls `body` with each phrase of the run under `key`, in order (its word count and the offset of its
    /// first word's key, whether it keeps case, its tag) until `body` returns false.
    @inline(__always)
    private func forEach(_ key: UInt64, _ body: (_ count: Int, _ wordsAt: Int, _ sensitive: Bool, _ tag: Int) -> Bool) {
        guard var at = offsets[key] else { return }
        let n = Int(word(at))
        at += 8
        for _ in 0..<n {
            let count = Int(word(at))
            let wordsAt = at + 8
            at = wordsAt + count * 8
            let sensitive = word(at) == 1
            let tag = Int(Int64(bitPattern: word(at + 8)))
            at += 16
            guard body(count, wordsAt, sensitive, tag) else { return }
        }
    }

    /// True when the phrase at `wordsAt` of `count` words starts at `tokens[i]` within `limit`.
    @inline(__always)
    private func matches(_ count: Int, _ wordsAt: Int, _ sensitive: Bool, _ tokens: [Token], _ i: Int, _ limit: Int)
        -> Bool
    {
        guard i + count <= limit else { return false }
        for k in 0..<count where (sensitive ? tokens[i + k].exactKey : tokens[i + k].key) != word(wordsAt + k * 8) {
            return false
        }
        return true
    }

    /// As `PhraseTable.match`: a plain loop over the run, with no closure or array, since it runs for every
    /// token of an answer.
    func match(_ tokens: [Token], at i: Int, limit: Int) -> Int? {
        guard var at = offsets[tokens[i].key] else { return nil }
        let n = Int(word(at))
        at += 8
        for _ in 0..<n {
            let count = Int(word(at))
            let wordsAt = at + 8
            at = wordsAt + count * 8 + 16
            if matches(count, wordsAt, word(at - 16) == 1, tokens, i, limit) { return count }
        }
        return nil
    }

    /// As `PhraseTable.matchesByTag`, as a plain loop (see `match`); the tags seen are few, kept in a small
    /// array made only when a phrase matches.
    func matchesByTag(_ tokens: [Token], at i: Int, limit: Int, _ body: (_ tag: Int, _ length: Int) -> Void) {
        guard var at = offsets[tokens[i].key] else { return }
        let n = Int(word(at))
        at += 8
        var seen: [Int] = []
        for _ in 0..<n {
            let count = Int(word(at))
            let wordsAt = at + 8
            at = wordsAt + count * 8 + 16
            let tag = Int(Int64(bitPattern: word(at - 8)))
            if !seen.contains(tag), matches(count, wordsAt, word(at - 16) == 1, tokens, i, limit) {
                seen.append(tag)
                body(tag, count)
            }
        }
    }

    /// True when the run under `key` holds a one-word phrase that does not keep case.
    func containsWord(_ key: UInt64) -> Bool {
        var found = false
        forEach(key) { count, _, sensitive, _ in
            found = count == 1 && !sensitive
            return !found
        }
        return found
    }

    /// The phrases under `key`, read out.
    func entries(_ key: UInt64) -> [PhraseTable.Entry] {
        var out: [PhraseTable.Entry] = []
        forEach(key) { count, wordsAt, sensitive, tag in
            let words = (0..<count).map { word(wordsAt + $0 * 8) }
            out.append(PhraseTable.Entry(words: words, caseSensitive: sensitive, tag: tag))
            return true
        }
        return out
    }
}
