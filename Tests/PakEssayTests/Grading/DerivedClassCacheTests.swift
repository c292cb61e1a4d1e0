import Testing

@testable import PakEssay

/// Words' derived classes are worked out once for every answer graded with a lexicon, and read back by
/// the next answer; a lexicon whose word classes change starts again.
@Suite struct DerivedClassCacheTests {
    static let sentence = "The relationship have been converging for a decade."

    /// The grammar findings of the sentence graded with `lexicon`, as messages.
    static func grammar(_ lexicon: Lexicon) throws -> [String] {
        let text = "Q.1 Discuss the affairs of Pakistan.\n\n" + sentence + "\n"
        let answer = try #require(try EssayParser.parse(text: text, source: "set.txt").answers.first)
        let context = GradingContext(answer: answer, lexicon: lexicon, expectedWords: Fixtures.rubric.expectedWords)
        let rule = try #require(RuleRegistry.rule("language-grammar")).make(.defaults).get()
        return rule.evaluate(context).findings.map(\.message)
    }

    @Test func aSecondAnswerReadsTheClassesTheFirstWorkedOut() throws {
        var lexicon = Fixtures.rubric.lexicon
        // A cache of its own, empty.
        lexicon.wordClasses = Fixtures.rubric.lexicon.wordClasses
        let key = WordKey.of("relationship")
        #expect(lexicon.derivedClassCache[key] == 0)
        let first = try Self.grammar(lexicon)
        #expect(first.count == 1 && first[0].hasPrefix("'have' should be 'has'"), "\(first)")
        let learnt = lexicon.derivedClassCache[key]
        #expect(learnt & UInt64(LanguageMatcher.tagsDone) != 0)
        #expect(try Self.grammar(lexicon) == first)
        // Read back, not worked out again: classes that make 'relationship' no noun silence the pattern.
        var poisoned = Fixtures.rubric.lexicon
        poisoned.wordClasses = lexicon.wordClasses
        let done = LanguageMatcher.tagsDone | LanguageMatcher.stemsDone | LanguagePattern.Derived.lower.bit
        poisoned.derivedClassCache.merge(key, UInt64(done | LanguagePattern.Derived.word.bit))
        #expect(try Self.grammar(poisoned).isEmpty)
    }

    @Test func changedWordClassesStartAFreshCache() throws {
        var lexicon = Fixtures.rubric.lexicon
        lexicon.wordClasses = Fixtures.rubric.lexicon.wordClasses
        _ = try Self.grammar(lexicon)
        let key = WordKey.of("relationship")
        #expect(lexicon.derivedClassCache[key] != 0)
        var changed = lexicon
        changed.wordClasses.openTable = nil
        #expect(changed.derivedClassCache[key] == 0)
        #expect(lexicon.derivedClassCache[key] != 0)
        var renamed = lexicon
        renamed.properKeys = WordKeyMap()
        #expect(renamed.derivedClassCache[key] == 0)
    }

    /// A new cache allocates its table at the first word; words past that table's first room are kept too.
    @Test func aCacheKeepsEveryWordPastItsFirstRoom() {
        let cache = DerivedClassCache()
        let keys = (1...(DerivedClassCache.firstCapacity * 3)).map { WordKey.of("word\($0)") }
        #expect(cache[keys[0]] == 0)
        for (n, key) in keys.enumerated() { cache.merge(key, UInt64(n + 1)) }
        cache.merge(keys[0], 0x100)
        let read = keys.map { cache[$0] }
        #expect(read == keys.indices.map { UInt64($0 + 1) | ($0 == 0 ? 0x100 : 0) })
        #expect(cache[WordKey.of("unseen")] == 0)
    }
}
