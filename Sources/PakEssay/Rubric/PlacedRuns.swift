/// A stored profile's weights: `count` features, sorted, and their weights, 8 bytes each (little-endian),
/// read where they lie in a `ByteStore` (the mapped compiled topic model) instead of being copied into two
/// arrays for each of the model's 250 profiles at every start.
struct PlacedPairs: @unchecked Sendable {
    /// The bytes the pairs lie in, kept alive with them (nil when there are none).
    private let store: ByteStore?
    private let keys: UnsafeRawPointer?
    private let values: UnsafeRawPointer?
    /// How many pairs.
    let count: Int

    /// No pairs.
    init() {
        store = nil
        keys = nil
        values = nil
        count = 0
    }

    /// The pairs in bytes of their own (a model built from its text).
    init(keys: [UInt64], values: [Double]) {
        precondition(keys.count == values.count)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(keys.count * 16)
        for k in keys { withUnsafeBytes(of: k.littleEndian) { bytes.append(contentsOf: $0) } }
        for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        self.init(store: ByteStore(bytes), keysAt: 0, valuesAt: keys.count * 8, count: keys.count)!
    }

    /// The `count` keys at `keysAt` and values at `valuesAt` in the store, or nil when they do not fit.
    init?(store: ByteStore, keysAt: Int, valuesAt: Int, count: Int) {
        let raw = store.raw
        guard count >= 0, keysAt >= 0, valuesAt >= 0, count <= (raw.count - keysAt) / 8,
            count <= (raw.count - valuesAt) / 8
        else { return nil }
        if count > 0, let base = raw.baseAddress {
            self.store = store
            keys = base + keysAt
            values = base + valuesAt
            self.count = count
        } else {
            self.store = nil
            keys = nil
            values = nil
            self.count = 0
        }
    }

    /// True when there are no pairs.
    var isEmpty: Bool { count == 0 }

    /// The feature of pair `i` (`0 <= i < count`).
    @inline(__always)
    func key(_ i: Int) -> UInt64 {
        UInt64(littleEndian: keys.unsafelyUnwrapped.loadUnaligned(fromByteOffset: i &* 8, as: UInt64.self))
    }

    /// The weight of pair `i` (`0 <= i < count`).
    @inline(__always)
    func value(_ i: Int) -> Double {
        let bits = UInt64(littleEndian: values.unsafelyUnwrapped.loadUnaligned(fromByteOffset: i &* 8, as: UInt64.self))
        return Double(bitPattern: bits)
    }

    /// True when the pairs lie in `other`'s bytes (read in place, not copied), or there are none.
    func lies(in other: ByteStore) -> Bool { store.map { $0 === other } ?? true }

    /// The features, in order (for the compiled form).
    var keyList: [UInt64] { (0..<count).map(key) }
    /// The weights, in order (for the compiled form).
    var valueList: [Double] { (0..<count).map(value) }
}

/// Bytes read where they lie in a `ByteStore`: a topic's terms in their compact form, decoded only for the
/// topic an answer's question is on.
struct PlacedBytes: @unchecked Sendable {
    private let store: ByteStore
    private let start: Int
    /// How many bytes.
    let count: Int

    /// The bytes in a store of their own.
    init(_ bytes: [UInt8]) { self.init(store: ByteStore(bytes), at: 0, count: bytes.count)! }

    /// The `count` bytes at `at` in the store, or nil when they do not fit.
    init?(store: ByteStore, at: Int, count: Int) {
        guard at >= 0, count >= 0, count <= store.raw.count - at else { return nil }
        self.store = store
        start = at
        self.count = count
    }

    /// True when the bytes lie in `other`'s (read in place, not copied).
    func lies(in other: ByteStore) -> Bool { store === other }

    /// The bytes, valid while this value is.
    var raw: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: store.raw[start..<(start + count)]) }
}

/// A list of 8-byte numbers (little-endian) read where they lie in a `ByteStore`: the compiled topic model's
/// postings, feature lists and indices, looked up in place instead of copied into an array at every start.
struct PlacedWords: RandomAccessCollection, @unchecked Sendable {
    /// The bytes the numbers lie in, kept alive with them (nil when there are none).
    private let store: ByteStore?
    private let base: UnsafeRawPointer?
    /// How many numbers.
    let count: Int

    /// No numbers.
    init() {
        store = nil
        base = nil
        count = 0
    }

    /// The numbers in bytes of their own (a model built from its text).
    init(_ numbers: [UInt64]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(numbers.count * 8)
        for n in numbers { withUnsafeBytes(of: n.littleEndian) { bytes.append(contentsOf: $0) } }
        self.init(store: ByteStore(bytes), at: 0, count: numbers.count)!
    }

