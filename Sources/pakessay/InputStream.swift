#if canImport(Glibc)
import Glibc
#endif
import PakEssay

/// Reads standard input a line at a time, in bounded memory.
final class LineReader {
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false
    private let fd: Int32
    /// Bytes read so far (for error offsets).
    private(set) var consumed = 0

    init(fd: Int32 = 0) { self.fd = fd }

    /// The next line without its LF (a CR before it is kept), or nil at the end.
    func next() -> [UInt8]? {
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<nl])
                consumed += nl + 1 - start
                start = nl + 1
                if start > 1 << 16 { buffer.removeFirst(start); start = 0 }
                return line
            }
            if eof {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                consumed += buffer.count - start
                start = buffer.count
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { eof = true } else { buffer += chunk[0..<n] }
        }
    }
}

/// One unit of work for the grader: a closure that yields the items of one input.
typealias Work = @Sendable () -> [GradeBatch.Item]

/// Splits a text stream into answers at question lines (see `EssayParser.opensAnswer`), so a stream of any length is
/// graded in bounded memory; each piece keeps its line numbers in the stream.
struct TextStreamSplitter {
    struct Piece {
        var bytes: [UInt8]
        var firstLine: Int
        var firstAnswer: Int
        var oversize: Bool
    }

    let reader: LineReader
    let maxBytes: Int
    private var pending: [UInt8] = []
    private var pendingFirstLine = 1
    private var pendingHasQuestion = false
    private var oversize = false
    private var lineNumber = 0
    private var previousBlank = true
    private var pieces = 0

    init(reader: LineReader, maxBytes: Int) {
        self.reader = reader
        self.maxBytes = maxBytes
    }

    /// The next piece, or nil at the end of the stream.
    mutating func next() -> Piece? {
        while let line = reader.next() {
            lineNumber += 1
            let blank = line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            let opensAnswer = !blank
                && EssayParser.opensAnswer(String(decoding: line.prefix(400), as: UTF8.self), afterBlank: previousBlank)
            previousBlank = blank
            if opensAnswer && pendingHasQuestion {
                let piece = take()
                start(line)
                return piece
            }
            if opensAnswer { pendingHasQuestion = true }
            append(line)
        }
        guard !pending.isEmpty || oversize else { return nil }
        return take()
    }

    private mutating func take() -> Piece {
        pieces += 1
        let piece = Piece(bytes: pending, firstLine: pendingFirstLine, firstAnswer: pieces, oversize: oversize)
        pending = []
        oversize = false
        pendingHasQuestion = false
        return piece
    }

    private mutating func start(_ line: [UInt8]) {
        pendingFirstLine = lineNumber
        pendingHasQuestion = true
        append(line)
    }

    private mutating func append(_ line: [UInt8]) {
        if oversize { return }
        pending += line
        pending.append(0x0A)
        if pending.count > maxBytes {
            oversize = true
            pending = []
        }
    }
}
