/// The sections a prepared answer carries that its question does not ask for: a section on Pakistan under a
/// question on another country's affairs ("Impact on Pakistan" under a question on women's rights in
/// Afghanistan). Examiners give such a section nothing, as they give nothing to a section on another topic.
/// On only when the rubric gives its `unaskedNames` (CSS Current Affairs: Pakistan; Pakistan Affairs, whose
/// every question is about Pakistan, and the essay rubrics set the list empty).
extension GradingContext {
    /// Marks the units of `r` whose heading names one of the rubric's `unaskedNames` when the question names
    /// none of them, itself or through an acronym's full name ("CPEC"): each stops being on the question,
    /// with the reason its finding gives. A unit already drifting keeps its own reason.
    static func markUnasked(
        _ r: inout RelevanceAnalysis, question: String, sections: [SectionInfo], lexicon: Lexicon
    ) {
        let names = Set(lexicon.cue("unaskedNames").allFirstWords)
        guard !names.isEmpty else { return }
        // The headings first: the question is read only when one of them names a name.
        var named: [(unit: Int, name: String)] = []
        for k in r.units.indices where r.units[k].onTopic {
            guard let s = r.units[k].section, let title = sections[s].section.title,
                let name = nameWords(title).first(where: names.contains)
            else { continue }
            named.append((k, name))
        }
        guard !named.isEmpty else { return }
        let model = lexicon.topicModel
        var asked = nameWords(question)
        for f in model.dataFeatures(of: question) {
            if let a = model.acronymByFeature[f] { asked += nameWords(model.acronyms[a].namesText) }
        }
        guard !asked.contains(where: names.contains) else { return }
        for (k, name) in named {
            r.units[k].onTopic = false
            r.units[k].unasked =
                "is about \(name.prefix(1).uppercased() + name.dropFirst()), which the question does not ask about"
        }
    }

    /// A short text's ASCII words in lowercase, split at every other byte (a hyphen, a dash, an apostrophe,
    /// straight or curly), so that "Pak-Afghan", "PAKISTAN’S" and "India–Pakistan" give "pak", "pakistan" and
    /// "pakistan". Read on bytes: it runs on every heading.
    static func nameWords(_ text: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x61...0x7A: word.append(byte)
            case 0x41...0x5A: word.append(byte | 0x20)
            default:
                if !word.isEmpty {
                    words.append(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }
}
