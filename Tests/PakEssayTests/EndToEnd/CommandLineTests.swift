import Foundation
import Testing

@testable import PakEssay

/// The built `pakessay` binary: commands, formats and exit codes, as scripts see them.
@Suite(.serialized) struct CommandLineTests {
    static func tempFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pakessay-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func gradesASampleWithTheDefaultRubric() throws {
        let r = try runBinary(["grade", "SampleEssays/average-extremism.txt"])
        #expect(r.code == 0)
        #expect(r.out.contains("Marks: "))
        #expect(r.out.contains("SampleEssays/average-extremism.txt:"))
        #expect(r.out.contains("[evidence-missing-in-section]"))
        #expect(r.err.isEmpty)
    }

    @Test func jsonCarriesEveryContractField() throws {
        let r = try runBinary(["grade", "SampleEssays/strong-cpec.txt", "--format", "json"])
        #expect(r.code == 0)
        let value = try JSONReader.parse(r.out)
        for key in ["pakessay", "rubric", "answers", "errors", "summary"] {
            #expect(value[key] != nil, "missing \(key)")
        }
        guard case .array(let answers)? = value["answers"], let a = answers.first else {
            Issue.record("no answers")
            return
        }
        for key in [
            "source", "index", "line", "question", "marks", "maxMarks", "band", "criteria", "findings", "improvements",
            "remarks", "stats",
        ] {
            #expect(a[key] != nil, "answer lacks \(key)")
        }
        guard case .array(let findings)? = a["findings"], let f = findings.first else {
            Issue.record("no findings")
            return
        }
        for key in [
            "rule", "criterion", "severity", "line", "column", "endLine", "endColumn", "excerpt", "message",
            "suggestion", "marksLost",
        ] {
            #expect(f[key] != nil, "finding lacks \(key)")
        }
        for key in [
            "words", "sentences", "paragraphs", "headings", "cuttings", "insertions", "corrections", "pages",
            "evidence", "spellingErrors",
        ] {
            #expect(a["stats"]?[key] != nil, "stats lack \(key)")
        }
    }

    @Test func shippedRubricsAreFoundFromAnyFolder() throws {
        let folder = try Self.tempFolder()
        let sample = Fixtures.samples.appendingPathComponent("one-paragraph.txt").path
        let r = try runBinary(["grade", sample, "--rubric", "css-essay"], cwd: folder)
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("/ 100"))
        let list = try runBinary(["rubrics"], cwd: folder)
        #expect(list.code == 0)
        for id in RubricLoader.shipped { #expect(list.out.contains(id)) }
    }

    @Test func missingFileIsExitTwoWithAOneLineError() throws {
        let r = try runBinary(["grade", "no/such/file.txt"])
        #expect(r.code == 2)
        #expect(r.out.contains("no/such/file.txt: no such file"))
    }

    @Test func unknownOptionIsExit64WithASuggestion() throws {
        let r = try runBinary(["grade", "--fromat", "json", "SampleEssays/one-paragraph.txt"])
        #expect(r.code == 64)
        #expect(r.err.contains("pakessay: error: unknown option '--fromat'"))
        #expect(r.err.contains("Did you mean '--format'?"))
        #expect(r.err.contains("See 'pakessay help grade'."))
        let bad = try runBinary(["grade", "--format", "xml", "SampleEssays/one-paragraph.txt"])
        #expect(bad.code == 64)
    }

    @Test func badRubricIsExitTwoNamingTheKeyPath() throws {
        let folder = try Self.tempFolder()
        let path = folder.appendingPathComponent("bad.json")
        try Data(
            #"{"format": 1, "id": "bad", "version": "1", "title": "t", "maxMarks": 20, "expectedWords": {"min": 1, "max": 2}, "bands": [{"minShare": 0, "label": "x"}], "criteria": [{"id": "a", "title": "A", "marks": "two", "rules": [{"rule": "language-run-on"}]}]}"#
                .utf8
        ).write(to: path)
        let r = try runBinary(["grade", "SampleEssays/one-paragraph.txt", "--rubric", path.path])
        #expect(r.code == 2)
        #expect(r.err.contains("bad.json: at criteria[0].marks: expected a number"))
    }

