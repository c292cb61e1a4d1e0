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
    /// Each word's closed classes as bits, by the order of `classIndex`.
    var masks = WordKeyMap<UInt64>()
    /// The bit of each closed class (at most 64 classes).
    var classIndex: [String: Int] = [:]
    /// The generated open-class file, or nil when the rubric names none.
    var openPath: String?

    /// Creates an empty lexicon.
    public init() {}

    /// Closed classes whose words may still be read as open-class nouns ('reset', 'claim').
    static let openFriendly: Set<String> = ["same-past", "reporting", "comparative", "object"]

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

    /// The file's bytes: lines `word<TAB>classes[<TAB>lemma]`, sorted bytewise by word, searched in place.
    private var bytes: [UInt8] = []

    private static let lock = SemaphoreLock()
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

    /// Reads the file; nothing is built: lookups search the sorted lines. A file that cannot be read
    /// gives no classes.
    private init(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        bytes = [UInt8](data)
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

    /// The start of the line holding byte `k`.
    private func lineStart(_ k: Int) -> Int {
        var k = k
        while k > 0, bytes[k - 1] != 0x0A { k -= 1 }
        return k
    }

    /// The line of `word` minus its last `drop` bytes plus `add`, as the offset of its tab, or nil.
    private func find(_ word: String, drop: Int, add: StaticString) -> Int? {
        var word = word
        return word.withUTF8 { w -> Int? in
            guard w.count > drop else { return nil }
            let stem = UnsafeBufferPointer(rebasing: w[0..<(w.count - drop)])
            return add.withUTF8Buffer { extra -> Int? in
                let length = stem.count + extra.count
                func target(_ i: Int) -> UInt8 { i < stem.count ? stem[i] : extra[i - stem.count] }
                var low = 0
                var high = bytes.count
                while low < high {
                    let start = lineStart((low + high) / 2)
                    var i = 0
                    var order = 0
                    while true {
                        let b: UInt8 = start + i < bytes.count ? bytes[start + i] : 0x0A
                        let end = b == 0x09 || b == 0x0A
                        if i == length { order = end ? 0 : 1; break }
                        if end { order = -1; break }
                        let t = target(i)
                        if b != t { order = b < t ? -1 : 1; break }
                        i += 1
                    }
                    if order == 0 { return start + i }
                    if order < 0 {
                        var next = start + i
                        while next < bytes.count, bytes[next] != 0x0A { next += 1 }
                        low = next + 1
                    } else {
                        high = start
                    }
                }
                return nil
            }
        }
    }

    /// The classes of a word (cut by `drop` bytes, with `add` appended), 0 when unknown.
    func tags(_ word: String, drop: Int = 0, add: StaticString = "") -> UInt8 {
        guard var k = find(word, drop: drop, add: add) else { return 0 }
        var bits: UInt8 = 0
        k += 1
        while k < bytes.count, bytes[k] != 0x09, bytes[k] != 0x0A {
            bits |= Self.bit(bytes[k])
            k += 1
        }
        return bits
    }

    /// The lemma an irregular form is listed with ('went' → 'go'), or nil.
    func lemma(_ word: String) -> String? {
        guard var k = find(word, drop: 0, add: "") else { return nil }
        k += 1
        while k < bytes.count, bytes[k] != 0x09, bytes[k] != 0x0A { k += 1 }
        guard k < bytes.count, bytes[k] == 0x09 else { return nil }
        let start = k + 1
        while k < bytes.count, bytes[k] != 0x0A { k += 1 }
        return String(decoding: bytes[start..<k], as: UTF8.self)
    }
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
