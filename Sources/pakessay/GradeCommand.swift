import Dispatch
import PakEssay

#if canImport(Glibc)
    import Glibc
#endif

/// `pakessay grade`: grades files, folders and streams, in parallel, in input order.
struct GradeCommand {
    /// The line without the blanks at either end: tabs and space separators (Unicode's Zs), as
    /// Foundation's `CharacterSet.whitespaces` trims them.
    static func trimmingBlanks(_ line: Substring) -> String {
        func blank(_ s: Unicode.Scalar) -> Bool { s == "\t" || s.properties.generalCategory == .spaceSeparator }
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !blank($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !blank($0) })!
        return String(scalars[first...last])
    }

    /// The options, declared once for the parser and the help.
    static let options: [Option] = [
        Option(
            name: "--rubric", value: "ID|PATH",
            help: ["Rubric to grade against (default: css-current-affairs; see 'pakessay rubrics')."]),
        Option(
            name: "--format", value: "FORMAT", allowed: OutputFormat.names,
            help: [
                "\(OutputFormat.helpList).",
                "\(OutputFormat.streamingList) stream: each answer is written as soon as it is ready.",
            ]),
        Option(name: "--question", value: "TEXT", help: ["The question, for answers that carry no question line."]),
        Option(name: "--marks", value: "N", help: ["The question's total marks (scales the rubric's criteria)."]),
        Option(
            name: "--fail-under", value: "MARKS",
            help: ["Exit 1 when any answer scores below MARKS (each is named on standard error)."]),
        Option(
            name: "--files-from", value: "PATH|-",
            help: ["Read the paths to grade from a file (or standard input), one a line."]),
        Option(
            name: "--input", value: "text|jsonl", allowed: ["text", "jsonl"],
            help: ["How standard input is read; jsonl: {\"id\", \"text\", \"question\"?} a line."]),
        Option(
            name: "--jobs", value: "N",
            help: ["Answers graded at once (default: all cores); output keeps input order."]),
        Option(name: "--output", value: "PATH", help: ["Write the report there instead of standard output."]),
        Option(
            name: "--color", value: "auto|always|never", allowed: ["auto", "always", "never"],
            help: ["Colour the text report (auto: only on a terminal, never when NO_COLOR is set)."]),
        Option(
            name: "--progress", value: "auto|always|never", allowed: ["auto", "always", "never"],
            help: ["Show progress on standard error (auto: only when it is a terminal)."]),
        Option(
            name: "--max-bytes", value: "N",
            help: ["Refuse inputs (and answers on standard input) over N bytes (default: 20000000)."]),
        Option(name: "--max-answers", value: "N", help: ["Refuse files holding more than N answers (default: 500)."]),
    ]

    func run(_ args: [String]) throws -> Int32 {
        if wantsHelp(args, "grade") { return 0 }
        let a = try Arguments(args, options: Self.options, command: "grade")
        // The parser has checked the name against OutputFormat.names.
        let format = OutputFormat(rawValue: a.values["--format"] ?? "text") ?? .text
        let jobs = try a.integer("--jobs", minimum: 1, command: "grade") ?? Host.processorCount
        let maxBytes = try a.integer("--max-bytes", minimum: 1, command: "grade") ?? TranscriptFile.defaultMaxBytes
        let maxAnswers = try a.integer("--max-answers", minimum: 1, command: "grade") ?? 500
        let marks = try a.number("--marks", minimum: 0.5, maximum: 1000, command: "grade")
        var rubric: Rubric
        do { rubric = try RubricLoader.load(a.values["--rubric"] ?? "css-current-affairs") } catch {
            throw CLIError.input(error.message)
        }
        if let marks { rubric = rubric.scaled(to: marks) }
        // Checked once the rubric (and --marks) fix the most an answer can score.
        let failUnder = try a.number("--fail-under", minimum: 0, maximum: rubric.maxMarks, command: "grade")

        var paths = a.positional
        if let list = a.values["--files-from"] {
            let bytes = try readInput(list, maxBytes: maxBytes)
            paths += String(decoding: bytes, as: UTF8.self).split(whereSeparator: {
                $0 == "\n" || $0 == "\r\n" || $0 == "\r"
            })
            .map { Self.trimmingBlanks($0) }.filter { !$0.isEmpty }
            if list == "-" && paths.contains("-") {
                throw CLIError.usage(
                    "standard input cannot hold both the list of files and an answer", command: "grade")
            }
        }
        if paths.isEmpty && a.values["--files-from"] == nil { paths = ["-"] }
        if paths.filter({ $0 == "-" }).count > 1 {
            throw CLIError.usage("'-' (standard input) may be given only once", command: "grade")
        }
        let inputMode = a.values["--input"] ?? "text"

        // Before anything is opened for writing: the report never overwrites what it grades.
        var reportPath: String?
        if let output = a.values["--output"] {
            let read = [a.values["--files-from"], a.values["--rubric"]].compactMap { $0 }
            try Self.checkOutput(output, inputs: paths, alsoRead: read)
            reportPath = TranscriptFile.resolvedPath(output)
        }
        let session = GradingSession(
            grader: Grader(rubric: rubric), question: a.values["--question"], limits: .init(maxAnswers: maxAnswers))
        var producer = WorkProducer(
            paths: paths, inputMode: inputMode, session: session, maxBytes: maxBytes,
            excluding: reportPath)
        let out = try a.values["--output"].map { try Output(path: $0) } ?? Output()
        let color: Bool
        switch a.values["--color"] ?? "auto" {
        case "always": color = true
        case "never": color = false
        default:
            color =
                a.values["--output"] == nil && isatty(1) == 1 && Host.environment("NO_COLOR") == nil
        }

        let streaming = format.streaming
        let showProgress = ProgressLine.wanted(a.values["--progress"] ?? "auto")
        let state = GradeRun(
            out: out, streaming: streaming != nil, failUnder: failUnder,
            progress: showProgress ? ProgressLine(total: Self.inputCount(paths)) : nil)
        if let header = streaming?.header(rubric), !header.isEmpty {
            out.write(header)
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
                return (items, streaming.map { s in items.map { s.record($0, rubric: rubricForWorkers) } } ?? [])
            }
        }
        pipeline.finish()
        state.finish()
        let collected = state.collected
        if let streaming {
            out.write(streaming.footer(rubric))
        } else {
            out.write(format.reporter(color: color).render(GradeBatch(rubric: rubric, items: collected)))
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

    /// Refuses an `--output` that would overwrite something this run reads (exit 64): an input named
    /// on the command line or in `--files-from`, the list or the rubric file itself, or an existing
    /// `*.txt` file inside a graded folder (it would be one of the transcripts). A report that does
    /// not exist yet inside a graded folder is allowed: the folder's listing leaves it out.
    /// Paths are compared after resolving symbolic links, `.` and `..`, and by file identity.
    static func checkOutput(_ output: String, inputs: [String], alsoRead: [String]) throws {
        guard let target = TranscriptFile.resolvedPath(output) else { return }
        var info = stat()
        let exists = stat(output, &info) == 0
        let identity = exists ? (info.st_dev, info.st_ino) : nil
        func refuse(_ why: String) -> CLIError {
            .usage("refusing '--output \(output)': \(why); write the report somewhere else", command: "grade")
        }
        func sameFile(_ path: String) -> Bool {
            var other = stat()
            guard let identity, stat(path, &other) == 0 else { return false }
            return other.st_dev == identity.0 && other.st_ino == identity.1
        }
        for path in alsoRead where sameFile(path) {
            throw refuse("it is \(path), which this run reads, and writing the report would destroy it")
        }
        for path in inputs where path != "-" {
            if TranscriptFile.resolvedPath(path) == target || sameFile(path) {
                throw refuse("it is \(path), which this run grades, and writing the report would destroy it")
            }
            guard exists, info.st_mode & S_IFMT == S_IFREG, target.hasSuffix(".txt"), TranscriptFile.isFolder(path),
                let folder = TranscriptFile.resolvedPath(path), target.hasPrefix(folder == "/" ? "/" : folder + "/")
            else { continue }
            throw refuse("it is a transcript inside the graded folder \(path), and writing the report would destroy it")
        }
    }
}

