import Dispatch
import PakEssay

#if canImport(Glibc)
    import Glibc
#endif

/// `pakessay calibrate MARKS`: grades the answers a tutor marked, reports how far pakessay agrees, and
/// with `--fit OUT.json` fits the rubric to the tutor's marks (see docs/calibration.md).
struct CalibrateCommand {
    /// The options, declared once for the parser and the help.
    static let options: [Option] = [
        Option(name: "--rubric", value: "ID|PATH", help: ["The rubric (default: css-current-affairs)."]),
        Option(
            name: "--scale", value: "LOW-HIGH",
            help: [
                "The tutor's scale for totals, mapped linearly onto the rubric's",
                "(default: 0 to the rubric's marks), such as 1-6.",
            ]),
        Option(name: "--fit", value: "OUT.json", help: ["Fit the rubric and write it to OUT.json."]),
        Option(name: "--folds", value: "N", help: ["Folds of the cross-validation, 2 to 20 (default: 5)."]),
        Option(
            name: "--format", value: "text|json|markdown", allowed: ["text", "json", "markdown"],
            help: ["The report's format (default: text)."]),
        Option(name: "--jobs", value: "N", help: ["Answers graded at once (default: all cores)."]),
        Option(
            name: "--progress", value: "auto|always|never", allowed: ["auto", "always", "never"],
            help: ["Progress on standard error (default: auto, when it is a terminal)."]),
        Option(
            name: "--max-bytes", value: "N", help: ["The largest MARKS file or transcript read (default: 20000000)."]),
    ]

    func run(_ args: [String]) throws -> Int32 {
        if wantsHelp(args, "calibrate") { return 0 }
        let a = try Arguments(args, options: Self.options, command: "calibrate")
        guard a.positional.count == 1 else {
            let message = a.positional.isEmpty ? "missing the MARKS file" : "calibrate takes one MARKS file"
            throw CLIError.usage(message, command: "calibrate")
        }
        let marksPath = a.positional[0]
        let jobs =
            try a.integer("--jobs", minimum: 1, command: "calibrate") ?? Host.processorCount
        let maxBytes = try a.integer("--max-bytes", minimum: 1, command: "calibrate") ?? TranscriptFile.defaultMaxBytes
        let folds = try a.integer("--folds", minimum: 2, maximum: 20, command: "calibrate") ?? 5
        let rubric: Rubric
        do { rubric = try RubricLoader.load(a.values["--rubric"] ?? "css-current-affairs") } catch {
            throw CLIError.input(error.message)
        }
        var scale = TutorScale(low: 0, high: rubric.maxMarks)
        if let raw = a.values["--scale"] {
            guard let parsed = TutorScale.parse(raw) else {
                throw CLIError.usage(
                    "invalid value '\(raw)' for '--scale': expected LOW-HIGH, such as 1-6", command: "calibrate")
            }
            scale = parsed
        }
        if let out = a.values["--fit"] { try Self.checkFit(out, reads: [marksPath, rubric.path]) }

        let bytes = try readInput(marksPath, maxBytes: maxBytes)
        let table: MarksTable
        do { table = try MarksReader.read(bytes, file: marksPath, criteria: rubric.criteria.map(\.id)) } catch {
            throw CLIError.input(error.message)
        }
        let folder = marksPath == "-" ? "" : Path.deletingLastComponent(marksPath)
        let progress =
            ProgressLine.wanted(a.values["--progress"] ?? "auto") ? ProgressLine(total: table.records.count) : nil
        let graded = Self.grade(
            table.records, rubric: rubric, scale: scale, folder: folder, maxBytes: maxBytes, jobs: jobs,
            progress: progress)
        progress?.clear()
        var problems: [(line: Int, message: String)] = table.problems.map { ($0.line, $0.message) }
        var rows: [CalibrationRow] = []
        for (record, result) in zip(table.records, graded) {
            switch result {
            case .success(let row): rows.append(row)
            case .failure(let p): problems.append((record.line, "\(marksPath):\(record.line): \(p.message)"))
            }
        }
        problems.sort { $0.line < $1.line }
        let report = CalibrationReport(
            rubric: rubric, scale: scale, rows: rows, problems: problems.map(\.message),
            folds: a.values["--fit"] == nil ? nil : folds)
        for p in report.problems { printError("pakessay: error: \(p)") }
        var written: String?
        if let out = a.values["--fit"], let fit = report.fit, fit.refusal == nil {
            try Self.write(rubric, fit.parameters, answers: rows.count, to: out)
            written = out
        }
        let text: String
        switch a.values["--format"] ?? "text" {
        case "json": text = CalibrationRenderer.json(report, written: written)
        case "markdown": text = CalibrationRenderer.markdown(report, written: written)
        default: text = CalibrationRenderer.text(report, written: written)
        }
        emit(text)
        if !report.problems.isEmpty { return 2 }
        return report.fit?.refusal == nil ? 0 : 1
    }

    struct RowFailure: Error { let message: String }

