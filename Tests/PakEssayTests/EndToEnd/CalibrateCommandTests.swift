import Foundation
import Testing

@testable import PakEssay

/// `pakessay calibrate`, as a tutor runs it: the report, bad MARKS files, the fit and its refusals.
@Suite(.serialized) struct CalibrateCommandTests {
    static let samples = Fixtures.samples.path

    static func folder() throws -> URL { try CommandLineTests.tempFolder() }

    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func reportsAgreementInEveryFormat() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Relative paths are read from the MARKS file's folder.
        try FileManager.default.createSymbolicLink(
            atPath: dir.appendingPathComponent("s").path, withDestinationPath: Self.samples)
        let marks = try Self.write(
            "path,marks,evidence\ns/strong-cpec.txt,16,2.5\ns/weak-economy.txt,6,1\ns/average-water.txt,11,1.5\n",
            "marks.csv", in: dir)
        let text = try runBinary(["calibrate", marks])
        #expect(text.code == 0, "\(text.err)")
        #expect(text.err.isEmpty)
        #expect(text.out.contains("3 answers against the tutor's marks"))
        #expect(text.out.contains("Total: Spearman 1.000"))
        #expect(text.out.contains("  evidence: Spearman"))
        #expect(text.out.contains("Largest disagreements:"))
        let json = try runBinary(["calibrate", marks, "--format", "json"])
        #expect(json.code == 0)
        let value = try JSONReader.parse(json.out)
        for key in ["rubric", "version", "tutorScale", "total", "criteria", "bands", "disagreements", "errors"] {
            #expect(value[key] != nil, "missing \(key)")
        }
        #expect(value["total"]?["answers"] == .int(3))
        #expect(value["fit"] == nil)
        let md = try runBinary(["calibrate", marks, "--format", "markdown"])
        #expect(md.code == 0)
        #expect(md.out.hasPrefix("# Calibration: css-current-affairs"))
        #expect(md.out.contains("| total | 1.000 |"))
    }

    @Test func badRowsAreNamedAndEveryOtherRowIsUsed() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = Self.samples
        let csv =
            "\u{FEFF}path,marks,relevance,notes\r\n"
            + "\"\(s)/strong-cpec.txt\",16,2,good\r\n"
            + "\(s)/weak-economy.txt,six,1,\r\n"
            + "\(s)/missing.txt,9,1,\r\n"
            + "\(s)/average-water.txt,11\r\n"
            + "\(s)/average-extremism.txt,12,\"1.5\",\"a note, with a comma\"\r\n"
            + "\(s)/weak-messy-governance.txt,25,1,\r\n"
            + "\(s)/one-paragraph.txt,7,3,\r\n"
        let marks = try Self.write(csv, "marks.csv", in: dir)
        let r = try runBinary(["calibrate", marks, "--format", "json"])
        #expect(r.code == 2)
        let errors = r.err.split(separator: "\n").map(String.init)
        #expect(errors.count == 6, "\(errors)")
        #expect(
            errors[0]
                == "pakessay: error: \(marks):1: unknown column 'notes' (ignored; known: path, id, text, answer, question, marks, relevance, introduction, structure, arguments, evidence, conclusion, presentation, language)"
        )
        #expect(errors[1] == "pakessay: error: \(marks):3: marks 'six' is not a number")
        #expect(errors[2] == "pakessay: error: \(marks):4: \(s)/missing.txt: no such file")
        #expect(errors[3] == "pakessay: error: \(marks):5: has 2 fields; the header has 4")
        #expect(errors[4] == "pakessay: error: \(marks):7: marks 25 is outside the tutor's scale 0-20")
        #expect(errors[5] == "pakessay: error: \(marks):8: relevance 3 is outside 0-2")
        let value = try JSONReader.parse(r.out)
        #expect(value["total"]?["answers"] == .int(2))
        guard case .array(let listed)? = value["errors"] else { return #expect(Bool(false)) }
        #expect(listed.count == 6)
    }

    @Test func aMarksFileWithoutAMarksColumnIsRefused() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let marks = try Self.write("path,score\na.txt,3\n", "marks.csv", in: dir)
        let r = try runBinary(["calibrate", marks])
        #expect(r.code == 2)
        #expect(r.err == "pakessay: error: \(marks):1: no 'marks' column (the tutor's total)\n")
        #expect(r.out.isEmpty)
    }

    @Test func theCommandLineIsChecked() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let marks = try Self.write("path,marks\n\(Self.samples)/strong-cpec.txt,5\n", "marks.csv", in: dir)
        #expect(try runBinary(["calibrate"]).code == 64)
        let help = try runBinary(["help", "calibrate"])
        #expect(help.code == 0)
        #expect(help.out.contains("USAGE: pakessay calibrate MARKS [--rubric ID|PATH] [--fit OUT.json]"))
        #expect(try runBinary(["calibrate", "--help"]).out == help.out)
        #expect(try runBinary(["--help"]).out.contains("calibrate   Measure pakessay against a tutor's marks"))
        let scale = try runBinary(["calibrate", marks, "--scale", "6-1"])
        #expect(scale.code == 64)
        #expect(scale.err.contains("invalid value '6-1' for '--scale': expected LOW-HIGH, such as 1-6"))
        let clobber = try runBinary(["calibrate", marks, "--fit", "Rubrics/css-current-affairs.json"])
        #expect(clobber.code == 64)
        #expect(clobber.err.contains("refusing '--fit Rubrics/css-current-affairs.json'"))
        #expect(try runBinary(["calibrate", marks, "--folds", "1"]).code == 64)
        #expect(try runBinary(["calibrate", marks, "--fitt", "x.json"]).err.contains("Did you mean '--fit'?"))
    }

    @Test func aTutorsScaleIsMappedOntoTheRubrics() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = Self.samples
        let marks = try Self.write(
            "{\"path\": \"\(s)/strong-cpec.txt\", \"marks\": 6}\n{\"path\": \"\(s)/weak-economy.txt\", \"marks\": 1}\n",
            "marks.jsonl", in: dir)
        let r = try runBinary(["calibrate", marks, "--scale", "1-6", "--format", "json"])
        #expect(r.code == 0, "\(r.err)")
        let value = try JSONReader.parse(r.out)
        guard case .array(let worst)? = value["disagreements"] else { return #expect(Bool(false)) }
        let tutor = worst.compactMap { d -> Double? in
            if case .int(let n)? = d["tutor"] { return Double(n) }
            if case .number(let n)? = d["tutor"] { return n }
            return nil
        }.sorted()
        #expect(tutor == [0, 20])
    }

    @Test func tooFewAnswersToFitIsExitOneAndWritesNothing() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let marks = try Self.write("path,marks\n\(Self.samples)/strong-cpec.txt,15\n", "marks.csv", in: dir)
        let out = dir.appendingPathComponent("fit.json").path
        let r = try runBinary(["calibrate", marks, "--fit", out])
        #expect(r.code == 1)
        #expect(r.out.contains("not written: a fit needs at least 10 marked answers; this file has 1"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// Marks from a rubric whose weights and scale were changed: a fit from the default comes near
    /// them, beats the default on answers it was not fitted on, and writes the same bytes every time.
    @Test func aFitIsWrittenTheSameEveryTimeAndGrades() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = try JSONReader.parse(
            [UInt8](Data(contentsOf: Fixtures.root.appendingPathComponent("Rubrics/css-current-affairs.json"))))
        guard case .object(let pairs) = base, case .array(let criteria)? = base["criteria"] else {
            return #expect(Bool(false))
        }
        var n = 0
        let changed = criteria.map { c -> JSONValue in
            guard case .object(var fields) = c, case .array(let rules)? = c["rules"] else { return c }
            let k = fields.firstIndex { $0.0 == "rules" }!
            fields[k].1 = .array(
                rules.map { rule in
                    guard case .object(var r) = rule, let w = r.firstIndex(where: { $0.0 == "weight" }),
                        case .number(let value) = r[w].1.asNumber
                    else { return rule }
                    n += 1
                    r[w].1 = .number(value * (n % 3 == 0 ? 3 : n % 3 == 1 ? 0.5 : 1))
                    return .object(r)
                })
            return .object(fields)
        }
        let tutorRubric: [(String, JSONValue)] = [
            ("format", .int(1)), ("extends", .string("css-current-affairs")), ("id", .string("tutor")),
            ("version", .string("1")), ("title", .string("a tutor")),
            ("scale", .object([("ceiling", .number(1)), ("exponent", .number(1.2))])),
            ("criteria", .array(changed)),
        ]
        _ = pairs
        let rubricPath = try Self.write(JSONValue.object(tutorRubric).pretty(), "tutor.json", in: dir)
        let graded = try runBinary(["grade", "SampleEssays/panel", "--rubric", rubricPath, "--format", "json"])
        #expect(graded.code == 0, "\(graded.err)")
        guard case .array(let answers)? = try JSONReader.parse(graded.out)["answers"] else {
            return #expect(Bool(false))
        }
        var csv = "path,answer,marks\n"
        for a in answers {
            guard case .string(let file)? = a["source"], case .int(let index)? = a["index"] else { continue }
            let marks: String
            switch a["marks"] {
            case .int(let m)?: marks = String(m)
            case .number(let m)?: marks = String(m)
            default: continue
            }
            csv += "\(Fixtures.root.path)/\(file),\(index),\(marks)\n"
        }
        let marks = try Self.write(csv, "marks.csv", in: dir)
        let first = dir.appendingPathComponent("fit1.json").path
        let second = dir.appendingPathComponent("fit2.json").path
        let r1 = try runBinary(["calibrate", marks, "--fit", first])
        #expect(r1.code == 0, "\(r1.out)\(r1.err)")
        #expect(r1.out.contains("written to \(first)"))
        let r2 = try runBinary(["calibrate", marks, "--fit", second, "--jobs", "1"])
        #expect(r2.code == 0)
        let bytes1 = try Data(contentsOf: URL(fileURLWithPath: first))
        #expect(bytes1 == (try Data(contentsOf: URL(fileURLWithPath: second))))
        let fitted = try RubricLoader.load(path: first)
        #expect(fitted.id == "css-current-affairs-fitted")
        #expect(fitted.ceiling > 0.9)
        let again = try runBinary(["grade", "SampleEssays/strong-cpec.txt", "--rubric", first])
        #expect(again.code == 0)
        #expect(again.out.contains("css-current-affairs-fitted"))
        // No temporary file is left beside the fitted one.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter {
            $0.hasSuffix(".json") && $0.hasPrefix(".")
        }
        #expect(left.isEmpty)
    }
}

extension JSONValue {
    /// A number, whole or not, as a number.
    fileprivate var asNumber: JSONValue {
        if case .int(let n) = self { return .number(Double(n)) }
        return self
    }
}
