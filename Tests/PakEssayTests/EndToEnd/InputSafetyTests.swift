import Foundation
import Testing

@testable import PakEssay

#if canImport(Glibc)
    import Glibc
#endif

/// The inputs side of issue 11: the report never overwrites or grades what it should not, folders
/// report what they cannot grade, streams are read in bounded memory, and every number on the
/// command line is range-checked.
@Suite(.serialized) struct InputSafetyTests {
    static let answer = "Q.1 Discuss inflation.\n\n1. INTRODUCTION\nInflation is high because money is printed.\n"

    static let sample = Fixtures.samples.appendingPathComponent("one-paragraph.txt").path

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pakessay-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The error codes of a JSON Lines report, in order; `graded` for an answer.
    static func codes(_ out: String) -> [String] {
        out.split(separator: "\n").compactMap { try? JSONReader.parse(String($0)) }.map { record in
            if case .string(let code)? = record["error"]?["code"] { return code }
            return "graded"
        }
    }

    // MARK: - Item 1 and 8: the report and the inputs

    @Test func anOutputThatIsAnInputIsRefusedBeforeItIsWritten() throws {
        let dir = try Self.folder()
        let file = dir.appendingPathComponent("a.txt")
        try Data(Self.answer.utf8).write(to: file)
        let files = FileManager.default
        try files.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try files.createSymbolicLink(at: dir.appendingPathComponent("link.txt"), withDestinationURL: file)
        for (input, output) in [("a.txt", "a.txt"), ("a.txt", "sub/../a.txt"), ("link.txt", "a.txt"), (".", "a.txt")] {
            let r = try runBinary(["grade", input, "--output", output], cwd: dir)
            #expect(r.code == 64, "grade \(input) --output \(output)")
            #expect(r.err.hasPrefix("pakessay: error: refusing '--output \(output)':"), "\(r.err)")
            let after = try String(contentsOf: file, encoding: .utf8)
            #expect(after == Self.answer, "grade \(input) --output \(output) wrote over it")
        }
    }

