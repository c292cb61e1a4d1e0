/// Everything the rules read about one answer, worked out once: tokens, sentences, sections,
/// the introduction and conclusion, the argument units, evidence and the question's key terms.
public struct GradingContext: Sendable {
    /// A paragraph with its place among the tokens and sentences.
    public struct ParagraphInfo: Sendable {
        /// The paragraph.
        public var paragraph: Paragraph
        /// The index of its section in `sections`.
        public var section: Int
        /// Its tokens in `tokens`.
        public var tokens: Range<Int>
        /// Its sentences in `sentences`.
        public var sentences: Range<Int>
    }

    /// A sentence: a range of tokens within one paragraph.
    public struct SentenceInfo: Sendable {
        /// Its tokens.
        public var tokens: Range<Int>
        /// Its paragraph in `paragraphs`.
        public var paragraph: Int
        /// Its words (numbers included, punctuation not).
        public var words: Int
    }

    /// A section flattened out of the tree, with its parent and paragraphs.
    public struct SectionInfo: Sendable {
        /// The section (its subsections are in `sections` too).
        public var section: Section
        /// The parent's index, or nil at the top.
        public var parent: Int?
        /// Indices of its own paragraphs.
        public var paragraphs: [Int]
        /// Indices of its direct subsections.
        public var children: [Int]
        /// Words of its own paragraphs.
        public var ownWords: Int
        /// Where its heading stands (for the untitled lead, its first paragraph).
        public var range: SourceRange
        /// Its role, or the nearest ancestor's (the subsections of "Way Forward" are way forward too).
        public var role: SectionRole?
        /// Its number qualified by its parents' where the numbering does not say it (`V(a)`), or nil.
        public var qualifiedNumber: String?
        /// How findings name it: "section 2.3", "section V(a)", "section \"Introduction\"".
        public var name: String
        /// Its title's features under the topic model (`TopicModel.dataFeatures`), read once for the acronym
        /// keys and the relevance judge; empty without a title or a topic model.
        var titleFeatures: [UInt64] = []
    }

    /// A stretch of the answer that plays one part: the introduction, the conclusion, or one argument.
    public struct Part: Sendable {
        /// How findings name it: "section 2.3", "the first paragraph".
        public var name: String
        /// Where it starts (its heading or first paragraph).
        public var range: SourceRange
        /// Its paragraphs.
        public var paragraphs: [Int]
        /// Its section, when it is one.
        public var section: Int?
        /// Its role.
        public var role: SectionRole?
        /// Words in its paragraphs.
        public var words: Int
        /// Sentences in its paragraphs.
        public var sentences: Int
    }

