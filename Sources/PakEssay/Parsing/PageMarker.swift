/// Recognises page-marker lines: `[page 3]` or `--- page 3 ---` (any case, any number of dashes).
enum PageMarker {
    /// The page number when the line is a page marker (`.some(nil)` for a marker without a number).
    static func match(_ line: SourceLine) -> Int?? {
        // Most lines are prose: look at the first character before building any string.
        let count = line.count
        guard count < 64, let start = line.firstVisible else { return nil }
        let first = line.scalar(at: start)
        if first == "-" {
            // `--- page 3 ---`: a bullet point (`- a point`) is ruled out on its second character.
            guard start + 1 < count, line.scalar(at: start + 1) == "-" else { return nil }
        } else {
            guard first == "[" else { return nil }
            var k = start + 1
            while k < count, line.scalar(at: k).isTranscriptSpace { k += 1 }
            guard k < count, line.scalar(at: k) == "p" || line.scalar(at: k) == "P" else { return nil }
        }
        let text = line.text.trimmingSpace().lowercased()
        var body: Substring
        if text.hasPrefix("["), text.hasSuffix("]") {
            body = text.dropFirst().dropLast()
        } else if text.hasPrefix("--"), text.hasSuffix("--") {
            body = Substring(text.trimmingCharacters(in: "-"))
        } else {
            return nil
        }
        body = Substring(String(body).trimmingSpace())
        guard body.hasPrefix("page") else { return nil }
        let rest = String(body.dropFirst(4)).trimmingSpace()
        if rest.isEmpty { return .some(nil) }
        guard rest.count <= 5, let page = Int(rest) else { return nil }
        return .some(page)
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
