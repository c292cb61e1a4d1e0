/// Confused words in contexts where the wrong reading is never right ("Noble Prize"), and confusion
/// sets decided by the neighbouring words ("their are" → there, "more then" → than).
struct LanguageConfusedWords: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let penalty = NumberParameter(
            "penalty", 0.25, minimum: 0,
            "share of credit lost per confusion (default {default})")
    }

    static let description = RuleDescription(
        id: "language-confused-words", criterion: "language",
        summary: "no confused words in clear contexts ('Noble Prize' for Nobel Prize, 'will loose' for will lose)",
        rationale: "Confusions such as 'Noble Prize' are remembered by examiners and quoted in their reports.",
        fix: "Check the words you confuse; the findings give the right phrase.",
        parameters: [Param.penalty],
        examples: [
            RuleExample(
                """
                Q.1 Discuss the role of Malala Yousafzai.\n\nMalala Yousafzai won the Nobel Peace Prize in 2014. \
                We must not lose our daughters' future.
                """,
                fires: false),
            RuleExample(
                """
                Q.1 Discuss the role of Malala Yousafzai.\n\nMalala Yousafzai won the Noble Peace Prize in 2014. \
                Otherwise we will loose our future.
                """,
                fires: true, at: "3:26", message: "'Noble Peace Prize' should be 'Nobel Peace"),
        ],
        reads: [.lexicon("confused"), .lexicon("confusionSets")])
    let penalty: Double
    init(_ p: RuleParameters) throws(RubricError) { penalty = try p.read(Param.penalty) }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        var findings: [Finding] = []
        let confused = c.lexicon.confusedKeys
        let tokens = c.tokens
        // Each distinct word looked up once in the list's first words, each token read by its word's number
        // (4 bytes a token, not a line of a `Token`).
        let features = c.languageFeatures
        features.compact(tokens)
        let ids = features.ids
        let starts = features.words.map { confused.contains($0) }
        for para in c.paragraphs {
            let range = para.tokens
            var i = range.lowerBound
            while i < range.upperBound {
                var matched = 0
                guard starts[Int(ids[i])], let candidates = confused[tokens[i].key] else {
                    i += 1
                    continue
                }
                for (wrong, right) in candidates where i + wrong.count <= range.upperBound {
                    if (0..<wrong.count).allSatisfy({ tokens[i + $0].key == wrong[$0] }) {
                        let cased = Self.cased(right, like: tokens[i..<(i + wrong.count)].map(\.isCapitalized))
                        findings.append(
                            finding(
                                .warning, at: c.range(tokens: i, i + wrong.count),
                                excerpt: c.text(tokens: i, i + wrong.count),
                                "'\(c.text(tokens: i, i + wrong.count))' should be '\(cased)'", fix: "Write '\(cased)'."
                            ))
                        matched = wrong.count
                        break
                    }
                }
                i += max(1, matched)
            }
        }
        // A confusion set's finding gives a one-word fix: it wins over a phrase of the list at the same place.
        let decided = languagePatternFindings(self, c, c.lexicon.confusionPatterns, c.lexicon.confusionTriggers)
        findings =
            decided
            + findings.filter { f in
                !decided.contains { $0.range.start < f.range.end && f.range.start < $0.range.end }
            }
        findings.sort { $0.range.start < $1.range.start }
        let count = findings.reduce(0) { $0 + $1.count }
        return RuleOutcome(credit: 1 - penalty * Double(count), findings: findings)
    }

    /// The right phrase with the capitals of the words it replaces, word for word ('Noble Peace Prize'
    /// gives 'Nobel Peace Prize'); when every written word is capitalised, so is every word of the phrase.
    static func cased(_ right: String, like capitals: [Bool]) -> String {
        let words = right.split(separator: " ", omittingEmptySubsequences: false)
        let all = !capitals.isEmpty && capitals.allSatisfy { $0 }
        return words.enumerated().map { k, word in
            (all || (k < capitals.count && capitals[k])) ? word.prefix(1).uppercased() + word.dropFirst() : String(word)
        }.joined(separator: " ")
    }
}

