import PakEssay

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a stream (standard input, a pipe, a file) a line at a time, in bounded memory: of a line
/// longer than `limit` only the first `limit + 1` bytes are kept, and the rest is read and counted
/// but dropped, so a caller's size check still fails and `lastLineTooLong` says why.
final class LineReader {
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var eof = false
    private let fd: Int32
    private let ownsDescriptor: Bool
    private let keep: Int
    /// Bytes read so far (for error offsets).
    private(set) var consumed = 0
    /// True when the line last returned was longer than the limit (and was cut to `limit + 1` bytes).
    private(set) var lastLineTooLong = false
    /// The `errno` of a failed read, which ended the stream early.
    private(set) var failure: Int32?

    /// Reads `fd`, keeping at most `limit + 1` bytes of a line; closes `fd` at the end when it owns it.
    init(fd: Int32 = 0, limit: Int = Int.max, ownsDescriptor: Bool = false) {
        self.fd = fd
        self.ownsDescriptor = ownsDescriptor
        keep = limit < Int.max ? limit + 1 : Int.max
    }

    deinit {
        if ownsDescriptor { _ = close(fd) }
    }

    /// The next line without its LF (a CR before it is kept), or nil at the end.
    func next() -> [UInt8]? {
        var line: [UInt8] = []
        var length = 0
        while true {
            if start == end && !refill() {
                guard length > 0 else { return nil }
                lastLineTooLong = length > keep - 1
                return line
            }
            let newline = findNewline()
            let stop = newline ?? end
            let room = keep - line.count
            if room > 0 { line += chunk[start..<(stop - start <= room ? stop : start + room)] }
            length += stop - start
            consumed += stop - start
            start = stop
            if newline != nil {
                start += 1
                consumed += 1
                lastLineTooLong = length > keep - 1
                return line
            }
        }
    }

    /// The index of the next LF in the chunk's unread bytes (memchr: lines can be megabytes long).
    private func findNewline() -> Int? {
        chunk.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let hit = memchr(base + start, 0x0A, end - start) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
    }

    /// Reads the next chunk; false at the end of the stream (or on a read error).
    private func refill() -> Bool {
        while !eof {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { failure = errno }
            if n <= 0 {
                eof = true
                return false
            }
            start = 0
            end = n
            return true
        }
        return false
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
            let opensAnswer =
                !blank
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
