/// The sections a prepared answer carries that its question does not ask for: a section on Pakistan under a
/// question on another country's affairs ("Impact on Pakistan" under a question on women's rights in
/// Afghanistan). Examiners give such a section nothing, as they give nothing to a section on another topic.
/// On only when the rubric gives its `unaskedNames` (CSS Current Affairs: Pakistan; Pakistan Affairs, whose
/// every question is about Pakistan, and the essay rubrics set the list empty), and off under a question whose
/// scope is the world (the rubric's `worldScopeWords`: "global", "world").
extension GradingContext {
    /// Marks the units of `r` whose heading names one of the rubric's `unaskedNames` when the question names
    /// none of them, itself or through an acronym's full name ("CPEC"): each stops being on the question,
    /// with the reason its finding gives. A unit already drifting keeps its own reason.
    static func markUnasked(
        _ r: inout RelevanceAnalysis, question: String, sections: [SectionInfo], lexicon: Lexicon
    ) {
        let names = Set(lexicon.cue("unaskedNames").allFirstWords)
        guard !names.isEmpty else { return }
        // The headings first: the question is read only when one of them names a name.
        var named: [(unit: Int, name: String)] = []
        for k in r.units.indices where r.units[k].onTopic {
            guard let s = r.units[k].section, let title = sections[s].section.title,
                let name = nameWords(title).first(where: names.contains)
            else { continue }
            named.append((k, name))
        }
        guard !named.isEmpty else { return }
        let model = lexicon.topicModel
        var asked = nameWords(question)
        for f in model.dataFeatures(of: question) {
            if let a = model.acronymByFeature[f] { asked += nameWords(model.acronyms[a].namesText) }
        }
        guard !asked.contains(where: names.contains) else { return }
        // A question on the whole world takes Pakistan in: "Implications for Pakistan" under one on global food
        // security answers it for one country of it (batch u).
        // Written in lowercase only: "the World Bank" and "the World Health Organization" name a body, not a scope.
        let world = Set(lexicon.cue("worldScopeWords").allFirstWords)
        guard !Self.plainLowercaseWords(of: question).contains(where: world.contains) else { return }
        for (k, name) in named {
            r.units[k].onTopic = false
            r.units[k].unasked =
                "is about \(name.prefix(1).uppercased() + name.dropFirst()), which the question does not ask about"
        }
    }

    /// Marks an answer off the question when most of its body is about the candidate's own country (the rubric's
    /// `homeNames`: Pakistan, its provinces, cities and rivers) under a question on other countries' affairs: a
    /// prepared answer on Pakistan's dams under a question on the Nile's dam dispute, on CPEC under one on the
    /// Belt and Road in Central Asia. The question must name another country or its places (a name the dictionary
    /// knows only with a capital) and none of home's names or of the regions and bodies that take home in (the
    /// rubric's `homeRegionNames`: Kashmir, Afghanistan, India, SAARC…, where an answer rightly writes about
    /// Pakistan). A paragraph is about home when it names home more often than it names the question's own names
    /// (its words written with a capital, other than a sentence's first); the answer is off the question when
    /// such paragraphs hold more than the rubric's `homeShare` of the body's words. Each unit most of whose words
    /// are in them stops serving the question. On only where the rubric gives `homeNames`.
    static func markHome(
        _ r: inout RelevanceAnalysis, question: String, tokens: [Token], paragraphs: [ParagraphInfo],
        lexicon: Lexicon
    ) {
        let home = lexicon.cue("homeNames").allFirstWords
        guard !home.isEmpty, !r.units.isEmpty else { return }
        // Whether the question is judged so, and its names, worked out once a question.
        let judged =
            lexicon.homeCache.get(question)
            ?? {
                let made = HomeQuestion(question, home: home, lexicon: lexicon)
                lexicon.homeCache.set(question, made)
                return made
            }()
        guard let askedKeys = judged.askedKeys else { return }
        let homeKeys = judged.homeKeys
        // How often each home name is met in the paragraphs about home: the finding names the commonest.
        var met = [Int](repeating: 0, count: home.count)
        // Each body paragraph's words, and whether home outnumbers the question's names in it.
        var homeWords = [Int](repeating: 0, count: r.units.count)
        var total = 0
        var homeTotal = 0
        for (k, unit) in r.units.enumerated() {
            for p in unit.paragraphs where p < paragraphs.count {
                var words = 0
                var homeCount = 0
                var askedCount = 0
                var metHere: [Int] = []
                for i in paragraphs[p].tokens where tokens[i].kind == .word {
                    words += 1
                    let key = tokens[i].key
                    let bare = possessiveKey(tokens[i])
                    if askedKeys.contains(key) || askedKeys.contains(bare) {
                        askedCount += 1
                    } else if tokens[i].isCapitalized, let n = homeKeys[key] ?? homeKeys[bare] {
                        homeCount += 1
                        metHere.append(n)
                    }
                }
                total += words
                if homeCount > askedCount {
                    homeWords[k] += words
                    homeTotal += words
                    for n in metHere { met[n] += 1 }
                }
            }
        }
        guard total > 0, Double(homeTotal) > lexicon.relevanceSettings.homeShare * Double(total) else { return }
        let name = Self.homeName(home, met: met)
        r.offTopic = true
        r.homeInstead = name
        for k in r.units.indices where homeWords[k] * 2 > r.units[k].words {
            r.units[k].onTopic = false
            r.units[k].servesQuestion = false
            r.units[k].unasked = "is about \(name), which the question does not ask about"
        }
    }

