/// The slots of an empty `WordKeyMap` that has allocated nothing: one empty slot, shared.
private let emptyWordKeys: [UInt64] = [0]

/// A hash map from `WordKey`s to values, built once per rubric and read for every token.
///
/// The keys are FNV-1a hashes already, so the table mixes them with one multiply and probes
/// linearly, instead of hashing them again through `Hasher` as a `Dictionary` would. Key 0 marks an empty slot,
/// so a value stored under key 0 is kept beside the table.
public struct WordKeyMap<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var mask: Int
    private var zero: Value?
    /// For a map read from a compiled lexicon: its values, read from the file's bytes when a lookup finds
    /// their key (`values` is then empty). Changing the map first reads them all into `values`.
    private var placed: PlacedValues<Value>?
    /// How many keys it holds.
    public private(set) var count = 0

    /// Creates an empty map that allocates nothing until its first key: a value that holds a map it
    /// may never fill (a stored profile, an empty word list) costs no allocation. Its first key gives
    /// it the table `init(capacity:)` would have.
    public init() {
        keys = emptyWordKeys
        values = []
        mask = 0
    }

    /// Creates an empty map with room for `capacity` keys before it grows.
    public init(capacity: Int) {
        var size = 8
        while size < capacity * 2 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
    }

    /// The slot that holds a nonzero key, or the empty slot where it would go.
    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        // Fibonacci hashing: the multiply spreads every bit of the key into the top bits, which index
        // the table. Most lookups miss (most words are in no list), and at most half the slots are
        // full, so a miss ends after two or three probes.
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    /// The value stored under a key, or nil.
    @inline(__always)
    public subscript(key: UInt64) -> Value? {
        get {
            if key == 0 { return zero }
            let i = slot(key)
            guard keys[i] != 0 else { return nil }
            if let placed { return placed.value(key) }
            return values[i]
        }
        set {
            if placed != nil { unplace() }
            guard let newValue else {
                precondition(self[key] == nil, "WordKeyMap does not remove keys")
                return
            }
            if key == 0 {
                if zero == nil { count += 1 }
                zero = newValue
                return
            }
            if (count + 1) * 2 > mask + 1 { grow() }
            let i = slot(key)
            if keys[i] == 0 {
                keys[i] = key
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
    public func contains(_ key: UInt64) -> Bool { key == 0 ? zero != nil : keys[slot(key)] != 0 }

    /// Every key and value, in no particular order.
    public var entries: [(key: UInt64, value: Value)] {
        (zero.map { [(UInt64(0), $0)] } ?? [])
            + keys.indices.compactMap { i in keys[i] == 0 ? nil : (keys[i], value(at: i)) }
    }

    /// The value in a full slot.
    private func value(at i: Int) -> Value { placed?.value(keys[i]) ?? values[i]! }

    /// Reads every value of a placed map into `values`, so that it can change.
    private mutating func unplace() {
        values = keys.indices.map { i in keys[i] == 0 ? nil : value(at: i) }
        placed = nil
    }

    private mutating func grow() {
        let old = keys.indices.compactMap { i in keys[i] == 0 ? nil : (keys[i], value(at: i)) }
        // An empty map that allocated nothing gets the 16 slots `init()` used to give it, so that its
        // keys lie, and are walked, exactly as before.
        let size = max(16, (mask + 1) * 2)
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
        count = zero == nil ? 0 : 1
        for (k, v) in old { self[k] = v }
    }
}

extension WordKeyMap {
    /// The table as stored: slot keys (0 for an empty slot), slot values, and the value under key 0.
    var storage: (keys: [UInt64], values: [Value?], zero: Value?) {
        if placed != nil { return (keys, keys.indices.map { i in keys[i] == 0 ? nil : value(at: i) }, zero) }
        return (keys, values.count == keys.count ? values : [Value?](repeating: nil, count: keys.count), zero)
    }

    /// A table of slot keys whose values are read in place (see `PlacedValues`), or nil when the slots are
    /// not a power of two.
    init?(storage keys: [UInt64], placed: PlacedValues<Value>, zero: Value?) {
        guard !keys.isEmpty, keys.count & (keys.count - 1) == 0 else { return nil }
        self.keys = keys
        values = []
        self.placed = placed
        self.zero = zero
        mask = keys.count - 1
        count = keys.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } + (zero == nil ? 0 : 1)
    }

    /// A table from its storage, as `storage` gave it (a compiled rubric reads it back without hashing).
    init?(storage keys: [UInt64], values: [Value?], zero: Value?) {
        guard !keys.isEmpty, keys.count & (keys.count - 1) == 0, values.count == keys.count else { return nil }
        self.keys = keys
        self.values = values
        self.zero = zero
        mask = keys.count - 1
        count = keys.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } + (zero == nil ? 0 : 1)
    }

    /// Calls `body` with every key and value, in no particular order, without building a list.
    func forEach(_ body: (UInt64, Value) -> Void) {
        if let zero { body(0, zero) }
        for i in keys.indices where keys[i] != 0 { body(keys[i], value(at: i)) }
    }

    /// True when it holds nothing.
    var isEmpty: Bool { count == 0 }

    /// Calls `body` with every key, in no particular order, without building a list.
    func forEachKey(_ body: (UInt64) -> Void) {
        if zero != nil { body(0) }
        for k in keys where k != 0 { body(k) }
    }
}

