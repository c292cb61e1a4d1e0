import Foundation
import Testing

@testable import PakEssay

/// A question about the past (a year before `parts.pastBefore`, or a phrase of `pastQuestionWords`) owes
/// causes, significance and a verdict: no way-forward section, and its conclusion may close on a judgment or
/// a lesson instead of a look ahead.
@Suite struct PastQuestionTests {
    static func context(question: String) throws -> GradingContext {
        try Fixtures.context("\(question)\n\nThe answer begins here and says something.")
    }

    @Test(arguments: [
        ("Q.6 Critically evaluate the significance of the general elections of 1945-46.", true),
        ("Q.2 Examine the causes of the War of Independence of 1857.", true),
        ("Q.4 Evaluate the role of the Khilafat Movement in the awakening of the Muslims.", true),
        ("Q.6 To what extent was the Two Nation Theory the basis of the creation of Pakistan?", true),
        ("Q. Discuss the role of Quaid-e-Azam as the first Governor General of Pakistan.", true),
        ("Q.1 Discuss the causes of inflation in Pakistan since 2022.", false),
        ("Q.3 Suggest measures to raise Pakistan's exports to 12000 million dollars.", false),
        ("Q.5 Analyse the prospects of CPEC for Pakistan's economy.", false),
    ])
    func theQuestionIsReadAsAboutThePastOrNot(question: String, past: Bool) throws {
        #expect(try Self.context(question: question).asksAboutThePast == past)
    }

    @Test func aYearIsReadFromTheStartOfAWord() {
        #expect(GradingContext.leadingYear("1945-46") == 1945)
        #expect(GradingContext.leadingYear("1857's") == 1857)
        #expect(GradingContext.leadingYear("12000") == nil)
        #expect(GradingContext.leadingYear("194") == nil)
        #expect(GradingContext.leadingYear("May") == nil)
    }

    static let elections = """
        Q. No. 6 Critically evaluate the significance of the general elections of 1945-46 in the creation of Pakistan.

        1. INTRODUCTION
        The elections of 1945-46 were the decisive test of the Muslim League's claim, and this answer argues \
        that they made Pakistan unavoidable, although the franchise was narrow.

        2. THE RESULTS
        The League won all 30 Muslim seats of the Central Assembly in December 1945 and 428 of 492 provincial \
        Muslim seats in 1946, because the Pakistan demand had reached the villages.

        3. LIMITS
        However, critics note that only about 10 per cent of adults could vote, and the League lost the NWFP.

        4. CONCLUSION
        On balance, the elections were the turning point of the struggle: no later negotiation could ignore them.
        """

    @Test func aQuestionOnThePastOwesNoWayForwardAndTakesAVerdictAsItsClose() throws {
        let graded = try Fixtures.grade(Self.elections, rubric: try Fixtures.rubric("css-pakistan-affairs"))
        let rules = graded.findings.map(\.rule)
        #expect(!rules.contains("conclusion-forward-look"))
        #expect(!graded.findings.contains { $0.message.contains("way-forward") })
    }

    @Test func aCloseThatOnlyRetellsIsToldToGiveAVerdict() throws {
        let close =
            "On balance, the elections were the turning point of the struggle: no later negotiation could ignore them."
        let text = Self.elections.replacingOccurrences(
            of: close,
            with: "In conclusion, the elections were held in the winter of 1945 and the spring of 1946.")
        let graded = try Fixtures.grade(text, rubric: try Fixtures.rubric("css-pakistan-affairs"))
        let f = try #require(graded.findings.first { $0.rule == "conclusion-forward-look" })
        #expect(f.range.start.line == 12 && f.range.start.column == 1)
        #expect(f.message == "the conclusion neither gives a verdict on the question nor draws its lesson")
        #expect(f.suggestion == "Close with your judgment of its significance, and the lesson it holds for today.")
    }
}