/// Turns the command line's inputs into units of work, lazily, so that streams stay in bounded memory.
///
/// A file named on the command line is read whatever it is (a FIFO is waited on, as `cat` does); a
/// file found in a folder is graded only when it is a regular file, and anything else is reported.
/// With `--input jsonl`, standard input and every file named are read as JSON Lines, a record at a
/// time; a folder is refused.
struct WorkProducer {
    /// An input waiting its turn: its path, whether a folder listing found it, and the problem the
    /// listing already knows of, if any.
    private struct Pending {
        var path: String
        var listed = false
        var problem: InputError?
    }

    /// A source of JSON Lines records being read: standard input (`-`) or a file.
    private struct Records {
        let reader: LineReader
        let name: String
        var line = 0
        var found = 0
    }

    private var queue: [Pending]
    private let inputMode: String
    private let session: GradingSession
    private let maxBytes: Int
    private let excluding: String?
    private var stdinText: TextStreamSplitter?
    private var stdinPieces = 0
    private var records: Records?

    /// `excluding` is the resolved path of the report being written, left out of folder listings.
    init(paths: [String], inputMode: String, session: GradingSession, maxBytes: Int, excluding: String? = nil) {
        queue = paths.reversed().map { Pending(path: $0) }
        self.inputMode = inputMode
        self.session = session
        self.maxBytes = maxBytes
        self.excluding = excluding
    }

