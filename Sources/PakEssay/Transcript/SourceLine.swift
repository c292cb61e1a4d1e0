/// One line of the transcript as written, without its line end.
public struct SourceLine: Sendable, Hashable {
    /// 1-based line number.
    public var number: Int
    /// The line's scalars; column `c` is `scalars[c - 1]`.
    public var scalars: [Unicode.Scalar]

    /// True when the line holds only white space.
    public var isBlank: Bool { scalars.allSatisfy(\.isTranscriptSpace) }

    /// Splits UTF-8 text into lines at LF, CRLF or CR.
    public static func split(_ utf8: [UInt8], firstLine: Int = 1) -> [SourceLine] {
        var lines: [SourceLine] = []
        var number = firstLine
        utf8.withUnsafeBufferPointer { bytes in
            let n = bytes.count
            var start = 0
            while start < n {
                var end = start
                while end < n, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
                // Each line's scalars are written straight into an array of its own size: one appended at a
                // time, with a buffer kept between lines, cost a uniqueness check per byte.
                lines.append(SourceLine(number: number, scalars: scalars(bytes, start..<end)))
                guard end < n else { return }
                number += 1
                start = end + 1
                if bytes[end] == 0x0D, start < n, bytes[start] == 0x0A { start += 1 }
            }
        }
        if lines.isEmpty { lines.append(SourceLine(number: number, scalars: [])) }
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
