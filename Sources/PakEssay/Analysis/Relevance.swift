#if canImport(Glibc)
    import Glibc
#endif

/// Reads an answer's words as relevance features: content words as stems, acronyms and their full
/// names as one concept each, task words of a question left out.
enum RelevanceText {
    /// The lowercase words of a phrase, hyphenated words split, as full names are matched.
    static func words(of text: String) -> [String] {
        lowercaseWords(text).flatMap { $0.split(separator: "-").map(String.init) }
    }

    /// Calls `body` with each feature in `tokens[range]` and the token it comes from.
    static func scan(
        _ tokens: [Token], _ range: Range<Int>, model: TopicModel, skipping task: PhraseTable?,
        _ body: (UInt64, Int) -> Void
    ) {
        var i = range.lowerBound
        while i < range.upperBound {
            // The token is read in place: copying it would retain its two strings for every word.
            guard tokens[i].kind == .word else {
                i += 1
                continue
            }
            if let task, let length = task.match(tokens, at: i, limit: range.upperBound) {
                i += length
                continue
            }
            let key = tokens[i].key
            if let a = model.acronymByExact[tokens[i].exactKey] ?? model.acronymByLower[key]
                ?? possessiveAcronym(tokens[i], model: model)
            {
                body(model.acronyms.feature(a), i)
                i += 1
                continue
            }
            let at = i
            let hyphen = hasHyphen(tokens[i])
            // A full name is looked for only where one may start: its first word's key is a name's.
            if hyphen || model.names.contains(key),
                let (length, a) = fullName(tokens, at: i, limit: range.upperBound, model: model)
            {
                body(model.acronyms.feature(a), i)
                i += length
                continue
            }
            // A word's parts (split at hyphens) that are not stop words, stemmed.
            func emit(_ bytes: UnsafeBufferPointer<UInt8>) {
                var start = 0
                for k in 0...bytes.count where k == bytes.count || bytes[k] == UInt8(ascii: "-") {
                    let part = UnsafeBufferPointer(rebasing: bytes[start..<k])
                    start = k + 1
                    guard part.count >= 3, part[0] >= 0x80 || (part[0] >= 0x61 && part[0] <= 0x7A) else { continue }
                    if model.stopKeys.contains(part.count == bytes.count ? key : wordKey(part)) { continue }
                    body(Stemmer.code(part), at)
                }
            }
            if tokens[i].lower.utf8.withContiguousStorageIfAvailable(emit) == nil {
                var lower = tokens[i].lower
                lower.withUTF8(emit)
            }
            i += 1
        }
    }

    /// The acronym of a possessive ("WTO's", "IMF’s"), looked up without its ending as written and in
    /// lowercase; nil for any other word (asked only of words that no acronym is as they stand).
    static func possessiveAcronym(_ token: Token, model: TopicModel) -> Int? {
        guard token.isCapitalized, token.text.utf8.last == UInt8(ascii: "s") else { return nil }
        let text = token.text
        guard text.utf8.count > 2, text.hasSuffix("'s") || text.hasSuffix("\u{2019}s") else { return nil }
        let bare = String(text.dropLast(2))
        return model.acronymByExact[WordKey.of(bare)] ?? model.acronymByLower[WordKey.of(bare.lowercased())]
    }

    /// The full name of an acronym that starts at `tokens[i]`: how many tokens it takes, and which acronym.
    /// A word without a hyphen is compared by its key as it stands; only hyphenated words are split.
    /// Every full name has two words or more, so a candidate whose second word is not the text's is passed
    /// over at once (a word such as "pakistan" begins dozens of names).
    static func fullName(_ tokens: [Token], at i: Int, limit: Int, model: TopicModel) -> (Int, Int)? {
        let firstHyphen = hasHyphen(tokens[i])
        let firstParts = firstHyphen ? parts(of: tokens[i]) : []
        let firstKey: UInt64 = firstHyphen ? firstParts[0] : tokens[i].key
        guard let candidates = model.names[firstKey] else { return nil }
        // The second word of the text, as the comparison below would meet it.
        var second: UInt64?
        if firstParts.count >= 2 {
            second = firstParts[1]
        } else if i + 1 < limit, tokens[i + 1].kind == .word {
            second = hasHyphen(tokens[i + 1]) ? parts(of: tokens[i + 1])[0] : tokens[i + 1].key
        }
        guard let second else { return nil }
        // A candidate's second word is read in place first: most do not match, and making one's run costs more.
        for c in candidates.indices where candidates.secondWord(c) == second {
            let (words, acronym) = candidates[c]
            var w = 0
            var k = i
            while w < words.count, k < limit, tokens[k].kind == .word {
                if k == i ? firstHyphen : hasHyphen(tokens[k]) {
                    let split = k == i ? firstParts : parts(of: tokens[k])
                    guard w + split.count <= words.count, words[w..<(w + split.count)].elementsEqual(split) else {
                        break
                    }
                    w += split.count
                } else {
                    guard words[w] == tokens[k].key else { break }
                    w += 1
                }
                k += 1
            }
            if w == words.count { return (k - i, acronym) }
        }
        return nil
    }

    /// True when a token holds a hyphen.
    @inline(__always)
    static func hasHyphen(_ token: Token) -> Bool { token.hasHyphen }

