import Foundation

/// Reads word-list files: one entry a line, `#` comments, blank lines ignored. Lines are cut and
/// trimmed on their UTF-8 bytes, so a list of thousands of entries loads in about a millisecond.
enum LexiconLoader {
    /// The entries of a list file, with their line numbers.
    static func entries(_ path: String, file: String, key: String) throws(RubricError) -> [(line: Int, text: String)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RubricError(file: file, path: key, "cannot read the word list \(path)")
        }
        let bytes = [UInt8](data)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw RubricError(file: file, path: key, "the word list \(path) is not UTF-8 text")
        }
        var out: [(Int, String)] = []
        var start = 0
        var line = 1
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var a = start, b = end
            while a < b, isSpace(bytes[a]) { a += 1 }
            while b > a, isSpace(bytes[b - 1]) { b -= 1 }
            if a < b, bytes[a] != UInt8(ascii: "#") {
                out.append((line, String(decoding: bytes[a..<b], as: UTF8.self)))
            }
            start = end + 1
            line += 1
        }
        return out
    }

    /// `wrong -> right` pairs; `wrong` is lowercased.
    static func pairs(_ path: String, file: String, key: String) throws(RubricError) -> [(String, String)] {
        var out: [(String, String)] = []
        for (line, text) in try entries(path, file: file, key: key) {
            let utf8 = Array(text.utf8)
            var arrow: Int?
            var k = 0
            while k + 1 < utf8.count {
                if utf8[k] == UInt8(ascii: "-"), utf8[k + 1] == UInt8(ascii: ">") {
                    guard arrow == nil else { arrow = nil; break }
                    arrow = k
                }
                k += 1
            }
            guard let at = arrow else {
                throw RubricError(file: file, path: key, "\(path):\(line): expected `wrong -> right`")
            }
            let wrong = String(decoding: utf8[..<at], as: UTF8.self).trimmingSpace().lowercased()
            let right = String(decoding: utf8[(at + 2)...], as: UTF8.self).trimmingSpace()
            guard !wrong.isEmpty, !right.isEmpty else {
                throw RubricError(file: file, path: key, "\(path):\(line): expected `wrong -> right`")
            }
            out.append((wrong, right))
        }
        return out
    }
}