    @Test func failUnderBothWays() throws {
        let low = try runBinary(["grade", "SampleEssays/one-paragraph.txt", "--fail-under", "10", "--format", "csv"])
        #expect(low.code == 1)
        let high = try runBinary(["grade", "SampleEssays/one-paragraph.txt", "--fail-under", "2", "--format", "csv"])
        #expect(high.code == 0)
    }

    /// Numbered and lettered points whose sentences wrap onto unindented lines (issue 13): the binary reads
    /// them as points, not headings, and their wrapped lines raise no lowercase-start finding.
    @Test func wrappedNumberedPointsAreReadAsPoints() throws {
        let text = AnswerShapeTests.wrappedPoints
        let tree = try runBinary(["parse", "--format", "tree", "-"], stdin: text)
        #expect(tree.code == 0)
        #expect(!tree.out.contains("§ (a)") && !tree.out.contains("§ (b)"))
        #expect(tree.out.contains("¶ line 4, 27 words: Broaden the base: traders"))
        let graded = try runBinary(["grade", "--format", "json", "-"], stdin: text)
        #expect(graded.code == 0)
        let value = try JSONReader.parse(graded.out)
        guard case .array(let answers)? = value["answers"], case .array(let findings)? = answers.first?["findings"]
        else {
            Issue.record("no findings")
            return
        }
        let lowercase = findings.filter { $0["rule"] == .string("language-lowercase-start") }
        #expect(!lowercase.isEmpty, "the lowercase paragraph under the short heading on line 12 is still charged")
        #expect(lowercase.allSatisfy { $0["line"] == .int(12) })
    }

    @Test func standardInputWithSeveralAnswers() throws {
        let a = String(decoding: Fixtures.sample("one-paragraph.txt"), as: UTF8.self)
        let b = String(decoding: Fixtures.sample("weak-economy.txt"), as: UTF8.self)
        let r = try runBinary(["grade", "--format", "jsonl", "-"], stdin: a + "\n" + b)
        #expect(r.code == 0)
        let lines = r.out.split(separator: "\n")
        #expect(lines.count == 2)
        let second = try JSONReader.parse(String(lines[1]))
        #expect(second["index"] == .int(2))
        #expect(second["line"] == .int(a.split(separator: "\n", omittingEmptySubsequences: false).count + 1))
        #expect(second["rubric"] == .string("css-current-affairs"))
    }

