import Foundation
import Testing

@testable import PakEssay

/// The README's shell examples, run as a reader would run them: through /bin/sh, with the built binary
/// first on PATH, in a folder that holds every input they name. Each example must do what the README
/// says of it; an example this file does not know, or one it knows that the README has dropped, fails.
@Suite(.serialized) struct ReadmeExamplesTests {
    /// One line of a README `sh` block: the command and the comment written beside it.
    struct Example: Sendable, CustomTestStringConvertible {
        var command: String
        var claim: String
        var testDescription: String { command }
    }

    /// What a known example is checked for.
    enum Check: Sendable {
        case firstCommand, testSuite, csvRows, jsonlLines, failUnder, essayRubric, htmlPage, question
    }

    /// Every example the README holds, with the claim it makes and the check that holds it to it.
    static let known: [(command: String, claim: String, check: Check)] = [
        ("swift run pakessay grade SampleEssays/average-extremism.txt", "grade a sample answer", .firstCommand),
        ("swift test", "run the tests", .testSuite),
        ("pakessay grade class/ --format csv > marks.csv", "one row per answer", .csvRows),
        (
            "cat class/*.txt | pakessay grade --format jsonl -", "one JSON line per answer, as each is ready",
            .jsonlLines
        ),
        ("pakessay grade answers/ --fail-under 8", "exit 1 if anyone is under 8", .failUnder),
        ("pakessay grade essay.txt --rubric css-essay", "the 100-mark English Essay", .essayRubric),
        (
            "pakessay grade class/ --format html --output class.html", "one page: the class, then every marked script",
            .htmlPage
        ),
        (
            "pakessay grade notes.txt --question \"Discuss the role of youth in nation building.\"", "",
            .question
        ),
    ]

    // MARK: The tests

    @Test func everyKnownExampleIsStillInTheReadme() throws {
        let examples = try Self.readmeExamples()
        #expect(examples.count >= 2, "README.md has lost its sh blocks")
        for entry in Self.known where !examples.contains(where: { $0.command == entry.command }) {
            let message = "README.md no longer shows `\(entry.command)`: remove its check from ReadmeExamplesTests"
            Issue.record("\(message)")
        }
    }

    @Test(arguments: (try? ReadmeExamplesTests.readmeExamples()) ?? [])
    func readmeExampleDoesWhatItSays(_ example: Example) throws {
        guard let entry = Self.known.first(where: { $0.command == example.command }) else {
            let message = "README.md shows `\(example.command)`, which ReadmeExamplesTests does not know"
            Issue.record("\(message): add a check for it")
            return
        }
        let changed = "README.md now says \"\(example.claim)\" of `\(example.command)`"
        #expect(example.claim == entry.claim, "\(changed); the test checks \"\(entry.claim)\": update the check")
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        switch entry.check {
        case .firstCommand: try checkFirstCommand(example)
        case .testSuite: checkTestSuite(example)
        case .csvRows: try checkCSVRows(example, in: folder)
        case .jsonlLines: try checkJSONLines(example, in: folder)
        case .failUnder: try checkFailUnder(example, in: folder)
        case .essayRubric: try checkEssayRubric(example, in: folder)
        case .htmlPage: try checkHTMLPage(example, in: folder)
        case .question: try checkQuestion(example, in: folder)
        }
    }

