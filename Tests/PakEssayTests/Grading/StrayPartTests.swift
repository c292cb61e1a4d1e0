import Testing

@testable import PakEssay

/// Where the question has no topic of the thesaurus (a letter, a school essay's prompt), a long part that
/// names nothing of the question strays from it, and is named as drifting; a letter on its task is not.
@Suite struct StrayPartTests {
    static let holidays = """
        Now I tell you about my holidays. These days we are in our village. The weather is very hot here but in \
        the evening it becomes pleasant. My cousins and I go to the canal daily and swim there. Last Sunday we \
        played a cricket match with the boys of the next village. I made 35 runs and we won the match by two \
        wickets. My uncle has a big mango garden and we eat many mangoes daily; my favourite is the sindhri. \
        There are also buffaloes and goats, and my cousin taught me how to milk a buffalo. At night we sleep on \
        a charpai in the open and my grandmother tells us stories of old times.
        """

    static func letter(withHolidays: Bool) -> String {
        let middle = withHolidays ? "\n\n\(holidays)" : ""
        return """
            Q.5 Write a letter to your friend congratulating him on his success in the Matric examination.

            Dear Hamza,

            I was delighted to hear that you have passed the Matric examination with an A+ grade. Congratulations \
            on this success, which you earned with months of hard work.

            Your parents must be proud of your success. I remember how you gave up cricket in the evenings to \
            revise mathematics for the Matric papers.\(middle)

            Which college will you join now? With such a success you should take pre-engineering, my friend.

            Please give my salam to your parents and my love to your little sister. Write to me soon.

            Your sincere friend,
            Ahmed
            """
    }

    static func drift(_ text: String) throws -> [Finding] {
        try Fixtures.grade(text, rubric: try Fixtures.rubric("general-essay")).findings.filter {
            $0.rule == "relevance-section-drift"
        }
    }

    @Test func aParagraphOnTheHolidaysStraysFromALetterOfCongratulation() throws {
        let found = try Self.drift(Self.letter(withHolidays: true))
        let f = try #require(found.first)
        // The finding is listed once for each criterion it costs; it names one paragraph.
        #expect(Set(found.map(\.range.start.line)).count == 1)
        #expect(f.range.start.line == 9 && f.range.start.column == 1)
        #expect(f.message.hasPrefix("paragraph 4 names nothing of the question ('friend', 'congratulating'"))
    }

    @Test func theLetterOnItsTaskDoesNotStray() throws {
        #expect(try Self.drift(Self.letter(withHolidays: false)).isEmpty)
    }

    @Test func aQuestionWithNoTermsHasNothingToStrayFrom() throws {
        let paragraph = String(
            repeating: "The village fair comes every spring and the whole family goes to it. ", count: 9)
        let text = "Q.2 Write an essay.\n\n\(paragraph)\n\n\(paragraph)\n\n\(paragraph)\n\n\(paragraph)\n"
        #expect(try Self.drift(text).isEmpty)
    }
}