    @Test func aNewReportInsideAGradedFolderIsLeftOutOfIt() throws {
        let dir = try Self.folder()
        let clob = dir.appendingPathComponent("clob")
        try FileManager.default.createDirectory(at: clob, withIntermediateDirectories: true)
        try Data(Self.answer.utf8).write(to: clob.appendingPathComponent("ali.txt"))
        let r = try runBinary(["grade", "clob", "--output", "clob/report.txt", "--format", "jsonl"], cwd: dir)
        #expect(r.code == 0, "\(r.err)")
        let report = try String(contentsOf: clob.appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(Self.codes(report) == ["graded"])
        #expect(report.contains("\"source\":\"clob/ali.txt\""))
        #expect(!report.contains("report.txt"))
    }

    // MARK: - Items 5, 13 and 18: what a folder holds besides regular files

    @Test func danglingAndLoopingLinksInAFolderAreReported() throws {
        let dir = try Self.folder()
        try Data(Self.answer.utf8).write(to: dir.appendingPathComponent("b-ok.txt"))
        for (name, target) in [("a-dangling.txt", "nowhere.txt"), ("c-self.txt", "c-self.txt")] {
            let link = dir.appendingPathComponent(name).path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        }
        let r = try runBinary(["grade", dir.path, "--format", "jsonl"])
        #expect(r.code == 2)
        #expect(Self.codes(r.out) == ["not-found", "graded", "unreadable"])
        #expect(r.out.contains("a-dangling.txt: no such file (a symbolic link to a file that does not exist)"))
        #expect(r.out.contains("c-self.txt: cannot be read (too many levels of symbolic links)"))
        let direct = try runBinary(["parse", dir.appendingPathComponent("c-self.txt").path])
        #expect(direct.code == 2)
        #expect(direct.err.contains("c-self.txt: cannot be read (too many levels of symbolic links)"))
    }

    @Test func aFIFOInAFolderIsReportedAndNeverOpened() throws {
        let dir = try Self.folder()
        try Data(Self.answer.utf8).write(to: dir.appendingPathComponent("a.txt"))
        #expect(mkfifo(dir.appendingPathComponent("b-pipe.txt").path, 0o644) == 0)
        let r = try runGuarded(["grade", dir.path, "--format", "jsonl"])
        #expect(r.code == 2)
        #expect(Self.codes(r.out) == ["graded", "not-regular"])
        #expect(r.out.contains("b-pipe.txt: a named pipe (FIFO), not a regular file"))
    }

    @Test func aFIFONamedOnTheCommandLineIsRead() throws {
        let dir = try Self.folder()
        let fifo = dir.appendingPathComponent("pipe.txt").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let writer = Thread {
            let fd = open(fifo, O_WRONLY)
            guard fd >= 0 else { return }
            let bytes = Array(Self.answer.utf8)
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        writer.start()
        let r = try runGuarded(["grade", fifo, "--format", "jsonl"])
        #expect(r.code == 0, "\(r.err)")
        #expect(Self.codes(r.out) == ["graded"])
    }

    @Test func procSelfMemSaysWhyInPlainEnglish() throws {
        let r = try runBinary(["parse", "/proc/self/mem"])
        #expect(r.code == 2)
        #expect(r.err == "pakessay: error: /proc/self/mem: cannot be read (input/output error)\n")
    }

    @Test func standardInputWithNoAnswerIsAnError() throws {
        let empty = try runBinary(["grade", "--format", "jsonl"], stdin: "")
        #expect(empty.code == 2)
        let record = #"{"source":"-","error":{"code":"empty-input","message":"-: no answer found in standard input"}}"#
        #expect(empty.out == record + "\n")
        let blank = try runBinary(["grade"], stdin: "  \n\n\t\r\n")
        #expect(blank.code == 2)
        #expect(blank.out.contains("-: no answer found in standard input [empty-input]"))
        let noRecords = try runBinary(["grade", "--input", "jsonl", "--format", "jsonl"], stdin: "\n \n")
        #expect(noRecords.code == 2)
        #expect(Self.codes(noRecords.out) == ["empty-input"])
    }

    // MARK: - Item 7: JSON Lines from files, and records of the wrong types

    @Test func aJSONLinesFileIsReadAsRecords() throws {
        let dir = try Self.folder()
        let file = dir.appendingPathComponent("class.jsonl")
        let records = [
            #"{"id": "ali", "text": "Q.1 Discuss inflation.\n\nPrices rose."}"#,
            #"{"id": "sana", "text": "Prices rose.", "question": 5}"#,
            #"{"id": [1], "text": "Prices rose."}"#,
            #"{"id": 7, "text": "Prices rose.", "question": null}"#,
        ]
        try Data((records.joined(separator: "\n") + "\n").utf8).write(to: file)
        let r = try runBinary(["grade", file.path, "--input", "jsonl", "--format", "jsonl"])
        #expect(r.code == 2)
        #expect(Self.codes(r.out) == ["graded", "bad-record", "bad-record", "graded"])
        #expect(r.out.contains(#""source":"ali""#) && r.out.contains(#""source":"7""#))
        #expect(r.out.contains(#"sana: \"question\" must be a string (line 2 of "#))
        #expect(r.out.contains(#"class.jsonl:3: \"id\" must be a string or a whole number"#))
        let piped = try runBinary(["grade", "-", "--input", "jsonl", "--format", "jsonl"], stdin: records[1] + "\n")
        #expect(Self.codes(piped.out) == ["bad-record"])
        #expect(piped.out.contains("(line 1 of standard input)"))
        let folder = try runBinary(["grade", dir.path, "--input", "jsonl", "--format", "jsonl"])
        #expect(Self.codes(folder.out) == ["is-directory"])
    }

    // MARK: - Item 12: a huge line on standard input, in bounded memory

    /// A 30 MB line piped in under `--max-bytes 100000` is refused as it streams past: the line is
    /// counted and dropped, not gathered first (before, gathering it took minutes and the watchdog
    /// of `runGuarded` killed the run).
    @Test(arguments: [
        ["grade", "--format", "jsonl"], ["grade", "--input", "jsonl", "--format", "jsonl"],
        ["parse", "-"],
    ])
    func aHugeLineOnStandardInputIsRefused(_ command: [String]) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = dir.appendingPathComponent("big.txt")
        let line = command.contains("--input") ? #"{"id": "x", "text": ""# : "Q.1 Discuss inflation. "
        try Data((line + String(repeating: "a", count: 30_000_000) + "\n").utf8).write(to: big)
        let r = try runGuarded(command + ["--max-bytes", "100000"], stdinFile: big.path)
        #expect(r.code == 2)
        if command[0] == "grade" {
            #expect(Self.codes(r.out) == ["too-large"])
            #expect(r.out.contains("larger than the limit of 100000 bytes"))
        } else {
            let message =
                "pakessay: error: -: standard input is larger than the limit of 100000 bytes (see --max-bytes)"
            #expect(r.err == message + "\n")
        }
    }

    // MARK: - Item 14: numbers on the command line

    @Test(arguments: [
        (["--marks", "1e18"], "'--marks': expected a number from 0.5 to 1000"),
        (["--marks", "0.1"], "'--marks': expected a number from 0.5 to 1000"),
        (["--jobs", "288230376151711744"], "'--jobs': expected a whole number from 1 to 256"),
        (["--jobs", "99999999999999999999999"], "'--jobs': expected a whole number from 1 to 256"),
        (["--max-bytes", "9223372036854775807"], "'--max-bytes': expected a whole number from 1 to 2000000000"),
        (["--max-answers", "9223372036854775807"], "'--max-answers': expected a whole number from 1 to 100000"),
        (["--fail-under", "1e300"], "'--fail-under': expected a number from 0 to 20"),
        (["--fail-under", "25"], "'--fail-under': expected a number from 0 to 20"),
        (["--marks", "40", "--fail-under", "41"], "'--fail-under': expected a number from 0 to 40"),
    ])
    func hugeNumbersAreRefusedWithTheirRange(_ options: [String], _ message: String) throws {
        let r = try runGuarded(["grade", Self.sample] + options)
        #expect(r.code == 64)
        #expect(r.err.contains(message), "\(r.err)")
    }

    @Test func theLargestValuesInRangeAreAccepted() throws {
        let options = [
            "--marks", "1000", "--jobs", "256", "--max-bytes", "2000000000", "--max-answers", "100000",
            "--fail-under", "0",
        ]
        let r = try runGuarded(["grade", Self.sample, "--format", "csv"] + options)
        #expect(r.code == 0, "\(r.err)")
        let parse = try runGuarded(["parse", Self.sample, "--max-bytes", "9223372036854775807"])
        #expect(parse.code == 64)
    }
}

/// The outcome of a guarded run.
struct GuardedRun {
    var code: Int32
    var out: String
    var err: String
}

/// Runs the built binary (in the current folder: give absolute paths) with standard input piped
/// from a file (or empty), killing it if it is still
/// running after a minute (a hang, not a slow run).
func runGuarded(_ args: [String], stdinFile: String = "/dev/null") throws -> GuardedRun {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pakessay-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let outPath = dir.appendingPathComponent("out").path
    let errPath = dir.appendingPathComponent("err").path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // Standard input is a pipe, as in `cat big | pakessay`, fed from the file on another thread.
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { throw POSIXError(.EMFILE) }
    signal(SIGPIPE, SIG_IGN)
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
    posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
    posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let binary = Fixtures.binary.path
    let argv = ([binary] + args).map { strdup($0) } + [nil]
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, binary, &actions, nil, argv, envp)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
    close(pipeEnds[0])
    let writeEnd = pipeEnds[1]
    let feeder = Thread {
        defer { close(writeEnd) }
        let source = open(stdinFile, O_RDONLY)
        guard source >= 0 else { return }
        defer { close(source) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            guard n > 0 else { return }
            var done = 0
            while done < n {
                let w = chunk[done..<n].withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
                guard w > 0 else { return }
                done += w
            }
        }
    }
    feeder.start()
    let child = pid
    let watchdog = DispatchWorkItem { kill(child, SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    watchdog.cancel()
    let exited = status & 0x7F == 0
    let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    let out = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data(), as: UTF8.self)
    let err = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(), as: UTF8.self)
    return GuardedRun(code: code, out: out, err: err)
}
