import Testing

@testable import PakEssay

/// Every inline markup form of the transcription format (section 1): what reaches the fair copy,
/// and how many cuttings, insertions and corrections each form makes.
@Suite("Inline markup")
struct MarkupTests {
    struct FormCase: Sendable, CustomTestStringConvertible {
        var line: String
        var fair: String
        var cuttings: Int
        var insertions: Int
        var corrections: Int
        var testDescription: String { line }
    }

    static let forms: [FormCase] = [
        // Native forms.
        .init(
            line: "Pakistan ~~was~~ is a federation.", fair: "Pakistan is a federation.", cuttings: 1, insertions: 0,
            corrections: 0),
        .init(
            line: "Pakistan is a ^{federal} state.", fair: "Pakistan is a federal state.", cuttings: 0, insertions: 1,
            corrections: 0),
        .init(
            line: "The fall of ~~Delhi~~ ^{Dhaka} in 1971.", fair: "The fall of Dhaka in 1971.", cuttings: 1,
            insertions: 1, corrections: 1),
        .init(
            line: "The fall of ^{Dhaka} ~~Delhi~~ in 1971.", fair: "The fall of Dhaka in 1971.", cuttings: 1,
            insertions: 1, corrections: 1),
        .init(
            line: "The fall of ~~Delhi~~^{Dhaka} in 1971.", fair: "The fall of Dhaka in 1971.", cuttings: 1,
            insertions: 1, corrections: 1),
        // CriticMarkup.
        .init(line: "It {--really--} matters.", fair: "It matters.", cuttings: 1, insertions: 0, corrections: 0),
        .init(line: "It {++really++} matters.", fair: "It really matters.", cuttings: 0, insertions: 1, corrections: 0),
        .init(
            line: "Signed in {~~1970~>1960~~} at Karachi.", fair: "Signed in 1960 at Karachi.", cuttings: 1,
            insertions: 1, corrections: 1),
        .init(line: "A {==key==} point.", fair: "A key point.", cuttings: 0, insertions: 0, corrections: 0),
        // Tags.
        .init(
            line: "The <del>highest</del> top officer.", fair: "The top officer.", cuttings: 1, insertions: 0,
            corrections: 0),
        .init(
            line: "The <s>constitution</s> process.", fair: "The process.", cuttings: 1, insertions: 0, corrections: 0),
        .init(
            line: "The <strike>politition</strike> politicians.", fair: "The politicians.", cuttings: 1, insertions: 0,
            corrections: 0),
        .init(
            line: "The <ins>elected</ins> members.", fair: "The elected members.", cuttings: 0, insertions: 1,
            corrections: 0),
        .init(
            line: "The local <add>government</add> bodies.", fair: "The local government bodies.", cuttings: 0,
            insertions: 1, corrections: 0),
        .init(
            line: "The <subst><del>old</del><add>new</add></subst> system.", fair: "The new system.", cuttings: 1,
            insertions: 1, corrections: 1),
        .init(
            line: "The <DEL>Highest</DEL> <INS>top</INS> man.", fair: "The top man.", cuttings: 1, insertions: 1,
            corrections: 1),
        // Unreadable words.
        .init(line: "Jobs are [illegible] sold.", fair: "Jobs are … sold.", cuttings: 0, insertions: 0, corrections: 0),
        .init(
            line: "Rule of law and [?accountability?] matter.", fair: "Rule of law and accountability matter.",
            cuttings: 0, insertions: 0, corrections: 0),
        // Inside a word, and an insertion struck with its cutting.
        .init(
            line: "The ~~mis~~misunderstood policy.", fair: "The misunderstood policy.", cuttings: 1, insertions: 0,
            corrections: 0),
        .init(
            line: "The govern~~ment~~ment policy.", fair: "The government policy.", cuttings: 1, insertions: 0,
            corrections: 0),
        .init(
            line: "Corruption has become ~~the ^{a}~~ a way of life.", fair: "Corruption has become a way of life.",
            cuttings: 1, insertions: 1, corrections: 0),
        // Not side by side: a comma stands between.
        .init(
            line: "The city ~~Delhi~~, ^{Dhaka} fell.", fair: "The city , Dhaka fell.", cuttings: 1, insertions: 1,
            corrections: 0),
        // A pair is used once: the third edit has no partner left.
        .init(
            line: "It ~~was~~ ^{is} ~~very~~ clear.", fair: "It is clear.", cuttings: 2, insertions: 1, corrections: 1),
    ]