    /// The `count` numbers at `at` in the store, or nil when they do not fit.
    init?(store: ByteStore, at: Int, count: Int) {
        let raw = store.raw
        guard count >= 0, at >= 0, count <= (raw.count - at) / 8 else { return nil }
        if count > 0, let start = raw.baseAddress {
            self.store = store
            base = start + at
            self.count = count
        } else {
            self.store = nil
            base = nil
            self.count = 0
        }
    }

    private init(store: ByteStore?, base: UnsafeRawPointer?, count: Int) {
        self.store = store
        self.base = base
        self.count = count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    /// Number `i` (`0 <= i < count`).
    @inline(__always)
    subscript(i: Int) -> UInt64 {
        precondition(i >= 0 && i < count)
        return UInt64(littleEndian: base.unsafelyUnwrapped.loadUnaligned(fromByteOffset: i &* 8, as: UInt64.self))
    }

    /// Number `i` as an `Int`.
    @inline(__always)
    func int(_ i: Int) -> Int { Int(Int64(bitPattern: self[i])) }

    /// The numbers `range` as a list of their own (in the same bytes).
    func run(_ range: Range<Int>) -> PlacedWords {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        guard !range.isEmpty, let base else { return PlacedWords() }
        return PlacedWords(store: store, base: base + range.lowerBound * 8, count: range.count)
    }

    /// True when this sorted list holds the value (a binary search).
    func sortedContains(_ value: UInt64) -> Bool { sortedHolds(value, count: count) { self[$0] } }

    /// True when the numbers lie in `other`'s bytes (read in place, not copied), or there are none.
    func lies(in other: ByteStore) -> Bool { store.map { $0 === other } ?? true }
}

/// A list of strings read where they lie in a `ByteStore` (each its length as 8 bytes, then its UTF-8
/// bytes): a `String` is made only for the one asked for. The list's offsets are found once, as it is read.
struct PlacedStrings: RandomAccessCollection, @unchecked Sendable {
    private let store: ByteStore
    /// Where each string's bytes start, just after its length.
    private let starts: [Int]

    /// No strings.
    init() { self.init([]) }

    /// The strings in bytes of their own (a model built from its text).
    init(_ strings: [String]) {
        var w = CompiledWriter()
        w.strings(strings)
        let store = ByteStore(w.bytes)
        var r = CompiledReader(bytes: store.raw)
        self = r.placedStrings(in: store)!
    }

    /// The strings whose bytes start at these offsets in the store, each just after its length (checked by
    /// the reader that found them).
    init(store: ByteStore, starts: [Int]) {
        self.store = store
        self.starts = starts
    }

    var startIndex: Int { 0 }
    var endIndex: Int { starts.count }

    /// String `i`, made from its bytes.
    subscript(i: Int) -> String { String(decoding: bytes(i), as: UTF8.self) }

    /// The bytes of string `i`, valid while the list is.
    func bytes(_ i: Int) -> UnsafeRawBufferPointer {
        let start = starts[i]
        let length = Int(UInt64(littleEndian: store.raw.loadUnaligned(fromByteOffset: start - 8, as: UInt64.self)))
        return UnsafeRawBufferPointer(rebasing: store.raw[start..<(start + length)])
    }

    /// True when string `i` is `text`, byte for byte.
    func equals(_ i: Int, _ text: String) -> Bool { bytes(i).elementsEqual(text.utf8) }

    /// True when the strings lie in `other`'s bytes (read in place, not copied).
    func lies(in other: ByteStore) -> Bool { store === other }
}

extension CompiledReader {
    /// A counted block of 8-byte numbers, read in place in `store`, whose bytes these are.
    mutating func placedWords(in store: ByteStore) -> PlacedWords? {
        guard let n = count(), n <= (bytes.count - at) / 8, let words = PlacedWords(store: store, at: at, count: n)
        else { return nil }
        at += n * 8
        return words
    }

    /// A list of strings as `CompiledWriter.strings` wrote it, read in place in `store`, whose bytes these are:
    /// only their offsets are read.
    mutating func placedStrings(in store: ByteStore) -> PlacedStrings? {
        guard let n = count(), n <= (bytes.count - at) / 8 else { return nil }
        var starts: [Int] = []
        starts.reserveCapacity(n)
        for _ in 0..<n {
            guard let length = count() else { return nil }
            starts.append(at)
            at += length
        }
        return PlacedStrings(store: store, starts: starts)
    }
}

extension CompiledWriter {
    /// A list of numbers as one counted block.
    mutating func words(_ list: PlacedWords) {
        int(list.count)
        for v in list { u64(v) }
    }
}
