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
        var current: [Unicode.Scalar] = []
        var number = firstLine
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            var scalar: Unicode.Scalar
            if b < 0x80 {
                i += 1
                if b == 0x0A || b == 0x0D {
                    // Each line gets an array of its own size; `current` keeps its buffer. (Handing over
                    // `current` itself left every later line with a fresh buffer as large as the longest
                    // line so far: a 1 MB line before 200,000 short ones cost 800 MB.)
                    var scalars: [Unicode.Scalar] = []
                    scalars.reserveCapacity(current.count)
                    scalars.append(contentsOf: current)
                    lines.append(SourceLine(number: number, scalars: scalars))
                    current.removeAll(keepingCapacity: true)
                    number += 1
                    if b == 0x0D, i < n, utf8[i] == 0x0A { i += 1 }
                    continue
                }
                scalar = Unicode.Scalar(b)
            } else {
                // The text is valid UTF-8 (the decoder checked it); a stray byte still reads as U+FFFD.
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                var ok = length > 1 && i + length <= n
                if ok {
                    for k in 1..<length {
                        let c = utf8[i + k]
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
            current.append(scalar)
        }
        if !current.isEmpty || lines.isEmpty { lines.append(SourceLine(number: number, scalars: current)) }
        return lines
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
