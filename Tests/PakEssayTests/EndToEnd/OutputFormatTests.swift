import Foundation
import Testing

@testable import PakEssay

/// Every `--format` writes what its reporter renders for the same answers: the streaming formats
/// (header, a record per input as it is ready, footer) as much as those that wait for the whole batch.
@Suite struct OutputFormatTests {
    static let reporters: [(format: String, reporter: any Reporter)] = [
        ("text", TextReporter(color: false)), ("json", JSONReporter()), ("jsonl", JSONLinesReporter()),
        ("csv", CSVReporter()), ("markdown", MarkdownReporter()), ("html", HTMLReporter()),
        ("sarif", SARIFReporter()), ("github", GitHubReporter()),
    ]

    @Test(arguments: reporters.map(\.format))
    func theBinaryWritesWhatTheReporterRenders(_ format: String) throws {
        let reporter = try #require(Self.reporters.first { $0.format == format }).reporter
        let files = Fixtures.sampleNames.map { "SampleEssays/" + $0 }
        let run = try runBinary(["grade"] + files + ["--format", format, "--color", "never"])
        #expect(run.code == 0)
        let batch = GradeBatch(rubric: Fixtures.rubric, items: Fixtures.gradedSamples.flatMap(\.items))
        #expect(run.out == reporter.render(batch))
    }

    @Test func aStreamingReportIsItsHeaderRecordsAndFooter() {
        let items = Fixtures.gradedSamples.flatMap(\.items)
        let batch = GradeBatch(rubric: Fixtures.rubric, items: items)
        let csv = CSVReporter()
        let streamed = csv.header(batch.rubric) + items.map { csv.record($0, rubric: batch.rubric) }.joined()
        #expect(csv.render(batch) == streamed)
        let lines = JSONLinesReporter().render(batch).split(separator: "\n")
        #expect(lines.count == items.count)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"rubric\":\"css-current-affairs\",\"source\":") })
    }
}
