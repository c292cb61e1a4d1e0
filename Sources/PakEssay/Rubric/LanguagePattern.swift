/// A language pattern read from a rubric's pattern file (`grammar.txt`, `confusion-sets.txt`): a run of
/// token tests, the part to replace, the replacement, a message and examples. docs/rubric-format.md
/// describes the format.
///
/// The tests are held flat: a place names a range of alternatives, an alternative a range of atoms, and
/// an atom a range of word keys. `PatternTriggers` compiles a list of patterns into the form the matcher
/// reads.
public struct LanguagePattern: Sendable {
    /// Classes worked out from the open lexicon and the token itself.
    enum Derived: String, Sendable, CaseIterable {
        case word, noun, verb, adj, adv, nsg, npl, vz, vd, cmp, proper, cap, lower, vowel, consonant, nonly, finite, ing
        /// A past form or participle WordNet lists with its verb, even when it is a word of its own too
        /// ('saw', 'found', 'left', 'felt'): never a bare verb.
        case past

        /// The class's bit in a token's derived classes.
        var bit: UInt32 {
            switch self {
            case .word: 1 << 0
            case .noun: 1 << 1
            case .verb: 1 << 2
            case .adj: 1 << 3
            case .adv: 1 << 4
            case .nsg: 1 << 5
            case .npl: 1 << 6
            case .vz: 1 << 7
            case .vd: 1 << 8
            case .cmp: 1 << 9
            case .proper: 1 << 10
            case .cap: 1 << 11
            case .lower: 1 << 12
            case .vowel: 1 << 13
            case .consonant: 1 << 14
            case .nonly: 1 << 15
            case .finite: 1 << 16
            case .ing: 1 << 17
            case .past: 1 << 18
            }
        }
    }

    /// One test on a token, perhaps negated (`!`).
    struct Atom: Sendable {
        enum Kind: UInt8, Sendable {
            /// One of the words, without regard to case.
            case words
            /// One of the words as written (`=Word`).
            case exact
            /// In a closed class (`@det`).
            case closed
            /// In a derived class (`@nsg`).
            case derived
        }

        var kind: Kind
        var negated = false
        /// The class's bit: of `WordClasses` for `closed`, of `Derived` for `derived`.
        var bit: UInt64 = 0
        /// The words' keys (`words`, `exact`): a range of the pattern's `keys`.
        var keys: Range<Int> = 0..<0
    }

    /// One place in the pattern.
    struct Element: Sendable {
        /// Its alternatives (`|`), a range of the pattern's `alternatives`; any one passing is enough.
        var alternatives: Range<Int> = 0..<0
        var optional = false
        /// Tests the token before without taking it (true when there is none).
        var behind = false
        /// Matches no token: the start of a sentence (or, unless `sentenceOnly`, of a clause).
        var anchor = false
        var sentenceOnly = false
    }

    /// Sentence conditions (`when`).
    struct Conditions: OptionSet, Sendable {
        let rawValue: UInt8
        static let notQuestion = Conditions(rawValue: 1)
        static let noComma = Conditions(rawValue: 2)
        static let clauseBefore = Conditions(rawValue: 4)

        /// The condition of that name in a pattern file, or nil.
        init?(name: Substring) {
            switch name {
            case "not-question": self = .notQuestion
            case "no-comma": self = .noComma
            case "clause-before": self = .clauseBefore
            default: return nil
            }
        }

        init(rawValue: UInt8) { self.rawValue = rawValue }
    }

    /// The pattern's name, unique in its file.
    public var id: String
    var elements: [Element] = []
    /// Each alternative of a place: a range of `atoms` that must all pass (`&`).
    var alternatives: [Range<Int>] = []
    var atoms: [Atom] = []
    /// The word keys of `words` and `exact` atoms.
    var keys: [UInt64] = []
    /// The marked elements: those the replacement stands for.
    var marked: Range<Int> = 0..<0
    /// The replacement template (empty when the pattern offers none).
    var fix = ""
    /// Why it is wrong.
    public var message = ""
    /// Sentence conditions: `not-question`, `no-comma`, `clause-before`.
    var conditions: Conditions = []
    /// Examples: a sentence, the wrong text (nil when it must not fire) and the replacement expected.
    public var examples: [(sentence: String, wrong: String?, fix: String?)] = []
    /// The line of the file where it starts.
    var line: Int

