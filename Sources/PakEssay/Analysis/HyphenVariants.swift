/// A key term written with a hyphen in one place and a space in the other ("far-right" in the question,
/// "far right" in the answer, or the other way round) is the same term: each form's key is added to a
/// paragraph's keys where the other form stands.
struct HyphenVariants {
    /// The parts of the question's hyphenated key terms.
    let joined: [[String]]
    /// The question's key terms.
    let asked: TermSet
    /// False when the question has no key terms: nothing is added.
    let active: Bool

    init(questionTerms terms: [String], questionKeys keys: [String]) {
        joined = terms.filter { $0.contains("-") }.map { $0.split(separator: "-").map(String.init) }
            .filter { $0.count >= 2 }
        asked = TermSet(keys)
        active = !keys.isEmpty
    }

    /// Adds to a paragraph's keys, for the word at `i` (before `end`), the keys of its parts that are
    /// question keys ("far-right" names the question's "far" and "right"), or the key of a hyphenated
    /// question term whose parts it starts writing apart ("far right" names 'far-right').
    func add(_ tokens: [Token], at i: Int, end: Int, to set: inout TermSet) {
        if tokens[i].hasHyphen {
            for part in tokens[i].lower.split(separator: "-") {
                let code = TermKey.code(String(part))
                if asked.contains(code: code) { set.insert(code: code) }
            }
            return
        }
        for parts in joined where tokens[i].lower == parts[0] && i + parts.count <= end {
            let apart = (1..<parts.count).allSatisfy { k in
                tokens[i + k].kind == .word && TermKey.key(tokens[i + k].lower) == TermKey.key(parts[k])
            }
            if apart { set.insert(code: TermKey.code(parts.joined(separator: "-"))) }
        }
    }
}
