/// Where an answer weighs the other side.
struct OtherSide {
    /// Words that open a question put as a yes-or-no proposition ("Should …?", "Is … as good as …?"),
    /// which owes both sides.
    static let propositionOpeners: Set<String> = [
        "should", "is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "has", "have",
    ]

    /// True when the question owes the other side: its directive does ("critically …", evaluate, a
    /// two-sided "discuss"), or it puts a proposition to answer yes or no. "Examine", "analyse", "explain"
    /// and "write a note on" owe none, though an answer that weighs one earns the credit.
    static func isOwed(by question: Question, _ directives: DirectiveTable) -> Bool {
        if directives.owed(by: question).contains(where: { $0.demand == .otherSide }) { return true }
        if DirectiveDemand.hasTwoSides(question.text) { return true }
        guard question.text.contains("?") else { return false }
        return question.text.split(whereSeparator: { $0 == "." || $0 == "?" || $0 == ";" || $0 == "\"" })
            .contains { clause in lowercaseWords(String(clause)).first.map(propositionOpeners.contains) ?? false }
    }

    /// The directive that owes the other side, to name in a finding: in "Explain the causes … Evaluate the role
    /// …" it is evaluate, not the first directive; a question whose directives owe none owes it as a yes-or-no
    /// or two-sided question, and is named by its first directive.
    static func owingDirective(_ question: Question, _ directives: DirectiveTable) -> String {
        directives.owed(by: question).first { $0.demand == .otherSide }?.directive
            ?? question.directive ?? "a yes-or-no question"
    }

    /// True when the answer has a section (a heading) for the other side.
    let hasSection: Bool
    /// Counter-view cues in the answer ("however", "critics argue").
    let cues: Int
    /// Paragraphs that bring in the other side ("Some people argue …", "Critics …", "On the other hand …").
    let paragraphs: Int

    /// A section whose role is challenges or analysis counts; so does one whose title names implications,
    /// criticism, limits or the like (a word that begins with a stem of the rubric's `otherSideStems`),
    /// unless that word is the question's own (a section on the "implications" a question asks for answers
    /// it, and weighs no other side). A word that begins with a stem of `directiveStems` counts even so: the
    /// directive's word is an instruction, not the question's subject ("Critical view" under "Critically
    /// examine").
    init(_ c: GradingContext) {
        let asked = Set(c.questionKeys)
        let stems = c.lexicon.cue("otherSideStems").allFirstWords
        let directive = c.lexicon.cue("directiveStems").allFirstWords
        hasSection = c.sections.contains { info in
            if info.section.role == .challenges || info.section.role == .analysis { return true }
            guard let title = info.section.title else { return false }
            let words = lowercaseWords(title)
            // "The Other Side: Achievements of Local Government" names the other side in so many words.
            if zip(words, words.dropFirst()).contains(where: { $0 == "other" && $1 == "side" }) { return true }
            return words.contains { word in
                stems.contains { word.hasPrefix($0) }
                    && (!asked.contains(TermKey.key(word)) || directive.contains { word.hasPrefix($0) })
            }
        }
        cues = c.count("counterCues", inParagraphs: c.allParagraphIndices)
        let merits = c.lexicon.cue("supportTitles")
        paragraphs =
            c.allParagraphIndices.filter { p in
                c.count("concessionCues", inParagraphs: [p]) > 0 || (p > 0 && Self.pivots(c, paragraph: p))
                    || Self.grantsMerit(c, paragraph: p, merits: merits)
            }.count
    }

    /// True when a sentence after the answer's first turns with "But" to grant the other side a merit
    /// named by the rubric's `supportTitles` ("But group study has also some benifits …"), a misspelt
    /// merit read as its correction: the other side weighed inside a paragraph, as school essays do.
    static func grantsMerit(_ c: GradingContext, paragraph p: Int, merits: PhraseTable) -> Bool {
        for s in c.paragraphs[p].sentences where s > 0 {
            let t = c.sentences[s].tokens
            guard let first = t.first, c.tokens[first].lower == "but" else { continue }
            for i in t.dropFirst() where c.tokens[i].kind == .word {
                if merits.containsWord(c.tokens[i].lower) { return true }
                if let right = c.lexicon.misspellingKeys[c.tokens[i].key], merits.containsWord(right) { return true }
            }
        }
        return false
    }

    /// True when a body paragraph turns to the other side at its first word: "However, …", "On the other
    /// hand, …", "But the problem is …" (a whole paragraph given to the other side, as school essays do).
    static func pivots(_ c: GradingContext, paragraph p: Int) -> Bool {
        guard let s = c.paragraphs[p].sentences.first else { return false }
        if c.sentence(s, has: "counterCues", opening: true) { return true }
        let t = c.sentences[s].tokens
        return t.first.map { c.tokens[$0].lower == "but" } ?? false
    }

