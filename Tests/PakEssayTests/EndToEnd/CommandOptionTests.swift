import Foundation
import Testing

/// Every command reads its options from one table (`Option`, in `Sources/pakessay/OptionTable.swift`)
/// that also writes its help's OPTIONS lines; the command line's mistakes end with exit 64 and one
/// error line, the usage and a pointer to the command's help.
@Suite struct CommandOptionTests {
    /// The commands whose options come from a table.
    static let commands = ["grade", "parse", "clean", "check", "calibrate", "rubrics", "explain", "questions"]

    /// Each command's usage line, as its errors print it.
    static let usage: [String: String] = [
        "grade": "pakessay grade [PATH ...] [--rubric ID|PATH] [--format FORMAT] [options]",
        "parse": "pakessay parse PATH|- [--format json|tree]",
        "clean": "pakessay clean PATH|- [--script]",
        "check": "pakessay check [FOLDER] [--expect PATH]",
        "calibrate": "pakessay calibrate MARKS [--rubric ID|PATH] [--fit OUT.json] [--format FORMAT] [options]",
        "rubrics": "pakessay rubrics [--format text|json]",
        "explain": "pakessay explain RULE-ID",
        "questions":
            "pakessay questions [--topic TOPIC] [--year YEAR] [--paper PAPER] [--rubric ID|PATH] [--format text|json]",
    ]

    /// A usage error's whole standard error.
    static func usageError(_ command: String, _ lines: String...) -> String {
        "pakessay: error: " + lines.joined(separator: "\n") + "\nUsage: \(usage[command]!)\n"
            + "See 'pakessay help \(command)'.\n"
    }

    /// The `--names` at the start of a help's OPTIONS lines.
    static func listedOptions(_ help: String) -> [String] {
        let section = help.components(separatedBy: "\nOPTIONS:\n").last ?? ""
        return section.components(separatedBy: "\n").compactMap { line in
            guard line.hasPrefix("  --") else { return nil }
            return String(line.dropFirst(2).prefix { $0 != " " })
        }
    }

    @Test(arguments: commands)
    func helpMatchesItsGoldenFile(_ command: String) throws {
        let help = try runBinary([command, "--help"])
        #expect(help.code == 0)
        #expect(help.err == "")
        assertGolden(help.out, "help/\(command).txt")
        #expect(try runBinary([command, "-h"]).out == help.out)
        #expect(try runBinary(["help", command]).out == help.out)
    }

    @Test(arguments: commands)
    func everyListedOptionIsParsed(_ command: String) throws {
        let help = try runBinary([command, "--help"]).out
        for name in Self.listedOptions(help) {
            let run = try runBinary([command, name])
            #expect(!run.err.contains("unknown option"), "\(command) \(name): \(run.err)")
        }
    }

    @Test(arguments: commands)
    func anUnknownOptionIsAUsageError(_ command: String) throws {
        let run = try runBinary([command, "--bogus-option"])
        #expect(run.code == 64)
        #expect(run.out == "")
        #expect(run.err == Self.usageError(command, "unknown option '--bogus-option'"))
    }

    /// A value-taking option of each command (explain has none), given last with no value.
    static let valueOptions: [(String, String)] = [
        ("grade", "--rubric"), ("parse", "--format"), ("clean", "--max-bytes"), ("check", "--expect"),
        ("calibrate", "--fit"), ("rubrics", "--format"), ("questions", "--topic"),
    ]

    @Test(arguments: valueOptions)
    func aMissingValueIsAUsageError(_ command: String, _ option: String) throws {
        let run = try runBinary([command, option])
        #expect(run.code == 64)
        #expect(run.out == "")
        #expect(run.err == Self.usageError(command, "missing value for '\(option)'"))
    }

    @Test func aNearMissIsSuggestedFromTheTable() throws {
        let run = try runBinary(["questions", "--topc", "sco"])
        #expect(run.code == 64)
        #expect(run.err == Self.usageError("questions", "unknown option '--topc'", "Did you mean '--topic'?"))
        let value = try runBinary(["rubrics", "--format", "jsn"])
        #expect(value.code == 64)
        let invalid = "invalid value 'jsn' for '--format': expected one of text, json"
        #expect(value.err == Self.usageError("rubrics", invalid, "Did you mean 'json'?"))
        let flag = try runBinary(["clean", "--script=yes", "x.txt"])
        #expect(flag.code == 64)
        #expect(flag.err == Self.usageError("clean", "'--script' takes no value"))
    }

    /// No command declares its parser's options apart from its table: `Arguments.Spec`s are made only in
    /// OptionTable.swift.
    @Test func noCommandDeclaresOptionsOutsideItsTable() throws {
        let folder = Fixtures.root.appendingPathComponent("Sources/pakessay")
        var apart: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        where file.hasSuffix(".swift") && file != "OptionTable.swift" && file != "Arguments.swift" {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            if text.contains("specs:") || text.contains("takesValue:") { apart.append(file) }
        }
        #expect(apart == [])
    }
}
