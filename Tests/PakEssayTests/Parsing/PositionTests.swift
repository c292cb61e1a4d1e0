import Testing

@testable import PakEssay

/// Positions (section 5): 1-based line and column counted in Unicode scalars of the line as written,
/// markup included, checked on lines where accented letters, Urdu and emoji stand before the markup.
@Suite("Positions")
struct PositionTests {
    struct Prefix: Sendable, CustomTestStringConvertible {
        var text: String
        var name: String
        var scalars: Int { text.unicodeScalars.count }
        var testDescription: String { name }
    }

    static let prefixes: [Prefix] = [
        .init(text: "Plain words ", name: "ASCII"),
        .init(text: "Caf\u{E9} d\u{E9}j\u{E0} ", name: "precomposed accents"),
        .init(text: "Cafe\u{301} de\u{301}ja\u{300} ", name: "combining accents"),
        .init(text: "پاکستان زندہ باد ", name: "Urdu"),
        .init(text: "😀👍🏽 ", name: "emoji with a skin tone"),
        .init(text: "🇵🇰 👨‍👩‍👧 ", name: "flag and family"),
        .init(text: "“Quaid’s” — é پاک 😀\t", name: "mixed with a tab"),
    ]

    @Test("the prefixes are as many scalars as the test assumes")
    func prefixLengths() {
        #expect(Self.prefixes.map(\.scalars) == [12, 10, 13, 17, 4, 9, 20])
    }

    @Test("edits sit at their openers' scalar columns", arguments: prefixes)
    func edits(prefix: Prefix) throws {
        let p = prefix.scalars
        let answer = try Transcript.body(prefix.text + "~~old~~ ^{new} and {--cut--} done.")
        #expect(
            answer.edits == [
                Edit(kind: .cutting, position: .at(3, p + 1), text: "old"),
                Edit(kind: .correction, position: .at(3, p + 1), text: "old → new"),
                Edit(kind: .insertion, position: .at(3, p + 9), text: "new"),
                Edit(kind: .cutting, position: .at(3, p + 20), text: "cut"),
            ])
    }

    @Test("an unclosed opener's warning points at its scalar column", arguments: prefixes)
    func unclosed(prefix: Prefix) throws {
        let answer = try Transcript.body("First line.\n" + prefix.text + "text ^{open")
        #expect(Transcript.diagnostics(answer, "markup-unclosed").map(\.position) == [.at(4, prefix.scalars + 6)])
    }

    @Test("inline atoms, visuals and margin comments sit at their scalar columns", arguments: prefixes)
    func atoms(prefix: Prefix) throws {
        let p = prefix.scalars
        let answer = try Transcript.body(prefix.text + "[illegible] [?guess?] [map: route] {>>vague<<} end.")
        let content = try answer.allParagraphs.at(0).content
        #expect(content.contains(.illegible(at: .at(3, p + 1))))
        #expect(content.contains(.guess("guess", at: .at(3, p + 13))))
        #expect(answer.visuals == [Visual(kind: "map", caption: "route", position: .at(3, p + 23))])
        #expect(answer.remarks == [Remark(text: "vague", position: .at(3, p + 36), kind: .comment)])
    }

    @Test("a paragraph's range ends one past the last scalar of its last line", arguments: prefixes)
    func paragraphRange(prefix: Prefix) throws {
        let answer = try Transcript.body("  Opening line\n" + prefix.text + "~~x~~.")
        #expect(try answer.allParagraphs.at(0).range == SourceRange(start: .at(3, 3), end: .at(4, prefix.scalars + 7)))
    }

    @Test("the second line of a paragraph keeps its own columns")
    func secondLine() throws {
        let answer = try Transcript.body("The motto is ~~long\nlived~~ پاکستان زندہ باد ^{forever} 😀 ~~now~~.")
        #expect(
            answer.edits == [
                Edit(kind: .cutting, position: .at(3, 14), text: "long lived"),
                Edit(kind: .insertion, position: .at(4, 26), text: "forever"),
                Edit(kind: .cutting, position: .at(4, 39), text: "now"),
            ])
    }

    @Test("headings and numbering diagnostics sit at the first scalar that is not white space")
    func headings() throws {
        let answer = try Transcript.body(
            """
            2. پاکستان ~~Economy~~ Economics

            Text.

            \u{3000}\u{A0}\t2.3 Café Culture 😀

            Text.
            """)
        #expect(try answer.sections.at(0).position == .at(3, 1))
        #expect(try answer.sections.at(0).title == "پاکستان Economics")
        #expect(try answer.sections.at(0).sections.at(0).position == .at(7, 4))
        #expect(answer.edits == [Edit(kind: .cutting, position: .at(3, 12), text: "Economy")])
        #expect(
            answer.diagnostics == [
                Diagnostic(
                    rule: "numbering-skipped", severity: .warning, position: .at(7, 4),
                    message: "heading 2.3 skips 2.1, 2.2")
            ])
    }

    @Test("a bullet point's position is its text after the bullet")
    func bulletPosition() throws {
        let answer = try Transcript.body("1. Causes\n\n  - پاکستان first\n  • 😀 second\n\n1.1 First\n\nText.")
        #expect(try answer.sections.at(0).outline.map(\.position) == [.at(5, 5), .at(6, 5)])
    }

    @Test("positions in a later answer keep the file's line numbers")
    func laterAnswer() throws {
        let document = try Transcript.parse("Q1. Discuss.\n\nText.\n\nQ2. Explain.\n\nپاک ~~x~~ y.")
        #expect(try document.answers.at(1).edits == [Edit(kind: .cutting, position: .at(7, 5), text: "x")])
        #expect(try document.answers.at(1).question?.position == .at(5, 1))
    }
}