    /// The answer.
    public let answer: Answer
    /// The question it answers (from its question line or `--question`), or nil.
    public let question: Question?
    /// The rubric's word lists.
    public let lexicon: Lexicon
    /// The answer length the rubric expects.
    public let expectedWords: ClosedRange<Int>
    /// Every token of the body in reading order.
    public let tokens: [Token]
    /// Body paragraphs in reading order.
    public let paragraphs: [ParagraphInfo]
    /// Sentences in reading order.
    public let sentences: [SentenceInfo]
    /// Sections depth first.
    public let sections: [SectionInfo]
    /// The introduction, if the answer has one.
    public let introduction: Part?
    /// The conclusion, if the answer has one.
    public let conclusion: Part?
    /// The argument units that serve the question: headed sections or, without headings, body
    /// paragraphs. A unit that drifts from the question is left out: its arguments earn nothing.
    public let arguments: [Part]
    /// Every argument unit, on the question or not.
    public let allArguments: [Part]
    /// Evidence in reading order, outside units that drift from the question.
    public let evidence: [EvidenceItem]
    /// How many pieces of support `evidence` holds as an examiner counts them: a named event or agreement
    /// named in several paragraphs is one (`EvidenceItem.distinct`). Each paragraph keeps its own mention in
    /// `evidence`, so that a section that names it is not bare.
    public let supportCount: Int
    /// How far the answer and each body unit serve the question; nil without a question or topic data.
    public let relevance: RelevanceAnalysis?
    /// An essay's title alone at its top, read as its title rather than as a section (see `withoutEssayTitle`).
    public let essayTitle: String?
    /// False when the question sets a task that takes no position (a letter that asks for no opinion, a
    /// description, a story: the rubric's `nonArgumentTasks`, unless one of its `opinionWords` is there).
    public let owesPosition: Bool
    /// True when the question is about the past: it names a year from the rubric's `parts.pastFrom` up to its
    /// `parts.pastBefore` ("the elections of 1945-46") or a phrase of `pastQuestionWords` ("the Khilafat
    /// Movement"). Such a question owes causes, significance and a judgment, not a way forward or a look ahead.
    public let asksAboutThePast: Bool
    /// The first four letters of the question's content words (four letters or more, not stop words), for
    /// telling a stance from an echo of the question (`Stance.onlyEchoesTheQuestion`).
    let questionEchoes: Set<String>
    /// The question's key terms as keys (see `TermKey`), in order.
    public let questionKeys: [String]
    /// The question's key terms as written, parallel to `questionKeys`.
    public let questionTerms: [String]
    /// The term keys of each paragraph's words, worked out once.
    public let paragraphKeys: [TermSet]
    /// The term keys of each section's title (see `TermKey.keys`), parallel to `sections`, worked out once.
    public let titleKeys: [[String]]
    /// How often each cue list of the rubric occurs in each paragraph, worked out once.
    public let cueCounts: [String: [Int]]
    /// The cue lists of the rubric each sentence holds, worked out with `cueCounts`.
    let sentenceCues: SentenceCues
    /// True when the question sets a task that tells rather than argues (a phrase of the rubric's
    /// `tellingTasks`: a description, a story; in a CSS paper "trace", "elucidate"). Read once an answer.
    public let questionTells: Bool
    /// True when the question sets a letter or an application (a phrase of the rubric's `letterTasks`): such
    /// an answer has a letter's own length and parts, and opens with a greeting and its occasion.
    let asksForLetter: Bool
    /// The words a question sets for a story's ending (after a phrase of the rubric's `endingCues`: "ends
    /// with the words: '…'"), as written, quotation marks left out; nil when it sets none.
    let setEnding: [String]?
    /// For a description or a story (see `questionTells`), the question's key terms that are its subject, not
    /// its task: those outside the telling phrase ("write a story"), the ending cue and the ending it sets (a
    /// quoted title stays: it is the subject); nil for any other task.
    let toldKeys: [String]?
    /// Words in the body (headings, outline, paragraphs).
    public var words: Int { answer.stats.words }
    /// The language patterns' per-token classes, worked out once an answer for both of their rules.
    let languageFeatures: TokenFeatures