    /// True when the other side is weighed: in a section of its own, in a paragraph that brings it in,
    /// or in three counter-view cues.
    var weighed: Bool { hasSection || paragraphs > 0 || cues >= 3 }
}

/// An answer that argues only against the claim its question puts to weigh: the harms of what the question
/// asks how far it helped are the other side, and the claim's own case is missing.
enum ClaimSide {
    /// The claim word of a question that puts a claim to weigh ("helped" in "To what extent have IMF
    /// programmes helped …", from the rubric's `claimWords`) and the titles of the answer's sections that
    /// argue only against it, when every section whose title takes a side takes that one: no title names
    /// what the claim achieved (`supportTitles`) or the claim itself. Nil otherwise.
    static func onlyAgainst(_ c: GradingContext) -> (claim: String, against: [String])? {
        guard let question = c.question else { return nil }
        let claims = c.lexicon.cue("claimWords")
        let support = c.lexicon.cue("supportTitles")
        let asked = lowercaseWords(question.text)
        guard let claim = asked.first(where: claims.containsWord) else { return nil }
        let stems = c.lexicon.cue("otherSideStems").allFirstWords
        var against: [String] = []
        for i in c.headedSections {
            let info = c.sections[i]
            if [.introduction, .conclusion, .background, .wayForward].contains(info.role) { continue }
            guard let title = info.section.title else { continue }
            let words = lowercaseWords(title)
            if words.contains(where: { support.containsWord($0) || claims.containsWord($0) }) { return nil }
            // "The Counter-View: The Regime Still Works" weighs the case against the answer's own side.
            if namesCounterView(words) { return nil }
            let opposes = words.contains { word in
                stems.contains { word.hasPrefix($0) } && !asked.contains(word)
            }
            if opposes { against.append(info.name) }
        }
        return against.isEmpty ? nil : (claim, against)
    }
}

extension ClaimSide {
    /// The words a "counter-" title word or the word after a lone "counter" ends in to name the counter-view.
    static let counterHeads: Set<String> = ["view", "views", "argument", "arguments", "point", "points"]

    /// True when a title's words name the counter-view in so many words ("counter-view", "counterarguments",
    /// "counter view", "the other side"): such a section weighs the case against the answer's own, so the
    /// answer weighs both sides. ("counter-terrorism" names no counter-view.)
    static func namesCounterView(_ words: [String]) -> Bool {
        for (k, word) in words.enumerated() {
            if word.hasPrefix("counter") {
                let rest = String(word.dropFirst(7).drop { $0 == "-" })
                if counterHeads.contains(rest) { return true }
                if rest.isEmpty, k + 1 < words.count, counterHeads.contains(words[k + 1]) { return true }
            }
            if word == "other", k + 1 < words.count, words[k + 1] == "side" { return true }
        }
        return false
    }
}

/// The two items a "compare" or "contrast" question sets side by side, and where the answer treats them.
struct ComparedItems {
    /// Each item as written in the question, with the words that tell it from the other.
    let items: [(written: String, keys: [String])]

    /// Words that stand between items or before them without being part of them.
    static let glue: Set<String> = [
        "the", "a", "an", "of", "in", "on", "to", "for", "between", "and", "with", "versus", "vs", "its", "their",
        "his", "her", "by", "from", "compare", "contrast", "critically", "briefly", "also",
    ]

    /// Words that open a phrase qualifying both items, after the second ("in", "during", "since"), or what both
    /// respond to ("the responses of Germany and Japan to the changed security environment": finding review 15).
    static let qualifiers: Set<String> = [
        "in", "during", "since", "over", "after", "before", "from", "under", "throughout", "at", "within", "to",
        "towards", "toward", "regarding", "against",
    ]

    /// Nouns that take "to" into their own phrase ("the right to self-determination", "access to the sea",
    /// "a threat to peace"): a "to" after one of them is part of the item, not a phrase qualifying both.
    static let toNouns: Set<String> = [
        "right", "rights", "access", "threat", "threats", "approach", "approaches", "response", "responses",
        "commitment", "contribution", "contributions", "transition", "return", "resistance", "opposition",
        "challenge", "challenges", "solution", "solutions", "road", "path", "entry", "exposure", "reaction",
        "reactions", "attitude", "attitudes", "loyalty", "aid", "assistance", "accession", "key", "alternative",
        "alternatives", "relation", "obstacle", "obstacles", "danger", "dangers", "damage", "harm", "visit", "visits",
    ]

    /// Words that point back to the first item instead of naming the second ("with that in India").
    static let pointers: Set<String> = ["that", "those", "this", "these"]

