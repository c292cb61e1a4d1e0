/// A place where a language pattern matched: the tokens it replaces, the replacement and the message.
struct LanguageHit {
    var from: Int
    var to: Int
    var fix: String?
    var pattern: Int
}

/// The derived classes of each token, worked out when a pattern first asks, shared by the rules that
/// match patterns on one answer (never by two answers: it is not locked).
final class TokenFeatures: @unchecked Sendable {
    var bits: [UInt32]
    /// What a lowercase word's look-ups gave (its tags and its stems' tags, packed), by its key: an
    /// answer uses its words again and again, and a search of the file costs about a thousand
    /// instructions. Per answer, so that parallel workers share no lock.
    var lookups: [UInt64: UInt32] = [:]
    init(count: Int) { bits = [UInt32](repeating: 0, count: count) }
}

/// Runs language patterns over one answer's sentences, reading tokens by their keys.
struct LanguageMatcher {
    let tokens: [Token]
    let classes: WordClasses
    let open: OpenClasses
    let proper: WordKeyMap<Bool>
    let features: TokenFeatures
    let clause: UInt64, subord: UInt64, subordAny: UInt64, prep: UInt64, conj: UInt64, aux: UInt64
    let subject: UInt64, comparativeList: UInt64

    init(_ c: GradingContext) {
        tokens = c.tokens
        classes = c.lexicon.wordClasses
        open = classes.open
        proper = c.lexicon.properKeys
        features = c.languageFeatures
        clause = classes.bit("clause")
        subord = classes.bit("subord")
        subordAny = classes.bit("subord-any")
        prep = classes.bit("prep")
        conj = classes.bit("conj")
        aux = classes.bit("aux")
        subject = classes.bit("subject")
        comparativeList = classes.bit("comparative")
    }

    @inline(__always)
    private func isIn(_ bit: UInt64, _ t: Token) -> Bool { classes.mask(t.key) & bit != 0 }

    /// Every match of the patterns in a sentence, left to right, one per marked place.
    func hits(_ patterns: [LanguagePattern], _ triggers: PatternTriggers, in sentence: Range<Int>) -> [LanguageHit] {
        var out: [LanguageHit] = []
        var candidates = triggers.always
        for k in sentence { candidates |= triggers.byWord[tokens[k].key] ?? 0 }
        for (n, p) in patterns.enumerated() where (n >= 64 || candidates & UInt64(1) << UInt64(n) != 0)
            && conditionsHold(p, sentence)
        {
            var i = sentence.lowerBound
            while i < sentence.upperBound {
                var marks = (i, i)
                if let end = match(p, 0, i, sentence, &marks), end > i || marks.1 > marks.0,
                    clauseBefore(p, sentence, marks.0),
                    !out.contains(where: { $0.from < marks.1 && marks.0 < $0.to })
                {
                    out.append(LanguageHit(from: marks.0, to: marks.1, fix: fix(p, marks), pattern: n))
                    i = max(end, i + 1)
                } else {
                    i += 1
                }
            }
        }
        return out.sorted { $0.from < $1.from }
    }

    /// The end of a match of elements `e...` from token `i`, filling in the marked tokens.
    private func match(
        _ p: LanguagePattern, _ e: Int, _ i: Int, _ s: Range<Int>, _ marks: inout (Int, Int)
    ) -> Int? {
        if e == p.marked.lowerBound { marks.0 = i }
        if e == p.marked.upperBound { marks.1 = i }
        guard e < p.elements.count else { return i }
        let el = p.elements[e]
        if el.anchor { return atClauseStart(i, s, sentenceOnly: el.sentenceOnly) ? match(p, e + 1, i, s, &marks) : nil }
        if el.behind {
            guard i == s.lowerBound || !test(el.test, i - 1) else { return nil }
            return match(p, e + 1, i, s, &marks)
        }
        if i < s.upperBound, test(el.test, i), let end = match(p, e + 1, i + 1, s, &marks) { return end }
        return el.optional ? match(p, e + 1, i, s, &marks) : nil
    }