    /// Analyses an answer for grading.
    public init(answer: Answer, question override: String? = nil, lexicon: Lexicon, expectedWords: ClosedRange<Int>) {
        self.answer = answer
        self.lexicon = lexicon
        self.expectedWords = expectedWords
        if let q = answer.question {
            question = q
        } else if let override, !override.isEmpty {
            let directives = DirectiveFinder.directives(in: override)
            question = Question(
                label: "", number: nil, text: override, directive: directives.first, directives: directives,
                position: SourcePosition(line: 1, column: 1))
        } else {
            question = nil
        }
        // The question's words, read once for every task list asked of them.
        let asked = question.map { Tokenizer.tokens(of: [.text($0.text, at: SourcePosition(line: 1, column: 1))]) }
        owesPosition = Self.owesPosition(asked, lexicon: lexicon)
        asksAboutThePast = Self.asksAboutThePast(question?.text, lexicon: lexicon)
        questionTells = asked.map { Self.holds($0, lexicon.cue("tellingTasks")) } ?? false
        asksForLetter = asked.map { Self.holds($0, lexicon.cue("letterTasks")) } ?? false
        questionEchoes = Set(
            lowercaseWords(question?.text ?? "").filter { $0.count >= 4 && !lexicon.questionStopWords.contains($0) }
                .map { String($0.prefix(4)) })
        var builder = ContextBuilder(lexicon: lexicon)
        let sectionsRead = Self.nestedUnderUmbrellas(Self.withoutEssayTitle(answer.sections), lexicon: lexicon)
        let size = Self.size(of: sectionsRead)
        builder.reserve(words: size.words, sections: size.sections, paragraphs: size.paragraphs)
        essayTitle = sectionsRead.first?.title == nil ? answer.sections.first?.title : nil
        builder.add(sectionsRead, parent: nil)
        tokens = builder.tokens
        languageFeatures = TokenFeatures(count: builder.tokens.count)
        paragraphs = builder.paragraphs
        sentences = builder.sentences
        sections = builder.sections
        let (keys, terms) = question.map { Self.cachedKeyTerms(of: $0.text, lexicon: lexicon) } ?? ([], [])
        titleKeys = builder.sections.map { info in
            guard let title = info.section.title else { return [] }
            return TermKey.keys(title, stopWords: lexicon.stopWords)
                + Self.acronymKeys(features: info.titleFeatures, lexicon: lexicon)
        }
        questionKeys = keys
        questionTerms = terms
        (setEnding, toldKeys) = Self.storyFrame(
            asked, keys: keys, tells: questionTells && !owesPosition, lexicon)
        var keysByParagraph: [TermSet] = []
        keysByParagraph.reserveCapacity(builder.paragraphs.count)
        let allTokens = builder.tokens
        let variants = HyphenVariants(questionTerms: terms, questionKeys: keys)
        let spaced = !variants.joined.isEmpty
        for p in builder.paragraphs {
            var set = TermSet(capacity: p.tokens.count)
            for i in p.tokens where allTokens[i].kind == .word {
                set.insert(code: TermKey.code(allTokens[i].lower))
                if variants.active, allTokens[i].hasHyphen || spaced {
                    variants.add(allTokens, at: i, end: p.tokens.upperBound, to: &set)
                }
            }
            keysByParagraph.append(set)
        }
        // Every cue list counted in one pass, by paragraph and by sentence: each list matches greedily,
        // longest first, as if alone.
        (cueCounts, sentenceCues) = CueCounter.count(
            allTokens, paragraphs: builder.paragraphs, sentences: builder.sentences, lexicon: lexicon)
        // A description, a story or a diary tells; a question that owes a position (every CSS question) never
        // does, "trace" or not.
        let tells = questionTells && !owesPosition
        let parts = PartFinder(
            sections: builder.sections, paragraphs: builder.paragraphs, sentences: builder.sentences,
            settings: lexicon.partSettings, letter: asksForLetter, tells: tells)
        introduction = parts.introduction()
        conclusion = parts.conclusion()
        let units = parts.arguments(excluding: [introduction, conclusion].compactMap { $0 })
        allArguments = units
        let askedTerms = TermSet(keys)
        let askedYears = EvidenceItem.years(in: question?.text)
        // Counted after the drifting paragraphs are left out, so that a repeat is judged among what counts.
        let support = { (items: [EvidenceItem]) in
            EvidenceItem.distinct(items, asked: askedTerms, askedYears: askedYears, stopWords: lexicon.stopWords) {
                Self.acronymKeys(of: $0, lexicon: lexicon)
            }
        }
        if let question, !lexicon.topicModel.isEmpty {
            let judge = RelevanceJudge(
                model: lexicon.topicModel, settings: lexicon.relevanceSettings, taskWords: lexicon.cue("taskWords"),
                aspectWords: lexicon.cue("aspectWords"), properKeys: lexicon.properKeys, focusCache: lexicon.focusCache,
                dictionary: lexicon.dictionary,
                // A description's or a story's paragraphs tell stages of the subject without naming it.
                tells: tells)
            var analysis = judge.analyse(
                question: question, tokens: builder.tokens, paragraphs: builder.paragraphs,
                sections: builder.sections, units: units)
            if !analysis.offTopic {
                Self.markUnasked(&analysis, question: question.text, sections: builder.sections, lexicon: lexicon)
                Self.markHome(
                    &analysis, question: question.text, tokens: builder.tokens, paragraphs: builder.paragraphs,
                    lexicon: lexicon)
            }
            relevance = analysis
            for (p, concepts) in analysis.paragraphConcepts.enumerated() {
                for code in concepts { keysByParagraph[p].insert(code: code) }
            }
            // An answer off the question is capped as a whole, and only what serves the question counts
            // under the cap; in one that drifts in places, the drifting units' arguments and evidence earn
            // nothing.
            let drifting = analysis.offTopic ? analysis.units.filter { !$0.servesQuestion } : analysis.drifting
            if drifting.isEmpty {
                arguments = units
                (evidence, supportCount) = support(builder.evidence)
            } else {
                let names = Set(drifting.map(\.name))
                arguments = units.filter { !names.contains($0.name) }
                let off = Set(drifting.flatMap(\.paragraphs))
                (evidence, supportCount) = support(builder.evidence.filter { !off.contains($0.paragraph) })
            }
        } else {
            relevance = nil
            arguments = units
            (evidence, supportCount) = support(builder.evidence)
        }
        paragraphKeys = keysByParagraph
    }

