import Foundation
import Testing

@testable import PakEssay

/// Headings of one form that follow a short umbrella heading ("Causes of Smog") are read as its subsections.
@Suite struct UmbrellaHeadingTests {
    static let answer = """
        Question 3: Analyse the causes of the recurring smog crisis in Punjab and suggest measures to control it.

        Introduction:
        Smog has become the fifth season of Punjab, and it returns every winter because its causes are left alone.

        Causes of Smog:
        There are many causes of smog in Punjab.

        Vehicular Emissions:
        Transport is the biggest cause of smog. According to the Urban Unit, it produced 83 percent of Lahore's \
        pollution in 2023.

        Crop Residue Burning:
        After the rice harvest in October, farmers burn the stubble because it is the cheapest way to clear fields.

        Effects of Smog:
        Smog closes schools and fills hospitals. In November 2024 Lahore's air quality index passed 1,000.

        Conclusion:
        In conclusion, smog can be controlled only if its causes are tackled together.
        """

    @Test func headingsAfterAnUmbrellaAreItsSubsections() throws {
        let c = try Fixtures.context(Self.answer)
        let titles = c.sections.map { ($0.section.title ?? "", $0.parent.map { c.sections[$0].section.title ?? "" }) }
        let causes = try #require(c.sections.firstIndex { $0.section.title == "Causes of Smog" })
        #expect(
            c.sections[causes].children.map { c.sections[$0].section.title } == [
                "Vehicular Emissions", "Crop Residue Burning",
            ])
        #expect(titles.first { $0.0 == "Effects of Smog" }?.1 == nil)
        let graded = try Fixtures.grade(Self.answer)
        #expect(!graded.findings.contains { $0.message.contains("\"Causes of Smog\"") })
    }

    @Test func aLongSectionIsNoUmbrella() throws {
        let long = Self.answer.replacingOccurrences(
            of: "There are many causes of smog in Punjab.",
            with: String(repeating: "The causes of smog in Punjab are many and they are old. ", count: 12))
        let c = try Fixtures.context(long)
        let causes = try #require(c.sections.firstIndex { $0.section.title == "Causes of Smog" })
        #expect(c.sections[causes].children.isEmpty)
    }

    @Test func numberedHeadingsAreSiblingsNotSubsections() throws {
        let text = """
            Q.1 Critically examine Pakistan's role in the SCO.

            1. INTRODUCTION
            Pakistan joined the SCO in 2017, and this answer argues that its role has been modest.

            2. ACHIEVEMENTS OF THE SCO
            The SCO has some achievements.

            3. PAKISTAN'S ROLE IN RATS
            Pakistan has shared intelligence through RATS since 2017 and hosted SCO exercises in 2021.

            4. INDIA-PAKISTAN RIVALRY
            India blocked consensus statements in 2023, and the rivalry limits what the SCO can do.

            5. CONCLUSION
            In conclusion, Pakistan's role remains modest but useful.
            """
        let c = try Fixtures.context(text)
        let umbrella = try #require(c.sections.firstIndex { $0.section.title == "ACHIEVEMENTS OF THE SCO" })
        #expect(c.sections[umbrella].children.isEmpty)
    }
}
