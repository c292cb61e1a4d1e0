/// Turns the bytes of a transcript file into validated UTF-8 text.
///
/// Accepts UTF-8 with or without a byte-order mark, UTF-32 and UTF-16 with a byte-order mark (or,
/// with a warning, UTF-16 recognised from its zero bytes). Refuses binary input (a NUL byte in text that is
/// not UTF-16) and invalid UTF-8, naming the byte offset.
public enum TranscriptDecoder {
    /// The outcome of decoding: the UTF-8 bytes and any warning about how they were read.
    public struct Decoded: Sendable {
        /// Valid UTF-8, without a byte-order mark.
        public var utf8: [UInt8]
        /// A note on the encoding, such as a guessed UTF-16 without byte-order mark.
        public var warning: String?
    }

    /// Decodes `bytes`, or throws an `InputError` that names `source` and the byte offset.
    public static func decode(_ bytes: [UInt8], source: String) throws(InputError) -> Decoded {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let body = Array(bytes[3...])
            try validateUTF8(body, source: source, base: 3)
            return Decoded(utf8: body, warning: nil)
        }
        // UTF-32 first: its little-endian mark begins with the UTF-16 one.
        if bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 {
            return Decoded(utf8: utf32ToUTF8(bytes, from: 4, littleEndian: true), warning: nil)
        }
        if bytes.count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF {
            return Decoded(utf8: utf32ToUTF8(bytes, from: 4, littleEndian: false), warning: nil)
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return Decoded(utf8: utf16ToUTF8(bytes, from: 2, littleEndian: true), warning: nil)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return Decoded(utf8: utf16ToUTF8(bytes, from: 2, littleEndian: false), warning: nil)
        }
        if let littleEndian = looksLikeUTF16(bytes) {
            return Decoded(
                utf8: utf16ToUTF8(bytes, from: 0, littleEndian: littleEndian),
                warning: "read as UTF-16\(littleEndian ? "LE" : "BE") without a byte-order mark")
        }
        try validateUTF8(bytes, source: source, base: 0)
        return Decoded(utf8: bytes, warning: nil)
    }

    /// Checks that `bytes` is UTF-8 text with no NUL byte; `base` is added to reported offsets.
    static func validateUTF8(_ bytes: [UInt8], source: String, base: Int) throws(InputError) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0 {
                    throw InputError(
                        code: "binary",
                        message:
                            """
                            \(source): binary data (a NUL byte) at byte offset \(i + base); expected a text \
                            transcript
                            """,
                        offset: i + base)
                }
                i += 1
                continue
            }
            var need = 0
            var minimum: UInt32 = 0
            var scalar: UInt32 = 0
            switch b {
            case 0xC2...0xDF:
                need = 1
                minimum = 0x80
                scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF:
                need = 2
                minimum = 0x800
                scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4:
                need = 3
                minimum = 0x10000
                scalar = UInt32(b & 0x07)
            default: throw invalid(source, at: i + base)
            }
            for k in 1...need {
                guard i + k < n else { throw invalid(source, at: i + base) }
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { throw invalid(source, at: i + base) }
                scalar = (scalar << 6) | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                throw invalid(source, at: i + base)
            }
            i += need + 1
        }
    }

    private static func invalid(_ source: String, at offset: Int) -> InputError {
        InputError(code: "invalid-utf8", message: "\(source): invalid UTF-8 at byte offset \(offset)", offset: offset)
    }

    /// Recognises UTF-16 without a byte-order mark by its zero bytes: returns true for little-endian,
    /// false for big-endian, nil when the text is not UTF-16.
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool? {
        let sample = min(bytes.count, 4096) & ~1
        guard sample >= 4 else { return nil }
        var zeroEven = 0
        var zeroOdd = 0
        for i in 0..<sample where bytes[i] == 0 {
            if i & 1 == 0 { zeroEven += 1 } else { zeroOdd += 1 }
        }
        let pairs = sample / 2
        if zeroOdd * 10 >= pairs * 7 && zeroEven * 10 <= pairs { return true }
        if zeroEven * 10 >= pairs * 7 && zeroOdd * 10 <= pairs { return false }
        return nil
    }

    /// Converts UTF-16 to UTF-8; unpaired surrogates become U+FFFD.
    static func utf16ToUTF8(_ bytes: [UInt8], from start: Int, littleEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count - start) / 2)
        var i = start
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i])
            let b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        let text = String(decoding: units, as: UTF16.self)
        // A NUL in UTF-16 text would end strings in other tools: it becomes a space.
        return Array(text.utf8).map { $0 == 0 ? 0x20 : $0 }
    }

    /// Converts UTF-32 to UTF-8; a value that is not a Unicode scalar (a surrogate, beyond U+10FFFF)
    /// and a cut-off last unit become U+FFFD.
    static func utf32ToUTF8(_ bytes: [UInt8], from start: Int, littleEndian: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count - start) / 4)
        var i = start
        while i + 3 < bytes.count {
            let (a, b, c, d) = (UInt32(bytes[i]), UInt32(bytes[i + 1]), UInt32(bytes[i + 2]), UInt32(bytes[i + 3]))
            let value = littleEndian ? d << 24 | c << 16 | b << 8 | a : a << 24 | b << 16 | c << 8 | d
            // A NUL would end strings in other tools: it becomes a space, as in UTF-16.
            let scalar = value == 0 ? " " : Unicode.Scalar(value) ?? "\u{FFFD}"
            UTF8.encode(scalar) { out.append($0) }
            i += 4
        }
        if i < bytes.count { out += [0xEF, 0xBF, 0xBD] }
        return out
    }
}
