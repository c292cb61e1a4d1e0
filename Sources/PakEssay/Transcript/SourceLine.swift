/// One line of the transcript as written, without its line end: a span of the file's UTF-8 bytes, and a
/// table of its scalars only when it is not ASCII.
///
/// Column `c` of an ASCII line is byte `c - 1`; of any other line, scalar `c - 1` of its table. The spans
/// share the file's buffer, so an ASCII line costs no allocation of its own (docs/performance.md, "Issue
/// 17, step 8").
public struct SourceLine: Sendable, Hashable {
    /// 1-based line number.
    public var number: Int
    /// The line's bytes, a slice of the file's.
    public let utf8: ArraySlice<UInt8>
    /// The line's scalars when it holds a byte past ASCII (a stray byte among them reads as U+FFFD);
    /// nil for an ASCII line, whose bytes are its scalars.
    let table: [Unicode.Scalar]?

    /// Creates a line from its scalars.
    public init(number: Int, scalars: [Unicode.Scalar]) {
        self.number = number
        var bytes: [UInt8] = []
        for c in scalars { bytes.append(contentsOf: String(c).utf8) }
        self.utf8 = bytes[...]
        self.table = scalars.allSatisfy(\.isASCII) ? nil : scalars
    }

    init(number: Int, utf8: ArraySlice<UInt8>, table: [Unicode.Scalar]?) {
        self.number = number
        self.utf8 = utf8
        self.table = table
    }

    /// True when every byte of the line is ASCII: its columns are its bytes.
    public var isASCII: Bool { table == nil }

    /// The line's scalars; column `c` is `scalars[c - 1]`. Made on each call for an ASCII line: the
    /// parser's passes read an ASCII line's bytes instead.
    public var scalars: [Unicode.Scalar] {
        if let table { return table }
        return [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { out, written in
            var k = 0
            for b in utf8 {
                out.initializeElement(at: k, to: Unicode.Scalar(b))
                k += 1
            }
            written = k
        }
    }

    /// The number of columns (scalars) the line holds.
    public var count: Int { table?.count ?? utf8.count }

    /// True when the line holds only white space.
    public var isBlank: Bool {
        if let table { return table.allSatisfy(\.isTranscriptSpace) }
        return utf8.allSatisfy { $0 <= 0x20 || $0 == 0x7F }
    }

    /// The 0-based column of the first scalar that is not white space, or nil for a blank line.
    var firstVisible: Int? {
        if let table { return table.firstIndex { !$0.isTranscriptSpace } }
        return utf8.firstIndex { $0 > 0x20 && $0 != 0x7F }.map { $0 - utf8.startIndex }
    }

    /// The scalar at a 0-based column (which must be inside the line).
    @inline(__always)
    func scalar(at k: Int) -> Unicode.Scalar {
        if let table { return table[k] }
        return Unicode.Scalar(utf8[utf8.startIndex + k])
    }

    /// The line as a string.
    var text: String {
        if let table { return String(scalars: table) }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Splits UTF-8 text into lines at LF, CRLF or CR. Each line is a span of `utf8`; only a line that is
    /// not ASCII has its scalars decoded.
    public static func split(_ utf8: [UInt8], firstLine: Int = 1) -> [SourceLine] {
        var lines: [SourceLine] = []
        var number = firstLine
        utf8.withUnsafeBufferPointer { bytes in
            let n = bytes.count
            var start = 0
            while start < n {
                var end = start
                var high: UInt8 = 0
                while end < n {
                    let b = bytes[end]
                    if b == 0x0A || b == 0x0D { break }
                    high |= b
                    end += 1
                }
                let table = high < 0x80 ? nil : scalars(bytes, start..<end)
                lines.append(SourceLine(number: number, utf8: utf8[start..<end], table: table))
                guard end < n else { return }
                number += 1
                start = end + 1
                if bytes[end] == 0x0D, start < n, bytes[start] == 0x0A { start += 1 }
            }
        }
        if lines.isEmpty { lines.append(SourceLine(number: number, utf8: utf8[0..<0], table: nil)) }
        return lines
    }

    /// The scalars of one line's bytes (which hold no line end).
    private static func scalars(_ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: range.count) { out, written in
            var k = 0
            var i = range.lowerBound
            let n = range.upperBound
            while i < n {
                let b = utf8[i]
                var scalar: Unicode.Scalar
                if b < 0x80 {
                    i += 1
                    scalar = Unicode.Scalar(b)
                } else {
                    // The text is valid UTF-8 (the decoder checked it); a stray byte still reads as U+FFFD.
                    let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                    var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    var ok = length > 1 && i + length <= n
                    if ok {
                        for j in 1..<length {
                            let c = utf8[i + j]
                            if c & 0xC0 != 0x80 {
                                ok = false
                                break
                            }
                            value = value << 6 | UInt32(c & 0x3F)
                        }
                    }
                    if ok, let decoded = Unicode.Scalar(value) {
                        scalar = decoded
                        i += length
                    } else {
                        scalar = "\u{FFFD}"
                        i += 1
                    }
                }
                out.initializeElement(at: k, to: scalar)
                k += 1
            }
            written = k
        }
    }
}

extension Unicode.Scalar {
    /// White space as transcripts use it: spaces, tabs, no-break spaces, other Unicode spaces and control characters.
    public var isTranscriptSpace: Bool {
        switch value {
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        case 0x00...0x1F, 0x7F: true
        default: false
        }
    }

    /// `properties.isAlphabetic`, answered for ASCII without the property tables.
    @inline(__always)
    var isAlphabeticScalar: Bool {
        value < 0x80 ? (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A : properties.isAlphabetic
    }

    /// `properties.isUppercase`, answered for ASCII without the property tables.
    @inline(__always)
    var isUppercaseScalar: Bool {
        value < 0x80 ? value >= 0x41 && value <= 0x5A : properties.isUppercase
    }

    /// `properties.isLowercase`, answered for ASCII without the property tables.
    @inline(__always)
    var isLowercaseScalar: Bool {
        value < 0x80 ? value >= 0x61 && value <= 0x7A : properties.isLowercase
    }

    /// A letter or digit of any script, or a combining mark: what words are made of.
    public var isWordScalar: Bool {
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x61 && value <= 0x7A)
        }
        let p = properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark
    }
}