/// A word written twice in a row.
struct LanguageRepeatedWord: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let allowed = ListParameter(
            "allowed", ["had", "that"], style: .plain,
            "pairs that are correct English (default: {default})")
        static let penalty = NumberParameter(
            "penalty", 0.25, minimum: 0, maximum: 1,
            "share of credit lost per doubled word (default {default})")
        static let shoutWords = ListParameter(
            "shoutWords",
            [
                "shout", "shouts", "shouted", "shouting", "cry", "cries", "cried", "crying", "scream", "screamed",
                "screaming", "yell", "yelled", "yelling", "call", "called", "calling",
            ],
            style: .plain,
            """
            words a cry follows: a word doubled just after one, or before '!', is shouted twice on purpose ("he \
            was shouting help help") (default: {default})
            """)
    }

    static let description = RuleDescription(
        id: "language-repeated-word", criterion: "language",
        summary: "no word written twice in a row ('the the')",
        rationale: "A doubled word is the commonest slip of a hurried hand, and examiners notice it.",
        fix: "Reread each paragraph once before moving on.",
        parameters: [Param.allowed, Param.penalty, Param.shoutWords],
        examples: [
            RuleExample(
                "Q.1 Discuss inflation.\n\nInflation had had a long history, and the fact that that is so matters.",
                fires: false),
            RuleExample(
                "Q.1 Write a story.\n\nBilal was shouting help help. Then he cried, \"Help help!\"", fires: false),
            RuleExample(
                "Q.1 Discuss inflation.\n\nInflation is the the main problem of the economy.", fires: true, at: "3:14",
                message: "'the' is written twice"),
            RuleExample(
                "Q.1 Discuss CPEC.\n\nCPEC is a win win deal. As the Quaid said, work work and work.", fires: false),
            RuleExample(
                "Q.1 Discuss Partition.\n\nThousands of women were killed and [illegible] and many were kidnapped.",
                fires: false),
        ])
    let allowed: Set<String>
    let penalty: Double
    let shoutWords: Set<String>
    /// The keys of `allowed` and of `shoutWords`: a word whose key is not there is in neither list, and is
    /// turned away with no string hashed.
    let allowedKeys: KeyList
    let shoutKeys: KeyList
    init(_ p: RuleParameters) throws(RubricError) {
        allowed = Set(try p.read(Param.allowed))
        penalty = try p.read(Param.penalty)
        shoutWords = Set(try p.read(Param.shoutWords))
        allowedKeys = KeyList(allowed)
        shoutKeys = KeyList(shoutWords)
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        var findings: [Finding] = []
        var last = PairTexts()
        // Two words written alike have one key (that of their lowercase form), so one number in the answer's
        // distinct words: most pairs are turned away on their numbers (4 bytes a token, not a line of a
        // `Token`), and the rest are read out of this loop, which stays small.
        c.languageFeatures.compact(c.tokens)
        let ids = c.languageFeatures.ids
        for para in c.paragraphs {
            let r = para.tokens
            guard r.count >= 2 else { continue }
            for i in (r.lowerBound + 1)..<r.upperBound where ids[i] == ids[i - 1] {
                pair(c, i, in: r, &last, into: &findings)
            }
        }
        return RuleOutcome(credit: 1 - penalty * Double(findings.count), findings: findings)
    }

    /// The texts of the last pair found: a word doubled again and again (a column of one-letter paragraphs,
    /// "a a a …") gives each finding the same strings, made once. No word's text is empty.
    private struct PairTexts {
        var a = ""
        var b = ""
        var excerpt = ""
        var message = ""
        var fix = ""
    }

    /// Adds the finding of the pair of tokens ending at `i`, whose keys are one, when it is a slip.
    @inline(never)
    private func pair(
        _ c: GradingContext, _ i: Int, in r: Range<Int>, _ last: inout PairTexts, into findings: inout [Finding]
    ) {
        let tokens = c.tokens
        guard tokens[i - 1].kind == .word, tokens[i].kind == .word, tokens[i].spaceBefore,
            tokens[i - 1].lower == tokens[i].lower
        else { return }
        let key = tokens[i].key
        if allowedKeys.mayHold(key) && allowed.contains(tokens[i].lower) { return }
        if Self.reduplicatedKeys.mayHold(key) && Self.reduplicated.contains(tokens[i].lower) { return }
        guard !Self.isTriple(tokens, i, end: r.upperBound), !Self.apart(tokens[i - 1], tokens[i]),
            !isCry(tokens, i, from: r.lowerBound, end: r.upperBound)
        else { return }
        let a = tokens[i - 1].text
        let b = tokens[i].text
        if last.a != a || last.b != b {
            last = PairTexts(
                a: a, b: b, excerpt: "\(a) \(b)", message: "'\(a)' is written twice", fix: "Strike one '\(a)'.")
        }
        findings.append(
            finding(.warning, at: c.range(tokens: i - 1, i + 1), excerpt: last.excerpt, last.message, fix: last.fix))
    }

    /// True when something the fair copy leaves out stands between two words ("killed and [illegible] and
    /// kidnapped", a struck word): they are not written twice in a row. Words a line apart are read as
    /// neighbours; on one line, more than two spaces between them is a gap.
    static func apart(_ a: Token, _ b: Token) -> Bool {
        a.end.line == b.position.line && b.position.column - a.end.column > 2
    }

    /// True when the pair ending at token `i` is a cry shouted twice (finding review 11: m08): it stands
    /// before '!', or one of the two words before it is a word of `shoutWords` ("shouting help help").
    func isCry(_ tokens: [Token], _ i: Int, from start: Int, end: Int) -> Bool {
        var k = i + 1
        while k < end, tokens[k].kind == .punctuation, tokens[k].text != "!", k <= i + 2 { k += 1 }
        if k < end, tokens[k].text == "!" { return true }
        return (max(start, i - 3)..<(i - 1)).contains {
            shoutKeys.mayHold(tokens[$0].key) && shoutWords.contains(tokens[$0].lower)
        }
    }

    /// Words doubled on purpose to make one word, which careful writers hyphenate ("a win-win situation").
    static let reduplicated: Set<String> = ["win", "bye", "hush", "tut", "pooh", "goody", "knock", "yo", "tom"]
    static let reduplicatedKeys = KeyList(reduplicated)

    /// True when the pair ending at token `i` is repeated a third time after "and" or "or" ("work work and
    /// work", Quaid-e-Azam's motto): a repetition for emphasis, not a slip.
    static func isTriple(_ tokens: [Token], _ i: Int, end: Int) -> Bool {
        var k = i + 1
        if k < end, tokens[k].kind == .punctuation, tokens[k].text == "," { k += 1 }
        guard k + 1 < end, tokens[k].lower == "and" || tokens[k].lower == "or" else { return false }
        return tokens[k + 1].lower == tokens[i].lower
    }
}