    private func atClauseStart(_ i: Int, _ s: Range<Int>, sentenceOnly: Bool) -> Bool {
        if i == s.lowerBound { return true }
        guard !sentenceOnly else { return false }
        let before = tokens[i - 1]
        if before.kind == .punctuation { return before.text == "," || before.text == ";" || before.text == ":" }
        return isIn(clause, before)
    }

    private func conditionsHold(_ p: LanguagePattern, _ s: Range<Int>) -> Bool {
        for c in p.conditions {
            switch c {
            case "not-question":
                if tokens[s].contains(where: { $0.kind == .punctuation && $0.text == "?" }) { return false }
            case "no-comma":
                if tokens[s].contains(where: { $0.kind == .punctuation && ($0.text == "," || $0.text == ";") }) {
                    return false
                }
            default: break
            }
        }
        return true
    }

    /// For `clause-before`: the words before the match make a main clause of their own (a finite verb,
    /// and no subordinating word or participle at the start).
    private func clauseBefore(_ p: LanguagePattern, _ s: Range<Int>, _ at: Int) -> Bool {
        guard p.conditions.contains("clause-before") else { return true }
        // The clause is the words since the last comma; a subordinating word anywhere before rules it out.
        for k in s.lowerBound..<at where isIn(subordAny, tokens[k]) { return false }
        let segment = (tokens[s.lowerBound..<at].lastIndex { $0.text == "," }).map { $0 + 1 } ?? s.lowerBound
        guard let f = tokens[segment..<at].firstIndex(where: { $0.kind == .word }) else { return false }
        let first = tokens[f]
        if isIn(subord | prep, first) || first.lower.hasSuffix("ing")
            || test(.derived(.vd), f)
        {
            return false
        }
        // A series of clauses ('…, it has X, and it has Y') is not a splice.
        var k = at + 1
        while k + 1 < s.upperBound {
            if tokens[k].text == ",", isIn(conj, tokens[k + 1]) { return false }
            k += 1
        }
        var finite = false
        for k in segment..<at {
            let t = tokens[k]
            if t.kind == .punctuation { return false }
            if isIn(aux, t) { finite = true }
            if k > segment, test(.derived(.vd), k) || test(.derived(.vz), k) {
                let before = tokens[k - 1]
                if isIn(subject, before) || test(.derived(.nsg), k - 1) || test(.derived(.npl), k - 1)
                    || test(.derived(.proper), k - 1)
                {
                    finite = true
                }
            }
        }
        return finite
    }

    /// Whether token `k` passes a test; read by index, so that no token is copied.
    private func test(_ t: LanguagePattern.Test, _ k: Int) -> Bool {
        switch t {
        case .words(let map): return map[tokens[k].key] != nil
        case .exact(let keys): return keys.contains(tokens[k].exactKey)
        case .closed(let bit): return tokens[k].kind != .punctuation && classes.mask(tokens[k].key) & bit != 0
        case .derived(let d): return tokens[k].kind == .word && has(d, k)
        case .not(let inner): return !test(inner, k)
        case .all(let list): return list.allSatisfy { test($0, k) }
        case .any(let list): return list.contains { test($0, k) }
        }
    }

    /// Whether a token is of a derived class, from the features worked out once per token.
    private func has(_ d: LanguagePattern.Derived, _ i: Int) -> Bool {
        // The sound of a word's start is asked for only after "a" or "an": worked out then, not for every word.
        if d == .vowel || d == .consonant {
            let sound = AnSound.of(tokens[i], classes)
            return d == .vowel ? sound == .vowel : sound == .consonant
        }
        var bits = features.bits[i]
        if bits & 0x8000_0000 == 0 {
            bits = 0x8000_0000 | features(tokens[i])
            features.bits[i] = bits
        }
        return bits & Self.bit(d) != 0
    }

    private static let bits: [UInt32] = LanguagePattern.Derived.allCases.indices.map { 1 << UInt32($0) }

    @inline(__always)
    private static func bit(_ d: LanguagePattern.Derived) -> UInt32 {
        bits[LanguagePattern.Derived.allCases.firstIndex(of: d)!]
    }

