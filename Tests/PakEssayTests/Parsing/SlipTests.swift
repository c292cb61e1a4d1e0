import Testing

@testable import PakEssay

/// Markup slips (section 1, rules): an opener without a closer in its paragraph closes at the end of
/// its own line with a `markup-unclosed` warning at the opener; characters that open nothing are text.
@Suite("Markup slips")
struct SlipTests {
    @Test("an unclosed ~~ closes at the end of its line and is reported at the opener")
    func unclosedStrike() throws {
        let answer = try Transcript.body(
            """
            The civil service is also ~~very politicised and the officers are
            transferred on the wishes of the ministers.
            """)
        #expect(
            Transcript.paragraphTexts(answer) == [
                "The civil service is also transferred on the wishes of the ministers."
            ])
        #expect(
            answer.edits == [Edit(kind: .cutting, position: .at(3, 27), text: "very politicised and the officers are")])
        let slips = Transcript.diagnostics(answer, "markup-unclosed")
        #expect(slips.count == 1)
        #expect(slips.first?.position == .at(3, 27))
        #expect(slips.first?.severity == .warning)
        #expect(
            slips.first?.message
                == "`~~` opened here is not closed in its paragraph; read as closing at the end of line 3")
    }

    @Test("an unclosed ^{ closes at the end of its line and is reported at the opener")
    func unclosedInsertion() throws {
        let answer = try Transcript.body(
            """
            Another reason is that the ^{big institutions
            keep fighting with each other.
            """)
        #expect(
            Transcript.paragraphTexts(answer) == [
                "Another reason is that the big institutions keep fighting with each other."
            ])
        #expect(answer.edits == [Edit(kind: .insertion, position: .at(3, 28), text: "big institutions")])
        #expect(Transcript.diagnostics(answer, "markup-unclosed").map(\.position) == [.at(3, 28)])
    }

    @Test(
        "each CriticMarkup and tag opener left open is a slip at its own column",
        arguments: [
            ("It {--really matters.", 4, "{--"), ("It {++really matters.", 4, "{++"),
            ("It {==really matters.", 4, "{=="),
            ("It <del>really matters.", 4, "<del>"), ("It <ins>really matters.", 4, "<ins>"), ("A b ~~c d.", 5, "~~"),
        ])
    func otherOpeners(line: String, column: Int, opener: String) throws {
        let answer = try Transcript.body(line)
        let slips = Transcript.diagnostics(answer, "markup-unclosed")
        #expect(slips.map(\.position) == [.at(3, column)])
        #expect(slips.first?.message.hasPrefix("`\(opener)` opened here") == true)
    }

    @Test("a ^{ open at the end of a paragraph never pairs with a } further down the file")
    func insertionOpenAtParagraphEnd() throws {
        let answer = try Transcript.body(
            """
            Ends with ^{ an open insertion

            Later a } brace stands alone.
            """)
        #expect(Transcript.paragraphTexts(answer) == ["Ends with an open insertion", "Later a } brace stands alone."])
        #expect(answer.edits == [Edit(kind: .insertion, position: .at(3, 11), text: "an open insertion")])
        #expect(Transcript.diagnostics(answer, "markup-unclosed").map(\.position) == [.at(3, 11)])
    }

    @Test("a ~~ left open above a heading in the same block never strikes the heading")
    func strikeOpenAboveHeading() throws {
        let answer = try Transcript.body(
            """
            Pakistan faces ~~many problems.
            2. ECONOMY
            Inflation is ~~high~~ very high.
            3. SOCIETY
            Text here.
            """)
        #expect(answer.allSections.compactMap(\.title) == ["ECONOMY", "SOCIETY"])
        #expect(answer.allSections.compactMap(\.number) == ["2", "3"])
        #expect(Transcript.paragraphTexts(answer) == ["Pakistan faces", "Inflation is very high.", "Text here."])
        #expect(
            answer.edits == [
                Edit(kind: .cutting, position: .at(3, 16), text: "many problems."),
                Edit(kind: .cutting, position: .at(5, 14), text: "high"),
            ])
        #expect(Transcript.diagnostics(answer, "markup-unclosed").map(\.position) == [.at(3, 16)])
    }

    @Test("a ^{ left open above bullet points in the same block stays on its line")
    func insertionOpenAboveBullets() throws {
        let answer = try Transcript.body(
            """
            The economy grew ^{fast.
            - point one
            - point } two
            """)
        #expect(Transcript.paragraphTexts(answer) == ["The economy grew fast.", "point one", "point } two"])
        #expect(answer.edits == [Edit(kind: .insertion, position: .at(3, 18), text: "fast.")])
        #expect(Transcript.diagnostics(answer, "markup-unclosed").map(\.position) == [.at(3, 18)])
    }

    @Test("an opener with a closer later in its paragraph is no slip")
    func closedLater() throws {
        let answer = try Transcript.body(
            """
            The ^{newly
            elected} members met.
            """)
        #expect(answer.diagnostics.isEmpty)
        #expect(answer.edits == [Edit(kind: .insertion, position: .at(3, 5), text: "newly elected")])
    }

    @Test(
        "characters that open nothing are literal text",
        arguments: [
            "A lone } brace.", "Tilde ~ alone.", "Caret ^ alone and 2^10 signatures.", "Less < more and a<b.",
            "Tags <u>literal</u> and <b>bold</b> and <p>.", "A stray </del> closer.",
            "Half ~> arrow and --} and ++} and ==} and <<}.",
        ])
    func literal(line: String) throws {
        let answer = try Transcript.body(line)
        #expect(Transcript.paragraphTexts(answer) == [line])
        #expect(answer.edits.isEmpty)
        #expect(answer.diagnostics.isEmpty)
    }

    @Test("an edit after a closed highlight that held an edit is read, not a crash")
    func editAfterClosedContainer() throws {
        let answer = try Transcript.body("{==~~b~~ c d e f==} {==^{x}==} end.")
        #expect(Transcript.paragraphTexts(answer) == ["c d e f x end."])
        #expect(
            answer.edits == [
                Edit(kind: .cutting, position: .at(3, 4), text: "b"),
                Edit(kind: .insertion, position: .at(3, 24), text: "x"),
            ])
        #expect(answer.stats.corrections == 0)
    }

    @Test("openers nested past any real depth are literal text, not a crash")
    func deepNesting() throws {
        let line = String(repeating: "^{", count: 20_000) + "x"
        let answer = try Transcript.body(line)
        #expect(answer.stats.insertions == InlineScanner.maxDepth)
        #expect(Transcript.diagnostics(answer, "markup-unclosed").count == InlineScanner.maxDepth)
        #expect(answer.allParagraphs.count == 1)
        #expect(try answer.allParagraphs.at(0).text.unicodeScalars.count == (20_000 - InlineScanner.maxDepth) * 2 + 1)
    }
}
