/// The part-of-speech lexicon the language patterns read: closed classes written by hand (`@det`,
/// `@modal`…, from the rubric's `wordClasses` file) and open classes from WordNet (the `partsOfSpeech`
/// file), hashed into the compiled lexicon and read in place.
public struct WordClasses: Sendable {
    /// Closed classes by name: the keys of their words.
    var closed: [String: WordKeyMap<Bool>] = [:]
    /// Closed classes by name as written (prefix lists such as `@a-prefix` are read as text).
    var closedWords: [String: [String]] = [:]
    /// Every word of every closed class: such a word is never read as an open-class noun.
    var allClosed = WordKeyMap<Bool>()
    /// Each word's closed classes as bits, by the order of `classIndex`.
    var masks = WordKeyMap<UInt64>()
    /// The bit of each closed class (at most 64 classes).
    var classIndex: [String: Int] = [:]
    /// The generated open-class file, or nil when the rubric names none.
    var openPath: String?
    /// The open classes as the compiled lexicon holds them (nil until the lexicon is compiled).
    var openTable: OpenClasses?

    /// Creates an empty lexicon.
    public init() {}

    /// Closed classes whose words may still be read as open-class nouns ('reset', 'claim').
    static let openFriendly: Set<String> = [
        "same-past", "reporting", "comparative", "object", "after-there", "past-cue", "present-cue",
        "present-cue-after-subject", "time-noun",
    ]

    /// True when a closed class of that name exists.
    func hasClosed(_ name: String) -> Bool { closed[name] != nil }

    /// The bit of a closed class (0 when there is none of that name).
    func bit(_ name: String) -> UInt64 { classIndex[name].map { UInt64(1) << UInt64($0) } ?? 0 }

    /// The closed classes of a word's key, as bits.
    @inline(__always)
    func mask(_ key: UInt64) -> UInt64 { masks[key] ?? 0 }

    /// Reads a closed-class file: `@name word word…` lines; a name may take several lines.
    mutating func addClosed(_ entries: [(line: Int, text: String)], file: String, at: String) throws(RubricError) {
        for (line, text) in entries {
            let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = fields.first, first.hasPrefix("@"), first.count > 1 else {
                throw RubricError(file: file, path: at, "line \(line): expected `@class word word…`")
            }
            let name = String(first.dropFirst())
            if classIndex[name] == nil {
                guard classIndex.count < 64 else {
                    throw RubricError(file: file, path: at, "line \(line): more than 64 word classes")
                }
                classIndex[name] = classIndex.count
            }
            let bit = UInt64(1) << UInt64(classIndex[name]!)
            var map = closed[name] ?? WordKeyMap()
            for word in fields.dropFirst() {
                let lower = word.lowercased()
                map[WordKey.of(lower)] = true
                masks[WordKey.of(lower)] = (masks[WordKey.of(lower)] ?? 0) | bit
                if lower.contains("'") {
                    let curly = WordKey.of(lower.replacingOccurrences(of: "'", with: "’"))
                    masks[curly] = (masks[curly] ?? 0) | bit
                }
                if !Self.openFriendly.contains(name) && !name.hasPrefix("a-") && !name.hasPrefix("an-") {
                    allClosed[WordKey.of(lower)] = true
                }
                if lower.contains("'") { map[WordKey.of(lower.replacingOccurrences(of: "'", with: "’"))] = true }
                closedWords[name, default: []].append(lower)
            }
            closed[name] = map
        }
    }

    /// The open classes: the compiled lexicon's, or read once per file and shared.
    var open: OpenClasses { openTable ?? OpenClasses.shared(openPath) }
}

/// The closed classes of word beginnings that decide 'a' or 'an': those that take 'an' before an 'h', those
/// that take 'a' before a vowel letter, and the 'u' beginnings that take 'an', as bytes.
struct WordBeginnings: Sendable {
    var anH: [[UInt8]]
    var aPrefix: [[UInt8]]
    var anU: [[UInt8]]

    init(_ classes: WordClasses) {
        func read(_ name: String) -> [[UInt8]] { (classes.closedWords[name] ?? []).map { Array($0.utf8) } }
        anH = read("an-h")
        aPrefix = read("a-prefix")
        anU = read("an-u")
    }
}

