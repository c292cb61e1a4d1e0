import Foundation
import Testing

@testable import PakEssay

/// The catalogue of bad inputs in docs/errors.md: each is graded with a warning or refused with its
/// error code, never a crash, a hang or a lost answer.
@Suite(.serialized) struct BadInputCatalogueTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pakessay-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let answer =
        "Q.1 Discuss inflation.\n\n1. INTRODUCTION\nInflation is high because money is printed.\n\n2. CONCLUSION\nIn conclusion, prices must be controlled.\n"

    /// Inputs that are graded (exit 0), with what the model must show.
    struct Graded: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let check: @Sendable (EssayDocument) -> Bool
        var testDescription: String { name }
    }

    static let graded: [Graded] = [
        Graded(name: "UTF-8 with a byte-order mark", bytes: [0xEF, 0xBB, 0xBF] + Array(answer.utf8)) {
            $0.answers[0].question?.label == "Q.1"
        },
        Graded(
            name: "UTF-16 LE with a byte-order mark",
            bytes: [0xFF, 0xFE] + answer.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        ) { $0.answers[0].stats.headings == 2 },
        Graded(
            name: "UTF-16 BE with a byte-order mark",
            bytes: [0xFE, 0xFF] + answer.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        ) { $0.answers[0].stats.headings == 2 },
        Graded(
            name: "UTF-32 LE with a byte-order mark",
            bytes: [0xFF, 0xFE, 0, 0]
                + answer.unicodeScalars.flatMap { s in
                    (0..<4).map { UInt8(truncatingIfNeeded: s.value >> ($0 * 8)) }
                }
        ) { $0.answers[0].stats.headings == 2 && $0.answers[0].question?.label == "Q.1" },
        Graded(
            name: "UTF-32 BE with a byte-order mark",
            bytes: [0, 0, 0xFE, 0xFF]
                + answer.unicodeScalars.flatMap { s in
                    (0..<4).reversed().map { UInt8(truncatingIfNeeded: s.value >> ($0 * 8)) }
                }
        ) { $0.answers[0].stats.headings == 2 && $0.answers[0].question?.label == "Q.1" },
        Graded(
            name: "UTF-32 with a character beyond the BMP",
            bytes: [0xFF, 0xFE, 0, 0]
                + "Q.1 Discuss 😀 today.".unicodeScalars.flatMap { s in
                    (0..<4).map { UInt8(truncatingIfNeeded: s.value >> ($0 * 8)) }
                }
        ) { $0.answers[0].question?.text.contains("😀") == true },
        Graded(
            name: "UTF-16 without a byte-order mark",
            bytes: answer.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        ) { doc in
            doc.answers[0].stats.headings == 2 && doc.answers[0].diagnostics.contains { $0.rule == "encoding-guessed" }
        },
        Graded(name: "CRLF line ends", bytes: Array(answer.replacingOccurrences(of: "\n", with: "\r\n").utf8)) {
            $0.answers[0].sections.count == 2
        },
        Graded(name: "CR line ends", bytes: Array(answer.replacingOccurrences(of: "\n", with: "\r").utf8)) {
            $0.answers[0].sections.count == 2
        },
        Graded(
            name: "tabs, no-break spaces, curly quotes, Urdu and emoji",
            bytes: Array("Q.1 Discuss پاکستان.\n\n\tThe\u{A0}“economy” — 😀 سیلاب ~~x~~ grew.\n".utf8)
        ) {
            $0.answers[0].edits.first?.position == SourcePosition(line: 3, column: 26)
        },
        Graded(name: "only a question", bytes: Array("Q.1 Discuss inflation in Pakistan.\n".utf8)) {
            $0.answers[0].stats.words == 0
        },
        Graded(name: "only markup", bytes: Array("~~~~ ^{} {----} [illegible] <del></del> {>>x<<}".utf8)) {
            $0.answers.count == 1
        },
        Graded(name: "only a remark", bytes: Array("Remarks: good effort but add data.\n".utf8)) {
            $0.answers[0].remarks.count == 1 && $0.answers[0].stats.words == 0
        },
        Graded(name: "an empty file", bytes: []) {
            $0.answers.count == 1 && $0.answers[0].diagnostics.contains { $0.rule == "question-missing" }
        },
        Graded(
            name: "control characters",
            bytes: Array("Q.1 Discuss\u{1}\u{7} inflation.\n\nPrices\u{1B}[31m rose.\n".utf8)
        ) { $0.answers[0].stats.paragraphs == 1 },
        Graded(
            name: "HTML and script tags inside an answer",
            bytes: Array(
                "Q.1 Discuss <script>alert(1)</script>.\n\n<b>Prices</b> rose <img src=x onerror=alert(1)>.\n".utf8)
        ) {
            $0.answers[0].sections[0].paragraphs[0].text.contains("<img src=x onerror=alert(1)>")
        },
        Graded(
            name: "a single 1 MB line",
            bytes: Array(
                ("Q.1 Discuss inflation.\n\n" + String(repeating: "Prices rose again and again ", count: 38_000)).utf8)
        ) { $0.answers[0].stats.paragraphs == 1 },
        Graded(
            name: "200,000 ~~ markers",
            bytes: Array(
                ("Q.1 Discuss inflation.\n\nPrices " + String(repeating: "~~", count: 200_000) + " rose.").utf8)
        ) { $0.answers[0].stats.cuttings == 100_000 },
        Graded(
            name: "an unclosed ~~ in every paragraph",
            bytes: Array(
                ("Q.1 Discuss inflation.\n\n" + String(repeating: "Prices ~~rose\nagain.\n\n", count: 2_000)).utf8)
        ) {
            $0.answers[0].diagnostics.filter { $0.rule == "markup-unclosed" }.count == 2_000
        },
        Graded(
            name: "numbering nested 30 deep",
            bytes: Array(
                ("Q.1 Discuss inflation.\n\n"
                    + (1...30).map { d in
                        (1...d).map { _ in "1" }.joined(separator: ".") + " Level \(d)\nText at level \(d).\n"
                    }.joined(separator: "\n")).utf8)
        ) { doc in
            doc.answers[0].allSections.map(\.level).max() == 30
        },
        Graded(
            name: "20,000 headings",
            bytes: Array(
                ("Q.1 Discuss inflation.\n\n"
                    + (1...20_000).map { "\($0). PART \($0)\nSome text.\n" }.joined(separator: "\n")).utf8)
        ) { $0.answers[0].stats.headings == 20_000 },
        Graded(
            name: "20,000 outline lines",
            bytes: Array(
                ("Q.1 Discuss inflation.\n\n1. CAUSES\n" + (1...20_000).map { "- point \($0)" }.joined(separator: "\n")
                    + "\n\n1.1 Point 1\nText.\n").utf8)
        ) { $0.answers[0].stats.words == 40_004 && $0.answers[0].stats.headings == 2 },
    ]

    @Test(arguments: graded)
    func gradedWithoutAnError(_ input: Graded) throws {
        let document = try EssayParser.parse(bytes: input.bytes, source: "bad.txt")
        #expect(input.check(document), "the model does not show what \(input.name) should")
        let grader = Grader(rubric: Fixtures.rubric)
        for answer in document.answers {
            let g = grader.grade(answer, source: "bad.txt")
            #expect(g.marks >= 0 && g.marks <= g.maxMarks)
        }
    }

    /// Inputs that are refused, each with its code and a message naming the file and place.
    @Test(arguments: [
        (
            "invalid UTF-8", [0x51, 0x2E, 0x31, 0x20, 0xE2, 0x28, 0xA1] as [UInt8], "invalid-utf8",
            "bad.txt: invalid UTF-8 at byte offset 4"
        ),
        (
            "a NUL byte", [0x51, 0x2E, 0x31, 0x00, 0x41] as [UInt8], "binary",
            "bad.txt: binary data (a NUL byte) at byte offset 3"
        ),
        (
            "a truncated UTF-8 sequence at the end", [0x41, 0x42, 0xF0, 0x9F] as [UInt8], "invalid-utf8",
            "bad.txt: invalid UTF-8 at byte offset 2"
        ),
        (
            "an overlong encoding", [0x41, 0xC0, 0xAF] as [UInt8], "invalid-utf8",
            "bad.txt: invalid UTF-8 at byte offset 1"
        ),
        (
            "a UTF-8 surrogate", [0x41, 0xED, 0xA0, 0x80] as [UInt8], "invalid-utf8",
            "bad.txt: invalid UTF-8 at byte offset 1"
        ),
    ])
    func refusedWithItsCode(_ name: String, _ bytes: [UInt8], _ code: String, _ message: String) {
        do {
            _ = try EssayParser.parse(bytes: bytes, source: "bad.txt")
            Issue.record("\(name) was accepted")
        } catch {
            #expect(error.code == code)
            #expect(error.message.hasPrefix(message))
        }
    }

    @Test func tooManyAnswersIsRefused() {
        let text = (1...30).map { "Q.\($0) Discuss inflation.\n\nPrices rose.\n" }.joined(separator: "\n")
        do {
            _ = try EssayParser.parse(text: text, source: "many.txt", limits: .init(maxAnswers: 10))
            Issue.record("accepted")
        } catch {
            #expect(error.code == "too-many-answers")
            #expect(error.message.hasPrefix("many.txt: holds 30 answers"))
        }
    }

    @Test func commandLineOutcomes() throws {
        let dir = try Self.folder()
        let big = dir.appendingPathComponent("big.txt")
        try Data(repeating: 0x41, count: 2_000).write(to: big)
        let tooLarge = try runBinary(["grade", big.path, "--max-bytes", "1000", "--format", "jsonl"])
        #expect(tooLarge.code == 2)
        #expect(tooLarge.out.contains("\"code\":\"too-large\""))

        let missing = try runBinary(["parse", dir.appendingPathComponent("none.txt").path])
        #expect(missing.code == 2)
        #expect(missing.err.contains("none.txt: no such file"))
        #expect(missing.err.split(separator: "\n").count == 1)

        let folder = try runBinary(["parse", dir.path])
        #expect(folder.code == 2)
        #expect(folder.err.contains("is a folder"))

        let unreadable = try runBinary(["grade", "/proc/self/mem", "--format", "jsonl"])
        #expect(unreadable.code == 2)
        #expect(unreadable.out.contains("\"code\":\"unreadable\""))

        let empty = try Self.folder()
        let noTxt = try runBinary(["grade", empty.path, "--format", "jsonl"])
        #expect(noTxt.code == 2)
        #expect(noTxt.out.contains("\"code\":\"empty-folder\""))

        let badValue = try runBinary(["grade", "--jobs", "zero"])
        #expect(badValue.code == 64)
        let missingValue = try runBinary(["grade", "--rubric"])
        #expect(missingValue.code == 64)
    }

    @Test func aMixedBatchGradesEveryGoodAnswerAndReportsEveryBadInput() throws {
        let dir = try Self.folder()
        let files: [(String, [UInt8])] = [
            ("01-good.txt", Array(Self.answer.utf8)), ("02-nul.txt", [0x41, 0x00]), ("03-bad-utf8.txt", [0x41, 0xFF]),
            ("04-empty.txt", []),
            ("05-utf16.txt", [0xFF, 0xFE] + Self.answer.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            ("06-two.txt", Array((Self.answer + "\n" + Self.answer.replacingOccurrences(of: "Q.1", with: "Q.2")).utf8)),
        ]
        for (name, bytes) in files { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("07-folder.txt"), withIntermediateDirectories: true)
        let r = try runBinary([
            "grade", dir.path, dir.appendingPathComponent("missing.txt").path, "--format", "jsonl", "--jobs", "3",
        ])
        #expect(r.code == 2)
        let records = r.out.split(separator: "\n").compactMap { try? JSONReader.parse(String($0)) }
        let codes = records.map {
            $0["error"]?["code"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? "graded"
        }
        #expect(codes == ["graded", "binary", "invalid-utf8", "graded", "graded", "graded", "graded", "not-found"])
    }
}
