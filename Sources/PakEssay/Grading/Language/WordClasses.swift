import Foundation

/// The part-of-speech lexicon the language patterns read: closed classes written by hand (`@det`,
/// `@modal`…, from the rubric's `wordClasses` file) and open classes from WordNet (the `partsOfSpeech`
/// file), read on first use so that start-up does not pay for it.
public struct WordClasses: Sendable {
    /// Closed classes by name: the keys of their words.
    var closed: [String: WordKeyMap<Bool>] = [:]
    /// Closed classes by name as written (prefix lists such as `@a-prefix` are read as text).
    var closedWords: [String: [String]] = [:]
    /// Every word of every closed class: such a word is never read as an open-class noun.
    var allClosed = WordKeyMap<Bool>()
    /// The generated open-class file, or nil when the rubric names none.
    var openPath: String?

    /// Creates an empty lexicon.
    public init() {}

    /// Closed classes whose words may still be read as open-class nouns ('reset', 'claim').
    static let openFriendly: Set<String> = ["same-past", "reporting", "comparative", "object"]

    /// True when a closed class of that name exists.
    func hasClosed(_ name: String) -> Bool { closed[name] != nil }

    /// True when the token is a word of the closed class.
    @inline(__always)
    func isIn(_ name: String, _ key: UInt64) -> Bool { closed[name]?[key] != nil }

    /// Reads a closed-class file: `@name word word…` lines; a name may take several lines.
    mutating func addClosed(_ entries: [(line: Int, text: String)], file: String, at: String) throws(RubricError) {
        for (line, text) in entries {
            let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = fields.first, first.hasPrefix("@"), first.count > 1 else {
                throw RubricError(file: file, path: at, "line \(line): expected `@class word word…`")
            }
            let name = String(first.dropFirst())
            var map = closed[name] ?? WordKeyMap()
            for word in fields.dropFirst() {
                let lower = word.lowercased()
                map[WordKey.of(lower)] = true
                if !Self.openFriendly.contains(name) && !name.hasPrefix("a-") && !name.hasPrefix("an-") {
                    allClosed[WordKey.of(lower)] = true
                }
                if lower.contains("'") { map[WordKey.of(lower.replacingOccurrences(of: "'", with: "’"))] = true }
                closedWords[name, default: []].append(lower)
            }
            closed[name] = map
        }
    }

    /// The open classes, read once per file and shared.
    var open: OpenClasses { OpenClasses.shared(openPath) }
}

/// Open word classes from WordNet: each word's classes as bits, and the lemma of irregular forms.
final class OpenClasses: @unchecked Sendable {
    static let noun: UInt8 = 1
    static let verb: UInt8 = 2
    static let adjective: UInt8 = 4
    static let adverb: UInt8 = 8
    static let plural: UInt8 = 16
    static let past: UInt8 = 32
    static let comparative: UInt8 = 64

    private(set) var tags = WordKeyMap<UInt8>()
    private(set) var lemmas = WordKeyMap<String>()

    private static let lock = NSLockLike()
    nonisolated(unsafe) private static var cache: [String: OpenClasses] = [:]
    private static let empty = OpenClasses()

    /// The classes of a file, read on first use.
    static func shared(_ path: String?) -> OpenClasses {
        guard let path else { return empty }
        return lock.run {
            if let done = cache[path] { return done }
            let made = OpenClasses(path: path)
            cache[path] = made
            return made
        }
    }

    private init() {}

