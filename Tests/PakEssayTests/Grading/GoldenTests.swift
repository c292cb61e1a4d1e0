import Foundation
import Testing

@testable import PakEssay

/// Golden files: the parse tree of every sample, and its text and JSON reports, byte for byte.
@Suite struct GoldenTests {
    @Test(arguments: Fixtures.sampleNames)
    func parseTree(_ name: String) throws {
        let document = try EssayParser.parse(bytes: Fixtures.sample(name), source: "SampleEssays/" + name)
        assertGolden(ModelJSON.document(document).pretty(), "parse/\(name.dropLast(4)).json")
    }

    @Test(arguments: Fixtures.sampleNames)
    func textReport(_ name: String) throws {
        let items = Fixtures.gradedSamples.first { $0.name == name }!.items
        assertGolden(
            TextReporter().render(GradeBatch(rubric: Fixtures.rubric, items: items)), "reports/\(name.dropLast(4)).txt")
    }

    @Test(arguments: Fixtures.sampleNames)
    func jsonReport(_ name: String) throws {
        let items = Fixtures.gradedSamples.first { $0.name == name }!.items
        assertGolden(
            JSONReporter().render(GradeBatch(rubric: Fixtures.rubric, items: items)), "reports/\(name.dropLast(4)).json"
        )
    }

    /// Every reporter on the whole sample class, with one unusable input among them.
    @Test(arguments: ["csv", "markdown", "sarif", "github", "text", "json"])
    func classReport(_ format: String) throws {
        var items = Fixtures.gradedSamples.flatMap(\.items)
        items.insert(
            .failed(
                source: "SampleEssays/broken.txt",
                error: InputError(
                    code: "invalid-utf8", message: "SampleEssays/broken.txt: invalid UTF-8 at byte offset 12",
                    offset: 12)), at: 3)
        let batch = GradeBatch(rubric: Fixtures.rubric, items: items)
        let reporter: any Reporter
        switch format {
        case "csv": reporter = CSVReporter()
        case "markdown": reporter = MarkdownReporter()
        case "sarif": reporter = SARIFReporter()
        case "github": reporter = GitHubReporter()
        case "json": reporter = JSONReporter()
        default: reporter = TextReporter()
        }
        let ext = ["csv": "csv", "markdown": "md", "sarif": "sarif", "github": "txt", "text": "txt", "json": "json"][
            format]!
        assertGolden(reporter.render(batch), "formats/class-\(format).\(ext)")
    }
}