    /// Grades each record's answer on `jobs` threads; the results keep the records' order.
    static func grade(
        _ records: [MarkRecord], rubric: Rubric, scale: TutorScale, folder: String, maxBytes: Int, jobs: Int,
        progress: ProgressLine?
    ) -> [Result<CalibrationRow, RowFailure>] {
        let grader = Grader(rubric: rubric)
        let slots = Slots<Result<CalibrationRow, RowFailure>>(count: records.count, progress: progress)
        let next = WorkCounter()
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, records.count))) { _ in
            while true {
                let k = next.take()
                guard k < records.count else { return }
                let result = Self.row(records[k], grader: grader, scale: scale, folder: folder, maxBytes: maxBytes)
                slots.set(k, result)
            }
        }
        return slots.values
    }

    /// One record graded, or why it cannot be.
    static func row(_ r: MarkRecord, grader: Grader, scale: TutorScale, folder: String, maxBytes: Int)
        -> Result<CalibrationRow, RowFailure>
    {
        let rubric = grader.rubric
        guard scale.contains(r.marks) else {
            let range = "\(JSONValue.format(scale.low))-\(JSONValue.format(scale.high))"
            return .failure(.init(message: "marks \(JSONValue.format(r.marks)) is outside the tutor's scale \(range)"))
        }
        for c in rubric.criteria {
            guard let v = r.criteria[c.id] else { continue }
            guard v >= 0, v <= c.marks + 1e-9 else {
                let message = "\(c.id) \(JSONValue.format(v)) is outside 0-\(JSONValue.format(c.marks))"
                return .failure(.init(message: message))
            }
        }
        let source: String
        let bytes: [UInt8]
        if let path = r.path {
            source = path.hasPrefix("/") || folder.isEmpty ? path : folder + "/" + path
            do { bytes = try TranscriptFile.read(path: source, maxBytes: maxBytes) } catch {
                return .failure(.init(message: error.message))
            }
        } else {
            source = r.id ?? "line \(r.line)"
            bytes = Array((r.text ?? "").utf8)
        }
        let document: EssayDocument
        do { document = try EssayParser.parse(bytes: bytes, source: source) } catch {
            return .failure(.init(message: error.message))
        }
        let index = r.answer ?? 1
        guard document.answers.count >= index, !document.answers.isEmpty else {
            return .failure(.init(message: "\(source) holds \(document.answers.count) answers; no answer \(index)"))
        }
        if r.answer == nil, document.answers.count > 1 {
            let message = "\(source) holds \(document.answers.count) answers: say which in an 'answer' column"
            return .failure(.init(message: message))
        }
        let traced = grader.traced(document.answers[index - 1], source: source, question: r.question)
        return .success(
            CalibrationRow(
                record: r, graded: traced.graded, credits: traced.credits, rubric: rubric, scale: scale))
    }

    /// Refuses a fitted file that would overwrite the MARKS file or the rubric (exit 64).
    static func checkFit(_ out: String, reads: [String]) throws {
        guard out.hasSuffix(".json") else {
            throw CLIError.usage("refusing '--fit \(out)': a rubric file's name ends in .json", command: "calibrate")
        }
        guard let target = TranscriptFile.resolvedPath(out) else { return }
        for path in reads where path != "-" && TranscriptFile.resolvedPath(path) == target {
            throw CLIError.usage(
                "refusing '--fit \(out)': it is \(path), which this run reads; write the fitted rubric elsewhere",
                command: "calibrate")
        }
    }

    /// Writes the fitted rubric beside a temporary name, loads it back as any rubric is loaded, and only
    /// then moves it into place: a fit never leaves an invalid rubric.
    static func write(_ rubric: Rubric, _ p: ScaleParameters, answers: Int, to out: String) throws {
        let folder = Path.deletingLastComponent(out)
        let text: String
        do { text = try FittedRubric.text(rubric, p, answers: answers, folder: folder) } catch {
            throw CLIError.input("cannot write the fitted rubric: \(error.message)")
        }
        let name = Path.lastComponent(out)
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(getpid()).json"
        let file = try Output(path: temporary)
        file.write(text)
        file.close()
        var problem: String?
        do {
            let loaded = try RubricLoader.load(path: temporary)
            if loaded.criteria.map({ $0.rules.map(\.weight) }) != p.weights || loaded.exponent != p.exponent
                || loaded.ceiling != p.ceiling
            {
                problem = "it does not read back as written"
            }
        } catch {
            problem = error.message
        }
        if let problem {
            unlink(temporary)
            throw CLIError.input("the fitted rubric would not be valid, so it was not written: \(problem)")
        }
        guard rename(temporary, out) == 0 else {
            unlink(temporary)
            throw CLIError.input("\(out): cannot be written (\(String(cString: strerror(errno))))")
        }
    }
}

/// Results written from several threads, each into its own slot, counted on the progress line.
final class Slots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = DispatchSemaphore(value: 1)
    private let progress: ProgressLine?
    init(count: Int, progress: ProgressLine?) {
        slots = Array(repeating: nil, count: count)
        self.progress = progress
    }
    func set(_ k: Int, _ value: T) {
        lock.wait()
        slots[k] = value
        progress?.advance(answers: 1)
        lock.signal()
    }
    var values: [T] { slots.map { $0! } }
}

/// A shared counter handing out work indices.
final class WorkCounter: @unchecked Sendable {
    private var value = 0
    private let lock = DispatchSemaphore(value: 1)
    func take() -> Int {
        lock.wait()
        defer { lock.signal() }
        value += 1
        return value - 1
    }
}