    /// The items of the question's comparison: the words around its "and", "with" or "versus" after the
    /// directive, back to the nearest "of" or "between" and on to the end of the clause or a qualifying
    /// phrase (`qualifiers`, but not a "to" that a noun of `toNouns` takes). Nil when the question does not
    /// name two.
    init?(question: String) {
        let words = lowercaseWords(Self.clause(of: question))
        guard let start = words.firstIndex(where: { $0 == "compare" || $0 == "contrast" }) else { return nil }
        var rest = Array(words[(start + 1)...])
        // "compare and contrast …": the second directive is not an item.
        if rest.count >= 2, rest[0] == "and", rest[1] == "contrast" || rest[1] == "compare" { rest.removeFirst(2) }
        guard let cut = rest.lastIndex(where: { $0 == "and" || $0 == "with" || $0 == "versus" || $0 == "vs" }),
            cut > 0, cut < rest.count - 1
        else { return nil }
        var left = Array(rest[..<cut])
        if let of = left.lastIndex(where: { $0 == "of" || $0 == "between" }), of < left.count - 1 {
            left = Array(left[(of + 1)...])
        }
        // The second item ends where a phrase of time or place qualifying both begins ("… China and India in
        // the twenty-first century": the items are China and India), unless the items are written in parallel
        // ("life in villages with life in cities", "… with that in cities": the first holds the same word) or
        // nothing of the second's own would be left before it.
        var right = Array(rest[(cut + 1)...])
        let qualifies = { (k: Int) in
            Self.qualifiers.contains(right[k]) && !(right[k] == "to" && Self.toNouns.contains(right[k - 1]))
        }
        if let qualifier = right.indices.dropFirst().first(where: qualifies),
            !left.contains(right[qualifier]),
            right[..<qualifier].contains(where: {
                !Self.glue.contains($0) && !Self.pointers.contains($0) && !left.contains($0)
            })
        {
            right = Array(right[..<qualifier])
        }
        let a = left.filter { !Self.glue.contains($0) }
        let b = right.filter { !Self.glue.contains($0) }
        guard !a.isEmpty, !b.isEmpty else { return nil }
        let onlyA = a.filter { !b.contains($0) }
        let onlyB = b.filter { !a.contains($0) }
        // Written as the question writes them, so that names keep their capitals.
        var asWritten: [String: String] = [:]
        for word in question.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }) {
            asWritten[word.lowercased()] = asWritten[word.lowercased()] ?? String(word)
        }
        let written = { (words: [String]) in words.map { asWritten[$0] ?? $0 }.joined(separator: " ") }
        items = [
            (written(a), (onlyA.isEmpty ? a : onlyA).map(TermKey.key)),
            (written(b), (onlyB.isEmpty ? b : onlyB).map(TermKey.key)),
        ]
    }

    /// True when sentence `s` names both items and holds a comparison cue ("while", "whereas", "unlike",
    /// "differ"): it sets them side by side ("China mostly uses trade and loans while the United States uses
    /// security and aid").
    func setsSideBySide(_ c: GradingContext, sentence s: Int) -> Bool {
        guard items.count == 2, c.sentence(s, has: "comparisonCues") else { return false }
        var keys = Set<String>()
        for k in c.sentences[s].tokens where c.tokens[k].kind == .word { keys.insert(TermKey.key(c.tokens[k].lower)) }
        return items.allSatisfy { $0.keys.contains(where: keys.contains) }
    }

    /// The question's first clause that holds the directive (up to a full stop, question mark or semicolon).
    static func clause(of question: String) -> String {
        for part in question.split(whereSeparator: { $0 == "." || $0 == "?" || $0 == ";" }) {
            let words = lowercaseWords(String(part))
            if words.contains("compare") || words.contains("contrast") { return String(part) }
        }
        return question
    }

    /// The item the answer treats far less than the other, with the words given to each: each paragraph's
    /// words (in the body's argument units) go to the item whose head word (its last distinctive word:
    /// "Afghanistan" in "Pakistan towards Afghanistan") it names more often, and the lesser has under
    /// `share` of the greater's words.
    /// Nil when the treatment is balanced or neither item is named.
    func oneSided(
        in c: GradingContext, share: Double
    ) -> (lesser: String, words: Int, greater: String, against: Int)? {
        guard items.count == 2 else { return nil }
        let codes = items.map { Set($0.keys.suffix(1).map(WordKey.of)) }
        var words = [0, 0]
        // The body's argument units only: an introduction and a conclusion name both items by design.
        for p in c.allArguments.flatMap(\.paragraphs) {
            let info = c.paragraphs[p]
            var mentions = [0, 0]
            for i in info.tokens where c.tokens[i].kind == .word {
                let code = TermKey.code(c.tokens[i].lower)
                for k in 0..<2 where codes[k].contains(code) { mentions[k] += 1 }
            }
            if mentions[0] != mentions[1] { words[mentions[0] > mentions[1] ? 0 : 1] += info.paragraph.words }
        }
        let (small, large) = words[0] <= words[1] ? (0, 1) : (1, 0)
        guard words[large] > 0, Double(words[small]) < share * Double(words[large]) else { return nil }
        return (items[small].written, words[small], items[large].written, words[large])
    }

    /// The items the answer does not treat: named in fewer than two paragraphs (one, in an answer of two
    /// paragraphs or fewer). A paragraph names an item when it holds half of the item's words.
    func untreated(in c: GradingContext) -> [String] {
        let needed = c.paragraphs.count <= 2 ? 1 : 2
        // A year or a number ("the 1956 and 1962 constitutions") is no term key: it is looked for as written.
        let numbers = Set(items.flatMap(\.keys).filter { $0.first?.isNumber == true })
        let written: [Set<String>] =
            numbers.isEmpty
            ? [] : c.paragraphs.map { info in Set(info.tokens.map { c.tokens[$0].lower }.filter(numbers.contains)) }
        return items.filter { item in
            let enough = (item.keys.count + 1) / 2
            let naming = c.paragraphKeys.indices.filter { p in
                item.keys.filter { c.paragraphKeys[p].contains($0) || (!written.isEmpty && written[p].contains($0)) }
                    .count >= enough
            }
            return naming.count < needed
        }.map(\.written)
    }
}

