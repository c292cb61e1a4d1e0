import Foundation
import Testing

@testable import PakEssay

/// The layers of docs/architecture.md: the rubric layer checks rules through a `RuleCatalogue` it is
/// given, and the layers above Reporting name none of its types.
@Suite struct LayerTests {
    /// The Swift files of one folder of the library, with their text.
    static func sources(_ folder: String) throws -> [(name: String, text: String)] {
        let url = Fixtures.root.appendingPathComponent("Sources/PakEssay/\(folder)")
        let names = try FileManager.default.subpathsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".swift") }
        return try names.sorted().map { ($0, try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test func theRubricLayerNamesNoRuleTypeNorTheRegistry() throws {
        for (name, text) in try Self.sources("Rubric") {
            #expect(!text.contains("GradingRule"), "Rubric/\(name)")
            #expect(!text.contains("RuleRegistry"), "Rubric/\(name)")
        }
    }

    /// The identifiers a text holds.
    static func words(_ text: String) -> Set<Substring> {
        Set(text.split { !($0.isLetter || $0.isNumber || $0 == "_") })
    }

    /// The types a folder declares at its files' top level (capitalized names after a declaring keyword on
    /// an unindented line, not private): a nested `Word` or `Place` is its enclosing type's own.
    static func declaredTypes(_ folder: String) throws -> Set<Substring> {
        let kinds: Set<Substring> = ["struct", "enum", "class", "protocol"]
        var out: Set<Substring> = []
        for (_, text) in try sources(folder) {
            let topLevel = text.split(separator: "\n").filter { $0.first.map { !$0.isWhitespace } ?? false }
            let words = topLevel.joined(separator: "\n").split { !($0.isLetter || $0.isNumber || $0 == "_") }
            for (k, word) in words.enumerated().dropFirst().dropLast() where kinds.contains(word) {
                let name = words[k + 1]
                guard name.first?.isUppercase == true, words[k - 1] != "private" else { continue }
                out.insert(name)
            }
        }
        return out
    }

    @Test(arguments: ["Transcript", "Model", "Parsing", "Analysis", "Rubric", "Grading", "Support"])
    func noLayerAboveReportingNamesItsTypes(_ folder: String) throws {
        let reporting = try Self.declaredTypes("Reporting")
        #expect(reporting.contains("JSONReporter"))
        for (name, text) in try Self.sources(folder) {
            let named = Self.words(text).intersection(reporting).sorted()
            #expect(named.isEmpty, "\(folder)/\(name) names \(named)")
        }
    }

    /// The rubric layer names no type the Grading folder declares: the grammar patterns and word classes
    /// a lexicon holds are rubric data, and only their matcher is Grading's.
    @Test func theRubricLayerNamesNoGradingType() throws {
        let grading = try Self.declaredTypes("Grading")
        #expect(grading.contains("LanguageMatcher") && grading.contains("Grader"))
        for (name, text) in try Self.sources("Rubric") {
            let named = Self.words(text).intersection(grading).sorted()
            #expect(named.isEmpty, "Rubric/\(name) names \(named)")
        }
    }

    @Test func aRubricIsCheckedAgainstTheCatalogueItIsGiven() throws {
        let none = RuleCatalogue(ids: { ["only-rule"] }, parameters: { _ in nil }, check: { _ in nil })
        let path = Fixtures.root.appendingPathComponent("Rubrics/css-current-affairs.json").path
        #expect {
            try RubricLoader.load(path: path, rules: none)
        } throws: { error in
            (error as? RubricError)?.message.contains("(did you mean 'only-rule'?") == true
        }
        let refusing = RuleCatalogue(
            ids: { [] }, parameters: { _ in [] },
            check: { RubricError(file: $0.parameters.file, path: $0.parameters.path, "refused") })
        #expect {
            try RubricLoader.load(path: path, rules: refusing)
        } throws: { error in
            (error as? RubricError)?.message.hasSuffix(": refused") == true
        }
    }
}
