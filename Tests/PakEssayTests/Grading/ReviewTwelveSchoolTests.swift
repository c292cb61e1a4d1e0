import Foundation
import Testing

@testable import PakEssay

/// Findings the twelfth finding review (batch n) judged false on school answers and on two CSS answers' words: a
/// description's and a story's last paragraph not taken for their ending, Pakistani-English words taken for
/// misspellings, the idiom "here and there" taken for 'their', a counter-view raised with "some peoples says"
/// not seen, and a rate of cuttings within the norm reported. Also the faults a teacher circles that went
/// unfound ("there mind", "the concern authorities", "vans comes", "since two years", "peoples says"). Each is
/// pinned where it no longer fires (or now fires), beside the case that still fires (or still does not).
@Suite struct ReviewTwelveSchoolTests {
    static func text(_ name: String) -> String {
        String(decoding: Fixtures.sample("panel/\(name).txt"), as: UTF8.self)
    }

    /// An answer with its question line replaced.
    static func asked(_ question: String, _ name: String) -> String {
        question + "\n" + text(name).split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)[1]
    }

    static func findings(_ text: String, rule: String, rubric: String = "general-essay") throws -> [Finding] {
        try Fixtures.grade(text, rubric: try Fixtures.rubric(rubric)).findings.filter { $0.rule == rule }
    }

    static func place(_ f: Finding?) -> String {
        f.map { "\($0.range.start.line):\($0.range.start.column)" } ?? "none"
    }

    /// Each finding as "line:column message".
    static func placed(_ found: [Finding]) -> [String] {
        found.map { "\(place($0)) \($0.message)" }
    }

    // MARK: 1. a telling task's last paragraph is its ending

    @Test func aDescriptionEndsWithItsLastParagraph() throws {
        #expect(try Self.findings(Self.text("n08"), rule: "conclusion-missing").isEmpty)
        let c = try Fixtures.context(Self.text("n08"), rubric: try Fixtures.rubric("general-essay"))
        #expect(c.conclusion?.name == "the last paragraph")
        #expect(c.conclusion?.range.start.line == 15)
    }

    @Test func aStoryEndsWithItsResolution() throws {
        #expect(try Self.findings(Self.text("n09"), rule: "conclusion-missing").isEmpty)
    }

    @Test func anArgumentativeEssayIsNotGivenTheSameEnding() throws {
        // The same paragraphs under a question that owes a position: the last one does not close.
        let argued = Self.asked("Q.2 Should farmers leave their villages for the cities? Discuss.", "n08")
        let found = try Self.findings(argued, rule: "conclusion-missing")
        #expect(Self.placed(found) == ["15:1 the answer has no conclusion: it stops after its last point"])
    }

    @Test func aShortStoryStillHasItsEndingJudgedForLength() throws {
        let story = """
            Q.4 Write a story about a robbery.

            The house went dark at night and we were afraid of every sound in the street outside.

            The thieves came in through the back door and took the television and the gold from the cupboard.

            The police found them near the canal in the morning with the gold.
            """
        #expect(try Self.findings(story, rule: "conclusion-missing").isEmpty)
        let found = try Self.findings(story, rule: "conclusion-length")
        #expect(Self.placed(found) == ["7:1 the last paragraph is only 13 words long"])
        let argued = story.replacingOccurrences(
            of: "Write a story about a robbery.", with: "Should the police be given more powers? Discuss.")
        #expect(
            Self.placed(try Self.findings(argued, rule: "conclusion-missing")) == [
                "7:1 the answer has no conclusion: it stops after its last point"
            ])
    }

    // MARK: 2. Pakistani-English words, their plurals, and "here and there"

    @Test func pakistaniEnglishWordsAreNotMisspelt() throws {
        #expect(try Self.findings(Self.text("n04"), rule: "language-spelling", rubric: "css-pakistan-affairs").isEmpty)
        #expect(try Self.findings(Self.text("n05"), rule: "language-spelling", rubric: "css-current-affairs").isEmpty)
        // n08 keeps its one true slip.
        let found = try Self.findings(Self.text("n08"), rule: "language-spelling")
        #expect(Self.placed(found) == ["11:365 'shreiking' is misspelt"])
    }

    @Test func aRegularPluralOfAnAllowedWordIsAllowed() throws {
        let text = """
            Q.2 Describe a village at harvest time.

            The tandoors were hot, the daals were cooked and the kikars stood by the tandoorz of the village.
            """
        let found = try Self.findings(text, rule: "language-spelling")
        #expect(found.map { $0.excerpt } == ["tandoorz"])
    }

    @Test func hereAndThereIsAnIdiom() throws {
        #expect(try Self.findings(Self.text("n08"), rule: "language-confused-words").isEmpty)
        let text = """
            Q.2 Describe a village at harvest time.

            Here and there a line of trees broke the view. The matter was settled there and then. It is neither \
            here nor there. The farmers sold the wheat and there crops were gone.
            """
        let found = try Self.findings(text, rule: "language-confused-words")
        #expect(found.map { Self.place($0) } == ["3:148"])
    }

    // MARK: 3. the faults a teacher circles

    @Test func theFaultsOfTheArgumentativeEssayAreFound() throws {
        let confused = try Self.findings(Self.text("n07"), rule: "language-confused-words")
        #expect(
            Self.placed(confused) == ["3:709 'there' should be 'their': 'their' is the possessive; 'there' is a place"])
        let grammar = try Self.findings(Self.text("n07"), rule: "language-grammar").filter {
            $0.message.hasPrefix("'peoples says'")
        }
        #expect(
            Self.placed(grammar) == [
                "3:840 'peoples says' should be 'people say': 'people' is already plural, and takes a verb without -s"
            ])
    }

    @Test func theFaultsOfTheLetterAreFound() throws {
        let confused = try Self.findings(Self.text("n10"), rule: "language-confused-words")
        #expect(
            Self.placed(confused) == [
                "14:84 'concern' should be 'concerned': the officials a matter concerns are 'the concerned "
                    + "authorities' (3 times)"
            ])
        let grammar = Self.placed(try Self.findings(Self.text("n10"), rule: "language-grammar"))
        #expect(
            grammar.contains(
                "18:76 'comes' should be 'come': a plural subject takes a verb without -s, whatever noun stands "
                    + "before it"))
        #expect(
            grammar.contains(
                "20:105 'since' should be 'for': 'since' names the start ('since 2024'); a span of time takes 'for' "
                    + "('for two years')"))
    }

    @Test func theCorrectFormsPass() throws {
        let text = """
            Q.3 Write a letter to the editor about the roads of your area.

            The concerned authorities were told of it, though the matter does concern authorities in Lahore too. \
            The school vans come late. The roads have been broken for two years, since 2024. Some people say it is \
            harmful for their minds.
            """
        #expect(try Self.findings(text, rule: "language-confused-words").isEmpty)
        #expect(try Self.findings(text, rule: "language-grammar").isEmpty)
    }

    // MARK: 5. a counter-view raised with "some peoples says"; cuttings within the norm

    @Test func aCounterViewRaisedAndRebuttedIsWeighed() throws {
        #expect(try Self.findings(Self.text("n07"), rule: "arguments-counter-view").isEmpty)
        let unraised = Self.text("n07").replacingOccurrences(
            of: "Some peoples says that without punishment students do not become dicipline but this is wrong, "
                + "because punishment is not good for students and it make them afraid. ",
            with: "")
        #expect(unraised != Self.text("n07"))
        let found = try Self.findings(unraised, rule: "arguments-counter-view")
        #expect(
            Self.placed(found) == [
                "3:1 the question (discuss) owes the other side, but no counter-view or challenge is weighed"
            ])
    }

    @Test func cuttingsWithinTheNormAreNoFault() throws {
        // n09: 2 cuttings in 386 words, 0.5 per 100 words, the norm itself.
        #expect(try Self.findings(Self.text("n09"), rule: "presentation-cuttings").isEmpty)
        let found = try Self.findings(Self.text("n07"), rule: "presentation-cuttings")
        #expect(Self.placed(found) == ["3:215 3 cuttings in 289 words (1 per 100 words)"])
    }

    @Test func aRateReadsWithinTheNormAtOnePlace() {
        #expect(withinNorm(0.518, 0.5))
        #expect(!withinNorm(0.56, 0.5))
        #expect(withinNorm(0.5, 0.5))
    }
}
