/// Spelling against the full dictionary and the rubric's allowances, the list of common misspellings first.
struct LanguageSpelling: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let tolerance = NumberParameter(
            "tolerance", 1.5, minimum: 0.01,
            "misspellings per 100 words at which the rule gives no credit (default {default})")
    }

    static let description = RuleDescription(
        id: "language-spelling", criterion: "language",
        summary:
            """
            every word is in the dictionary (British and American English) or the rubric's allowances, headings \
            and outline included
            """,
        rationale:
            """
            Examiners report spelling errors as 'rife'; each one costs credibility in an answer that is otherwise \
            sound.
            """,
        fix: "Learn the spellings you get wrong; the findings list each with its correction.",
        parameters: [Param.tolerance],
        examples: [
            RuleExample(
                """
                Q.1 Discuss the role of the government in Pakistan.\n\nThe government of Pakistan must recognise \
                its role in the organisation of the economy. The Zarb-e-Azb operation and CPEC in Gwadar show \
                what the state's hydel projects can do, as ISPR reported in the 1990s.
                """,
                fires: false),
            RuleExample(
                """
                Q.1 Discuss the role of the government in Pakistan.\n\nThe goverment must recieve the support of \
                the people untill the economy is stable.
                """,
                fires: true, at: "3:5", message: "'goverment' is misspelt"),
            RuleExample(
                """
                Q.1 Discuss the hurdles.\n\nHINDERANCES\n\nRefugess from Afghanistan add to the burden on the \
                economy.
                """,
                fires: true, at: "3:1", message: "'HINDERANCES' is misspelt"),
        ],
        reads: [.lexicon("misspellings"), .lexicon("dictionary"), .lexicon("allowed"), .lexicon("properNouns")],
        advice: RuleAdvice(
            improvement: { places, count in "Correct \(count) misspellings (\(places)) and learn them" },
            fault: { _, count in "\(count) misspellings" }))
    static let countsMisspellings = true
    let tolerance: Double
    init(_ p: RuleParameters) throws(RubricError) { tolerance = try p.read(Param.tolerance) }

    /// One misspelt word and every place it is written.
    struct Hit {
        var token: Token
        var right: String?
        var others: [String]
        var count: Int
        /// The verb of a wrong regular past ("runned": 'run'), whose right past is `right`.
        var verb: String? = nil
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        let checker = SpellingCheck(c.lexicon)
        var hits: [Hit] = []
        var byKey = WordKeyMap<Int>()
        // The answer's words by their facts, worked out once (most are right as they stand); the outline's
        // and headings' words by two look-ups on the key.
        let facts = c.languageFeatures.wordFacts(c.tokens, c.lexicon)
        func check(_ tokens: [Token], _ range: Range<Int>) {
            for k in range where tokens[k].kind == .word && !checker.isPlainlyRight(tokens[k].key) {
                judge(tokens[k])
            }
        }
        /// A word that is not plainly right: a new misspelling, or one more place of one found.
        func judge(_ t: Token) {
            if let at = byKey[t.key] {
                hits[at].count += 1
                // Headings and outlines are read after the body: the finding stands where the word is first.
                if t.position < hits[at].token.position, let (right, others) = checker.misspelling(t) {
                    hits[at].token = t
                    hits[at].right = right
                    hits[at].others = others
                }
                return
            }
            guard let (right, others) = checker.misspelling(t) else { return }
            byKey[t.key] = hits.count
            let verb = right != nil && others.isEmpty ? checker.regularisedPast(t)?.verb : nil
            hits.append(Hit(token: t, right: right, others: others, count: 1, verb: verb))
        }
        let tokens = c.tokens
        // A word its facts do not give as right is judged; the others are not read.
        for k in tokens.indices where facts[k] & (WordFacts.word | WordFacts.right) == WordFacts.word {
            judge(tokens[k])
        }
        for item in c.answer.outline {
            let list = Tokenizer.tokens(of: item.content)
            check(list, list.indices)
        }
        for info in c.sections {
            if info.section.title != nil {
                let list = Tokenizer.tokens(of: info.section.heading)
                check(list, list.indices)
            }
            for item in info.section.outline {
                let list = Tokenizer.tokens(of: item.content)
                check(list, list.indices)
            }
        }
        guard !hits.isEmpty else { return .full }
        hits.sort { $0.token.position < $1.token.position }
        let findings = hits.map(finding)
        let total = hits.reduce(0) { $0 + $1.count }
        let rate = Double(total) * 100 / Double(max(c.words, 1))
        return RuleOutcome(credit: 1 - rate / tolerance, findings: findings)
    }

    /// The finding of one misspelt word: where it is first written, its correction, and how often.
    private func finding(_ hit: Hit) -> Finding {
        let t = hit.token
        let times = hit.count > 1 ? " (\(hit.count) times)" : ""
        var out: Finding
        if let right = hit.right, let verb = hit.verb {
            out = finding(
                .warning, at: SourceRange(start: t.position, end: t.end), excerpt: t.text,
                "'\(t.text)' is no past form\(times): the past of '\(verb)' is '\(right)'",
                fix: "Write '\(right)'.", weight: Double(hit.count), listedAs: "\(t.text) → \(right)")
        } else if let right = hit.right {
            let others = hit.others.isEmpty ? "" : "; it may also be " + listing(hit.others.map { "'\($0)'" }, or: true)
            out = finding(
                .warning, at: SourceRange(start: t.position, end: t.end), excerpt: t.text,
                "'\(t.text)' is misspelt\(times)\(others)", fix: "Write '\(right)'.", weight: Double(hit.count),
                listedAs: "\(t.text) → \(right)")
        } else {
            out = finding(
                .warning, at: SourceRange(start: t.position, end: t.end), excerpt: t.text,
                "'\(t.text)' is not in the dictionary\(times)",
                fix:
                    """
                    Check its spelling; if it is a name or a term the rubric should know, a tutor adds it to \
                    lexicons/allowed.txt.
                    """,
                weight: Double(hit.count), listedAs: t.text)
        }
        out.repeats = hit.count - 1
        return out
    }
}