    /// The words a place requires (the keys of its only alternative, a plain word list), or nil.
    func requiredWords(_ e: Element) -> Range<Int>? {
        guard e.alternatives.count == 1 else { return nil }
        let atoms = alternatives[e.alternatives.lowerBound]
        guard atoms.count == 1 else { return nil }
        let atom = self.atoms[atoms.lowerBound]
        return atom.kind == .words && !atom.negated ? atom.keys : nil
    }
}

/// Reads pattern files.
enum LanguagePatternReader {
    /// The patterns of a file's lines, checked against the closed classes known.
    static func read(
        _ entries: [(line: Int, text: String)], classes: WordClasses, file: String, at: String
    ) throws(RubricError) -> [LanguagePattern] {
        var out: [LanguagePattern] = []
        // Each pattern's `match` text, from its first `match` line: a long pattern may take several.
        var matches: [(line: Int, text: String)?] = []
        func fail(_ line: Int, _ problem: String) -> RubricError {
            RubricError(file: file, path: at, "line \(line): \(problem)")
        }
        for (line, text) in entries {
            let (key, rest) = split(text)
            if key == "rule" {
                out.append(LanguagePattern(id: rest, line: line))
                matches.append(nil)
                continue
            }
            guard !out.isEmpty else { throw fail(line, "expected `rule NAME` first") }
            let last = out.count - 1
            switch key {
            case "match": matches[last] = matches[last].map { ($0.line, $0.text + " " + rest) } ?? (line, rest)
            case "fix":
                let old = out[last].fix
                out[last].fix = rest == "-" ? "" : old.isEmpty ? rest : old + " " + rest
            case "say": out[last].message = rest
            case "when":
                for c in rest.split(separator: " ") {
                    guard let condition = LanguagePattern.Conditions(name: c) else {
                        throw fail(line, "unknown condition `\(c)`")
                    }
                    out[last].conditions.insert(condition)
                }
            case "fires", "passes": out[last].examples.append(example(rest, fires: key == "fires"))
            default: throw fail(line, "unknown key `\(key)` (known: rule, match, fix, say, when, fires, passes)")
            }
        }
        for (k, match) in matches.enumerated() {
            guard let match else { continue }
            guard parse(match.text, into: &out[k], classes: classes) else {
                throw fail(match.line, "cannot read the pattern `\(match.text)`")
            }
        }
        for p in out where p.elements.isEmpty || p.message.isEmpty {
            throw fail(p.line, "the rule `\(p.id)` needs `match` and `say`")
        }
        return out
    }

    private static func split(_ text: String) -> (String, String) {
        let u = text.utf8
        guard let space = u.firstIndex(where: { $0 == 0x20 || $0 == 0x09 }) else { return (text, "") }
        let rest = u[space...].drop(while: { $0 == 0x20 || $0 == 0x09 })
        return (String(text[..<space]), String(text[rest.startIndex...]))
    }

    /// `The reform may [annoys] the traders. => annoy`: the sentence, the bracketed wrong text, the fix.
    private static func example(_ text: String, fires: Bool) -> (String, String?, String?) {
        var sentence = text
        var fix: String?
        if let arrow = arrow(in: text) {
            sentence = String(text[..<arrow.lowerBound])
            fix = String(text[arrow.upperBound...])
        }
        guard fires, let open = sentence.firstIndex(of: "["), let close = sentence.firstIndex(of: "]") else {
            return (sentence, nil, nil)
        }
        let wrong = String(sentence[sentence.index(after: open)..<close])
        sentence.removeSubrange(close...close)
        sentence.removeSubrange(open...open)
        return (sentence, wrong, fix)
    }

    /// The first ` => ` in a line, found on its bytes.
    private static func arrow(in text: String) -> Range<String.Index>? {
        let u = text.utf8
        let target: [UInt8] = Array(" => ".utf8)
        var i = u.startIndex
        while i != u.endIndex {
            if u[i...].starts(with: target) { return i..<u.index(i, offsetBy: target.count) }
            i = u.index(after: i)
        }
        return nil
    }

