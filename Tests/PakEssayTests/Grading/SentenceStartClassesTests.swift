import Testing

@testable import PakEssay

/// A capitalised word that opens a sentence is read by the language patterns as the common word it is
/// ("Trees", "Farmers"), not as a name, unless it is a name the lists know or starts a run of capitals
/// (issue 14, helper lang14f, item 1).
@Suite struct SentenceStartClassesTests {
    /// Each grammar finding on a paragraph (line 3 of the answer) as "line:column message".
    static func placed(_ body: String) throws -> [String] {
        try SpellingTests.findings(body, rule: "language-grammar").map {
            "\($0.range.start.line):\($0.range.start.column)-\($0.range.end.column) \($0.message)"
        }
    }

    @Test func aPluralNounOpeningASentenceTakesAVerbWithoutS() throws {
        let plural = "a plural subject takes a verb without -s"
        #expect(try Self.placed("Trees gives us oxygen.") == ["3:7-12 'gives' should be 'give': \(plural)"])
        #expect(try Self.placed("Farmers grows wheat.") == ["3:9-14 'grows' should be 'grow': \(plural)"])
        #expect(
            try Self.placed("The land is fertile. Floods destroys crops.")
                == ["3:29-37 'destroys' should be 'destroy': \(plural)"])
    }

    @Test func aPluralNounOpeningASentenceTakesAPluralVerb() throws {
        #expect(
            try Self.placed("Reforms has failed to curb inflation.")
                == ["3:9-12 'has' should be 'have': a plural subject takes a plural verb"])
    }

    @Test func namesOpeningASentenceStayNames() throws {
        let clean = """
            Pakistan has many rivers. Jinnah was a lawyer. China needs oil. English is taught in schools. \
            IMF loans carry conditions. United States has changed its policy. Trees give us oxygen. Farmers \
            grow wheat. Floods destroy crops. Reforms have failed.
            """
        #expect(try Self.placed(clean) == [])
    }

    @Test func onlyTheFirstWordOfASentenceIsReadAsACommonWord() throws {
        let context = try Fixtures.context(
            "Q.1 Discuss.\n\nTrees grow. The Farmers grow. Pakistan grows. United Nations grows.\n")
        let matcher = LanguageMatcher(context)
        func reads(_ word: String) throws -> Bool {
            let k = try #require(context.tokens.firstIndex { $0.text == word })
            return matcher.readsAsCapitalised(k)
        }
        #expect(try !reads("Trees"))
        #expect(try reads("Farmers"))
        #expect(try reads("Pakistan"))
        #expect(try reads("United"))
    }
}
