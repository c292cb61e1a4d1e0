/// The cue lists of the rubric each sentence holds: every phrase found in it (each list matched greedily,
/// longest first, as if alone, and never past the sentence's end), and whether it starts at the sentence's
/// first word. Worked out once per answer, in the pass that counts the lists by paragraph.
struct SentenceCues: Sendable {
    /// Where each sentence's phrases start in `found`, and (last) where the last one's end.
    private var starts: [Int] = [0]
    /// Each phrase found, sentence by sentence: its list's tag (its place in `Lexicon.cueNames`) times two,
    /// plus one when it starts at the sentence's first word.
    private var found: [UInt32] = []

    /// How many phrases of the list tagged `tag` sentence `s` holds.
    func count(_ tag: Int, in s: Int) -> Int {
        found[starts[s]..<starts[s + 1]].reduce(0) { $0 + ($1 >> 1 == tag ? 1 : 0) }
    }

    /// True when sentence `s` holds a phrase of the list tagged `tag` (at its first word, when `opening`).
    func has(_ tag: Int, in s: Int, opening: Bool = false) -> Bool {
        let code = UInt32(tag) << 1
        return found[starts[s]..<starts[s + 1]].contains { opening ? $0 == code | 1 : $0 & ~1 == code }
    }

    /// Adds a phrase of the list tagged `tag` to the sentence being read.
    mutating func add(_ tag: Int, opening: Bool) {
        found.append(UInt32(tag) << 1 | (opening ? 1 : 0))
    }

    /// Closes the sentence being read: the phrases added since the last close are its.
    mutating func close() {
        starts.append(found.count)
    }
}

/// Counts every cue list of the rubric in one pass over the body: by paragraph (phrases matched within the
/// paragraph) and by sentence (within the sentence; see `SentenceCues`).
enum CueCounter {
    /// The counts of each list by paragraph, by the list's name, and each sentence's phrases.
    static func count(
        _ tokens: [Token], paragraphs: [GradingContext.ParagraphInfo], sentences: [GradingContext.SentenceInfo],
        lexicon: Lexicon
    ) -> (byParagraph: [String: [Int]], bySentence: SentenceCues) {
        let names = lexicon.cueNames
        var perTag = [[Int]](repeating: [Int](repeating: 0, count: paragraphs.count), count: names.count)
        var nextFree = [Int](repeating: 0, count: names.count)
        // A phrase found within a sentence ends within it, so the next sentence needs no reset of these.
        var sentenceFree = [Int](repeating: 0, count: names.count)
        var bySentence = SentenceCues()
        let cueIndex = lexicon.cueIndex
        for (p, info) in paragraphs.enumerated() {
            for t in nextFree.indices { nextFree[t] = info.tokens.lowerBound }
            for s in info.sentences {
                let range = sentences[s].tokens
                let first = range.first { tokens[$0].kind != .punctuation }
                for i in range where tokens[i].kind != .punctuation {
                    cueIndex.matchesByTag(tokens, at: i, limit: info.tokens.upperBound) { tag, length in
                        if i >= nextFree[tag] {
                            perTag[tag][p] += 1
                            nextFree[tag] = i + length
                        }
                        guard i >= sentenceFree[tag],
                            let fits = i + length <= range.upperBound
                                ? length : Self.length(of: tag, tokens, at: i, limit: range.upperBound, cueIndex)
                        else { return }
                        bySentence.add(tag, opening: i == first)
                        sentenceFree[tag] = i + fits
                    }
                }
                bySentence.close()
            }
        }
        var byParagraph: [String: [Int]] = [:]
        for (tag, name) in names.enumerated() { byParagraph[name] = perTag[tag] }
        return (byParagraph, bySentence)
    }

    /// The longest phrase of the list tagged `tag` at `tokens[i]` within `limit`, or nil: asked only when its
    /// longest within the paragraph runs past the sentence's end (a phrase that holds a full stop).
    private static func length(of tag: Int, _ tokens: [Token], at i: Int, limit: Int, _ index: PhraseTable) -> Int? {
        var out: Int?
        index.matchesByTag(tokens, at: i, limit: limit) { t, length in
            if t == tag { out = length }
        }
        return out
    }
}
