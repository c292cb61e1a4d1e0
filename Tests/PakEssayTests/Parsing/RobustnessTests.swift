import Testing

@testable import PakEssay

/// Text that must not break the parser (section 4): encodings, line ends, odd white space and
/// scripts, extreme sizes; and input errors that name the byte offset.
@Suite("Robustness")
struct RobustnessTests {
    static let sample = """
        Q.2 Discuss the ~~role~~ rôle of “water” in پاکستان 😀.

        1. INTRODUCTION :

        Water is life ^{for} the people of Pakistan and it’s scarce.
        The Indus {--river--} is its lifeline.
        """

    static func parseBytes(_ bytes: [UInt8]) throws(InputError) -> EssayDocument {
        try EssayParser.parse(bytes: bytes, source: "test.txt")
    }

    static func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in text.utf16 {
            let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            bytes += littleEndian ? [low, high] : [high, low]
        }
        return bytes
    }

    @Test("a UTF-8 byte-order mark changes nothing")
    func byteOrderMark() throws {
        let plain = try Self.parseBytes(Array(Self.sample.utf8))
        let marked = try Self.parseBytes([0xEF, 0xBB, 0xBF] + Array(Self.sample.utf8))
        #expect(marked == plain)
        #expect(try marked.answers.at(0).question?.label == "Q.2")
        #expect(try marked.answers.at(0).question?.position == .at(1, 1))
    }

    @Test("UTF-16 with a byte-order mark reads as the same model", arguments: [true, false])
    func utf16(littleEndian: Bool) throws {
        let plain = try Self.parseBytes(Array(Self.sample.utf8))
        let wide = try Self.parseBytes(Self.utf16(Self.sample, littleEndian: littleEndian))
        #expect(wide == plain)
        #expect(try wide.answers.at(0).question?.text == "Discuss the rôle of “water” in پاکستان 😀.")
        #expect(try wide.answers.at(0).stats.cuttings == 2)
    }

    @Test("CRLF and lone CR line ends read as LF", arguments: ["\r\n", "\r"])
    func lineEnds(end: String) throws {
        let plain = try Transcript.parse(Self.sample)
        let other = try Transcript.parse(Self.sample.replacingOccurrences(of: "\n", with: end))
        #expect(other == plain)
        #expect(try other.answers.at(0).allParagraphs.at(0).range == SourceRange(start: .at(5, 1), end: .at(6, 39)))
    }

    @Test("tabs and no-break spaces are white space")
    func whiteSpace() throws {
        let answer = try Transcript.body("\t1.\u{A0}INTRODUCTION\t:\n\nWater\u{A0}is\tlife\u{2003}for  all.")
        #expect(answer.sections.map(\.title) == ["INTRODUCTION"])
        #expect(try answer.sections.at(0).position == .at(3, 2))
        #expect(Transcript.paragraphTexts(answer) == ["Water is life for all."])
        #expect(answer.stats.words == 6)
    }

    @Test("a line of white space ends a paragraph like a blank line")
    func whiteSpaceLine() throws {
        let answer = try Transcript.body(
            "First paragraph ends here.\n \t\u{A0}\u{3000}\nSecond paragraph starts here.\n\n\t\nThird one.")
        #expect(
            Transcript.paragraphTexts(answer) == [
                "First paragraph ends here.", "Second paragraph starts here.", "Third one.",
            ])
        #expect(answer.allParagraphs.map(\.line) == [3, 5, 8])
    }

    @Test("curly quotes, dashes, Urdu words and emoji are text")
    func scriptsAndSymbols() throws {
        let answer = try Transcript.body("It’s the “motto” — پاکستان زندہ باد 🇵🇰 😀 — of Pakistan’s people.")
        #expect(
            Transcript.paragraphTexts(answer) == ["It’s the “motto” — پاکستان زندہ باد 🇵🇰 😀 — of Pakistan’s people."])
        #expect(answer.stats.words == 9)
        #expect(answer.diagnostics.isEmpty)
    }

    @Test("a very long line is one paragraph with every edit counted")
    func veryLongLine() throws {
        let unit = "word ~~cut~~ ^{added} "  // 22 scalars; its `^{` is at offset 13
        let line = String(repeating: unit, count: 5_000)
        let answer = try Transcript.body(line)
        #expect(answer.allParagraphs.count == 1)
        #expect(answer.stats.words == 10_000)
        #expect(answer.stats.cuttings == 5_000)
        #expect(answer.stats.insertions == 5_000)
        #expect(answer.stats.corrections == 5_000)
        #expect(answer.edits.last == Edit(kind: .insertion, position: .at(3, 22 * 4_999 + 14), text: "added"))
    }

    @Test(
        "an empty file is one answer with nothing but a question-missing warning", arguments: ["", "\n\n", "   \n\t\n"])
    func empty(text: String) throws {
        let document = try Self.parseBytes(Array(text.utf8))
        #expect(document.answers.count == 1)
        let answer = try document.answers.at(0)
        #expect(answer.question == nil)
        #expect(answer.sections.isEmpty)
        #expect(answer.stats == Statistics())
        #expect(
            answer.diagnostics == [
                Diagnostic(
                    rule: "question-missing", severity: .warning, position: .at(1, 1),
                    message:
                        "no question line (such as `Q.1 …`); criteria that need the question cannot be judged without --question"
                )
            ])
    }

    @Test("a file that is only markup")
    func onlyMarkup() throws {
        let answer = try Transcript.answer("~~struck~~ {>>margin note<<}\n\n^{}\n\n<del></del>")
        #expect(answer.question == nil)
        #expect(answer.stats.words == 0)
        #expect(answer.stats.cuttings == 2)
        #expect(answer.stats.insertions == 1)
        #expect(answer.stats.corrections == 0)
        #expect(answer.remarks == [Remark(text: "margin note", position: .at(1, 12), kind: .comment)])
        #expect(answer.diagnostics.map(\.rule) == ["question-missing"])
    }

    @Test(
        "invalid UTF-8 is an input error naming the exact byte offset",
        arguments: [
            ([0xFF], 0), ([0xC0, 0xAF], 0), ([0xE2, 0x82], 0), ([0xED, 0xA0, 0x80], 0), ([0xF5, 0x80, 0x80, 0x80], 0),
            ([0x80], 0),
            ([0xC3, 0xA9, 0xE2, 0x28, 0xA1], 2),
        ] as [([UInt8], Int)])
    func invalidUTF8(bad: [UInt8], within: Int) throws {
        let prefix = Array("Q1. Discuss.\n\nCafé text ".utf8)
        let offset = prefix.count + within
        do {
            _ = try Self.parseBytes(prefix + bad + Array(" more.".utf8))
            Issue.record("no error thrown")
        } catch {
            #expect(error.code == "invalid-utf8")
            #expect(error.offset == offset)
            #expect(error.message == "test.txt: invalid UTF-8 at byte offset \(offset)")
        }
    }

    @Test("the offset of invalid UTF-8 after a byte-order mark counts the mark")
    func invalidAfterMark() throws {
        do {
            _ = try Self.parseBytes([0xEF, 0xBB, 0xBF, 0x41, 0x42, 0xFE])
            Issue.record("no error thrown")
        } catch {
            #expect(error.code == "invalid-utf8")
            #expect(error.offset == 5)
        }
    }

    @Test("a NUL byte is binary data at its offset")
    func nulByte() throws {
        let bytes = Array("Q1. Discuss.\n\nText ".utf8) + [0x00] + Array(" here.".utf8)
        do {
            _ = try Self.parseBytes(bytes)
            Issue.record("no error thrown")
        } catch {
            #expect(error.code == "binary")
            #expect(error.offset == 19)
            #expect(error.message == "test.txt: binary data (a NUL byte) at byte offset 19; expected a text transcript")
        }
    }

    @Test("every sample parses into answers with sections and words", arguments: Fixtures.sampleNames)
    func samples(name: String) throws {
        let document = try Self.parseBytes(Fixtures.sample(name))
        #expect(document.answers.count == (name == "two-answers.txt" ? 2 : 1))
        for answer in document.answers {
            #expect(answer.stats.words > 100)
            #expect(answer.stats.paragraphs >= 1)
        }
    }
    @Test("short lines after a long one hold only their own scalars")
    func shortLinesAfterALongOne() {
        let text = String(repeating: "x", count: 100_000) + "\n" + String(repeating: "word\n", count: 100)
        let lines = SourceLine.split(Array(text.utf8))
        #expect(lines.count == 101)
        #expect(lines[0].scalars.count == 100_000)
        for line in lines.dropFirst() {
            // Before, each got a buffer as large as the longest line so far (100,000 scalars).
            #expect(line.scalars.count == 4)
            #expect(line.scalars.capacity < 64)
        }
    }
}
