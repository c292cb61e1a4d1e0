/// Small helpers the rules share.
enum Credit {
    /// 0 at `zero`, 1 at `full`, linear between (either direction).
    static func ramp(_ value: Double, zero: Double, full: Double) -> Double {
        if zero == full { return value >= full ? 1 : 0 }
        return min(1, max(0, (value - zero) / (full - zero)))
    }
}

/// Names places in a finding's message: "sections 2.1, 2.3 and 4" (or, with `or`, "dates, figures or sources").
func listing(_ items: [String], limit: Int = 4, more unlisted: Int = 0, or: Bool = false) -> String {
    guard !items.isEmpty else { return "" }
    if items.count == 1 && unlisted == 0 { return items[0] }
    let joiner = or ? " or " : " and "
    let shown = Array(items.prefix(limit))
    let rest = items.count - shown.count + unlisted
    if rest > 0 { return shown.joined(separator: ", ") + joiner + "\(rest) more" }
    return shown.dropLast().joined(separator: ", ") + joiner + shown.last!
}

/// A count with its noun in the right number: "1 cutting", "3 cuttings", "2 new facts or figures".
func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
}

/// The form of a verb that agrees with its subject: `agreeing("names", "name", plural: true)` is "name".
func agreeing(_ singular: String, _ plural: String, plural isPlural: Bool) -> String {
    isPlural ? plural : singular
}

/// True when a rate, written as `figure` writes it (to one place), is at most the norm: a finding would
/// report a rate that reads as within it ("0.5 per 100 words" against a norm of 0.5).
func withinNorm(_ rate: Double, _ norm: Double) -> Bool {
    (rate * 10).rounded() / 10 <= norm
}

