#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
import PakEssay

/// `pakessay grade`: grades files, folders and streams, in parallel, in input order.
struct GradeCommand {
    static let formats = ["text", "json", "jsonl", "csv", "markdown", "html", "sarif", "github"]
    static let specs: [Arguments.Spec] = [
        .init(name: "--rubric", takesValue: true),
        .init(name: "--format", takesValue: true, allowed: formats),
        .init(name: "--question", takesValue: true),
        .init(name: "--marks", takesValue: true),
        .init(name: "--fail-under", takesValue: true),
        .init(name: "--files-from", takesValue: true),
        .init(name: "--input", takesValue: true, allowed: ["text", "jsonl"]),
        .init(name: "--jobs", takesValue: true),
        .init(name: "--output", takesValue: true),
        .init(name: "--color", takesValue: true, allowed: ["auto", "always", "never"]),
        .init(name: "--progress", takesValue: true, allowed: ["auto", "always", "never"]),
        .init(name: "--max-bytes", takesValue: true),
        .init(name: "--max-answers", takesValue: true),
    ]

    func run(_ args: [String]) throws -> Int32 {
        if wantsHelp(args, "grade") { return 0 }
        let a = try Arguments(args, specs: Self.specs, command: "grade")
        let format = a.values["--format"] ?? "text"
        let jobs = try a.integer("--jobs", minimum: 1, command: "grade") ?? ProcessInfo.processInfo.activeProcessorCount
        let maxBytes = try a.integer("--max-bytes", minimum: 1, command: "grade") ?? TranscriptFile.defaultMaxBytes
        let maxAnswers = try a.integer("--max-answers", minimum: 1, command: "grade") ?? 500
        let failUnder = try a.number("--fail-under", minimum: 0, command: "grade")
        let marks = try a.number("--marks", minimum: 0.5, command: "grade")
        var rubric: Rubric
        do { rubric = try RubricLoader.load(a.values["--rubric"] ?? "css-current-affairs") } catch { throw CLIError.input(error.message) }
        if let marks { rubric = rubric.scaled(to: marks) }

        var paths = a.positional
        if let list = a.values["--files-from"] {
            let bytes = try readInput(list, maxBytes: maxBytes)
            paths += String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
                .map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if list == "-" && paths.contains("-") {
                throw CLIError.usage("standard input cannot hold both the list of files and an answer", command: "grade")
            }
        }
        if paths.isEmpty && a.values["--files-from"] == nil { paths = ["-"] }
        if paths.filter({ $0 == "-" }).count > 1 { throw CLIError.usage("'-' (standard input) may be given only once", command: "grade") }
        let inputMode = a.values["--input"] ?? "text"

        let session = GradingSession(grader: Grader(rubric: rubric), question: a.values["--question"], limits: .init(maxAnswers: maxAnswers))
        var producer = WorkProducer(paths: paths, inputMode: inputMode, session: session, maxBytes: maxBytes)
        let out = try a.values["--output"].map { try Output(path: $0) } ?? Output()
        let color: Bool
        switch a.values["--color"] ?? "auto" {
        case "always": color = true
        case "never": color = false
        default: color = a.values["--output"] == nil && isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }

        let streaming = ["jsonl", "csv", "github"].contains(format)
        let showProgress = ProgressLine.wanted(a.values["--progress"] ?? "auto")
        let state = GradeRun(out: out, streaming: streaming, failUnder: failUnder,
                             progress: showProgress ? ProgressLine(total: Self.inputCount(paths)) : nil)
        if format == "csv" {
            out.write(CSVReporter.header(rubric))
            out.flush()
        }
        // Inputs are graded on worker threads while this thread reads the next ones (a stream is split
        // as it arrives); each input's results are delivered in input order as soon as they and all
        // before them are ready, and a streaming format writes and flushes them then. The window is
        // large enough that workers rarely wait for a slow input, small enough to bound memory.
        let pipeline = OrderedPipeline<([GradeBatch.Item], [String])>(jobs: jobs, window: max(jobs * 32, 32)) {
            state.deliver($0.0, $0.1)
        }
        let rubricForWorkers = rubric
        while let work = producer.next() {
            pipeline.submit {
                // Streaming formats render each input's records on the thread that graded it.
                let items = work()
                return (items, streaming ? Self.render(items, format: format, rubric: rubricForWorkers) : [])
            }
        }
        pipeline.finish()
        state.finish()
        let collected = state.collected
        let batch = GradeBatch(rubric: rubric, items: collected)
        switch format {
        case "json": out.write(JSONReporter().render(batch))
        case "markdown": out.write(MarkdownReporter().render(batch))
        case "html": out.write(HTMLReporter().render(batch))
        case "sarif": out.write(SARIFReporter().render(batch))
        case "text": out.write(TextReporter(color: color).render(batch))
        default: break
        }
        out.close()
        return state.anyError ? 2 : (state.below ? 1 : 0)
    }

    /// How many inputs the paths name, for the progress line; nil when standard input is among them.
    static func inputCount(_ paths: [String]) -> Int? {
        var count = 0
        for path in paths {
            if path == "-" { return nil }
            count += TranscriptFile.isFolder(path) ? max(1, TranscriptFile.transcripts(in: path).count) : 1
        }
        return count
    }