    /// Someone who clones the project gets every document the README and docs/ point to: no link
    /// leaves the repository, and none is dead.
    @Test func documentLinksStayInsideTheRepository() throws {
        let fm = FileManager.default
        let docs = Fixtures.root.appendingPathComponent("docs")
        let names = try fm.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }.sorted()
        let files = [Fixtures.root.appendingPathComponent("README.md")] + names.map { docs.appendingPathComponent($0) }
        for file in files {
            let name = file.lastPathComponent
            let text = try String(contentsOf: file, encoding: .utf8)
            let namesShared = text.contains("shared/docs")
            let linksOut = text.contains("http://") || text.contains("https://")
            #expect(!namesShared, "\(name) names a document outside the project")
            #expect(!linksOut, "\(name) links outside the project")
            for target in Self.linkTargets(text) {
                let path = String(target.prefix { $0 != "#" })
                let resolved = path.isEmpty ? file : file.deletingLastPathComponent().appendingPathComponent(path)
                let inside = resolved.standardizedFileURL.path.hasPrefix(Fixtures.root.standardizedFileURL.path + "/")
                #expect(
                    inside && fm.fileExists(atPath: resolved.path),
                    "\(name) links to \(target), which is not in the project")
            }
        }
    }

    /// The targets of a Markdown text's `[text](target)` links.
    static func linkTargets(_ text: String) -> [String] {
        var targets: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "](") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: ")") else { break }
            targets.append(String(rest[..<close]))
            rest = rest[close...]
        }
        return targets
    }

    // MARK: The checks

    /// The sample is graded, and the output the README shows under the command is what it prints.
    func checkFirstCommand(_ example: Example) throws {
        let r = try Self.shell(example.command, in: Fixtures.root)
        #expect(r.code == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let shown = try Self.shownOutput()
        #expect(shown.count >= 10, "README.md no longer shows the first command's output")
        for line in shown where line != "…" {
            // `…` in the README stands for text left out: the pieces around it must appear in order.
            let pieces = line.components(separatedBy: "…")
            let found = lines.contains { actual in
                guard actual.hasPrefix(pieces[0]) else { return false }
                var rest = Substring(actual.dropFirst(pieces[0].count))
                for piece in pieces.dropFirst() where !piece.isEmpty {
                    guard let r = rest.range(of: piece) else { return false }
                    rest = rest[r.upperBound...]
                }
                return true
            }
            #expect(found, "the README shows \"\(line)\", but the command does not print it")
        }
        let path = "SampleEssays/average-extremism.txt"
        #expect(
            lines.contains { $0.hasPrefix(path + ":") && $0.contains(": warning: ") && $0.contains(" [") },
            "no finding in file:line:column: severity: message [rule-id] form")
        #expect(r.out.contains("Remarks in the transcript:"))
        #expect(r.out.contains("pakessay agrees") || r.out.contains("pakessay disagrees"))
    }

    /// `swift test` is this very run: the example is known, and it is not started again from inside.
    func checkTestSuite(_ example: Example) {
        #expect(Self.words(example.command) == ["swift", "test"])
    }

    /// The CSV written to the file has a header and one row per answer, in the answers' order.
    func checkCSVRows(_ example: Example, in folder: URL) throws {
        let words = Self.words(example.command)
        let target = try #require(Self.value(after: ">", in: words))
        let expected = try Self.answers(of: "class/", in: folder)
        let r = try Self.shell(example.command, in: folder)
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.isEmpty)
        let csv = try String(contentsOf: folder.appendingPathComponent(target), encoding: .utf8)
        let rows = Self.csvRecords(csv)
        #expect(rows.first?.first == "source")
        #expect(rows.count == expected.count + 1, "\(rows.count - 1) rows for \(expected.count) answers")
        #expect(rows.dropFirst().map { $0.first ?? "" } == expected.map(\.source))
    }

    /// Piped in as one stream, the class gives one JSON record per answer, in order.
    func checkJSONLines(_ example: Example, in folder: URL) throws {
        let expected = try Self.answers(of: "class/", in: folder)
        let r = try Self.shell(example.command, in: folder)
        #expect(r.code == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n").map(String.init)
        var questions: [String?] = []
        for line in lines {
            let record = try JSONReader.parse(line)
            if case .string(let text)? = record["question"]?["text"] {
                questions.append(text)
            } else {
                questions.append(nil)
            }
        }
        #expect(lines.count == expected.count, "\(lines.count) JSON lines for the \(expected.count) answers in class/")
        #expect(questions == expected.map(\.question))
    }

    /// Exit 1 when an answer is under the mark, each such answer named with its marks; exit 0 when none is.
    func checkFailUnder(_ example: Example, in folder: URL) throws {
        let words = Self.words(example.command)
        let limit = try #require(Self.value(after: "--fail-under", in: words).flatMap(Double.init))
        let graded = try Self.answers(of: "answers/", in: folder)
        let under = graded.filter { $0.marks < limit }
        try #require(
            !under.isEmpty && under.count < graded.count,
            "answers/ must hold answers on both sides of \(limit)")
        let r = try Self.shell(example.command, in: folder)
        #expect(r.code == 1, "\(r.err)")
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for answer in under {
            let at = lines.firstIndex(of: answer.source)
            let marks = at.map { lines[$0..<min($0 + 4, lines.count)] }?.first { $0.hasPrefix("Marks: ") }
            #expect(
                marks?.hasPrefix("Marks: \(Self.figure(answer.marks)) / ") == true,
                "\(answer.source) is not named with its marks")
        }
        for answer in under {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(answer.source))
        }
        let passing = try Self.shell(example.command, in: folder)
        #expect(passing.code == 0, "with nobody under \(limit): \(passing.err)")
    }

    /// The essay is marked out of 100 with the css-essay rubric.
    func checkEssayRubric(_ example: Example, in folder: URL) throws {
        let rubric = try #require(Self.value(after: "--rubric", in: Self.words(example.command)))
        let r = try Self.shell(example.command, in: folder)
        #expect(r.code == 0, "\(r.err)")
        let marks = r.out.split(separator: "\n").first { $0.hasPrefix("Marks: ") }
        #expect(marks?.contains(" / 100 (") == true, "marks line: \(marks ?? "none")")
        #expect(r.out.contains("rubric \(rubric) "))
    }

    /// The HTML page is written to the file, nothing to standard output: the class first, then each script.
    func checkHTMLPage(_ example: Example, in folder: URL) throws {
        let target = try #require(Self.value(after: "--output", in: Self.words(example.command)))
        let expected = try Self.answers(of: "class/", in: folder)
        let r = try Self.shell(example.command, in: folder)
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.isEmpty)
        let html = try String(contentsOf: folder.appendingPathComponent(target), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        let classAt = html.range(of: "id=\"class\"")?.lowerBound
        let firstScript = html.range(of: "id=\"answer-1-h\"")?.lowerBound
        #expect(
            classAt != nil && firstScript != nil && classAt! < firstScript!,
            "the class does not come before the scripts")
        for (k, answer) in expected.enumerated() {
            #expect(
                html.contains("<h2 id=\"answer-\(k + 1)-h\">\(answer.source)"),
                "no script for answer \(k + 1), \(answer.source)")
        }
        #expect(!html.contains("id=\"answer-\(expected.count + 1)-h\""))
    }

    /// The answer has no question line; the one given on the command line is the one judged.
    func checkQuestion(_ example: Example, in folder: URL) throws {
        let words = Self.words(example.command)
        let question = try #require(Self.value(after: "--question", in: words))
        let file = try #require(words.first { $0.hasSuffix(".txt") })
        let bare = try runBinary(["grade", file], cwd: folder)
        #expect(bare.out.contains("Question: none"), "\(file) must be an answer without a question line")
        let r = try Self.shell(example.command, in: folder)
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.split(separator: "\n").contains { $0.hasPrefix("Question: \(question)") })
        #expect(!r.out.contains("could not be judged"))
    }

    // MARK: Reading the README

    /// The README's text.
    static func readme() throws -> [String] {
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("README.md"), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Every line of every `sh` block, as command and claim (the comment after `#`).
    static func readmeExamples() throws -> [Example] {
        var examples: [Example] = []
        var inShell = false
        for line in try readme() {
            if line.hasPrefix("```") {
                inShell = !inShell && line == "```sh"
                continue
            }
            guard inShell, !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let (command, claim) = splitComment(line)
            examples.append(Example(command: command, claim: claim))
        }
        return examples
    }

    /// The output block the README shows after "The first command prints".
    static func shownOutput() throws -> [String] {
        let lines = try readme()
        guard let intro = lines.firstIndex(where: { $0.hasPrefix("The first command prints") }),
            let open = lines[intro...].firstIndex(of: "```"),
            let close = lines[(open + 1)...].firstIndex(of: "```")
        else { return [] }
        return Array(lines[(open + 1)..<close])
    }

    /// A shell line split at a `#` that starts a comment (outside quotes, after white space).
    static func splitComment(_ line: String) -> (String, String) {
        var quote: Character?
        var previous: Character = " "
        for index in line.indices {
            let c = line[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#", previous == " " {
                let command = line[..<index].trimmingCharacters(in: .whitespaces)
                return (command, line[line.index(after: index)...].trimmingCharacters(in: .whitespaces))
            }
            previous = c
        }
        return (line.trimmingCharacters(in: .whitespaces), "")
    }

    /// A command line's words as the shell splits them: quotes removed, `|` and `>` words of their own.
    static func words(_ command: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for c in command {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                inWord = true
            } else if c == " " || c == "|" || c == ">" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
                if c != " " { words.append(String(c)) }
            } else {
                current.append(c)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// The word after `option`.
    static func value(after option: String, in words: [String]) -> String? {
        guard let k = words.firstIndex(of: option), k + 1 < words.count else { return nil }
        return words[k + 1]
    }

    // MARK: Running

    /// A fresh folder holding every input the examples name:
    /// - `class/`: the samples whose answers all start at a question line. Piped in one stream, a file
    ///   without one would rightly join the answer before it, so a class of such files is left out.
    /// - `answers/`: answers on both sides of 8.
    /// - `essay.txt`: a long answer, for the Essay rubric; `notes.txt`: an answer without a question line.
    static func workspace() throws -> URL {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("pakessay-readme-\(UUID().uuidString)")
        for sub in ["class", "answers"] {
            try fm.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        func copy(_ name: String, to path: String) throws {
            try fm.copyItem(at: Fixtures.samples.appendingPathComponent(name), to: folder.appendingPathComponent(path))
        }
        for name in Fixtures.sampleNames {
            let text = String(decoding: Fixtures.sample(name), as: UTF8.self)
            let document = try Fixtures.parse(text, source: name)
            if document.answers.allSatisfy({ $0.question != nil }) { try copy(name, to: "class/" + name) }
        }
        for name in ["one-paragraph.txt", "strong-climate.txt", "weak-economy.txt"] {
            try copy(name, to: "answers/" + name)
        }
        try copy("strong-climate.txt", to: "essay.txt")
        try copy("no-question.txt", to: "notes.txt")
        return folder
    }

    /// The answers `pakessay grade PATH --format json` finds in `folder`, in order.
    static func answers(of path: String, in folder: URL) throws
        -> [(source: String, marks: Double, question: String?)]
    {
        let r = try runBinary(["grade", path, "--format", "json"], cwd: folder)
        guard case .array(let list)? = try JSONReader.parse(r.out)["answers"] else { return [] }
        return list.map { answer in
            var source = ""
            var marks = -1.0
            var question: String?
            if case .string(let s)? = answer["source"] { source = s }
            if case .int(let n)? = answer["marks"] { marks = Double(n) }
            if case .number(let n)? = answer["marks"] { marks = n }
            if case .string(let q)? = answer["question"]?["text"] { question = q }
            return (source, marks, question)
        }
    }

    /// Marks as the text report writes them: `4`, `15.5`.
    static func figure(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// CSV records (quoted cells may hold commas, quotes and line ends; rows end in CRLF or LF).
    static func csvRecords(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var cell = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        while let c = pending {
            pending = iterator.next()
            if quoted {
                if c == "\"" {
                    if pending == "\"" as Unicode.Scalar {
                        cell.unicodeScalars.append(c)
                        pending = iterator.next()
                    } else {
                        quoted = false
                    }
                } else {
                    cell.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(cell)
                cell = ""
            } else if c == "\n" {
                record.append(cell)
                records.append(record)
                record = []
                cell = ""
            } else if c != "\r" {
                cell.unicodeScalars.append(c)
            }
        }
        if !cell.isEmpty || !record.isEmpty { records.append(record + [cell]) }
        return records
    }

    /// Runs a README command line through /bin/sh in `folder`, with the built binary first on PATH
    /// (`swift run pakessay` becomes that binary).
    static func shell(_ command: String, in folder: URL) throws -> (code: Int32, out: String, err: String) {
        let prefix = "swift run pakessay"
        let line = command.hasPrefix(prefix) ? "pakessay" + command.dropFirst(prefix.count) : command
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", line]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        let bin = Fixtures.binary.deletingLastPathComponent().path
        environment["PATH"] = bin + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["NO_COLOR"] = "1"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return drain(process, out: outPipe, err: errPipe)
    }
}