    /// Reads a `match` line into the pattern's elements; false when it cannot be read.
    private static func parse(_ text: String, into p: inout LanguagePattern, classes: WordClasses) -> Bool {
        p.elements = []
        p.alternatives = []
        p.atoms = []
        p.keys = []
        var markStart: Int?
        var markEnd: Int?
        for raw in text.utf8.split(separator: UInt8(ascii: " ")) {
            var item = Substring(raw)
            if item.hasPrefix("<") {
                markStart = p.elements.count
                item = item.dropFirst()
            }
            var closes = false
            if item.hasSuffix(">") {
                closes = true
                item = item.dropLast()
            }
            var element = LanguagePattern.Element()
            if item == "^" || item == "^." {
                element.anchor = true
                element.sentenceOnly = item == "^."
            } else {
                if item.hasPrefix("[") && item.hasSuffix("]") {
                    element.optional = true
                    item = item.dropFirst().dropLast()
                }
                if item.hasPrefix("-") && item.count > 1 {
                    element.behind = true
                    item = item.dropFirst()
                }
                guard let alternatives = test(item, into: &p, classes: classes) else { return false }
                element.alternatives = alternatives
            }
            p.elements.append(element)
            if closes { markEnd = p.elements.count }
        }
        p.marked = (markStart ?? 0)..<(markEnd ?? p.elements.count)
        return !p.elements.isEmpty && p.marked.lowerBound < p.marked.upperBound
    }

    /// Reads one place's test into the pattern's alternatives, atoms and keys; nil when it cannot be read.
    /// Plain words of all the alternatives make one word list, the last alternative.
    private static func test(
        _ text: Substring, into p: inout LanguagePattern, classes: WordClasses
    ) -> Range<Int>? {
        let first = p.alternatives.count
        var words: [UInt64] = []
        for alternative in text.split(separator: "|") {
            let lead = alternative.utf8.first
            if !alternative.utf8.contains(UInt8(ascii: "&")), lead != UInt8(ascii: "@"), lead != UInt8(ascii: "!"),
                lead != UInt8(ascii: "=")
            {
                words += variants(alternative.lowercased()).map(WordKey.of)
                continue
            }
            let atomsStart = p.atoms.count
            for text in alternative.split(separator: "&") {
                guard let atom = self.atom(text, into: &p, classes: classes) else { return nil }
                p.atoms.append(atom)
            }
            p.alternatives.append(atomsStart..<p.atoms.count)
        }
        if !words.isEmpty {
            p.atoms.append(LanguagePattern.Atom(kind: .words, keys: p.keys.count..<(p.keys.count + words.count)))
            p.keys += words
            p.alternatives.append((p.atoms.count - 1)..<p.atoms.count)
        }
        return p.alternatives.count > first ? first..<p.alternatives.count : nil
    }

    private static func atom(
        _ text: Substring, into p: inout LanguagePattern, classes: WordClasses
    ) -> LanguagePattern.Atom? {
        if text.hasPrefix("!") {
            guard var inner = atom(text.dropFirst(), into: &p, classes: classes) else { return nil }
            inner.negated.toggle()
            return inner
        }
        if text.hasPrefix("=") { return keyed(.exact, variants(String(text.dropFirst())), into: &p) }
        if text.hasPrefix("@") {
            let name = String(text.dropFirst())
            if let d = LanguagePattern.Derived(rawValue: name) {
                return LanguagePattern.Atom(kind: .derived, bit: UInt64(d.bit))
            }
            return classes.hasClosed(name) ? LanguagePattern.Atom(kind: .closed, bit: classes.bit(name)) : nil
        }
        guard !text.isEmpty else { return nil }
        return keyed(.words, variants(text.lowercased()), into: &p)
    }

    /// An atom over the keys of some words, the keys added to the pattern (each once).
    private static func keyed(
        _ kind: LanguagePattern.Atom.Kind, _ words: [String], into p: inout LanguagePattern
    ) -> LanguagePattern.Atom {
        var keys: [UInt64] = []
        for key in words.map(WordKey.of) where !keys.contains(key) { keys.append(key) }
        let start = p.keys.count
        p.keys += keys
        return LanguagePattern.Atom(kind: kind, keys: start..<p.keys.count)
    }

    /// A word and, when it has an apostrophe, its form with a curly one.
    private static func variants(_ word: String) -> [String] {
        word.utf8.contains(UInt8(ascii: "'")) ? [word, String(word.map { $0 == "'" ? "’" : $0 })] : [word]
    }
}

