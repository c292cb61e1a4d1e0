import Testing

@testable import PakEssay

/// Findings the tenth finding review (batch l, CSS answers) judged false, each pinned where it no longer fires,
/// beside the case that still does.
@Suite struct ReviewTenCSSTests {
    static func findings(_ text: String, rule: String) throws -> [Finding] {
        try Fixtures.grade(text).findings.filter { $0.rule == rule }
    }

    /// An answer on the land reforms whose introduction ends with `closing`.
    static func reforms(closing: String) -> String {
        """
        Q.2 Critically evaluate the land reforms of 1959 and 1972 in Pakistan.

        1. INTRODUCTION
        The land reforms of 1959 and 1972 were announced to break the power of the landlords. \(closing)

        2. THE REFORMS OF 1959
        Ayub Khan fixed the ceiling at 500 acres of irrigated land in 1959, and about 2.5 million acres were \
        resumed.

        3. THE REFORMS OF 1972
        Bhutto lowered the ceiling to 150 acres in 1972, but only about one million acres were resumed.

        4. CONCLUSION
        The reforms changed little, because the landlords kept most of their land.
        """
    }

    @Test func anArgumentStatedInTheFirstPersonIsAThesis() throws {
        let stated = Self.reforms(
            closing: "My argument is that the reforms gave tenants some security but left the landlords in command.")
        #expect(try Self.findings(stated, rule: "introduction-thesis").isEmpty)
        let told = Self.reforms(closing: "In those years the reforms gave tenants some security and some land.")
        let found = try Self.findings(told, rule: "introduction-thesis")
        #expect(found.map(\.message) == ["the introduction takes no clear position on the question"])
        #expect(found.first?.range.start.line == 3)
    }

    @Test func aConditionalWarningAboutTheQuestionTakesAPosition() throws {
        let c = try Fixtures.context(
            """
            Q.2 Discuss the causes of the water crisis in Pakistan.

            Water is the backbone of the economy. The water crisis has many causes, and if it is not handled \
            properly it will threaten the food security of the country.

            The population grows fast and no big dam has been built since Tarbela.
            """)
        let sentence = try #require(c.sentences.indices.first { c.sentence($0, has: "stanceCues") })
        #expect(Stance.takes(c, sentence: sentence))
        #expect(!Stance.takes(c, sentence: 0))
    }

    static let quoted = """
        Q.6 To what extent was the Simla Deputation the starting point of Muslim separatism?

        In his presidential address of 1923, Muhammad Ali Jauhar called it a "command performance". The \
        government later announced a "revised plan" for the councils. The Deputation had 35 members, and the \
        constitution had 280 Articles and 6 Schedules; it passed with 125 votes under Article 239.
        """

    @Test func figuresCountedInArticlesSchedulesAndVotesAreFigures() throws {
        let c = try Fixtures.context(Self.quoted)
        let figures = c.evidence.filter { $0.kind == .figure }.map(\.text)
        #expect(figures == ["35 members", "280 Articles", "6 Schedules", "125 votes"])
        #expect(c.evidence.filter { $0.kind == .named }.map(\.text) == ["Article 239"])
    }

    @Test func aTwoWordQuotationCountsWhenItsSpeakerJudgesIt() throws {
        let c = try Fixtures.context(Self.quoted)
        // "announced a 'revised plan'" names a thing; "called it a 'command performance'" quotes a judgment.
        #expect(c.evidence.filter { $0.kind == .quotation }.map(\.text) == ["\"command performance\""])
    }

    static func list(_ sentence: String) -> String {
        "Q.3 Explain the causes of the Rohingya crisis.\n\nThe citizenship law of 1982 left them stateless. \(sentence)"
    }

    @Test func threeClausesListedWithAndBeforeTheLastAreNoSplice() throws {
        let listed = Self.list(
            "They can not get passports, they can not travel freely and their children can not study.")
        #expect(try Self.findings(listed, rule: "language-grammar").isEmpty)
        // 'there' written for 'their' still opens the third clause with its subject.
        let misspelt = Self.list(
            "They can not get passports, they can not travel freely and there children can not study.")
        #expect(try Self.findings(misspelt, rule: "language-grammar").filter { $0.message.hasPrefix("','") }.isEmpty)
    }

