/// A piece of support an examiner looks for.
public struct EvidenceItem: Sendable, Hashable {
    /// The kinds of support.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A year or a date.
        case date
        /// A figure with its unit or currency.
        case figure
        /// A named source: a newspaper, institution, report or index.
        case source
        /// A quotation with its speaker.
        case quotation
        /// A named event, agreement, plan or operation.
        case named
    }

    /// What kind of support.
    public var kind: Kind
    /// The words, as written.
    public var text: String
    /// Where it stands.
    public var range: SourceRange
    /// The index of its paragraph in the analysis.
    public var paragraph: Int
}

extension EvidenceItem {
    /// The evidence that supports an answer, as an examiner counts it: a source, a date or a named event
    /// named again in the same paragraph is not new support (the first mention stands; "April 2025" and
    /// "2025" are two dates); an institution or an event the question itself names, short or in full, is its
    /// topic, not support (the UN in an answer on the UN's role, the Simla Agreement in one on its
    /// significance), and a year the question gives ("since 2019") is the question's, not the answer's. With it,
    /// the pieces of support as an examiner counts them (`count`): a named event named in several paragraphs is
    /// one ("The Simla Agreement", "Under the Simla Agreement" and "Simla Agreement", keyed by their words as
    /// `TermKey` cuts them), though each paragraph keeps its mention in `items`.
    static func distinct(
        _ items: [EvidenceItem], asked: TermSet, askedYears: Set<String>, stopWords: Set<String>,
        acronyms: (String) -> [String]
    ) -> (items: [EvidenceItem], count: Int) {
        struct Seen: Hashable {
            var paragraph: Int
            var kind: Kind
            var key: String
        }
        var seen = Set<Seen>()
        // A name is worked out once however often the answer repeats it ("CPEC" forty times): its key, and
        // whether it is the question's own.
        var known: [String: (key: String, asked: Bool)] = [:]
        var namedKeys = Set<String>()
        var count = 0
        let kept = items.filter { item in
            switch item.kind {
            case .figure, .quotation:
                count += 1
                return true
            case .date:
                let key = item.text.lowercased()
                guard !askedYears.contains(key),
                    seen.insert(Seen(paragraph: item.paragraph, kind: .date, key: key)).inserted
                else { return false }
                count += 1
                return true
            case .named, .source:
                let name: (key: String, asked: Bool)
                if let found = known[item.text] {
                    name = found
                } else {
                    let words = TermKey.keys(item.text, stopWords: stopWords)
                    let own =
                        asked.contains("acronym:" + item.text.lowercased())
                        || acronyms(item.text).contains(where: asked.contains)
                        || (!words.isEmpty && words.allSatisfy(asked.contains))
                    name = (words.isEmpty ? item.text.lowercased() : words.joined(separator: " "), own)
                    known[item.text] = name
                }
                guard seen.insert(Seen(paragraph: item.paragraph, kind: item.kind, key: name.key)).inserted,
                    !name.asked
                else { return false }
                if item.kind == .source || namedKeys.insert(name.key).inserted { count += 1 }
                return true
            }
        }
        return (kept, count)
    }

    /// The years a question gives ("of 1972", "since 2019"), as written (see `yearsNamed`), and its months
    /// of them in lowercase ("june 2025" of "the war of June 2025"), as a date item keys them.
    static func years(in question: String?) -> Set<String> {
        guard let question else { return [] }
        var out = Set(yearsNamed(in: question).map(String.init))
        guard !out.isEmpty else { return out }
        let words = question.lowercased().split { !$0.isLetter && !$0.isNumber }
        for (month, year) in zip(words, words.dropFirst())
        where HeadingRecognizer.months.contains(String(month)) && out.contains(String(year)) {
            out.insert("\(month) \(year)")
        }
        return out
    }

