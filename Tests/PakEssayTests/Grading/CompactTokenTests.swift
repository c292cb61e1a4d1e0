import Testing

@testable import PakEssay

/// The tokens' compact arrays (`TokenFeatures.compact`): each token's key and flags, read from the tokens in one
/// pass, are what the tokens say; asked for by the word facts first or by the matcher first, they come out alike.
@Suite struct CompactTokenTests {
    static let text = """
        Q.1 Discuss the economy of Pakistan.

        In 1947 the economy was weak; Pakistan's leaders, i think, had few means: ñandu, Économie and 2,640 mills? \
        Yes. the imf came later.
        """

    /// The flags a token should have, worked out from the token itself (all but `initial`).
    static func expectedFlags(_ t: Token) -> UInt8 {
        typealias Flag = TokenFeatures.Flag
        switch t.kind {
        case .word: return Flag.word
        case .number: return 0
        case .punctuation:
            let marks: [String: UInt8] = [",": Flag.comma, ";": Flag.semicolon, ":": Flag.colon, "?": Flag.question]
            return Flag.punctuation | (marks[t.text] ?? 0)
        }
    }

    @Test func eachTokensKeyAndFlagsAreWhatTheTokenSays() throws {
        let c = try Fixtures.context(Self.text)
        let features = c.languageFeatures
        _ = features.wordFacts(c.tokens, c.lexicon)
        #expect(features.keys.count == c.tokens.count)
        #expect(features.flags.count == c.tokens.count)
        for (k, t) in c.tokens.enumerated() {
            #expect(features.keys[k] == t.key, "\(t.text)")
            #expect(features.flags[k] == Self.expectedFlags(t), "\(t.text)")
        }
        // The marks as the matcher reads them: the semicolon, the colon and the question mark once each, the
        // commas three times; "2,640" is a number, not a comma.
        typealias Flag = TokenFeatures.Flag
        for (mark, count) in [(Flag.semicolon, 1), (Flag.colon, 1), (Flag.question, 1), (Flag.comma, 3)] {
            #expect(features.flags.filter { $0 == Flag.punctuation | mark }.count == count, "\(mark)")
        }
        let number = try #require(c.tokens.firstIndex { $0.text == "2,640" })
        #expect(features.flags[number] == 0)
        let words = c.tokens.filter { $0.kind == .word }.count
        #expect(words > 20 && words == features.flags.filter { $0 == Flag.word }.count)
    }

    /// The one record per distinct word: every token's number names its key in `words`, each key is there
    /// once, and the closed classes read by number are those of the key looked up.
    @Test func eachDistinctKeyHasOneNumber() throws {
        let c = try Fixtures.context(Self.text + " The economy, the economy and THE ECONOMY.")
        let features = c.languageFeatures
        _ = LanguageMatcher(c)
        #expect(features.ids.count == c.tokens.count)
        #expect(Set(features.words).count == features.words.count)
        #expect(features.words.count == Set(c.tokens.map(\.key)).count)
        for (k, t) in c.tokens.enumerated() {
            let id = Int(features.ids[k])
            #expect(id >= 0 && id < features.words.count)
            #expect(features.words[id] == t.key, "\(t.text)")
            #expect(features.closed[k] == c.lexicon.wordClasses.mask(t.key), "\(t.text)")
        }
        // "economy" is written four times, once in capitals (the question is no part of the tokens), and numbered once.
        let economy = c.tokens.indices.filter { c.tokens[$0].lower == "economy" }
        #expect(economy.count == 4)
        #expect(Set(economy.map { features.ids[$0] }).count == 1)
    }

    @Test func theWordFactsFirstOrTheMatcherFirstGiveTheSameArrays() throws {
        let first = try Fixtures.context(Self.text)
        _ = first.languageFeatures.wordFacts(first.tokens, first.lexicon)
        _ = LanguageMatcher(first)
        let second = try Fixtures.context(Self.text)
        _ = LanguageMatcher(second)
        _ = second.languageFeatures.wordFacts(second.tokens, second.lexicon)
        #expect(first.languageFeatures.flags == second.languageFeatures.flags)
        #expect(first.languageFeatures.keys == second.languageFeatures.keys)
        #expect(first.languageFeatures.closed == second.languageFeatures.closed)
        #expect(first.languageFeatures.ids == second.languageFeatures.ids)
        #expect(first.languageFeatures.words == second.languageFeatures.words)
        // The matcher's sentence starts are marked whichever came first: "In", "Yes" and "the".
        let flags = second.languageFeatures.flags
        let initial = second.tokens.indices.filter { flags[$0] & TokenFeatures.Flag.initial != 0 }
        #expect(initial.count >= 3)
        #expect(initial.map { second.tokens[$0].text }.contains("Yes"))
    }
}
