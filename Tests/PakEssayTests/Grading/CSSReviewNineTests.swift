import Testing

@testable import PakEssay

/// Findings the ninth finding review (batch k) judged false, each pinned where it no longer fires, beside
/// the case that still does.
@Suite struct CSSReviewNineTests {
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

    static func owedAnswer(_ question: String) -> String {
        """
        \(question)

        1. INTRODUCTION
        The nuclear programme has deterred India in every crisis since 1998, though at a cost.

        2. DETERRENCE IN THE CRISES OF 2001 AND 2019
        In 2001-02 and in February 2019 India mobilised but did not cross into a full war.

        3. LIMITS OF DETERRENCE
        Kargil in 1999 showed that deterrence does not stop a limited war, and sanctions cost the economy.

        4. CONCLUSION
        The programme has guaranteed security against all-out war, but not against every threat.
        """
    }

    static func schoolEssay(_ turn: String) -> String {
        """
        Q.2 Is it better to study alone or in a group? Give reasons for your answer.

        In my opinion study alone is better then study in group. When we study alone we can concentrate and \
        there is no disturbance. In group study the students talk about cricket and the time is waste. \
        \(turn)

        So I agree that study alone is better for students because it save time.
        """
    }

    /// A case of the review over one of the answers above: the rule, and what it says of the answer (nothing
    /// where the review judged its finding false).
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let rule: String
        let messages: [String]
        var testDescription: String { name }
    }

    static let cases = [
        Case(
            name: "a 'to what extent' question owes no way-forward section",
            text: owedAnswer(
                "Q.4 To what extent has Pakistan's nuclear programme guaranteed its national security? Evaluate."),
            rule: "structure-owed-sections", messages: []),
        Case(
            name: "a 'critically examine' question still owes one",
            text: owedAnswer("Q.4 Critically examine Pakistan's nuclear programme and its national security."),
            rule: "structure-owed-sections",
            messages: ["the question needs recommendations, but the answer has no way-forward section"]),
        Case(
            name: "a 'But' sentence granting a misspelt merit ('benifits') weighs the other side",
            text: schoolEssay(
                "But group study has also some benifits like we can ask our friend. But these are less then its harms."
            ),
            rule: "arguments-counter-view", messages: []),
        Case(
            name: "a 'But' sentence granting no merit weighs nothing",
            text: schoolEssay("But group study also wastes money on snacks and the bus fare to a friend's home."),
            rule: "arguments-counter-view",
            messages: [
                "the question (a yes-or-no question) owes the other side, but no counter-view or challenge is weighed"
            ]),
    ]

    @Test(arguments: cases)
    func aFalseFindingIsGoneWhereTheTrueOneStays(_ c: Case) throws {
        #expect(try Self.findings(c.text, rule: c.rule).map(\.message) == c.messages)
    }

    static func regimeAnswer(_ lastTitle: String) -> String {
        """
        Q.5 Critically examine the challenges facing the NPT regime. Does the regime still serve global security?

        1. INTRODUCTION
        The NPT regime is under strain, yet this answer argues it still prevents a far more dangerous world.

        2. CHALLENGES TO THE REGIME
        The Review Conferences of 2015 and 2022 both failed, and Russia suspended New START in February 2023.

        3. \(lastTitle)
        In 1963 Kennedy feared twenty nuclear states by the 1970s; sixty years later there are only nine.

        4. CONCLUSION
        The regime is battered but still serves global security, and its bargain must be renewed.
        """
    }

    @Test func aCounterViewSectionWeighsTheCaseForTheClaim() throws {
        let found = try Self.findings(
            Self.regimeAnswer("THE COUNTER-VIEW: THE REGIME STILL WORKS"), rule: "arguments-counter-view")
        #expect(found.isEmpty)
    }

    @Test func aSecondSectionAgainstTheClaimStillLeavesItsCaseUnweighed() throws {
        let found = try Self.findings(
            Self.regimeAnswer("THE THREAT OF NEW TECHNOLOGIES"), rule: "arguments-counter-view")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("argues only against its claim ('serve')") == true)
    }

    @Test(arguments: [
        (["the", "counter-view"], true), (["counterarguments"], true), (["counter", "view"], true),
        (["the", "other", "side"], true), (["counter-terrorism"], false), (["counter"], false),
    ])
    func aTitleNamesTheCounterView(words: [String], names: Bool) {
        #expect(ClaimSide.namesCounterView(words) == names)
    }

    @Test func frameVerbsOfTheQuestionAreNotKeyTerms() throws {
        let c = try Fixtures.context(
            """
            Q.5 Critically examine the challenges facing the nuclear non-proliferation regime built around the NPT.

            The NPT regime faces strain from great-power rivalry.
            """)
        #expect(!c.questionTerms.contains("facing"))
        #expect(!c.questionTerms.contains("built"))
        #expect(c.questionTerms.contains("challenges"))
        #expect(c.questionTerms.contains("regime"))
    }

    static func populism(intro: String) -> String {
        """
        Q.3 Discuss the causes of far-right populism in Europe and its implications for the EU.

        1. INTRODUCTION
        \(intro)

        2. CAUSES
        Immigration after 2015 and the slow economy fed the anger that populist parties turned into votes.

        3. CONCLUSION
        The causes are economic and cultural, and the EU must answer both to contain the populists.
        """
    }

    @Test(arguments: [
        "The far right has grown across Europe since the crisis of 2015, and it worries many.",
        "The far-right has grown across Europe since the crisis of 2015, and it worries many.",
    ])
    func aHyphenatedTermWrittenEitherWayIsNamed(intro: String) throws {
        let found = try Self.findings(Self.populism(intro: intro), rule: "introduction-question-terms")
        #expect(
            found.map(\.message) == ["the introduction does not name 'causes', 'populism', 'implications' and 'EU'"])
    }

    @Test func aHyphenatedTermNotWrittenIsStillMissing() throws {
        let found = try Self.findings(
            Self.populism(intro: "Anger has grown across Europe since the crisis of 2015, and it worries many."),
            rule: "introduction-question-terms")
        #expect(
            found.map(\.message) == [
                "the introduction does not name 'causes', 'far-right', 'populism', 'implications' and 1 more"
            ])
    }

    @Test(arguments: [
        ("Q.3 Discuss the causes of far right populism in Europe.", true), ("Q.3 Discuss populism in Europe.", false),
    ])
    func aHyphenatedWordNamesTheQuestionsTermsWrittenApart(question: String, names: Bool) throws {
        let c = try Fixtures.context("\(question)\n\nThe far-right parties of Europe grew after 2015.\n")
        #expect(c.keys(inParagraphs: [0]).contains(TermKey.key("right")) == names)
    }
}