/// Decides whether a word is misspelt and what to write instead.
///
/// A word is checked when it is letters only (apostrophes and hyphens inside): numbers and words with
/// figures ("1970s", "18th", "COP27"), guessed words, words in other scripts and mixed-case words
/// ("iPhone", "TikTok") are not. A word in the list of common misspellings is misspelt, whatever its
/// case. Otherwise a word the dictionary and allowances know (whole, without "'s", or part by part when
/// hyphenated) is right. An unknown lowercase word is misspelt. An unknown Capitalised word is taken for
/// a name, unless it has eight letters or more and a common word (lowercase, in SCOWL's small or plain
/// lists) is one edit away ("Terrorisim", "Sovreignty"): names are mostly shorter ("Imran", "Taftan"),
/// and the longer ones are rarely one letter from a common word. A word in capitals is an acronym up
/// to five letters; a longer one is judged as a Capitalised word ("HINDERANCES").
struct SpellingCheck {
    let speller: Speller
    let misspellings: TextMap
    let proper: WordKeyMap<Bool>
    /// The rubric's word lists, for the irregular verbs' pasts (their table is fetched only when asked).
    let lexicon: Lexicon

    init(_ lexicon: Lexicon) {
        speller = Speller(lexicon)
        misspellings = lexicon.misspellingKeys
        proper = lexicon.properKeys
        self.lexicon = lexicon
    }

    /// How a word is written.
    enum Shape {
        case lowercase, capitalised, capitals, other
    }

    /// The shape of a word of letters, apostrophes and hyphens, with how many letters it has; nil for
    /// any other word.
    static func shape(_ text: String) -> (Shape, Int)? {
        var letters = 0
        var upper = 0
        var firstUpper = false
        var curly = 0
        for b in text.utf8 {
            switch b {
            case 0x41...0x5A:
                if letters == 0 { firstUpper = true }
                letters += 1
                upper += 1
            case 0x61...0x7A: letters += 1
            case 0x27, 0x2D: continue
            case 0xE2, 0x80, 0x99: curly += 1  // ’ only: any other scalar from those bytes fails below
            default: return nil
            }
        }
        guard letters > 0, curly % 3 == 0 else { return nil }
        if upper == 0 { return (.lowercase, letters) }
        if upper == letters { return (letters == 1 ? .capitalised : .capitals, letters) }
        return (upper == 1 && firstUpper ? .capitalised : .other, letters)
    }

    /// True when the word with that key is in the dictionary or allowed as it is, and not a listed misspelling.
    @inline(__always)
    func isPlainlyRight(_ key: UInt64) -> Bool { speller.knows(key) && !misspellings.contains(key) }

