import Foundation
import Testing

@testable import PakEssay

/// An introduction that only restates the question's premise ("The plan failed", under a question on the
/// causes of its failure) takes no position; one that says which cause weighed most does.
@Suite struct StanceEchoTests {
    static let answer = """
        Q. No. 4 Critically examine the causes of the failure of the Cabinet Mission Plan of 1946.

        Introduction:
        The Cabinet Mission Plan was the last attempt of the British to keep India united in 1946. OPENING

        Causes of Failure
        Congress rejected the grouping of provinces in July 1946, and Nehru's statement of 10 July destroyed \
        the League's trust in the plan.

        Conclusion
        In conclusion, the plan failed because the two parties did not trust each other.
        """

    static func thesisFinding(_ opening: String) throws -> Finding? {
        let text = Self.answer.replacingOccurrences(of: "OPENING", with: opening)
        return try Fixtures.grade(text, rubric: try Fixtures.rubric("css-pakistan-affairs")).findings.first {
            $0.rule == "introduction-thesis"
        }
    }

    @Test func restatingThePremiseIsNoPosition() throws {
        let f = try #require(try Self.thesisFinding("The plan failed and India was partitioned."))
        #expect(f.range.start.line == 3 && f.range.start.column == 1)
        #expect(f.message == "the introduction takes no clear position on the question")
    }

    @Test func sayingWhichCauseWeighedMostIsOne() throws {
        let opening = "The main cause of its failure was the Congress's rejection of grouping."
        #expect(try Self.thesisFinding(opening) == nil)
    }

    @Test func aStanceWordBesideTheEchoStillCounts() throws {
        let opening = "The plan failed, and its failure was crucial for the partition of India."
        #expect(try Self.thesisFinding(opening) == nil)
    }

    @Test(arguments: [
        ("Q. Should Pakistan join BRICS? Discuss.", "Pakistan should join BRICS, because its trade lies in Asia."),
        (
            "Q. To what extent has terrorism affected Pakistan's economy?",
            "Terrorism has hurt the economy, and Pakistan needs to restore investor confidence."
        ),
    ])
    func aStanceThatSharesOnlyAQuestionsSmallWordsIsStillOne(question: String, opening: String) throws {
        let text = "\(question)\n\nIntroduction:\n\(opening)\n\nConclusion\nIn conclusion, more must be done.\n"
        let found = try Fixtures.grade(text).findings.filter { $0.rule == "introduction-thesis" }
        #expect(found.isEmpty)
    }
}
