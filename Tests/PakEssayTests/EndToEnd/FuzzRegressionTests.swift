import Foundation
import Testing

@testable import PakEssay

/// Every input the fuzzer ever tripped on is parsed, graded and rendered again, with the invariants checked.
@Suite struct FuzzRegressionTests {
    static let folder = Fixtures.root.appendingPathComponent("Tests/PakEssayTests/FuzzRegressions")
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
        $0 != "README.md"
    }.sorted()

    @Test(arguments: files)
    func stillSurvives(_ name: String) {
        let bytes = [UInt8](
            FileManager.default.contents(atPath: Self.folder.appendingPathComponent(name).path) ?? Data())
        let session = GradingSession(grader: Grader(rubric: Fixtures.rubric), limits: .init(maxAnswers: 50))
        let items = session.grade(bytes: bytes, source: name)
        #expect(!items.isEmpty)
        for case .graded(let g) in items {
            #expect(g.marks >= 0 && g.marks <= g.maxMarks)
            for c in g.criteria { #expect(c.score >= 0 && c.score <= c.max) }
            for f in g.findings { #expect(f.range.start.line >= 1 && f.range.start.column >= 1 && f.marksLost >= 0) }
        }
        let batch = GradeBatch(rubric: Fixtures.rubric, items: items)
        #expect(!JSONReporter().render(batch).isEmpty)
        #expect(!HTMLReporter().render(batch).isEmpty)
    }
}