/// A list of patterns compiled for matching: each place's alternatives as masks of closed and derived
/// classes and numbered word lists, in flat arrays the matcher indexes (no value per test to retain); the
/// words of all the patterns numbered once, so that a token is looked up once a sentence; and which
/// patterns can match in a sentence: those whose required word is in it, and those with none.
public struct PatternTriggers: Sendable {
    /// One alternative of a place: every atom of it must pass.
    struct Test: Sendable {
        /// Closed classes the token must be in, and those it must not be in (as `WordClasses` bits).
        var closedAll: UInt64 = 0
        var closedNone: UInt64 = 0
        /// Derived classes the token must have, and those it must not have (as `Derived` bits).
        var derivedAll: UInt32 = 0
        var derivedNone: UInt32 = 0
        /// Its word lists: a range of `wordTests`.
        var words: Range<Int> = 0..<0
        /// Its case-sensitive word lists: a range of `exactTests`.
        var exact: Range<Int> = 0..<0

        /// True when it asks for a derived class (which may cost look-ups).
        var needsDerived: Bool { derivedAll | derivedNone != 0 }
    }

    /// A word list of a test: the row of `members` that holds its words, and whether it is negated.
    struct WordTest: Sendable {
        var row: Int
        var negated: Bool
    }

    /// A case-sensitive word list of a test: a range of `exactKeys`, and whether it is negated.
    struct ExactTest: Sendable {
        var keys: Range<Int>
        var negated: Bool
    }

    /// One place of a pattern: its alternatives, a range of `tests`.
    struct Place: Sendable {
        var tests: Range<Int>
        var optional: Bool
        var behind: Bool
        var anchor: Bool
        var sentenceOnly: Bool
        /// For a place that looks behind: the next place must take the token, so it is tried first (a
        /// test of the token before, such as `-@adj`, is dearer than most, and the next fails more often).
        var nextFirst = false
        /// When its only test is one word list (not negated): that list's row of `members`, tested
        /// directly; otherwise -1.
        var row = -1
    }

    /// One pattern: its places, a range of `places`; the marked places, counted from its first.
    struct Shape: Sendable {
        var places: Range<Int>
        var marked: Range<Int>
        var conditions: LanguagePattern.Conditions
        /// True when it starts with `^.`: it can match only at the sentence's first token.
        var sentenceStart = false
        /// Closed classes the sentence must hold: for each, a range of `closedNeeds`, one mask per place
        /// every match passes with closed classes only, of which some class must be in the sentence.
        var closedNeeds: Range<Int> = 0..<0
    }

    var shapes: [Shape] = []
    var closedNeeds: [UInt64] = []
    var places: [Place] = []
    var tests: [Test] = []
    var wordTests: [WordTest] = []
    var exactTests: [ExactTest] = []
    var exactKeys: [UInt64] = []
    /// The number of every word a word list holds.
    var vocabulary = WordKeyMap<Int32>()
    /// Word lists as bits: row `r` holds word `w` when bit `w % 64` of `members[r * stride + w / 64]` is set.
    var members: [UInt64] = []
    var stride = 0
    /// The requirements (as bits, two words of them a numbered word: `Met`) each numbered word meets: a
    /// requirement is a word list of a place every match passes (neither optional nor looking behind), so a
    /// sentence without its words cannot match.
    var meets: [UInt64] = []
    /// Each of the first 64 patterns' requirements (as bits, two words a pattern); 0 for a pattern that
    /// requires no word.
    var requires: [UInt64] = []
    /// The first 64 patterns (as bits) that require no particular word.
    var always: UInt64 = 0
    /// The most places a pattern has.
    var longest = 0

    /// Compiles patterns, and the requirements of up to 64 (any past the 64th are always tried).
    init(_ patterns: [LanguagePattern] = []) {
        for p in patterns {
            for atom in p.atoms where atom.kind == .words {
                for key in p.keys[atom.keys] where vocabulary[key] == nil { vocabulary[key] = Int32(vocabulary.count) }
            }
        }
        stride = (vocabulary.count + 63) / 64
        for p in patterns {
            let first = places.count
            for e in p.elements {
                let start = tests.count
                // Alternatives that need no derived class first: they are the cheap ones to try.
                var compiled = p.alternatives[e.alternatives].map { compile(p, $0) }
                compiled.sort { !$0.needsDerived && $1.needsDerived }
                tests += compiled
                places.append(
                    Place(
                        tests: start..<tests.count, optional: e.optional, behind: e.behind, anchor: e.anchor,
                        sentenceOnly: e.sentenceOnly, row: onlyRow(compiled)))
            }
            for k in first..<max(first, places.count - 1) where places[k].behind {
                let next = places[k + 1]
                places[k].nextFirst = !next.optional && !next.behind && !next.anchor
            }
            var shape = Shape(places: first..<places.count, marked: p.marked, conditions: p.conditions)
            shape.sentenceStart = places[first].anchor && places[first].sentenceOnly
            shape.closedNeeds = addClosedNeeds(places[first..<places.count])
            shapes.append(shape)
            longest = max(longest, p.elements.count)
        }
        addRequirements(patterns)
    }

