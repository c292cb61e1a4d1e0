/// A key term written with a hyphen in one place and a space in the other ("far-right" in the question,
/// "far right" in the answer, or the other way round) is the same term: each form's key is added to a
/// paragraph's keys where the other form stands.
enum HyphenVariants {
    /// Adds to each paragraph's keys the key of a hyphenated question term whose parts it writes apart, and
    /// the keys of a hyphenated word's parts that are question keys.
    static func add(
        questionTerms terms: [String], questionKeys keys: [String], tokens: [Token],
        paragraphs: [GradingContext.ParagraphInfo],
        to keysByParagraph: inout [TermSet]
    ) {
        guard !keys.isEmpty else { return }
        let joined = terms.filter { $0.contains("-") }.map { $0.split(separator: "-").map(String.init) }
            .filter { $0.count >= 2 }
        let asked = TermSet(keys)
        for (p, info) in paragraphs.enumerated() {
            for i in info.tokens where tokens[i].kind == .word {
                if tokens[i].hasHyphen {
                    // "far-right" in the answer names the question's "far" and "right".
                    for part in tokens[i].lower.split(separator: "-") {
                        let code = TermKey.code(String(part))
                        if asked.contains(code: code) { keysByParagraph[p].insert(code: code) }
                    }
                    continue
                }
                for parts in joined where tokens[i].lower == parts[0] && i + parts.count <= info.tokens.upperBound {
                    let apart = (1..<parts.count).allSatisfy { k in
                        tokens[i + k].kind == .word && TermKey.key(tokens[i + k].lower) == TermKey.key(parts[k])
                    }
                    if apart { keysByParagraph[p].insert(code: TermKey.code(parts.joined(separator: "-"))) }
                }
            }
        }
    }
}
