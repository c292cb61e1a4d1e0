import Foundation
import Testing

/// The property tests' sizes come from the environment: small by default, large in CI.
@Suite struct PropertySizeTests {
    @Test func theSizeIsSmallUnlessTheEnvironmentAsksForLarge() {
        #expect(PropertySize.from([:]) == .small)
        #expect(PropertySize.from([PropertySize.variable: ""]) == .small)
        #expect(PropertySize.from([PropertySize.variable: "small"]) == .small)
        #expect(PropertySize.from([PropertySize.variable: "large"]) == .large)
        #expect(PropertySize.from([PropertySize.variable: "huge"]) == nil)
        #expect(PropertySize.small.cases(300) == 300)
        #expect(PropertySize.large.cases(300) == 1500)
    }

    @Test func thisRunsSizeIsUnderstood() {
        let raw = ProcessInfo.processInfo.environment[PropertySize.variable] ?? ""
        #expect(PropertySize.from(ProcessInfo.processInfo.environment) != nil, "\(PropertySize.variable)=\(raw)")
    }

    @Test func continuousIntegrationRunsTheLargeSize() throws {
        let script = try String(contentsOf: Fixtures.root.appendingPathComponent(".ci/run"), encoding: .utf8)
        #expect(script.contains("export \(PropertySize.variable)=large\n"))
    }
}
