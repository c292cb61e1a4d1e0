/// The keys a rubric file may hold, object by object. A key the format does not know is an error
/// naming its path, with the nearest known key when one is close (`maxMark`: did you mean `maxMarks`?).
enum RubricSchema {
    /// The keys of the rubric itself.
    static let top = [
        "format", "id", "version", "title", "extends", "maxMarks", "rounding", "findingsPerRule", "scale",
        "expectedWords", "bands", "lexicons", "relevance", "parts", "words", "remarks", "criteria", "gates",
        "directives",
    ]
    static let scale = ["ceiling", "exponent"]
    static let expectedWords = ["min", "max"]
    static let band = ["minShare", "label"]
    static let criterion = ["id", "title", "marks", "rules", "halfAt", "ceiling"]
    static let rule = ["rule", "weight", "gate", "params"]
    static let gate = ["rule", "criteria", "params"]
    static let directive = ["owes", "whenTwoSided", "sections"]

    /// Fails on the first unknown key of one file's tree, before any base is merged in, so the error
    /// names the file that holds it. Values of the wrong type are left to the decoder.
    static func check(_ root: JSONNode) throws(RubricError) {
        try check(root, known: top)
        try check(root.child("scale"), known: scale)
        try check(root.child("expectedWords"), known: expectedWords)
        for b in items(root.child("bands")) { try check(b, known: band) }
        try check(root.child("lexicons"), known: RubricDecoder.lexiconKeys, what: "word list")
        try check(root.child("words"), known: RubricDecoder.wordKeys, what: "word list")
        try check(root.child("relevance"), known: RubricDecoder.relevanceKeys.map(\.0), what: "relevance setting")
        try check(root.child("parts"), known: RubricDecoder.partKeys, what: "part setting")
        for c in items(root.child("criteria")) {
            try check(c, known: criterion)
            for r in items(c.child("rules")) { try check(r, known: rule) }
        }
        for g in items(root.child("gates")) { try check(g, known: gate) }
        if let names = try? root.child("directives").keys() {
            for name in names { try check(root.child("directives").child(name), known: directive) }
        }
    }

    /// Fails on the first key of an object that is not among `known`.
    static func check(_ node: JSONNode, known: [String], what: String = "key") throws(RubricError) {
        guard case .object(let pairs)? = node.value else { return }
        for (key, _) in pairs where !known.contains(key) {
            throw node.child(key).error("unknown \(what) (\(hint(key, among: known)))")
        }
    }

    /// "did you mean 'maxMarks'?" when a known key is close to `key`, or the known keys after `named`.
    static func hint(_ key: String, among known: [String], named: String = "known") -> String {
        if let near = nearest(key, among: known) { return "did you mean '\(near)'?" }
        return "\(named): \(known.joined(separator: ", "))"
    }

    /// The known word closest to `word`, if it is close enough to be a slip: case aside, at most a
    /// third of its letters differ (at least one).
    static func nearest(_ word: String, among known: [String]) -> String? {
        let lower = word.lowercased()
        let scored = known.map { ($0, slips(lower, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(1, min(word.count, best.0.count) / 3) ? best.0 : nil
    }

    /// Edit distance that counts two neighbouring letters swapped (`lable`, `titel`) as one slip.
    static func slips(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    private static func items(_ node: JSONNode) -> [JSONNode] { (try? node.array()) ?? [] }
}
