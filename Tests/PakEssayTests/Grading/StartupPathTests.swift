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
            #expect(Host.environment(name) == environment[name], "\(name)")
        }
    }

    /// The processors the kernel lists as online ("0-1,4"), counted.
    static func onlineProcessors() throws -> Int {
        let list = try String(contentsOfFile: "/sys/devices/system/cpu/online", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return list.split(separator: ",").reduce(0) { total, range in
            let ends = range.split(separator: "-").compactMap { Int($0) }
            return total + (ends.count == 2 ? ends[1] - ends[0] + 1 : 1)
        }
    }

    @Test func theDefaultJobsAreTheProcessorsOnline() throws {
        let online = try Self.onlineProcessors()
        #expect(online >= 1)
        #expect(Host.processorCount == online)
    }

    @Test func aDateWordLosesItsCommasAsFoundationCutsThem() {
        let words = [
            "March,", ",March", ",,2025,,", ",", ",,", "", "May", "a,b", ",\u{301}2025", "2025,\u{301}", "é,",
            ",\u{301},",
        ]
        for word in words {
            let line = "x " + word + " y"
            let sub = line.split(separator: " ", omittingEmptySubsequences: false)[1]
            #expect(String(HeadingRecognizer.trimmingCommas(sub)) == sub.trimmingCharacters(in: [","]), "\(word)")
        }
        // "15 March, 2025" is a date; "15 March Reforms" a numbered heading.
        let date = HeadingRecognizer.read(
            "15 March, 2025", underlined: false, opensBlock: true, roleWords: { _ in false })
        let heading = HeadingRecognizer.read(
            "15 March Reforms", underlined: false, opensBlock: true, roleWords: { _ in false })
        #expect(date == nil)
        #expect(heading?.form == .numbered)
    }
}
