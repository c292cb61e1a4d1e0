import Testing

@testable import PakEssay

/// Findings the eleventh finding review (batch m, CSS answers) judged false or trivial, each pinned where it no
/// longer fires or no longer repeats, beside the case that still fires.
@Suite struct ReviewElevenCSSTests {
    static func findings(_ text: String, rule: String) throws -> [Finding] {
        try Fixtures.grade(text).findings.filter { $0.rule == rule }
    }

    /// An answer on the Saudi-Iran deal whose introduction ends with `stance` and whose conclusion is `closing`.
    static func rapprochement(stance: String, closing: String) -> String {
        """
        Q.2 To what extent has the Saudi-Iran rapprochement brokered by China in March 2023 changed the \
        strategic landscape of the Middle East?

        1. INTRODUCTION
        On 10 March 2023 Saudi Arabia and Iran agreed in Beijing to restore their relations. \(stance)

        2. WHAT THE DEAL ACHIEVED
        Embassies reopened in 2023 and the war in Yemen was frozen under a truce that has held since then.

        3. WHAT IT DID NOT CHANGE
        The proxies and the nuclear question remain, and American forces still guard the Gulf.

        4. CONCLUSION
        \(closing)
        """
    }

    static let landscape = "The deal has changed the landscape of the region only to a limited, though real, extent."
    static let narrated = "The statement was signed by the two security advisers in the presence of Wang Yi."
    static let weighed =
        "The rapprochement has changed the strategic landscape to a limited but significant extent, not its balance."
    static let summed = "Embassies reopened, the truce in Yemen held and Wang Yi signed the statement as a witness."