    /// The acronyms a short text (a heading, a source's name) names, short or in full, as `acronym:…`
    /// keys, read on its bytes.
    static func acronymKeys(of text: String, lexicon: Lexicon) -> [String] {
        guard !lexicon.topicModel.isEmpty else { return [] }
        return acronymKeys(features: lexicon.topicModel.dataFeatures(of: text), lexicon: lexicon)
    }

    /// `acronymKeys(of:)` from a text's features already read (a heading's, read once a section).
    static func acronymKeys(features: [UInt64], lexicon: Lexicon) -> [String] {
        let model = lexicon.topicModel
        guard !model.isEmpty else { return [] }
        var concepts: [String] = []
        for f in features {
            guard let a = model.acronymByFeature[f] else { continue }
            let key = "acronym:" + model.acronyms.short(a).lowercased()
            if !concepts.contains(key) { concepts.append(key) }
        }
        return concepts
    }

    /// How many sections and paragraphs a tree holds, and the words of its paragraphs.
    static func size(of list: [Section]) -> (sections: Int, paragraphs: Int, words: Int) {
        var out = (sections: 0, paragraphs: 0, words: 0)
        func add(_ list: [Section]) {
            for section in list {
                out.sections += 1
                out.paragraphs += section.paragraphs.count
                out.words += section.ownWords
                add(section.sections)
            }
        }
        add(list)
        return out
    }

    /// `keyTerms`, worked out once per question text and lexicon.
    static func cachedKeyTerms(of text: String, lexicon: Lexicon) -> (keys: [String], terms: [String]) {
        if let known = lexicon.keyTermsCache.get(text) { return (known.keys, known.terms) }
        let (keys, terms) = keyTerms(of: text, lexicon: lexicon)
        lexicon.keyTermsCache.set(text, KeyTerms(keys: keys, terms: terms))
        return (keys, terms)
    }

    /// An essay's title alone at its top ("A Rainy Day" over every paragraph, no other heading) is its title,
    /// not a section: the answer is judged as one without headings.
    static func withoutEssayTitle(_ sections: [Section]) -> [Section] {
        guard sections.count == 1, let only = sections.first, only.title != nil, only.sections.isEmpty,
            only.role == nil, only.paragraphs.count >= 2, only.outline.isEmpty
        else { return sections }
        var lead = only
        lead.title = nil
        lead.numbering = nil
        lead.heading = []
        lead.form = nil
        lead.level = 0
        lead.position = only.paragraphs[0].range.start
        return [lead]
    }

