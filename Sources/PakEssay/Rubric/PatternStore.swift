/// The language patterns in the compiled lexicon (see `LexiconStore`): each pattern as its reader left it
/// (places, alternatives, atoms, word keys, text and examples), then the `PatternTriggers` compiled from
/// the list, so that a start neither reads the pattern files nor compiles them. Every number is one
/// 8-byte word; a range is its two bounds.
extension CompiledWriter {
    /// A list of patterns and the triggers compiled from it.
    mutating func patterns(_ list: [LanguagePattern], _ triggers: PatternTriggers) {
        int(list.count)
        for p in list { pattern(p) }
        self.triggers(triggers)
    }

    mutating func range(_ r: Range<Int>) {
        int(r.lowerBound)
        int(r.upperBound)
    }

    mutating func flag(_ b: Bool) { u64(b ? 1 : 0) }

    mutating func optionalString(_ s: String?) {
        flag(s != nil)
        string(s ?? "")
    }

    private mutating func pattern(_ p: LanguagePattern) {
        string(p.id)
        int(p.line)
        int(p.elements.count)
        for e in p.elements {
            range(e.alternatives)
            for b in [e.optional, e.behind, e.anchor, e.sentenceOnly] { flag(b) }
        }
        int(p.alternatives.count)
        for a in p.alternatives { range(a) }
        int(p.atoms.count)
        for a in p.atoms {
            u64(UInt64(a.kind.rawValue))
            flag(a.negated)
            u64(a.bit)
            range(a.keys)
        }
        u64s(p.keys)
        range(p.marked)
        string(p.fix)
        string(p.message)
        u64(UInt64(p.conditions.rawValue))
        int(p.examples.count)
        for x in p.examples {
            string(x.sentence)
            optionalString(x.wrong)
            optionalString(x.fix)
        }
    }

    private mutating func triggers(_ t: PatternTriggers) {
        int(t.shapes.count)
        for s in t.shapes {
            range(s.places)
            range(s.marked)
            u64(UInt64(s.conditions.rawValue))
            flag(s.sentenceStart)
            range(s.closedNeeds)
        }
        u64s(t.closedNeeds)
        int(t.places.count)
        for p in t.places {
            range(p.tests)
            for b in [p.optional, p.behind, p.anchor, p.sentenceOnly, p.nextFirst] { flag(b) }
            int(p.row)
        }
        int(t.tests.count)
        for x in t.tests {
            for v in [x.closedAll, x.closedNone, UInt64(x.derivedAll), UInt64(x.derivedNone)] { u64(v) }
            range(x.words)
            range(x.exact)
        }
        int(t.wordTests.count)
        for x in t.wordTests {
            int(x.row)
            flag(x.negated)
        }
        int(t.exactTests.count)
        for x in t.exactTests {
            range(x.keys)
            flag(x.negated)
        }
        u64s(t.exactKeys)
        // An empty table has no slots, which `table` cannot write.
        flag(t.vocabulary.count > 0)
        if t.vocabulary.count > 0 { table(t.vocabulary) { $0.int(Int($1)) } }
        u64s(t.members)
        for v in [t.stride, t.longest] { int(v) }
        u64s(t.meets)
        u64s(t.requires)
        u64(t.always)
    }
}

extension CompiledReader {
    /// A list of patterns and its triggers as `CompiledWriter.patterns` wrote them, or nil.
    mutating func patterns() -> (list: [LanguagePattern], triggers: PatternTriggers)? {
        guard let n = count() else { return nil }
        var list: [LanguagePattern] = []
        list.reserveCapacity(n)
        for _ in 0..<n {
            guard let p = pattern() else { return nil }
            list.append(p)
        }
        guard let t = triggers() else { return nil }
        return (list, t)
    }

    mutating func range() -> Range<Int>? {
        guard let a = int(), let b = int(), a >= 0, a <= b else { return nil }
        return a..<b
    }

    mutating func flag() -> Bool? {
        switch u64() {
        case 0?: false
        case 1?: true
        default: nil
        }
    }

    mutating func optionalString() -> String?? {
        guard let has = flag(), let s = string() else { return nil }
        return .some(has ? s : nil)
    }