/// Capitals: sentences that start with a lowercase letter, and names, acronyms and "I" in lowercase.
struct LanguageLowercaseStart: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let penalty = NumberParameter(
            "penalty", 0.2, minimum: 0,
            "share of credit lost per sentence, word or name (default {default})")
    }

    static let description = RuleDescription(
        id: "language-lowercase-start", criterion: "language",
        summary:
            """
            capitals: every sentence starts with a capital letter, and names, events, acronyms and 'I' keep \
            theirs ('Nobel Peace Prize', 'Pakistan', 'IMF')
            """,
        rationale:
            """
            A lowercase sentence start or a name in lowercase reads as carelessness in the mechanics examiners \
            check first.
            """,
        fix: "Start every sentence with a capital letter, and write every name, event and acronym with its capitals.",
        parameters: [Param.penalty],
        examples: [
            RuleExample(
                "Q.1 Discuss inflation.\n\nInflation is high. Prices rise every month, e.g. the price of flour.",
                fires: false),
            RuleExample(
                "Q.1 Discuss inflation.\n\nInflation is high. prices rise every month.", fires: true, at: "3:20",
                message: "the sentence \"prices rise every month.…\" starts"),
            RuleExample(
                """
                Q.1 Discuss Pakistan's economy.\n\nPakistan signed a programme with the IMF in 2023, and I think \
                Malala Yousafzai's Nobel Peace Prize lifted its image (i) abroad, i.e. in Europe.
                """,
                fires: false),
            RuleExample(
                """
                Q.1 Discuss Pakistan's economy.\n\nThe economy of pakistan depends on the imf, and i think it \
                must change.
                """,
                fires: true, at: "3:16", message: "'pakistan' is a name and keeps its capitals"),
            RuleExample(
                "Q.1 Discuss Malala's role.\n\nMalala Yousafzai won the nobel peace prize in 2014.", fires: true,
                at: "3:26", message: "'nobel peace prize' is a name and keeps its"),
        ],
        reads: [.lexicon("properNouns"), .lexicon("allowed"), .lexicon("dictionary")])
    let penalty: Double
    init(_ p: RuleParameters) throws(RubricError) { penalty = try p.read(Param.penalty) }

    /// Words that continue a sentence rather than open one: capitalising them would leave a fragment.
    static let joiningWords: Set<String> = ["which", "whom", "whose", "whereas", "etc"]

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        var findings: [Finding] = []
        for sentence in c.sentences {
            guard !c.paragraphs[sentence.paragraph].paragraph.isBullet,
                let start = c.tokens[sentence.tokens].firstIndex(where: { $0.kind != .punctuation }),
                case let first = c.tokens[start],
                first.kind == .word, let scalar = first.text.unicodeScalars.first, scalar.isLowercaseScalar,
                !(first.text.unicodeScalars.dropFirst().contains { $0.isUppercaseScalar }),
                !Self.isListLabel(c.tokens, start, end: sentence.tokens.upperBound),
                !Self.followsQuotedQuestion(c.tokens, start)
            else { continue }
            let text = c.text(
                tokens: sentence.tokens.lowerBound, min(sentence.tokens.upperBound, sentence.tokens.lowerBound + 6))
            let at = SourceRange(start: first.position, end: first.end)
            if Self.joiningWords.contains(first.lower) {
                // "which was…", "and so…": a capital would leave a fragment; the full stop before it is the slip.
                findings.append(
                    finding(
                        .warning, at: at, excerpt: text,
                        """
                        \"\(text)…\" starts with a lowercase '\(first.text)' after a full stop: it reads as part \
                        of the sentence before
                        """,
                        fix:
                            """
                            Join it to the sentence before with a comma instead of the full stop, or rewrite it \
                            as a sentence of its own.
                            """
                    ))
                continue
            }
            findings.append(
                finding(
                    .warning, at: at, excerpt: text,
                    "the sentence \"\(text)…\" starts with a lowercase letter",
                    fix: "Write '\(first.text.prefix(1).uppercased() + first.text.dropFirst())'."))
        }
        findings += NameCapitals.findings(c, by: self)
        findings.sort { $0.range.start < $1.range.start }
        let dictionary = c.lexicon.dictionary
        let misspellings = c.lexicon.misspellingKeys
        findings = Self.foldingHabits(findings) { word in
            let key = WordKey.of(word)
            let singular = word.hasSuffix("s") ? misspellings[WordKey.of(String(word.dropLast()))] : nil
            guard let dictionary, misspellings[key] == nil, singular == nil else { return false }
            return dictionary.entry(key)?.capitalOnly ?? true
        }
        let count = findings.reduce(0) { $0 + $1.count }
        return RuleOutcome(credit: 1 - penalty * Double(count), findings: findings)
    }

    /// True when the lowercase word at `k` is a list label in brackets or before one: "(e) Capacity
    /// building", "iv) Land reform" (a letter or a roman numeral of up to four letters).
    static func isListLabel(_ tokens: [Token], _ k: Int, end: Int) -> Bool {
        guard k + 1 < end, tokens[k + 1].text == ")", !tokens[k + 1].spaceBefore else { return false }
        let letters = tokens[k].lower.utf8
        return letters.count == 1 || (letters.count <= 4 && letters.allSatisfy { "ivxl".utf8.contains($0) })
    }

    /// True when the word at `k` follows a question or exclamation closed by a quotation mark: it goes
    /// on with the sentence that quotes it (the question "What will you become?" is asked…).
    static func followsQuotedQuestion(_ tokens: [Token], _ k: Int) -> Bool {
        guard k >= 2, tokens[k - 1].kind == .punctuation, tokens[k - 2].kind == .punctuation else { return false }
        let quotes: Set<String> = ["\"", "”", "’", "'"]
        return quotes.contains(tokens[k - 1].text) && (tokens[k - 2].text == "?" || tokens[k - 2].text == "!")
    }

    /// The findings with each habit said once: the sentences that start in lowercase are one finding at
    /// the first, counting the others, as are the lowercase "i"s and each name written in lowercase
    /// again. A sentence that starts with a word the dictionary knows only with a capital, or not at all
    /// and no common misspelling or its plural (`isName`: "babar azam is…"), goes with that name's findings
    /// instead. A tutor circles the habit once; the credit still counts every slip.
    static func foldingHabits(_ findings: [Finding], isName: (String) -> Bool) -> [Finding] {
        var out: [Finding] = []
        var slot: [String: Int] = [:]
        for f in findings {
            let habit: String
            if f.message.hasPrefix("the sentence \"") {
                let word = String(f.excerpt.prefix { $0 != " " }).lowercased()
                habit = isName(word) ? word : "start"
            } else if f.message.hasPrefix("the pronoun ") {
                habit = "i"
            } else {
                habit = f.excerpt.lowercased()
            }
            if let k = slot[habit] {
                out[k].repeats += 1
                continue
            }
            slot[habit] = out.count
            out.append(f)
        }
        for (habit, k) in slot where out[k].repeats > 0 {
            out[k].message += habit == "start" ? " (and \(out[k].repeats) more)" : " (\(out[k].count) times)"
        }
        return out
    }
}

