import Foundation
import Testing

@testable import PakEssay

/// The start path's short cuts (issue 17) against the plain versions they replace.
struct StartupPathTests {
    @Test func aRuleIsFoundByItsIdAsByAScanOfTheRegistry() {
        #expect(RuleRegistry.all.count >= 40)
        for type in RuleRegistry.all {
            let id = type.description.id
            let scanned = RuleRegistry.all.first { $0.description.id == id }
            #expect(RuleRegistry.rule(id).map(ObjectIdentifier.init) == scanned.map(ObjectIdentifier.init), "\(id)")
        }
        #expect(RuleRegistry.rule("no-such-rule") == nil)
        #expect(RuleRegistry.rule("") == nil)
    }

    @Test func anEnvironmentVariableIsReadAsFoundationReadsIt() {
        let environment = ProcessInfo.processInfo.environment
        for name in ["PATH", "HOME", "PAKESSAY_RUBRICS", "NO_SUCH_VARIABLE_17"] {
            #expect(RubricLoader.environment(name) == environment[name], "\(name)")
        }
    }
}