    /// The correction of a misspelt word (nil when none is known) and other spellings it may be; nil
    /// when the word is right or not judged.
    func misspelling(_ t: Token) -> (String?, [String])? {
        guard !t.startsWithNumber, !t.isGuess else { return nil }
        if let right = misspellings[t.key], !proper.contains(t.key) {
            return (Speller.cased(right, like: t.text), [])
        }
        guard speller.dictionary != nil, !speller.isKnown(key: t.key, lower: t.lower),
            let (shape, letters) = Self.shape(t.text)
        else { return nil }
        if let right = pluralOfMisspelling(t.lower) { return (Speller.cased(right, like: t.text), []) }
        if let (right, others) = possessive(t) { return (right, others) }
        if shape == .lowercase || shape == .capitalised, t.lower.utf8.contains(0x2D) {
            if let right = hyphenated(t.text) { return (right, []) }
            return shape == .lowercase ? (nil, []) : nil
        }
        switch shape {
        case .other: return nil
        case .capitals where letters <= 5: return nil
        case .lowercase:
            if let (_, past) = regularisedPast(t) { return (past, []) }
            let found = speller.suggestions(t.lower)
            return (found.first.map { Speller.cased($0.word, like: t.text) }, found.dropFirst().map(\.word))
        case .capitalised, .capitals:
            guard letters >= 8 else { return nil }
            // "Overcomed" opening a sentence is "overcomed" as a regularised past ('Overcame'), as the finding's
            // message says, not the nearest word ('Overcome').
            if shape == .capitalised, let (_, past) = regularisedPast(t) {
                return (Speller.cased(past, like: t.text), [])
            }
            guard let best = speller.suggestions(t.lower, limit: 1).first, best.distance == 1,
                !best.capitalOnly, best.frequencyClass <= 1, !best.word.contains(" ")
            else { return nil }
            return (Speller.cased(best.word, like: t.text), [])
        }
    }

    /// An irregular verb's past made regular ("runned", "goed", "teached", "writed"), with the verb and its
    /// right past from the word classes ('run', 'ran'): the word less "-ed", less "-d", or less a doubled
    /// consonant and "-ed", when that is a verb whose listed past is not the regular one, doubled or not.
    /// Asked only of a word the dictionary does not know, lowercase or capitalised.
    func regularisedPast(_ t: Token) -> (verb: String, past: String)? {
        // Most misspellings do not end in "-d": they are turned away before any copy is made.
        guard t.lower.utf8.last == 0x64 else { return nil }
        let u = Array(t.lower.utf8)
        let n = u.count
        guard n >= 4, u[n - 2] == 0x65, u[n - 1] == 0x64 else { return nil }
        let open = lexicon.wordClasses.open
        var stems = [n - 2, n - 1]
        if n >= 5, u[n - 3] == u[n - 4] { stems.insert(n - 3, at: 0) }
        func known(_ w: String) -> Bool { speller.isKnown(key: WordKey.of(w), lower: w) }
        for k in stems {
            let stem = String(decoding: u[0..<k], as: UTF8.self)
            guard open.tags(stem) & OpenClasses.verb != 0 else { continue }
            // A regular verb misspelt ("occured": 'occurred' is a word) is no regularised past: asked before the
            // irregular pasts are read, which the first asking reads all of (about 14 M instructions).
            let last = String(decoding: u[(k - 1)..<k], as: UTF8.self)
            if known(stem + "ed") || known(stem + last + "ed") || (last == "e" && known(stem + "d")) { continue }
            let past = open.past(of: stem)
            // "occured": 'occurred' is the regular past with its consonant doubled, a misspelling's business.
            if past != Morphology.regularPast(stem), !(past.hasPrefix(stem) && past.hasSuffix("ed")) {
                return (stem, past)
            }
        }
        return nil
    }

    /// A hyphenated word with a misspelt part ("goverment-owned", "Enviroment-friendly"): each unknown
    /// part corrected as a word of its own (a capitalised one as `misspelling` corrects a capitalised word),
    /// the others kept; nil when a part has no correction.
    private func hyphenated(_ text: String) -> String? {
        var parts: [String] = []
        var changed = false
        for part in text.split(separator: "-", omittingEmptySubsequences: false).map(String.init) {
            let lower = part.lowercased()
            let key = WordKey.of(lower)
            if lower.isEmpty || speller.isKnown(key: key, lower: lower) || Speller.prefixes.contains(key)
                || lower.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
            {
                parts.append(part)
                continue
            }
            if let right = misspellings[key] {
                parts.append(Speller.cased(right, like: part))
                changed = true
                continue
            }
            guard let (shape, letters) = Self.shape(part),
                shape == .lowercase || (shape == .capitalised && letters >= 8),
                let best = speller.suggestions(lower, limit: 1).first,
                shape == .lowercase || (best.distance == 1 && !best.capitalOnly && best.frequencyClass <= 1),
                !best.word.contains(" ")
            else { return nil }
            parts.append(Speller.cased(best.word, like: part))
            changed = true
        }
        return changed ? parts.joined(separator: "-") : nil
    }

