import Foundation
import Testing

@testable import PakEssay

/// A made-up evidence rule, to see where the report order puts a rule it has not seen.
struct RegistryProbeEvidence: GradingRule {
    static let description = RuleDescription(
        id: "probe-evidence", criterion: "evidence", summary: "", rationale: "", fix: "", parameters: [],
        examples: [])
    init(_ parameters: RuleParameters) {}
    func evaluate(_ context: GradingContext) -> RuleOutcome { .full }
}

/// A made-up rule of a criterion no rule has.
struct RegistryProbeNovel: GradingRule {
    static let description = RuleDescription(
        id: "probe-novel", criterion: "novelty", summary: "", rationale: "", fix: "", parameters: [], examples: [])
    init(_ parameters: RuleParameters) {}
    func evaluate(_ context: GradingContext) -> RuleOutcome { .full }
}

/// The registry is written at build time from the rule files (RuleRegistryPlugin), in a report order
/// that keeps every listing as it was.
@Suite struct RuleRegistryTests {
    /// The types that conform to `GradingRule` in the rule files, found here independently of the
    /// generator: by file name, then by position in the file.
    static func ruleTypesInSources() throws -> [String] {
        let folder = Fixtures.root.appendingPathComponent("Sources/PakEssay/Grading/Rules")
        var names: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("struct ") && line.contains(": GradingRule") {
                names.append(String(line.dropFirst(7).prefix { $0 != ":" }))
            }
        }
        return names
    }

    @Test func everyRuleTypeInTheSourcesIsRegisteredWithoutBeingNamedInTheRegistry() throws {
        let inSources = try Self.ruleTypesInSources()
        let registered = RuleRegistry.all.map { String(describing: $0) }
        #expect(inSources.count == 50)
        let missing = inSources.filter { !registered.contains($0) }
        #expect(missing == [], "rule types missing from RuleRegistry.all: \(missing)")
        #expect(RuleRegistry.declared.map { String(describing: $0) } == inSources)
        let registry = try String(
            contentsOf: Fixtures.root.appendingPathComponent("Sources/PakEssay/Grading/RuleRegistry.swift"),
            encoding: .utf8)
        let named = inSources.filter { registry.contains($0 + ".self") }
        #expect(named == [], "RuleRegistry.swift lists rule types by hand: \(named)")
    }

    @Test func theReportOrderIsTheEstablishedOrder() {
        // Rules added since the order was established come after the last rule of their criterion.
        let added = [
            "arguments-measures-developed", "relevance-set-ending", "conclusion-sign-off", "relevance-question-parts",
        ]
        let ids = RuleRegistry.all.map { $0.description.id }
        #expect(ids.filter { !added.contains($0) } == RuleRegistry.establishedOrder)
        #expect(
            ids.firstIndex(of: "arguments-measures-developed") == ids.firstIndex(of: "answer-too-short").map { $0 + 1 })
        // Two rules added to one criterion follow its last in the order of their files.
        #expect(
            ids.firstIndex(of: "relevance-question-parts")
                == ids.firstIndex(of: "relevance-missing-aspects").map { $0 + 1 })
        #expect(
            ids.firstIndex(of: "relevance-set-ending")
                == ids.firstIndex(of: "relevance-question-parts").map { $0 + 1 })
        #expect(ids.firstIndex(of: "conclusion-sign-off") == ids.firstIndex(of: "conclusion-length").map { $0 + 1 })
        #expect(RuleRegistry.all.first?.description.id == "relevance-question-terms")
        #expect(RuleRegistry.all.last?.description.id == "language-grammar")
    }

    @Test func aNewRuleComesAfterTheLastRuleOfItsCriterion() {
        let ids = RuleRegistry.reportOrder(
            [RegistryProbeNovel.self] + RuleRegistry.declared + [RegistryProbeEvidence.self]
        ).map { $0.description.id }
        #expect(ids.count == 52)
        let examples = ids.firstIndex(of: "evidence-examples")!
        #expect(ids[examples + 1] == "probe-evidence")
        #expect(ids[examples + 2] == "conclusion-missing")
        #expect(ids.last == "probe-novel")
    }
}