    /// The next unit of work, or nil when every input has been handed out.
    mutating func next() -> Work? {
        while true {
            if stdinText != nil {
                if let work = nextPiece() { return work }
                continue
            }
            if records != nil {
                if let work = nextRecord() { return work }
                continue
            }
            guard let input = queue.popLast() else { return nil }
            if let work = start(input) { return work }
        }
    }

    /// Begins one input: returns its work, or nil when it became a stream or a folder's listing.
    private mutating func start(_ input: Pending) -> Work? {
        let path = input.path
        if let problem = input.problem { return Self.failed(path, problem) }
        if path == "-" {
            let reader = LineReader(fd: 0, limit: maxBytes)
            if inputMode == "jsonl" {
                records = Records(reader: reader, name: "-")
            } else {
                stdinText = TextStreamSplitter(reader: reader, maxBytes: maxBytes)
            }
            return nil
        }
        let special: TranscriptFile.Special = input.listed ? .refuse : .read
        if !input.listed && TranscriptFile.isFolder(path) { return list(path) }
        if inputMode == "jsonl" {
            do throws(InputError) {
                let (fd, _) = try TranscriptFile.openForReading(path: path, special: special)
                records = Records(reader: LineReader(fd: fd, limit: maxBytes, ownsDescriptor: true), name: path)
                return nil
            } catch {
                return Self.failed(path, error)
            }
        }
        let session = self.session
        let maxBytes = self.maxBytes
        return { () -> [GradeBatch.Item] in
            do throws(InputError) {
                let bytes = try TranscriptFile.read(path: path, maxBytes: maxBytes, special: special)
                return session.grade(bytes: bytes, source: path)
            } catch {
                return [.failed(source: path, error: error)]
            }
        }
    }

    /// Queues a folder's `*.txt` entries, problems included; nil unless the folder gives nothing.
    private mutating func list(_ folder: String) -> Work? {
        if inputMode == "jsonl" {
            let why = "\(folder): is a folder; with --input jsonl, name the JSON Lines files themselves"
            return Self.failed(folder, InputError(code: "is-directory", message: why))
        }
        let entries = TranscriptFile.entries(in: folder, excluding: excluding)
        if entries.isEmpty {
            let why = "\(folder): a folder with no *.txt transcripts"
            return Self.failed(folder, InputError(code: "empty-folder", message: why))
        }
        queue += entries.reversed().map { Pending(path: $0.path, listed: true, problem: $0.problem) }
        return nil
    }