    /// A misspelt word with a possessive ("goverment's"): the stem's correction with the ending kept.
    private func possessive(_ t: Token) -> (String?, [String])? {
        guard let suffix = ["'s", "’s"].first(where: { t.lower.hasSuffix($0) }), t.text.count > 3 else { return nil }
        var stem = t
        stem.text = String(t.text.dropLast(2))
        stem.lower = String(t.lower.dropLast(2))
        stem.key = WordKey.of(stem.lower)
        guard let (right, others) = misspelling(stem), let right else { return nil }
        return (right + suffix, others.map { $0 + suffix })
    }

    /// A plural the lists do not have: "hinderances" (the list knows "hinderance", so the plural of its
    /// correction) or "countrys" (the dictionary knows "countries").
    private func pluralOfMisspelling(_ lower: String) -> String? {
        var lower = lower
        return lower.withUTF8 { bytes -> String? in
            let n = bytes.count
            guard n > 4, bytes[n - 1] == 0x73 else { return nil }
            if let right = misspellings[Speller.hash(bytes, 0, n - 1)] { return right + "s" }
            guard bytes[n - 2] == 0x79, let dictionary = speller.dictionary else { return nil }
            let stem = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<(n - 2)]), as: UTF8.self)
            return dictionary.contains(WordKey.of(stem + "ies")) ? stem + "ies" : nil
        }
    }
}

/// What the spelling and capitals rules ask of a word's key, as bits (see `TokenFeatures.wordFacts`).
enum WordFacts {
    /// The dictionary or the allowances hold it and it is no listed misspelling (`SpellingCheck.isPlainlyRight`).
    static let right: UInt8 = 1
    /// One of the plain words, never a name in lowercase (`Lexicon.plainKeys`).
    static let plain: UInt8 = 2
    /// The first word of some capitalised name (`Lexicon.capitalKeys`).
    static let named: UInt8 = 4
    /// The dictionary knows it only with a capital.
    static let capitalOnly: UInt8 = 8
    /// A month; a title's first word (`NameCapitals.monthOrTitle`).
    static let month: UInt8 = 16
    static let title: UInt8 = 32
    /// Set for every word, so that a word's facts are never 0.
    static let word: UInt8 = 128

    /// The tables the facts come from, fetched once.
    struct Tables {
        let dictionary: SpellingDictionary?
        let allowed: WordKeyMap<Bool>
        let misspellings: TextMap
        let plain: WordKeyMap<Bool>
        let names: WordKeyMap<[(words: [UInt64], written: [String])]>
        let monthOrTitle: WordKeyMap<UInt8>

        init(_ lexicon: Lexicon) {
            dictionary = lexicon.dictionary
            allowed = lexicon.allowedKeys
            misspellings = lexicon.misspellingKeys
            plain = lexicon.plainKeys
            names = lexicon.capitalKeys
            monthOrTitle = NameCapitals.monthOrTitle
        }

        /// The facts of the word with that key: one look-up in each table.
        func facts(_ key: UInt64) -> UInt8 {
            var out = WordFacts.word
            let entry = dictionary?.entry(key)
            // `SpellingCheck.isPlainlyRight`, with the dictionary's entry read once for it and `capitalOnly`.
            if (entry != nil || allowed.contains(key)) && !misspellings.contains(key) { out |= WordFacts.right }
            if entry?.capitalOnly == true { out |= WordFacts.capitalOnly }
            if plain.contains(key) { out |= WordFacts.plain }
            if names.contains(key) { out |= WordFacts.named }
            let listed = monthOrTitle[key] ?? 0
            if listed & NameCapitals.monthBit != 0 { out |= WordFacts.month }
            if listed & NameCapitals.titleBit != 0 { out |= WordFacts.title }
            return out
        }
    }
}

/// Names, events and acronyms written in lowercase ("pakistan", "imf", "nobel peace prize"), and a
/// lowercase "i" for the pronoun: the second half of `language-lowercase-start`, which owns the capitals.
/// A word that opens a sentence is left to the first half.
enum NameCapitals {
    /// True for a word styled with a capital right after its lowercase first letter ("iCube-Qamar", "eBay",
    /// "iPhone"): its owner writes it so, and it is no name in lowercase (batch r's r04 was told to write
    /// "ICube-Qamar").
    static func styled(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        _ = bytes.next()
        guard let second = bytes.next() else { return false }
        return second >= 0x41 && second <= 0x5A
    }

