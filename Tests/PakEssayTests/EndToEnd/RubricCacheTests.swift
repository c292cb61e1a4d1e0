import Foundation
import Testing

@testable import PakEssay

/// The compiled rubric (`.cache/rubric-HASH.bin`, issue 17 step 4): a run that finds it current reads the
/// rubric's merged tree from it instead of parsing the JSON; an edit to the rubric or to its base takes effect
/// on the next run, with the errors a fresh load gives; a damaged file is ignored. Against the built binary.
@Suite(.serialized) struct RubricCacheTests {
    /// A copy of the shipped rubrics, a rubric of the tutor's own that extends the default one, and an answer.
    static func setUp() throws -> (rubrics: URL, mine: String, answer: String) {
        let rubrics = try TopicModelCacheTests.rubricCopy()
        let mine = rubrics.appendingPathComponent("mine.json")
        try Data(#"{"format": 1, "extends": "css-current-affairs", "id": "mine", "version": "7.0"}"#.utf8)
            .write(to: mine)
        let answer = rubrics.deletingLastPathComponent().appendingPathComponent("answer.txt")
        try FileManager.default.copyItem(
            at: Fixtures.samples.appendingPathComponent("weak-economy.txt"), to: answer)
        return (rubrics, mine.path, answer.path)
    }

    static func grade(_ rubric: String, _ answer: String) throws -> (code: Int32, out: String, err: String) {
        try runBinary(["grade", answer, "--rubric", rubric, "--format", "json"])
    }

    /// Rewrites a file with one text replaced.
    static func edit(_ path: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old))
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func anEditedRubricAndAnEditedBaseTakeEffectOnTheNextRun() throws {
        let (rubrics, mine, answer) = try Self.setUp()
        let first = try Self.grade(mine, answer)
        #expect(first.code == 0, "\(first.err)")
        #expect(first.out.contains(#""version": "7.0""#))
        #expect(TopicModelCacheTests.compiledFiles(in: rubrics, prefix: "rubric-").count == 1)
        let again = try Self.grade(mine, answer)
        #expect(again.out == first.out)
        try Self.edit(mine, #""version": "7.0""#, #""version": "7.1""#)
        let edited = try Self.grade(mine, answer)
        #expect(edited.out.contains(#""version": "7.1""#))
        let base = rubrics.appendingPathComponent("css-current-affairs.json").path
        try Self.edit(base, "CSS Current Affairs: one 20-mark question", "A title the tutor changed")
        let rebased = try Self.grade(mine, answer)
        #expect(rebased.code == 0, "\(rebased.err)")
        #expect(rebased.out.contains("A title the tutor changed"))
    }

    @Test func anEditedRubricIsValidatedAgainWithTheSameError() throws {
        let (_, mine, answer) = try Self.setUp()
        #expect(try Self.grade(mine, answer).code == 0)
        try Self.edit(mine, #""version": "7.0""#, #""version": "7.0", "maxMark": 20"#)
        let broken = try Self.grade(mine, answer)
        var fresh = ""
        do { _ = try RubricLoader.load(path: mine) } catch { fresh = error.message }
        #expect(broken.code == 2)
        #expect(fresh.contains("at maxMark: unknown key (did you mean 'maxMarks'?)"))
        #expect(broken.err.contains(fresh))
        // Mended, it loads again; broken in the base, the base's error is given.
        try Self.edit(mine, #", "maxMark": 20"#, "")
        #expect(try Self.grade(mine, answer).code == 0)
        let base = (mine as NSString).deletingLastPathComponent + "/css-current-affairs.json"
        try Self.edit(base, #""maxMarks": 20"#, #""maxMarks": -20"#)
        let baseBroken = try Self.grade(mine, answer)
        #expect(baseBroken.code == 2)
        #expect(baseBroken.err.contains("at maxMarks: must be more than 0"))
    }

    @Test func aDamagedCompiledRubricIsIgnored() throws {
        let (rubrics, mine, answer) = try Self.setUp()
        let first = try Self.grade(mine, answer)
        #expect(first.code == 0, "\(first.err)")
        let name = try #require(TopicModelCacheTests.compiledFiles(in: rubrics, prefix: "rubric-").first)
        let file = rubrics.appendingPathComponent(".cache").appendingPathComponent(name)
        let bytes = try [UInt8](Data(contentsOf: file))
        for damaged in [Array(bytes.prefix(bytes.count / 2)), [], bytes.enumerated().map { $1 ^ ($0 == 200 ? 1 : 0) }] {
            try Data(damaged).write(to: file)
            let run = try Self.grade(mine, answer)
            #expect(run.code == 0 && run.err.isEmpty, "\(run.err)")
            #expect(run.out == first.out)
        }
    }

    /// In this process: a load writes the merged tree, the next load of the same file reads it back, and the
    /// rubric read from it is the rubric the JSON gives.
    @Test func theCompiledTreeIsTheMergedRubric() throws {
        let (rubrics, mine, _) = try Self.setUp()
        let fresh = try RubricLoader.load(path: mine)
        let tree = try #require(RubricStore.cached(mine, folder: rubrics.path))
        #expect(tree["id"] == .string("mine") && tree["maxMarks"] != nil && tree["extends"] == nil)
        let read = try RubricLoader.load(path: mine)
        #expect(read.title == fresh.title && read.version == "7.0" && read.maxMarks == fresh.maxMarks)
        #expect(read.criteria.map(\.id) == fresh.criteria.map(\.id))
        #expect(read.criteria.map { $0.rules.map(\.id) } == fresh.criteria.map { $0.rules.map(\.id) })
        #expect(read.criteria.map { $0.rules.map(\.weight) } == fresh.criteria.map { $0.rules.map(\.weight) })
        #expect(read.bands == fresh.bands && read.expectedWords == fresh.expectedWords)
        // Every value kind comes back as written, and a tree cut short is refused.
        let value = JSONValue.object([
            ("a", .array([.null, .bool(true), .bool(false), .int(-3), .number(0.1), .string("é\"x")])),
            ("b", .object([])),
        ])
        let bytes = RubricStore.compiled(value, sources: [("x.json", [1, 2])])
        let stamp: [UInt64] = [1, 2]
        #expect(bytes.withUnsafeBytes { RubricStore.decode($0, path: "x.json", stamp: stamp) } == value)
        #expect(bytes.withUnsafeBytes { RubricStore.decode($0, path: "x.json", stamp: [1, 3]) } == nil)
        #expect(bytes.withUnsafeBytes { RubricStore.decode($0, path: "y.json", stamp: stamp) } == nil)
        for length in stride(from: 0, to: bytes.count, by: 7) {
            let cut = Array(bytes.prefix(length))
            #expect(cut.withUnsafeBytes { RubricStore.decode($0, path: "x.json", stamp: stamp) } == nil)
        }
    }
}
