import Foundation

/// Reads word-list files: one entry a line, `#` comments, blank lines ignored.
enum LexiconLoader {
    /// The entries of a list file.
    static func entries(_ path: String, file: String, key: String) throws(RubricError) -> [(line: Int, text: String)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RubricError(file: file, path: key, "cannot read the word list \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RubricError(file: file, path: key, "the word list \(path) is not UTF-8 text")
        }
        var out: [(Int, String)] = []
        for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingSpace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            out.append((k + 1, line))
        }
        return out
    }

    /// `wrong -> right` pairs.
    static func pairs(_ path: String, file: String, key: String) throws(RubricError) -> [(String, String)] {
        var out: [(String, String)] = []
        for (line, text) in try entries(path, file: file, key: key) {
            let parts = text.components(separatedBy: "->")
            guard parts.count == 2 else {
                throw RubricError(file: file, path: key, "\(path):\(line): expected `wrong -> right`")
            }
            let wrong = parts[0].trimmingSpace().lowercased(), right = parts[1].trimmingSpace()
            guard !wrong.isEmpty, !right.isEmpty else {
                throw RubricError(file: file, path: key, "\(path):\(line): expected `wrong -> right`")
            }
            out.append((wrong, right))
        }
        return out
    }
}