    /// The findings, made by `rule`.
    static func findings<R: GradingRule>(_ c: GradingContext, by rule: R) -> [Finding] {
        var findings: [Finding] = []
        let names = c.lexicon.capitalKeys
        let plain = c.lexicon.plainKeys
        let forced = c.lexicon.forcedCapitalKeys
        let dictionary = c.lexicon.dictionary
        let tokens = c.tokens
        let facts = c.languageFeatures.wordFacts(tokens, c.lexicon)
        // The tokens' flags, filled in with their facts: punctuation is passed over on these.
        let flags = c.languageFeatures.flags
        func named(_ range: SourceRange, _ written: String, _ right: String) {
            findings.append(
                rule.finding(
                    .warning, at: range, excerpt: written, "'\(written)' is a name and keeps its capitals",
                    fix: "Write '\(right)'."))
        }
        for sentence in c.sentences {
            var i = sentence.tokens.lowerBound
            let end = sentence.tokens.upperBound
            let limit = c.paragraphs[sentence.paragraph].tokens.upperBound
            // The sentence's first word is the sentence start's, checked above; only a name it begins with
            // and writes partly in lowercase ("Durand line") is this half's.
            while i < end, flags[i] & TokenFeatures.Flag.punctuation != 0 { i += 1 }
            let first = i
            while i < end {
                if facts[i] & WordFacts.named != 0, tokens[i].isCapitalized,
                    let (length, right) = Self.partial(names, tokens, at: i, limit: limit)
                {
                    named(c.range(tokens: i, i + length), c.text(tokens: i, i + length), right)
                    i += length
                    continue
                }
                if i == first {
                    i += 1
                    continue
                }
                // Only a word that starts with a lowercase ASCII letter can be a name in lowercase.
                // The token is read in place, not copied: most are plain words that go no further.
                let fact = facts[i]
                guard fact & WordFacts.word != 0, fact & WordFacts.plain == 0, let b = tokens[i].text.utf8.first,
                    b >= 0x61, b <= 0x7A, !tokens[i].isGuess, !Self.styled(tokens[i].text)
                else {
                    i += 1
                    continue
                }
                if fact & WordFacts.named != 0, let (length, right) = Self.name(names, tokens, at: i, limit: limit),
                    length > 1 || forced.contains(tokens[i].key)
                        || (!Self.combiningForms.contains(tokens[i].lower)
                            && (Self.isCommonWordless(tokens[i], dictionary)
                                || Self.hasRareHomonym(tokens[i], right, dictionary)))
                {
                    named(c.range(tokens: i, i + length), c.text(tokens: i, i + length), right)
                    i += length
                    continue
                }
                // The word's facts tell a month or a title's first word from the rest.
                if fact & WordFacts.month != 0, let right = Self.month(tokens, at: i, end: end) {
                    named(SourceRange(start: tokens[i].position, end: tokens[i].end), tokens[i].text, right)
                    i += 1
                    continue
                }
                if fact & WordFacts.title != 0,
                    let (length, right) = Self.title(tokens, at: i, end: end, c.lexicon.wordClasses.open)
                {
                    findings.append(
                        rule.finding(
                            .warning, at: c.range(tokens: i, i + length), excerpt: c.text(tokens: i, i + length),
                            "'\(c.text(tokens: i, i + length))' is a title before a name and keeps its capitals",
                            fix: "Write '\(right)'."))
                    i += length
                    continue
                }
                // The first tests of `possessive`, `hyphenated` and `capitalOnly` come first here, so that
                // most words are not copied into a call.
                if Self.endsInApostropheS(tokens[i].text),
                    let right = Self.possessive(tokens[i], names, forced, dictionary)
                {
                    named(SourceRange(start: tokens[i].position, end: tokens[i].end), tokens[i].text, right)
                } else if Self.hasHyphen(tokens[i].text),
                    let right = Self.hyphenated(tokens[i], names, plain, dictionary)
                {
                    named(SourceRange(start: tokens[i].position, end: tokens[i].end), tokens[i].text, right)
                } else if fact & WordFacts.capitalOnly != 0, let right = Self.capitalOnly(tokens[i], dictionary) {
                    named(SourceRange(start: tokens[i].position, end: tokens[i].end), tokens[i].text, right)
                } else if b == 0x69, let right = Self.pronoun(tokens, at: i) {
                    findings.append(
                        rule.finding(
                            .warning, at: SourceRange(start: tokens[i].position, end: tokens[i].end),
                            excerpt: tokens[i].text, "the pronoun '\(tokens[i].text)' is written '\(right)'",
                            fix: "Write '\(right)'."))
                }
                i += 1
            }
        }
        return findings
    }

