/// The sections a prepared answer carries that its question does not ask for: a section on Pakistan under a
/// question on another country's affairs ("Impact on Pakistan" under a question on women's rights in
/// Afghanistan). Examiners give such a section nothing, as they give nothing to a section on another topic.
/// On only when the rubric gives its `unaskedNames` (CSS Current Affairs: Pakistan; Pakistan Affairs, whose
/// every question is about Pakistan, sets the list empty).
extension GradingContext {
    /// Marks the units of `r` whose heading names one of the rubric's `unaskedNames` when the question names
    /// none of them: each stops being on the question, with the reason its finding gives. A unit already
    /// drifting keeps its own reason.
    static func markUnasked(
        _ r: inout RelevanceAnalysis, asked: [Token], sections: [SectionInfo], lexicon: Lexicon
    ) {
        let names = lexicon.cue("unaskedNames")
        guard names.count > 0, !holds(asked, names) else { return }
        for k in r.units.indices where r.units[k].onTopic {
            guard let s = r.units[k].section, let title = sections[s].section.title else { continue }
            let words = Tokenizer.tokens(of: [.text(title, at: SourcePosition(line: 1, column: 1))])
            guard let name = first(of: names, in: words) else { continue }
            r.units[k].onTopic = false
            r.units[k].unasked = "is about \(name), which the question does not ask about"
        }
    }

    /// The first phrase of `phrases` in `tokens`, named as a proper noun ("PAKISTAN'S" is "Pakistan").
    private static func first(of phrases: PhraseTable, in tokens: [Token]) -> String? {
        for i in tokens.indices where tokens[i].kind == .word {
            guard let n = phrases.match(tokens, at: i, limit: tokens.count) else { continue }
            return tokens[i..<(i + n)].map { token in
                var word = token.lower
                for suffix in ["'s", "’s"] where word.hasSuffix(suffix) { word.removeLast(2) }
                return word.prefix(1).uppercased() + word.dropFirst()
            }.joined(separator: " ")
        }
        return nil
    }
}
