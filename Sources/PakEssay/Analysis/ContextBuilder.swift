/// Flattens the section tree into paragraphs, tokens, sentences and evidence, in one walk.
struct ContextBuilder {
    let lexicon: Lexicon
    let finder: EvidenceFinder
    /// What may follow a sentence's end and still belong to it.
    static let closers: Set<String> = ["”", "\"", "’", "'", ")", ".", "?", "!"]
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "no", "st", "vs", "etc", "e", "i", "g", "prof", "gen", "lt", "col", "maj", "govt",
        "rs", "u", "s", "jr", "sr", "art",
    ]
    private var tokenizer = Tokenizer()
    var tokens: [Token] { tokenizer.tokens }
    var paragraphs: [GradingContext.ParagraphInfo] = []
    var sentences: [GradingContext.SentenceInfo] = []
    var sections: [GradingContext.SectionInfo] = []
    var evidence: [EvidenceItem] = []
    /// The lists a title's words are read into, kept from section to section.
    private var titleWords = DataWords()

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        finder = EvidenceFinder(lexicon: lexicon)
    }

    /// Room for the tokens of paragraphs of `words` words and their punctuation (a fifth more is usual), and
    /// for the records of `sections` sections and `paragraphs` paragraphs: reserved, not grown, so that a long
    /// answer holds no list at up to twice its length (headings' words are not tokenized here, so not counted).
    mutating func reserve(words: Int, sections: Int = 0, paragraphs: Int = 0) {
        tokenizer.reserve(words + words / 2 + 64)
        self.sections.reserveCapacity(sections)
        self.paragraphs.reserveCapacity(paragraphs)
    }

    mutating func add(_ list: [Section], parent: Int?) {
        for section in list {
            let index = sections.count
            // Only the parent's number and role are needed: read them in place, not by copying its info.
            let parentNumber = parent.flatMap { sections[$0].qualifiedNumber }
            let parentRole = parent.flatMap { sections[$0].role }
            var qualified = section.number
            if let number = section.number, section.numbering?.style != .decimal, let up = parentNumber {
                qualified = up + (number.hasPrefix("(") ? number : "(\(number))")
            }
            let name = section.title == nil ? "the opening" : qualified.map { "section \($0)" } ?? section.displayName
            var info = GradingContext.SectionInfo(
                section: section, parent: parent, paragraphs: [], children: [], ownWords: section.ownWords,
                range: SourceRange(at: section.position), role: section.role ?? parentRole,
                qualifiedNumber: qualified, name: name)
            if section.title != nil {
                let end = SourcePosition(
                    line: section.position.line,
                    column: section.position.column
                        + max(
                            1,
                            (section.number.map { Self.characters($0) + 1 } ?? 0)
                                + (section.title.map(Self.characters) ?? 0)))
                info.range = SourceRange(start: section.position, end: end)
            }
            if let title = section.title, !lexicon.topicModel.isEmpty {
                info.titleFeatures = lexicon.topicModel.dataFeatures(of: title, words: &titleWords)
            }
            sections.append(info)
            if let parent { sections[parent].children.append(index) }
            for paragraph in section.paragraphs {
                sections[index].paragraphs.append(paragraphs.count)
                addParagraph(paragraph, section: index)
            }
            add(section.sections, parent: index)
        }
    }

    /// `text.count` without breaking graphemes when the text is ASCII with no carriage return (each byte
    /// is then one character): a title's length is taken for every section.
    static func characters(_ text: String) -> Int {
        for b in text.utf8 where b >= 0x80 || b == 0x0D { return text.count }
        return text.utf8.count
    }

    private mutating func addParagraph(_ paragraph: Paragraph, section: Int) {
        let start = tokenizer.tokens.count
        tokenizer.append(paragraph.content)
        let tokens = tokenizer.tokens
        let end = tokens.count
        let firstSentence = sentences.count
        let index = paragraphs.count
        var s = start
        var words = 0
        var k = start
        while k < end {
            let t = tokens[k]
            if t.kind != .punctuation { words += 1 }
            if t.kind == .punctuation, t.text == "." || t.text == "?" || t.text == "!" || t.text == "…",
                !isAbbreviation(k, start)
            {
                var stop = k + 1
                // Closing quotes and brackets stay with the sentence they close; a straight quote after a
                // space opens the next one.
                while stop < end, tokens[stop].kind == .punctuation, ContextBuilder.closers.contains(tokens[stop].text),
                    !(tokens[stop].spaceBefore && (tokens[stop].text == "\"" || tokens[stop].text == "'"))
                { stop += 1 }
                if words > 0 { sentences.append(.init(tokens: s..<stop, paragraph: index, words: words)) }
                s = stop
                words = 0
                k = stop
                continue
            }
            k += 1
        }
        if s < end, words > 0 { sentences.append(.init(tokens: s..<end, paragraph: index, words: words)) }
        let sentenceRanges = sentences[firstSentence...].map(\.tokens)
        paragraphs.append(
            .init(
                paragraph: paragraph, section: section, tokens: start..<end, sentences: firstSentence..<sentences.count)
        )
        evidence += finder.find(tokens, in: start..<end, paragraph: index, sentences: Array(sentenceRanges))
    }

    /// A full stop after "Dr", "No", "e.g." and the like does not end a sentence.
    private func isAbbreviation(_ k: Int, _ start: Int) -> Bool {
        let tokens = tokenizer.tokens
        guard tokens[k].text == ".", k > start else { return false }
        let previous = tokens[k - 1]
        guard previous.kind == .word, !previous.spaceBefore || k - 1 == start || true else { return false }
        if ContextBuilder.abbreviations.contains(previous.lower), previous.characterCount <= 4 {
            // "(Tlatelolco, Pelindaba, etc.) and bilateral treaties": the stop closes the abbreviation, the
            // bracket the aside, and the lowercase word after them goes on with the same sentence.
            var next = k + 1
            while next < tokens.count, tokens[next].text == ")" || tokens[next].text == "]" { next += 1 }
            if next > k + 1, next < tokens.count, tokens[next].kind == .word, !tokens[next].isCapitalized {
                return true
            }
            // "No." before a number, "Dr." before a name; a lone capital initial ("A. Q. Khan").
            if k + 1 < tokens.count,
                tokens[k + 1].kind == .number || tokens[k + 1].isCapitalized || previous.lower.utf8.count == 1
                    || previous.lower.count == 1
            {
                return true
            }
        }
        if previous.characterCount == 1, previous.isCapitalized, k + 1 < tokens.count, tokens[k + 1].isCapitalized,
            tokens[k + 1].characterCount <= 2
        {
            return true
        }
        // The last stop of capital initials ("our P.T. teacher", "the U.N. forces"): a lowercase word after
        // it goes on with the sentence.
        if previous.characterCount == 1, previous.isCapitalized, !previous.spaceBefore, k - 3 >= start,
            tokens[k - 2].text == ".", tokens[k - 3].kind == .word, tokens[k - 3].characterCount == 1,
            tokens[k - 3].isCapitalized, k + 1 < tokens.count, tokens[k + 1].kind == .word,
            !tokens[k + 1].isCapitalized
        {
            return true
        }
        return false
    }
}

