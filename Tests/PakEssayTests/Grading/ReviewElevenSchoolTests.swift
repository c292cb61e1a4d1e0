import Foundation
import Testing

@testable import PakEssay

/// Findings the eleventh finding review (batch m) judged false on school answers: figures written in words not
/// taken for examples, a story's task words and set ending taken for key terms, a story's short last line
/// charged while its set ending went unchecked, a letter's address block taken for its introduction, a
/// regularised past taken for a misspelling, a shouted cry for a doubled word, and "matric" for a name. Each
/// is pinned where it no longer fires, beside the case that still does.
@Suite struct ReviewElevenSchoolTests {
    static func text(_ name: String) -> String {
        String(decoding: Fixtures.sample("panel/\(name).txt"), as: UTF8.self)
    }

    /// The body of a panel answer, without its question line.
    static func body(_ name: String) -> String {
        text(name).split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)[1].description
    }

    static func findings(_ text: String, rule: String, rubric: Rubric? = nil) throws -> [Finding] {
        try Fixtures.grade(text, rubric: try rubric ?? Fixtures.rubric("general-essay")).findings.filter {
            $0.rule == rule
        }
    }

    /// The school rubric with one rule's parameters set.
    static func rubric(rule: String, _ values: [(String, Double)]) throws -> Rubric {
        var rubric = try Fixtures.rubric("general-essay")
        for i in rubric.criteria.indices {
            for k in rubric.criteria[i].rules.indices where rubric.criteria[i].rules[k].id == rule {
                rubric.criteria[i].rules[k].parameters = RuleParameters(
                    values: .object(values.map { ($0.0, .number($0.1)) }), path: "params", file: "t")
            }
        }
        return rubric
    }

    static func place(_ f: Finding?) -> String {
        f.map { "\($0.range.start.line):\($0.range.start.column)" } ?? "none"
    }

    // MARK: 1. figures in words illustrate a point

    @Test func figuresWrittenInWordsIllustrate() throws {
        // m07: "between three and five thousand rupees", "from eight to two".
        #expect(try Self.findings(Self.text("m07"), rule: "evidence-examples").isEmpty)
    }

    @Test func withoutTheFiguresThePointsAreBare() throws {
        let vague = Self.text("m07")
            .replacingOccurrences(of: "between three and five thousand rupees", with: "a lot of money")
            .replacingOccurrences(of: "from eight to two and in an academy from four to eight", with: "all day")
        let found = try Self.findings(vague, rule: "evidence-examples")
        #expect(found.count == 1)
        #expect(Self.place(found.first) == "5:1")
        #expect(
            found.first?.message
                == "only 3 points are shown with an example, a name or a number; a developed essay shows 4")
    }

    @Test func aNumberWordAloneIsNoFigure() throws {
        let c = try Fixtures.context(
            "Q. Should tuition be banned?\n\nHe takes three subjects and two tests.\n\nIt costs five thousand rupees.",
            rubric: try Fixtures.rubric("general-essay"))
        #expect(!EvidenceExamples.spellsFigure(c, paragraph: 0))
        #expect(EvidenceExamples.spellsFigure(c, paragraph: 1))
    }

    // MARK: 1-2. the knobs for a task that takes no position (see docs/marking.md)

    @Test func aDescriptionOwesNoCountOfIllustratedPointsWhereTheRubricSaysSo() throws {
        // Since review 16 m09's four detailed paragraphs of five are all but one: full of detail.
        #expect(try Self.findings(Self.text("m09"), rule: "evidence-examples").isEmpty)
        let knob = try Self.rubric(
            rule: "evidence-examples",
            [("listItems", 0), ("minIllustrated", 4), ("untoldShare", 0.3), ("untoldMinIllustrated", 0)])
        #expect(try Self.findings(Self.text("m09"), rule: "evidence-examples", rubric: knob).isEmpty)
        // An opinion essay still owes the count.
        let opinion = "Q.2 Is a Sunday bazaar better than a market? Give reasons.\n" + Self.body("m09")
        #expect(try Self.findings(opinion, rule: "evidence-examples", rubric: knob).count == 1)
    }

    @Test func aDescriptionOwesItsOwnNumberOfPartsWhereTheRubricSaysSo() throws {
        let shipped = try Self.findings(Self.text("m09"), rule: "arguments-count")
        #expect(Self.place(shipped.first) == "3:1")
        #expect(
            shipped.first?.message
                == "only 5 parts are developed at length (3+ sentences, 50+ words); examiners look for 6 or more")
        let knob = try Self.rubric(
            rule: "arguments-count", [("target", 4), ("minWords", 50), ("minSentences", 3), ("tellingTarget", 5)])
        #expect(try Self.findings(Self.text("m09"), rule: "arguments-count", rubric: knob).isEmpty)
        let opinion = "Q.2 Is a Sunday bazaar better than a market? Give reasons.\n" + Self.body("m09")
        #expect(try Self.findings(opinion, rule: "arguments-count", rubric: knob).count == 1)
    }

    // MARK: 3. a story's task words are no key terms

    @Test func aStorysTaskWordsAndSetEndingAreNoKeyTerms() throws {
        let withRule = try Fixtures.rubric("general-essay", adding: "relevance-question-terms", to: "relevance")
        #expect(try Self.findings(Self.text("m08"), rule: "relevance-question-terms", rubric: withRule).isEmpty)
        let c = try Fixtures.context(Self.text("m08"), rubric: try Fixtures.rubric("general-essay"))
        #expect(c.toldKeys == [])
    }

    @Test func aStorysTitleIsStillItsSubject() throws {
        let titled = "Q.4 Write a story with the title \"The lost kite\".\n" + Self.body("m08")
        let found = try Self.findings(
            titled, rule: "relevance-question-terms",
            rubric: Fixtures.rubric("general-essay", adding: "relevance-question-terms", to: "relevance"))
        #expect(Self.place(found.first) == "3:1")
        #expect(found.first?.message.hasPrefix("the introduction names none of the question's key terms") == true)
        #expect(found.first?.message.contains("'kite'") == true)
        #expect(found.first?.message.contains("'write'") == false)
    }

    // MARK: 4. the ending a story's question sets

    @Test func aStoryThatDoesNotEndWithTheSetWordsIsCharged() throws {
        let found = try Self.findings(Self.text("m08"), rule: "relevance-set-ending")
        #expect(found.count == 1)
        #expect(Self.place(found.first) == "13:1")
        #expect(
            found.first?.message == """
                the story does not end with the words the question sets ("That was the last time I ever went near \
                the river without telling anyone")
                """)
        #expect(try Self.findings(Self.text("m08"), rule: "conclusion-length").isEmpty)
    }

    @Test func aStoryThatEndsWithTheSetWordsIsNot() throws {
        let ending = "So that was the last time I ever went near the River without telling anyone! The End."
        let ended = Self.text("m08").replacingOccurrences(
            of: "So that was last time I go to river. The End.", with: ending)
        #expect(try Self.findings(ended, rule: "relevance-set-ending").isEmpty)
        // A garbled paraphrase is not the set words.
        let garbled = Self.text("m08").replacingOccurrences(
            of: "So that was last time I go to river.", with: "That was the last time I go near the river alone.")
        #expect(try Self.findings(garbled, rule: "relevance-set-ending").count == 1)
    }

    @Test func aStoryWithoutASetEndingIsJudgedByItsLengthAsBefore() throws {
        let free = "Q.4 Write a story about a day at the river.\n" + Self.body("m08")
        #expect(try Self.findings(free, rule: "relevance-set-ending").isEmpty)
        let found = try Self.findings(free, rule: "conclusion-length")
        #expect(Self.place(found.first) == "13:1")
        #expect(found.first?.message == "the last paragraph is only 11 words long")
    }

    // MARK: 5. a letter's address block

    @Test func aLettersAddressBlockIsNotItsIntroduction() throws {
        #expect(try Self.findings(Self.text("m10"), rule: "introduction-length").isEmpty)
        let c = try Fixtures.context(Self.text("m10"), rubric: try Fixtures.rubric("general-essay"))
        #expect(c.introduction?.range.start.line == 15)
    }

    @Test func anAddressOrDateSetOutLineByLineIsAFormality() throws {
        let blocks = try Fixtures.parse(
            """
            Q.5 Write a letter.

            Examination Hall,
            A.B.C. City.
            Dated: 1st December, 2026.

            We went to the market in the morning,
            and my father bought us some sweets there.
            """
        ).answers[0].sections[0].paragraphs
        #expect(blocks.map { PartFinder.isFormality($0, letter: true) } == [true, false])
        // Outside a letter a block of short lines is verse or a story's short sentences, not an address.
        #expect(blocks.map { PartFinder.isFormality($0, letter: false) } == [false, false])
    }

    @Test func aLettersSignOffDoesNotFollowItsClose() throws {
        // j08: "Yours obediently, / Ahmad Raza, / Class 10th (B), / Roll No. 27. / Dated: …" after the request.
        #expect(try Self.findings(Self.text("j08"), rule: "conclusion-position").isEmpty)
    }

    // MARK: 6. language

    @Test func aRegularisedPastGetsItsIrregularForm() throws {
        let found = try Self.findings(Self.text("m08"), rule: "language-spelling").filter { $0.excerpt == "runned" }
        #expect(Self.place(found.first) == "9:130")
        #expect(found.first?.message == "'runned' is no past form: the past of 'run' is 'ran'")
        #expect(found.first?.suggestion == "Write 'ran'.")
        let more = try Self.findings(
            "Q. Write a story.\n\nHe goed home and teached his brother, then buyed bread and writed a letter.",
            rule: "language-spelling")
        #expect(more.map(\.suggestion) == ["Write 'went'.", "Write 'taught'.", "Write 'bought'.", "Write 'wrote'."])
    }

    @Test func aDoubledConsonantMissedIsStillAMisspelling() throws {
        let found = try Self.findings("Q. Discuss floods.\n\nThe flood occured in 2022.", rule: "language-spelling")
        #expect(found.map(\.message) == ["'occured' is misspelt"])
        #expect(found.first?.suggestion == "Write 'occurred'.")
    }

    @Test func aCryShoutedTwiceIsNoDoubledWord() throws {
        #expect(try Self.findings(Self.text("m08"), rule: "language-repeated-word").isEmpty)
        let shout = "Q. Write a story.\n\nHe cried help help and ran. \"Stop stop!\" she said."
        #expect(try Self.findings(shout, rule: "language-repeated-word").isEmpty)
        let slip = try Self.findings(
            "Q. Write a story.\n\nI asked for help help with my work.", rule: "language-repeated-word")
        #expect(slip.map(\.message) == ["'help' is written twice"])
        #expect(Self.place(slip.first) == "3:13")
    }

    @Test func matricIsAnOrdinaryWord() throws {
        let found = try Self.findings(Self.text("m07"), rule: "language-lowercase-start")
        #expect(!found.contains { $0.message.contains("matric") })
        // An entry with capitals still keeps them.
        let name = try Self.findings(
            "Q. Discuss trade.\n\nThe emirati market is large.", rule: "language-lowercase-start")
        #expect(name.map(\.message) == ["'emirati' is a name and keeps its capitals"])
    }
}
