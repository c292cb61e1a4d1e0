import Testing

@testable import PakEssay

/// `language-repeated-word` on a word doubled again and again: each pair's texts are made once for a run of
/// pairs written alike, and a word is looked for in the lists it reads by its key (`KeyList`) before any
/// string is hashed.
@Suite struct RepeatedWordRunTests {
    static func findings(_ body: String) throws -> [Finding] {
        try Fixtures.grade("Q.1 Discuss the economy of Pakistan.\n\n" + body).findings.filter {
            $0.rule == "language-repeated-word"
        }
    }

    @Test func aColumnOfOneLetterParagraphsGivesEveryPairItsFinding() throws {
        // 60 one-letter paragraphs, joined into one across the page turns: 59 pairs, 50 listed and 9 folded.
        let found = try Self.findings(String(repeating: "a\n\n", count: 60))
        #expect(found.count == 51)
        #expect(found.reduce(0) { $0 + $1.count } == 59)
        for (k, f) in found.prefix(50).enumerated() {
            #expect(f.excerpt == "a a" && f.message == "'a' is written twice" && f.suggestion == "Strike one 'a'.")
            #expect(f.range.start.line == 3 + 2 * k && f.range.end.line == 5 + 2 * k)
        }
        #expect(found.last?.message == "9 more like the 50 listed, from line 103 to line 119: 'a' is written twice")
    }

    @Test func eachPairKeepsItsOwnTextsWhenTheWrittenFormChanges() throws {
        // The same lowercase word in three written forms, and a second word between: no pair takes the texts
        // of the one before.
        let found = try Self.findings(
            "The the plan failed. The The plan failed again, and the the rupee fell and fell fell further.")
        #expect(found.map(\.excerpt) == ["The the", "The The", "the the", "fell fell"])
        #expect(
            found.map(\.message) == [
                "'The' is written twice", "'The' is written twice", "'the' is written twice", "'fell' is written twice",
            ])
        #expect(
            found.map(\.suggestion) == [
                "Strike one 'The'.", "Strike one 'The'.", "Strike one 'the'.", "Strike one 'fell'.",
            ])
    }

    @Test func listedWordsStillPassAndOthersStillFire() throws {
        // 'had had' (allowed), 'win win' (reduplicated) and a cry after 'shouting' are no slips; 'the the' is.
        let found = try Self.findings(
            "Inflation had had a long history. It is a win win deal. He was shouting help help. It is the the end.")
        #expect(found.map(\.excerpt) == ["the the"])
    }

    @Test func aKeyListHoldsItsWordsKeysAndNoOthers() {
        let lists: [[String]] = [
            ["had", "that"], Array(LanguageRepeatedWord.reduplicated),
            ["shout", "shouts", "shouted", "shouting", "cry", "cries", "cried", "crying", "scream", "yell", "call"],
        ]
        let common = ["a", "the", "of", "and", "to", "in", "is", "it", "was", "for", "on", "are", "with", "as"]
        for list in lists {
            let keys = KeyList(list)
            for word in list { #expect(keys.mayHold(WordKey.of(word)), "\(word)") }
            for word in common where !list.contains(word) { #expect(!keys.mayHold(WordKey.of(word)), "\(word)") }
            // One bit a word at most.
            #expect(keys.bits.nonzeroBitCount <= list.count)
        }
        let empty = KeyList([String]())
        #expect(empty.bits == 0 && !empty.mayHold(WordKey.of("the")))
    }
}
