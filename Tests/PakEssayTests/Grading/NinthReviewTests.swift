import Testing

@testable import PakEssay

/// Findings the ninth finding review (batch k) judged false, each pinned where it no longer fires, beside
/// the case that still does.
@Suite struct NinthReviewTests {
    static func findings(_ text: String, rule: String) throws -> [Finding] {
        try Fixtures.grade(text).findings.filter { $0.rule == rule }
    }

    @Test func anAbbreviationClosingAnAsideDoesNotEndTheSentence() throws {
        let found = try Self.findings(
            """
            Q.1 Discuss the nuclear non-proliferation regime.

            It includes regional zones (Tlatelolco, Pelindaba, etc.) and bilateral treaties. it was extended \
            in 1995.
            """,
            rule: "language-lowercase-start")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("the sentence \"it was extended") == true)
    }

    static func underlined(after lead: String) -> String {
        """
        Q.1 Critically examine the challenges facing the NPT regime.

        # Introduction

        The NPT has held for fifty years, but its bargain is fraying under great-power rivalry.

        # 1. The Regime in Brief
        \(lead)
        {==Pillars and institutions==}
        The regime is more than one treaty: it includes IAEA safeguards and the Nuclear Suppliers Group.

        # 2. Challenges to the Regime

        The US withdrew from the INF Treaty in August 2019, and the Review Conference of 2022 failed.

        # Conclusion

        The regime is strained but still holds, and its review process needs mending.
        """
    }

    @Test func anUnderlinedHeadingStraightUnderAHashHeadingIsItsSubheading() throws {
        let c = try Fixtures.context(Self.underlined(after: ""))
        let sub = try #require(c.sections.first { $0.section.title == "Pillars and institutions" })
        #expect(sub.section.level == 2)
        #expect(try Self.findings(Self.underlined(after: ""), rule: "presentation-heading-format").isEmpty)
    }

    @Test func anUnderlinedHeadingAfterTextOfItsOwnStaysAMainHeading() throws {
        let text = Self.underlined(after: "\nThe regime rests on three pillars, set out below in turn.\n")
        let c = try Fixtures.context(text)
        let sub = try #require(c.sections.first { $0.section.title == "Pillars and institutions" })
        #expect(sub.section.level == 1)
        let found = try Self.findings(text, rule: "presentation-heading-format")
        #expect(
            found.map(\.message) == ["heading \"Pillars and institutions\" is styled unlike the other main headings"])
    }
}
