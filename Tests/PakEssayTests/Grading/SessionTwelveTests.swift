import Testing

@testable import PakEssay

/// The eleventh session's marking changes: evidence counted as an examiner counts it; a section on Pakistan
/// under a question on another country's affairs earns nothing; an off-topic answer's evidence counts only
/// where it serves the question.
@Suite struct SessionTwelveTests {
    /// An answer on the Simla Agreement that names it five times, gives the question's own year and one
    /// figure and one later event of its own.
    static let simla = """
        Q.3 Comment on the significance of the Simla Agreement of 1972 for Pakistan.

        The Simla Agreement was signed in 1972 between Bhutto and Indira Gandhi after the war.

        Under the Simla Agreement 90,000 soldiers came home and the land was returned to Pakistan.

        The Simla Agreement made Kashmir a bilateral issue, and India cites the Simla Agreement still.

        In 1984 India took Siachen, which broke the Simla Agreement.
        """

    @Test func theQuestionsOwnAgreementAndYearAreNotEvidence() throws {
        let context = try Fixtures.context(Self.simla)
        let items = context.evidence.map { "\($0.kind.rawValue) \($0.text)" }
        #expect(items == ["figure 90,000 soldiers", "date 1984"])
    }

    @Test func aNamedEventTheQuestionDoesNotNameCountsOnce() throws {
        let text = Self.simla.replacingOccurrences(
            of: "Comment on the significance of the Simla Agreement of 1972 for Pakistan.",
            with: "Discuss the course of Pakistan-India relations since 1947.")
        let context = try Fixtures.context(text)
        let items = context.evidence.map { "\($0.kind.rawValue) \($0.text)" }
        // The agreement named in four paragraphs is one piece of support in the count, but each paragraph
        // keeps its mention (a section that names it is not bare); the years are the answer's own now.
        #expect(
            items.filter { $0.hasPrefix("named") } == [
                "named The Simla Agreement", "named Under the Simla Agreement", "named The Simla Agreement",
                "named Simla Agreement",
            ])
        #expect(context.supportCount == context.evidence.count - 3)
        #expect(items.contains("date 1972"))
        #expect(items.contains("date 1984"))
    }

    @Test func questionYearsAreReadAsWritten() {
        let years = EvidenceItem.years(in: "Examine the Simla Agreement of 1972 and events since 2019.")
        #expect(years == ["1972", "2019"])
        #expect(EvidenceItem.years(in: "Discuss the 18th Amendment (2010) in 20,000 words") == ["2010"])
        #expect(EvidenceItem.years(in: nil).isEmpty)
        // A decade is no year the question gives, nor a number inside a word.
        #expect(EvidenceItem.years(in: "Discuss Pakistan's politics in the 1990s and the G2000 plan.").isEmpty)
    }

    static func drift(_ text: String, rubric: Rubric = Fixtures.rubric) throws -> [Finding] {
        try Fixtures.grade(text, rubric: rubric).findings.filter { $0.rule == "relevance-section-drift" }
    }

    @Test func aSectionOnPakistanUnderAForeignQuestionDrifts() throws {
        let text = RelevanceSectionDrift.afghanWomen(third: "IMPLICATIONS FOR PAKISTAN'S SECURITY")
        let found = try Self.drift(text)
        // (Listed once for each criterion it caps.)
        #expect(
            Set(found.map(\.message)) == [
                "section 3 \"IMPLICATIONS FOR PAKISTAN'S SECURITY\" is about Pakistan, which the question does not "
                    + "ask about: its arguments and evidence earn nothing"
            ])
        #expect(found.first?.range.start.line == 9)
        // Its evidence (the year 2021) is gone, and arguments and evidence keep the on-topic share, as for any
        // drifting section: a heading that names Pakistan never costs less than a bare section on the question.
        let context = try Fixtures.context(text)
        let third = try #require(context.relevance?.units.first { $0.name == "section 3" })
        #expect(!context.evidence.contains { third.paragraphs.contains($0.paragraph) })
        let outcome = try RelevanceSectionDrift(RuleParameters(values: nil, path: "", file: "")).evaluate(context)
        let share = try #require(context.relevance?.onTopicShare)
        #expect(outcome.caps.map(\.share) == [share])
        #expect(outcome.credit == share)
        #expect(share < 1)
    }

    @Test func aQuestionThatNamesPakistanOrAPakistanAffairsPaperAsksForIt() throws {
        let text = RelevanceSectionDrift.afghanWomen(third: "IMPACT ON PAKISTAN").replacingOccurrences(
            of: "since the Taliban returned in August 2021.", with: "and its impact on Pakistan.")
        // (Whether the section serves this question is the topic model's to judge, not this check's.)
        #expect(try Fixtures.context(text).relevance?.units.allSatisfy { $0.unasked == nil } == true)
        let affairs = try Fixtures.rubric("css-pakistan-affairs")
        let foreign = RelevanceSectionDrift.afghanWomen(third: "IMPACT ON PAKISTAN")
        #expect(try Self.drift(foreign, rubric: affairs).isEmpty)
    }

    @Test func pakistanIsNamedHoweverItIsWritten() throws {
        #expect(GradingContext.nameWords("Pak-Afghan Ties") == ["pak", "afghan", "ties"])
        #expect(GradingContext.nameWords("PAKISTAN’S CONCERNS") == ["pakistan", "s", "concerns"])
        #expect(GradingContext.nameWords("India–Pakistan") == ["india", "pakistan"])
        func unasked(_ text: String, rubric: Rubric = Fixtures.rubric) throws -> [String] {
            try Fixtures.context(text, rubric: rubric).relevance?.units.compactMap(\.unasked) ?? []
        }
        let curly = RelevanceSectionDrift.afghanWomen(third: "PAKISTAN’S CONCERNS")
        #expect(try unasked(curly) == ["is about Pakistan, which the question does not ask about"])
        // A question that names Pakistan through an acronym's full name, or in a compound, asks about it.
        let question =
            "Discuss the condition of women's rights in Afghanistan since the Taliban returned in August 2021."
        for asked in [
            "Discuss the condition of women's rights in Afghanistan and its effect on CPEC.",
            "Discuss women's rights in Afghanistan and Pak-Afghan relations since August 2021.",
        ] {
            let text = curly.replacingOccurrences(of: question, with: asked)
            #expect(text != curly)
            #expect(try unasked(text).isEmpty, "\(asked)")
        }
        // The essay rubrics set no unasked names: an essay may bring its subject home.
        for id in ["css-essay", "general-essay"] {
            #expect(try unasked(curly, rubric: Fixtures.rubric(id)).isEmpty, "\(id)")
        }
    }

    @Test func anOffTopicAnswersEvidenceCountsOnlyWhereItServesTheQuestion() throws {
        let text = String(decoding: Fixtures.sample("one-paragraph.txt"), as: UTF8.self)
        let foreign = text.replacingOccurrences(
            of: "Explain the significance of the 18th Amendment.",
            with: "Examine the low female labour force participation in Pakistan and its impact on economic growth.")
        #expect(foreign != text)
        let g = try Fixtures.grade(foreign)
        #expect(g.findings.contains { $0.rule == "relevance-off-topic" })
        #expect(g.criteria.first { $0.id == "evidence" }?.score == 0)
        // Under its own question the same answer keeps its year of the amendment.
        #expect(try Fixtures.grade(text).criteria.first { $0.id == "evidence" }?.score == 0.5)
    }

    @Test func anEssayOfAnOpeningAndACloseIsJudgedOnThemForExamples() throws {
        // Panel answer n07: a case argued in one long opening paragraph, and a close; examiners gave its
        // evidence 0.5 of 2, where pakessay had given full credit for want of any body to judge.
        let school = try Fixtures.rubric("general-essay")
        let text = String(decoding: Fixtures.sample("panel/n07.txt"), as: UTF8.self)
        let context = try Fixtures.context(text, rubric: school)
        #expect(context.arguments.isEmpty)
        let found = try Fixtures.grade(text, rubric: school).findings.filter { $0.rule == "evidence-examples" }
        #expect(found.map(\.message) == ["the last paragraph makes its point without an example"])
        #expect(found.first?.range.start.line == 5)
        // Given an example, the close is shown too: both parts are, and only their number falls short.
        let shown = text.replacingOccurrences(
            of: "Students are the future of the nation",
            with: "For example, Finland banned it in 1914 and its schools are the best. Students are the future")
        #expect(shown != text)
        let better = try Fixtures.grade(shown, rubric: school)
        #expect(
            better.findings.filter { $0.rule == "evidence-examples" }.map(\.message) == [
                "only 2 points are shown with an example, a name or a number; a developed essay shows 4"
            ])
        let evidence = { (g: GradedAnswer) in g.criteria.first { $0.id == "evidence" }?.score ?? -1 }
        #expect(evidence(better) > evidence(try Fixtures.grade(text, rubric: school)))
    }
}
