#if canImport(Glibc)
import Glibc
#endif

/// Where a report goes: standard output or a file, buffered. A closed pipe ends the process quietly.
final class Output {
    private let fd: Int32
    private let ownsFile: Bool
    private var buffer: [UInt8] = []

    /// Standard output.
    init() {
        fd = 1
        ownsFile = false
    }

    /// A file, created or truncated.
    init(path: String) throws {
        let opened = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard opened >= 0 else {
            throw CLIError.input("\(path): cannot be written (\(String(cString: strerror(errno))))")
        }
        fd = opened
        ownsFile = true
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
                closedPipe()
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes a file output.
    func close() {
        flush()
        if ownsFile { _ = Glibc.close(fd) }
    }

    private func closedPipe() -> Never {
        exit(errno == EPIPE ? 0 : 2)
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
