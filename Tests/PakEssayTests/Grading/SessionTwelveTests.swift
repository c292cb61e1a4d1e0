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
        // The agreement named five times is one piece of support; the years are the answer's own now.
        #expect(items.filter { $0 == "named Simla Agreement" }.count == 1)
        #expect(items.contains("date 1972"))
        #expect(items.contains("date 1984"))
    }

    @Test func questionYearsAreReadAsWritten() {
        let years = EvidenceItem.years(in: "Examine the Simla Agreement of 1972 and events since 2019.")
        #expect(years == ["1972", "2019"])
        #expect(EvidenceItem.years(in: "Discuss the 18th Amendment (2010) in 20,000 words") == ["2010"])
        #expect(EvidenceItem.years(in: nil).isEmpty)
    }

    static func drift(_ text: String, rubric: Rubric = Fixtures.rubric) throws -> [Finding] {
        try Fixtures.grade(text, rubric: rubric).findings.filter { $0.rule == "relevance-section-drift" }
    }

    @Test func aSectionOnPakistanUnderAForeignQuestionEarnsNothingWithoutCappingTheRest() throws {
        let text = RelevanceSectionDrift.afghanWomen(third: "IMPLICATIONS FOR PAKISTAN'S SECURITY")
        let found = try Self.drift(text)
        #expect(
            found.map(\.message) == [
                "section 3 \"IMPLICATIONS FOR PAKISTAN'S SECURITY\" is about Pakistan, which the question does not "
                    + "ask about: its arguments and evidence earn nothing"
            ])
        #expect(found.first?.range.start.line == 9)
        // Its evidence (the year 2021) is gone, and the rule caps no criterion: only the section earns nothing.
        let context = try Fixtures.context(text)
        let third = try #require(context.relevance?.units.first { $0.name == "section 3" })
        #expect(!context.evidence.contains { third.paragraphs.contains($0.paragraph) })
        let outcome = try RelevanceSectionDrift(RuleParameters(values: nil, path: "", file: "")).evaluate(context)
        #expect(outcome.caps.isEmpty)
        #expect(outcome.credit < 1)
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