/// A set of term keys (see `TermKey`), held as their `WordKey` hashes in `WordKeyMap`s: building one
/// per paragraph hashes no strings, and joining sets only records which sets to ask, so the keys of
/// a whole answer are one list of the paragraphs' sets, not a copy of all their keys.
public struct TermSet: Sendable {
    private var own = WordKeyMap<Bool>()
    private var joined: [WordKeyMap<Bool>] = []

    /// Creates an empty set.
    public init() {}

    /// Creates an empty set with room for `capacity` keys before it grows.
    public init(capacity: Int) { own = WordKeyMap(capacity: capacity) }

    /// Creates a set of term keys.
    public init<S: Sequence>(_ keys: S) where S.Element == String {
        for key in keys { insert(key) }
    }

    /// Adds a term key.
    public mutating func insert(_ key: String) { own[WordKey.of(key)] = true }

    /// Adds a term key by its hash.
    mutating func insert(code: UInt64) { own[code] = true }

    /// True when the set holds the term key.
    public func contains(_ key: String) -> Bool { contains(code: WordKey.of(key)) }

    /// True when the set holds the term key with this hash.
    func contains(code: UInt64) -> Bool {
        if own.contains(code) { return true }
        for set in joined where set.contains(code) { return true }
        return false
    }

    /// True when the set holds nothing.
    public var isEmpty: Bool { own.count == 0 && joined.allSatisfy { $0.count == 0 } }

    /// True when some key of this set, other than those `except` holds, is in `other` too.
    func sharesKey(with other: TermSet, except: Set<UInt64> = []) -> Bool {
        var shared = false
        func look(_ map: WordKeyMap<Bool>) {
            map.forEachKey { code in
                if !shared, !except.contains(code), other.contains(code: code) { shared = true }
            }
        }
        look(own)
        for set in joined where !shared { look(set) }
        return shared
    }

    /// How many keys it holds (counted afresh: joined sets may share keys).
    public var count: Int {
        guard !joined.isEmpty else { return own.count }
        var all = own
        for set in joined { set.forEachKey { all[$0] = true } }
        return all.count
    }

    /// Adds every key of another set.
    public mutating func formUnion(_ other: TermSet) {
        if other.own.count > 0 { joined.append(other.own) }
        joined += other.joined
    }

    /// Adds term keys.
    public mutating func formUnion<S: Sequence>(_ keys: S) where S.Element == String {
        for key in keys { insert(key) }
    }
}

/// Words' keys to short texts (a misspelling's correction), laid out as a `WordKeyMap<String>` is, with
/// the texts in one block of bytes: a compiled lexicon gives it back in three block copies, and a text
/// becomes a `String` only when it is looked up.
public struct TextMap: Sendable {
    /// Slot keys, 0 for an empty slot.
    private var keys: [UInt64]
    /// Each slot's text as its start in `text` (high 32 bits) and length.
    private var spans: [UInt64]
    private var text: [UInt8]
    private var zero: String?
    private var mask: Int
    /// How many keys it holds.
    public private(set) var count: Int

    /// Creates an empty map.
    public init() { self.init(WordKeyMap<String>()) }

    /// The same keys and texts, slot for slot.
    init(_ map: WordKeyMap<String>) {
        let s = map.storage
        var text: [UInt8] = []
        var spans = [UInt64](repeating: 0, count: s.keys.count)
        for (i, key) in s.keys.enumerated() where key != 0 {
            let value = s.values[i] ?? ""
            spans[i] = UInt64(text.count) << 32 | UInt64(value.utf8.count)
            text.append(contentsOf: value.utf8)
        }
        self.init(keys: s.keys, spans: spans, text: text, zero: s.zero)!
    }

    /// A map from its parts, as `parts` gave them; nil when they do not fit together.
    init?(keys: [UInt64], spans: [UInt64], text: [UInt8], zero: String?) {
        guard !keys.isEmpty, keys.count & (keys.count - 1) == 0, spans.count == keys.count else { return nil }
        for (i, key) in keys.enumerated() where key != 0 {
            guard spans[i] >> 32 + spans[i] & 0xFFFF_FFFF <= UInt64(text.count) else { return nil }
        }
        self.keys = keys
        self.spans = spans
        self.text = text
        self.zero = zero
        mask = keys.count - 1
        count = keys.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } + (zero == nil ? 0 : 1)
    }

    /// The parts `init(keys:spans:text:zero:)` takes.
    var parts: (keys: [UInt64], spans: [UInt64], text: [UInt8], zero: String?) { (keys, spans, text, zero) }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        // As `WordKeyMap` places its keys.
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    /// The text stored under a key, or nil.
    public subscript(key: UInt64) -> String? {
        if key == 0 { return zero }
        let i = slot(key)
        guard keys[i] != 0 else { return nil }
        let start = Int(spans[i] >> 32)
        return String(decoding: text[start..<(start + Int(spans[i] & 0xFFFF_FFFF))], as: UTF8.self)
    }

    /// True when the map holds the key.
    @inline(__always)
    public func contains(_ key: UInt64) -> Bool { key == 0 ? zero != nil : keys[slot(key)] != 0 }
}
