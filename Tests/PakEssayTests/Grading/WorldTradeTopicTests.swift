import Testing

@testable import PakEssay

/// The world-trade topic (added in the tenth session), acronyms in the possessive, and a topic chosen by a
/// generic word of its title no more (Balochistan's "development").
@Suite struct WorldTradeTopicTests {
    static var model: TopicModel { Fixtures.rubric.lexicon.topicModel }
    static var tasks: PhraseTable { Fixtures.rubric.lexicon.cue("taskWords") }

    static func profile(_ question: String) -> Profile {
        model.profile(question: question, taskWords: tasks)
    }

    @Test(
        arguments: [
            (
                "Explain the causes of the crisis in the WTO's dispute settlement system since 2019. What are its "
                    + "implications for developing countries?", "trade"
            ),
            ("Critically evaluate the role of the World Trade Organization in the age of trade wars.", "trade"),
            ("Examine the impact of the GATT and the Uruguay Round on the developing world.", "trade"),
        ] as [(String, String)])
    func aQuestionOnWorldTradeIsOnTheTradeTopic(question: String, topic: String) {
        #expect(Self.profile(question).topics.first == topic, "\(question): \(Self.profile(question).topics)")
    }

    /// "developing" (of the WTO question) and "development" alone no longer choose Balochistan, whose title
    /// now binds its development to the province; a question that names the province still chooses it.
    @Test func balochistanIsNotChosenByDevelopmentAlone() {
        let wto = Self.profile(
            "Explain the causes of the crisis in the WTO's dispute settlement system since 2019. What are its "
                + "implications for developing countries?")
        #expect(!wto.topics.contains("balochistan"), "\(wto.topics)")
        let census = Self.profile(
            "Examine the findings of the 2023 digital census and their implications for planning, representation "
                + "and development.")
        #expect(!census.topics.contains("balochistan"), "\(census.topics)")
        let province = Self.profile(
            "Discuss the causes of the sense of deprivation in Balochistan and its development.")
        #expect(province.topics.first == "balochistan", "\(province.topics)")
    }

    /// An acronym in the possessive is the acronym: "WTO's" in a question is the term WTO, and the IMF's loans
    /// in an answer count as the IMF. A possessive of a word that is no acronym is read as before.
    @Test func aPossessiveAcronymIsTheAcronym() {
        let terms = Self.profile("Discuss the WTO's role in the age of trade wars.").questionTerms
        #expect(terms.contains("WTO"), "\(terms)")
        #expect(!terms.contains("WTO's"), "\(terms)")
        let text = "The IMF\u{2019}s loans and the IMF's programmes; Pakistan's debt."
        let tokens = Tokenizer.tokens(of: [.text(text, at: SourcePosition(line: 1, column: 1))])
        var features: [UInt64] = []
        RelevanceText.scan(tokens, 0..<tokens.count, model: Self.model, skipping: nil) { f, _ in features.append(f) }
        let imf = Self.model.acronymByExact[WordKey.of("IMF")].map { Self.model.acronyms.feature($0) }
        #expect(imf != nil)
        #expect(features.filter { $0 == imf }.count == 2, "both possessives read as the IMF")
        #expect(RelevanceText.possessiveAcronym(tokens[tokens.count - 3], model: Self.model) == nil, "Pakistan's")
    }
}