/// Where an answer tells events in sequence instead of weighing them: the guide-book narration examiners
/// complain of under "critically evaluate", "analyse" or "discuss". A part narrates when its title frames
/// no judgment (none of the rubric's `analysisTitles`) and most of its sentences are plain past narration:
/// a past form and no present or modal verb (`GradingContext.sentenceTellsThePast`), and no
/// cue of reasoning, contrast, judgment or appraisal (`connectives`, `counterCues`, `judgmentCues`,
/// `analysisCues`). A section whose role the rule's `narratingRoles` lists (background) may narrate: it
/// counts only towards the whole.
struct Narration {
    /// The parts that narrate, in reading order.
    let parts: [GradingContext.Part]
    /// Their words.
    let words: Int
    /// Words of all the argument parts.
    let total: Int

    /// Reads an answer's argument parts; `sentenceShare` is the share of a part's sentences that must
    /// narrate, and `narratingRoles` the section roles (as rubrics write them) whose parts may.
    init(_ c: GradingContext, sentenceShare: Double, narratingRoles: [String]) {
        let lexicon = c.lexicon
        let past = lexicon.cue("pastForms")
        let present = lexicon.cue("presentForms")
        let titles = lexicon.cue("analysisTitles")
        let cues = ["connectives", "counterCues", "judgmentCues", "analysisCues"]
        let units = c.arguments.kept { $0.role != .wayForward }
        let figures = c.evidence.filter { $0.kind == .figure }
        var narrating: [GradingContext.Part] = []
        let free = Set(narratingRoles)
        for unit in units where unit.sentences >= 2 && unit.role.map({ free.contains($0.rawValue) }) != true {
            if c.titleWords(of: unit).contains(where: titles.containsWord) { continue }
            let sentences = unit.paragraphs.flatMap { Array(c.paragraphs[$0].sentences) }
            // A part that opens by weighing frames the events after it as a title of appraisal would: its first
            // sentence turns to the other side ("On the other hand, …") or takes a stance on the question ("Seen
            // from this angle, the statement has much truth").
            if let first = sentences.first,
                c.sentence(first, has: "counterCues", opening: true) || Stance.takes(c, sentence: first)
            {
                continue
            }
            // A sentence that measures (a figure with its unit: "fell from about 40 per cent to under 15") weighs
            // an effect; it does not tell an event (batch u: the war's impact on food and energy, told with the
            // FAO's and the IEA's figures).
            let told = sentences.filter { s in
                c.sentenceTellsThePast(s, past: past, present: present) && !cues.contains { c.sentence(s, has: $0) }
                    && !Self.measures(c, sentence: s, figures: figures)
            }.count
            if Double(told) >= sentenceShare * Double(sentences.count) { narrating.append(unit) }
        }
        parts = narrating
        words = narrating.reduce(0) { $0 + $1.words }
        total = units.reduce(0) { $0 + $1.words }
    }

    /// True when sentence `s` holds one of `figures` (the answer's evidence items of kind `figure`).
    static func measures(_ c: GradingContext, sentence s: Int, figures: [EvidenceItem]) -> Bool {
        let sentence = c.sentences[s]
        guard let first = sentence.tokens.first, let last = sentence.tokens.last else { return false }
        let start = c.tokens[first].position
        let end = c.tokens[last].end
        return figures.contains { item in
            item.paragraph == sentence.paragraph && item.range.start >= start && item.range.start < end
        }
    }

    /// The share of the argument parts' words that narrate.
    var share: Double { total > 0 ? Double(words) / Double(total) : 0 }

}