    @Test func aSecondClauseThatGoesOnWithoutASubjectIsStillASplice() throws {
        let spliced = Self.list(
            "Young people do not respect the elders, they are busy in mobile phone and do not listen to them.")
        let found = try Self.findings(spliced, rule: "language-grammar")
        #expect(
            found.map(\.message) == [
                "',' should be ';': two sentences joined by a comma: use a full stop or a semicolon"
            ])
        #expect(found.first?.range.start.column == 88)
    }

    @Test func toWhatExtentIsNotPutAfterYouTo() {
        #expect(RelevanceDirective.asking("to what extent") == "to what extent")
        #expect(RelevanceDirective.asking("evaluate") == "you to evaluate")
    }

    @Test func theCounterViewFindingNamesTheDirectiveThatOwesIt() throws {
        let found = try Self.findings(
            """
            Q.3 Explain the causes of the Rohingya crisis. Evaluate the role of the international community.

            1. INTRODUCTION
            The crisis was made by the citizenship law of 1982 and by the army's operation of 2017.

            2. CAUSES
            The law of 1982 left the Rohingya stateless, and the army drove 700,000 of them out in 2017.

            3. CONCLUSION
            The world should press Myanmar to take them back.
            """,
            rule: "arguments-counter-view")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("the question (evaluate) owes the other side") == true)
    }

    static func titled(points first: String) -> String {
        """
        Q.2 Critically evaluate the land reforms of 1959 and 1972 in Pakistan.

        Introduction:
        The land reforms of 1959 and 1972 were announced to break the power of the landlords, but they failed.

        The Reforms of 1959:
        Ayub Khan fixed the ceiling at 500 acres of irrigated land in 1959, and 2.5 million acres were resumed.

        Why the Reforms Failed:
        \(first) High ceilings: The ceilings were fixed per individual, so landlords divided their land.
        (c) Weak implementation: The revenue officials who carried the reforms out were tied to the landlords.

        Conclusion:
        The reforms changed little, because the landlords kept most of their land.
        """
    }

    @Test func aTitleLineOverItsFirstLetteredPointHeadsASection() throws {
        let c = try Fixtures.context(Self.titled(points: "(a)"))
        #expect(c.sections.compactMap(\.section.title).contains("Why the Reforms Failed"))
        // Over a point that does not start a count it stays a line of the section before.
        let later = try Fixtures.context(Self.titled(points: "(b)"))
        #expect(!later.sections.compactMap(\.section.title).contains("Why the Reforms Failed"))
    }

    static func constitution(directive: String) -> String {
        """
        Q.4 \(directive) the making of the Constitution of 1973 and its salient features.

        1. INTRODUCTION
        The Constitution of 1973 was framed by elected representatives after the trauma of 1971.

        2. THE MAKING
        A committee was formed in April 1972. The Constitutional Accord was signed in October 1972. The draft \
        was presented in February 1973. The Assembly passed it on 10 April 1973. It came into force on 14 \
        August 1973. Bhutto took oath as Prime Minister. Fazal Elahi Chaudhry became President. The National \
        Assembly met at Islamabad. The Senate was formed. The provinces got their assemblies.

        3. CONCLUSION
        The Constitution of 1973 was made through the Accord and passed on 10 April 1973.
        """
    }

    @Test func traceOwesNoReasoningButEvaluateStillDoes() throws {
        #expect(try Self.findings(Self.constitution(directive: "Trace"), rule: "arguments-reasoning").isEmpty)
        let weighed = try Self.findings(Self.constitution(directive: "Trace and evaluate"), rule: "arguments-reasoning")
        #expect(weighed.count == 1)
        #expect(weighed.first?.message.hasSuffix("the answer narrates more than it argues") == true)
    }

    @Test func aSuperlativeOfSignificanceIsAVerdictOnThePast() throws {
        let judged = Self.constitution(directive: "Trace").replacing(
            "and passed on 10 April 1973.", with: "and passed on 10 April 1973. It is the most important constitution.")
        #expect(judged != Self.constitution(directive: "Trace"))
        #expect(try Self.findings(judged, rule: "conclusion-forward-look").isEmpty)
        let found = try Self.findings(Self.constitution(directive: "Trace"), rule: "conclusion-forward-look")
        #expect(found.map(\.message) == ["the conclusion neither gives a verdict on the question nor draws its lesson"])
    }

    static func simla(opening: String) -> String {
        """
        Q.6 "The Simla Deputation of 1906 was the starting point of Muslim separatism." To what extent do you \
        agree with this statement?

        The Deputation gave Muslim separateness a constitutional shape, but I agree with the statement only to \
        a limited extent.

        \(opening) The Muslims were granted separate electorates in 1909. The Muslim League was founded at \
        Dhaka in December 1906. The Congress accepted separate electorates in the Lucknow Pact of 1916.

        To conclude, the Deputation was a milestone rather than a starting point.
        """
    }

    @Test func aParagraphThatOpensByWeighingTheStatementIsNoNarration() throws {
        let weighed = Self.simla(opening: "Seen from this angle, the statement has much truth.")
        let narration = { (text: String) in
            try Self.findings(text, rule: "relevance-directive").filter { $0.message.contains("tells events") }
        }
        #expect(try narration(weighed).isEmpty)
        // Charged where it costs and noted at no cost: the same message twice.
        let found = try narration(Self.simla(opening: "The Deputation met Lord Minto at Simla in October 1906."))
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.message.hasPrefix("the question asks to what extent, but paragraph 2 tells") })
    }
}
