import Foundation
import Testing

@testable import PakEssay

/// A rule's type is named after its id, and it lives in a file named after it or after its group.
@Suite struct RuleNameTests {
    /// `introduction-missing` → `IntroductionMissing`.
    static func typeName(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    @Test func everyRuleTypeIsNamedAfterItsId() {
        let misnamed = RuleRegistry.all.compactMap { type -> String? in
            let name = String(describing: type)
            let id = type.description.id
            return name == Self.typeName(id) ? nil : "\(name) has the id \(id)"
        }
        #expect(misnamed == [])
    }

    @Test func everyRuleLivesInAFileNamedAfterItOrItsGroup() throws {
        let folder = Fixtures.root.appendingPathComponent("Sources/PakEssay/Grading/Rules")
        var home: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("struct ") && line.contains(": GradingRule") {
                let name = line.dropFirst(7).prefix { $0 != ":" }
                home[String(name)] = String(file.dropLast(6))
            }
        }
        #expect(home.count == RuleRegistry.all.count)
        let astray = home.filter { name, file in
            let group = file.hasSuffix("Rules") ? String(file.dropLast(5)) : file
            return name != file && !name.contains(group)
        }.map { "\($0.key) in \($0.value).swift" }.sorted()
        #expect(astray == [])
    }
}