    /// The longest capitalised name starting at `tokens[i]` that is written there all in lowercase: its
    /// length in tokens and the name as it should be written.
    static func name(
        _ names: WordKeyMap<[(words: [UInt64], written: [String])]>, _ tokens: [Token], at i: Int, limit: Int
    ) -> (Int, String)? {
        guard !tokens[i].isCapitalized, let candidates = names[tokens[i].key] else { return nil }
        // A longer name needs two capitalised words: "the constitution of 1956" is written so too.
        entries: for entry in candidates where i + entry.words.count <= limit {
            guard (0..<entry.words.count).allSatisfy({ tokens[i + $0].key == entry.words[$0] }),
                entry.words.count == 1 || entry.written.reduce(0, { $0 + (startsUpper($1) ? 1 : 0) }) >= 2
            else { continue }
            var out = ""
            for k in entry.words.indices {
                let t = tokens[i + k]
                // Written all in lowercase or not at all: "fall of Dhaka" is a choice, not a slip. A shorter
                // name may still be in lowercase ("un General Assembly").
                guard t.lower == t.text || t.kind != .word else { continue entries }
                if k > 0, t.spaceBefore { out += " " }
                out += entry.written[k]
            }
            return (entry.words.count, out)
        }
        return nil
    }

    /// A name of several words written with its first capital but a later word in lowercase ("European
    /// union", "Durand line", "Supreme court of Pakistan"): its length in tokens and the name as listed.
    /// Not when a word in lowercase is a plural ("the Central Asian republics" describes), nor after an
    /// acronym ("the NFC award"), nor when the words in capitals are a name of their own ("the Pakistan
    /// army" is the army of Pakistan): those are written so by careful writers too.
    static func partial(
        _ names: WordKeyMap<[(words: [UInt64], written: [String])]>, _ tokens: [Token], at i: Int, limit: Int
    ) -> (Int, String)? {
        guard let candidates = names[tokens[i].key], !candidates.contains(where: { $0.words.count == 1 }) else {
            return nil
        }
        for entry in candidates where entry.words.count > 1 && i + entry.words.count <= limit {
            guard (0..<entry.words.count).allSatisfy({ tokens[i + $0].key == entry.words[$0] }) else { continue }
            guard !isAcronym(entry.written[0]) else { return nil }
            var lowered = 0
            var out = ""
            for k in entry.words.indices {
                let t = tokens[i + k]
                let listed = entry.written[k]
                if t.text != listed {
                    guard k > 0, t.kind == .word, t.text == t.lower, listed.first?.isUppercase == true,
                        t.text.utf8.last != UInt8(ascii: "s")
                    else { return nil }
                    lowered += 1
                }
                if k > 0, t.spaceBefore { out += " " }
                out += listed
            }
            return lowered > 0 ? (entry.words.count, out) : nil
        }
        return nil
    }

    /// A one-word name in lowercase with its possessive ("pakistan's economy"), judged as the name alone
    /// is: the name as listed with the ending as written.
    static func possessive(
        _ t: Token, _ names: WordKeyMap<[(words: [UInt64], written: [String])]>, _ forced: WordKeyMap<Bool>,
        _ dictionary: SpellingDictionary?
    ) -> String? {
        let text = t.text
        // Read on the last bytes first: most words end in no "'s" and go no further.
        guard Self.endsInApostropheS(text), t.lower == text, text.hasSuffix("'s") || text.hasSuffix("’s"),
            text.count > 4
        else { return nil }
        let stem = String(text.dropLast(2))
        let key = WordKey.of(stem)
        guard let listed = names[key]?.first(where: { $0.words.count == 1 })?.written[0], startsUpper(listed)
        else { return nil }
        let entry = dictionary?.entry(key)
        let judged =
            forced.contains(key) || entry == nil || entry?.capitalOnly == true
            || (!combiningForms.contains(stem) && entry.map { $0.frequencyClass >= 1 } == true
                && listed.dropFirst().allSatisfy { !$0.isUppercase })
        return judged ? listed + text.suffix(2) : nil
    }

    /// True when a word's last bytes are an "'s" or "’s".
    @inline(__always)
    static func endsInApostropheS(_ text: String) -> Bool {
        // The last two bytes read where they lie (a native string's UTF-8 is contiguous): a reversed
        // iterator over the view costs about 80 instructions a word.
        let fast = text.utf8.withContiguousStorageIfAvailable { b -> Bool in
            guard b.count >= 2, b[b.count - 1] == UInt8(ascii: "s") else { return false }
            return b[b.count - 2] == UInt8(ascii: "'") || b[b.count - 2] == 0x99
        }
        if let fast { return fast }
        var u = text.utf8.reversed().makeIterator()
        guard u.next() == UInt8(ascii: "s"), let mark = u.next() else { return false }
        return mark == UInt8(ascii: "'") || mark == 0x99
    }

