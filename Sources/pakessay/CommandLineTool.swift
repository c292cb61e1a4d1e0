import PakEssay

/// The `pakessay` command: reads the command line, runs the command, returns the exit code.
struct CommandLineTool {
    static let version = PakEssayVersion.string

    func run(_ args: [String]) -> Int32 {
        do {
            return try dispatch(args)
        } catch CLIError.usage(let message, let command) {
            let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
            printError("pakessay: error: \(lines[0])")
            for line in lines.dropFirst() { printError(String(line)) }
            if let command, let usage = Help.usage[command] { printError("Usage: \(usage)") }
            printError("See 'pakessay help\(command.map { " " + $0 } ?? "")'.")
            return 64
        } catch CLIError.input(let message) {
            printError("pakessay: error: \(message)")
            return 2
        } catch {
            printError("pakessay: error: \(error)")
            return 2
        }
    }

    private func dispatch(_ args: [String]) throws -> Int32 {
        guard let first = args.first else {
            emit(Help.overview)
            return 0
        }
        let rest = Array(args.dropFirst())
        switch first {
        case "--help", "-h":
            emit(Help.overview)
            return 0
        case "--version":
            emit(Self.version + "\n")
            return 0
        case "help":
            guard let topic = rest.first else {
                emit(Help.overview)
                return 0
            }
            guard let text = Help.commands[topic] else {
                throw CLIError.usage("unknown command '\(topic)'" + suggestion(topic), command: nil)
            }
            emit(text)
            return 0
        case "parse": return try ParseCommand().run(rest)
        case "clean": return try CleanCommand().run(rest)
        case "grade": return try GradeCommand().run(rest)
        case "rubrics": return try RubricsCommand().run(rest)
        case "questions": return try QuestionsCommand().run(rest)
        case "explain": return try ExplainCommand().run(rest)
        case "check": return try CheckCommand().run(rest)
        case "calibrate": return try CalibrateCommand().run(rest)
        default:
            throw CLIError.usage("unknown command '\(first)'" + suggestion(first), command: nil)
        }
    }

    private func suggestion(_ word: String) -> String {
        Arguments.nearest(word, among: Array(Help.commands.keys).sorted()).map { "\nDid you mean '\($0)'?" } ?? ""
    }
}

/// Checks `--help` in a command's arguments and prints that command's help.
func wantsHelp(_ args: [String], _ command: String) -> Bool {
    guard args.contains("--help") || args.contains("-h") else { return false }
    emit(Help.commands[command] ?? Help.overview)
    return true
}

/// Reads one input path (or `-`), throwing the input error as a CLI error.
func readInput(_ path: String, maxBytes: Int) throws -> [UInt8] {
    do {
        return path == "-"
            ? try TranscriptFile.readStandardInput(maxBytes: maxBytes)
            : try TranscriptFile.read(path: path, maxBytes: maxBytes)
    } catch {
        throw CLIError.input(error.message)
    }
}

/// `pakessay parse PATH`: the structured essay model of a transcript.
struct ParseCommand {
    /// The options, declared once for the parser and the help.
    static let options: [Option] = [
        Option(
            name: "--format", value: "json|tree", allowed: ["json", "tree"],
            help: ["json (default): the model as documented in docs/model.md;", "tree: a readable indented outline."]),
        Option(name: "--max-bytes", value: "N", help: ["Refuse inputs larger than N bytes (default: 20000000)."]),
    ]

    func run(_ args: [String]) throws -> Int32 {
        if wantsHelp(args, "parse") { return 0 }
        let parsed = try Arguments(args, options: Self.options, command: "parse")
        guard parsed.positional.count == 1 else {
            throw CLIError.usage(
                parsed.positional.isEmpty
                    ? "missing the transcript PATH (or - for standard input)" : "parse takes one PATH", command: "parse"
            )
        }
        let path = parsed.positional[0]
        let maxBytes = try parsed.integer("--max-bytes", minimum: 1, command: "parse") ?? TranscriptFile.defaultMaxBytes
        let bytes = try readInput(path, maxBytes: maxBytes)
        let document: EssayDocument
        do { document = try EssayParser.parse(bytes: bytes, source: path) } catch {
            throw CLIError.input(error.message)
        }
        let out = Output()
        if parsed.values["--format"] == "tree" {
            out.write(TreeDump.render(document))
        } else {
            out.write(ModelJSON.document(document).pretty())
        }
        out.close()
        return 0
    }
}

/// `pakessay clean PATH`: the fair copy of a transcript, or the script as written.
struct CleanCommand {
    /// The options, declared once for the parser and the help.
    static let options: [Option] = [
        Option(
            name: "--script",
            help: ["Show the script as written: struck text with a stroke, insertions as ↑(…)."]),
        Option(name: "--max-bytes", value: "N", help: ["Refuse inputs larger than N bytes (default: 20000000)."]),
    ]

    func run(_ args: [String]) throws -> Int32 {
        if wantsHelp(args, "clean") { return 0 }
        let parsed = try Arguments(args, options: Self.options, command: "clean")
        guard parsed.positional.count == 1 else {
            throw CLIError.usage(
                parsed.positional.isEmpty
                    ? "missing the transcript PATH (or - for standard input)" : "clean takes one PATH", command: "clean"
            )
        }
        let path = parsed.positional[0]
        let maxBytes = try parsed.integer("--max-bytes", minimum: 1, command: "clean") ?? TranscriptFile.defaultMaxBytes
        let bytes = try readInput(path, maxBytes: maxBytes)
        let out = Output()
        do {
            let decoded = try TranscriptDecoder.decode(bytes, source: path)
            if parsed.flags.contains("--script") {
                out.write(ScriptRenderer.render(utf8: decoded.utf8) + "\n")
            } else {
                let document = try EssayParser.parse(bytes: bytes, source: path)
                out.write(document.answers.map(FairCopyWriter.text(of:)).joined(separator: "\n"))
            }
        } catch {
            throw CLIError.input(error.message)
        }
        out.close()
        return 0
    }
}

/// Writes text to standard output at once.
func emit(_ text: String) {
    let out = Output()
    out.write(text)
    out.close()
}