/// The thresholds an answer is divided into its parts by, from the rubric's `parts` table.
public struct PartSettings: Sendable {
    /// Words of a section's own text, before its subsections, that make it a point of its own.
    public var leadWords = 100
    /// Words of a letter's last paragraph at most which make it a courtesy, not its whole close.
    public var courtesyWords = 30
    /// A year: a question that names an earlier one is about the past (see `GradingContext.asksAboutThePast`).
    public var pastBefore = 2000
    /// The earliest year that makes a question one about the past (a smaller number is a count, not a year).
    public var pastFrom = 1800

    /// The defaults.
    public init() {}

    /// Sets the threshold of this name (one of `RubricDecoder.partKeys`); another name changes nothing.
    mutating func set(_ name: String, to value: Int) {
        switch name {
        case "leadWords": leadWords = value
        case "courtesyWords": courtesyWords = value
        case "pastBefore": pastBefore = value
        case "pastFrom": pastFrom = value
        default: break
        }
    }
}

/// Finds the introduction, conclusion and argument units of an answer.
struct PartFinder {
    let sections: [GradingContext.SectionInfo]
    let paragraphs: [GradingContext.ParagraphInfo]
    let sentences: [GradingContext.SentenceInfo]
    /// The rubric's thresholds.
    let settings: PartSettings
    /// True when the question sets a letter: only then is a block of short lines an address (`isAddressBlock`).
    var letter = false
    /// True when the question sets a task that tells and takes no position (a description, a story, a diary:
    /// the rubric's `tellingTasks`): its last paragraph is its ending, whatever its first words.
    var tells = false

    private func part(
        _ name: String, section: Int?, paragraphs list: [Int], range: SourceRange? = nil, role: SectionRole? = nil
    ) -> GradingContext.Part {
        let words = list.reduce(0) { $0 + paragraphs[$1].paragraph.words }
        let count = list.reduce(0) { $0 + paragraphs[$1].sentences.count }
        let r =
            range ?? list.first.map { paragraphs[$0].paragraph.range }
            ?? SourceRange(at: SourcePosition(line: 1, column: 1))
        return GradingContext.Part(
            name: name, range: r, paragraphs: list, section: section, role: role, words: words, sentences: count)
    }

