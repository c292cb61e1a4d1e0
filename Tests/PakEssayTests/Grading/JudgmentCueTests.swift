import Foundation
import Testing

@testable import PakEssay

/// A conclusion that gives its verdict in the words examiners use ("my judgment is that…", "a qualified
/// success") meets the judgment a "critically evaluate" question owes; one that only sums up does not.
@Suite struct JudgmentCueTests {
    static let answer = """
        Q.4 Critically evaluate the defence agreement between Pakistan and Saudi Arabia of September 2025.

        1. INTRODUCTION
        The agreement of 17 September 2025 binds Pakistan and Saudi Arabia to treat aggression against one as \
        aggression against both, and this answer weighs what it gives Pakistan against what it risks.

        2. GAINS
        Saudi Arabia keeps a deposit of 3 billion dollars with the State Bank, and the pact strengthens that tie.

        3. RISKS
        However, the pact could entangle Pakistan in a quarrel with Iran, with which it shares a 900-kilometre \
        border.

        4. CONCLUSION
        CLOSE
        """

    static func judgmentFinding(close: String) throws -> Finding? {
        let text = Self.answer.replacingOccurrences(of: "CLOSE", with: close)
        return try Fixtures.grade(text).findings.first {
            $0.rule == "relevance-directive" && $0.message.contains("reaches no judgment")
        }
    }

    @Test func aVerdictInExaminersWordsIsAJudgment() throws {
        let close = """
            My judgment is that the defence agreement is a qualified success for Pakistan, if it stays defensive.
            """
        #expect(try Self.judgmentFinding(close: close) == nil)
    }

    @Test func aSummaryIsNot() throws {
        let close = "The defence agreement was signed in September 2025 and covers Pakistan and Saudi Arabia."
        let f = try #require(try Self.judgmentFinding(close: close))
        #expect(f.range.start.line == 1 && f.range.start.column == 1)
    }
}
