import Testing

@testable import PakEssay

/// Every language pattern's own examples (Rubrics/lexicons/grammar.txt and confusion-sets.txt): a `fires`
/// example is found where its brackets say, with the fix it gives; a `passes` example is not found.
@Suite struct LanguagePatternTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: String
        let pattern: String
        let sentence: String
        let wrong: String?
        let fix: String?
        var testDescription: String { "\(pattern): \(wrong == nil ? "passes" : "fires") \(sentence)" }
    }

    static let cases: [Case] = {
        let lexicon = Fixtures.rubric.lexicon
        let sets: [(String, [LanguagePattern])] = [
            ("language-grammar", lexicon.grammarPatterns), ("language-confused-words", lexicon.confusionPatterns),
        ]
        return sets.flatMap { rule, patterns in
            patterns.flatMap { p in
                p.examples.map { Case(rule: rule, pattern: p.id, sentence: $0.sentence, wrong: $0.wrong, fix: $0.fix) }
            }
        }
    }()

    @Test func theShippedFilesHavePatternsWithExamplesOfBothKinds() {
        let lexicon = Fixtures.rubric.lexicon
        #expect(lexicon.grammarPatterns.count >= 15)
        #expect(lexicon.confusionPatterns.count >= 20)
        for p in lexicon.grammarPatterns + lexicon.confusionPatterns {
            #expect(p.examples.contains { $0.wrong != nil }, "\(p.id) has no firing example")
            #expect(p.examples.contains { $0.wrong == nil }, "\(p.id) has no passing example")
        }
    }

    @Test(arguments: cases)
    func example(_ c: Case) throws {
        let rule = try #require(RuleRegistry.rule(c.rule)).make(.defaults).get()
        let found = try LanguageSetTests.findings(c.sentence, rules: [rule])
        guard let wrong = c.wrong else {
            #expect(found.isEmpty, "\(found.map(\.message))")
            return
        }
        let place = try #require(LanguageSetTests.columns(of: wrong, in: c.sentence))
        let hit = found.first { LanguageSetTests.covers($0, place) }
        #expect(hit != nil, "not found; found \(found.map(\.message))")
        if let fix = c.fix, let hit { #expect(LanguageSetTests.replacement(hit) == fix) }
    }

    @Test(arguments: [
        (
            [(1, "rule x"), (2, "match @nosuchclass <a>"), (3, "say s")],
            "r.json: at g: line 2: cannot read the pattern"
        ),
        (
            [(1, "rule x"), (2, "match a"), (3, "match @nosuchclass"), (4, "say s")],
            "r.json: at g: line 2: cannot read the pattern `a @nosuchclass`"
        ),
        ([(1, "match a"), (2, "say b")], "r.json: at g: line 1: expected `rule NAME` first"),
        ([(1, "rule x"), (2, "match <a>")], "r.json: at g: line 1: the rule `x` needs `match` and `say`"),
        ([(1, "rule x"), (2, "when sometimes")], "r.json: at g: line 2: unknown condition `sometimes`"),
        ([(1, "rule x"), (2, "hint h")], "r.json: at g: line 2: unknown key `hint`"),
    ])
    func aBadPatternFileIsARubricError(_ lines: [(Int, String)], _ message: String) throws {
        let classes = Fixtures.rubric.lexicon.wordClasses
        do {
            _ = try LanguagePatternReader.read(lines.map { ($0.0, $0.1) }, classes: classes, file: "r.json", at: "g")
            Issue.record("no error")
        } catch {
            #expect(error.message.hasPrefix(message), "got: \(error.message)")
        }
    }

    @Test func aBadClassLineIsARubricError() {
        var classes = WordClasses()
        #expect(throws: RubricError.self) { try classes.addClosed([(4, "det the a")], file: "r.json", at: "w") }
    }

    /// The excerpts `language-grammar` finds in a sentence with one pattern of the given lines.
    static func excerpts(_ lines: [String], in sentence: String) throws -> [String] {
        var lexicon = Fixtures.rubric.lexicon
        let entries = (["rule t"] + lines + ["say s"]).enumerated().map { (line: $0.offset + 1, text: $0.element) }
        lexicon.grammarPatterns = try LanguagePatternReader.read(
            entries, classes: lexicon.wordClasses, file: "r.json", at: "g")
        let text = "Q.1 Discuss the affairs of Pakistan.\n\n" + sentence + "\n"
        let answer = try #require(try EssayParser.parse(text: text, source: "t.txt").answers.first)
        let context = GradingContext(answer: answer, lexicon: lexicon, expectedWords: Fixtures.rubric.expectedWords)
        let rule = try #require(RuleRegistry.rule("language-grammar")).make(.defaults).get()
        return rule.evaluate(context).findings.map(\.excerpt)
    }

    @Test func anOptionalPlaceTakenIsSkippedWhenTheRestThenFails() throws {
        #expect(
            try Self.excerpts(["match <alpha [beta] beta> gamma"], in: "We saw alpha beta gamma here.") == [
                "alpha beta"
            ])
        #expect(
            try Self.excerpts(["match <alpha [beta] beta> gamma"], in: "We saw alpha beta beta gamma.") == [
                "alpha beta beta"
            ])
        #expect(try Self.excerpts(["match <alpha [beta] beta> gamma"], in: "We saw alpha gamma here.").isEmpty)
    }

    @Test func aPatternOverSeveralMatchLinesIsReadAsOne() throws {
        let split = ["match <alpha [beta]", "match beta> gamma"]
        #expect(try Self.excerpts(split, in: "We saw alpha beta gamma here.") == ["alpha beta"])
        #expect(try Self.excerpts(split, in: "We saw alpha beta beta gamma.") == ["alpha beta beta"])
        #expect(try Self.excerpts(split, in: "We saw alpha gamma here.").isEmpty)
    }

    @Test func aPlaceThatLooksBehindTestsTheTokenBeforeOnly() throws {
        let lines = ["match -not|never <alpha> beta"]
        #expect(try Self.excerpts(lines, in: "We saw alpha beta here.") == ["alpha"])
        #expect(try Self.excerpts(lines, in: "We did not alpha beta here.").isEmpty)
        #expect(try Self.excerpts(lines, in: "Alpha beta came first.") == ["Alpha"])
    }

    @Test func aPatternIsTriedOnlyInASentenceHoldingAWordOfEachListItRequires() throws {
        let classes = Fixtures.rubric.lexicon.wordClasses
        let patterns = try LanguagePatternReader.read(
            [(1, "rule r"), (2, "match of|for <there> [@adj] own"), (3, "say s")], classes: classes, file: "r.json",
            at: "g")
        let compiled = PatternTriggers(patterns)
        func tried(_ words: [String]) -> Bool {
            compiled.candidates(met: compiled.requirementsMet(by: words.map(WordKey.of))) & 1 != 0
        }
        #expect(tried(["for", "there", "own"]))
        // Before, only the first list set a pattern off: any sentence with "of" tried this one.
        #expect(!tried(["of", "the", "people"]))
        #expect(!tried(["there", "own"]))
        #expect(!tried(["of", "their", "own"]))
    }

    @Test func aPatternLateInALongFileKeepsEveryListItRequires() throws {
        // Forty-nine patterns of two lists each and a fiftieth of three: 149 lists. With 64 bits the last
        // pattern kept only its first list ('the') and was tried in every sentence holding 'the'.
        let classes = Fixtures.rubric.lexicon.wordClasses
        var lines: [(Int, String)] = []
        for n in 0..<49 {
            lines += [(3 * n + 1, "rule r\(n)"), (3 * n + 2, "match w\(n)a <w\(n)b>"), (3 * n + 3, "say s")]
        }
        lines += [(200, "rule last"), (201, "match the <concern> authorities|officials"), (202, "say s")]
        let compiled = PatternTriggers(try LanguagePatternReader.read(lines, classes: classes, file: "r", at: "g"))
        func tried(_ words: [String]) -> Bool {
            compiled.candidates(met: compiled.requirementsMet(by: words.map(WordKey.of))) & 1 << 49 != 0
        }
        #expect(tried(["the", "concern", "authorities"]))
        #expect(!tried(["the", "people", "wrote"]))
        #expect(!tried(["the", "concern", "was", "raised"]))
        // The first patterns keep both their lists, as before.
        let first = compiled.candidates(met: compiled.requirementsMet(by: ["w0a", "w0b"].map(WordKey.of)))
        #expect(first & 1 != 0)
        #expect(compiled.candidates(met: compiled.requirementsMet(by: ["w0a"].map(WordKey.of))) & 1 == 0)
    }

    @Test func repeatedSlipsFoldIntoOneFindingWithTheirCount() throws {
        let rule = try #require(RuleRegistry.rule("language-grammar")).make(.defaults).get()
        let found = try LanguageSetTests.findings(
            "The tax may annoys traders. The levy may annoys farmers. The cess may annoys everyone.", rules: [rule])
        #expect(found.count == 1)
        #expect(found.first?.count == 3)
        #expect(found.first?.message.hasSuffix("(3 times)") == true)
    }
}
