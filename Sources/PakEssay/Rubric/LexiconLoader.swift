/// Reads word-list files: one entry a line, `#` comments, blank lines ignored. Lines are cut and
/// trimmed on their UTF-8 bytes, so a list of thousands of entries loads in about a millisecond.
enum LexiconLoader {
    /// The entries of a list file, with their line numbers.
    static func entries(_ path: String, file: String, key: String) throws(RubricError) -> [(line: Int, text: String)] {
        guard let data = FileSystem.read(path) else {
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
            var a = start
            var b = end
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
        let list = try entries(path, file: file, key: key)
        var out: [(String, String)] = []
        out.reserveCapacity(list.count)
        for (line, text) in list {
            var text = text
            let cut = text.withUTF8 { utf8 -> (String, String)? in
                var arrow: Int?
                var k = 0
                while k + 1 < utf8.count {
                    if utf8[k] == UInt8(ascii: "-"), utf8[k + 1] == UInt8(ascii: ">") {
                        guard arrow == nil else { return nil }
                        arrow = k
                    }
                    k += 1
                }
                guard let at = arrow else { return nil }
                func trimmed(_ a: Int, _ b: Int) -> String {
                    var a = a
                    var b = b
                    while a < b, utf8[a] == 0x20 || utf8[a] == 0x09 { a += 1 }
                    while b > a, utf8[b - 1] == 0x20 || utf8[b - 1] == 0x09 { b -= 1 }
                    return String(decoding: UnsafeBufferPointer(rebasing: utf8[a..<b]), as: UTF8.self)
                }
                return (trimmed(0, at), trimmed(at + 2, utf8.count))
            }
            guard let (written, rightText) = cut else {
                throw RubricError(file: file, path: key, "\(path):\(line): expected `wrong -> right`")
            }
            let wrong = written.trimmingSpace().lowercased()
            let right = rightText.trimmingSpace()
            guard !wrong.isEmpty, !right.isEmpty else {
                throw RubricError(file: file, path: key, "\(path):\(line): expected `wrong -> right`")
            }
            out.append((wrong, right))
        }
        return out
    }
}