    /// Reads `word<TAB>classes[<TAB>lemma]` lines; a file that cannot be read gives no classes.
    private init(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        var tags = WordKeyMap<UInt8>(capacity: data.count / 10)
        var lemmas = WordKeyMap<String>(capacity: 8_192)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var k = 0
            let n = bytes.count
            while k < n {
                if bytes[k] == UInt8(ascii: "#") {
                    while k < n, bytes[k] != 0x0A { k += 1 }
                    k += 1
                    continue
                }
                var hash: UInt64 = 0xCBF2_9CE4_8422_2325
                while k < n, bytes[k] != 0x09, bytes[k] != 0x0A {
                    hash ^= UInt64(bytes[k])
                    hash = hash &* 0x0000_0100_0000_01B3
                    k += 1
                }
                var bits: UInt8 = 0
                if k < n, bytes[k] == 0x09 { k += 1 }
                while k < n, bytes[k] != 0x09, bytes[k] != 0x0A {
                    bits |= Self.bit(bytes[k])
                    k += 1
                }
                if k < n, bytes[k] == 0x09 {
                    let start = k + 1
                    k = start
                    while k < n, bytes[k] != 0x0A { k += 1 }
                    lemmas[hash] = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<k]), as: UTF8.self)
                }
                tags[hash] = bits
                k += 1
            }
        }
        self.tags = tags
        self.lemmas = lemmas
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

    /// The classes of a word's key (0 when unknown).
    @inline(__always)
    func of(_ key: UInt64) -> UInt8 { tags[key] ?? 0 }
}

/// Regular English inflection worked out on a word's bytes, without building strings.
enum Morphology {
    /// The key of `word` with `drop` bytes cut from its end and `add` appended.
    static func key(_ word: String, drop: Int, add: StaticString = "") -> UInt64? {
        let utf8 = word.utf8
        guard utf8.count > drop + 1 else { return nil }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in utf8.prefix(utf8.count - drop) {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        add.withUTF8Buffer { extra in
            for b in extra {
                hash ^= UInt64(b)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        return hash
    }

    /// The lemmas an -s, -ed, -er or -est form could come from: (bytes dropped, bytes added).
    static func stems(_ word: String, suffix: Suffix) -> [(drop: Int, add: StaticString)] {
        let u = Array(word.utf8.suffix(5))
        func ends(_ s: StaticString) -> Bool {
            let e = s.withUTF8Buffer { Array($0) }
            return u.count > e.count && Array(u.suffix(e.count)) == e
        }
        var out: [(Int, StaticString)] = []
        switch suffix {
        case .s:
            guard ends("s"), !ends("ss"), !ends("us"), !ends("is") else { return [] }
            if ends("ies") { out.append((3, "y")) }
            if ends("es") { out.append((2, "")) }
            out.append((1, ""))
        case .ed:
            guard ends("ed") else { return [] }
            if ends("ied") { out.append((3, "y")) }
            out.append((2, ""))
            out.append((1, ""))
            if u.count >= 4, u[u.count - 3] == u[u.count - 4] { out.append((3, "")) }
        case .er, .est:
            let n = suffix == .er ? 2 : 3
            guard ends(suffix == .er ? "er" : "est") else { return [] }
            if ends(suffix == .er ? "ier" : "iest") { out.append((n + 1, "y")) }
            out.append((n, ""))
            out.append((n - 1, ""))
            if u.count >= n + 2, u[u.count - n - 1] == u[u.count - n - 2] { out.append((n + 1, "")) }
        }
        return out
    }

    /// The suffixes `stems` knows.
    enum Suffix { case s, ed, er, est }

    /// The lemma of `word` in the given class reached by cutting a suffix, as text (for suggestions).
    static func lemma(_ word: String, suffix: Suffix, bit: UInt8, in open: OpenClasses) -> String? {
        for (drop, add) in stems(word, suffix: suffix) {
            guard let k = key(word, drop: drop, add: add), open.of(k) & bit != 0 else { continue }
            return String(word.dropLast(drop)) + add.description
        }
        return nil
    }

    /// True when some stem of `word` is in the class.
    static func hasStem(_ word: String, suffix: Suffix, bit: UInt8, in open: OpenClasses) -> Bool {
        for (drop, add) in stems(word, suffix: suffix) {
            if let k = key(word, drop: drop, add: add), open.of(k) & bit != 0 { return true }
        }
        return false
    }
}
