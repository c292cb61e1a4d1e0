#if canImport(Glibc)
    import Glibc
#endif

/// Where a report goes: standard output or a file, buffered. A closed pipe ends the process quietly;
/// any other failure to write (a full disk, `/dev/full`) ends it with one line on standard error, exit 2.
final class Output {
    private let fd: Int32
    private let ownsFile: Bool
    /// How the messages name it: the path, or "standard output".
    private let name: String
    private var buffer: [UInt8] = []

    /// Standard output.
    init() {
        fd = 1
        ownsFile = false
        name = "standard output"
    }

    /// A file, created or truncated.
    init(path: String) throws {
        let opened = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard opened >= 0 else {
            throw CLIError.input("\(path): cannot be written (\(String(cString: strerror(errno))))")
        }
        fd = opened
        ownsFile = true
        name = path
    }

    /// Appends text; writes out once enough has gathered.
    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes out everything gathered so far.
    func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                failed(errno)
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes a file output (a file system may report a full disk only here).
    func close() {
        flush()
        if ownsFile, Glibc.close(fd) != 0, errno != EINTR { failed(errno) }
    }

    /// Ends the process: quietly for a closed pipe (the reader has all it wanted), with the reason
    /// otherwise.
    private func failed(_ code: Int32) -> Never {
        if code == EPIPE { exit(0) }
        printError("pakessay: error: cannot write the report to \(name): \(String(cString: strerror(code)))")
        exit(2)
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    let line = Array((text.hasSuffix("\n") ? text : text + "\n").utf8)
    _ = line.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
}

/// What the command line tool reports when it cannot go on.
enum CLIError: Error {
    /// The command line is wrong (exit 64).
    case usage(String, command: String?)
    /// An input or rubric could not be used (exit 2).
    case input(String)
}
