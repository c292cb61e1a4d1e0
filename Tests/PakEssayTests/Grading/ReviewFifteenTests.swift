import Foundation
import Testing

@testable import PakEssay

/// Findings the fifteenth finding review judged false, each pinned where it no longer fires beside the case
/// that still fires.
@Suite struct ReviewFifteenTests {
    // MARK: arguments-count and evidence-examples on a description (m09, n08)

    /// A developed paragraph of a bazaar's description: four sentences, 60 words, with a name in it when
    /// `detail` is true and none otherwise.
    static func scene(detail: Bool) -> String {
        let place = detail ? "near Committee Chowk" : "near the old gate"
        return """
            A stall stands \(place) and sells fresh fruit, cloth and shoes to the crowd that comes every week. \
            The sellers call out their prices in loud voices and the buyers argue with them for a long time. \
            Children run between the carts and their mothers hold their hands so that they do not get lost. \
            The smell of fried food and ripe mangoes fills the air until the evening comes at last.
            """
    }

    /// A description of `paragraphs` developed paragraphs, the first `detailed` of them with a name.
    static func bazaar(paragraphs: Int, detailed: Int) -> String {
        "Q.2 Describe a Sunday bazaar in your town.\n\n"
            + (1...paragraphs).map { scene(detail: $0 <= detailed) }.joined(separator: "\n\n")
    }