    /// The classes of the stems a word's suffix may have been added to.
    struct Stems {
        var s: UInt8 = 0
        var ed: UInt8 = 0
        var er: UInt8 = 0
    }

    private func stemTags(_ word: String, _ suffix: Morphology.Suffix) -> UInt8 {
        var out: UInt8 = 0
        for (drop, add) in Morphology.stems(word, suffix: suffix) { out |= open.tags(word, drop: drop, add: add) }
        return out
    }

    /// Every derived class of a token, as bits: one lookup of the word and one of each stem.
    private func features(_ t: Token) -> UInt32 {
        guard t.kind == .word else { return 0 }
        // The word's tags and its stems' tags depend on its lowercase form alone: looked up once an answer.
        let packed = features.lookups[t.key] ?? {
            var st = Stems()
            if let last = t.lower.utf8.last {
                if last == UInt8(ascii: "s") { st.s = stemTags(t.lower, .s) }
                if last == UInt8(ascii: "d") { st.ed = stemTags(t.lower, .ed) }
                if last == UInt8(ascii: "r") { st.er = stemTags(t.lower, .er) }
                if last == UInt8(ascii: "t") { st.er = stemTags(t.lower, .est) }
            }
            let value = UInt32(open.tags(t.lower)) | UInt32(st.s) << 8 | UInt32(st.ed) << 16 | UInt32(st.er) << 24
            features.lookups[t.key] = value
            return value
        }()
        let tags = UInt8(packed & 0xFF)
        let st = Stems(s: UInt8(packed >> 8 & 0xFF), ed: UInt8(packed >> 16 & 0xFF), er: UInt8(packed >> 24))
        var out: UInt32 = 0
        for (n, d) in LanguagePattern.Derived.allCases.enumerated() where d != .vowel && d != .consonant {
            if derived(d, t, tags, st) { out |= 1 << UInt32(n) }
        }
        return out
    }

    private func derived(_ d: LanguagePattern.Derived, _ t: Token, _ tags: UInt8, _ st: Stems) -> Bool {
        switch d {
        case .word: return true
        case .lower: return !t.isCapitalized
        case .cap: return t.isCapitalized
        case .proper:
            guard t.isCapitalized else { return false }
            if proper[t.key] != nil { return true }
            return tags == 0 && classes.allClosed[t.key] == nil && st.s & OpenClasses.noun == 0
        case .noun: return tags & OpenClasses.noun != 0
        case .verb: return tags & OpenClasses.verb != 0
        case .adj: return tags & OpenClasses.adjective != 0
        case .adv: return tags & OpenClasses.adverb != 0
        case .nonly:
            return !t.isCapitalized && tags & OpenClasses.noun != 0
                && tags & ~(OpenClasses.noun | OpenClasses.plural) == 0
        case .nsg: return singularNoun(t, tags)
        case .npl:
            guard !t.isCapitalized, classes.allClosed[t.key] == nil else { return false }
            return tags & OpenClasses.plural != 0 || (tags & OpenClasses.noun == 0 && st.s & OpenClasses.noun != 0)
        case .vz: return !t.isCapitalized && st.s & OpenClasses.verb != 0
        case .vd: return pastVerb(t, tags, st)
        case .cmp: return comparative(t, tags, st)
        case .vowel: return AnSound.of(t, classes) == .vowel
        case .consonant: return AnSound.of(t, classes) == .consonant
        case .ing: return t.lower.utf8.count > 4 && t.lower.hasSuffix("ing")
        case .finite: return isIn(aux, t) || pastVerb(t, tags, st) || st.s & OpenClasses.verb != 0
        }
    }

    private func singularNoun(_ t: Token, _ tags: UInt8) -> Bool {
        guard !t.isCapitalized, tags & OpenClasses.noun != 0,
            tags & (OpenClasses.adjective | OpenClasses.adverb | OpenClasses.plural) == 0,
            classes.allClosed[t.key] == nil
        else { return false }
        return t.lower.utf8.last != UInt8(ascii: "s")
    }

