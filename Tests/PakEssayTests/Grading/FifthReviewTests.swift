import Testing

@testable import PakEssay

/// The false language findings of the fifth finding review (batch g, SampleEssays/panel.json
/// `findingReview5`), issue 14 helper lang14e: each cause fixed has a case that fires, pinned by line,
/// column and message, and one that must not.
@Suite struct FifthReviewTests {
    /// "line:column message" of one rule's findings on a body written as an answer's paragraphs.
    static func found(_ body: String, rule: String = "language-grammar") throws -> [String] {
        try SpellingTests.findings(body, rule: rule).map {
            "\($0.range.start.line):\($0.range.start.column) \($0.message)"
        }
    }

    @Test func aSlipInAStoryOfThePastTakesThePastForm() throws {
        // The cue in the sentence itself ('was'), in the sentence before ('were'), or 'once', 'yesterday',
        // 'last year' and 'in 1920'.
        #expect(
            try Self.found("Ali was selfish and he run up a tree.")
                == [
                    "3:24 'run' should be 'ran': the passage tells of the past ('was' in this sentence), so the verb "
                        + "takes its past"
                ])
        #expect(
            try Self.found("People were running to the trains. My father give our two bags to a coolie.")
                == [
                    "3:46 'give' should be 'gave': the passage tells of the past ('were' in the sentence before), so "
                        + "the verb takes its past"
                ])
        #expect(
            try Self.found("Once I forget my lunch box and he give me half of his paratha.")
                == [
                    "3:35 'give' should be 'gave': the passage tells of the past ('Once' in this sentence), so the "
                        + "verb takes its past"
                ])
        #expect(
            try Self.found("Yesterday she tell us about the floods.")
                == [
                    "3:15 'tell' should be 'told': the passage tells of the past ('Yesterday' in this sentence), so "
                        + "the verb takes its past"
                ])
        #expect(
            try Self.found("Last year he visit Lahore with his uncle.")
                == [
                    "3:14 'visit' should be 'visited': the passage tells of the past ('Last year' in this sentence), "
                        + "so the verb takes its past"
                ])
        #expect(
            try Self.found("In 1920 he launch a movement against the British.")
                == [
                    "3:12 'launch' should be 'launched': the passage tells of the past ('In 1920' in this sentence), "
                        + "so the verb takes its past"
                ])
        // An irregular past that is no participle: 'lay', not 'lain'.
        #expect(
            try Self.found("Ahmed was very afraid. Then he lie down on the ground.")
                == [
                    "3:32 'lie' should be 'lay': the passage tells of the past ('was' in the sentence before), so "
                        + "the verb takes its past"
                ])
    }

    @Test func aSlipInThePresentStillTakesTheFormWithS() throws {
        // The sentence before is in the present; a present cue nearer the slip wins over a past one further off.
        #expect(
            try Self.found("Miss Saima is punctual. When she enter the class we stand up.")
                == [
                    "3:34 'enter' should be 'enters': 'he' and 'she' take a verb with -s ('he fails'), or the past "
                        + "('he failed') in a story of the past"
                ])
        #expect(
            try Self.found("She was ill in May, but now she teach us again.")
                == [
                    "3:33 'teach' should be 'teaches': 'he' and 'she' take a verb with -s ('he fails'), or the past "
                        + "('he failed') in a story of the past"
                ])
        // A cue in another paragraph does not count.
        #expect(
            try Self.found("He was ill.\n\nShe teach us English.")
                == [
                    "5:5 'teach' should be 'teaches': 'he' and 'she' take a verb with -s ('he fails'), or the past "
                        + "('he failed') in a story of the past"
                ])
    }

    @Test func aPastFormThatIsAWordOfItsOwnIsNoBareVerb() throws {
        // 'saw', 'found', 'left' and 'felt' are verbs and nouns too, but after a name or 'he' they are pasts.
        let clean = """
            Gandhi saw a chance of unity against the British. Jinnah left the Congress in 1920. He felt that its \
            methods would divide the nation, and she found a school at Aligarh.
            """
        #expect(try Self.found(clean) == [])
    }

    @Test func aSoftCForAnSIsTheLikelierSpelling() throws {
        // "a big noice": 'nice' and 'noise' are one edit away and as common; a soft 'c' for an 's' is the
        // slip of the ear.
        let f = try SpellingTests.findings("The noice at the station was very much.")
        #expect(
            f.map { "\($0.range.start.line):\($0.range.start.column) \($0.message) \($0.suggestion)" }
                == ["3:5 'noice' is misspelt; it may also be 'nice' or 'notice' Write 'noise'."])
    }

    @Test func aQuotedQuestionAndAListLabelStartNoSentence() throws {
        let rule = "language-lowercase-start"
        #expect(try Self.found("The question \"What will you become?\" is asked early.", rule: rule) == [])
        #expect(try Self.found("(e) Capacity building: training for councillors.", rule: rule) == [])
        #expect(try Self.found("iv) Land reform: a ceiling on holdings.", rule: rule) == [])
        // A question not in quotation marks ends its sentence.
        #expect(
            try Self.found("Why does Pakistan need loans? because its reserves are low.", rule: rule)
                == ["3:31 the sentence \"because its reserves are low.…\" starts with a lowercase letter"])
    }

    @Test func aCapitalsHabitIsOneFindingThatCountsItsSlips() throws {
        let body = "there names were Ali and ahmed. one day ahmed and i went out. then i saw a bear."
        let f = try SpellingTests.findings(body, rule: "language-lowercase-start")
        #expect(
            f.map { "\($0.range.start.line):\($0.range.start.column) \($0.message) [\($0.count)]" } == [
                "3:1 the sentence \"there names were Ali and ahmed…\" starts with a lowercase letter "
                    + "(and 2 more) [3]",
                "3:26 'ahmed' is a name and keeps its capitals (2 times) [2]",
                "3:51 the pronoun 'i' is written 'I' (2 times) [2]",
            ])
        // A sentence that starts with a name goes with that name's findings.
        #expect(
            try Self.found("ahmed was afraid. Then ahmed ran.", rule: "language-lowercase-start")
                == ["3:1 the sentence \"ahmed was afraid.…\" starts with a lowercase letter (2 times)"])
        // Different names stay apart: each has its own fix.
        #expect(try Self.found("We met ahmed and usman.", rule: "language-lowercase-start").count == 2)
    }
}
