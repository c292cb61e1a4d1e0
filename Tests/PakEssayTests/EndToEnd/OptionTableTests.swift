import Foundation
import Testing

/// `grade`'s options are declared once: every option its help lists is one its parser knows, and the
/// parser knows no option the help leaves out.
@Suite struct OptionTableTests {
    /// The `--names` at the start of the help's OPTIONS lines.
    static func listedOptions() throws -> [String] {
        let help = try runBinary(["grade", "--help"]).out
        let section = try #require(help.components(separatedBy: "\nOPTIONS:\n").last)
        return section.components(separatedBy: "\n").compactMap { line in
            guard line.hasPrefix("  --") else { return nil }
            return String(line.dropFirst(2).prefix { $0 != " " })
        }
    }

    @Test func everyListedOptionIsParsedAndNoOtherIs() throws {
        let listed = try Self.listedOptions()
        #expect(listed.count == 13)
        for name in listed {
            let run = try runBinary(["grade", name])
            #expect(run.code == 64)
            #expect(!run.err.contains("unknown option"), "\(name): \(run.err)")
        }
        // A near miss of a listed option is refused, and the suggestion is that option.
        let miss = try runBinary(["grade", "--max-answer", "3"])
        #expect(miss.code == 64)
        #expect(miss.err.contains("unknown option '--max-answer'\nDid you mean '--max-answers'?"))
    }
}