    @Test func samplesRunTogetherOnStandardInputGiveEveryAnswer() throws {
        // `cat class/*.txt | pakessay grade - --format jsonl`: each file ends in one line end, so each
        // question line directly follows the last line of the file before it.
        // The sample without a question line is left out: run on after another file, it is more of that answer.
        let names = Fixtures.sampleNames.filter { $0 != "no-question.txt" }
        let text = names.map { String(decoding: Fixtures.sample($0), as: UTF8.self) }.joined()
        let r = try runBinary(["grade", "-", "--format", "jsonl"], stdin: text)
        #expect(r.code == 0, "\(r.err)")
        let records = try r.out.split(separator: "\n").map { try JSONReader.parse(String($0)) }
        #expect(records.count == 9)
        #expect(records.map { $0["index"] } == (1...9).map { .int($0) })
        let labels = records.compactMap { record -> String? in
            if case .string(let label)? = record["question"]?["label"] { return label }
            return nil
        }
        #expect(
            labels == [
                "Q1:", "Q. No. 4", "Q.8:", "Question No. 6", "Q.3", "Question 5:", "Q. No. 7", "Q.2",
                "Q 3)",
            ])
    }

    @Test func jsonLinesInAndOut() throws {
        let text = String(decoding: Fixtures.sample("one-paragraph.txt"), as: UTF8.self)
        let record = JSONValue.object([("id", .string("ali-7")), ("text", .string(text))]).compact()
        let noQuestion = JSONValue.object([
            ("id", .string("sara")), ("text", .string("Youth is the future of the country.")),
            ("question", .string("Discuss the role of youth.")),
        ]).compact()
        let r = try runBinary(
            ["grade", "--input", "jsonl", "--format", "jsonl"], stdin: record + "\n{not json\n" + noQuestion + "\n")
        #expect(r.code == 2)
        let lines = r.out.split(separator: "\n").map { try? JSONReader.parse(String($0)) }
        #expect(lines.count == 3)
        #expect(lines[0]?["source"] == .string("ali-7"))
        #expect(lines[1]?["error"]?["code"] == .string("bad-record"))
        #expect(lines[2]?["question"]?["directive"] == .string("discuss"))
    }

    @Test func aFolderMixingGoodAndBadFilesGradesEveryGoodOne() throws {
        let folder = try Self.tempFolder()
        try Data(Fixtures.sample("one-paragraph.txt")).write(to: folder.appendingPathComponent("a-good.txt"))
        try Data([0x51, 0x2E, 0x31, 0x20, 0x00, 0x01, 0x02]).write(to: folder.appendingPathComponent("b-binary.txt"))
        try Data([0x51, 0x2E, 0x31, 0x20, 0x41, 0xC3, 0x28, 0x41]).write(
            to: folder.appendingPathComponent("c-invalid.txt"))
        try Data().write(to: folder.appendingPathComponent("d-empty.txt"))
        try Data(Fixtures.sample("weak-economy.txt")).write(to: folder.appendingPathComponent("e-good.txt"))
        let r = try runBinary(["grade", folder.path, "--format", "jsonl"])
        #expect(r.code == 2)
        let lines = r.out.split(separator: "\n").compactMap { try? JSONReader.parse(String($0)) }
        #expect(lines.count == 5)
        #expect(lines[0]["marks"] != nil)
        #expect(lines[1]["error"]?["code"] == .string("binary"))
        #expect(lines[2]["error"]?["code"] == .string("invalid-utf8"))
        #expect(lines[2]["error"]?["offset"] == .int(5))
        #expect(lines[3]["marks"] != nil, "an empty file is graded (with findings), not refused")
        #expect(lines[4]["marks"] != nil)
    }

    @Test func csvStreamsOneRowPerAnswer() throws {
        let run = try runBinary([
            "grade", "SampleEssays/two-answers.txt", "SampleEssays/one-paragraph.txt", "--format", "csv",
        ])
        #expect(run.code == 0)
        let rows = run.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 4, "a header and three answers: \(rows)")
        #expect(rows.first?.hasPrefix("source,index,question,marks") == true)
        #expect(rows.dropFirst().allSatisfy { $0.hasPrefix("SampleEssays/") })
    }

    @Test func jobsOneAndFourGiveIdenticalBytes() throws {
        for format in ["jsonl", "json", "csv", "text"] {
            let one = try runBinary(["grade", "SampleEssays", "--format", format, "--jobs", "1"])
            let four = try runBinary(["grade", "SampleEssays", "--format", format, "--jobs", "4"])
            #expect(one.code == 0)
            #expect(one.out == four.out, "\(format) differs between --jobs 1 and --jobs 4")
        }
    }

    @Test func checkPassesOnTheSamplesAndFailsOnAWrongExpectation() throws {
        let pass = try runBinary(["check", "SampleEssays"])
        #expect(pass.code == 0, "\(pass.out)")
        #expect(pass.out.contains("0 mismatched"))
        let folder = try Self.tempFolder()
        try Data(Fixtures.sample("strong-cpec.txt")).write(to: folder.appendingPathComponent("strong-cpec.txt"))
        try Data(
            #"{"answers": [{"file": "strong-cpec.txt", "label": "weak", "marks": {"min": 0, "max": 5}, "mustFire": ["conclusion-missing"]}]}"#
                .utf8
        )
        .write(to: folder.appendingPathComponent("expected.json"))
        let fail = try runBinary(["check", folder.path])
        #expect(fail.code == 1)
        #expect(fail.out.contains("MISMATCH"))
        #expect(fail.out.contains("conclusion-missing did not fire"))
    }

    /// The panel mixes CSS answers and school essays: each expectation may name its own rubric, and
    /// `--rubric` still grades everything under one.
    @Test func checkGradesEachAnswerUnderItsExpectationsRubric() throws {
        let folder = try Self.tempFolder()
        for name in ["essay.txt", "css.txt"] {
            try Data(Fixtures.sample("one-paragraph.txt")).write(to: folder.appendingPathComponent(name))
        }
        try Data(
            #"""
            {"answers": [
              {"file": "essay.txt", "rubric": "general-essay", "marks": {"min": 10.5, "max": 10.5}},
              {"file": "css.txt", "marks": {"min": 6.5, "max": 6.5}}
            ]}
            """#.utf8
        )
        .write(to: folder.appendingPathComponent("expected.json"))
        let mixed = try runBinary(["check", folder.path])
        #expect(mixed.code == 0, "\(mixed.out)")
        #expect(mixed.out.contains("2 matched, 0 mismatched"))
        let forced = try runBinary(["check", folder.path, "--rubric", "css-current-affairs"])
        #expect(forced.code == 1)
        #expect(forced.out.contains("marks 6.5 outside 10.5–10.5"), "\(forced.out)")
    }

    @Test func closedPipeEndsQuietly() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c",
            "'\(Fixtures.binary.path)' grade SampleEssays SampleEssays SampleEssays | head -n 1 >/dev/null; echo ${PIPESTATUS:-done}",
        ]
        process.currentDirectoryURL = Fixtures.root
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(!stderr.contains("error"), "\(stderr)")
    }

    @Test func parseAndCleanCommands() throws {
        let json = try runBinary(["parse", "SampleEssays/strong-cpec.txt"])
        #expect(json.code == 0)
        #expect(json.out.contains("\"outline\""))
        let tree = try runBinary(["parse", "SampleEssays/strong-cpec.txt", "--format", "tree"])
        #expect(tree.out.contains("§ 3.1 Energy Security: Ending Load-Shedding"))
        let clean = try runBinary(["clean", "SampleEssays/weak-messy-governance.txt"])
        #expect(!clean.out.contains("~~has been"))
        let script = try runBinary(["clean", "--script", "SampleEssays/weak-messy-governance.txt"])
        #expect(script.out.contains("↑("))
        let folder = try runBinary(["parse", "SampleEssays"])
        #expect(folder.code == 2)
        #expect(folder.err.contains("is a folder"))
    }

    @Test func helpVersionAndExplain() throws {
        let help = try runBinary(["--help"])
        #expect(help.code == 0 && help.out.contains("SUBCOMMANDS:"))
        let gradeHelp = try runBinary(["help", "grade"])
        #expect(gradeHelp.code == 0 && gradeHelp.out.contains("--fail-under"))
        let version = try runBinary(["--version"])
        #expect(version.out == PakEssayVersion.string + "\n")
        let explain = try runBinary(["explain", "evidence-missing-in-section"])
        #expect(explain.code == 0 && explain.out.contains("Why it matters"))
        let unknown = try runBinary(["explain", "evidence-mising-in-section"])
        #expect(unknown.code == 64 && unknown.err.contains("Did you mean 'evidence-missing-in-section'?"))
    }

    /// The listing of every rule keeps its order now that the registry is written at build time.
    @Test func explainListingMatchesItsGoldenFile() throws {
        let listing = try runBinary(["explain"])
        #expect(listing.code == 0)
        assertGolden(listing.out, "explain/listing.txt")
    }

    /// One rule's explanation: its parameters with their declared defaults and the word lists it reads.
    @Test(arguments: ["language-spelling", "evidence-examples", "structure-owed-sections", "relevance-crux"])
    func explainRuleMatchesItsGoldenFile(_ id: String) throws {
        let explained = try runBinary(["explain", id])
        #expect(explained.code == 0)
        assertGolden(explained.out, "explain/\(id).txt")
    }
}