    /// The next answer of standard input read as text; nil (and the stream closed) at its end.
    private mutating func nextPiece() -> Work? {
        guard var splitter = stdinText else { return nil }
        let next = splitter.next()
        stdinText = splitter
        guard let piece = next else {
            stdinText = nil
            return stdinPieces == 0 ? Self.failed("-", Self.emptyInput("-")) : nil
        }
        stdinPieces += 1
        let session = self.session
        if piece.oversize {
            let why =
                "-: an answer starting at line \(piece.firstLine) of standard input is larger than the limit of "
                + "\(maxBytes) bytes (see --max-bytes)"
            return Self.failed("-", InputError(code: "too-large", message: why))
        }
        // Only a stream with no answer text at all gives a blank first piece: text before the first
        // question line travels with that question's answer.
        if piece.firstAnswer == 1 && piece.bytes.allSatisfy(Self.isBlank) {
            return Self.failed("-", Self.emptyInput("-"))
        }
        return { () -> [GradeBatch.Item] in
            do throws(InputError) {
                let doc = try EssayParser.parse(
                    bytes: piece.bytes, source: "-", limits: session.limits,
                    firstLine: piece.firstLine, firstAnswer: piece.firstAnswer)
                return doc.answers.map { .graded(session.grader.grade($0, source: "-", question: session.question)) }
            } catch {
                let message = error.message + " (in the answer starting at line \(piece.firstLine))"
                let e = InputError(code: error.code, message: message, offset: error.offset)
                return [.failed(source: "-", error: e)]
            }
        }
    }

    /// The next JSON Lines record; nil (and the source closed) at its end.
    private mutating func nextRecord() -> Work? {
        guard var source = records else { return nil }
        while let line = source.reader.next() {
            source.line += 1
            let tooLong = source.reader.lastLineTooLong
            if !tooLong && line.allSatisfy(Self.isBlank) { continue }
            source.found += 1
            records = source
            let place = "\(source.name):\(source.line)"
            if tooLong {
                let why = "\(place): a record larger than the limit of \(maxBytes) bytes (see --max-bytes)"
                return Self.failed(place, InputError(code: "too-large", message: why))
            }
            return record(line, number: source.line, in: source.name)
        }
        records = nil
        if let code = source.reader.failure {
            return Self.failed(source.name, TranscriptFile.failure(source.name, code))
        }
        return source.found == 0 ? Self.failed(source.name, Self.emptyInput(source.name)) : nil
    }

    /// One JSON Lines record: `{"id", "text", "question"?}`; `id` a string or a whole number,
    /// `question` a string. A key whose value is `null` counts as absent.
    private func record(_ line: [UInt8], number: Int, in name: String) -> Work {
        let session = self.session
        let maxBytes = self.maxBytes
        let fallback = "\(name):\(number)"
        let place = name == "-" ? "line \(number) of standard input" : "line \(number) of \(name)"
        return { () -> [GradeBatch.Item] in
            func bad(_ source: String, _ why: String) -> [GradeBatch.Item] {
                [.failed(source: source, error: InputError(code: "bad-record", message: "\(source): \(why)"))]
            }
            let value: JSONValue
            do throws(JSONReader.Failure) { value = try JSONReader.parse(line) } catch {
                return bad(fallback, "not a JSON record (\(error.message))")
            }
            guard case .object = value else {
                return bad(fallback, "expected an object {\"id\", \"text\", \"question\"?}")
            }
            var id = fallback
            switch value["id"] {
            case nil, .null?: break
            case .string(let s)?: id = s
            case .int(let n)?: id = String(n)
            default: return bad(fallback, "\"id\" must be a string or a whole number")
            }
            guard case .string(let text)? = value["text"] else {
                return bad(id, "the record has no \"text\" string (\(place))")
            }
            var question: String?
            switch value["question"] {
            case nil, .null?: break
            case .string(let q)?: question = q
            default: return bad(id, "\"question\" must be a string (\(place))")
            }
            guard text.utf8.count <= maxBytes else {
                let why = "\(id): the text is larger than the limit of \(maxBytes) bytes (see --max-bytes)"
                return [.failed(source: id, error: InputError(code: "too-large", message: why))]
            }
            return session.grade(bytes: Array(text.utf8), source: id, question: question)
        }
    }

    private static func failed(_ source: String, _ error: InputError) -> Work {
        { [.failed(source: source, error: error)] }
    }

    private static func emptyInput(_ name: String) -> InputError {
        let why =
            name == "-"
            ? "-: no answer found in standard input"
            : "\(name): no answer found (no JSON Lines record)"
        return InputError(code: "empty-input", message: why)
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == 0x0B || byte == 0x0C
    }
}