    /// The keys of a hyphenated token's parts.
    private static func parts(of token: Token) -> [UInt64] {
        var text = token.lower
        return text.withUTF8 { bytes in
            var out: [UInt64] = []
            var start = 0
            for j in 0...bytes.count where j == bytes.count || bytes[j] == UInt8(ascii: "-") {
                out.append(wordKey(UnsafeBufferPointer(rebasing: bytes[start..<j])))
                start = j + 1
            }
            return out
        }
    }

    /// `WordKey.of` on bytes.
    static func wordKey(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// The features of a stretch of an answer, weighted by how often they occur and how rare they are.
struct FeatureBag: Sendable {
    /// Each feature's count (the low 32 bits) and its first token plus one (above; 0 for a heading's word).
    var counts: WordKeyMap<Int>
    var weights = WordKeyMap<Double>()
    var norm = 0.0

    init(capacity: Int) { counts = WordKeyMap(capacity: max(4, capacity)) }

    mutating func add(_ feature: UInt64, token: Int) {
        if let v = counts[feature] {
            counts[feature] = v + 1
        } else {
            counts[feature] = 1 | (token + 1) << 32
        }
    }

    /// The first token of a feature, to show what matched; -1 for a heading's word.
    func firstToken(_ feature: UInt64) -> Int? { counts[feature].map { ($0 >> 32) - 1 } }

    /// Works out the weights once every feature is in.
    mutating func weigh(_ model: TopicModel) {
        var sum = 0.0
        weights = WordKeyMap(capacity: counts.count)
        counts.forEach { f, v in
            let w = (1 + log(Double(v & 0xFFFF_FFFF))) * model.weight(f)
            weights[f] = w
            sum += w * w
        }
        norm = sum.squareRoot()
    }
}

/// How far an answer, and each of its body sections, serves its question: worked out once per answer
/// from the question's profile, the topic thesaurus and the question bank.
public struct RelevanceAnalysis: Sendable {
    /// One body section (or, in an answer without headings, one body paragraph) judged against the question.
    public struct Unit: Sendable {
        /// How findings name it.
        public var name: String
        /// Where it starts.
        public var range: SourceRange
        /// Its paragraphs.
        public var paragraphs: [Int]
        /// Its section, when it is one.
        public var section: Int?
        /// Its words.
        public var words: Int
        /// Its likeness to the question's profile (cosine, 0–1).
        public var score: Double
        /// The question's terms and its topics' terms that it uses, as written, most telling first.
        public var matched: [String]
        /// False when it fits another question or topic clearly better than its own.
        public var onTopic: Bool
        /// Its own most telling words, for saying what it is about instead.
        public var about: [String]
        /// The topic it fits best, when that is not the question's.
        public var aboutTopic: String?
        /// Its likeness to the other question or topic that fits it best.
        public var rivalScore = 0.0
        /// False when it fits another question or topic better than its own (a weaker sign than `onTopic`).
        public var servesQuestion = true
        /// The question's focus terms (see `RelevanceAnalysis.focusTerms`) it uses, heading included, as written.
        public var focus: [String] = []
        /// True when it strays from a question that has no topic to judge by: a long stretch naming nothing of it.
        public var strays = false
        /// Why the question does not ask for it, when it is on the topic but not on the question ("is about
        /// Pakistan, which the question does not ask about"; see `GradingContext.markUnasked`).
        public var unasked: String?
    }

    /// What the question asks about its topic: its own terms that are not its topic's name ("security",
    /// "challenges" in "the security challenges faced by CPEC"), as written; empty when the question has no
    /// topic of the thesaurus.
    public var focusTerms: [String] = []
    /// The share of the body's words in units that use a focus term: a prepared answer on the question's
    /// topic (its history, its benefits) leaves what the question asks to a section or two.
    public var focusShare: Double {
        let total = units.reduce(0) { $0 + $1.words }
        guard total > 0, !focusTerms.isEmpty else { return 1 }
        return Double(units.filter { !$0.focus.isEmpty }.reduce(0) { $0 + $1.words }) / Double(total)
    }

    /// The share of the body's words in units whose own text (not their heading) names a focus term: a heading
    /// bent to the question ("Students and the Lahore Resolution") over a paragraph that never takes it up
    /// does not count.
    public var bodyFocusShare: Double {
        let total = units.reduce(0) { $0 + $1.words }
        guard total > 0, !focusTerms.isEmpty else { return 1 }
        let taking = units.filter { u in u.paragraphs.contains { $0 < paragraphFocus.count && paragraphFocus[$0] } }
        return Double(taking.reduce(0) { $0 + $1.words }) / Double(total)
    }

    /// The names among the question's focus words (`Focus.names`) that no body paragraph uses while the
    /// introduction or the conclusion does, as the question writes them: the subject of a misread question,
    /// named in the first and last lines round a body about something else ("Cripps Mission" over a body on
    /// the Quit India Movement).
    public var namesOnlyInFrame: [String] = []

    /// The question's topics (thesaurus ids).
    public var topics: [String] = []
    /// False when the question matches no topic of the thesaurus, so that no rival could be set against it.
    public var judgedByTopics = false
    /// Topics close to the question's, whose material serves it too (never taken as rivals).
    public var relatedTopics: [String] = []
    /// The question's topic terms, as written in the question.
    public var questionTerms: [String] = []
    /// The body sections, in reading order.
    public var units: [Unit] = []
    /// The whole answer's likeness to its question.
    public var score = 0.0
    /// The whole answer's most telling words.
    public var about: [String] = []
    /// The topic the whole answer fits best, when that is not the question's.
    public var aboutTopic: String?
    /// The bank question that fits the whole answer best among those on other topics, and how well.
    public var bestOther: (text: String, topics: [String], score: Double)?
    /// True when the answer fits other questions clearly better than its own and little of it serves its own.
    public var offTopic = false
    /// When the answer is off the question for being about the candidate's own country (`markHome`): the
    /// name the finding gives it (the commonest of the rubric's `homeNames` in its paragraphs, "Pakistan").
    var homeInstead: String?
    /// Terms of the question's topic that the answer never touches, most important first.
    public var missingAspects: [String] = []
    /// How many of the topic's leading aspects were looked for.
    public var aspectsLookedFor = 0
    /// The title of the topic the question names by a title word (`titledTopics`), else of its first topic.
    public var topicTitle: String?
    /// True when a focus term is a name (a one-word place or actor of the thesaurus that is one of the rubric's
    /// proper nouns: a province, a country, a person), not an acronym: "Sindh" in "the role of Sindh in the
    /// Pakistan Movement", whatever the question's capitals.
    public var focusNamed = false

    /// The acronym concepts each paragraph names (by acronym or full name), for the term checks.
    var paragraphConcepts: [[UInt64]] = []
    /// For each paragraph, whether it uses a focus term.
    var paragraphFocus: [Bool] = []

    /// The share of the body's words in units that serve the question.
    public var onTopicShare: Double {
        let total = units.reduce(0) { $0 + $1.words }
        guard total > 0 else { return offTopic ? 0 : 1 }
        return Double(units.filter(\.onTopic).reduce(0) { $0 + $1.words }) / Double(total)
    }

    /// The share of the body's words in units that serve the question by the weaker sign: what the
    /// off-topic judgment of the whole answer counts.
    public var servingShare: Double {
        let total = units.reduce(0) { $0 + $1.words }
        guard total > 0 else { return 1 }
        return Double(units.filter(\.servesQuestion).reduce(0) { $0 + $1.words }) / Double(total)
    }

    /// The units that drift from the question.
    public var drifting: [Unit] { units.filter { !$0.onTopic } }
}

/// What a question asks about its topics (see `RelevanceJudge.focus`), worked out once per question.
struct Focus: Sendable {
    /// The focus features, in the question's order.
    var features: [UInt64] = []
    /// True when one of them is a name (`RelevanceJudge.isName`).
    var named = false
    /// Other ways of naming a focus name: the places and actors of the topic the name titles, each with the
    /// name it stands for ("Quetta" for "Balochistan" in "the role of Balochistan in the Pakistan Movement").
    var aliases: [(name: UInt64, features: [UInt64])] = []
    /// The topics the question names by a word of their title (`RelevanceJudge.titledTopics`)…
    var titled: [Int] = []
    /// …and those it names by a one-word name that another titled topic frames ("Balochistan" in "the role of
    /// Balochistan in the Pakistan Movement"), left out of `titled`.
    var framed: [Int] = []
    /// The names the question writes among its focus words (`RelevanceJudge.names(in:…)`): runs of words with
    /// capitals that hold a name, not a one-word place or actor, as written ("Cripps Mission", "Muslim League" in
    /// "the reasons for the rejection of the Cripps Mission by the Congress and the Muslim League"), each with its
    /// features and the rarest of them. (A person of several words is set aside where a name is missed.)
    var names: [(written: String, features: [UInt64], key: UInt64)] = []
}

/// Works out a `RelevanceAnalysis`.
struct RelevanceJudge {
    let model: TopicModel
    let settings: RelevanceSettings
    let taskWords: PhraseTable
    /// Words a question uses for the kind of treatment it asks or its time frame (`causes`, `prospects`,
    /// `August`): not what it asks about.
    var aspectWords = PhraseTable()
    /// The keys of the rubric's proper nouns (`Lexicon.properKeys`): which question words are names.
    var properKeys = WordKeyMap<Bool>()
    /// Each question's focus by its text, kept by the lexicon that holds the words it is worked out with
    /// (`Lexicon.focusCache`); a judge made without one works it out every time.
    var focusCache: TextCache<Focus>? = nil
    /// The dictionary, for telling a name in the question from a common word written with a capital.
    var dictionary: SpellingDictionary? = nil
    /// True when the question sets a description, a story or a diary (the rubric's `tellingTasks`): its parts
    /// tell stages of the subject (the mehndi, the barat of "Describe a wedding") without naming it, so none
    /// of them strays for naming nothing of the question.
    var tells = false

    func analyse(
        question: Question, tokens: [Token], paragraphs: [GradingContext.ParagraphInfo],
        sections: [GradingContext.SectionInfo], units parts: [GradingContext.Part]
    ) -> RelevanceAnalysis {
        var out = RelevanceAnalysis()
        let profile = model.profile(question: question.text, taskWords: taskWords)
        out.topics = profile.topics
        let topicIndices = profile.topics.compactMap { id in model.topics.firstIndex { $0.id == id } }
        // Which topics the question names by title, and what it asks about them: worked out once per question.
        let crux =
            profile.topics.isEmpty ? Focus() : self.focus(profile, question: question.text, topics: topicIndices)
        let titled = crux.titled
        out.topicTitle = (titled.first ?? topicIndices.first).map { model.topics[$0].title }
        out.questionTerms = profile.questionTerms
        // Which other questions and topics a stretch is set against: none that shares the question's topics
        // or reads like it.
        let near = profile.near
        out.relatedTopics = near.subtracting(profile.topics).sorted()
        let rivals = profile.rivals
        let answerRivals = profile.answerRivals
        // Without a topic of its own, the question is too little to set rivals against: only the key-term
        // check of the off-topic rule judges it.
        let judged = !profile.topics.isEmpty
        out.judgedByTopics = judged
        // Every paragraph's features in one flat list, read once; a stretch's bag counts its paragraphs' runs.
        var found: [(feature: UInt64, token: Int)] = []
        found.reserveCapacity(tokens.count)
        var runs: [Range<Int>] = []
        runs.reserveCapacity(paragraphs.count)
        for p in paragraphs {
            let start = found.count
            RelevanceText.scan(tokens, p.tokens, model: model, skipping: nil) { f, i in found.append((f, i)) }
            runs.append(start..<found.count)
        }
        out.paragraphConcepts = runs.map { run in
            var concepts: [UInt64] = []
            for k in run where model.acronymByFeature[found[k].feature] != nil && !concepts.contains(found[k].feature) {
                concepts.append(found[k].feature)
            }
            return concepts.sorted()
        }
        // Each title's features, read once a section by the context builder.
        var titleFeatures: [Int: [UInt64]] = [:]
        for (k, s) in sections.enumerated() where s.section.title != nil { titleFeatures[k] = s.titleFeatures }
        let focus = crux.features
        let focusNamed = crux.named
        out.focusTerms = focus.map { f in
            model.acronymByFeature[f].map { model.acronyms.short($0) }
                ?? profile.questionTerms[profile.questionFeatures.firstIndex(of: f) ?? 0]
        }
        out.focusNamed = focusNamed
        out.paragraphFocus = runs.map { run in
            run.contains { focus.contains(found[$0].feature) }
                || crux.aliases.contains { alias in
                    alias.features.allSatisfy { f in run.contains { found[$0].feature == f } }
                }
        }
        if !crux.names.isEmpty {
            var inBody = [Bool](repeating: false, count: paragraphs.count)
            for part in parts { for p in part.paragraphs where p < inBody.count { inBody[p] = true } }
            // Which names the body and the frame use, in one pass over the answer's features.
            let keys = crux.names.map(\.key)
            var bodyUses: Set<UInt64> = []
            var frameUses: Set<UInt64> = []
            for p in runs.indices {
                for k in runs[p] where keys.contains(found[k].feature) {
                    if inBody[p] { bodyUses.insert(found[k].feature) } else { frameUses.insert(found[k].feature) }
                }
            }
            // Only a name the frame uses: a name the answer never writes may be written another way ("the 25th
            // Amendment" for "the 25th Constitutional Amendment").
            var missing = crux.names.filter { !bodyUses.contains($0.key) && frameUses.contains($0.key) }
            // A person goes by several names (the Quaid-e-Azam, Jinnah), which the thesaurus does not join: a topic's
            // actor is no name looked for as written. Read only when some name is missed (the actors' lists cost a
            // decoding of every topic, once a process).
            var names = crux.names
            if !missing.isEmpty {
                let actors = model.actorFeatureLists()
                func person(_ name: (written: String, features: [UInt64], key: UInt64)) -> Bool {
                    actors.contains { actor in name.features.allSatisfy(actor.contains) }
                }
                names.removeAll(where: person)
                missing.removeAll(where: person)
            }
            // The question's first name is its subject ("the Cripps Mission" before "the Congress and the Muslim
            // League"): a body that never names it answers another question; a body that calls a later name "they"
            // has not, unless most of the names are missing.
            if let first = names.first,
                missing.contains(where: { $0.key == first.key }) || missing.count * 2 > names.count
            {
                out.namesOnlyInFrame = missing.map(\.written)
            }
        }
        var whole = FeatureBag(capacity: found.count)
        for (f, i) in found { whole.add(f, token: i) }
        for k in sections.indices { for f in titleFeatures[k] ?? [] { whole.add(f, token: -1) } }
        whole.weigh(model)
        out.score = profile.similarity(whole)
        let wholeSims = model.similarities(whole)
        if let best = answerRivals.max(by: { wholeSims[$0] < wholeSims[$1] }) {
            out.bestOther = (model.bank[best].text, model.bank[best].topics, wholeSims[best])
        }

        for part in parts {
            var bag = FeatureBag(capacity: part.paragraphs.reduce(0) { $0 + runs[$1].count })
            for p in part.paragraphs { for k in runs[p] { bag.add(found[k].feature, token: found[k].token) } }
            if let s = part.section {
                // A heading says what its section is about: its words count twice.
                for f in titleFeatures[s] ?? [] {
                    bag.add(f, token: -1)
                    bag.add(f, token: -1)
                }
            }
            bag.weigh(model)
            let own = profile.similarity(bag)
            let sims = model.similarities(bag)
            let best = rivals.max { sims[$0] < sims[$1] }
            let bestScore = best.map { sims[$0] } ?? 0
            // Two judgments: whether the section serves the question, for the share of the answer that does
            // (many weak signs add up), and whether it clearly drifts, for naming it (one weak sign is not enough).
            let serves =
                !judged || own >= settings.sectionFloor || bestScore < settings.rivalMargin * own + settings.rivalSlack
            // A drift is named only against a rival far from every topic the question touches, and a short
            // section, whose few words make its likenesses noisy, needs a clearer margin than a long one.
            let driftBest = profile.driftRivals.max { sims[$0] < sims[$1] }
            let driftScore = driftBest.map { sims[$0] } ?? 0
            let slack = settings.driftSlack * min(1, settings.driftWords / Double(max(part.words, 1)))
            let driftTopic = driftBest.flatMap(topicIndex(ofRival:))
            // Without a topic to set rivals against (a school essay's prompt, a letter), a long stretch of an
            // answer of two parts or more that names nothing of the question strays from it: a letter of
            // congratulation that spends a paragraph on the holidays.
            let strays =
                !judged && !tells && !profile.questionFeatures.isEmpty && own == 0 && parts.count >= 2
                && Double(part.words) >= settings.strayWords
            let onTopic =
                !strays
                && (!judged || own >= settings.driftFloor || driftScore < settings.driftMargin * own + slack
                    || !(driftTopic.map { namesSpecifics(bag, of: $0, question: profile.questionFeatures) } ?? false))
            var unit = RelevanceAnalysis.Unit(
                name: part.name, range: part.range, paragraphs: part.paragraphs, section: part.section,
                words: part.words, score: own, matched: [], onTopic: onTopic, about: [], aboutTopic: nil)
            unit.servesQuestion = serves
            unit.rivalScore = bestScore
            unit.matched = telling(bag, tokens: tokens, within: profile, limit: 8)
            unit.focus = zip(focus, out.focusTerms).filter { f, _ in
                bag.counts[f] != nil
                    || crux.aliases.contains { $0.name == f && $0.features.allSatisfy { bag.counts[$0] != nil } }
            }.map(\.1)
            unit.strays = strays
            if !onTopic, !strays {
                unit.about = telling(bag, tokens: tokens, within: nil, limit: 3)
                unit.aboutTopic = driftTopic.map { model.topics[$0].title }
            }
            out.units.append(unit)
        }
        out.about = telling(whole, tokens: tokens, within: nil, limit: 3)
        if let best = rivals.max(by: { wholeSims[$0] < wholeSims[$1] }) {
            out.aboutTopic = topicIndex(ofRival: best).map { model.topics[$0].title }
        }
        let otherFitsBetter = (out.bestOther?.score ?? 0) >= settings.offTopicMargin * out.score + settings.rivalSlack
        // The question's own terms: an answer that names few of them has not taken up the question.
        var asked = 0.0
        var named = 0.0
        for f in profile.questionFeatures {
            let w = model.weight(f) * model.weight(f)
            asked += w
            if whole.counts[f] != nil { named += w }
        }
        let coreMissing = asked > 0 && named / asked < settings.questionShare
        out.offTopic =
            judged && otherFitsBetter && out.score < settings.answerFloor
            && (out.servingShare < settings.offTopicShare || coreMissing)
        // The aspects of the question's main topic that the answer never touches.
        // Only when the question names the topic itself (its title's words or acronym): a topic found from
        // a question's looser words is too uncertain to tell an answer what it leaves out.
        // A question on what a name did within a topic that frames it ("the role of Balochistan in the Pakistan
        // Movement", see `titledTopics`) owes neither the name's own topic's aspects (the NFC award, the
        // insurgencies) nor the frame's in general (the MAO College): as with "the role of Sindh", none are told.
        var aspectTopic = profile.topics.first
        if let id = aspectTopic, let k = model.topics.firstIndex(where: { $0.id == id }), crux.framed.contains(k) {
            aspectTopic = nil
        }
        if let id = aspectTopic, let k = model.topics.firstIndex(where: { $0.id == id }), !out.offTopic,
            profile.questionFeatures.contains(where: model.titleFeatures[k].sortedContains),
            namesTitleHead(of: k, questionFeatures: profile.questionFeatures, question: question.text)
        {
            let topic = model.topics[k]
            var lookedFor: [TopicModel.Term] = []
            let terms = topic.terms
            for group in ["institutions", "events", "terms"] {
                // An acronym and its full name are one aspect ("JCC", "joint cooperation committee").
                let fresh = terms.filter { t in t.group == group && !lookedFor.contains { $0.features == t.features } }
                lookedFor += fresh.prefix(settings.aspectsPerGroup)
            }
            out.aspectsLookedFor = lookedFor.count
            out.missingAspects = lookedFor.filter { term in
                !term.features.contains { whole.counts[$0] != nil }
                    && !term.features.allSatisfy(profile.questionFeatures.contains)
            }.map(\.text)
        }
        return out
    }

    /// True when the question names the head of topic `k`'s title (its first piece, before a comma, semicolon,
    /// colon or bracket: "US-China rivalry" of "US-China rivalry, the Indo-Pacific, the changing world order"),
    /// or the head's first item (before "and": "China-Pakistan Economic Corridor"; both as the model keeps them,
    /// `TopicModel.titleHeads`), with at least `aspectTitleShare` of its weight (rare words weighing most). A
    /// question on tariffs and the world trade order shares "order" with the first title but is not on that
    /// topic, and is not told its aspects. A topic of a relation between states ("Pakistan and the European
    /// Union …", "Pakistan-Iran relations") is the question's only when the question names the topic's side
    /// too (its `side` line, "Pakistan", in any case and within a longer word: "Pakistan's"): a question on the
    /// far right in Europe is not asked about GSP+.
    private func namesTitleHead(of k: Int, questionFeatures: [UInt64], question: String) -> Bool {
        if let side = model.topics[k].side, !question.lowercased().contains(side.lowercased()) { return false }
        guard k < model.titleHeads.count else { return false }
        func named(_ features: [UInt64]) -> Bool {
            var whole = 0.0
            var named = 0.0
            for f in features {
                let w = model.weight(f) * model.weight(f)
                whole += w
                if questionFeatures.contains(f) { named += w }
            }
            return whole > 0 && named >= settings.aspectTitleShare * whole
        }
        let head = model.titleHeads[k]
        return named(head.whole) || named(head.firstItem)
    }

    /// The topic a rival stands for: itself, or a bank question's first topic.
    private func topicIndex(ofRival rival: Int) -> Int? {
        let bankCount = model.bankProfiles.count
        return rival >= bankCount
            ? rival - bankCount : model.bank.topicIndices(of: rival).first.map { Int($0) }
    }

    /// Whether a stretch names something particular to a topic: a word of its title that the question does
    /// not use, or the whole of one of its actors, places, institutions or events. A stretch that shares
    /// only a topic's general words ("state", "problems", "national") is not about it, however like it its
    /// words make it look.
    private func namesSpecifics(_ bag: FeatureBag, of topic: Int, question: [UInt64]) -> Bool {
        let title = model.titleFeatures[topic]
        if title.contains(where: { bag.counts[$0] != nil && !question.contains($0) }) { return true }
        return model.topics[topic].terms.contains { term in
            term.group != "terms" && !term.features.isEmpty && term.features.allSatisfy { bag.counts[$0] != nil }
        }
    }

    /// What the question asks about its topics: its own features that are not their names (the words of
    /// their titles, the people and places they hold) and not aspect words. Worked out once per question.
    /// A topic the question names by its title ("the Pakistan Movement") holds the question's subject; one it
    /// reaches only through a place or a person ("Sindh") is where its focus lies ("the role of Sindh in the
    /// Pakistan Movement" asks about Sindh), so that place or person stays a focus term, and `topicTitle` names
    /// the titled topic.
    /// With the features, whether one of them is a name (`isName`, not an acronym).
    private func focus(
        _ profile: Profile, question: String, topics indices: [Int]
    ) -> Focus {
        if let cached = focusCache?.get(question) { return cached }
        let (titled, framed) = titledTopics(profile, among: indices)
        var named: [UInt64] = []
        var aliases: [(name: UInt64, features: [UInt64])] = []
        for k in indices {
            if !framed.contains(k) {
                named += model.titleFeatures[k]
            } else {
                // A topic titled by a name that another titled topic frames (`titledTopics`): its name stays in
                // the focus, its other title words do not, and its places and actors (Quetta, Kalat, the Bugtis)
                // take the name up as well as the name itself.
                let name = model.titleHeads[k].whole[0]
                named += model.titleFeatures[k].filter { $0 != name }
                for term in model.topics[k].terms
                where (term.group == "actors" || term.group == "places") && !term.features.isEmpty
                    && !term.features.allSatisfy(profile.questionFeatures.contains)
                {
                    aliases.append((name, term.features))
                }
            }
            guard titled.isEmpty || titled.contains(k) else { continue }
            for term in model.topics[k].terms where term.group == "actors" || term.group == "places" {
                named += term.features
            }
            // An event the question names in full ("the Gaza war", "the 18th Amendment") is its topic too:
            // "war" in "the implications of the Gaza war" is not what it asks about the war.
            for term in model.topics[k].terms where term.group == "events" && !term.features.isEmpty {
                if term.features.allSatisfy(profile.questionFeatures.contains) { named += term.features }
            }
        }
        var out: [UInt64] = []
        for (k, f) in profile.questionFeatures.enumerated() where !named.contains(f) {
            let written = k < profile.questionTerms.count ? profile.questionTerms[k].lowercased() : ""
            if !aspectWords.containsWord(written) { out.append(f) }
        }
        let namesOne = out.contains { f in
            guard model.acronymByFeature[f] == nil, let k = profile.questionFeatures.firstIndex(of: f),
                k < profile.questionTerms.count
            else { return false }
            return isName(f, written: profile.questionTerms[k])
        }
        var found = Focus(features: out, named: namesOne, aliases: aliases, titled: titled, framed: framed)
        found.names = Self.names(
            in: question, focus: out, model: model, taskWords: taskWords, properKeys: properKeys, dictionary: dictionary
        )
        focusCache?.set(question, found)
        return found
    }

    /// The runs of words the question writes with a capital, not at the start of a sentence or a part ("… 2019.
    /// What …", "(a) Students: …"), that hold a name (a rubric proper noun, or a word the dictionary does not
    /// know in lowercase: "Cripps", "Muslim") and whose features are all among `focus`, once each; none when four
    /// in five of the question's longer words after its first have capitals (Title Case, or capitals). A one-word
    /// place or actor is left out (see `Focus.names`; a person of several words is left out in `analyse`). Each
    /// with its features and the rarest of them, by which a paragraph is said to use it ("cripps" of "Cripps
    /// Mission", not "mission").
    static func names(
        in question: String, focus: [UInt64], model: TopicModel, taskWords: PhraseTable,
        properKeys: WordKeyMap<Bool>, dictionary: SpellingDictionary?
    ) -> [(written: String, features: [UInt64], key: UInt64)] {
        let tokens = Tokenizer.tokens(of: [.text(question, at: SourcePosition(line: 1, column: 1))])
        let words = tokens.indices.filter { tokens[$0].kind == .word }
        func upper(_ i: Int) -> Bool { tokens[i].text.unicodeScalars.first.map(\.properties.isUppercase) == true }
        // The longer words after the first: in a question in Title Case or in capitals, four in five or more have
        // capitals, and a capital tells no name.
        let long = words.dropFirst().filter { tokens[$0].text.utf8.count >= 4 }
        guard !long.isEmpty, long.filter(upper).count * 10 < long.count * 8 else { return [] }
        var featuresAt: [Int: [UInt64]] = [:]
        RelevanceText.scan(tokens, 0..<tokens.count, model: model, skipping: taskWords) { f, i in
            featuresAt[i, default: []].append(f)
        }
        // A word opens a sentence or a part when no word stands before it, or the token before it ends one.
        func opens(_ i: Int) -> Bool {
            guard i > 0 else { return true }
            let before = tokens[i - 1]
            guard before.kind == .punctuation else { return false }
            return before.text.unicodeScalars.contains { ".?!:;)".unicodeScalars.contains($0) }
        }
        func capital(_ i: Int) -> Bool { tokens[i].kind == .word && upper(i) }
        func nameWord(_ i: Int) -> Bool {
            if properKeys[WordKey.of(tokens[i].lower)] != nil { return true }
            guard let dictionary else { return false }
            return dictionary.entry(tokens[i].key).map(\.capitalOnly) ?? true
        }
        let oneWord = model.oneWordNameFeatures()
        var out: [(written: String, features: [UInt64], key: UInt64)] = []
        var i = 0
        while i < tokens.count {
            guard capital(i) else {
                i += 1
                continue
            }
            var j = i
            while j + 1 < tokens.count, capital(j + 1) { j += 1 }
            // A run that opens a sentence keeps its words after the first: "What" of "What are …" is no name.
            let start = opens(i) ? i + 1 : i
            defer { i = j + 1 }
            guard start <= j, (start...j).contains(where: nameWord) else { continue }
            var features: [UInt64] = []
            for k in start...j { features += featuresAt[k] ?? [] }
            guard !features.isEmpty, features.allSatisfy(focus.contains) else { continue }
            // A one-word place or actor ("Sindh", "Balochistan") is the named focus, which its places and people
            // take up too (`Focus.aliases`). (A person of several words is left out where a name is missed: see
            // `analyse`.)
            if features.allSatisfy(oneWord.contains) { continue }
            let written = tokens[start...j].map(\.text).joined(separator: " ")
            guard !out.contains(where: { $0.written.lowercased() == written.lowercased() }) else { continue }
            let key = features.max { model.weight($0) < model.weight($1) } ?? features[0]
            out.append((written, features, key))
        }
        return out
    }

    /// The topics among `indices` the question names by a word of their title ("the Pakistan Movement"). A topic
    /// whose title is one name ("Balochistan") is left out when another topic is titled too: "the role of
    /// Balochistan in the Pakistan Movement" is written about the movement, and Balochistan is what it asks about
    /// it, a focus term like "Sindh" (whose topic has no title of its own).
    /// With them, the topics so left out (`framed`).
    private func titledTopics(_ profile: Profile, among indices: [Int]) -> (titled: [Int], framed: [Int]) {
        let titled = indices.filter { k in model.titleFeatures[k].contains(where: profile.questionFeatures.contains) }
        guard titled.count >= 2 else { return (titled, []) }
        let byName = titled.filter { titledByName($0, profile) }
        guard byName.count < titled.count else { return (titled, []) }
        return (titled.filter { !byName.contains($0) }, byName)
    }

    /// True when topic `k`'s title head is one word that the question names and that is a name (`isName`).
    private func titledByName(_ k: Int, _ profile: Profile) -> Bool {
        guard k < model.titleHeads.count, model.titleHeads[k].whole.count == 1,
            let at = profile.questionFeatures.firstIndex(of: model.titleHeads[k].whole[0]),
            at < profile.questionTerms.count
        else { return false }
        return model.acronymByFeature[model.titleHeads[k].whole[0]] == nil
            && isName(model.titleHeads[k].whole[0], written: profile.questionTerms[at])
    }

    /// True when a focus feature names a place or a person: a word the dictionary knows only with a capital
    /// ("Baku" of "the outcome of COP29 held at Baku", batch s), or a one-word place or actor of some topic that
    /// is also one of the rubric's proper nouns ("Sindh"; not "teachers", an actor but no name, nor "control", a
    /// word of the proper noun "Line of Control"), whatever the question's capitals.
    private func isName(_ feature: UInt64, written: String) -> Bool {
        let key = WordKey.of(written.lowercased())
        if dictionary?.entry(key)?.capitalOnly == true { return true }
        guard properKeys[key] != nil else { return false }
        return model.oneWordNameFeatures().contains(feature)
    }

    /// The most telling features of a bag, as written: those in `profile` (or any, when nil), weightiest first,
    /// equal weights in the order of their text. The features are sorted by weight alone; their texts are
    /// looked at only to order a run of equal weights and to drop repeats, until `limit` are found.
    private func telling(_ bag: FeatureBag, tokens: [Token], within profile: Profile?, limit: Int) -> [String] {
        var scored: [(score: Double, feature: UInt64, token: Int)] = []
        scored.reserveCapacity(bag.weights.count)
        bag.weights.forEach { f, w in
            // What a stretch is about is told by words some topic or question uses, not by "million" or "cannot".
            guard let t = bag.firstToken(f), t >= 0, profile != nil || model.idf[f] != nil else { return }
            var score = w
            if let profile {
                guard let p = profile.weights[f] else { return }
                score *= p
            }
            scored.append((score, f, t))
        }
        scored.sort { $0.score > $1.score }
        func text(_ item: (score: Double, feature: UInt64, token: Int)) -> String {
            model.acronymByFeature[item.feature].map { model.acronyms.short($0) } ?? tokens[item.token].lower
        }
        var out: [String] = []
        var i = 0
        while i < scored.count, out.count < limit {
            var j = i + 1
            while j < scored.count, scored[j].score == scored[i].score { j += 1 }
            var texts = scored[i..<j].map(text)
            if texts.count > 1 { texts.sort() }
            for t in texts where !out.contains(t) {
                out.append(t)
                if out.count == limit { break }
            }
            i = j
        }
        return out
    }
}

/// The thresholds relevance is judged by, from the rubric's `relevance` table.
public struct RelevanceSettings: Sendable {
    /// A section at least this like its question is on topic whatever else it resembles.
    public var sectionFloor = 0.05
    /// A section drifts when another question or topic fits it this many times better than its own…
    public var rivalMargin = 2.0
    /// …plus this much.
    public var rivalSlack = 0.08
    /// A section is named as drifting, and its arguments and evidence earn nothing, only on stronger
    /// signs: less like its question than this…
    public var driftFloor = 0.05
    /// …and a rival far from every topic the question touches fitting it at least this many times better…
    public var driftMargin = 3.0
    /// …plus this much…
    public var driftSlack = 0.16
    /// …scaled down for a section longer than this many words (by this number over its words).
    public var driftWords = 50.0
    /// A whole answer is off topic when another question fits it this many times better…
    public var offTopicMargin = 1.3
    /// …its likeness to its own question is under this…
    public var answerFloor = 0.15
    /// …and less than this share of its body serves its own question.
    public var offTopicShare = 0.6
    /// …or the answer names less than this share of the question's own terms (rare terms weighing most).
    public var questionShare = 0.4
    /// An answer is off the question when paragraphs about the candidate's own country (the rubric's
    /// `homeNames`), under a question that names none of it, hold more than this share of its body's words.
    public var homeShare = 0.5
    /// Bank questions this like the question are taken as the same question.
    public var sameQuestion = 0.3
    /// A topic the question's words match with at least this share of its best topic's score is one it
    /// touches: a section on it never drifts.
    public var touchedShare = 0.4
    /// Words a stretch of an answer whose question has no topic must run to before naming nothing of the
    /// question makes it stray.
    public var strayWords = 100.0
    /// How many of a topic's institutions, events and terms are looked for as aspects.
    public var aspectsPerGroup = 4
    /// The share of the weight of a topic's title head the question must name before the answer is told
    /// what aspects of the topic it leaves out.
    public var aspectTitleShare = 0.5

    /// The defaults.
    public init() {}

    /// Sets the threshold of this name (one of `RubricDecoder.relevanceKeys`); another name changes nothing.
    mutating func set(_ name: String, to value: Double) {
        switch name {
        case "sectionFloor": sectionFloor = value
        case "rivalMargin": rivalMargin = value
        case "rivalSlack": rivalSlack = value
        case "driftFloor": driftFloor = value
        case "driftMargin": driftMargin = value
        case "driftSlack": driftSlack = value
        case "driftWords": driftWords = value
        case "homeShare": homeShare = value
        case "strayWords": strayWords = value
        case "offTopicMargin": offTopicMargin = value
        case "answerFloor": answerFloor = value
        case "offTopicShare": offTopicShare = value
        case "questionShare": questionShare = value
        case "sameQuestion": sameQuestion = value
        case "touchedShare": touchedShare = value
        case "aspectTitleShare": aspectTitleShare = value
        default: break
        }
    }
}
