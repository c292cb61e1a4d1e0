import Foundation
import Testing

@testable import PakEssay

/// Findings the tenth finding review (batch l) judged false on school answers: a description's parts that name
/// nothing of its prompt, a description's and a letter's parts asked for an example each, a complete
/// application charged for its length, and a plain "but" not counted as reasoning. Each is pinned where it no
/// longer fires, beside the case that still does.
@Suite struct ReviewTenSchoolTests {
    /// The body of a panel answer, without its question line.
    static func body(_ name: String) -> String {
        let text = String(decoding: Fixtures.sample("panel/\(name).txt"), as: UTF8.self)
        return text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)[1].description
    }

    static func findings(_ text: String, rule: String, rubric: String = "general-essay") throws -> [Finding] {
        try Fixtures.grade(text, rubric: try Fixtures.rubric(rubric)).findings.filter { $0.rule == rule }
    }

    static let wedding = "Question 4: Describe a wedding you attended recently."
    static let weddingOpinion = "Q.4 Should weddings be simple? Give reasons for your opinion."

    @Test func aDescriptionsPartsDoNotStrayForNamingNothingOfThePrompt() throws {
        // l08: the mehndi and the barat are the wedding, though neither paragraph says "wedding".
        #expect(try Self.findings(Self.wedding + "\n" + Self.body("l08"), rule: "relevance-section-drift").isEmpty)
        let count = try Self.findings(Self.wedding + "\n" + Self.body("l08"), rule: "arguments-count")
        #expect(count.isEmpty)
    }

    @Test func theSameParagraphsStrayFromAQuestionThatArgues() throws {
        let found = try Self.findings(Self.weddingOpinion + "\n" + Self.body("l08"), rule: "relevance-section-drift")
        #expect(Set(found.map(\.range.start.line)) == [5, 7])
        #expect(
            found.first?.message == """
                paragraph 2 names nothing of the question ('weddings' and 'simple'): its arguments and evidence \
                earn nothing
                """)
    }

    @Test func aLetterStillStrays() throws {
        // A letter is not a telling task: its paragraph that names nothing of the question still strays.
        let question = "Q.4 Write a letter to your friend about a wedding you attended recently."
        let found = try Self.findings(question + "\n" + Self.body("l08"), rule: "relevance-section-drift")
        #expect(Set(found.map(\.range.start.line)) == [7])
    }

    @Test func aDescriptionIsNotAskedForAnExampleInEachPart() throws {
        let found = try Self.findings(Self.wedding + "\n" + Self.body("l08"), rule: "evidence-examples")
        // Since review 15 such a task is judged by its paragraphs that give a concrete detail.
        #expect(
            found.map(\.message) == [
                """
                only 4 paragraphs give a concrete detail (a name, a place, a number, a list of things); a letter, \
                a description or a story that shows its matter gives one in 5 or more
                """
            ])
    }

    @Test func anOpinionEssayIsStillAskedForAnExampleInEachPart() throws {
        let found = try Self.findings(Self.weddingOpinion + "\n" + Self.body("l08"), rule: "evidence-examples")
        #expect(found.map(\.message) == ["paragraph 4 makes its point without an example"])
    }

    static let application = "Q.4 Write an application to the Principal of your school requesting a fee concession."

    @Test func aCompleteApplicationIsLongEnough() throws {
        // l10: 216 words, a whole application with its address, subject, request and sign-off.
        #expect(try Self.findings(Self.application + "\n" + Self.body("l10"), rule: "answer-too-short").isEmpty)
        let essay = "Q.4 Should schools give fee concessions to poor students? Give reasons."
        let found = try Self.findings(essay + "\n" + Self.body("l10"), rule: "answer-too-short")
        #expect(found.map(\.message) == ["the answer is 216 words, 54% of the 400 words these marks expect"])
    }

    @Test func aButBetweenClaimsIsReasoningWhereTheRubricSaysSo() throws {
        // l09: "In western countries they send old peoples in old house but in Pakistan we keep them".
        let text = String(decoding: Fixtures.sample("panel/l09.txt"), as: UTF8.self)
        let school = try Self.findings(text, rule: "arguments-reasoning")
        #expect(school.first?.message.hasPrefix("1 reasoning connective (cause or contrast) in 201 words") == true)
        // The CSS rubrics list no contrastWords: a bare "but" is no reasoning there.
        let css = try Fixtures.grade(text).findings.filter { $0.rule == "arguments-reasoning" }
        #expect(css.first?.message.hasPrefix("0 reasoning connectives (cause or contrast) in 201 words") == true)
        #expect(Fixtures.rubric.lexicon.cue("contrastWords").count == 0)
    }

    @Test func aSentenceWithoutButHasNoContrast() throws {
        let text = """
            Q.5 Why should we respect our elders? Give reasons.

            Elders are very important in our society and we should respect them. They have a lot of experience \
            of life. They took care of us when we were small. They are our parents and grandparents and \
            teachers. When we respect them they pray for us. In western countries old people live in old homes. \
            In Pakistan we keep them in our homes. We should respect the elders and obey them.
            """
        let found = try Self.findings(text, rule: "arguments-reasoning")
        #expect(found.first?.message.hasPrefix("0 reasoning connectives") == true)
    }
}