    /// Headings of one form and level that follow an umbrella heading ("Causes of Smog", a word of the rubric's
    /// `umbrellaTitles` in its title and no role, or a way-forward or challenges heading with no text at all:
    /// "Measures to Increase Exports:"; its own text shorter than `parts.leadWords`, no subsections) are read as
    /// its subsections, as an examiner reads them: "Vehicular Emissions" and "Crop Residue Burning" after
    /// "Causes of Smog" are causes. Only unnumbered headings: numbers mark siblings. The run stops at a heading
    /// with a role, another umbrella word, another form or level, or a number; it takes at least two
    /// headings, or none.
    static func nestedUnderUmbrellas(_ sections: [Section], lexicon: Lexicon) -> [Section] {
        let umbrellas = lexicon.cue("umbrellaTitles")
        guard umbrellas.count > 0, sections.count > 2 else { return sections }
        func isUmbrella(_ title: String) -> Bool {
            // Most titles hold no word that starts an umbrella phrase: said on their bytes, not tokenized.
            if mayHoldPhrase(title, umbrellas) == false { return false }
            let tokens = Tokenizer.tokens(of: [.text(title, at: SourcePosition(line: 1, column: 1))])
            return tokens.indices.contains {
                tokens[$0].kind == .word && umbrellas.match(tokens, at: $0, limit: tokens.count) != nil
            }
        }
        var out: [Section] = []
        var i = 0
        while i < sections.count {
            var head = sections[i]
            i += 1
            // A way-forward or challenges heading over headings of its own form holds them too ("Measures to
            // Increase Exports:" over "Diversification:", "Value Addition:"…, batch u): its measures are its parts.
            // Only a heading with no text of its own: one over a list of its points is a section, not a title.
            let umbrellaRole = (head.role == .wayForward || head.role == .challenges) && head.paragraphs.isEmpty
            guard let title = head.title, head.role == nil || umbrellaRole, head.numbering == nil,
                head.sections.isEmpty,
                head.paragraphs.reduce(0, { $0 + $1.words }) < lexicon.partSettings.leadWords,
                umbrellaRole || isUmbrella(title)
            else {
                out.append(head)
                continue
            }
            var run: [Section] = []
            var j = i
            while j < sections.count {
                let next = sections[j]
                guard let t = next.title, next.role == nil, next.form == head.form, next.level == head.level,
                    next.numbering == nil, next.outline.isEmpty, !isUmbrella(t)
                else { break }
                run.append(next)
                j += 1
            }
            if run.count >= 2 {
                head.sections = run.map { child in
                    var c = child
                    c.level = head.level + 1
                    return c
                }
                head.endLine = run.last?.endLine ?? head.endLine
                i = j
            }
            out.append(head)
        }
        return out
    }

