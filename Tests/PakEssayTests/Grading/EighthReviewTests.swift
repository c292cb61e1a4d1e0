import Testing

@testable import PakEssay

/// Findings the eighth finding review (batch j) judged false, each pinned where it no longer fires, beside
/// the case that still does.
@Suite struct EighthReviewTests {
    static func findings(_ body: String, rule: String) throws -> [Finding] {
        let text = "Q.4 Write an application to the Principal requesting a sports week.\n\n\(body)\n"
        return try Fixtures.grade(text, rubric: try Fixtures.rubric("general-essay")).findings.filter {
            $0.rule == rule
        }
    }

    @Test func aLowercaseWordAfterCapitalInitialsGoesOnWithTheSentence() throws {
        let found = try Self.findings(
            "Our P.T. teacher has agreed to help us. the students will clean the ground.",
            rule: "language-lowercase-start")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("the sentence \"the students will clean") == true)
    }

    @Test func aMisspeltTableauIsToldItsWord() throws {
        let found = try Self.findings(
            "Then there was a speech competition and a tablo about Kashmir which was very good.",
            rule: "language-spelling")
        let f = try #require(found.first)
        #expect(f.message == "'tablo' is misspelt")
        #expect(f.suggestion == "Write 'tableau'.")
    }

    @Test(arguments: [
        "Jinnah left the Calcutta Convention saying it was \"the parting of the ways\" for the two communities.",
        "The joint statement speaks of \"strengthening joint deterrence against any aggression\" in plain words.",
    ])
    func aQuotationWithItsSpeakerIsEvidence(sentence: String) throws {
        let c = try Fixtures.context("Q.5 Compare the Nehru Report with the Fourteen Points.\n\n\(sentence)\n")
        #expect(c.evidence.contains { $0.kind == .quotation })
    }

    @Test func aLeadInLineIsNotAMeasure() throws {
        let text = """
            Q.1 Discuss the energy crisis of Pakistan and suggest measures.

            1. INTRODUCTION
            This answer argues that the energy crisis of Pakistan is a crisis of governance, not of supply.

            2. CIRCULAR DEBT
            Circular debt passed Rs 2.6 trillion in 2023, because tariffs stayed below the cost of power.

            3. WAY FORWARD
            The following measures are needed:
            - The distribution companies should be privatised so that line losses fall below ten percent.
            - Tariffs should cover the cost of power, with targeted subsidies for the poorest households.
            - The government should build run-of-river hydel plants to cut the bill for imported fuel.

            4. CONCLUSION
            In conclusion, the crisis can be solved if the state governs its power sector well.
            """
        let found = try Fixtures.grade(text).findings.filter { $0.rule == "arguments-measures-developed" }
        #expect(found.isEmpty)
    }
}