    /// A word list a pattern's match must take a token of, near where the match starts: the row of
    /// `members` and the fewest and most tokens before it (worked out from the places, not stored).
    struct StartGuard {
        var row: Int
        var nearest: Int
        var farthest: Int
        /// The closed classes one of which a token `closedAt` to `closedUpTo` tokens from the start must be
        /// in (0: no such place): the first place every match passes whose every alternative asks for a
        /// closed class, at a fixed distance when there is one.
        var closedMask: UInt64 = 0
        var closedAt = 0
        var closedUpTo = 0
        /// A second word list every match takes a token of, after the first (-1: none), with its fewest
        /// and most tokens from the start: "the <concern> authorities" is tried only where 'concern'
        /// follows, not at every 'the'.
        var second = -1
        var secondNearest = 0
        var secondFarthest = 0
    }

    /// The guard of a pattern: its first place that every match passes (neither optional nor looking
    /// behind) whose only test is one word list, with the places before it that take a token counted, and
    /// the second such place, and the first place before the first whose alternatives all ask for a closed
    /// class; nil when it has neither.
    func startGuard(_ shape: Shape) -> StartGuard? {
        var nearest = 0
        var farthest = 0
        var guarded = StartGuard(row: -1, nearest: 0, farthest: 0)
        // The first such place at a distance that varies, kept for a pattern with none at a fixed one.
        var loose: (mask: UInt64, nearest: Int, farthest: Int)?
        for place in places[shape.places] where !place.behind && !place.anchor {
            if !place.optional && place.row >= 0 {
                if guarded.row < 0 {
                    guarded.row = place.row
                    guarded.nearest = nearest
                    guarded.farthest = farthest
                } else {
                    guarded.second = place.row
                    guarded.secondNearest = nearest
                    guarded.secondFarthest = farthest
                    break
                }
            } else if guarded.row < 0, guarded.closedMask == 0, !place.optional, !place.tests.isEmpty {
                // Every alternative must ask for a closed class; the mask is any of them.
                var mask: UInt64 = 0
                var all = true
                for t in place.tests {
                    all = all && tests[t].closedAll != 0
                    mask |= tests[t].closedAll
                }
                if all && nearest == farthest {
                    (guarded.closedMask, guarded.closedAt, guarded.closedUpTo) = (mask, nearest, nearest)
                } else if all && loose == nil {
                    loose = (mask, nearest, farthest)
                }
            }
            farthest += 1
            if !place.optional { nearest += 1 }
        }
        if guarded.closedMask == 0, let loose {
            (guarded.closedMask, guarded.closedAt, guarded.closedUpTo) = loose
        }
        return guarded.closedMask != 0 || guarded.row >= 0 ? guarded : nil
    }

    /// The requirements a sentence meets, as 128 bits: room for every word list the first 64 patterns
    /// require (the confusion sets' 49 patterns require 91 lists; with 64 bits, a pattern late in the file
    /// kept only its first list, 'the' for 'the concern authorities', and was tried at every 'the').
    struct Met {
        var low: UInt64 = 0
        var high: UInt64 = 0

        /// Adds the requirements numbered word `id` meets.
        @inline(__always)
        mutating func add(_ id: Int, _ t: PatternTriggers) {
            low |= t.meets[2 &* id]
            high |= t.meets[2 &* id &+ 1]
        }
    }

    /// The patterns (as bits) worth trying in a sentence that meets these requirements (see `meets`).
    func candidates(met: Met) -> UInt64 {
        var out = always
        var n = 0
        while 2 * n + 1 < requires.count {
            let low = requires[2 * n]
            let high = requires[2 * n + 1]
            if low | high != 0 && met.low & low == low && met.high & high == high { out |= UInt64(1) << UInt64(n) }
            n += 1
        }
        return out
    }