    /// False when a title cannot hold a phrase of `table` because none of its words starts one; nil when the
    /// title is not plain enough to say so without the tokenizer. Read on the bytes of an ASCII title whose words
    /// are its runs of letters and digits: a hyphen, an apostrophe, or a full stop or comma between two of
    /// those runs (which the tokenizer may join into one word), or a byte past ASCII, gives nil. A run of digits
    /// alone is a number, not a word, and starts no phrase (`isUmbrella` reads words only).
    static func mayHoldPhrase(_ title: String, _ table: PhraseTable) -> Bool? {
        var title = title
        return title.withUTF8 { bytes -> Bool? in
            func isAlphanumeric(_ b: UInt8) -> Bool {
                (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39)
            }
            let n = bytes.count
            var i = 0
            while i < n {
                let b = bytes[i]
                guard isAlphanumeric(b) else {
                    if b >= 0x80 || b == UInt8(ascii: "-") || b == UInt8(ascii: "'") { return nil }
                    let joins = b == UInt8(ascii: ".") || b == UInt8(ascii: ",")
                    if joins, i > 0, i + 1 < n,
                        isAlphanumeric(bytes[i - 1]), isAlphanumeric(bytes[i + 1])
                    {
                        return nil
                    }
                    i += 1
                    continue
                }
                // One word: its lowercase bytes hashed as `WordKey.of` hashes them.
                var hash: UInt64 = 0xCBF2_9CE4_8422_2325
                var letters = false
                while i < n, isAlphanumeric(bytes[i]) {
                    let c = bytes[i]
                    if c >= 0x41 { letters = true }
                    hash ^= UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
                    hash = hash &* 0x0000_0100_0000_01B3
                    i += 1
                }
                if letters, table.startsPhrase(key: hash) { return true }
            }
            return false
        }
    }

    /// See `owesPosition`: a question without text owes one.
    static func owesPosition(_ tokens: [Token]?, lexicon: Lexicon) -> Bool {
        let tasks = lexicon.cue("nonArgumentTasks")
        guard let tokens, tasks.count > 0 else { return true }
        let opinion = lexicon.cue("opinionWords")
        var task = false
        for i in tokens.indices where tokens[i].kind == .word {
            if opinion.match(tokens, at: i, limit: tokens.count) != nil { return true }
            if tasks.match(tokens, at: i, limit: tokens.count) != nil { task = true }
        }
        return !task
    }

    /// True when a question's words hold a phrase of a cue list (`tellingTasks`…); false when the list is empty.
    static func holds(_ tokens: [Token], _ phrases: PhraseTable) -> Bool {
        guard phrases.count > 0 else { return false }
        return tokens.indices.contains {
            tokens[$0].kind == .word && phrases.match(tokens, at: $0, limit: tokens.count) != nil
        }
    }