    /// All paragraphs of a section and its subsections.
    func allParagraphs(_ index: Int) -> [Int] {
        sections[index].paragraphs + sections[index].children.flatMap(allParagraphs)
    }

    var hasHeadings: Bool { sections.contains { $0.section.title != nil } }

    /// Phrases that open the formalities of a letter: the address, the salutation and the sign-off.
    static let letterFormalities: [[String]] = [
        ["to", "the", "editor"], ["the", "editor"], ["dear"], ["sir"], ["madam"], ["respected"], ["yours"],
        ["sincerely"], ["regards"], ["best", "regards"], ["subject"], ["date"],
    ]

    /// True when a paragraph is a letter's formality, not its prose: twelve words or fewer, opening with
    /// an address, a salutation or a sign-off ("To the Editor, Daily Dawn, Karachi.", "Yours truly, …"),
    /// or a subject line, or not ending as a sentence ends (the sender's address and the date:
    /// "Examination Hall, City A.B.C. 15 May, 2024").
    func isFormality(_ p: Int) -> Bool {
        Self.isFormality(paragraphs[p].paragraph, letter: letter)
    }

    /// `isFormality(_:)` for one paragraph; `letter` when the question sets a letter, where a block of short
    /// lines is an address or a date (elsewhere it is verse or a story's short sentences set out in lines).
    static func isFormality(_ paragraph: Paragraph, letter: Bool) -> Bool {
        // An address block runs to several lines of names ("To / The Secretary, / Ministry of …").
        if paragraph.words <= 30, opensAddressBlock(paragraph) || letter && isAddressBlock(paragraph) { return true }
        // A subject line runs longer than a salutation ("Subject: Request for the repair of fans and lights of
        // class 10th B", batch u): it heads the letter, it does not open it.
        if letter, paragraph.words <= 30, opensWithSubject(paragraph.text) { return true }
        guard paragraph.words <= 12 else { return false }
        let words = lowercaseWords(String(paragraph.text.prefix(40)))
        if letterFormalities.contains(where: { f in words.count >= f.count && words[0..<f.count].elementsEqual(f) }) {
            return true
        }
        let last = paragraph.text.unicodeScalars.last { !$0.properties.isWhitespace }
        return last.map { !".?!\"”’'".unicodeScalars.contains($0) } ?? true
    }

    /// True when a text opens as a subject line: "Subject" or "Sub" in any case, then a colon ("Subject: Request
    /// for …", "Sub: Application"), or after "Subject" a dash set off by a space ("SUBJECT - Leave", "Subject –
    /// Leave"), read on its bytes. A sentence that opens with the word ("Subject to the approval of the board"),
    /// a compound ("Subject-matter", "Sub-continent") and "Subjects" are prose.
    static func opensWithSubject(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        var b = bytes.next()
        var whole = true
        for (n, expected) in "subject".utf8.enumerated() {
            guard let c = b, c | 0x20 == expected else {
                // "Sub" alone may stand for the word; a word begun otherwise is not it.
                if n == 3 {
                    whole = false
                    break
                }
                return false
            }
            b = bytes.next()
        }
        var spaced = false
        while b == UInt8(ascii: " ") {
            spaced = true
            b = bytes.next()
        }
        if b == UInt8(ascii: ":") { return true }
        guard whole, spaced else { return false }
        if b == UInt8(ascii: "-") { return true }
        // The en dash and the em dash: E2 80 93, E2 80 94.
        guard b == 0xE2, bytes.next() == 0x80, let last = bytes.next() else { return false }
        return last == 0x93 || last == 0x94
    }

    /// True when a paragraph's first line is "To" alone, as an address block opens ("To / The Principal, /
    /// Government High School No. 2, / Sahiwal.").
    static func opensAddressBlock(_ paragraph: Paragraph) -> Bool {
        var line = ""
        for piece in paragraph.content {
            if case .lineBreak = piece { break }
            guard case .text(let t, _) = piece else { return false }
            line += t
        }
        return line.count < paragraph.text.count && lowercaseWords(line) == ["to"]
    }

    /// Words a line of an address or a date runs to at most ("Government Degree College,").
    static let addressLineWords = 6

