import Testing

@testable import PakEssay

/// A letter's address block that opens with "To" alone on its line is a formality, not the introduction.
@Suite struct AddressBlockTests {
    static let application = """
        Q.4 Write an application to the Principal of your school requesting him to arrange a sports week.

        To
        The Principal,
        Government High School No. 2,
        Sahiwal.

        Subject: Request for arranging a sports week.

        Respected Sir,

        With due respect it is stated that I am a student of class 10th of your school, and I write on behalf \
        of my whole class about a matter that concerns every student.

        Our school has a big ground, but no sports week has been held for two years, and the students are bored.

        I therefore request you kindly to arrange a sports week this year. We shall be very thankful to you.

        Yours obediently,
        Ahmad Raza
        """

    @Test func theAddressBlockIsNotTheIntroduction() throws {
        let c = try Fixtures.context(Self.application, rubric: try Fixtures.rubric("general-essay"))
        let intro = try #require(c.introduction)
        let first = try #require(intro.paragraphs.first)
        #expect(c.paragraphs[first].paragraph.text.hasPrefix("With due respect"))
    }

    @Test func aSentenceOpeningWithToIsNoAddress() throws {
        let document = try Fixtures.parse("Q.1 Describe your school.\n\nTo be honest, our school is small.\n")
        let paragraph = try #require(document.answers.first?.allParagraphs.first)
        #expect(!PartFinder.opensAddressBlock(paragraph))
    }
}