    @Test("each form reaches the fair copy and the counts", arguments: forms)
    func form(_ c: FormCase) throws {
        let answer = try Transcript.body(c.line)
        #expect(Transcript.paragraphTexts(answer) == [c.fair])
        #expect(answer.stats.cuttings == c.cuttings)
        #expect(answer.stats.insertions == c.insertions)
        #expect(answer.stats.corrections == c.corrections)
        #expect(answer.diagnostics.isEmpty)
    }

    @Test("a native correction records both halves and the pair, at the opener")
    func correctionEdits() throws {
        let answer = try Transcript.body("The fall of ~~Delhi~~ ^{Dhaka} in 1971.")
        #expect(
            answer.edits == [
                Edit(kind: .cutting, position: .at(3, 13), text: "Delhi"),
                Edit(kind: .correction, position: .at(3, 13), text: "Delhi → Dhaka"),
                Edit(kind: .insertion, position: .at(3, 23), text: "Dhaka"),
            ])
    }

    @Test("an insertion written before the cutting still reads old → new")
    func reversedCorrection() throws {
        let answer = try Transcript.body("The fall of ^{Dhaka} ~~Delhi~~ in 1971.")
        #expect(
            Transcript.edits(answer, .correction) == [
                Edit(kind: .correction, position: .at(3, 13), text: "Delhi → Dhaka")
            ])
    }

    @Test("a CriticMarkup substitution is a cutting, an insertion and a correction")
    func criticSubstitution() throws {
        let answer = try Transcript.body("Signed in {~~1970~>1960~~} at Karachi.")
        #expect(
            answer.edits == [
                Edit(kind: .cutting, position: .at(3, 11), text: "1970"),
                Edit(kind: .correction, position: .at(3, 11), text: "1970 → 1960"),
                Edit(kind: .insertion, position: .at(3, 18), text: "1960"),
            ])
    }

    @Test("an insertion inside a cutting counts as both, and neither reaches the fair copy")
    func insertionInsideCutting() throws {
        let answer = try Transcript.body("Corruption has become ~~the ^{a}~~ a way of life.")
        #expect(
            answer.edits == [
                Edit(kind: .cutting, position: .at(3, 23), text: "the a"),
                Edit(kind: .insertion, position: .at(3, 29), text: "a"),
            ])
        #expect(try answer.allParagraphs.at(0).words == 7)
    }

    @Test("a cutting runs over a line end inside one paragraph")
    func cuttingAcrossLineEnd() throws {
        let answer = try Transcript.body(
            """
            The standard of governance ~~has been
            fallen~~ has fallen very low.
            """)
        #expect(answer.allParagraphs.count == 1)
        #expect(Transcript.paragraphTexts(answer) == ["The standard of governance has fallen very low."])
        #expect(answer.edits == [Edit(kind: .cutting, position: .at(3, 28), text: "has been fallen")])
        #expect(answer.diagnostics.isEmpty)
    }

    @Test("a strike at a line end and an insertion opening the next line are one correction")
    func correctionAcrossLineEnd() throws {
        let answer = try Transcript.body(
            """
            The capital moved from ~~Delhi~~
            ^{Dhaka} to Karachi.
            """)
        #expect(Transcript.paragraphTexts(answer) == ["The capital moved from Dhaka to Karachi."])
        #expect(answer.stats.cuttings == 1)
        #expect(answer.stats.insertions == 1)
        #expect(
            Transcript.edits(answer, .correction) == [
                Edit(kind: .correction, position: .at(3, 24), text: "Delhi → Dhaka")
            ])
    }

    @Test("escaped markup characters are literal text and make no edits")
    func escapes() throws {
        let answer = try Transcript.body(
            #"Clerks write \~\~not a cutting\~\~ and \^{not an insertion} and \{--no--} and \[illegible] and \<del>no\</del> here."#
        )
        #expect(
            Transcript.paragraphTexts(answer) == [
                "Clerks write ~~not a cutting~~ and ^{not an insertion} and {--no--} and [illegible] and <del>no</del> here."
            ])
        #expect(answer.edits.isEmpty)
        #expect(answer.stats.illegible == 0)
        #expect(answer.diagnostics.isEmpty)
    }

    @Test("a margin comment leaves the fair copy and becomes a remark")
    func marginComment() throws {
        let answer = try Transcript.body("Civil unrest {>>weak argument, give data<<} may follow.")
        #expect(Transcript.paragraphTexts(answer) == ["Civil unrest may follow."])
        #expect(answer.remarks == [Remark(text: "weak argument, give data", position: .at(3, 14), kind: .comment)])
        #expect(answer.stats.words == 4)
    }

    @Test("illegible spots are counted; guesses are read as written")
    func illegibleAndGuess() throws {
        let answer = try Transcript.body("Jobs are [illegible] sold and [ILLEGIBLE] bought by [?clerks?].")
        #expect(answer.stats.illegible == 2)
        #expect(Transcript.paragraphTexts(answer) == ["Jobs are … sold and … bought by clerks."])
        let content = try answer.allParagraphs.at(0).content
        #expect(content.contains(.illegible(at: .at(3, 10))))
        #expect(content.contains(.guess("clerks", at: .at(3, 53))))
    }

    @Test("a visual kind on a line of its own", arguments: ["map", "diagram", "flowchart", "chart", "graph", "table"])
    func visualLine(kind: String) throws {
        let answer = try Transcript.body(
            "Some text comes first.\n\n[\(kind): routes from Kashgar to Gwadar]\n\nMore text follows.")
        #expect(answer.visuals == [Visual(kind: kind, caption: "routes from Kashgar to Gwadar", position: .at(5, 1))])
        #expect(answer.stats.visuals == 1)
        #expect(
            answer.sections.map(\.visuals) == [
                [Visual(kind: kind, caption: "routes from Kashgar to Gwadar", position: .at(5, 1))]
            ])
        #expect(Transcript.paragraphTexts(answer) == ["Some text comes first.", "More text follows."])
    }

    @Test("a visual inside a line is kept and leaves the words around it")
    func visualSpan() throws {
        let answer = try Transcript.body("As the [Diagram: water cycle] shows, rain falls.")
        #expect(answer.visuals == [Visual(kind: "diagram", caption: "water cycle", position: .at(3, 8))])
        #expect(Transcript.paragraphTexts(answer) == ["As the shows, rain falls."])
    }

    @Test("a bracket that names no known kind is literal text")
    func unknownBracket() throws {
        let answer = try Transcript.body("See [note: later] and [page 4] here.")
        #expect(answer.visuals.isEmpty)
        #expect(Transcript.paragraphTexts(answer) == ["See [note: later] and [page 4] here."])
        #expect(answer.stats.pages == 1)
    }

    @Test("counts over a paragraph that mixes every form")
    func mixedCounts() throws {
        let answer = try Transcript.body(
            """
            The ~~Delhi~~ ^{Dhaka} fall {--was--} {++is++} a <s>grave</s> lesson {~~for~>to~~} us,
            and <ins>the</ins> ~~rulers ^{elites}~~ {==never==} <subst><del>learnt</del><add>learned</add></subst> it.
            """)
        // Pairs: Delhi/Dhaka, was/is, for/to, the/rulers (only white space between), old/new tags.
        #expect(answer.stats.cuttings == 6)
        #expect(answer.stats.insertions == 6)
        #expect(answer.stats.corrections == 5)
        #expect(Transcript.paragraphTexts(answer) == ["The Dhaka fall is a lesson to us, and the never learned it."])
    }

    @Test("the fair copy of an answer: question, headings and paragraphs, markup gone")
    func fairCopyOfAnswer() throws {
        let answer = try Transcript.answer(
            """
            Q.2 Discuss the ~~cause~~ causes of inflation.

            1. INTRODUCTION :

            Inflation ~~are~~ ^{is} high {>>source?<<} in [?Pakistan?].
            """)
        #expect(
            FairCopyWriter.text(of: answer) == """
                Q.2 Discuss the causes of inflation.

                1 INTRODUCTION

                Inflation is high in Pakistan.

                """)
    }

    @Test("the script shows cuttings struck and insertions raised")
    func script() {
        let script = ScriptRenderer.render(utf8: Array("A ~~bc~~ ^{d} [illegible] e.".utf8))
        #expect(script == "A b\u{0336}c\u{0336} ↑(d) [illegible] e.\n")
    }

    @Test("a sample with every slip keeps its exact counts")
    func sampleCounts() throws {
        let answer = try Transcript.answer(SampleFiles.text("weak-messy-governance.txt"))
        #expect(answer.stats.cuttings == 10)
        #expect(answer.stats.insertions == 6)
        #expect(answer.stats.corrections == 2)
        #expect(Transcript.diagnostics(answer, "markup-unclosed").map(\.position) == [.at(32, 27), .at(52, 62)])
    }
}