    /// See `setEnding` and `toldKeys`: read from the question's words, only for a task that tells.
    static func storyFrame(
        _ tokens: [Token]?, keys: [String], tells: Bool, _ lexicon: Lexicon
    ) -> (ending: [String]?, told: [String]?) {
        // Only a story or a description sets its ending: an essay "ending with the Simla Agreement" sets a
        // scope, not the last words (review of the tenth session).
        guard let tokens, tells else { return (nil, nil) }
        let endings = lexicon.cue("endingCues")
        let tasks = lexicon.cue("tellingTasks")
        var kept = Set<String>()
        var ending: [String]?
        var current: [String] = []
        var inQuote = false
        var collecting = false
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if t.kind == .punctuation {
                if quoteMarks.contains(t.text) {
                    if inQuote {
                        inQuote = false
                        if collecting, !current.isEmpty, ending == nil { ending = current }
                        collecting = false
                    } else {
                        inQuote = true
                    }
                } else if collecting, !inQuote, !current.isEmpty, ".?!".contains(t.text) {
                    if ending == nil { ending = current }
                    collecting = false
                }
                i += 1
                continue
            }
            if !inQuote, t.kind == .word {
                if endings.count > 0, let n = endings.match(tokens, at: i, limit: tokens.count) {
                    collecting = true
                    current = []
                    i += n
                    continue
                }
                if tells, tasks.count > 0, let n = tasks.match(tokens, at: i, limit: tokens.count) {
                    i += n
                    continue
                }
            }
            if collecting {
                current.append(t.text)
            } else if tells {
                for word in lowercaseWords(t.text) { kept.insert(TermKey.key(word)) }
            }
            i += 1
        }
        if collecting, !current.isEmpty, ending == nil { ending = current }
        return (ending, tells ? keys.filter { $0.hasPrefix("acronym:") || kept.contains($0) } : nil)
    }

    /// The marks that open or close a quotation in a question.
    static let quoteMarks: Set<String> = ["\"", "“", "”", "'", "‘", "’"]

    /// See `asksAboutThePast`: a question without text does not.
    static func asksAboutThePast(_ text: String?, lexicon: Lexicon) -> Bool {
        guard let text else { return false }
        let before = lexicon.partSettings.pastBefore
        let words = lexicon.cue("pastQuestionWords")
        let tokens = Tokenizer.tokens(of: [.text(text, at: SourcePosition(line: 1, column: 1))])
        for i in tokens.indices where tokens[i].kind == .word || tokens[i].kind == .number {
            if let year = Self.leadingYear(tokens[i].text), year >= lexicon.partSettings.pastFrom, year < before {
                return true
            }
            if tokens[i].kind == .word, words.count > 0, words.match(tokens, at: i, limit: tokens.count) != nil {
                return true
            }
        }
        return false
    }

    /// The year a token opens with: its first four characters when they are digits and no digit follows
    /// ("1945-46" and "1857's" give 1945 and 1857; "12000" gives none).
    static func leadingYear(_ text: String) -> Int? {
        var year = 0
        var digits = 0
        for b in text.utf8 {
            guard b >= 0x30, b <= 0x39 else { break }
            digits += 1
            guard digits <= 4 else { return nil }
            year = year * 10 + Int(b - 0x30)
        }
        return digits == 4 ? year : nil
    }

    /// A text's key terms as keys and as written: content words (not stop or task words) cut to their
    /// `TermKey`, and acronyms, short or in full, as one `acronym:…` key each (SCO and Shanghai
    /// Cooperation Organisation are one term).
    static func keyTerms(of text: String, lexicon: Lexicon) -> (keys: [String], terms: [String]) {
        let tokens = Tokenizer.tokens(of: [.text(text, at: SourcePosition(line: 1, column: 1))])
        let stop = lexicon.questionStopWords
        let task = lexicon.cue("taskWords")
        var keys: [String] = []
        var terms: [String] = []
        func add(_ key: String, _ term: String) {
            guard key.count >= 3, !keys.contains(key) else { return }
            keys.append(key)
            terms.append(term)
        }
        var i = 0
        while i < tokens.count {
            guard tokens[i].kind == .word else {
                i += 1
                continue
            }
            if let length = task.match(tokens, at: i, limit: tokens.count) {
                i += length
                continue
            }
            if let (length, acronym) = lexicon.topicModel.concept(tokens, at: i, limit: tokens.count) {
                add("acronym:" + acronym.short.lowercased(), acronym.short)
                i += length
                continue
            }
            for word in lowercaseWords(tokens[i].text)
            where !stop.contains(word) && word.unicodeScalars.contains(where: \.isAlphabeticScalar) {
                add(TermKey.key(word), word)
            }
            i += 1
        }
        return (keys, terms)
    }

    /// The keys of the words in some paragraphs.
    public func keys(inParagraphs indices: [Int]) -> TermSet {
        var out = TermSet()
        for p in indices { out.formUnion(paragraphKeys[p]) }
        return out
    }

    /// The fair text of some paragraphs.
    public func text(ofParagraphs indices: [Int]) -> String {
        indices.map { paragraphs[$0].paragraph.text }.joined(separator: " ")
    }

    /// A short excerpt of a paragraph for a finding.
    public func excerpt(paragraph index: Int, limit: Int = 60) -> String {
        let text = paragraphs[index].paragraph.text
        return text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }

    /// The range of tokens `a..<b`.
    public func range(tokens a: Int, _ b: Int) -> SourceRange {
        SourceRange(start: tokens[a].position, end: tokens[max(a, b - 1)].end)
    }

    /// The text of tokens `a..<b`, spaced as written.
    public func text(tokens a: Int, _ b: Int) -> String {
        var out = ""
        for k in a..<b {
            if k > a, tokens[k].spaceBefore { out += " " }
            out += tokens[k].text
        }
        return out
    }
}