    /// Renders one input's records in a streaming format.
    static func render(_ items: [GradeBatch.Item], format: String, rubric: Rubric) -> [String] {
        items.map { item -> String in
            switch format {
            case "jsonl": return jsonl(item, rubric: rubric.id) + "\n"
            case "github": return GitHubReporter().render(GradeBatch(rubric: rubric, items: [item]))
            default: return CSVReporter.record(item, rubric: rubric)
            }
        }
    }

    static func jsonl(_ item: GradeBatch.Item, rubric: String) -> String {
        switch item {
        case .graded(let g): return JSONReporter.answer(g, rubric: rubric).compact()
        case .failed(let source, let e):
            var error: [(String, JSONValue)] = [("code", .string(e.code)), ("message", .string(e.message))]
            if let offset = e.offset { error.append(("offset", .int(offset))) }
            return JSONValue.object([("source", .string(source)), ("error", .object(error))]).compact()
        }
    }
}

/// Turns the command line's inputs into units of work, lazily, so that streams stay in bounded memory.
struct WorkProducer {
    private var queue: [String]
    private let inputMode: String
    private let session: GradingSession
    private let maxBytes: Int
    private var stdinText: TextStreamSplitter?
    private var stdinLines: LineReader?
    private var stdinLine = 0

    init(paths: [String], inputMode: String, session: GradingSession, maxBytes: Int) {
        queue = paths.reversed()
        self.inputMode = inputMode
        self.session = session
        self.maxBytes = maxBytes
    }

    mutating func next() -> Work? {
        if var splitter = stdinText {
            defer { stdinText = splitter }
            if let piece = splitter.next() {
                let session = self.session
                if piece.oversize {
                    let e = InputError(code: "too-large", message: "-: an answer starting at line \(piece.firstLine) of standard input is larger than the limit of \(maxBytes) bytes (see --max-bytes)")
                    return { [GradeBatch.Item.failed(source: "-", error: e)] }
                }
                return { () -> [GradeBatch.Item] in
                    do throws(InputError) {
                        let doc = try EssayParser.parse(bytes: piece.bytes, source: "-", limits: session.limits, firstLine: piece.firstLine, firstAnswer: piece.firstAnswer)
                        return doc.answers.map { .graded(session.grader.grade($0, source: "-", question: session.question)) }
                    } catch {
                        return [.failed(source: "-", error: InputError(code: error.code, message: error.message + " (in the answer starting at line \(piece.firstLine))", offset: error.offset))]
                    }
                }
            }
            stdinText = nil
            return next()
        }
        if let reader = stdinLines {
            while let line = reader.next() {
                stdinLine += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                return record(line, number: stdinLine)
            }
            stdinLines = nil
            return next()
        }
        guard let path = queue.popLast() else { return nil }
        if path == "-" {
            if inputMode == "jsonl" { stdinLines = LineReader() } else { stdinText = TextStreamSplitter(reader: LineReader(), maxBytes: maxBytes) }
            return next()
        }
        if TranscriptFile.isFolder(path) {
            let files = TranscriptFile.transcripts(in: path)
            if files.isEmpty {
                let e = InputError(code: "empty-folder", message: "\(path): a folder with no *.txt transcripts")
                return { [GradeBatch.Item.failed(source: path, error: e)] }
            }
            queue += files.reversed()
            return next()
        }
        let session = self.session
        let maxBytes = self.maxBytes
        return { () -> [GradeBatch.Item] in
            do throws(InputError) {
                return session.grade(bytes: try TranscriptFile.read(path: path, maxBytes: maxBytes), source: path)
            } catch {
                return [.failed(source: path, error: error)]
            }
        }
    }

    /// One JSON Lines record: `{"id", "text", "question"?}`.
    private func record(_ line: [UInt8], number: Int) -> Work {
        let session = self.session
        let maxBytes = self.maxBytes
        let fallback = "-:\(number)"
        return { () -> [GradeBatch.Item] in
            let value: JSONValue
            do throws(JSONReader.Failure) { value = try JSONReader.parse(line) } catch {
                return [.failed(source: fallback, error: InputError(code: "bad-record", message: "\(fallback): not a JSON record (\(error.message))"))]
            }
            guard case .object = value else {
                return [.failed(source: fallback, error: InputError(code: "bad-record", message: "\(fallback): expected an object {\"id\", \"text\", \"question\"?}"))]
            }
            var id = fallback
            if case .string(let s)? = value["id"] { id = s } else if case .int(let n)? = value["id"] { id = String(n) }
            guard case .string(let text)? = value["text"] else {
                return [.failed(source: id, error: InputError(code: "bad-record", message: "\(id): the record has no \"text\" string (line \(number) of standard input)"))]
            }
            var question: String?
            if case .string(let q)? = value["question"] { question = q }
            guard text.utf8.count <= maxBytes else {
                return [.failed(source: id, error: InputError(code: "too-large", message: "\(id): larger than the size limit"))]
            }
            return session.grade(bytes: Array(text.utf8), source: id, question: question)
        }
    }
}
