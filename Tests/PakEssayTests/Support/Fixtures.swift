import Foundation
import Testing

@testable import PakEssay

/// Paths and shared objects for the tests.
enum Fixtures {
    /// The package's root folder.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The sample essays folder.
    static var samples: URL { root.appendingPathComponent("SampleEssays") }

    /// Every sample transcript's file name, sorted.
    static var sampleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []).filter { $0.hasSuffix(".txt") }
            .sorted()
    }

    /// The bytes of a sample.
    static func sample(_ name: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: samples.appendingPathComponent(name).path) ?? Data())
    }

    /// The default rubric, loaded once.
    static let rubric: Rubric = {
        do {
            return try RubricLoader.load(path: root.appendingPathComponent("Rubrics/css-current-affairs.json").path)
        } catch { fatalError("\(error)") }
    }()

    /// A rubric by id, from the project's Rubrics folder.
    static func rubric(_ id: String) throws -> Rubric {
        try RubricLoader.load(path: root.appendingPathComponent("Rubrics/\(id).json").path)
    }

    /// A shipped rubric with a rule the shipped rubrics leave out added to one criterion, at its default
    /// parameters: `relevance-question-terms`, which would charge again what `introduction-question-terms` and
    /// `conclusion-restates` charge, is tested so, for a tutor's rubric that uses it.
    static func rubric(_ id: String, adding rule: String, to criterion: String, weight: Double = 1) throws -> Rubric {
        var rubric = try Self.rubric(id)
        let k = try #require(rubric.criteria.firstIndex { $0.id == criterion })
        rubric.criteria[k].rules.append(RuleUse(id: rule, weight: weight, gate: false, parameters: .defaults))
        return rubric
    }

    /// Parses text.
    static func parse(_ text: String, source: String = "t.txt") throws -> EssayDocument {
        try EssayParser.parse(text: text, source: source)
    }

    /// Grades the first answer of a text with the default rubric (or another).
    static func grade(_ text: String, rubric: Rubric = Fixtures.rubric, question: String? = nil) throws -> GradedAnswer
    {
        let doc = try parse(text)
        return Grader(rubric: rubric).grade(doc.answers[0], source: "t.txt", question: question)
    }

    /// One rule's findings on the first answer of a text, graded with a shipped rubric by its id (the default
    /// rubric when nil): what the finding-review suites pin.
    static func findings(_ text: String, rule: String, rubric: String? = nil) throws -> [Finding] {
        let graded = try rubric.map { try grade(text, rubric: Fixtures.rubric($0)) } ?? grade(text)
        return graded.findings.filter { $0.rule == rule }
    }

    /// Each finding as "line:column message".
    static func placed(_ found: [Finding]) -> [String] {
        found.map { "\($0.range.start.line):\($0.range.start.column) \($0.message)" }
    }

    /// The grading context of the first answer of a text with the default rubric (or another).
    static func context(_ text: String, rubric: Rubric = Fixtures.rubric) throws -> GradingContext {
        let answer = try parse(text).answers[0]
        return GradingContext(answer: answer, lexicon: rubric.lexicon, expectedWords: rubric.expectedWords)
    }

    /// Grades every sample, keyed by file name.
    static let gradedSamples: [(name: String, items: [GradeBatch.Item])] = {
        let session = GradingSession(grader: Grader(rubric: rubric))
        return sampleNames.map { ($0, session.grade(bytes: sample($0), source: "SampleEssays/" + $0)) }
    }()

    /// The built `pakessay` binary, beside the test runner.
    static var binary: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("pakessay")
            if FileManager.default.isExecutableFile(atPath: candidate.path), !candidate.hasDirectoryPath {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/pakessay")
    }
}

/// Compares output with a golden file kept beside the tests. `RECORD_SNAPSHOTS=1` rewrites the file
/// and fails the test, so nobody records by accident.
func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = Fixtures.root.appendingPathComponent("Tests/PakEssayTests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(actual.utf8).write(to: url)
        Issue.record("recorded \(name); unset RECORD_SNAPSHOTS and run again", sourceLocation: sourceLocation)
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record("no golden file \(name); run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        let got = line < a.count ? String(a[line]) : "<end>"
        let want = line < e.count ? String(e[line]) : "<end>"
        Issue.record(
            "\(name) differs at line \(line + 1):\n  got:  \(got)\n  want: \(want)", sourceLocation: sourceLocation)
    }
}

/// Runs the built binary with arguments and standard input; returns exit code, standard output and standard error.
func runBinary(_ args: [String], stdin: String? = nil, cwd: URL? = nil, env: [String: String] = [:]) throws -> (
    code: Int32, out: String, err: String
) {
    let process = Process()
    process.executableURL = Fixtures.binary
    process.arguments = args
    process.currentDirectoryURL = cwd ?? Fixtures.root
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    for (k, v) in env { environment[k] = v }
    process.environment = environment
    let outPipe = Pipe()
    let errPipe = Pipe()
    let inPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = inPipe
    try process.run()
    let writer = Thread {
        if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? inPipe.fileHandleForWriting.close()
    }
    writer.start()
    return drain(process, out: outPipe, err: errPipe)
}

/// Reads a started process's standard output (on another thread) and standard error to their ends,
/// waits for it, and returns its exit code and both outputs.
func drain(_ process: Process, out outPipe: Pipe, err errPipe: Pipe) -> (code: Int32, out: String, err: String) {
    let captured = DataBox()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        captured.data = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let errData = errPipe.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return (
        process.terminationStatus, String(decoding: captured.data, as: UTF8.self),
        String(decoding: errData, as: UTF8.self)
    )
}

/// Output read on another thread.
final class DataBox: @unchecked Sendable {
    var data = Data()
}