    @Test func anExtentPhraseIsTheJudgmentAToWhatExtentQuestionAsksFor() throws {
        let judged = Self.rapprochement(stance: Self.landscape, closing: Self.weighed)
        #expect(try Self.findings(judged, rule: "relevance-directive").isEmpty)
        let summed = Self.rapprochement(stance: Self.landscape, closing: Self.summed)
        let found = try Self.findings(summed, rule: "relevance-directive")
        #expect(
            found.map(\.message) == [
                "the question asks to what extent, but the answer reaches no judgment: its conclusion sums up without "
                    + "weighing"
            ])
        #expect(found.first?.range.start.line == 1)
    }

    @Test func anExtentPhraseInTheIntroductionIsAThesis() throws {
        let stated = Self.rapprochement(stance: Self.landscape, closing: Self.weighed)
        #expect(try Self.findings(stated, rule: "introduction-thesis").isEmpty)
        let told = Self.rapprochement(stance: Self.narrated, closing: Self.weighed)
        let found = try Self.findings(told, rule: "introduction-thesis")
        #expect(found.map(\.message) == ["the introduction takes no clear position on the question"])
        #expect(found.first?.range.start.line == 3)
    }

    /// A short answer on the Simla Agreement, without headings, that ends with `closing`.
    static func simla(closing: String) -> String {
        """
        Q.3 Comment on the significance of the Simla Agreement of 1972 for Pakistan.

        The Simla Agreement was signed in 1972 by Bhutto and Indira Gandhi after the war of 1971.

        Our 90000 soldiers were in the jails of India and our land in Punjab and Sindh was in Indian hands.

        Both countries promised to settle their disputes by bilateral talks and not to use force.

        In conclusion, \(closing)
        """
    }

    @Test func aVerdictOfSignificanceForTheCountryIsAJudgment() throws {
        let judged = Self.simla(closing: "the Simla agreement was very significant for Pakistan.")
        #expect(try Self.findings(judged, rule: "relevance-directive").isEmpty)
        let told = Self.simla(closing: "the agreement was signed at Simla in the summer of that year.")
        let found = try Self.findings(told, rule: "relevance-directive")
        #expect(
            found.map(\.message) == [
                "the question asks you to comment, but the answer reaches no judgment: its conclusion sums up "
                    + "without weighing"
            ])
    }

    static let gains =
        "The Act of 1935 went further than the Act of 1919 on every point, and the Muslims gained from it."

    /// An answer comparing the two Acts whose conclusion is `closing`, with a section `body` under a heading `table`.
    static func acts(table: String, closing: String, body: String = gains) -> String {
        """
        Q.5 Compare the Government of India Act 1919 with the Government of India Act 1935.

        1. INTRODUCTION
        The Act of 1935 was the more important of the two, because it gave the provinces autonomy.

        2. THE ACT OF 1919
        The Act of 1919 brought dyarchy to the provinces and gave about 5 million people the vote.

        3. THE ACT OF 1935
        The Act of 1935 gave the provinces autonomy, three lists and a Federal Court, and 35 million people the \
        vote in 1937.

        4. \(table)
        \(body)

        5. CONCLUSION
        \(closing)
        """
    }

    @Test func aComparativeVerdictIsAVerdictOnACompareQuestion() throws {
        let judged = Self.acts(
            table: "COMPARISON AT A GLANCE",
            closing: "To conclude, the Act of 1935 was a much bigger step than the Act of 1919 for the Muslims.")
        #expect(try Self.findings(judged, rule: "conclusion-forward-look").isEmpty)
        let summed = Self.acts(
            table: "COMPARISON AT A GLANCE",
            closing: "To conclude, the Act of 1935 replaced dyarchy in the provinces and created a Federal Court.")
        let found = try Self.findings(summed, rule: "conclusion-forward-look")
        #expect(found.map(\.message) == ["the conclusion neither gives a verdict on the question nor draws its lesson"])
        #expect(found.first?.range.start.line == 15)
    }

    @Test func aHeadingInTheDirectivesWordFamilyIsTiedToTheQuestion() throws {
        // A body that names nothing of the question: only the heading's words can tie it.
        let sport = "Cricket and hockey were played in the cantonments, and the British built grounds at Lahore."
        let closing = "To conclude, the Act of 1935 was a much bigger step than the Act of 1919."
        let compared = Self.acts(table: "COMPARISON AT A GLANCE", closing: closing, body: sport)
        #expect(try Self.findings(compared, rule: "relevance-headings-tied").isEmpty)
        let found = try Self.findings(
            Self.acts(table: "CRICKET AND HOCKEY", closing: closing, body: sport), rule: "relevance-headings-tied")
        #expect(
            found.map(\.message) == [
                "heading \"CRICKET AND HOCKEY\" does not show which part of the question it answers"
            ])
        #expect(found.first?.range.start.line == 12)
        #expect(RelevanceHeadingsTied.directiveFamily(try Fixtures.context(compared)) == ["compa"])
    }

    @Test func factsTheBodyGaveAreRestatedNotNewInTheConclusion() throws {
        // 1919, 1935 and the 35 million voters are in the body; the conclusion draws them together.
        let restated = Self.acts(
            table: "COMPARISON AT A GLANCE",
            closing: "To conclude, the Act of 1935 went further than that of 1919: it gave 35 million voters a say.")
        #expect(try Self.findings(restated, rule: "conclusion-new-arguments").isEmpty)
        let fresh = Self.acts(
            table: "COMPARISON AT A GLANCE",
            closing: "To conclude, by 1946 some 41 million voters took part, and in 1947 the Act became a constitution."
        )
        let found = try Self.findings(fresh, rule: "conclusion-new-arguments")
        #expect(
            found.map(\.message) == [
                "the conclusion brings 3 new facts or figures instead of drawing the argument together"
            ])
        #expect(found.first?.range.start.line == 15)
    }

    @Test func aFigureCountedInSoldiersAndASayingReportedWithoutQuoteMarksAreEvidence() throws {
        let c = try Fixtures.context(
            """
            Q.3 Comment on the significance of the Simla Agreement of 1972 for Pakistan.

            Our 90000 soldiers and 93,000 prisoners were in Indian jails. Kashmir is the jugular vein of Pakistan \
            as Quaid-e-Azam said. Quaid called Kashmir the jugular vein. Pakistan called for talks at once, and \
            the UN called it off. Doctors say the prisoners were weak. He said nothing. Jinnah said, "Unity, \
            faith and discipline are our watchwords."
            """)
        #expect(c.evidence.filter { $0.kind == .figure }.map(\.text) == ["90000 soldiers", "93,000 prisoners"])
        #expect(
            c.evidence.filter { $0.kind == .quotation }.map(\.text) == [
                "Quaid-e-Azam said", "Quaid called", "\"Unity, faith and discipline are our watchwords.\"",
            ])
    }

    @Test func theSimlaAnswersFigureAndSayingCountAsKindsOfEvidence() throws {
        let answer = Self.simla(closing: "Kashmir is the jugular vein of Pakistan as Quaid-e-Azam said.")
        // The figure and the saying are two of its three kinds (with the war's year); the agreement and the
        // year the question names are the question's own, not the answer's support (eleventh session).
        #expect(
            try Self.findings(answer, rule: "evidence-variety").map(\.message) == [
                "evidence of only 3 kinds: no named sources or named events and agreements"
            ])
        // The paragraph of the 90000 soldiers carries its evidence; the one of promises does not.
        let bare = try Self.findings(answer, rule: "evidence-missing-in-section")
        #expect(bare.map(\.message) == ["paragraph 3 makes its claim with no fact, figure or source"])
        #expect(bare.first?.range.start.line == 7)
        let thin = try Self.findings(
            "Q.3 Comment on the Simla Agreement.\n\nThe agreement was signed in 1972 and Bhutto said it was good.",
            rule: "evidence-variety")
        #expect(
            thin.map(\.message) == [
                "evidence of only 2 kinds: no figures with units, named sources or named events and agreements"
            ])
    }

    /// An answer whose outline letters the points of its third part, developed as sections 3(a) to 3(c).
    static func outline(third: String) -> String {
        """
        Question 4: Analyse the causes of Sri Lanka's economic crisis of 2022.

        OUTLINE:
        1. Introduction
        2. Causes of the crisis
           a. Twin deficits and heavy foreign debt
           b. Populist tax cuts
           c. \(third)
        3. Conclusion

        1. INTRODUCTION:
        This answer argues that the crisis was made at home, by debt and by bad policy rather than by bad luck.

        2. CAUSES OF THE CRISIS:

        (a) TWIN DEFICITS AND HEAVY FOREIGN DEBT:
        \(Example.filler(3))

        (b) POPULIST TAX CUTS:
        \(Example.filler(3))

        (c) BAN ON CHEMICAL FERTILIZERS:
        \(Example.filler(3))

        3. CONCLUSION:
        In conclusion, the crisis was made at home, and Pakistan should learn from it.
        """
    }

    @Test func letteredOutlinePointsAreDevelopedByTheirLetteredSections() throws {
        #expect(
            try Self.findings(Self.outline(third: "Ban on chemical fertilizers"), rule: "structure-outline").isEmpty)
        let found = try Self.findings(Self.outline(third: "Collapse of tourism"), rule: "structure-outline")
        #expect(found.map(\.message) == ["outline point 5 (\"c. Collapse of tourism\") is never developed"])
        #expect(found.first?.range.start.line == 8)
    }

    /// An answer of `parts` numbered sections of two sentences each.
    static func thin(parts: Int) -> String {
        let sections = (1...parts).map { n in
            "\(n + 1). PROBLEM \(n)\nThe schools lack money and teachers. Many children never reach class five."
        }
        return """
            Q.6 Highlight the problems of education in Pakistan.

            1. INTRODUCTION
            This answer argues that education in Pakistan fails because the state spends too little on it.

            \(sections.joined(separator: "\n\n"))

            \(parts + 2). CONCLUSION
            In conclusion, education needs money and teachers before anything else.
            """
    }

    @Test func aRunOfThinSectionsIsOneFindingThatCostsWhatItsPartsDid() throws {
        let run = try Self.findings(Self.thin(parts: 5), rule: "arguments-underdeveloped")
        #expect(run.map(\.message) == ["sections 2-6 are each two sentences long"])
        #expect(run.first?.range.start.line == 6)
        // The marks are unchanged by the folding: the one finding weighs what its five parts did, and the
        // rule's credit still counts each thin part.
        #expect(run.first?.weight == 5)
        let rule = try ArgumentsUnderdeveloped(RuleParameters(values: nil, path: "", file: ""))
        let c = try Fixtures.context(Self.thin(parts: 5))
        #expect(rule.evaluate(c).credit == 1 - 5 / Double(c.arguments.filter { $0.role != .wayForward }.count))
        let three = try Self.findings(Self.thin(parts: 3), rule: "arguments-underdeveloped")
        #expect(
            three.map(\.message) == [
                "section 2 is two sentences long", "section 3 is two sentences long", "section 4 is two sentences long",
            ])
        #expect(
            ArgumentsUnderdeveloped.names(["section 3", "section 5", "section 6", "section 7"])
                == "sections 3, 5, 6 and 7")
    }
}