    /// The name a finding gives home: the commonest of the home names met, as a noun: a longer or shorter form
    /// of a name in the list gives way to it ("pakistani" and "pak" to "pakistan"), capitalised.
    static func homeName(_ home: [String], met: [Int]) -> String {
        let top = met.indices.max { met[$0] < met[$1] || (met[$0] == met[$1] && $0 > $1) } ?? 0
        var name = home[top]
        // The shortest other name of five letters or more that the commonest begins with, or else the shortest
        // longer name that begins with it: "pakistani" → "pakistan", "pak" → "pakistan".
        let within = home.filter { $0.count >= 5 && $0.count < name.count && name.hasPrefix($0) }
        let beyond = home.filter { $0.count > name.count && $0.hasPrefix(name) }
        if let shorter = within.min(by: { $0.count < $1.count }) {
            name = shorter
        } else if name.count < 5, let longer = beyond.min(by: { $0.count < $1.count }) {
            name = longer
        }
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// The key of a token's word without a possessive "'s" ("Pakistan's"), or its own key.
    private static func possessiveKey(_ token: Token) -> UInt64 {
        // Most words end in no "s": turned away on the last byte before the text is looked at.
        guard token.lower.utf8.last == UInt8(ascii: "s") else { return token.key }
        let lower = token.lower
        guard lower.hasSuffix("'s") || lower.hasSuffix("\u{2019}s") else { return token.key }
        return WordKey.of(String(lower.dropLast(2)))
    }

    /// The names a question writes: its words with a capital that do not open a sentence, as written, each once
    /// ("Grand", "Ethiopian", "Renaissance", "Dam", "GERD", "Ethiopia", "Egypt", "Sudan", "Nile").
    static func questionNames(_ question: String) -> [String] {
        var names: [String] = []
        var opens = true
        var word = ""
        func end() {
            if let first = word.unicodeScalars.first, first.properties.isUppercase, !opens, !names.contains(word) {
                names.append(word)
            }
            if !word.isEmpty { opens = false }
            word = ""
        }
        for ch in question {
            if ch.isLetter || ch.isNumber || ((ch == "-" || ch == "'") && !word.isEmpty) {
                word.append(ch)
            } else {
                end()
                if ch == "." || ch == "?" || ch == "!" || ch == ":" { opens = true }
            }
        }
        end()
        return names
    }

    /// A short text's ASCII words in lowercase, split at every other byte (a hyphen, a dash, an apostrophe,
    /// straight or curly), so that "Pak-Afghan", "PAKISTAN’S" and "India–Pakistan" give "pak", "pakistan" and
    /// "pakistan". Read on bytes: it runs on every heading.
    static func nameWords(_ text: String) -> [String] { asciiWords(text, lowercaseOnly: false) }

    /// The words of `text` written wholly in lowercase ASCII letters ("global", not "World").
    static func plainLowercaseWords(of text: String) -> [String] { asciiWords(text, lowercaseOnly: true) }

    /// The runs of ASCII letters and digits of `text`, lowercased, split at every other byte; with
    /// `lowercaseOnly`, only the runs written without a capital or a digit.
    private static func asciiWords(_ text: String, lowercaseOnly: Bool) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        var plain = true
        func end() {
            if !word.isEmpty, plain || !lowercaseOnly { words.append(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
            plain = true
        }
        for byte in text.utf8 {
            switch byte {
            case 0x61...0x7A: word.append(byte)
            case 0x30...0x39:
                word.append(byte)
                plain = false
            case 0x41...0x5A:
                word.append(byte | 0x20)
                plain = false
            default: end()
            }
        }
        end()
        return words
    }
}

/// A question as `GradingContext.markHome` judges it, worked out once a question (`Lexicon.homeCache`).
struct HomeQuestion: Sendable {
    /// The keys of the question's names, lowercase, without a possessive "'s" ("China's" is "china", as the
    /// answer's "China" is); nil when the question is not judged for an answer about home.
    var askedKeys: Set<UInt64>?
    /// The keys of the home names, each with its place in `home`.
    var homeKeys: [UInt64: Int] = [:]

    init(_ question: String, home: [String], lexicon: Lexicon) {
        let questionWords = GradingContext.nameWords(question)
        let region = lexicon.cue("homeRegionNames").allFirstWords
        guard !questionWords.contains(where: { home.contains($0) || region.contains($0) }) else { return }
        for (k, name) in home.enumerated() { homeKeys[WordKey.of(name)] = k }
        let asked = GradingContext.questionNames(question).map { name in
            let word = name.lowercased()
            return word.hasSuffix("'s") || word.hasSuffix("\u{2019}s") ? String(word.dropLast(2)) : word
        }
        // Only a question that names another country or its places (a name the dictionary knows only with a
        // capital: "Ethiopia", "China's") is on others' affairs: a question on the Constitution of 1973 or on a
        // favourite personality is not judged so, whichever rubric grades it.
        guard let dictionary = lexicon.dictionary,
            asked.contains(where: { dictionary.entry(WordKey.of($0))?.capitalOnly == true })
        else { return }
        askedKeys = Set(asked.map(WordKey.of))
    }
}
