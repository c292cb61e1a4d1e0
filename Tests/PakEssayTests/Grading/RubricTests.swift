import Foundation
import Testing

@testable import PakEssay

/// Rubric files: the shipped ones load, and every kind of bad file gets an error naming the file and key path.
@Suite struct RubricTests {
    @Test(arguments: RubricLoader.shipped)
    func shippedRubricsLoad(_ id: String) throws {
        let rubric = try Fixtures.rubric(id)
        #expect(rubric.id == id)
        #expect(!rubric.criteria.isEmpty)
        #expect(abs(rubric.criteria.reduce(0) { $0 + $1.marks } - rubric.maxMarks) < 1e-9)
        #expect(rubric.lexicon.misspellings.count >= 1000)
    }

    @Test func cssRubricsUseTheFixedCriterionIds() throws {
        for id in ["css-current-affairs", "css-pakistan-affairs", "css-essay"] {
            #expect(
                try Fixtures.rubric(id).criteria.map(\.id) == [
                    "relevance", "introduction", "structure", "arguments", "evidence", "conclusion", "presentation",
                    "language",
                ])
        }
    }

    static let valid =
        #"{"format": 1, "id": "t", "version": "1", "title": "T", "maxMarks": 4, "expectedWords": {"min": 10, "max": 100}, "bands": [{"minShare": 0.5, "label": "Pass"}, {"minShare": 0, "label": "Fail"}], "criteria": [{"id": "language", "title": "Language", "marks": 4, "rules": [{"rule": "language-run-on", "weight": 1}]}]}"#

    /// A `gates` entry for `answer-too-short` with `fields`, put before the valid rubric's criteria.
    static func gates(_ fields: String) -> String {
        #""gates": [{"rule": "answer-too-short", "# + fields + #"}], "criteria": ["#
    }

    /// Loads a rubric from its text, written to a file of that name in a folder of its own.
    static func load(_ json: String, _ name: String) throws -> Rubric {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pakessay-rubric-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        return try RubricLoader.load(path: path)
    }

    /// The rubric's `gates` entry is its gate written in each criterion it names, first among the rules.
    @Test func aGatesEntryIsTheGateInEachCriterionItNames() throws {
        let twoCriteria = Self.valid.replacingOccurrences(of: #""maxMarks": 4"#, with: #""maxMarks": 8"#)
            .replacingOccurrences(
                of: #"}]}]}"#,
                with: #"}]}, {"id": "content", "title": "C", "marks": 4, "rules": [{"rule": "arguments-count"}]}]}"#)
        let shared = try Self.load(
            twoCriteria.replacingOccurrences(
                of: #""criteria": ["#, with: Self.gates(#""criteria": ["content", "language"], "params": {"power": 2}"#)
            ),
            "shared.json")
        let written = try Self.load(
            twoCriteria.replacingOccurrences(
                of: #"[{"rule": "#,
                with: #"[{"rule": "answer-too-short", "gate": true, "params": {"power": 2}}, {"rule": "#),
            "written.json")
        let ids = { (r: Rubric) in r.criteria.map { $0.rules.map { "\($0.id) \($0.gate) \($0.weight)" } } }
        #expect(ids(shared) == ids(written))
        #expect(shared.criteria.allSatisfy { $0.rules.first?.fromGates == true })
        let text = "Q.1 Discuss inflation.\n\nInflation is high, because money is printed."
        let a = try Fixtures.grade(text, rubric: shared)
        let b = try Fixtures.grade(text, rubric: written)
        #expect(a.marks == b.marks && a.findings.map(\.message) == b.findings.map(\.message))
        #expect(a.findings.contains { $0.rule == "answer-too-short" })
    }

    /// A fitted rubric writes a criterion's own rules back, not the gates its `gates` entry placed there.
    @Test func aFittedRubricWritesTheGatesEntryOnce() throws {
        let rubric = try Fixtures.rubric("general-essay")
        #expect(rubric.criteria.contains { $0.rules.first?.fromGates == true })
        var p = ScaleParameters(rubric)
        // A fit moves the weighted rules' weights; a gate's weight is unused and stays.
        p.weights = rubric.criteria.map { $0.rules.map { $0.gate ? $0.weight : $0.weight * 2 } }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pakessay-fit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try FittedRubric.text(rubric, p, answers: 10, folder: folder.path)
        let path = folder.appendingPathComponent("fitted.json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let fitted = try RubricLoader.load(path: path)
        let uses = { (r: Rubric) in r.criteria.map { $0.rules.map { "\($0.id) \($0.gate) \($0.fromGates)" } } }
        #expect(uses(fitted) == uses(rubric))
        #expect(fitted.criteria.map { $0.rules.map(\.weight) } == p.weights)
    }

    struct Bad: CustomTestStringConvertible, Sendable {
        let name: String
        let json: String
        let message: String
        var testDescription: String { name }
    }

    static let bad: [Bad] = [
        Bad(name: "not JSON", json: "format: 1", message: "bad.json: not valid JSON: line 1, column 1"),
        Bad(
            name: "missing key", json: valid.replacingOccurrences(of: #""title": "T", "#, with: ""),
            message: "bad.json: at title: missing"),
        Bad(
            name: "wrong type", json: valid.replacingOccurrences(of: #""marks": 4"#, with: #""marks": "four""#),
            message: "bad.json: at criteria[0].marks: expected a number"),
        Bad(
            name: "negative marks", json: valid.replacingOccurrences(of: #""marks": 4"#, with: #""marks": -4"#),
            message: "bad.json: at criteria[0].marks: must be more than 0"),
        Bad(
            name: "zero max marks", json: valid.replacingOccurrences(of: #""maxMarks": 4"#, with: #""maxMarks": 0"#),
            message: "bad.json: at maxMarks: must be more than 0"),
        Bad(
            name: "marks do not add up",
            json: valid.replacingOccurrences(of: #""maxMarks": 4"#, with: #""maxMarks": 5"#),
            message: "bad.json: at criteria: the criteria's marks add up to 4, but maxMarks is 5"),
        Bad(
            name: "unknown rule", json: valid.replacingOccurrences(of: "language-run-on", with: "language-run-off"),
            message:
                "bad.json: at criteria[0].rules[0].rule: unknown rule id 'language-run-off' (did you mean 'language-run-on'?"
        ),
        Bad(
            name: "empty criteria",
            json: valid.replacingOccurrences(
                of:
                    #"[{"id": "language", "title": "Language", "marks": 4, "rules": [{"rule": "language-run-on", "weight": 1}]}]"#,
                with: "[]"), message: "bad.json: at criteria: must list at least one criterion"),
        Bad(
            name: "unknown parameter",
            json: valid.replacingOccurrences(of: #""weight": 1}"#, with: #""weight": 1, "params": {"maxWord": 3}}"#),
            message: "bad.json: at criteria[0].rules[0].params.maxWord: unknown parameter (this rule takes: maxWords"),
        Bad(
            name: "parameter of the wrong type",
            json: valid.replacingOccurrences(
                of: #""weight": 1}"#, with: #""weight": 1, "params": {"maxWords": "many"}}"#),
            message: "bad.json: at criteria[0].rules[0].params.maxWords: expected a number"),
        Bad(
            name: "duplicate criterion",
            json: valid.replacingOccurrences(of: #""maxMarks": 4"#, with: #""maxMarks": 8"#).replacingOccurrences(
                of: #"}]}]}"#,
                with: #"}]}, {"id": "language", "title": "L", "marks": 4, "rules": [{"rule": "language-run-on"}]}]}"#),
            message: "bad.json: at criteria[1].id: the criterion 'language' appears twice"),
        Bad(
            name: "missing word list",
            json: valid.replacingOccurrences(
                of: #""criteria""#, with: #""lexicons": {"misspellings": "nowhere.txt"}, "criteria""#),
            message: "bad.json: at lexicons.misspellings: cannot read the word list"),
        // The packed dictionary (issue 14): missing, or a file that is not one.
        Bad(
            name: "missing dictionary",
            json: valid.replacingOccurrences(
                of: #""criteria""#, with: #""lexicons": {"dictionary": "nowhere.dict"}, "criteria""#),
            message: "bad.json: at lexicons.dictionary: cannot read the dictionary"),
        Bad(
            name: "not a dictionary",
            json: valid.replacingOccurrences(
                of: #""criteria""#,
                with: #""lexicons": {"dictionary": ""# + Fixtures.root.path
                    + #"/Rubrics/lexicons/allowed.txt"}, "criteria""#),
            message: "bad.json: at lexicons.dictionary: " + Fixtures.root.path
                + "/Rubrics/lexicons/allowed.txt is not a pakessay dictionary (build one with scripts/build-dictionary.py)"
        ),
        Bad(
            name: "missing grammar pattern file",
            json: valid.replacingOccurrences(
                of: #""criteria""#, with: #""lexicons": {"grammar": "nowhere.txt"}, "criteria""#),
            message: "bad.json: at lexicons.grammar: cannot read the word list"),
        Bad(
            name: "missing parts-of-speech file",
            json: valid.replacingOccurrences(
                of: #""criteria""#, with: #""lexicons": {"partsOfSpeech": "nowhere.txt"}, "criteria""#),
            message: "bad.json: at lexicons.partsOfSpeech: cannot read the word list"),
        Bad(
            name: "unknown format", json: valid.replacingOccurrences(of: #""format": 1"#, with: #""format": 2"#),
            message: "bad.json: at format: unsupported format"),
        Bad(
            name: "findings limit of zero",
            json: valid.replacingOccurrences(of: #""maxMarks": 4"#, with: #""maxMarks": 4, "findingsPerRule": 0"#),
            message: "bad.json: at findingsPerRule: must be a whole number from 1 to 1000000"),
        Bad(
            name: "band above 1", json: valid.replacingOccurrences(of: #""minShare": 0.5"#, with: #""minShare": 5"#),
            message: "bad.json: at bands[0].minShare: must be between 0 and 1"),
        // Numbers out of range are refused before any arithmetic (issue 11, item 14).
        Bad(
            name: "huge max marks",
            json: valid.replacingOccurrences(of: #""maxMarks": 4"#, with: #""maxMarks": 1e300"#),
            message: "bad.json: at maxMarks: must be more than 0 and at most 1000"),
        Bad(
            name: "negative max marks",
            json: valid.replacingOccurrences(of: #""maxMarks": 4"#, with: #""maxMarks": -4"#),
            message: "bad.json: at maxMarks: must be more than 0 and at most 1000"),
        Bad(
            name: "huge criterion marks",
            json: valid.replacingOccurrences(of: #""maxMarks": 4"#, with: #""maxMarks": 1000"#).replacingOccurrences(
                of: #""marks": 4"#, with: #""marks": 1e300"#),
            message: "bad.json: at criteria[0].marks: must be more than 0 and at most 1000"),
        Bad(
            name: "huge weight",
            json: valid.replacingOccurrences(
                of: #""weight": 1}"#, with: #""weight": 1e308}, {"rule": "language-spelling", "weight": 1e308}"#),
            message: "bad.json: at criteria[0].rules[0].weight: must be more than 0 and at most 1000"),
        Bad(
            name: "negative weight", json: valid.replacingOccurrences(of: #""weight": 1}"#, with: #""weight": -1}"#),
            message: "bad.json: at criteria[0].rules[0].weight: must be more than 0 and at most 1000"),
        Bad(
            name: "huge expected words", json: valid.replacingOccurrences(of: #""max": 100"#, with: #""max": 1e300"#),
            message: "bad.json: at expectedWords: needs 0 <= min <= max <= 1000000"),
        Bad(
            name: "huge parameter",
            json: valid.replacingOccurrences(
                of: #""weight": 1}"#, with: #""weight": 1, "params": {"maxWords": 1e300}}"#),
            message: "bad.json: at criteria[0].rules[0].params.maxWords: must be at most 1000000"),
        Bad(
            name: "huge ceiling",
            json: valid.replacingOccurrences(
                of: #""maxMarks": 4"#, with: #""maxMarks": 4, "scale": {"ceiling": 1e300}"#),
            message: "bad.json: at scale.ceiling: must be more than 0 and at most 1"),
        Bad(
            name: "huge exponent",
            json: valid.replacingOccurrences(
                of: #""maxMarks": 4"#, with: #""maxMarks": 4, "scale": {"exponent": -1e300}"#),
            message: "bad.json: at scale.exponent: must be between 0.25 and 4"),
        Bad(
            name: "halfAt of zero",
            json: valid.replacingOccurrences(of: #""marks": 4, "rules""#, with: #""marks": 4, "halfAt": 0, "rules""#),
            message: "bad.json: at criteria[0].halfAt: must be more than 0 and at most 1000"),
        Bad(
            name: "criterion ceiling above 1",
            json: valid.replacingOccurrences(
                of: #""marks": 4, "rules""#, with: #""marks": 4, "ceiling": 1.5, "rules""#),
            message: "bad.json: at criteria[0].ceiling: must be more than 0 and at most 1"),
        Bad(
            name: "criterion ceiling of zero",
            json: valid.replacingOccurrences(of: #""marks": 4, "rules""#, with: #""marks": 4, "ceiling": 0, "rules""#),
            message: "bad.json: at criteria[0].ceiling: must be more than 0 and at most 1"),
        // Unknown keys anywhere, with the nearest known key (item 16).
        Bad(
            name: "unknown top-level key",
            json: valid.replacingOccurrences(of: #""maxMarks": 4"#, with: #""maxMarks": 4, "maxMark": 3"#),
            message: "bad.json: at maxMark: unknown key (did you mean 'maxMarks'?)"),
        Bad(
            name: "unknown key far from any",
            json: valid.replacingOccurrences(of: #""maxMarks": 4"#, with: #""maxMarks": 4, "zzz": 3"#),
            message: "bad.json: at zzz: unknown key (known: format, id,"),
        Bad(
            name: "unknown remarks criterion",
            json: valid.replacingOccurrences(of: #""criteria""#, with: #""remarks": {"nonsense": ["x"]}, "criteria""#),
            message: "bad.json: at remarks.nonsense: not a criterion of this rubric (criteria: language)"),
        Bad(
            name: "misspelt remarks criterion",
            json: valid.replacingOccurrences(of: #""criteria""#, with: #""remarks": {"languag": ["x"]}, "criteria""#),
            message: "bad.json: at remarks.languag: not a criterion of this rubric (did you mean 'language'?)"),
        Bad(
            name: "unknown scale key",
            json: valid.replacingOccurrences(of: #""maxMarks": 4"#, with: #""maxMarks": 4, "scale": {"cieling": 0.8}"#),
            message: "bad.json: at scale.cieling: unknown key (did you mean 'ceiling'?)"),
        Bad(
            name: "unknown expectedWords key",
            json: valid.replacingOccurrences(of: #""min": 10"#, with: #""minimum": 10"#),
            message: "bad.json: at expectedWords.minimum: unknown key"),
        Bad(
            name: "unknown band key",
            json: valid.replacingOccurrences(of: #""label": "Pass""#, with: #""label": "Pass", "lable": "x""#),
            message: "bad.json: at bands[0].lable: unknown key (did you mean 'label'?)"),
        Bad(
            name: "unknown criterion key",
            json: valid.replacingOccurrences(of: #""marks": 4"#, with: #""marks": 4, "mark": 4"#),
            message: "bad.json: at criteria[0].mark: unknown key (did you mean 'marks'?)"),
        Bad(
            name: "unknown rule key", json: valid.replacingOccurrences(of: #""weight": 1}"#, with: #""wieght": 1}"#),
            message: "bad.json: at criteria[0].rules[0].wieght: unknown key (did you mean 'weight'?)"),
        Bad(
            name: "unknown word list",
            json: valid.replacingOccurrences(of: #""criteria""#, with: #""words": {"connective": ["so"]}, "criteria""#),
            message: "bad.json: at words.connective: unknown word list (did you mean 'connectives'?)"),
        Bad(
            name: "a gate for an unknown criterion",
            json: valid.replacingOccurrences(of: #""criteria": ["#, with: Self.gates(#""criteria": ["langauge"]"#)),
            message: "bad.json: at gates[0].criteria[0]: unknown criterion 'langauge' (did you mean 'language'?)"),
        Bad(
            name: "a gate for no criterion",
            json: valid.replacingOccurrences(of: #""criteria": ["#, with: Self.gates(#""criteria": []"#)),
            message: "bad.json: at gates[0].criteria: must list at least one criterion"),
        Bad(
            name: "a gate for one criterion twice",
            json: valid.replacingOccurrences(
                of: #""criteria": ["#, with: Self.gates(#""criteria": ["language", "language"]"#)),
            message: "bad.json: at gates[0].criteria[1]: the criterion 'language' appears twice"),
        Bad(
            name: "a gate with an unknown key",
            json: valid.replacingOccurrences(
                of: #""criteria": ["#, with: Self.gates(#""criteria": ["language"], "wieght": 1"#)),
            message: "bad.json: at gates[0].wieght: unknown key"),
        Bad(
            name: "a gate with a misspelt parameter",
            json: valid.replacingOccurrences(
                of: #""criteria": ["#, with: Self.gates(#""criteria": ["language"], "params": {"powr": 2}"#)),
            message: "bad.json: at gates[0].params.powr: unknown parameter (this rule takes: power, tolerance"),
        Bad(
            name: "an unknown directive",
            json: valid.replacingOccurrences(
                of: #""criteria": ["#, with: #""directives": {"sugest": {"owes": ["points"]}}, "criteria": ["#),
            message: "bad.json: at directives.sugest: unknown directive (did you mean 'suggest'?)"),
        Bad(
            name: "an unknown demand",
            json: valid.replacingOccurrences(
                of: #""criteria": ["#, with: #""directives": {"discuss": {"owes": ["otherside"]}}, "criteria": ["#),
            message: "bad.json: at directives.discuss.owes[0]: unknown demand 'otherside' (did you mean 'otherSide'?)"),
        Bad(
            name: "an unknown owed section",
            json: valid.replacingOccurrences(
                of: #""criteria": ["#,
                with: #""directives": {"discuss": {"owes": ["aspects"], "sections": ["way-forward"]}}, "criteria": ["#),
            message:
                "bad.json: at directives.discuss.sections[0]: unknown section 'way-forward' "
                + "(did you mean 'wayForward'?)"
        ),
        Bad(
            name: "an unknown key of a directive",
            json: valid.replacingOccurrences(
                of: #""criteria": ["#, with: #""directives": {"discuss": {"owe": ["aspects"]}}, "criteria": ["#),
            message: "bad.json: at directives.discuss.owe: unknown key (did you mean 'owes'?)"),
        Bad(
            name: "an unknown part setting",
            json: valid.replacingOccurrences(of: #""criteria": ["#, with: #""parts": {"leadWord": 50}, "criteria": ["#),
            message: "bad.json: at parts.leadWord: unknown part setting (did you mean 'leadWords'?)"),
        Bad(
            name: "a part setting that is not a whole number of words",
            json: valid.replacingOccurrences(
                of: #""criteria": ["#, with: #""parts": {"courtesyWords": 2.5}, "criteria": ["#),
            message: "bad.json: at parts.courtesyWords: must be a whole number from 0 to 1000000"),
        Bad(
            name: "misspelt parameter",
            json: valid.replacingOccurrences(of: #""weight": 1}"#, with: #""weight": 1, "params": {"maxWord": 3}}"#),
            message:
                "bad.json: at criteria[0].rules[0].params.maxWord: unknown parameter "
                + "(this rule takes: maxWords, penalty, maxPart; did you mean 'maxWords'?)"
        ),
        // A base outside the rubric's folder.
        Bad(
            name: "extends a path up",
            json: valid.replacingOccurrences(of: #""format": 1"#, with: #""extends": "../other/base", "format": 1"#),
            message: "bad.json: at extends: the base must be a rubric in the same folder"),
        Bad(
            name: "extends an absolute path",
            json: valid.replacingOccurrences(of: #""format": 1"#, with: #""extends": "/tmp/base.json", "format": 1"#),
            message: "bad.json: at extends: the base must be a rubric in the same folder"),
        // Missing keys say which.
        Bad(
            name: "missing id", json: valid.replacingOccurrences(of: #""id": "t", "#, with: ""),
            message:
                "bad.json: at id: missing (a rubric needs id, version, title, maxMarks, expectedWords, bands and criteria"
        ),
        Bad(
            name: "missing criteria",
            json: valid.replacingOccurrences(
                of:
                    #", "criteria": [{"id": "language", "title": "Language", "marks": 4, "rules": [{"rule": "language-run-on", "weight": 1}]}]"#,
                with: ""), message: "bad.json: at criteria: missing"),
    ]

    @Test(arguments: bad)
    func badRubricsNameFileAndKeyPath(_ bad: Bad) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pakessay-rubric-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("bad.json").path
        try Data(bad.json.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: RubricError.self) { try RubricLoader.load(path: path) }
        do {
            _ = try RubricLoader.load(path: path)
        } catch {
            #expect(error.message.hasPrefix(bad.message), "got: \(error.message)")
        }
    }

    @Test func theValidBaseLoads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pakessay-rubric-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("ok.json").path
        try Data(Self.valid.utf8).write(to: URL(fileURLWithPath: path))
        let rubric = try RubricLoader.load(path: path)
        #expect(rubric.maxMarks == 4)
        #expect(rubric.band(for: 2) == "Pass")
    }

    @Test func aHugeWordListLoads() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pakessay-rubric-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var list = "# a huge list\n"
        for i in 0..<200_000 { list += "wrongword\(i) -> word\n" }
        try Data(list.utf8).write(to: folder.appendingPathComponent("huge.txt"))
        let json = Self.valid.replacingOccurrences(
            of: #""criteria""#, with: #""lexicons": {"misspellings": "huge.txt"}, "criteria""#)
        try Data(json.utf8).write(to: folder.appendingPathComponent("huge.json"))
        let rubric = try RubricLoader.load(path: folder.appendingPathComponent("huge.json").path)
        #expect(rubric.lexicon.misspellings.count == 200_000)
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pakessay-rubric-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A rubric that extends another may leave out what its base gives; its own unknown keys are still
    /// reported in its own file, and the base's in the base's.
    @Test func anExtendingRubricMayOmitItsBasesKeys() throws {
        let folder = try Self.folder()
        try Data(Self.valid.utf8).write(to: folder.appendingPathComponent("base.json"))
        let child = #"{"extends": "base", "format": 1, "id": "child", "version": "2", "title": "Child"}"#
        try Data(child.utf8).write(to: folder.appendingPathComponent("child.json"))
        let rubric = try RubricLoader.load(path: folder.appendingPathComponent("child.json").path)
        #expect(rubric.id == "child" && rubric.maxMarks == 4 && rubric.criteria.map(\.id) == ["language"])
        let named =
            #"{"extends": "base.json", "format": 1, "id": "child", "version": "2", "title": "Child", "maxMark": 4}"#
        try Data(named.utf8).write(to: folder.appendingPathComponent("named.json"))
        #expect(throws: RubricError(message: "named.json: at maxMark: unknown key (did you mean 'maxMarks'?)")) {
            try RubricLoader.load(path: folder.appendingPathComponent("named.json").path)
        }
        let badBase = Self.valid.replacingOccurrences(of: #""maxMarks": 4"#, with: #""maxMarks": 4, "titel": "x""#)
        try Data(badBase.utf8).write(to: folder.appendingPathComponent("base.json"))
        #expect(throws: RubricError(message: "base.json: at titel: unknown key (did you mean 'title'?)")) {
            try RubricLoader.load(path: folder.appendingPathComponent("child.json").path)
        }
    }

    @Test func theShippedExtendingRubricsKeepTheirBasesRemarks() throws {
        let base = try Fixtures.rubric("css-current-affairs")
        for id in ["css-pakistan-affairs", "css-essay", "general-essay"] {
            #expect(try Fixtures.rubric(id).remarkKeywords.count == base.remarkKeywords.count)
        }
    }
}
