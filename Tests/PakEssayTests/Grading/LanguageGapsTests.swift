import Testing

@testable import PakEssay

/// Slips found in real answers that the language rules missed (issue 14, helper lang14d), and the
/// matcher's start guard that lets a pattern skip the places where the word it needs is not near.
@Suite struct LanguageGapsTests {
    /// The excerpts and suggestions of one rule's findings on a paragraph.
    static func found(_ body: String, rule: String) throws -> [String] {
        try SpellingTests.findings(body, rule: rule).map { "\($0.excerpt) -> \($0.suggestion)" }
    }

    @Test func thereForTheirBeforeANounThatIsAlsoAVerbIsFound() throws {
        // 'jobs' and 'homes' are verbs too ('he homes in on'), which the context rule used to take for the
        // existential 'there' ('there remains').
        let rule = "language-confused-words"
        #expect(
            try Self.found("Thousands of workers lost there jobs in 2020.", rule: rule) == ["there -> Write 'their'."])
        #expect(
            try Self.found("The floods forced people to leave there homes.", rule: rule) == ["there -> Write 'their'."])
        #expect(try Self.found("Families went back to there homes.", rule: rule) == ["there -> Write 'their'."])
    }

    @Test func thereBeforeAVerbOfBeingOrASpanOfTimeStays() throws {
        let clean = """
            Millions left there years ago. The talks failed, and there remains little hope. Life in there \
            remains hard. Many people went there for work, and there lies the problem.
            """
        #expect(try Self.found(clean, rule: "language-confused-words") == [])
    }

    @Test func agreementAfterAnAdverbIsFound() throws {
        let rule = "language-grammar"
        #expect(
            try Self.found("My mother also say that education is the key.", rule: rule) == ["say -> Write 'says'."])
        #expect(
            try Self.found("The country often ignore the farmers of Sindh.", rule: rule)
                == ["ignore -> Write 'ignores'."])
    }

    @Test func agreementAfterAnAdverbLeavesTheSubjunctiveAndPluralsAlone() throws {
        let clean = """
            My mother also says that education is the key. It is vital that the government also take the \
            provinces along. The farmers also suffer, and the police often arrive late. The state never fails us.
            """
        #expect(try Self.found(clean, rule: "language-grammar") == [])
    }

    @Test func faithsSectsAndFeastsInLowercaseAreNames() throws {
        #expect(
            try Self.found("The christian and shia communities celebrate eid.", rule: "language-lowercase-start")
                == ["christian -> Write 'Christian'.", "shia -> Write 'Shia'.", "eid -> Write 'Eid'."])
        let clean = "The Christian, Shia and Sunni communities celebrate Eid in Ramazan's last days."
        #expect(try Self.found(clean, rule: "language-lowercase-start") == [])
        #expect(try Self.found(clean, rule: "language-spelling") == [])
    }

    @Test func wordsOfAClassDecideConfusionsWithoutAList() throws {
        let rule = "language-confused-words"
        #expect(
            try Self.found("Rising prices directly effect households.", rule: rule) == ["effect -> Write 'affect'."])
        #expect(try Self.found("Analysts advice Islamabad to save.", rule: rule) == ["advice -> Write 'advise'."])
        #expect(try Self.found("Pakistan needs technical advise now.", rule: rule) == ["advise -> Write 'advice'."])
        let clean = """
            The cabinet failed to effect changes. Officials often advise patience. They let loose a wave of \
            protests. Kashmir and its just cause matter.
            """
        #expect(try Self.found(clean, rule: rule) == [])
    }

    @Test func theStartGuardIsTheFirstWordListEveryMatchTakes() throws {
        let lexicon = Fixtures.rubric.lexicon
        let triggers = lexicon.grammarTriggers
        let n = try #require(lexicon.grammarPatterns.firstIndex { $0.id == "agreement-singular-noun" })
        // `^ [a] [b] [c] @nsg <have|are…>`: the verb is one to four tokens after the start.
        let guarded = try #require(triggers.startGuard(triggers.shapes[n]))
        #expect(guarded.nearest == 1 && guarded.farthest == 4)
        // A pattern of classes only has no word to guard it, but the first closed class every match takes,
        // where optional places before it let it stand: `^ @det-sg|@poss|the [a] [b] @nsg <verb> @object|@object-pron`.
        let classes = try #require(lexicon.grammarPatterns.firstIndex { $0.id == "agreement-singular-noun-verb" })
        let loose = try #require(triggers.startGuard(triggers.shapes[classes]))
        #expect(loose.row == -1 && loose.closedAt == 3 && loose.closedUpTo == 5)
        #expect(loose.closedMask == lexicon.wordClasses.bit("object") | lexicon.wordClasses.bit("object-pron"))
        // A closed class at a fixed distance: `-@det|@poss|@adj @modal [@adv-mid] [@adv-mid] <@vz>`.
        let modal = try #require(lexicon.grammarPatterns.firstIndex { $0.id == "modal-verb-form" })
        let fixed = try #require(triggers.startGuard(triggers.shapes[modal]))
        #expect(fixed.row == -1 && fixed.closedAt == 0 && fixed.closedUpTo == 0)
        #expect(fixed.closedMask == lexicon.wordClasses.bit("modal"))
    }

    @Test func theStartGuardKeepsASecondWordListAfterTheFirst() throws {
        let lexicon = Fixtures.rubric.lexicon
        let triggers = lexicon.confusionTriggers
        // `the <concern> authorities|…`: 'the' at the start, 'concern' one token on.
        let n = try #require(lexicon.confusionPatterns.firstIndex { $0.id == "concern-concerned-authorities" })
        let guarded = try #require(triggers.startGuard(triggers.shapes[n]))
        #expect(guarded.nearest == 0 && guarded.farthest == 0)
        #expect(guarded.second >= 0 && guarded.second != guarded.row)
        #expect(guarded.secondNearest == 1 && guarded.secondFarthest == 1)
        // `-here of|for|… <there> @noun…`: the place that looks behind takes no token.
        let noun = try #require(lexicon.confusionPatterns.firstIndex { $0.id == "there-their-for-noun" })
        let after = try #require(triggers.startGuard(triggers.shapes[noun]))
        #expect(after.nearest == 0 && after.secondNearest == 1 && after.secondFarthest == 1)
        // One word list only: no second.
        let grammar = lexicon.grammarTriggers
        let one = try #require(lexicon.grammarPatterns.firstIndex { $0.id == "agreement-singular-noun" })
        #expect(try #require(grammar.startGuard(grammar.shapes[one])).second == -1)
        // The second list turns the pattern away where the first alone would let it be tried, and the
        // pattern still fires where both stand.
        let rule = "language-confused-words"
        let found = try Self.found("The people wrote to the concern authorities.", rule: rule)
        #expect(found == ["concern -> Write 'concerned'."])
        #expect(try Self.found("The matter is a concern of the authorities.", rule: rule) == [])
    }

    @Test func theSentencesOfAnAnswerShareOneRunAndKeepTheirOwnFindings() throws {
        // The same slip in two sentences folds into one finding; the run's word numbers and classes are set
        // up once for all the sentences.
        let body = "The economy are weak. The relationship have changed. The economy are weak again."
        let found = try SpellingTests.findings(body, rule: "language-grammar")
        #expect(found.map(\.excerpt) == ["are", "have"])
        #expect(found.first?.count == 2)
    }
}