/// Open word classes from WordNet: each word's classes as bits, and the lemma of irregular forms.
///
/// The file's lines (`word<TAB>classes[<TAB>lemma]`) are looked up through a hashed table of line
/// starts built into the compiled lexicon and read in place: a lookup hashes the word's bytes (FNV-1a,
/// as `WordKey`), reads a slot or two and compares the bytes of the line it points at. The table is
/// immutable once made, so workers share it without a lock.
final class OpenClasses: @unchecked Sendable {
    static let noun: UInt8 = 1
    static let verb: UInt8 = 2
    static let adjective: UInt8 = 4
    static let adverb: UInt8 = 8
    static let plural: UInt8 = 16
    static let past: UInt8 = 32
    static let comparative: UInt8 = 64

    /// Where the text and the table lie (nil for the empty classes).
    private let store: ByteStore?
    /// The file's text.
    private let text: UnsafeBufferPointer<UInt8>
    /// Slots: 0 when empty, else the word's hash's top 32 bits and its line's start plus 1.
    private let slots: UnsafeBufferPointer<UInt64>
    private let mask: Int
    /// The irregular pasts by their verb (see `past(of:)`), read once under the lock.
    fileprivate let pastLock = SemaphoreLock()
    fileprivate var pasts: [String: String]?

    private static let lock = SemaphoreLock()
    nonisolated(unsafe) private static var cache: [String: OpenClasses] = [:]
    private static let empty = OpenClasses()

    /// The classes of a file, read and hashed on first use (a rubric's lexicon carries its own, compiled).
    static func shared(_ path: String?) -> OpenClasses {
        guard let path else { return empty }
        return lock.run {
            if let done = cache[path] { return done }
            let made =
                ByteStore.map(path).flatMap { text in
                    OpenClasses(ByteStore(compiled(text.raw)), at: 0)
                } ?? empty
            cache[path] = made
            return made
        }
    }

    private init() {
        store = nil
        text = UnsafeBufferPointer(start: nil, count: 0)
        slots = UnsafeBufferPointer(start: nil, count: 0)
        mask = 0
    }

