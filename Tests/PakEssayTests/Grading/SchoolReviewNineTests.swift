import Foundation
import Testing

@testable import PakEssay

/// Findings the ninth finding review (batch k) and the eighth (batch j) judged false on school letters and
/// essays, each pinned where it no longer fires, beside the case that still does.
@Suite struct SchoolReviewNineTests {
    /// The body of the panel's letter k08 (a letter of advice, 289 words), without its question line.
    static var letterBody: String {
        let text = String(decoding: Fixtures.sample("panel/k08.txt"), as: UTF8.self)
        return text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)[1].description
    }

    static func findings(_ text: String, rule: String) throws -> [Finding] {
        try Fixtures.grade(text, rubric: try Fixtures.rubric("general-essay")).findings.filter { $0.rule == rule }
    }

    /// `relevance-question-terms`' findings under the school rubric with the rule added (the shipped rubrics
    /// leave it out: see `Fixtures.rubric(_:adding:to:weight:)`).
    static func withQuestionTerms(_ text: String) throws -> [Finding] {
        let rubric = try Fixtures.rubric("general-essay", adding: "relevance-question-terms", to: "relevance")
        return try Fixtures.grade(text, rubric: rubric).findings.filter { $0.rule == "relevance-question-terms" }
    }

    static let letterQuestion =
        "Q.3 Write a letter to your younger brother, who lives in a hostel, advising him to spend his time wisely."
    static let essayQuestion = "Q.3 Why should students spend their time wisely and avoid bad company? Give reasons."

    @Test func aLetterOwesALettersLengthNotAnEssays() throws {
        #expect(try Self.findings(Self.letterQuestion + "\n" + Self.letterBody, rule: "answer-too-short").isEmpty)
        let essay = try Self.findings(Self.essayQuestion + "\n" + Self.letterBody, rule: "answer-too-short")
        #expect(essay.first?.message == "the answer is 289 words, 72% of the 400 words these marks expect")
    }

    @Test func aShortLetterIsStillTooShort() throws {
        let lines = Self.letterBody.split(separator: "\n", omittingEmptySubsequences: false)
        let short = (lines.prefix(12) + lines.suffix(4)).joined(separator: "\n")
        let found = try Self.findings(Self.letterQuestion + "\n" + short, rule: "answer-too-short")
        #expect(found.first?.message == "the answer is 196 words, 89% of the 220 words a letter of these marks owes")
    }

    @Test(arguments: ["Q.4 Write an application to the Principal requesting a sports week.", letterQuestion])
    func aLettersOpeningIsNotOwedTheQuestionsTerms(question: String) throws {
        let found = try Self.withQuestionTerms(question + "\n" + Self.letterBody)
        #expect(found.isEmpty)
    }

    @Test func anEssaysIntroductionIsStillOwedTheQuestionsTerms() throws {
        let found = try Self.withQuestionTerms(Self.essayQuestion + "\n" + Self.letterBody)
        #expect(found.contains { $0.message.hasPrefix("the introduction names 2 of the question's 7 key terms") })
    }

    @Test func onlyTheSchoolRubricNamesLetterTasks() throws {
        // The CSS rubrics hold no `letterTasks`: their answers are judged as before.
        #expect(Fixtures.rubric.lexicon.cue("letterTasks").count == 0)
        #expect(try Fixtures.rubric("general-essay").lexicon.cue("letterTasks").count == 4)
    }

    static let studyAlone = """
        Q.2 Is it better to study alone or in a group? Give reasons for your answer.

        Study is very important for every student. Some students like to study alone and some like to study \
        in a group with their friends. In my opinion study alone is better than study in a group. First, when \
        we study alone we can concentrate and there is no disturbance. In group study the students start \
        gossip and the time is wasted. Second, every student has his own speed, so in a group the slow \
        student cannot follow. When I study alone I can read the lesson again and again and learn it well.

        %@ I agree that study alone is better for students because it saves time and gives more \
        concentration. Students should ask their teacher when they have a problem.
        """

    @Test(arguments: ["So", "Therefore"])
    func aShortLastParagraphThatClosesIsTheConclusion(opener: String) throws {
        let text = Self.studyAlone.replacingOccurrences(of: "%@", with: opener)
        #expect(try Self.findings(text, rule: "conclusion-missing").isEmpty)
        let c = try Fixtures.context(text, rubric: try Fixtures.rubric("general-essay"))
        #expect(c.conclusion?.paragraphs == [1])
    }

    @Test func aShortLastParagraphThatArguesOnIsNoConclusion() throws {
        let text = Self.studyAlone.replacingOccurrences(of: "%@", with: "Moreover,")
        let found = try Self.findings(text, rule: "conclusion-missing")
        #expect(found.first?.message == "the answer has no conclusion: it stops after its last point")
    }

    static func illustrated(_ sentence: String) throws -> Bool {
        let text = "Q.4 Should children be given pocket money?\n\n\(sentence)\n"
        let rubric = try Fixtures.rubric("general-essay")
        let c = try Fixtures.context(text, rubric: rubric)
        return EvidenceExamples.illustrates(c, paragraph: 0, listItems: 3)
    }

    @Test(arguments: [
        "He can buy the things which he needs in school like a pencil or a copy without asking his parents.",
        "You must not waste your time in useless activities like roaming in the bazaar and watching films.",
        "Large hospitals, specialist doctors and emergency services are found mainly in cities.",
        "Get up early in the morning, offer your prayer and go for a walk.",
    ])
    func aListOfThingsShowsThePoint(sentence: String) throws {
        #expect(try Self.illustrated(sentence))
    }

    @Test(arguments: [
        "Pocket money is good and it teaches children to save.",
        "Bad company is like a poison and it spoils even a good boy.",
        "When a child has his own money he thinks before spending it, and he learns to save.",
    ])
    func aSentenceWithoutAListShowsNothing(sentence: String) throws {
        #expect(try !Self.illustrated(sentence))
    }

    @Test func listsCountOnlyWhereTheRubricSaysSo() throws {
        let text =
            "Q.1 Discuss cities.\n\nLarge hospitals, specialist doctors and emergency services are found in cities.\n"
        let c = try Fixtures.context(text, rubric: try Fixtures.rubric("general-essay"))
        #expect(!EvidenceExamples.illustrates(c, paragraph: 0))
        #expect(EvidenceExamples.illustrates(c, paragraph: 0, listItems: 3))
    }
}