    @Test func aDescriptionsPartsAreCountedInEveryParagraph() throws {
        // Six developed paragraphs, the opening and the close among them: full credit (m09's five were three).
        #expect(
            try Fixtures.findings(
                Self.bazaar(paragraphs: 6, detailed: 6), rule: "arguments-count", rubric: "general-essay"
            )
            .isEmpty)
        #expect(
            Fixtures.placed(
                try Fixtures.findings(
                    Self.bazaar(paragraphs: 4, detailed: 4), rule: "arguments-count", rubric: "general-essay"))
                == ["3:1 only 4 parts are developed at length (3+ sentences, 50+ words); examiners look for 6 or more"])
    }

    @Test func aThinStoryStillLacksParts() throws {
        let thin = """
            Q.4 Write a story with the title "Honesty is the best policy".

            A boy found a purse on the road. He gave it to the police.

            The owner came and thanked him. He was very happy.

            His teacher praised him in the school. So honesty is the best policy.
            """
        #expect(
            Fixtures.placed(try Fixtures.findings(thin, rule: "arguments-count", rubric: "general-essay"))
                == ["3:1 no parts are developed at length (3+ sentences, 50+ words); examiners look for 6 or more"])
    }

    @Test func aDescriptionIsJudgedByItsDetails() throws {
        // Five paragraphs that name a place, the opening and the close among them: no examples per point owed.
        #expect(
            try Fixtures.findings(
                Self.bazaar(paragraphs: 6, detailed: 5), rule: "evidence-examples", rubric: "general-essay"
            ).isEmpty)
        #expect(
            Fixtures.placed(
                try Fixtures.findings(
                    Self.bazaar(paragraphs: 6, detailed: 2), rule: "evidence-examples", rubric: "general-essay"))
                == [
                    """
                    3:1 only 2 paragraphs give a concrete detail (a name, a place, a number, a list of things); a \
                    letter, a description or a story that shows its matter gives one in 5 or more
                    """
                ])
    }

    @Test func aLettersAddressIsNoDetailOfItsMatter() throws {
        let letter = """
            Q.3 Write a letter to the editor of a daily newspaper about the poor condition of roads in your area.

            Examination Hall,
            A.B.C.

            The Editor,
            Daily Dawn, Karachi.

            Sir, through your newspaper I want to draw attention to the roads of our area. They are in a very bad \
            condition and nobody repairs them.

            The roads are broken and full of holes. When it rains the water stands in them for days and the \
            people cannot walk on them.

            The vans and the buses also suffer. Their drivers complain that the holes damage their vehicles and \
            the fares go up.

            I request the authorities to repair the roads as soon as possible so that the people live in comfort.

            Yours truly,
            A.B.C.
            """
        #expect(
            Fixtures.placed(try Fixtures.findings(letter, rule: "evidence-examples", rubric: "general-essay"))
                == [
                    """
                    9:1 no paragraphs give a concrete detail (a name, a place, a number, a list of things); a \
                    letter, a description or a story that shows its matter gives one in 2 or more
                    """
                ])
    }

    // MARK: evidence-missing-in-section (p01, p03, o02)

    /// A current-affairs answer whose section 3 holds `lead` under `heading` and, under it, section 3.1 with
    /// `claim`.
    static func agreement(heading: String, lead: String, claim: String) -> String {
        """
        Q.5 Critically examine the performance of the World Health Organization during the COVID-19 pandemic.

        1. Introduction
        The pandemic tested the World Health Organization, and this answer argues that it did well on science \
        but failed on equity.

        2. Weaknesses
        COVAX aimed to deliver two billion doses by the end of 2021 but delivered far fewer, according to the \
        Independent Panel.

        3. \(heading)
        \(lead)

        3.1 Prevention
        \(claim)

        4. Conclusion
        In conclusion, the World Health Organization did well on science but failed on equity.
        """
    }

    static let prevention = "States commit to strengthen surveillance and to address outbreaks at their source."

    @Test func aSubsectionSettingOutWhatItsSectionAnnounces() throws {
        let announced = Self.agreement(
            heading: "The Pandemic Agreement",
            lead: "The World Health Assembly adopted the Pandemic Agreement on 20 May 2025. Its main features are:",
            claim: Self.prevention)
        #expect(try Fixtures.findings(announced, rule: "evidence-missing-in-section").isEmpty)
        let unannounced = Self.agreement(
            heading: "The Pandemic Agreement",
            lead: "The World Health Assembly adopted the Pandemic Agreement on 20 May 2025 after long talks.",
            claim: Self.prevention)
        #expect(
            Fixtures.placed(try Fixtures.findings(unannounced, rule: "evidence-missing-in-section"))
                == ["12:1 section 3.1 makes its claim with no fact, figure or source"])
    }

    @Test func anAssessmentWeighsTheEvidenceBeforeIt() throws {
        let weighed = Self.agreement(
            heading: "A Critical Assessment",
            lead: "The agreement must be weighed against the failures described above.",
            claim: "Most importantly, the agreement does not touch the problem of verification, so it fails.")
        #expect(try Fixtures.findings(weighed, rule: "evidence-missing-in-section").isEmpty)
        let unweighed = Self.agreement(
            heading: "A Further Point",
            lead: "The agreement must be weighed against the failures described above.",
            claim: "Most importantly, the agreement does not touch the problem of verification, so it fails.")
        #expect(
            Fixtures.placed(try Fixtures.findings(unweighed, rule: "evidence-missing-in-section"))
                == ["12:1 section 3.1 makes its claim with no fact, figure or source"])
    }

    /// A paragraph answer on China and Russia whose second paragraph is `arms`.
    static func partnership(arms: String) -> String {
        """
        Q.2 What factors have brought China and Russia closer?

        China and Russia have come closer because both oppose American power, and this answer argues that the \
        partnership is deep but not an alliance.

        Trade between the two countries reached about 240 billion dollars in 2023, according to Chinese \
        customs, and most of it is paid in yuan and roubles.

        \(arms)

        In conclusion, China and Russia are partners against American power, though not allies.
        """
    }

    @Test func modelDesignationsAreNamedThings() throws {
        let named = Self.partnership(
            arms:
                """
                Russia has sold advanced weapons to China like the S-400 air defence system and Su-35 fighter \
                jets, and the two air forces fly joint patrols every year.
                """)
        #expect(try Fixtures.findings(named, rule: "evidence-missing-in-section").isEmpty)
        let bare = Self.partnership(
            arms:
                """
                Russia has sold advanced weapons to China like air defence systems and fighter jets, and the two \
                air forces fly joint patrols every year.
                """)
        #expect(
            Fixtures.placed(try Fixtures.findings(bare, rule: "evidence-missing-in-section"))
                == ["7:1 paragraph 3 makes its claim with no fact, figure or source"])
        #expect(EvidenceMissingInSection.isDesignation("JF-17"))
        #expect(!EvidenceMissingInSection.isDesignation("Zarb-e-Azb"))
        #expect(!EvidenceMissingInSection.isDesignation("COVID-19a"))
    }

    // MARK: relevance-headings-tied (p05)

    @Test func limitsAndCriticismPlayTheChallengesPart() {
        #expect(SectionRoles.role(for: "Limits") == .challenges)
        #expect(SectionRoles.role(for: "Limitations of the Partnership") == .challenges)
        #expect(SectionRoles.role(for: "Criticism") == .challenges)
        #expect(SectionRoles.role(for: "Limited Resources") == nil)
    }
}