    /// The months, which 'march', 'may' and 'august' share with common words.
    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    /// The keys of `months`, for a look-up that builds no string.
    static let monthKeys: [UInt64] = months.map(WordKey.of)

    /// A month in lowercase in a date ("23 march 1940", "in august 2019", "march 23, 1940"), with its
    /// capital: before a year or a day that ends the date, or after a day ('may' only before: "Article 14
    /// may be…").
    static func month(_ tokens: [Token], at i: Int, end: Int) -> String? {
        guard monthKeys.contains(tokens[i].key) else { return nil }
        let t = tokens[i]
        guard t.kind == .word, t.text == t.lower, months.contains(t.lower) else { return nil }
        func day(_ k: Int) -> Bool {
            guard k >= 0, k < end, tokens[k].kind == .number, tokens[k].text.utf8.count <= 2,
                let n = Int(tokens[k].text)
            else { return false }
            return n >= 1 && n <= 31
        }
        func year(_ k: Int) -> Bool {
            k < end && tokens[k].kind == .number && tokens[k].text.utf8.count == 4
                && Int(tokens[k].text).map { $0 >= 1000 && $0 < 2100 } == true
        }
        // A day after the month ends the date: a mark or a year follows ("march 23, 1940"; not "march 20 miles").
        let dayAfter = day(i + 1) && (i + 2 >= end || tokens[i + 2].kind == .punctuation || year(i + 2))
        guard year(i + 1) || dayAfter || (t.lower != "may" && day(i - 1)) else { return nil }
        return t.text.prefix(1).uppercased() + t.text.dropFirst()
    }

    /// The keys of the months and of the titles' first words, with `monthBit` or `titleBit`: one look-up
    /// sends most words past both checks.
    static let monthOrTitle: WordKeyMap<UInt8> = {
        var map = WordKeyMap<UInt8>()
        for key in monthKeys { map[key] = (map[key] ?? 0) | monthBit }
        for key in titleKeys { map[key] = (map[key] ?? 0) | titleBit }
        return map
    }()
    static let monthBit: UInt8 = 1
    static let titleBit: UInt8 = 2

    /// Titles written with a capital before a name ("President Alvi", "Prime Minister Imran Khan").
    static let titles: [[String]] = [
        ["prime", "minister"], ["chief", "minister"], ["chief", "justice"], ["field", "marshal"], ["president"],
        ["governor"], ["general"], ["senator"], ["allama"], ["maulana"], ["sir"], ["king"], ["queen"], ["prince"],
        ["princess"], ["sheikh"],
    ]
    /// The keys of the titles' first words, for a look-up that compares no string.
    static let titleKeys: [UInt64] = titles.map { WordKey.of($0[0]) }

