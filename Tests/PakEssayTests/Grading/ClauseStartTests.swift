import Testing

@testable import PakEssay

/// A language pattern that starts with `^` is tried only at the sentence's clause starts (issue 14, helper
/// perf14i); the capitals rule reads a word's "'s" on its last bytes. Both must find what the full
/// readings found.
@Suite struct ClauseStartTests {
    /// The words each grammar hit marks, sentence by sentence and left to right, with their token indices.
    static func marked(_ body: String) throws -> [String] {
        let context = try Fixtures.context("Q.1 Discuss the economy.\n\n" + body + "\n")
        let matcher = LanguageMatcher(context)
        let hits = matcher.hits(
            context.lexicon.grammarPatterns, context.lexicon.grammarTriggers, in: context.sentences.map(\.tokens))
        return hits.map { hit in
            context.tokens[hit.from..<hit.to].map(\.text).joined(separator: " ") + "@\(hit.from)"
        }
    }

    @Test func anchoredPatternsFireAtEveryKindOfClauseStart() throws {
        // At the sentence's start, after a comma, and after a word that opens a clause ('that', 'since').
        let text = """
            The economy are recovering. After the floods, the economy are recovering. He said that the \
            economy are recovering. Since the reset, the relationship have improved.
            """
        #expect(try Self.marked(text) == ["are@2", "are@11", "are@19", "have@28"])
    }

    @Test func anchoredPatternsDoNotFireInsideAClause() throws {
        // 'the economy are' after 'and' without a comma, or after a verb, is no clause start.
        #expect(try Self.marked("Growth and the economy are recovering.") == [])
        #expect(try Self.marked("The economy is recovering and the relationship has improved.") == [])
    }

    @Test func aMatchEndsBeforeTheNextClauseStartIsTried() throws {
        // Two clause starts in one sentence, each with its own error: both are found, in order.
        let text = "The economy are recovering, and the relationship have improved, the reset are working."
        let found = try Self.marked(text)
        #expect(found.count == 2)
        #expect(found.first == "are@2")
        #expect(found.last == "are@13")
    }

    @Test func apostropheSIsReadOnTheLastBytes() {
        func reference(_ text: String) -> Bool {
            let u = Array(text.utf8)
            guard u.count >= 2, u[u.count - 1] == UInt8(ascii: "s") else { return false }
            return u[u.count - 2] == UInt8(ascii: "'") || u[u.count - 2] == 0x99
        }
        let words = [
            "pakistan's", "pakistan’s", "Jinnah's", "s", "'s", "’s", "its", "bus", "", "it'", "a's", "crisis",
            "nation’s", "nations’", "café's", "ß's", "a long name written out in full, more than fifteen bytes's",
        ]
        for word in words {
            #expect(NameCapitals.endsInApostropheS(word) == reference(word), "\(word)")
        }
        #expect(NameCapitals.endsInApostropheS("pakistan's"))
        #expect(NameCapitals.endsInApostropheS("pakistan’s"))
        #expect(!NameCapitals.endsInApostropheS("its"))
        #expect(!NameCapitals.endsInApostropheS("s"))
    }
}
