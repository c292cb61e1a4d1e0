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
