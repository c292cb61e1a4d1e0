import Testing

@testable import PakEssay

/// Page breaks (sections 1 and 3.4): a sentence split by a turned page is one paragraph; page
/// markers are explicit breaks; a paragraph that ends a sentence is never joined.
@Suite("Page breaks")
struct PageBreakTests {
    @Test("mid-sentence end, blank line, lowercase continuation: one paragraph, one inferred break")
    func inferredBreak() throws {
        let answer = try Transcript.body(
            """
            The economy of Pakistan has been weak for

            many years because of poor policies.
            """)
        #expect(answer.allParagraphs.count == 1)
        let paragraph = try answer.allParagraphs.at(0)
        #expect(paragraph.text == "The economy of Pakistan has been weak for many years because of poor policies.")
        #expect(paragraph.pageBreaks == 1)
        #expect(paragraph.words == 14)
        #expect(paragraph.range == SourceRange(start: .at(3, 1), end: .at(5, 37)))
        #expect(paragraph.content.contains(.pageBreak(explicit: false, page: nil, at: .at(5, 1))))
        #expect(answer.stats.pages == 2)
        #expect(answer.stats.paragraphs == 1)
    }

    @Test(
        "a paragraph that ends with sentence punctuation is not joined",
        arguments: [".", "?", "!", ":", ";", ".”", "?\""])
    func endedSentence(punctuation: String) throws {
        // A third paragraph follows, so the lowercase one is not read as a closing note.
        let answer = try Transcript.body(
            "The state was created in 1947\(punctuation)\n\nafter that many problems arose for the new state.\n\nThe end came later."
        )
        #expect(answer.allParagraphs.count == 3)
        #expect(answer.allParagraphs.map(\.pageBreaks) == [0, 0, 0])
        #expect(try answer.allParagraphs.at(1).text == "after that many problems arose for the new state.")
        #expect(answer.stats.pages == 1)
    }

    @Test("a capital after a blank line starts a new paragraph even mid-sentence")
    func capitalContinuation() throws {
        let answer = try Transcript.body("The economy of Pakistan has been weak for\n\nMany years passed in this way.")
        #expect(
            Transcript.paragraphTexts(answer) == [
                "The economy of Pakistan has been weak for", "Many years passed in this way.",
            ])
        #expect(answer.stats.pages == 1)
    }

    @Test(
        "a [page N] line inside a paragraph is an explicit break that does not split it",
        arguments: ["[page 3]", "--- page 3 ---", "[Page 3]", "----- PAGE 3 -----"])
    func markerInsideParagraph(marker: String) throws {
        let answer = try Transcript.body(
            "The army ruled the country for\n\(marker)\nmany years and the people suffered.")
        #expect(answer.allParagraphs.count == 1)
        let paragraph = try answer.allParagraphs.at(0)
        #expect(paragraph.text == "The army ruled the country for many years and the people suffered.")
        #expect(paragraph.pageBreaks == 1)
        #expect(paragraph.content.contains(.pageBreak(explicit: true, page: 3, at: .at(4, 1))))
        #expect(answer.stats.pages == 2)
    }

    @Test("a page marker between blank lines joins a sentence even before a capital")
    func markerBetweenBlankLines() throws {
        let answer = try Transcript.body("The army ruled for\n\n[page 4]\n\nMany years it did so.")
        #expect(Transcript.paragraphTexts(answer) == ["The army ruled for Many years it did so."])
        #expect(try answer.allParagraphs.at(0).pageBreaks == 1)
        #expect(try answer.allParagraphs.at(0).content.contains(.pageBreak(explicit: true, page: 4, at: .at(5, 1))))
    }

    @Test("a page marker between finished paragraphs is a page, not a join")
    func markerBetweenParagraphs() throws {
        let answer = try Transcript.body(
            "First paragraph ends here.\n\n--- page 2 ---\n\nSecond paragraph starts here.")
        #expect(Transcript.paragraphTexts(answer) == ["First paragraph ends here.", "Second paragraph starts here."])
        #expect(answer.allParagraphs.map(\.pageBreaks) == [0, 0])
        #expect(answer.stats.pages == 2)
    }

    @Test("a marker without a number is a break with no page")
    func unnumberedMarker() throws {
        let answer = try Transcript.body("The army ruled for\n[page]\nmany years.")
        #expect(try answer.allParagraphs.at(0).content.contains(.pageBreak(explicit: true, page: nil, at: .at(4, 1))))
    }

    @Test("pages count every break in the answer")
    func pageCount() throws {
        let answer = try Transcript.body(
            """
            One paragraph is split across

            a turned page here.

            [page 3]

            Another starts on page three.

            --- page 4 ---

            And the last on page four.
            """)
        #expect(answer.stats.pages == 4)
        #expect(answer.stats.paragraphs == 3)
    }

    @Test("the samples' page breaks")
    func samples() throws {
        let cpec = try Transcript.answer(SampleFiles.text("strong-cpec.txt"))
        #expect(cpec.stats.pages == 4)
        let attacks = try #require(cpec.allSections.first { $0.number == "4.1.1" })
        #expect(attacks.paragraphs.map(\.pageBreaks) == [1])
        let extremism = try Transcript.answer(SampleFiles.text("average-extremism.txt"))
        #expect(extremism.allParagraphs.map(\.pageBreaks).reduce(0, +) == 2)
    }
    // The shapes of issue 11 (items 10 and 11). Their time is checked by scripts/growth-check.sh, never
    // here; these pin what the linear joins must still produce.

    @Test("one-letter paragraphs are one paragraph joined across a page turn at each blank line")
    func oneLetterParagraphs() throws {
        let answer = try Transcript.body(String(repeating: "a\n\n", count: 2_000) + "b.")
        #expect(answer.allParagraphs.count == 1)
        let paragraph = try answer.allParagraphs.at(0)
        #expect(paragraph.pageBreaks == 2_000)
        #expect(paragraph.text == String(repeating: "a ", count: 2_000) + "b.")
        #expect(paragraph.range == SourceRange(start: .at(3, 1), end: .at(4_003, 3)))
        #expect(answer.stats.pages == 2_001)
    }

    @Test("a paragraph of one-word lines is one paragraph with every word")
    func oneWordLines() throws {
        let answer = try Transcript.body(String(repeating: "word\n", count: 5_000) + "end.")
        #expect(answer.allParagraphs.count == 1)
        let paragraph = try answer.allParagraphs.at(0)
        #expect(paragraph.words == 5_001)
        #expect(paragraph.text == String(repeating: "word ", count: 5_000) + "end.")
        #expect(paragraph.pageBreaks == 0)
    }

    @Test("wholly struck lines leave the lines around them one paragraph")
    func struckLines() throws {
        let struck = String(repeating: "~~x~~\n", count: 3_000)
        let answer = try Transcript.body("Prices rose\n" + struck + "sharply after 2022.")
        #expect(Transcript.paragraphTexts(answer) == ["Prices rose sharply after 2022."])
        #expect(Transcript.edits(answer, .cutting).count == 3_000)
    }
}