    private func pastVerb(_ t: Token, _ tags: UInt8, _ st: Stems) -> Bool {
        guard !t.isCapitalized, tags & OpenClasses.verb == 0 else { return false }
        return tags & OpenClasses.past != 0 || st.ed & OpenClasses.verb != 0
    }

    private func comparative(_ t: Token, _ tags: UInt8, _ st: Stems) -> Bool {
        guard !t.isCapitalized else { return false }
        if tags & OpenClasses.comparative != 0 || isIn(comparativeList, t) { return true }
        return tags == 0 && st.er & OpenClasses.adjective != 0
    }

    /// The replacement for a match, or nil when the pattern has none or it cannot be worked out.
    private func fix(_ p: LanguagePattern, _ marks: (Int, Int)) -> String? {
        guard !p.fix.isEmpty else { return nil }
        let marked = Array(tokens[marks.0..<marks.1])
        var out: [String] = []
        for part in p.fix.split(separator: " ") {
            if let eq = part.firstIndex(of: "=") {
                // A table `from=to`: used when the marked text is `from`.
                let from = part[..<eq].replacingOccurrences(of: "_", with: " ")
                let written = marked.map(\.lower).joined(separator: " ").replacingOccurrences(of: "’", with: "'")
                if from == written { out = [part[part.index(after: eq)...].replacingOccurrences(of: "_", with: " ")] }
                continue
            }
            guard part.hasPrefix("$"), let n = Int(part.dropFirst().prefix(1)), n >= 1, n <= marked.count else {
                out.append(String(part))
                continue
            }
            let word = marked[n - 1]
            switch part.dropFirst(2) {
            case ":base": guard let b = base(word) else { return nil }; out.append(b)
            case ":s": out.append(Self.thirdPerson(word.lower))
            default: out.append(word.text)
            }
        }
        guard var text = Optional(out.joined(separator: " ")), !text.isEmpty else { return nil }
        if marked.first?.isCapitalized == true, let f = text.first, f.isLowercase {
            text = f.uppercased() + text.dropFirst()
        }
        return text
    }

    private func base(_ t: Token) -> String? {
        if open.tags(t.lower) & OpenClasses.past != 0, let l = open.lemma(t.lower) { return l }
        return Morphology.lemma(t.lower, suffix: .s, bit: OpenClasses.verb, in: open)
            ?? Morphology.lemma(t.lower, suffix: .ed, bit: OpenClasses.verb, in: open)
    }

    /// The third person singular of a base form: 'pose' → 'poses', 'carry' → 'carries'.
    static func thirdPerson(_ verb: String) -> String {
        if verb == "have" { return "has" }
        if verb == "be" { return "is" }
        let u = Array(verb.utf8)
        if let last = u.last, last == UInt8(ascii: "y"), u.count > 1, !"aeiou".utf8.contains(u[u.count - 2]) {
            return String(verb.dropLast()) + "ies"
        }
        for end in ["s", "x", "z", "ch", "sh", "o"] where verb.hasSuffix(end) { return verb + "es" }
        return verb + "s"
    }
}

/// Whether 'a' or 'an' goes before a word, by how it sounds.
enum AnSound {
    case vowel, consonant, unknown

    /// The sound of a word's start; unknown for numbers, abbreviations and symbols.
    static func of(_ t: Token, _ classes: WordClasses) -> AnSound {
        let u = t.lower.utf8
        guard let first = u.first, first >= 0x61, first <= 0x7A else { return .unknown }
        // A letter said by its name ('an F-16', 'a U-turn', 'an MNA') or a lone letter: unknown.
        let text = Array(t.text.utf8.prefix(2))
        if text.count < 2 || (t.isCapitalized && !(text[1] >= 0x61 && text[1] <= 0x7A)) { return .unknown }
        func starts(_ list: String) -> Bool {
            (classes.closedWords[list] ?? []).contains { t.lower.hasPrefix($0) }
        }
        if starts("an-h") { return .vowel }
        if starts("a-prefix") { return .consonant }
        if first == UInt8(ascii: "u") { return starts("an-u") ? .vowel : .unknown }
        return "aeio".utf8.contains(first) ? .vowel : .consonant
    }
}