    /// A title in lowercase before a name ("president Alvi", "prime minister Nawaz Sharif"): its length in
    /// tokens and the title with its capitals. The name is a capitalised word that is no acronym and no
    /// adjective ("the general Pakistani public" describes); "in general" is no title.
    static func title(_ tokens: [Token], at i: Int, end: Int, _ open: OpenClasses) -> (Int, String)? {
        guard titleKeys.contains(tokens[i].key) else { return nil }
        for title in titles where i + title.count < end {
            guard (0..<title.count).allSatisfy({ tokens[i + $0].text == title[$0] }) else { continue }
            if title == ["general"], i > 0, tokens[i - 1].lower == "in" { return nil }
            let name = tokens[i + title.count]
            guard name.kind == .word, name.isCapitalized, !isAcronym(name.text),
                name.text.dropFirst().allSatisfy({ !$0.isUppercase }),
                open.tags(name.lower) & OpenClasses.adjective == 0
            else { return nil }
            return (title.count, title.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " "))
        }
        return nil
    }

    /// True when a word's first character is a capital (read on its first byte when that is ASCII).
    @inline(__always)
    static func startsUpper(_ word: String) -> Bool {
        if let b = word.utf8.first, b < 0x80 { return b >= 0x41 && b <= 0x5A }
        return word.first?.isUppercase == true
    }

    /// True when a word has a hyphen, read on its bytes.
    static func hasHyphen(_ word: String) -> Bool {
        word.utf8.withContiguousStorageIfAvailable { $0.contains(0x2D) } ?? word.utf8.contains(0x2D)
    }

    /// True for a word of two or more letters all in capitals ("NFC").
    static func isAcronym(_ word: String) -> Bool {
        word.utf8.count > 1 && word.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x30 && $0 <= 0x39 }
            && word.utf8.contains { $0 >= 0x41 && $0 <= 0x5A }
    }

    /// A hyphenated word that starts in lowercase but has a capital after a hyphen: a name with its first
    /// capital missing ("zarb-e-Azb" for Zarb-e-Azb, "sino-Pakistan" for Sino-Pakistan), written as the
    /// lists write it or with a first capital. Not when its first part is an English word or prefix, a
    /// term allowed in lowercase or shorter than three letters ("anti-American", "non-Muslim", "al-Qaeda").
    static func hyphenated(
        _ t: Token, _ names: WordKeyMap<[(words: [UInt64], written: [String])]>, _ plain: WordKeyMap<Bool>,
        _ dictionary: SpellingDictionary?
    ) -> String? {
        guard hasHyphen(t.text), t.text.unicodeScalars.contains(where: \.isUppercaseScalar) else { return nil }
        if let listed = names[t.key]?.first(where: { $0.words.count == 1 })?.written[0],
            listed.first?.isUppercase == true
        {
            return listed
        }
        let part = String(t.lower.prefix { $0 != "-" })
        let key = WordKey.of(part)
        guard part.utf8.count >= 3, !combiningForms.contains(part), !plain.contains(key) else { return nil }
        if let entry = dictionary?.entry(key), !entry.capitalOnly { return nil }
        return t.text.prefix(1).uppercased() + t.text.dropFirst()
    }

    /// Beginnings of English compounds the word lists also know as names ('Geo', 'Eco', 'Neo'), and
    /// prefixes written in lowercase before a name ('trans-Afghan'): "geo strategic" is a split word.
    static let combiningForms: Set<String> = [
        "geo", "eco", "neo", "socio", "agro", "petro", "cyber", "tele", "thermo", "pre", "intra", "inter", "non",
        "ibn", "bin", "trans", "post", "anti", "pro", "pan", "mid", "sub", "ultra", "multi", "semi", "pseudo",
    ]

    /// True when a one-word name the lists write with a first capital is also a lowercase English word
    /// that only the larger word lists hold ('soviet', 'afghan', 'kashmir'): in an answer the name is
    /// meant. A common word ('bill', 'swat', 'turkey') is not judged.
    static func hasRareHomonym(_ t: Token, _ name: String, _ dictionary: SpellingDictionary?) -> Bool {
        guard let entry = dictionary?.entry(t.key), !entry.capitalOnly, entry.frequencyClass >= 1,
            name.first?.isUppercase == true, name.dropFirst().allSatisfy({ !$0.isUppercase })
        else { return false }
        return true
    }

    /// True when a one-word name written in lowercase is no common English word as well (the dictionary
    /// has no lowercase 'swat' or 'hunza', but it has 'bill' and 'march').
    static func isCommonWordless(_ t: Token, _ dictionary: SpellingDictionary?) -> Bool {
        guard let entry = dictionary?.entry(t.key) else { return true }
        return entry.capitalOnly
    }

    /// A lowercase word the dictionary knows only with a capital ("english", "islamic"), written with it.
    static func capitalOnly(_ t: Token, _ dictionary: SpellingDictionary?) -> String? {
        guard let entry = dictionary?.entry(t.key), entry.capitalOnly, t.lower == t.text, t.characterCount > 2,
            !Self.lowercaseUsage.contains(t.lower), !Self.combiningForms.contains(t.lower)
        else { return nil }
        return t.text.prefix(1).uppercased() + t.text.dropFirst()
    }

    /// Words the word lists capitalise that English now writes in lowercase too.
    static let lowercaseUsage: Set<String> = ["internet", "web", "sharia", "jihad", "halal", "haram", "burqa"]

    /// A lowercase "i" for the pronoun ("i think", "i'm"): not the "i" of "i.e." or of a numbering "(i)".
    static func pronoun(_ tokens: [Token], at i: Int) -> String? {
        let t = tokens[i]
        if t.length == 1 {
            if i + 1 < tokens.count, !tokens[i + 1].spaceBefore, tokens[i + 1].kind == .punctuation,
                let next = tokens[i + 1].text.utf8.first, next == 0x2E || next == 0x29 || next == 0x3A
            {
                return nil
            }
            if i > 0, tokens[i - 1].text.utf8.first == 0x28 { return nil }
            return "I"
        }
        // "i'm", "i’ve": the second byte is an apostrophe (or the first of a curly one).
        guard t.length == 3 || t.length == 4, let second = t.text.utf8.dropFirst().first,
            second == 0x27 || second == 0xE2
        else { return nil }
        return Self.contractions.contains(t.lower) ? "I" + t.text.dropFirst() : nil
    }

    /// The pronoun's contractions, with straight and curly apostrophes.
    static let contractions: Set<String> = ["i'm", "i've", "i'll", "i'd", "i’m", "i’ve", "i’ll", "i’d"]
}