    /// The classes as `compiled` laid them out at byte `offset` of `store` (which must be 8-byte
    /// aligned there), up to the store's end, or nil when the bytes are not such a table. Nothing past
    /// the length and slot count is checked here: every read of the text is bounds-checked and a look-up
    /// probes each slot at most once, so that damaged bytes give wrong classes, never a crash.
    init?(_ store: ByteStore, at offset: Int) {
        let raw = store.raw
        guard offset >= 0, offset + 16 <= raw.count, Int(bitPattern: raw.baseAddress! + offset) & 7 == 0 else {
            return nil
        }
        // Read as they lie: a damaged number past `Int.max` is negative here, and refused.
        let length = Int(truncatingIfNeeded: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        let count = Int(truncatingIfNeeded: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
        let textAt = offset + 16
        guard length >= 0, length <= raw.count - textAt, count > 0, count & (count - 1) == 0 else { return nil }
        let slotsAt = textAt + (length + 7) & ~7
        guard slotsAt <= raw.count, count <= (raw.count - slotsAt) / 8, slotsAt + count * 8 == raw.count else {
            return nil
        }
        self.store = store
        text = UnsafeRawBufferPointer(rebasing: raw[textAt..<(textAt + length)]).bindMemory(to: UInt8.self)
        slots = UnsafeRawBufferPointer(rebasing: raw[slotsAt..<(slotsAt + count * 8)]).bindMemory(to: UInt64.self)
        mask = count - 1
    }

    /// The table of an open-class file's text: its length, the slot count, the text (padded to 8
    /// bytes) and the slots, little-endian, as `init(_:at:)` reads them.
    static func compiled(_ text: UnsafeRawBufferPointer) -> [UInt8] {
        let bytes = text.bindMemory(to: UInt8.self)
        var starts: [(hash: UInt64, start: Int)] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x09 { end += 1 }
            if end > start, bytes[start] != UInt8(ascii: "#") {
                starts.append((hash(bytes, start, end), start))
            }
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            start = end + 1
        }
        var size = 16
        while size < starts.count * 2 { size *= 2 }
        var table = [UInt64](repeating: 0, count: size)
        for (h, start) in starts {
            var i = slot(h, size - 1)
            while table[i] != 0 { i = (i + 1) & (size - 1) }
            table[i] = (h >> 32) << 32 | UInt64(start + 1)
        }
        var out: [UInt8] = []
        out.reserveCapacity(16 + bytes.count + 8 + size * 8)
        withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt64(size).littleEndian) { out.append(contentsOf: $0) }
        out.append(contentsOf: bytes)
        while out.count & 7 != 0 { out.append(0) }
        for v in table { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        return out
    }

    @inline(__always)
    private static func slot(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for k in a..<b {
            h ^= UInt64(bytes[k])
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    private static func bit(_ letter: UInt8) -> UInt8 {
        switch letter {
        case UInt8(ascii: "n"): return noun
        case UInt8(ascii: "v"): return verb
        case UInt8(ascii: "a"): return adjective
        case UInt8(ascii: "r"): return adverb
        case UInt8(ascii: "N"): return plural
        case UInt8(ascii: "D"): return past
        case UInt8(ascii: "C"): return comparative
        default: return 0
        }
    }

    /// The line of `word` minus its last `drop` bytes plus `add`, as the offset of the byte after the
    /// word (its tab), or nil.
    private func find(_ word: String, drop: Int, add: StaticString) -> Int? {
        guard mask > 0 else { return nil }
        var word = word
        return word.withUTF8 { w -> Int? in
            guard w.count > drop else { return nil }
            let stem = w.count - drop
            return add.withUTF8Buffer { extra -> Int? in
                var h: UInt64 = 0xCBF2_9CE4_8422_2325
                for k in 0..<stem {
                    h ^= UInt64(w[k])
                    h = h &* 0x0000_0100_0000_01B3
                }
                for b in extra {
                    h ^= UInt64(b)
                    h = h &* 0x0000_0100_0000_01B3
                }
                let length = stem + extra.count
                var i = Self.slot(h, mask)
                // At most every slot once: a table with no empty slot (damaged bytes) cannot hold a look-up.
                for _ in 0...mask {
                    let value = UInt64(littleEndian: slots[i])
                    if value == 0 { return nil }
                    if value >> 32 == h >> 32 {
                        let start = Int(value & 0xFFFF_FFFF) - 1
                        if same(start, length, { $0 < stem ? w[$0] : extra[$0 - stem] }) { return start + length }
                    }
                    i = (i + 1) & mask
                }
                return nil
            }
        }
    }

    /// True when the line at `start` holds exactly the `length` bytes `byte` gives, then a tab or its end.
    @inline(__always)
    private func same(_ start: Int, _ length: Int, _ byte: (Int) -> UInt8) -> Bool {
        guard start >= 0, start + length <= text.count else { return false }
        for k in 0..<length where text[start + k] != byte(k) { return false }
        return start + length == text.count || text[start + length] == 0x09 || text[start + length] == 0x0A
    }

    /// The classes of a word (cut by `drop` bytes, with `add` appended), 0 when unknown.
    func tags(_ word: String, drop: Int = 0, add: StaticString = "") -> UInt8 {
        guard var k = find(word, drop: drop, add: add) else { return 0 }
        var bits: UInt8 = 0
        k += 1
        while k < text.count, text[k] != 0x09, text[k] != 0x0A {
            bits |= Self.bit(text[k])
            k += 1
        }
        return bits
    }

    /// Calls `body` with each form the file lists as a past or participle (class `D`) and its verb, in
    /// the file's order.
    func forEachListedForm(_ body: (String, String) -> Void) {
        var k = 0
        while k < text.count {
            let start = k
            var tab1 = -1
            var tab2 = -1
            while k < text.count, text[k] != 0x0A {
                if text[k] == 0x09 { if tab1 < 0 { tab1 = k } else if tab2 < 0 { tab2 = k } }
                k += 1
            }
            if tab2 > tab1, tab1 > start, text[start] != UInt8(ascii: "#"),
                text[(tab1 + 1)..<tab2].contains(UInt8(ascii: "D"))
            {
                let form = String(decoding: UnsafeBufferPointer(rebasing: text[start..<tab1]), as: UTF8.self)
                let verb = String(decoding: UnsafeBufferPointer(rebasing: text[(tab2 + 1)..<k]), as: UTF8.self)
                body(form, verb)
            }
            k += 1
        }
    }

    /// The lemma an irregular form is listed with ('went' → 'go'), or nil.
    func lemma(_ word: String) -> String? {
        guard var k = find(word, drop: 0, add: "") else { return nil }
        k += 1
        while k < text.count, text[k] != 0x09, text[k] != 0x0A { k += 1 }
        guard k < text.count, text[k] == 0x09 else { return nil }
        let start = k + 1
        while k < text.count, text[k] != 0x0A { k += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: text[start..<k]), as: UTF8.self)
    }
}

extension OpenClasses {
    /// The simple past of a verb's base form: its irregular past as the file lists it ('give' → 'gave',
    /// 'run' → 'ran', 'cancel' → 'cancelled'), else the regular one ('remember' → 'remembered').
    func past(of base: String) -> String {
        if let listed = irregularPasts()[base] { return listed }
        return Morphology.regularPast(base)
    }

    /// The irregular pasts by their verb, read from the file's lines once, on first use (an answer with no
    /// story of the past never asks).
    private func irregularPasts() -> [String: String] {
        pastLock.run {
            if let done = pasts { return done }
            let made = listedPasts()
            pasts = made
            return made
        }
    }

    /// Each verb's simple past among the forms listed with it (`form<TAB>…D…<TAB>verb`): not an -ing or -s
    /// form, and a form that is no participle ('gave', not 'given'; 'lay', not 'lain') when there are two.
    private func listedPasts() -> [String: String] {
        var out: [String: String] = [:]
        forEachListedForm { form, verb in
            guard form != verb, !form.hasSuffix("ing"), form != verb + "s", form != verb + "es" else { return }
            if let other = out[verb], !Self.participleLike(other) || Self.participleLike(form) { return }
            out[verb] = form
        }
        return out
    }

    /// True for a form that ends as participles do ('given', 'known', 'gone', 'lain').
    static func participleLike(_ form: String) -> Bool { form.hasSuffix("n") || form.hasSuffix("ne") }
}

/// Regular English inflection worked out on a word's bytes, without building strings.
enum Morphology {
    /// The stems an -s, -ed, -er or -est form could come from: (bytes dropped, bytes added).
    static func stems(_ word: String, suffix: Suffix) -> [(drop: Int, add: StaticString)] {
        let u = word.utf8
        let n = u.count
        func at(_ back: Int) -> UInt8 { n > back ? u[u.index(u.endIndex, offsetBy: -back - 1)] : 0 }
        func ends(_ s: StaticString) -> Bool {
            s.withUTF8Buffer { e in
                guard n > e.count else { return false }
                for k in 0..<e.count where at(k) != e[e.count - 1 - k] { return false }
                return true
            }
        }
        switch suffix {
        case .s:
            guard ends("s"), !ends("ss"), !ends("us"), !ends("is") else { return [] }
            if ends("ies") { return [(3, "y"), (1, "")] }
            return ends("es") ? [(2, ""), (1, "")] : [(1, "")]
        case .ed:
            guard ends("ed") else { return [] }
            if ends("ied") { return [(3, "y"), (2, "")] }
            return n >= 4 && at(2) == at(3) ? [(2, ""), (1, ""), (3, "")] : [(2, ""), (1, "")]
        case .er, .est:
            let k = suffix == .er ? 2 : 3
            let plain: Bool = suffix == .er ? ends("er") : ends("est")
            guard plain else { return [] }
            let y: Bool = suffix == .er ? ends("ier") : ends("iest")
            if y { return [(k + 1, "y")] }
            let none: StaticString = ""
            if n >= k + 2 && at(k) == at(k + 1) { return [(k, none), (k - 1, none), (k + 1, none)] }
            return [(k, none), (k - 1, none)]
        }
    }

    /// The regular past of a verb: 'remember' → 'remembered', 'smile' → 'smiled', 'carry' → 'carried'.
    static func regularPast(_ verb: String) -> String {
        let u = Array(verb.utf8)
        guard let last = u.last else { return verb }
        if last == UInt8(ascii: "e") { return verb + "d" }
        if last == UInt8(ascii: "y"), u.count > 1, !"aeiou".utf8.contains(u[u.count - 2]) {
            return String(verb.dropLast()) + "ied"
        }
        return verb + "ed"
    }

    /// The suffixes `stems` knows.
    enum Suffix { case s, ed, er, est }

    /// The lemma of `word` in the given class reached by cutting a suffix, as text (for suggestions).
    static func lemma(_ word: String, suffix: Suffix, bit: UInt8, in open: OpenClasses) -> String? {
        for (drop, add) in stems(word, suffix: suffix) where open.tags(word, drop: drop, add: add) & bit != 0 {
            return String(word.dropLast(drop)) + add.description
        }
        return nil
    }

    /// True when some stem of `word` is in the class.
    static func hasStem(_ word: String, suffix: Suffix, bit: UInt8, in open: OpenClasses) -> Bool {
        for (drop, add) in stems(word, suffix: suffix) where open.tags(word, drop: drop, add: add) & bit != 0 {
            return true
        }
        return false
    }
}
