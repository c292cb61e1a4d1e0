import Testing

@testable import PakEssay

/// A letter, a description or a story (a question that sets a task taking no position) closes as its kind
/// does, so neither `conclusion-restates` nor `relevance-question-terms` asks its close for the question's
/// words; an essay that argues still owes them.
@Suite struct TaskKindCloseTests {
    static let letter = """
        Q.5 Write a letter to your friend congratulating him on his success in the Matric examination.

        Dear Hamza,

        I was delighted to hear that you have passed the Matric examination with an A+ grade. Congratulations \
        on this success, which you earned with months of hard work and late nights over your books.

        Your parents must be proud of you. I remember how you gave up cricket in the evenings to revise \
        mathematics, and now that sacrifice has been rewarded with the best result in our street.

        Please give my salam to your parents and my love to your little sister. Write to me soon.

        Your sincere friend,
        Ahmed
        """

    static let essay = """
        Q.3 Should junk food be banned in school canteens? Give reasons for your opinion.

        Junk food should be banned in school canteens, because it harms the health of growing children.

        Firstly, burgers, chips and fizzy drinks are full of fat and sugar. A can of cola holds about ten spoons \
        of sugar, and children who drink one every day gain weight quickly and lose their energy in class.

        Secondly, a canteen that sells fruit, milk and sandwiches teaches good habits that last for life.

        Please give my regards to the principal and the teachers who run our canteen so well.
        """

    static func rules(_ text: String) throws -> [Finding] {
        try Fixtures.grade(text, rubric: try Fixtures.rubric("general-essay")).findings.filter {
            $0.rule == "conclusion-restates" || $0.rule == "relevance-question-terms"
        }
    }

    @Test func aLettersCloseOwesNoQuestionTerms() throws {
        let found = try Self.rules(Self.letter)
        #expect(!found.contains { $0.rule == "conclusion-restates" })
        #expect(!found.contains { $0.message.hasPrefix("the conclusion") || $0.message.contains("close") })
    }

    @Test func anArguingEssaysCloseStillOwesThem() throws {
        let found = try Self.rules(Self.essay)
        let f = try #require(found.first { $0.rule == "conclusion-restates" })
        #expect(f.range.start.line == 9 && f.range.start.column == 1)
        #expect(f.message.hasPrefix("the last paragraph does not answer the question in its terms"))
    }
}