    /// The years a text names: four digits from 1000 to 2999 with no letter or digit just before them and no
    /// letter or digit just after ("1947's" names 1947; "the 1990s", "Rs1940" and 12345 name none). Read on
    /// bytes.
    static func yearsNamed(in text: some StringProtocol) -> [Int] {
        var out: [Int] = []
        var run = 0  // digits in the current run; only a run of exactly four with no word byte before it counts
        var value = 0  // kept only for the first four digits, so a long run of digits cannot overflow
        var afterWord = false
        var before: UInt8 = 0x20
        func isWord(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) }
        for b in text.utf8 {
            if b >= 0x30 && b <= 0x39 {
                if run == 0 { afterWord = isWord(before) }
                run += 1
                if run <= 4 { value = value * 10 + Int(b - 0x30) }
            } else {
                if run == 4, !afterWord, value >= 1000, value <= 2999, !isWord(b) { out.append(value) }
                run = 0
                value = 0
            }
            before = b
        }
        if run == 4, !afterWord, value >= 1000, value <= 2999 { out.append(value) }
        return out
    }
}

/// Finds evidence in one paragraph's tokens, in a single pass.
struct EvidenceFinder {
    let lexicon: Lexicon
    let units: PhraseTable
    let currencies: Set<String>
    let attribution: PhraseTable
    /// The verbs that, straight after a name, report what its bearer said without quote marks
    /// (`reportedSpeech`: "as Quaid-e-Azam said", "Quaid called Kashmir …"); empty in a rubric without them.
    let reportedSpeech: PhraseTable
    let eventWords: Set<String>
    let sources: PhraseTable
    let namedThings: PhraseTable

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        sources = lexicon.sources
        namedThings = lexicon.namedThings
        units = lexicon.cue("units")
        currencies = Set(lexicon.cue("currencies").allFirstWords)
        attribution = lexicon.cue("attribution")
        reportedSpeech = lexicon.cue("reportedSpeech")
        eventWords = Set(lexicon.cue("eventWords").allFirstWords)
    }

    /// Words that stand before a date with their capital at a sentence's start ("In March 2023"), unlike the
    /// first word of a name that ends in a month's name ("the Azadi March 2014").
    static let beforeDates: Set<String> = [
        "in", "on", "by", "since", "until", "till", "from", "during", "after", "before", "of", "early", "late",
        "mid", "the", "last", "next",
    ]

    func find(_ tokens: [Token], in range: Range<Int>, paragraph: Int, sentences: [Range<Int>]) -> [EvidenceItem] {
        var found: [EvidenceItem] = []
        var i = range.lowerBound
        let end = range.upperBound
        func item(_ kind: EvidenceItem.Kind, _ a: Int, _ b: Int) {
            let text = tokens[a..<b].map { ($0.spaceBefore && $0.position != tokens[a].position ? " " : "") + $0.text }
                .joined()
            found.append(
                EvidenceItem(
                    kind: kind, text: text, range: SourceRange(start: tokens[a].position, end: tokens[b - 1].end),
                    paragraph: paragraph))
        }
        while i < end {
            let kind = tokens[i].kind
            if kind == .number {
                let t = tokens[i]
                if isYear(t.text) || isOlderYear(tokens, i, range: range) {
                    // A month before the year is part of the date ("April 2025"), which is the answer's own even
                    // where the question gives the year ("the war of June 2025"): a month with its capital, not
                    // the last word of a name ("the Azadi March 2014", "the Long March 2009") nor the modal "may".
                    let month =
                        i > range.lowerBound && tokens[i - 1].isCapitalized
                        && HeadingRecognizer.months.contains(tokens[i - 1].lower)
                        && !(i - 1 > range.lowerBound && tokens[i - 2].kind == .word && tokens[i - 2].isCapitalized
                            && !Self.beforeDates.contains(tokens[i - 2].lower))
                    item(.date, month ? i - 1 : i, i + 1)
                    i += 1
                    continue
                }
                let before = i > range.lowerBound ? tokens[i - 1] : nil
                let hasCurrency = before.map { currencies.contains($0.lower) } ?? false
                if let unit = i + 1 < end ? units.match(tokens, at: i + 1, limit: end) : nil {
                    item(.figure, hasCurrency ? i - 1 : i, i + 1 + unit)
                    i += 1 + unit
                    continue
                }
                if hasCurrency || t.text.utf8.contains(UInt8(ascii: ","))
                    || (t.text.utf8.contains(UInt8(ascii: ".")) && t.characterCount >= 3)
                {
                    item(.figure, hasCurrency ? i - 1 : i, i + 1)
                    i += 1
                    continue
                }
            }
            // A figure in words: "two million cases", "below one billion dollars".
            if kind == .word, Self.numberWordKeys.contains(tokens[i].key), i + 1 < end,
                Self.magnitudeKeys.contains(tokens[i + 1].key)
            {
                let unit = i + 2 < end ? units.match(tokens, at: i + 2, limit: end) ?? 0 : 0
                item(.figure, i, i + 2 + unit)
                i += 2 + unit
                continue
            }
            if kind != .punctuation {
                // A provision cited by number ("Article 172(3)", "Articles 157 and 158") is a named fact.
                if tokens[i].isCapitalized, tokens[i].key == Self.articleKey || tokens[i].key == Self.articlesKey,
                    i + 1 < end, tokens[i + 1].kind == .number
                {
                    item(.named, i, i + 2)
                    i += 2
                    continue
                }
                // The cheap test of the first token comes before the table's look-up: most words are
                // lowercase, and a source or a named thing starts with a capital or a number.
                let capitalOrNumber = tokens[i].isCapitalized || tokens[i].startsWithNumber
                if capitalOrNumber, let n = sources.match(tokens, at: i, limit: end) {
                    item(.source, i, i + n)
                    i += n
                    continue
                }
                if capitalOrNumber || kind == .number, let n = namedThings.match(tokens, at: i, limit: end) {
                    item(.named, i, i + n)
                    i += n
                    continue
                }
                if let n = namedPattern(tokens, at: i, limit: end) {
                    item(.named, i, i + n)
                    i += n
                    continue
                }
                if tokens[i].isCapitalized, let n = reported(tokens, at: i, limit: end, sentences: sentences) {
                    item(.quotation, i, i + 1 + n)
                    i += 1 + n
                    continue
                }
            }
            if kind == .punctuation, tokens[i].text == "“" || tokens[i].text == "\"" {
                if let (close, attributed) = quotation(tokens, from: i, limit: end, sentences: sentences), attributed {
                    item(.quotation, i, close + 1)
                    i = close + 1
                    continue
                }
            }
            i += 1
        }
        return found
    }

    /// Words before a number that make a year of it ("in 1857", "the war of 1857", "17 October 1817").
    private static let yearLeadKeys: Set<UInt64> = Set(
        [
            "in", "of", "since", "from", "till", "until", "after", "before", "during", "by", "year", "january",
            "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
            "december",
        ].map(WordKey.of))

    /// True when a four-digit number from 1500 to 1899 is a year of the history an answer tells: a word
    /// such as "in", "of" or a month stands before it, and after it comes punctuation, a capital or a
    /// small word ("in 1838 as a clerk"), not a noun it counts ("an army of 1500 soldiers").
    private func isOlderYear(_ tokens: [Token], _ i: Int, range: Range<Int>) -> Bool {
        let t = tokens[i]
        guard t.characterCount == 4, let year = Int(t.text), (1500...1899).contains(year), i > range.lowerBound,
            Self.yearLeadKeys.contains(tokens[i - 1].key)
        else { return false }
        guard i + 1 < range.upperBound else { return true }
        let next = tokens[i + 1]
        return next.kind != .word || next.isCapitalized || lexicon.stopWords.contains(next.lower)
    }

    private func isYear(_ text: String) -> Bool {
        var text = text
        let ascii = text.withUTF8 { b -> Bool? in
            for byte in b where byte >= 0x80 { return nil }
            func digit(_ k: Int) -> Bool { b[k] >= 0x30 && b[k] <= 0x39 }
            var d = 0
            while d < b.count, digit(d) { d += 1 }
            guard d == 4 else { return false }
            let year = (Int(b[0]) - 48) * 1000 + (Int(b[1]) - 48) * 100 + (Int(b[2]) - 48) * 10 + Int(b[3]) - 48
            guard (1900...2099).contains(year) else { return false }
            let rest = b.count - 4
            if rest == 0 { return true }
            guard b[4] == UInt8(ascii: "-"), rest <= 5 else { return false }
            return (5..<b.count).allSatisfy(digit)
        }
        if let ascii { return ascii }
        let digits = text.prefix { $0.isNumber }
        guard digits.count == 4, let year = Int(digits), (1900...2099).contains(year) else { return false }
        let rest = text.dropFirst(4)
        return rest.isEmpty || (rest.first == "-" && rest.dropFirst().allSatisfy(\.isNumber) && rest.count <= 5)
    }

    /// Number words that, before a magnitude, make a figure.
    private static let numberWordKeys: Set<UInt64> = Set(
        [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
            "several", "a",
        ].map(WordKey.of))
    /// Magnitudes that a number word before them makes a figure.
    private static let magnitudeKeys: Set<UInt64> = Set(
        ["hundred", "thousand", "million", "billion", "trillion", "lakh", "lakhs", "crore", "crores"].map(WordKey.of))
    /// Words that end a court's decision named by its party: "the Dosso case", "the Ongwen judgment".
    /// With them, words that end a scheme or a campaign named by its place or its maker, written in lowercase as
    /// often as not: "the Wardha scheme", "the Muslim Mass Contact campaign", "the Khilafat movement" (review 18:
    /// u06), `eventEndKeys`. One set, so that a name's end is looked up once.
    private static let caseKeys: Set<UInt64> = Set(
        ["case", "judgment", "judgement", "verdict", "ruling"].map(WordKey.of)
    ).union(eventEndKeys)
    /// The scheme and campaign words among them.
    private static let eventEndKeys: Set<UInt64> = Set(
        ["scheme", "schemes", "campaign", "movement", "pact"].map(WordKey.of))
    private static let operationKey = WordKey.of("operation")
    private static let articleKey = WordKey.of("article")
    private static let articlesKey = WordKey.of("articles")
    /// Pronouns that stand for what a speaker judges in "called it a …".
    private static let objectKeys: Set<UInt64> = Set(["it", "them", "him", "her", "this"].map(WordKey.of))
    /// Small words a name may hold: "Council of Common Interests", "Kerry-Lugar Act for…".
    private static let innerWordKeys: [UInt64] = ["of", "and", "on", "for", "the"].map(WordKey.of)

    /// `Operation Zarb-e-Azb`, `Simla Agreement`, `18th Amendment`, `National Action Plan`: capitalised
    /// words ending in an event word, or `Operation` followed by a capitalised name.
    private func namedPattern(_ tokens: [Token], at i: Int, limit: Int) -> Int? {
        guard tokens[i].isCapitalized || tokens[i].startsWithNumber else { return nil }
        if tokens[i].key == Self.operationKey, i + 1 < limit, tokens[i + 1].isCapitalized { return 2 }
        var j = i
        while j < limit, j - i < 6, tokens[j].kind != .punctuation || tokens[j].text == "-",
            tokens[j].isCapitalized || tokens[j].startsWithNumber || Self.innerWordKeys.contains(tokens[j].key)
        {
            if eventWords.contains(tokens[j].lower), j > i, tokens[j].isCapitalized { return j + 1 - i }
            j += 1
        }
        // A court case or its decision named by its party: "the Dosso case", "the Nusrat Bhutto case", "the
        // Ongwen judgment" (finding review 15: q05's section 3.2).
        if j > i, j < limit, Self.caseKeys.contains(tokens[j].key), !lexicon.stopWords.contains(tokens[i].lower),
            // A scheme or a campaign needs its name inside the sentence: "Government schemes" and "Election campaign
            // promises" open one with a capital that names nothing.
            i > 0 && tokens[i - 1].kind == .word || !Self.eventEndKeys.contains(tokens[j].key)
        {
            return j + 1 - i
        }
        return nil
    }

    /// Words after "called" or "said" that make an act of it, not a saying: "called for talks", "called on".
    private static let actKeys: Set<UInt64> = Set(["for", "on", "upon", "off", "back", "up", "in"].map(WordKey.of))

    /// The length of the `reportedSpeech` verb after the name at `tokens[i]` when the two report a saying
    /// without quote marks ("as Quaid-e-Azam said", "Quaid called Kashmir the jugular vein"), or nil. A
    /// capitalised small word is no name ("He said", "It called"), nor a common word that opens its sentence
    /// ("Doctors say"); a verb of action ("called for", "called it off") is no saying, and one in quote marks
    /// just before or after is counted as a quotation there.
    private func reported(_ tokens: [Token], at i: Int, limit: Int, sentences: [Range<Int>]) -> Int? {
        guard i + 1 < limit, let n = reportedSpeech.match(tokens, at: i + 1, limit: limit),
            !lexicon.stopWords.contains(tokens[i].lower)
        else { return nil }
        func isQuote(_ k: Int) -> Bool { GradingContext.quoteMarks.contains(tokens[k].text) }
        let after = i + 1 + n
        let object = after < limit && Self.objectKeys.contains(tokens[after].key) ? after + 1 : after
        if object < limit, Self.actKeys.contains(tokens[object].key) { return nil }
        if (after..<min(limit, after + 3)).contains(where: isQuote) { return nil }
        if (max(0, i - 2)..<i).contains(where: isQuote) { return nil }
        if sentences.contains(where: { $0.lowerBound == i }), let entry = lexicon.dictionary?.entry(tokens[i].key),
            !entry.capitalOnly
        {
            return nil
        }
        return n
    }

    /// The index of the closing quote and whether the quotation is attributed in its sentence.
    private func quotation(_ tokens: [Token], from i: Int, limit: Int, sentences: [Range<Int>]) -> (Int, Bool)? {
        var j = i + 1
        var words = 0
        while j < limit, j - i < 120 {
            let t = tokens[j]
            if t.text == "”" || (t.text == "\"" && tokens[i].text == "\"") { break }
            if t.kind != .punctuation { words += 1 }
            j += 1
        }
        guard j < limit, words >= 2 else { return nil }
        let first = sentences.first?.lowerBound ?? i
        // A quotation of two words is one when its speaker's verb and the thing judged stand just before it
        // ("called it a 'command performance'", "described them as"); elsewhere two quoted words are a term or
        // a label ("announced a 'revised plan'").
        if words == 2 {
            // A paragraph that opens with the quotation ('"...command performance" was …') starts its first
            // sentence after the quote mark: the window then holds nothing.
            let near = min(i, max(first, i - 4))..<i
            let judged = near.contains { Self.objectKeys.contains(tokens[$0].key) }
            return judged && near.contains { attribution.match(tokens, at: $0, limit: i) != nil } ? (j, true) : nil
        }
        // The speaker is named just before the quotation or just after it.
        var k = max(first, i - 12)
        let stop = min(limit, j + 14)
        while k < stop {
            if k < i || k > j {
                if attribution.match(tokens, at: k, limit: stop) != nil { return (j, true) }
                if tokens[k].text == "—" || tokens[k].text == "–", k > j, k + 1 < stop,
                    tokens[k + 1].isCapitalized
                {
                    return (j, true)
                }
            }
            k += 1
        }
        return (j, false)
    }
}
