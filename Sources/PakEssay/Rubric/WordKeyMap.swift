/// A hash map from `WordKey`s to values, built once per rubric and read for every token.
///
/// The keys are FNV-1a hashes already, so the table uses their low bits directly with linear probing,
/// instead of hashing them again through `Hasher` as a `Dictionary` would. Key 0 marks an empty slot;
/// a word whose key is 0 is stored under 1 (a collision any hash table has to allow for anyway is not
/// possible here: lookups compare the whole stored key).
public struct WordKeyMap<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var mask: Int
    /// How many keys it holds.
    public private(set) var count = 0

    /// Creates an empty map.
    public init() {
        keys = [UInt64](repeating: 0, count: 8)
        values = [Value?](repeating: nil, count: 8)
        mask = 7
    }

    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        let k = Self.stored(key)
        var i = Int(truncatingIfNeeded: (k ^ (k >> 29)) & UInt64(mask))
        while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
        return i
    }

    /// The value stored under a key, or nil.
    @inline(__always)
    public subscript(key: UInt64) -> Value? {
        get {
            let i = slot(key)
            return keys[i] == 0 ? nil : values[i]
        }
        set {
            guard let newValue else {
                precondition(self[key] == nil, "WordKeyMap does not remove keys")
                return
            }
            if (count + 1) * 4 > (mask + 1) * 3 { grow() }
            let i = slot(key)
            if keys[i] == 0 {
                keys[i] = Self.stored(key)
                count += 1
            }
            values[i] = newValue
        }
    }

    /// The value under a key, or a default to change in place.
    public subscript(key: UInt64, default value: @autoclosure () -> Value) -> Value {
        get { self[key] ?? value() }
        set { self[key] = newValue }
    }

    /// True when the map holds the key.
    @inline(__always)
    public func contains(_ key: UInt64) -> Bool { keys[slot(key)] != 0 }

    /// Every key and value, in no particular order.
    public var entries: [(key: UInt64, value: Value)] {
        keys.indices.compactMap { i in keys[i] == 0 ? nil : (keys[i], values[i]!) }
    }

    private mutating func grow() {
        let old = entries
        let size = (mask + 1) * 2
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
        count = 0
        for (k, v) in old { self[k] = v }
    }
}