/// Run-on sentences.
struct LanguageRunOn: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let maxWords = NumberParameter(
            "maxWords", 55, minimum: 5,
            "most words in a sentence (default {default})")
        static let penalty = NumberParameter(
            "penalty", 0.25, minimum: 0, maximum: 1,
            "share of credit lost per run-on sentence (default {default})")
        static let maxPart = NumberParameter(
            "maxPart", 40, minimum: 1,
            """
            most words in each part of a long sentence that a colon or semicolon divides: a sentence so built \
            is long but controlled, not a run-on (default {default})
            """)
    }

    static let description = RuleDescription(
        id: "language-run-on", criterion: "language",
        summary:
            """
            no run-on sentences (by default over 55 words, unless a colon or semicolon divides it into parts of \
            at most 40)
            """,
        rationale:
            "FPSC credits 'orderly, effective and exact expression'; a sentence of fifty words is none of these.",
        fix: "Split long sentences at their natural joins: one claim a sentence.",
        parameters: [Param.maxWords, Param.penalty, Param.maxPart],
        examples: [
            RuleExample("Q.1 Discuss inflation.\n\nInflation is high. Prices rise every month.", fires: false),
            RuleExample(
                "Q.1 Discuss inflation.\n\n"
                    + Array(repeating: "prices rise and people suffer and the rupee falls", count: 3).joined(
                        separator: ", and ") + ": "
                    + Array(repeating: "wages stay and savings shrink and the poor lose", count: 3).joined(
                        separator: ", while ") + ".", fires: false),
            RuleExample(
                "Q.1 Discuss inflation.\n\n"
                    + Array(repeating: "prices rise and people suffer and the rupee falls", count: 6).joined(
                        separator: " and ") + ".", fires: true, at: "3:1", message: "a sentence of 59 words"),
        ])
    let maxWords: Int
    let penalty: Double
    let maxPart: Int
    init(_ p: RuleParameters) throws(RubricError) {
        maxWords = Int(try p.read(Param.maxWords))
        penalty = try p.read(Param.penalty)
        maxPart = Int(try p.read(Param.maxPart))
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        var findings: [Finding] = []
        for sentence in c.sentences where sentence.words > maxWords && !divided(c, sentence.tokens) {
            let t = sentence.tokens
            findings.append(
                finding(
                    .warning, at: c.range(tokens: t.lowerBound, t.upperBound),
                    excerpt: c.text(tokens: t.lowerBound, min(t.upperBound, t.lowerBound + 8)) + "…",
                    "a sentence of \(sentence.words) words", fix: Self.description.fix))
        }
        return RuleOutcome(credit: 1 - penalty * Double(findings.count), findings: findings)
    }

    /// True when a colon or semicolon divides the tokens `range` into parts of at most `maxPart` words each: a
    /// thesis and its grounds, held together as an examiner reads them (finding review 13: o02). Read only for
    /// the few sentences past `maxWords`.
    func divided(_ c: GradingContext, _ range: Range<Int>) -> Bool {
        var parts = 1
        var words = 0
        for i in range {
            let token = c.tokens[i]
            if token.kind == .word {
                words += 1
                if words > maxPart { return false }
            } else if token.text == ":" || token.text == ";" {
                parts += 1
                words = 0
            }
        }
        return parts > 1
    }
}
