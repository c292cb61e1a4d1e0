import Testing

@testable import PakEssay

/// The word facts the spelling and capitals rules read (`TokenFeatures.wordFacts`): each token's bits are
/// what the tables give its key one by one, worked out once an answer.
@Suite struct WordFactsTests {
    static let body = """
        In march 1940 the goverment of pakistan and president Alvi met the imf. The Goverment's plan, \
        Zarb-e-Azb and the madrassah reforms matter; i think the goverment plan is sound, and the plan is the plan.
        """

    @Test func eachWordsFactsAreWhatTheTablesGiveItsKey() throws {
        let c = try Fixtures.context("Q.1 Discuss the economy of Pakistan.\n\n" + Self.body)
        let facts = c.languageFeatures.wordFacts(c.tokens, c.lexicon)
        let lexicon = c.lexicon
        let checker = SpellingCheck(lexicon)
        var words = 0
        for (k, t) in c.tokens.enumerated() {
            guard t.kind == .word else {
                #expect(facts[k] == 0, "\(t.text)")
                continue
            }
            words += 1
            let listed = NameCapitals.monthOrTitle[t.key] ?? 0
            var expected = WordFacts.word
            if checker.isPlainlyRight(t.key) { expected |= WordFacts.right }
            if lexicon.plainKeys.contains(t.key) { expected |= WordFacts.plain }
            if lexicon.capitalKeys[t.key] != nil { expected |= WordFacts.named }
            if lexicon.dictionary?.entry(t.key)?.capitalOnly == true { expected |= WordFacts.capitalOnly }
            if listed & NameCapitals.monthBit != 0 { expected |= WordFacts.month }
            if listed & NameCapitals.titleBit != 0 { expected |= WordFacts.title }
            #expect(facts[k] == expected, "\(t.text)")
        }
        #expect(words == 34)
        // Asked again (by the other rule), the same facts come back without a second pass.
        #expect(c.languageFeatures.wordFacts(c.tokens, c.lexicon) == facts)
    }

    @Test func theFactsSayWhatTheRulesNeed() throws {
        let c = try Fixtures.context("Q.1 Discuss the economy of Pakistan.\n\n" + Self.body)
        let facts = c.languageFeatures.wordFacts(c.tokens, c.lexicon)
        func fact(_ word: String) throws -> UInt8 {
            facts[try #require(c.tokens.firstIndex { $0.text == word })]
        }
        #expect(try fact("goverment") & WordFacts.right == 0)
        #expect(try fact("plan") & WordFacts.right != 0)
        let name = WordFacts.named | WordFacts.capitalOnly
        #expect(try fact("pakistan") & name == name)
        #expect(try fact("march") & WordFacts.month != 0)
        #expect(try fact("president") & WordFacts.title != 0)
        #expect(try fact("madrassah") & WordFacts.right != 0)
        // The rules' findings on the same answer: the misspelling (twice) and its possessive, the names and the month.
        let graded = try Fixtures.grade("Q.1 Discuss the economy of Pakistan.\n\n" + Self.body)
        let spelling = graded.findings.filter { $0.rule == "language-spelling" }
        #expect(spelling.map(\.excerpt) == ["goverment", "Goverment's"])
        #expect(spelling.first?.count == 2)
        let capitals = graded.findings.filter { $0.rule == "language-lowercase-start" }.map(\.excerpt)
        #expect(capitals.contains("pakistan") && capitals.contains("imf") && capitals.contains("march"))
    }
}

/// `language-repeated-word` turns pairs away on their keys before it reads their text.
@Suite struct RepeatedWordKeyTests {
    @Test func wordsWrittenAlikeInAnyCaseAreFoundAndOthersAreNot() throws {
        let found = try SpellingTests.findings(
            "The the economy is weak. Prices rose, rose again, and Pakistan's pakistan's debt grew.",
            rule: "language-repeated-word")
        #expect(found.map(\.message) == ["'The' is written twice", "'Pakistan's' is written twice"])
        // Neighbours that differ, a word and a mark with the same letters, and numbers are not.
        let clean = try SpellingTests.findings(
            "The economy is weak; prices rose, and 20 20 is a score.", rule: "language-repeated-word")
        #expect(clean.isEmpty)
    }
}
