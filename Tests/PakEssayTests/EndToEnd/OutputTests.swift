import Foundation
import Testing

@testable import PakEssay

/// The output side of `pakessay grade` (issue 11): nothing lost in any format, safe CSV and SARIF,
/// write failures named, records streamed as soon as they are ready, progress only on a terminal.
@Suite(.serialized) struct OutputTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pakessay-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A folder with a good answer between two that cannot be used.
    static func mixedFolder() throws -> URL {
        let folder = try folder()
        try Data([0x51, 0x2E, 0x31, 0x00, 0x41]).write(to: folder.appendingPathComponent("a-binary.txt"))
        try Data(Fixtures.sample("one-paragraph.txt")).write(to: folder.appendingPathComponent("b-good.txt"))
        try Data([0x51, 0x2E, 0x31, 0x20, 0xE2, 0x28, 0xA1]).write(to: folder.appendingPathComponent("c-invalid.txt"))
        return folder
    }

    static func csvRows(_ out: String) -> [String] {
        out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    // MARK: item 3: every unusable input is visible

    @Test func csvHasAnErrorColumnAndARowForEveryUnusableInput() throws {
        let folder = try Self.mixedFolder()
        let r = try runBinary(["grade", folder.path, "--format", "csv"])
        #expect(r.code == 2)
        let rows = Self.csvRows(r.out)
        try #require(rows.count == 4, "a header and three inputs: \(rows)")
        #expect(rows[0].hasSuffix(",findings,error"))
        let binary = folder.appendingPathComponent("a-binary.txt").path
        #expect(
            rows[1] == binary + String(repeating: ",", count: 17)
                + "binary: \(binary): binary data (a NUL byte) at byte offset 3; expected a text transcript")
        #expect(
            rows[2].hasSuffix(",") && rows[2].hasPrefix(folder.path + "/b-good.txt,1,"),
            "a graded row leaves error empty")
        #expect(rows[3].contains(",invalid-utf8: "))
        let columns = rows[0].split(separator: ",").count
        #expect(rows[1].split(separator: ",", omittingEmptySubsequences: false).count == columns)
    }

    @Test(arguments: GradeFormats.all)
    func everyFormatNamesEachUnusableInputOnStandardError(_ format: String) throws {
        let folder = try Self.mixedFolder()
        let r = try runBinary(["grade", folder.path, "--format", format])
        #expect(r.code == 2)
        let lines = r.err.split(separator: "\n").map(String.init)
        let binary = folder.appendingPathComponent("a-binary.txt").path
        let invalid = folder.appendingPathComponent("c-invalid.txt").path
        #expect(
            lines == [
                "pakessay: error: \(binary): binary data (a NUL byte) at byte offset 3; "
                    + "expected a text transcript [binary]",
                "pakessay: error: \(invalid): invalid UTF-8 at byte offset 4 [invalid-utf8]",
            ], "\(format): \(r.err)")
    }

    @Test func badJSONLinesRecordsReachStandardErrorAndTheCSV() throws {
        let r = try runBinary(["grade", "--input", "jsonl", "--format", "csv"], stdin: "{not json\n")
        #expect(r.code == 2)
        #expect(r.err.hasPrefix("pakessay: error: -:1: not a JSON record"))
        #expect(r.err.hasSuffix(" [bad-record]\n"))
        #expect(Self.csvRows(r.out).count == 2)
    }

    // MARK: item 15: formula injection

    @Test func csvNeutralisesCellsASpreadsheetWouldRun() throws {
        let text = String(decoding: Fixtures.sample("one-paragraph.txt"), as: UTF8.self)
        let records = [
            JSONValue.object([("id", .string("+1+cmd|'/C calc'!A0")), ("text", .string(text))]),
            JSONValue.object([
                ("id", .string("@SUM(1)")), ("text", .string("Prices rose.")),
                ("question", .string("=HYPERLINK(\"x\")")),
            ]),
            JSONValue.object([("id", .string("-1.5")), ("text", .string("Prices rose."))]),
        ].map { $0.compact() }.joined(separator: "\n")
        let r = try runBinary(["grade", "--input", "jsonl", "--format", "csv"], stdin: records + "\n")
        let rows = Self.csvRows(r.out)
        try #require(rows.count == 4)
        #expect(rows[1].hasPrefix("\"'+1+cmd|'/C calc'!A0\",1,"))
        #expect(rows[2].hasPrefix("\"'@SUM(1)\",1,\"'=HYPERLINK(\"\"x\"\")\","))
        #expect(rows[3].hasPrefix("\"'-1.5\",1,"))
        #expect(!rows.dropFirst().contains { $0.contains(",=") || $0.contains(",+") || $0.contains(",@") })
    }

    @Test func csvTextCellsAndNumberCells() {
        #expect(CSVReporter.text("=1+2") == "\"'=1+2\"")
        #expect(CSVReporter.text("\tx") == "\"'\tx\"")
        #expect(CSVReporter.text("\rx") == "\"'\rx\"")
        #expect(CSVReporter.text("a,b") == "\"a,b\"")
        #expect(CSVReporter.text("line\r\nend") == "\"line\r\nend\"")
        #expect(CSVReporter.text("plain") == "plain")
        #expect(CSVReporter.number(-1.5) == "-1.5")
    }

    // MARK: item 9: SARIF

    @Test func sarifRuleIndicesNameTheirRulesAndURIsArePercentEncoded() throws {
        let folder = try Self.folder()
        let name = "class 1#a%b é.txt"
        try Data(Fixtures.sample("one-paragraph.txt")).write(to: folder.appendingPathComponent(name))
        let r = try runBinary(["grade", name, "missing #2.txt", "--format", "sarif"], cwd: folder)
        #expect(r.code == 2)
        let run = try JSONReader.parse(r.out)["runs"]?[0]
        guard case .array(let rules)? = run?["tool"]?["driver"]?["rules"], case .array(let results)? = run?["results"]
        else {
            Issue.record("no rules or results")
            return
        }
        #expect(!results.isEmpty)
        for result in results {
            guard case .int(let k)? = result["ruleIndex"], k >= 0, k < rules.count else {
                Issue.record("a result without a valid ruleIndex: \(result)")
                continue
            }
            #expect(rules[k]["id"] == result["ruleId"])
            #expect(result["ruleId"] != .string("examiner-reserve"))
            let uri = result["locations"]?[0]?["physicalLocation"]?["artifactLocation"]?["uri"]
            #expect(uri == .string("class%201%23a%25b%20%C3%A9.txt"))
        }
        #expect(r.out.contains("\"uri\": \"missing%20%232.txt\""))
        #expect(SARIFReporter.uri("a/b\nc:d") == "a/b%0Ac%3Ad")
    }

    // MARK: item 17: write failures

    static func runToDevFull(_ args: [String]) throws -> (code: Int32, err: String) {
        let process = Process()
        process.executableURL = Fixtures.binary
        process.arguments = args
        process.currentDirectoryURL = Fixtures.root
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw CocoaError(.fileNoSuchFile) }
        process.standardOutput = full
        let err = Pipe()
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aFullDeviceIsNamedWithExitTwo() throws {
        let piped = try Self.runToDevFull(["grade", "SampleEssays/one-paragraph.txt"])
        #expect(piped.code == 2)
        #expect(piped.err == "pakessay: error: cannot write the report to standard output: No space left on device\n")
        let file = try runBinary([
            "grade", "SampleEssays/one-paragraph.txt", "--format", "jsonl", "--output", "/dev/full",
        ])
        #expect(file.code == 2)
        #expect(file.err == "pakessay: error: cannot write the report to /dev/full: No space left on device\n")
    }

    // MARK: item 18: messages

    @Test func explainSuggestsOnlyACloseRule() throws {
        let far = try runBinary(["explain", "bogus-rule"])
        #expect(far.code == 64)
        #expect(far.err.contains("unknown rule 'bogus-rule'"))
        #expect(!far.err.contains("Did you mean"), "\(far.err)")
        let prefix = try runBinary(["explain", "conclusion-mis"])
        #expect(prefix.err.contains("Did you mean 'conclusion-missing'?"))
    }

    @Test func helpHelpPrintsTheHelpOfHelp() throws {
        let r = try runBinary(["help", "help"])
        #expect(r.code == 0)
        #expect(r.out.contains("USAGE: pakessay help [SUBCOMMAND]"))
        #expect(r.err.isEmpty)
    }

    @Test func failUnderNamesEachAnswerUnderIt() throws {
        let r = try runBinary([
            "grade", "SampleEssays/one-paragraph.txt", "SampleEssays/strong-cpec.txt", "--fail-under", "10", "--format",
            "csv",
        ])
        #expect(r.code == 1)
        #expect(r.err == "pakessay: note: SampleEssays/one-paragraph.txt (answer 1): 6.5 is under --fail-under 10\n")
    }

    @Test func htmlErrorListNamesTheSourceOnce() throws {
        let r = try runBinary(["grade", "SampleEssays/one-paragraph.txt", "no/such.txt", "--format", "html"])
        #expect(r.code == 2)
        #expect(r.out.contains("<li><code>not-found</code> no/such.txt: no such file</li>"))
        #expect(!r.out.contains("no/such.txt: no/such.txt"))
    }

    /// An answer off the question: its finding limits every criterion, and is listed once with the marks summed.
    @Test(arguments: ["text", "markdown", "html"])
    func findingsSharedByCriteriaAreListedOnce(_ format: String) throws {
        let folder = try Self.folder()
        let file = folder.appendingPathComponent("off-topic.txt")
        try Data(Example.offTopic.utf8).write(to: file)
        let r = try runBinary(["grade", file.path, "--format", format])
        #expect(r.code == 0)
        let entry = [
            "text": "[relevance-off-topic]", "markdown": "(`relevance-off-topic`",
            "html": "<code class=\"rule\">relevance-off-topic</code>",
        ][format]!
        #expect(r.out.components(separatedBy: entry).count == 2, "\(format) lists the finding more than once")
        #expect(
            r.out.contains(
                "across relevance, introduction, structure, arguments, evidence, conclusion, presentation, language"))
        #expect(r.out.contains("10.52"))
    }

    // MARK: item 21: progress

    @Test func noProgressWhenStandardErrorIsNotATerminal() throws {
        let r = try runBinary(["grade", "SampleEssays", "--format", "jsonl"])
        #expect(r.code == 0)
        #expect(r.err.isEmpty, "\(r.err)")
    }

    /// Standard error on a pseudo-terminal (through script(1), where it exists): progress by default.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressOnATerminalByDefault() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command =
            "'\(Fixtures.binary.path)' grade SampleEssays/one-paragraph.txt SampleEssays/strong-cpec.txt --format json"
        process.arguments = ["-qec", command + " >/dev/null", "/dev/null"]
        process.currentDirectoryURL = Fixtures.root
        let terminal = Pipe()
        process.standardOutput = terminal
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let seen = String(decoding: terminal.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(seen.contains("\rpakessay: 1 of 2 inputs, 1 answer"), "\(seen.debugDescription)")
    }

    @Test func progressAlwaysIsDrawnInPlaceAndCleared() throws {
        let r = try runBinary([
            "grade", "SampleEssays/one-paragraph.txt", "SampleEssays/strong-cpec.txt", "--format", "json", "--progress",
            "always",
        ])
        #expect(r.code == 0)
        #expect(r.err.hasPrefix("\rpakessay: 1 of 2 inputs, 1 answer"))
        #expect(r.err.hasSuffix("\r"), "the line is cleared at the end")
        #expect(!r.err.contains("\n"))
        let never = try runBinary(["grade", "SampleEssays/one-paragraph.txt", "--progress", "never"])
        #expect(never.err.isEmpty)
    }
}

/// The formats of `pakessay grade`.
enum GradeFormats {
    static let all = ["text", "json", "jsonl", "csv", "markdown", "html", "sarif", "github"]
}

extension JSONValue {
    /// An array's element, or nil.
    fileprivate subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, index >= 0, index < items.count else { return nil }
        return items[index]
    }
}