    /// True when a paragraph is an address or a date set out line by line, each line short and ending in a
    /// comma or a full stop ("Examination Hall, / A.B.C. City. / Dated: 1st December, 2026."; "The Principal,
    /// / Government Degree College, / A.B.C. City."): the sender's or the addressee's block, not the letter's
    /// opening (finding review 11: m10).
    static func isAddressBlock(_ paragraph: Paragraph) -> Bool {
        var lines = 1
        var line = ""
        func fits(_ line: String) -> Bool {
            let last = line.unicodeScalars.last { !$0.properties.isWhitespace }
            return (last == "," || last == ".") && lowercaseWords(line).count <= addressLineWords
        }
        for piece in paragraph.content {
            switch piece {
            case .lineBreak:
                guard fits(line) else { return false }
                lines += 1
                line = ""
            case .text(let t, _): line += t
            default: return false
            }
        }
        return lines >= 2 && fits(line)
    }

    /// The body paragraphs of an answer without headings, its letter formalities left out.
    var proseParagraphs: [Int] { paragraphs.indices.filter { !isFormality($0) } }

    /// True when the answer is a letter: a paragraph of it salutes or signs off ("Dear Sir,", "Yours truly,").
    var isLetter: Bool {
        paragraphs.contains { info in
            guard info.paragraph.words <= 12 else { return false }
            let words = lowercaseWords(String(info.paragraph.text.prefix(24)))
            return words.first.map(HeadingRecognizer.salutations.contains) ?? false
        }
    }

    func introduction() -> GradingContext.Part? {
        if let i = sections.firstIndex(where: { $0.section.role == .introduction }) {
            let list = allParagraphs(i)
            return list.isEmpty
                ? nil
                : part(sections[i].name, section: i, paragraphs: list, range: sections[i].range, role: .introduction)
        }
        guard let first = sections.first, !paragraphs.isEmpty else { return nil }
        if first.section.title == nil {
            // Text before the first heading, or the first paragraph of an answer without headings.
            // A one-paragraph answer has no introduction apart from its body.
            let prose = proseParagraphs
            guard hasHeadings || prose.count >= 2 else { return nil }
            let list = hasHeadings ? first.paragraphs : [prose[0]]
            let lead = list.filter {
                !SectionRoles.opensWithConcludingCue(paragraphs[$0].paragraph.text) || paragraphs.count == 1
            }
            return lead.isEmpty
                ? nil : part(hasHeadings ? "the opening" : "the first paragraph", section: 0, paragraphs: lead)
        }
        return nil
    }

    func conclusion() -> GradingContext.Part? {
        if let i = sections.lastIndex(where: { $0.section.role == .conclusion }) {
            let list = allParagraphs(i)
            return part(sections[i].name, section: i, paragraphs: list, range: sections[i].range, role: .conclusion)
        }
        let prose = hasHeadings ? Array(paragraphs.indices) : proseParagraphs
        guard prose.count >= 2, let last = prose.last else { return nil }
        let text = paragraphs[last].paragraph.text
        let concludes = SectionRoles.opensWithConcludingCue(text) || SectionRoles.hasConcludingSentence(text)
        // A letter's last short paragraph that does not conclude in so many words is its courtesy ("I hope
        // you will publish my letter…"): its close is that and the request before it.
        if !hasHeadings, isLetter, !concludes, prose.count >= 4,
            paragraphs[last].paragraph.words <= settings.courtesyWords
        {
            return part("the letter's close", section: nil, paragraphs: [prose[prose.count - 2], last])
        }
        // A story or a description has no position to restate: its last paragraph, the resolution or the
        // reflection it closes on ("It was then that I understood …"), is its ending (finding review 12).
        if concludes
            || (!hasHeadings && prose.count >= 3
                && (closes(last) || isShortClose(last, of: prose) || isLetter || tells))
            || (!hasHeadings && prose.count == 2 && isClosingSummary(last, after: prose[0]))
        {
            return part("the last paragraph", section: nil, paragraphs: [last])
        }
        return nil
    }

    /// True when the second and last paragraph of a two-paragraph answer closes it: it opens with a closing
    /// word ("So I agree that study alone is better…") and is at most half as long as the paragraph before
    /// it. A short essay that crams its points into one paragraph still closes with its position restated.
    func isClosingSummary(_ last: Int, after first: Int) -> Bool {
        let words = paragraphs[last].paragraph.words
        guard words >= 10, words * 2 <= paragraphs[first].paragraph.words else { return false }
        let opening = lowercaseWords(String(paragraphs[last].paragraph.text.prefix(20)))
        return opening.first.map(Self.closingOpeners.contains) ?? false
    }

