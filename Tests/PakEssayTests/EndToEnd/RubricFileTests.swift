import Foundation
import Testing

@testable import PakEssay

/// Bad rubric files given to the built binary: exit 2 with one line naming the file and key path,
/// never a crash, and never a grade made with a rubric the format does not allow.
@Suite(.serialized) struct RubricFileTests {
    static let valid = RubricTests.valid

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let json: String
        let message: String
        var testDescription: String { name }
    }

    static func replacing(_ old: String, _ new: String) -> String { valid.replacingOccurrences(of: old, with: new) }

    static let cases: [Case] = [
        Case(
            name: "maxMarks 1e300", json: replacing(#""maxMarks": 4"#, #""maxMarks": 1e300"#),
            message: "bad.json: at maxMarks: must be more than 0 and at most 1000"),
        Case(
            name: "criterion marks 1e300",
            json: replacing(#""maxMarks": 4"#, #""maxMarks": 1e300"#).replacingOccurrences(
                of: #""marks": 4"#, with: #""marks": 1e300"#),
            message: "bad.json: at maxMarks: must be more than 0"),
        Case(
            name: "negative marks", json: replacing(#""marks": 4"#, #""marks": -4"#),
            message: "bad.json: at criteria[0].marks: must be more than 0"),
        Case(
            name: "expectedWords 1e300", json: replacing(#""max": 100"#, #""max": 1e300"#),
            message: "bad.json: at expectedWords: needs 0 <= min <= max"),
        Case(
            name: "a parameter of 1e300",
            json: replacing(#""weight": 1}"#, #""weight": 1, "params": {"maxWords": 1e300}}"#),
            message: "bad.json: at criteria[0].rules[0].params.maxWords: must be at most 1000000"),
        Case(
            name: "weights that sum to infinity",
            json: replacing(#""weight": 1}"#, #""weight": 1e308}, {"rule": "language-spelling", "weight": 1e308}"#),
            message: "bad.json: at criteria[0].rules[0].weight: must be more than 0 and at most 1000"),
        Case(
            name: "maxMark", json: replacing(#""maxMarks": 4"#, #""maxMarks": 4, "maxMark": 4"#),
            message: "bad.json: at maxMark: unknown key (did you mean 'maxMarks'?)"),
        Case(
            name: "remarks.nonsense", json: replacing(#""criteria""#, #""remarks": {"nonsense": ["x"]}, "criteria""#),
            message: "bad.json: at remarks.nonsense: not a criterion of this rubric"),
        Case(
            name: "an unknown rule key", json: replacing(#""weight": 1}"#, #""weight": 1, "gates": true}"#),
            message: "bad.json: at criteria[0].rules[0].gates: unknown key (did you mean 'gate'?)"),
        Case(name: "a missing title", json: replacing(#""title": "T", "#, ""), message: "bad.json: at title: missing"),
    ]

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pakessay-rubric-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: cases)
    func refusedWithExitTwo(_ c: Case) throws {
        let path = try Self.folder().appendingPathComponent("bad.json")
        try Data(c.json.utf8).write(to: path)
        let r = try runBinary(["grade", "SampleEssays/one-paragraph.txt", "--rubric", path.path, "--format", "csv"])
        #expect(r.code == 2, "exit \(r.code): \(r.err.prefix(300))")
        #expect(r.err.hasPrefix("pakessay: error: " + c.message), "\(r.err.prefix(300))")
        #expect(r.out.isEmpty)
    }

    /// The same files written over a valid rubric that an earlier run compiled (`.cache/rubric-HASH.bin`): the
    /// edit is read on the next run and refused with the same message, and the compiled form of the valid one
    /// is never graded with.
    @Test(arguments: cases)
    func refusedTheSameAfterAValidVersionWasCompiled(_ c: Case) throws {
        let folder = try Self.folder()
        let path = folder.appendingPathComponent("bad.json")
        try Data(Self.valid.utf8).write(to: path)
        let args = ["grade", "SampleEssays/one-paragraph.txt", "--rubric", path.path, "--format", "csv"]
        let good = try runBinary(args)
        #expect(good.code == 0, "\(good.err.prefix(300))")
        #expect(TopicModelCacheTests.compiledFiles(in: folder, prefix: "rubric-").count == 1)
        try Data(c.json.utf8).write(to: path)
        let r = try runBinary(args)
        #expect(r.code == 2, "exit \(r.code): \(r.err.prefix(300))")
        #expect(r.err.hasPrefix("pakessay: error: " + c.message), "\(r.err.prefix(300))")
        #expect(r.out.isEmpty)
    }

    /// The docs say the base is beside the rubric; one reached through `..` is refused even when it exists.
    @Test func aBaseOutsideTheFolderIsRefused() throws {
        let root = try Self.folder()
        for sub in ["mine", "other"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try Data(Self.valid.utf8).write(to: root.appendingPathComponent("other/base.json"))
        let child = #"{"extends": "../other/base", "format": 1, "id": "child", "version": "1", "title": "Child"}"#
        try Data(child.utf8).write(to: root.appendingPathComponent("mine/child.json"))
        let r = try runBinary([
            "grade", "SampleEssays/one-paragraph.txt", "--rubric", root.appendingPathComponent("mine/child.json").path,
        ])
        #expect(r.code == 2)
        #expect(
            r.err.hasPrefix("pakessay: error: child.json: at extends: the base must be a rubric in the same folder"),
            "\(r.err)")
        // Beside it, the same base is fine, and the child may leave out every key the base gives.
        try Data(Self.valid.utf8).write(to: root.appendingPathComponent("mine/base.json"))
        let beside = child.replacingOccurrences(of: "../other/base", with: "base")
        try Data(beside.utf8).write(to: root.appendingPathComponent("mine/child.json"))
        let ok = try runBinary([
            "grade", "SampleEssays/one-paragraph.txt", "--rubric", root.appendingPathComponent("mine/child.json").path,
            "--format", "csv",
        ])
        #expect(ok.code == 0, "\(ok.err)")
        #expect(ok.out.contains("Pass") || ok.out.contains("Fail"))
    }

    /// A rubric named without a folder finds its base in the current folder.
    @Test func aBaseBesideARubricInTheCurrentFolder() throws {
        let folder = try Self.folder()
        try Data(Self.valid.utf8).write(to: folder.appendingPathComponent("base.json"))
        let child = #"{"extends": "base", "format": 1, "id": "child", "version": "1", "title": "Child"}"#
        try Data(child.utf8).write(to: folder.appendingPathComponent("child.json"))
        let sample = Fixtures.root.appendingPathComponent("SampleEssays/one-paragraph.txt").path
        let r = try runBinary(["grade", sample, "--rubric", "child.json", "--format", "csv"], cwd: folder)
        #expect(r.code == 0, "\(r.err)")
    }
}