/// A number for a message: whole numbers plainly, others to one decimal.
func figure(_ value: Double) -> String {
    let r = (value * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : String(r)
}

extension GradingContext.Part {
    /// How a finding names the part: an introduction or conclusion with a heading by its role ("the
    /// conclusion", not "section 1" when the candidate numbered it 1), any other part by its name.
    var label: String {
        guard section != nil else { return name }
        switch role {
        case .conclusion: return "the conclusion"
        case .introduction: return "the introduction"
        default: return name
        }
    }
}

extension GradingContext {
    /// True when the answer was judged off its question by the topic model. Faults that follow from it are
    /// then moot, as examiners say: the off-topic finding and its cap already say everything, so rules that
    /// declare `followsFromOffTopic` are not judged (each fault charged once).
    var isOffTopic: Bool { relevance.map { $0.judgedByTopics && $0.offTopic } ?? false }

    /// The paragraphs of prose: all but a letter's formalities (an address, a subject line, a salutation,
    /// a sign-off: see `PartFinder.isFormality`). A one-paragraph answer has one.
    var proseParagraphs: [Int] {
        paragraphs.indices.filter { !PartFinder.isFormality(paragraphs[$0].paragraph, letter: asksForLetter) }
    }

    /// True when the answer is one paragraph of prose without headings: its opening and closing sentences
    /// stand in for an introduction and a conclusion.
    var isOneParagraph: Bool { headedSections.isEmpty && proseParagraphs.count == 1 }

    /// When the conclusion of an answer without headings is only the closing sentences of its last paragraph
    /// ("… In the end I will say that …"), the first of those sentences; nil when the conclusion is a
    /// paragraph of its own.
    func foldedConclusionStart() -> Int? {
        guard let end = conclusion, end.section == nil, end.paragraphs.count == 1 else { return nil }
        let list = sentences.indices.filter { sentences[$0].paragraph == end.paragraphs[0] }
        guard let first = list.first, !opensConcluding(first) else { return nil }
        return list.dropFirst().first { opensConcluding($0) }
    }

    /// True when a sentence opens with a concluding cue ("in conclusion", "to sum up"), after a leading
    /// "but", "so" or "and".
    func opensConcluding(_ s: Int) -> Bool {
        let t = sentences[s].tokens
        let opening = text(tokens: t.lowerBound, min(t.upperBound, t.lowerBound + 8))
        return SectionRoles.opensConcluding(lowercaseWords(opening))
    }

    /// Counts the phrases of a cue list of the rubric (`counterCues`, `connectives`…) in some paragraphs,
    /// from the counts worked out once per answer.
    func count(_ cue: String, inParagraphs list: [Int]) -> Int {
        guard let perParagraph = cueCounts[cue] else { return 0 }
        return list.reduce(0) { $0 + perParagraph[$1] }
    }

    /// True when a phrase of a cue list of the rubric occurs in one sentence (anywhere, or only at its first
    /// word when `opening` is true), from the phrases found once per answer.
    func sentence(_ s: Int, has cue: String, opening: Bool = false) -> Bool {
        guard let tag = lexicon.cueNames.firstIndex(of: cue) else { return false }
        return sentenceCues.has(tag, in: s, opening: opening)
    }

    /// True when one sentence holds a phrase of a table made from a rule's own parameter: looked up at each of
    /// its words, for the few sentences a rule asks about, not once per answer.
    func sentence(_ s: Int, holds phrases: PhraseTable) -> Bool {
        let range = sentences[s].tokens
        return range.contains { k in
            tokens[k].kind == .word && phrases.match(tokens, at: k, limit: range.upperBound) != nil
        }
    }

    /// True when one sentence names one of the question's key terms.
    func sentenceNamesQuestion(_ s: Int) -> Bool {
        let asked = TermSet(questionKeys)
        return sentences[s].tokens.contains { k in
            tokens[k].kind == .word && asked.contains(code: TermKey.code(tokens[k].lower))
        }
    }

    /// Every paragraph index.
    var allParagraphIndices: [Int] { Array(paragraphs.indices) }

    /// The first-person pronouns a story is told in (a closed class, written here).
    static let firstPersonWords: Set<String> = ["i", "me", "my", "mine", "we", "us", "our", "ours"]

    /// True when some paragraph of `indices` tells in the first person ("we left home early", "my sisters").
    func narratesInFirstPerson(_ indices: [Int]) -> Bool {
        indices.contains { p in
            paragraphs[p].tokens.contains { k in
                tokens[k].kind == .word && Self.firstPersonWords.contains(tokens[k].lower)
            }
        }
    }

    /// True when some paragraph of `indices` tells events: most of its sentences (two at least) tell the past
    /// (`sentenceTellsThePast`): "Bilal woke up late and ran to the bus stop", in any person. An essay's facts in
    /// the present ("Cricket is played in every street") do not tell.
    func tellsInThePast(_ indices: [Int]) -> Bool {
        let past = lexicon.cue("pastForms")
        let present = lexicon.cue("presentForms")
        return indices.contains { p in
            let own = paragraphs[p].sentences
            guard own.count >= 2 else { return false }
            return own.count { sentenceTellsThePast($0, past: past, present: present) } * 2 > own.count
        }
    }

    /// The lowercase words of a part's title and its parents' titles (a subsection under "Causes" is framed
    /// by it).
    func titleWords(of unit: Part) -> [String] {
        var out: [String] = []
        var at = unit.section
        while let k = at {
            if let title = sections[k].section.title { out += lowercaseWords(title) }
            at = sections[k].parent
        }
        return out
    }

    /// True when a sentence holds a past form (a phrase of `past`, the rubric's `pastForms`, or a word of five
    /// letters or more ending in "-ed", not "-eed": "proceed") and no present one (`present`, the rubric's
    /// `presentForms`: "is", "must", "can").
    func sentenceTellsThePast(_ s: Int, past: PhraseTable, present: PhraseTable) -> Bool {
        var pastSeen = false
        for k in sentences[s].tokens where tokens[k].kind == .word {
            let word = tokens[k].lower
            if present.containsWord(word) { return false }
            if past.containsWord(word) || (word.utf8.count > 4 && word.hasSuffix("ed") && !word.hasSuffix("eed")) {
                pastSeen = true
            }
        }
        return pastSeen
    }

    /// The subject a prompt leaves to the writer ("My Favourite Personality", "a person you admire"): when
    /// every key term of the question is, as a whole word, one of the rubric's `chosenSubjectWords`, the names
    /// the opening gives (words with a capital inside a sentence, or the rubric's proper nouns: Abdul Sattar
    /// Edhi), the question's own words left out, and of those the ones the close repeats when the answer has a
    /// close apart; empty for any other prompt. A body paragraph on the chosen subject serves the question, and
    /// an opening sentence that names the choice ("My favourite personality is Abdul Sattar Edhi") takes its
    /// position.
    var chosenSubject: [String] {
        let chosen = lexicon.cue("chosenSubjectWords").allFirstWords
        guard !chosen.isEmpty, !questionTerms.isEmpty,
            questionTerms.allSatisfy({ chosen.contains($0.lowercased()) }),
            let opening = introduction?.paragraphs
        else { return [] }
        let asked = Set(questionKeys)
        var names: [String] = []
        for s in opening.flatMap({ Array(paragraphs[$0].sentences) }) {
            let words = sentences[s].tokens.filter { tokens[$0].kind == .word }
            for (n, k) in words.enumerated() {
                let text = tokens[k].text
                let capital = n > 0 && text.first?.isUppercase == true && text != "I"
                guard capital || lexicon.properKeys[WordKey.of(tokens[k].lower)] != nil else { continue }
                let key = TermKey.key(tokens[k].lower)
                if !asked.contains(key), !lexicon.stopWords.contains(tokens[k].lower), !names.contains(key) {
                    names.append(key)
                }
            }
        }
        guard let close = conclusion?.paragraphs, close != opening else { return names }
        let closing = keys(inParagraphs: close)
        return names.filter(closing.contains)
    }

    /// True when sentence `s` names its chosen subject (`chosenSubject`) beside every key term of the question.
    func sentenceNamesChoice(_ s: Int, subject: [String]) -> Bool {
        guard !subject.isEmpty else { return false }
        let keys = TermSet(
            sentences[s].tokens.compactMap { k in tokens[k].kind == .word ? TermKey.key(tokens[k].lower) : nil })
        return questionKeys.allSatisfy(keys.contains) && subject.contains(where: keys.contains)
    }

    /// True when the answer is a letter, a description or a story (a task that takes no position) without
    /// headings: it tells its points in stages, several to a long paragraph.
    var tellsInStages: Bool { !owesPosition && headedSections.isEmpty }

    /// Titled sections (headings).
    var headedSections: [Int] { sections.indices.filter { sections[$0].section.title != nil } }

    /// Where a finding about the whole answer points: the first paragraph or heading.
    var startRange: SourceRange {
        if let first = sections.first { return first.range }
        return SourceRange(at: answer.question?.position ?? SourcePosition(line: answer.line, column: 1))
    }

    /// The keys of all headings' titles, and of an essay's title (see `GradingContext.withoutEssayTitle`).
    var headingKeys: TermSet {
        var out = TermSet()
        for i in headedSections { out.formUnion(titleKeys[i]) }
        if let title = essayTitle { for word in lowercaseWords(title) { out.insert(TermKey.key(word)) } }
        return out
    }

    /// `keys` (a conclusion's term keys) with the question's balance terms added ('advantages' and
    /// 'disadvantages') when it names two of the rubric's `balanceTerms` ("a blessing or a curse", "merits and
    /// demerits"): a verdict on both sides in other words answers the question in its terms (finding review 13:
    /// o07). Read only where a term is missing, from a list of a few words: no work per word of the answer.
    func withBalanceTerms(_ keys: TermSet) -> TermSet {
        let balance = Set(lexicon.cue("balanceTerms").allFirstWords.map(TermKey.key))
        let asked = questionKeys.filter { balance.contains($0) && !keys.contains($0) }
        guard !asked.isEmpty, balance.count(where: keys.contains) >= 2 else { return keys }
        var out = keys
        out.formUnion(asked)
        return out
    }

    /// The question's terms whose keys are not in `keys`, as the question writes them (see `written`).
    func missingTerms(_ keys: TermSet) -> [String] {
        let missing = zip(questionKeys, questionTerms).filter { !keys.contains($0.0) }.map(\.1)
        return missing.isEmpty ? missing : written(terms: missing)
    }

    /// Question terms as the question writes them (see `written`), the question read once for all.
    func written<S: Sequence<String>>(terms: S) -> [String] {
        guard let text = question?.text else { return Array(terms) }
        let words = QuestionWords(text)
        return terms.map { written($0, in: words) }
    }

    /// A question term (kept lowercase for matching) as the question writes it, so that proper nouns and
    /// acronyms keep their capitals ('Shanghai', 'CPEC'). A capital that only opens a sentence is dropped,
    /// and so is every capital of a question written all in capitals, unless the lexicon knows the word
    /// as a proper noun.
    func written(_ term: String) -> String {
        guard let text = question?.text else { return term }
        return written(term, in: QuestionWords(text))
    }

    /// `written(_:)` with the question's words read once by the caller.
    private func written(_ term: String, in question: QuestionWords) -> String {
        guard term.contains(where: \.isLetter) else { return term }
        let proper = lexicon.properKeys[WordKey.of(term)] != nil
        for word in question.words {
            guard word.first == term, word.lower.hasPrefix(term) else { continue }
            let form = String(word.raw.prefix(term.count))
            if question.shouting { return proper ? String(form.prefix(1)) + form.dropFirst().lowercased() : term }
            let capitalOnlyFirst = form.dropFirst().allSatisfy { !$0.isUppercase }
            return word.opens && capitalOnlyFirst && !proper ? term : form
        }
        return term
    }

    /// The section whose lines hold `line` (deepest), for placing edits: a binary search over the
    /// sections' first lines (depth-first order keeps them sorted), then up through the parents.
    func section(containingLine line: Int) -> Int? {
        var low = 0
        var high = sections.count
        while low < high {
            let mid = (low + high) / 2
            if sections[mid].section.position.line <= line { low = mid + 1 } else { high = mid }
        }
        var candidate = low - 1
        while candidate >= 0 {
            if sections[candidate].section.endLine >= line { return candidate }
            guard let parent = sections[candidate].parent else { return nil }
            candidate = parent
        }
        return nil
    }
}

/// A question's words as written, read once: each with its lowercase form, its first lowercase word and
/// whether it opens a sentence, and whether the question is written all in capitals.
private struct QuestionWords {
    struct Word {
        var raw: String
        var lower: String
        var first: String?
        var opens: Bool
    }
    var words: [Word] = []
    let shouting: Bool

    init(_ text: String) {
        var uppercase = 0
        var letters = 0
        var word = ""
        var opens = true
        for ch in text + " " {
            if ch.isLetter {
                letters += 1
                if ch.isUppercase { uppercase += 1 }
            }
            if ch.isLetter || ch.isNumber || (!word.isEmpty && (ch == "-" || ch == "'" || ch == "’")) {
                word.append(ch)
                continue
            }
            if !word.isEmpty {
                words.append(Word(raw: word, lower: word.lowercased(), first: lowercaseWords(word).first, opens: opens))
                word = ""
                opens = false
            }
            if ch == "." || ch == "?" || ch == "!" { opens = true }
        }
        shouting = uppercase * 2 > letters
    }
}

extension Array {
    /// The elements that pass `keep`, in order, in an array allocated once: `filter` grows its result as it
    /// goes, copying an answer's parts again at each growth (a rule that filters the body's parts does so for
    /// every answer).
    func kept(_ keep: (Element) throws -> Bool) rethrows -> [Element] {
        var out: [Element] = []
        out.reserveCapacity(count)
        for element in self where try keep(element) { out.append(element) }
        return out
    }
}