    /// True when the last paragraph of an answer without headings is a short close after longer body
    /// paragraphs: at most half the median body paragraph, and ten words or more ("I hope that by
    /// publishing this letter…", "It was a memorable day…"). A letter or a description closes so.
    func isShortClose(_ last: Int, of prose: [Int]) -> Bool {
        let body = prose.dropFirst().dropLast().map { paragraphs[$0].paragraph.words }.sorted()
        guard !body.isEmpty else { return false }
        let words = paragraphs[last].paragraph.words
        guard words >= 10 && words * 2 <= body[body.count / 2] else { return false }
        // A short paragraph that carries the argument on ("On the other hand, critics…") is a point.
        let opening = lowercaseWords(String(paragraphs[last].paragraph.text.prefix(40)))
        if opening.starts(with: ["on", "the", "other", "hand"]) { return false }
        return !(opening.first.map(Self.continuingOpeners.contains) ?? false)
    }

    /// Words that open a paragraph carrying an argument on, not closing it.
    static let continuingOpeners: Set<String> = [
        "however", "but", "moreover", "furthermore", "also", "another", "secondly", "thirdly", "fourthly",
        "similarly", "besides", "additionally", "yet", "although", "likewise", "meanwhile", "critics",
    ]

    /// Words that open a closing paragraph besides the concluding cues.
    static let closingOpeners: Set<String> = [
        "thus", "therefore", "hence", "overall", "ultimately", "finally", "lastly", "so",
    ]

    /// True when the last paragraph of an answer without headings draws it together: it opens with a
    /// closing word, or restates the opening: three or more of its longer words, and at least 30% of
    /// them, are the opening paragraph's (a body paragraph on the same topic shares far fewer).
    func closes(_ last: Int) -> Bool {
        let text = paragraphs[last].paragraph.text
        if let first = lowercaseWords(String(text.prefix(20))).first, Self.closingOpeners.contains(first) {
            return true
        }
        let terms = { (k: Int) in Set(lowercaseWords(paragraphs[k].paragraph.text).filter { $0.count >= 5 }) }
        let own = terms(last)
        let shared = terms(proseParagraphs.first ?? 0).intersection(own).count
        return shared >= 3 && shared * 10 >= own.count * 3
    }

    /// True when a paragraph is developed at length: three sentences and 50 words or more.
    func isDeveloped(_ p: Int) -> Bool {
        paragraphs[p].sentences.count >= 3 && paragraphs[p].paragraph.words >= 50
    }

    /// A section's own paragraphs as argument units: one unit, or, when three or more of them are developed
    /// at length (a run of points under one heading), one unit from each developed paragraph (with the short
    /// ones that follow it). One point carried over two paragraphs stays one unit.
    func units(of own: [Int], in i: Int) -> [GradingContext.Part] {
        let info = sections[i]
        let starts = own.indices.filter { isDeveloped(own[$0]) }
        guard starts.count >= 3 else {
            return [part(info.name, section: i, paragraphs: own, range: info.range, role: info.role)]
        }
        var bounds = starts
        bounds[0] = 0
        return bounds.indices.map { k in
            let list = Array(own[bounds[k]..<(k + 1 < bounds.count ? bounds[k + 1] : own.count)])
            let name = "\(info.name), paragraph \(bounds[k] + 1)"
            return part(name, section: i, paragraphs: list, range: k == 0 ? info.range : nil, role: info.role)
        }
    }

    func arguments(excluding parts: [GradingContext.Part]) -> [GradingContext.Part] {
        let taken = Set(parts.flatMap(\.paragraphs))
        let takenSections = Set(parts.compactMap(\.section))
        var out: [GradingContext.Part] = []
        guard hasHeadings else {
            for p in proseParagraphs where !taken.contains(p) {
                out.append(part("paragraph \(p + 1)", section: nil, paragraphs: [p]))
            }
            return out
        }
        for (i, info) in sections.enumerated() where info.section.title != nil && !takenSections.contains(i) {
            if let parent = info.parent, takenSections.contains(parent) { continue }
            let own = info.paragraphs.filter { !taken.contains($0) }
            // A section's own text before its subsections is a point of its own when it runs to two
            // paragraphs or to the rubric's `leadWords`; a short lead ("CPEC offers many prospects:") only
            // introduces them. Subsections whose titles each name a role other than the section's (a way
            // forward set under the last numbered point, as a `Title:` heading is) are no parts of its point:
            // its text stands alone.
            let ownWords = own.reduce(0) { $0 + paragraphs[$1].paragraph.words }
            let parted = info.children.contains { k in
                sections[k].section.role.map { $0 == info.role } ?? true
            }
            if !parted ? !own.isEmpty : own.count >= 2 || ownWords >= settings.leadWords {
                out += units(of: own, in: i)
            }
        }
        return out
    }
}