    /// The requirements a sentence of these words (their keys) meets.
    func requirementsMet(by keys: [UInt64]) -> Met {
        var met = Met()
        for key in keys { if let id = vocabulary[key] { met.add(Int(id), self) } }
        return met
    }

    /// The row of the one word list that is a place's only test, or -1.
    private func onlyRow(_ compiled: [Test]) -> Int {
        guard compiled.count == 1, let t = compiled.first, t.closedAll | t.closedNone == 0, !t.needsDerived,
            t.exact.isEmpty, t.words.count == 1, !wordTests[t.words.lowerBound].negated
        else { return -1 }
        return wordTests[t.words.lowerBound].row
    }

    /// The closed classes a pattern's places need in the sentence: for each place every match passes
    /// (neither optional nor looking behind) whose every alternative asks for a closed class, the classes
    /// of one alternative or another (a sentence holding none of them cannot match).
    private mutating func addClosedNeeds(_ places: ArraySlice<Place>) -> Range<Int> {
        let start = closedNeeds.count
        for place in places where !place.optional && !place.behind && !place.anchor && !place.tests.isEmpty {
            let masks = tests[place.tests].map(\.closedAll)
            guard !masks.contains(0) else { continue }
            if masks.count == 1 {
                // Every class of the only alternative is needed.
                var mask = masks[0]
                while mask != 0 {
                    closedNeeds.append(mask & (~mask &+ 1))
                    mask &= mask - 1
                }
            } else {
                closedNeeds.append(masks.reduce(0, |))
            }
        }
        return start..<closedNeeds.count
    }

    /// The word lists the first 64 patterns require: each pattern's shortest first, then the others
    /// while there are bits for them (128, see `Met`).
    private mutating func addRequirements(_ patterns: [LanguagePattern]) {
        meets = [UInt64](repeating: 0, count: 2 * vocabulary.count)
        let lists: [[Range<Int>]] = patterns.prefix(64).map { p in
            p.elements.filter { !$0.optional && !$0.behind && !$0.anchor }.compactMap { p.requiredWords($0) }
                .sorted { $0.count < $1.count }
        }
        requires = [UInt64](repeating: 0, count: 2 * lists.count)
        var used = 0
        for round in 0..<(lists.map(\.count).max() ?? 0) {
            for (n, list) in lists.enumerated() where round < list.count && used < 128 {
                // Bit `used % 64` of the pattern's and the words' first or second word.
                let half = used / 64
                let bit = UInt64(1) << UInt64(used % 64)
                used += 1
                requires[2 * n + half] |= bit
                for key in patterns[n].keys[list[round]] { meets[2 * Int(vocabulary[key]!) + half] |= bit }
            }
        }
        for n in lists.indices where requires[2 * n] | requires[2 * n + 1] == 0 { always |= UInt64(1) << UInt64(n) }
    }

    /// One alternative's atoms as masks and word lists.
    private mutating func compile(_ p: LanguagePattern, _ atoms: Range<Int>) -> Test {
        var t = Test(words: wordTests.count..<wordTests.count, exact: exactTests.count..<exactTests.count)
        for atom in p.atoms[atoms] {
            switch atom.kind {
            case .closed:
                if atom.negated { t.closedNone |= atom.bit } else { t.closedAll |= atom.bit }
            case .derived:
                if atom.negated { t.derivedNone |= UInt32(atom.bit) } else { t.derivedAll |= UInt32(atom.bit) }
            case .words:
                let row = members.count / max(stride, 1)
                members += [UInt64](repeating: 0, count: stride)
                for key in p.keys[atom.keys] {
                    let w = Int(vocabulary[key]!)
                    members[row * stride + w / 64] |= UInt64(1) << UInt64(w % 64)
                }
                wordTests.append(WordTest(row: row, negated: atom.negated))
            case .exact:
                exactTests.append(
                    ExactTest(keys: exactKeys.count..<(exactKeys.count + atom.keys.count), negated: atom.negated))
                exactKeys += p.keys[atom.keys]
            }
        }
        t.words = t.words.lowerBound..<wordTests.count
        t.exact = t.exact.lowerBound..<exactTests.count
        return t
    }
}
