import Testing

@testable import PakEssay

/// `relevance-missing-aspects` tells an answer what its topic's answers usually cover only when the question
/// names the head of that topic's title (`relevance.aspectTitleShare`): a question that shares a word or two
/// with a title is not on that topic.
@Suite struct AspectTopicTests {
    static func analysis(question: String, body: String) throws -> RelevanceAnalysis {
        let c = try Fixtures.context("\(question)\n\n\(body)")
        return try #require(c.relevance)
    }

    static let sanctionsBody = """
        Sanctions have become the favourite weapon of Western capitals. After February 2022 the United States and \
        the European Union froze about 300 billion dollars of Russian reserves, yet Russia's economy grew by 3.6 \
        per cent in 2023 because it sold its oil to India and China. Iran has lived under sanctions since 1979 and \
        its nuclear programme has only grown.
        """

    @Test func aQuestionSharingAWordWithATitleIsNotToldThatTopicsAspects() throws {
        let r = try Self.analysis(
            question: """
                Q.5 Evaluate the effectiveness of economic sanctions as a tool of foreign policy, with special \
                reference to Russia and Iran.
                """,
            body: Self.sanctionsBody)
        #expect(r.aspectsLookedFor == 0)
        #expect(r.missingAspects.isEmpty)
    }

    @Test func aQuestionNamingATitlesFirstPartIsToldItsAspects() throws {
        let r = try Self.analysis(
            question: "Q.3 Critically analyse the prospects of the China-Pakistan Economic Corridor for Pakistan.",
            body: "CPEC promised 62 billion dollars of investment in 2015, and Gwadar port was its centre.")
        #expect(r.aspectsLookedFor > 0)
        #expect(r.missingAspects.contains("joint cooperation committee"))
    }
}
