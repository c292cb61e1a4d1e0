import Testing

@testable import PakEssay

/// Mends from the review of the tenth session's diff: a set ending is read only from a story or a description;
/// a block of short lines is an address only in a letter; a capitalised regularised past is told its past.
@Suite struct SessionElevenReviewTests {
    static let long =
        "Pakistan and India fought over Kashmir after partition in 1947, and the dispute shaped the politics of the "
        + "region for decades, with wars in 1948, 1965 and 1971 and many rounds of talks that failed to settle it."

    static func findings(_ text: String, rule: String, rubric: Rubric = Fixtures.rubric) throws -> [Finding] {
        try Fixtures.grade(text, rubric: rubric).findings.filter { $0.rule == rule }
    }

    @Test func anEssayEndingWithAnEventSetsAScopeNotItsLastWords() throws {
        var text = "Q.2 Trace the history of the Kashmir dispute from 1947, ending with the Simla Agreement.\n\n"
        text += "1. Introduction\n\(Self.long) \(Self.long)\n\n"
        for k in 2...5 { text += "\(k). Phase \(k)\n\(Self.long) \(Self.long) \(Self.long)\n\n" }
        text += "6. Conclusion\nIn short, the dispute remains."
        let context = try Fixtures.context(text)
        #expect(context.setEnding == nil)
        // Its short conclusion is judged as any other.
        let short = try Self.findings(text, rule: "conclusion-length")
        #expect(short.map(\.message) == ["the conclusion is only 5 words long"])
        let school = try Fixtures.rubric("general-essay")
        let essay =
            "Q.4 Write an essay on the history of Pakistan ending with the present day.\n\n"
            + (1...4).map { _ in "\(Self.long) \(Self.long)" }.joined(separator: "\n\n")
        #expect(try Self.findings(essay, rule: "relevance-set-ending", rubric: school).isEmpty)
        // A story's set ending is still read.
        let story = try Fixtures.context(
            "Q.4 Write a story that ends with the words: \"I never went there again.\"\n\nWe went to the river.",
            rubric: school)
        #expect(story.setEnding == ["I", "never", "went", "there", "again"])
    }

    @Test func shortLinesOutsideALetterAreProseNotAnAddress() throws {
        let school = try Fixtures.rubric("general-essay")
        let story = """
            Q.3 Write a story about a night in the village that you will never forget.

            It was a cold winter night in our small village near Multan. My grandfather had gone to the city and \
            my mother was worried because the roads were flooded after the heavy rain of that week.

            We sat near the fire and waited for him. Hours passed and nobody came. My little brother fell asleep \
            on the charpai while my mother kept looking at the door.

            At midnight we heard a knock at the door. My mother ran to open it. There stood my grandfather, wet \
            and tired, but smiling at all of us.

            We were safe.
            We were together.
            I will never forget it.
            """
        let context = try Fixtures.context(story, rubric: school)
        #expect(context.proseParagraphs.count == 4)
        #expect(try Self.findings(story, rule: "conclusion-missing", rubric: school).isEmpty)
    }

    @Test func aCapitalisedRegularisedPastIsToldItsPast() throws {
        let school = try Fixtures.rubric("general-essay")
        let found = try Self.findings(
            "Q.3 Write a story about a race.\n\nOvercomed with joy, we sang all the way home that evening.",
            rule: "language-spelling", rubric: school)
        #expect(found.map(\.message) == ["'Overcomed' is no past form: the past of 'overcome' is 'Overcame'"])
    }
}