    /// `n` items read by `item`, or nil when one cannot be.
    mutating func list<T>(_ item: (inout CompiledReader) -> T?) -> [T]? {
        guard let n = count() else { return nil }
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            guard let x = item(&self) else { return nil }
            out.append(x)
        }
        return out
    }

    /// `n` flags (at most 8) as the bits of a byte, the first the lowest, or nil. Read into a byte, not an
    /// array: an array for each element and place of the patterns cost about 0.3 M instructions at every start.
    private mutating func flags(_ n: Int) -> Flags? {
        var bits: UInt8 = 0
        for k in 0..<n {
            guard let b = flag() else { return nil }
            if b { bits |= 1 << UInt8(k) }
        }
        return Flags(bits: bits)
    }

    /// Flags read together: `b[k]` is the k-th.
    private struct Flags {
        let bits: UInt8
        subscript(_ k: Int) -> Bool { bits & (1 << UInt8(k)) != 0 }
    }

    private mutating func pattern() -> LanguagePattern? {
        guard let id = string(), let line = int() else { return nil }
        var p = LanguagePattern(id: id, line: line)
        guard let elements = list({ $0.element() }), let alternatives = list({ $0.range() }),
            let atoms = list({ $0.atom() }), let keys = u64s(), let marked = range(), let fix = string(),
            let message = string(), let conditions = u64(), conditions <= UInt64(UInt8.max),
            let examples = list({ $0.example() })
        else { return nil }
        p.elements = elements
        p.alternatives = alternatives
        p.atoms = atoms
        p.keys = keys
        p.marked = marked
        p.fix = fix
        p.message = message
        p.conditions = LanguagePattern.Conditions(rawValue: UInt8(conditions))
        p.examples = examples
        return p
    }

    private mutating func element() -> LanguagePattern.Element? {
        guard let alternatives = range(), let b = flags(4) else { return nil }
        return LanguagePattern.Element(
            alternatives: alternatives, optional: b[0], behind: b[1], anchor: b[2], sentenceOnly: b[3])
    }

    private mutating func atom() -> LanguagePattern.Atom? {
        guard let raw = u64(), raw <= UInt64(UInt8.max), let kind = LanguagePattern.Atom.Kind(rawValue: UInt8(raw)),
            let negated = flag(), let bit = u64(), let keys = range()
        else { return nil }
        return LanguagePattern.Atom(kind: kind, negated: negated, bit: bit, keys: keys)
    }

    private mutating func example() -> (sentence: String, wrong: String?, fix: String?)? {
        guard let sentence = string(), let wrong = optionalString(), let fix = optionalString() else { return nil }
        return (sentence, wrong, fix)
    }

    private mutating func triggers() -> PatternTriggers? {
        var t = PatternTriggers()
        guard let shapes = list({ $0.shape() }), let closedNeeds = u64s(), let places = list({ $0.place() }),
            let tests = list({ $0.test() }), let wordTests = list({ $0.wordTest() }),
            let exactTests = list({ $0.exactTest() }), let exactKeys = u64s(), let vocabulary = vocabulary(),
            let members = u64s(), let stride = count(), let longest = count(), let meets = u64s(),
            let requires = u64s(), let always = u64()
        else { return nil }
        t.shapes = shapes
        t.closedNeeds = closedNeeds
        t.places = places
        t.tests = tests
        t.wordTests = wordTests
        t.exactTests = exactTests
        t.exactKeys = exactKeys
        t.vocabulary = vocabulary
        t.members = members
        t.stride = stride
        t.longest = longest
        t.meets = meets
        t.requires = requires
        t.always = always
        return t
    }

    /// The word numbers of `PatternTriggers` (empty when the list has no word).
    private mutating func vocabulary() -> WordKeyMap<Int32>? {
        guard let has = flag() else { return nil }
        guard has else { return WordKeyMap() }
        return table { r in r.int().flatMap { Int32(exactly: $0) } }
    }

    private mutating func shape() -> PatternTriggers.Shape? {
        guard let places = range(), let marked = range(), let conditions = u64(), conditions <= UInt64(UInt8.max),
            let start = flag(), let needs = range()
        else { return nil }
        var s = PatternTriggers.Shape(
            places: places, marked: marked, conditions: .init(rawValue: UInt8(conditions)))
        s.sentenceStart = start
        s.closedNeeds = needs
        return s
    }

    private mutating func place() -> PatternTriggers.Place? {
        guard let tests = range(), let b = flags(5), let row = int() else { return nil }
        return PatternTriggers.Place(
            tests: tests, optional: b[0], behind: b[1], anchor: b[2], sentenceOnly: b[3], nextFirst: b[4], row: row)
    }

    private mutating func test() -> PatternTriggers.Test? {
        guard let all = u64(), let none = u64(), let dAll = u64(), let dNone = u64(),
            let derivedAll = UInt32(exactly: dAll), let derivedNone = UInt32(exactly: dNone),
            let words = range(), let exact = range()
        else { return nil }
        return PatternTriggers.Test(
            closedAll: all, closedNone: none, derivedAll: derivedAll, derivedNone: derivedNone, words: words,
            exact: exact)
    }

    private mutating func wordTest() -> PatternTriggers.WordTest? {
        guard let row = int(), let negated = flag() else { return nil }
        return PatternTriggers.WordTest(row: row, negated: negated)
    }

    private mutating func exactTest() -> PatternTriggers.ExactTest? {
        guard let keys = range(), let negated = flag() else { return nil }
        return PatternTriggers.ExactTest(keys: keys, negated: negated)
    }
}
