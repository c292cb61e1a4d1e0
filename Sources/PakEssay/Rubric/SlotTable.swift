/// A read-only table from word keys to 8-byte numbers (a compiled topic model's rarity weights and postings),
/// laid out as `WordKeyMap` lays out its slots: the keys, then the values, slot for slot. It is looked up
/// where its bytes lie, in the mapped compiled file, instead of being copied into two arrays (and a third of
/// optionals twice their size) at every start.
struct SlotTable<Value: SlotValue>: @unchecked Sendable {
    /// The bytes the slots lie in, kept alive with the table.
    private let store: ByteStore
    private let keys: UnsafeRawPointer
    private let values: UnsafeRawPointer
    private let mask: Int
    private let zero: Value?

    /// An empty table.
    init() { self.init(WordKeyMap<Value>()) }

    /// The same keys and values, slot for slot, in bytes of its own.
    init(_ map: WordKeyMap<Value>) {
        let s = map.storage
        var bytes = [UInt8]()
        bytes.reserveCapacity(s.keys.count * 16)
        for key in s.keys { withUnsafeBytes(of: key.littleEndian) { bytes.append(contentsOf: $0) } }
        for value in s.values {
            withUnsafeBytes(of: (value?.slotBits ?? 0).littleEndian) { bytes.append(contentsOf: $0) }
        }
        self.init(store: ByteStore(bytes), keysAt: 0, valuesAt: s.keys.count * 8, slots: s.keys.count, zero: s.zero)!
    }

    /// The table whose `slots` keys lie at `keysAt` and values at `valuesAt` in the store (little-endian, 8
    /// bytes each), or nil when the slots are not a power of two or do not fit in the store.
    init?(store: ByteStore, keysAt: Int, valuesAt: Int, slots: Int, zero: Value?) {
        let raw = store.raw
        guard slots > 0, slots & (slots - 1) == 0, keysAt >= 0, valuesAt >= 0,
            slots <= (raw.count - keysAt) / 8, slots <= (raw.count - valuesAt) / 8, let base = raw.baseAddress
        else { return nil }
        self.store = store
        keys = base + keysAt
        values = base + valuesAt
        mask = slots - 1
        self.zero = zero
    }

    /// The bytes the table lies in.
    var bytes: UnsafeRawBufferPointer { store.raw }

    /// The key in slot `i` (0 when the slot is empty).
    @inline(__always)
    private func key(at i: Int) -> UInt64 {
        UInt64(littleEndian: keys.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
    }

    /// The value in slot `i`.
    @inline(__always)
    private func value(at i: Int) -> Value {
        Value(slotBits: UInt64(littleEndian: values.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)))
    }

    /// The value stored under a key, or nil.
    @inline(__always)
    subscript(key: UInt64) -> Value? {
        if key == 0 { return zero }
        // As `WordKeyMap` places its keys.
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while true {
            let k = self.key(at: i)
            if k == key { return value(at: i) }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Calls `body` with every key and value, in slot order (the value under key 0 first).
    func forEach(_ body: (UInt64, Value) -> Void) {
        if let zero { body(0, zero) }
        for i in 0...mask {
            let k = key(at: i)
            if k != 0 { body(k, value(at: i)) }
        }
    }

    /// The slots as stored: keys (0 for an empty slot), values (nil for an empty slot) and the value under key 0.
    var storage: (keys: [UInt64], values: [Value?], zero: Value?) {
        let slots = (0...mask).map { key(at: $0) }
        return (slots, slots.indices.map { slots[$0] == 0 ? nil : value(at: $0) }, zero)
    }
}

/// A number a `SlotTable` holds, as the 8 bytes of its slot.
protocol SlotValue: Sendable {
    /// The number from its slot's bits.
    init(slotBits: UInt64)
    /// The bits its slot holds.
    var slotBits: UInt64 { get }
}

extension Double: SlotValue {
    init(slotBits: UInt64) { self.init(bitPattern: slotBits) }
    var slotBits: UInt64 { bitPattern }
}

extension Int: SlotValue {
    init(slotBits: UInt64) { self.init(Int64(bitPattern: slotBits)) }
    var slotBits: UInt64 { UInt64(bitPattern: Int64(self)) }
}
