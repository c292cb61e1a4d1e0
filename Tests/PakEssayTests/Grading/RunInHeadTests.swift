import Testing

@testable import PakEssay

/// `structure-heading-density` counts run-in subheadings as examiners do: a short label ending in a colon, or
/// an underlined label, that opens a paragraph.
@Suite struct RunInHeadTests {
    static func opens(_ line: String) throws -> Bool {
        let document = try Fixtures.parse("Q.1 Discuss the causes of inflation in Pakistan.\n\n\(line)\n")
        let paragraph = try #require(document.answers.first?.allParagraphs.first)
        return StructureHeadingDensity.opensWithRunInHead(paragraph, runInWords: 6)
    }

    @Test(arguments: [
        ("3.1 Mutual defence clause: aggression against one is aggression against both.", true),
        ("Origin: The Quad grew out of the Tsunami Core Group formed in 2004.", true),
        ("{==Electorates.==} The Nehru Report abolished separate electorates at once.", true),
        ("In 1947, the state said: we will build a nation of equals and keep it so.", false),
        ("The reasons are many and they are deep: money, arms and ideas all played their part.", false),
        ("Inflation rose. Prices: they doubled in two years and never came down again.", false),
        ("Causes: none.", false),
    ])
    func aParagraphOpensWithARunInHeadOrNot(line: String, expected: Bool) throws {
        #expect(try Self.opens(line) == expected)
    }
}
