import Foundation
import Testing

@testable import PakEssay

/// The eighteenth session's marking changes (the file is numbered after finding review 18, on batch u): a part
/// that measures an effect is not narration; a question on the whole world takes Pakistan in; a letter's subject
/// line heads it; a `Title:` line over `Title:` headings heads them.
@Suite struct SessionEighteenTests {
    static func grade(_ file: String, _ rubric: String) throws -> GradedAnswer {
        let text = String(decoding: Fixtures.sample(file), as: UTF8.self)
        return try Fixtures.grade(text, rubric: Fixtures.rubric(rubric))
    }

    /// A "critically evaluate" answer on the war's impact on food and energy whose subsections tell 2022 in the past
    /// with the FAO's, the WFP's and the IEA's figures (u01, examiners 19): a sentence that measures weighs an
    /// effect, so the subsections are not guide-book narration.
    @Test func partsThatMeasureAnEffectAreNotNarration() throws {
        let graded = try Self.grade("panel/u01.txt", "css-current-affairs")
        #expect(!graded.findings.contains { $0.rule == "relevance-directive" && $0.message.contains("narration") })
    }

    /// The same past told without figures is narration still: two parts of dated events under a question that
    /// owes analysis.
    @Test func partsThatTellEventsWithoutMeasuringAreNarration() throws {
        let text = """
            Q.1 Critically evaluate the impact of the war in Ukraine on Europe.

            1. INTRODUCTION
            The war changed Europe, and on balance it made the union stronger, because it forced unity.

            2. THE FIRST MONTHS
            Russia invaded Ukraine in February 2022. The leaders of the union met in Versailles in March 2022. \
            They agreed a plan in May 2022.

            3. THE WINTER
            The pipelines were damaged in September 2022. The ministers met in Brussels in October 2022. They \
            agreed a cap in December 2022.

            4. CONCLUSION
            In conclusion, on balance the war made the union stronger.
            """
        let graded = try Fixtures.grade(text, rubric: Fixtures.rubric("css-current-affairs"))
        let narration = try #require(graded.findings.first { $0.rule == "relevance-directive" })
        #expect(narration.message.contains("section 2 and section 3 tell events in sequence"))
        // The same parts with a figure in each sentence measure the war's effects.
        let measured =
            text
            .replacingOccurrences(of: "in March 2022", with: "when gas prices had risen by 300 per cent")
            .replacingOccurrences(of: "in May 2022", with: "to cut imports by 40 per cent")
            .replacingOccurrences(of: "in October 2022", with: "when prices rose by 80 per cent")
            .replacingOccurrences(of: "in December 2022", with: "of 60 dollars a barrel")
        let weighed = try Fixtures.grade(measured, rubric: Fixtures.rubric("css-current-affairs"))
        #expect(!weighed.findings.contains { $0.rule == "relevance-directive" })
    }

    /// "Implications for Pakistan" under a question on global food and energy security answers it for one country
    /// of the world (u01; both examiners credit it): no drift. Under a question on one other country (the
    /// Afghan women's rule example) the same kind of section drifts still.
    @Test func aPakistanSectionServesAQuestionOnTheWholeWorld() throws {
        let graded = try Self.grade("panel/u01.txt", "css-current-affairs")
        #expect(!graded.findings.contains { $0.rule == "relevance-section-drift" })
        let css = try Fixtures.rubric("css-current-affairs")
        let afghan = try Fixtures.grade(RelevanceSectionDrift.afghanWomen(third: "IMPACT ON PAKISTAN"), rubric: css)
        #expect(afghan.findings.contains { $0.rule == "relevance-section-drift" && $0.message.contains("Pakistan") })
        // The words are the rubric's: without them the world's question drifts too.
        var rubric = try Fixtures.rubric("css-current-affairs")
        rubric.lexicon.cues["worldScopeWords"] = PhraseTable()
        let text = String(decoding: Fixtures.sample("panel/u01.txt"), as: UTF8.self)
        let unscoped = try Fixtures.grade(text, rubric: rubric)
        let drift = try #require(unscoped.findings.first { $0.rule == "relevance-section-drift" })
        #expect(drift.range.start.line == 33)
    }

    /// An application's subject line of thirteen words heads it; the paragraph after the salutation opens it
    /// (u04, review 18: "the introduction is only 13 words long" at the subject line).
    @Test func aLongSubjectLineIsPartOfTheLettersHead() throws {
        let graded = try Self.grade("panel/u04.txt", "general-essay")
        #expect(!graded.findings.contains { $0.rule == "introduction-length" })
        #expect(!graded.findings.contains { $0.range.start.line == 8 })
        let text = String(decoding: Fixtures.sample("panel/u04.txt"), as: UTF8.self)
        let subject = try Fixtures.parse(text).answers[0].sections[0].paragraphs[1]
        #expect(subject.text.hasPrefix("Subject: Request"))
        #expect(PartFinder.isFormality(subject, letter: true))
        // A sentence of the letter's prose of 13 to 30 words that opens with the word is prose.
        let prose = try Fixtures.parse(
            """
            Q.1 Write a letter to the editor.

            Subject to the approval of the board, our school will hold its sports day in March, and every family \
            is welcome.
            """
        ).answers[0].sections[0].paragraphs[0]
        #expect((13...30).contains(prose.words))
        #expect(!PartFinder.isFormality(prose, letter: true))
        #expect(PartFinder.opensWithSubject("Subject: Request for the repair of fans"))
        #expect(PartFinder.opensWithSubject("Sub: Application for leave"))
        #expect(PartFinder.opensWithSubject("SUBJECT - Application for leave"))
        #expect(PartFinder.opensWithSubject("Subject – Leave"))
        #expect(!PartFinder.opensWithSubject("Subject to the approval of the board"))
        #expect(!PartFinder.opensWithSubject("Subjects of the Mughal empire: peasants"))
        #expect(!PartFinder.opensWithSubject("Sub-continent was divided in 1947 into two states"))
        #expect(!PartFinder.opensWithSubject("Subject-matter of the dispute"))
        #expect(!PartFinder.opensWithSubject("Subject “Leave”"))
        #expect(!PartFinder.opensWithSubject("Sub"))
        // Outside a letter a short paragraph opening so is an essay's prose.
        let essay = try Fixtures.parse("Q.1 Discuss.\n\nSub: the partition of the subcontinent in 1947 and after.\n")
        #expect(!PartFinder.isFormality(essay.answers[0].sections[0].paragraphs[0], letter: false))
    }

    /// `Title:` lines over `Title:` headings head them ("Causes of Trade Deficit:" over "Low Exports:",
    /// "Measures to Increase Exports:" over "Diversification:", u02): both are headings, and the way forward
    /// holds its measures, so the answer does not "scatter" its recommendations (review 18).
    @Test func aTitleLineOverTitleHeadingsHeadsThem() throws {
        let answer = try Fixtures.parse(String(decoding: Fixtures.sample("panel/u02.txt"), as: UTF8.self)).answers[0]
        let titles = answer.sections.compactMap(\.title)
        #expect(titles.contains("Causes of Trade Deficit"))
        #expect(titles.contains("Measures to Increase Exports"))
        let graded = try Self.grade("panel/u02.txt", "css-pakistan-affairs")
        #expect(!graded.findings.contains { $0.rule == "structure-owed-sections" })
        #expect(!graded.findings.contains { $0.rule == "relevance-headings-tied" })
        // Every line of the answer's sixteen `Title:` lines and its two umbrella lines is a heading.
        #expect(titles.count == 18)
    }

    /// A question of two parts whose answer heads no section by one of them: the WTO question (its causes and its
    /// implications) answered with the WTO's history and functions (m05, examiners 8.25), and the Myanmar coup's
    /// causes and consequences answered with background and a consequences section (t08, 4.25): relevance is
    /// halved and arguments and evidence keep half their credit.
    @Test(arguments: ["panel/m05.txt", "panel/t08.txt"])
    func aPartOfTheQuestionWithNoSectionHalvesTheAnswer(_ file: String) throws {
        let graded = try Self.grade(file, "css-current-affairs")
        let parts = try #require(graded.findings.first { $0.rule == "relevance-question-parts" })
        #expect(
            parts.message == "the question asks for the causes and the effects, but no section is headed by the causes")
        #expect(parts.range.start.line == 3)
        let relevance = try #require(graded.criteria.first { $0.id == "relevance" })
        #expect(relevance.score <= 1)
    }

    /// Answers that head every part: the strong answers of two-part questions in the panel (causes and
    /// implications, challenges and measures) and u02, whose measures stand under "Measures to Increase
    /// Exports:"; and a question of one part is not judged.
    @Test(arguments: ["panel/s01.txt", "panel/r01.txt", "panel/e01.txt", "panel/u02.txt", "panel/u01.txt"])
    func answersThatHeadEveryPartAreNotCharged(_ file: String) throws {
        let graded = try Self.grade(file, "css-current-affairs")
        #expect(graded.criteria.contains { $0.id == "relevance" })
        #expect(!graded.findings.contains { $0.rule == "relevance-question-parts" })
    }

    /// "Give reasons for your answer" asks for no causes; the response a question asks of Pakistan ("How should
    /// Pakistan respond?") is its way forward (the code review of the session).
    @Test func reasonsForAnAnswerAndAWayForwardAsTheResponse() throws {
        let rule = try RelevanceQuestionParts(RuleParameters.defaults)
        #expect(
            rule.asked("Discuss the impact of the Taliban's return on Pakistan. Give reasons for your answer.")
                .map { rule.parts[$0].name } == ["effects"])
        let text = """
            Q.1 Discuss the impact of the Taliban's return on Pakistan. How should Pakistan respond?

            1. INTRODUCTION
            The Taliban's return in August 2021 has hurt Pakistan, and this answer argues that it must change course.

            2. IMPACT ON SECURITY
            Attacks by the TTP rose by 73 per cent in 2022, according to PIPS, and the border grew restive.

            3. WAY FORWARD
            Pakistan should tie trade to action against the TTP and keep talking to Kabul through the SCO.

            4. CONCLUSION
            In conclusion, Pakistan must use trade and diplomacy together.
            """
        let graded = try Fixtures.grade(text, rubric: Fixtures.rubric("css-current-affairs"))
        #expect(!graded.findings.contains { $0.rule == "relevance-question-parts" })
    }

    /// A world-scope word counts only in lowercase: "the World Bank" names a body (the code review).
    @Test func theWorldBankIsNoWorldScope() {
        #expect(
            GradingContext.plainLowercaseWords(of: "the World Bank and global trade") == [
                "the", "and", "global", "trade",
            ])
    }

    /// The parts are the rubric's: an entry not written `NAME: ASKED = TITLES` is an error naming the key.
    @Test func aPartWrittenWronglyIsARubricError() throws {
        func made(_ parts: [String]) throws(RubricError) -> RelevanceQuestionParts {
            let values = JSONValue.object([("parts", .array(parts.map { .string($0) }))])
            return try RelevanceQuestionParts(
                RuleParameters(values: values, path: "criteria[0].rules[6].params", file: "t.json"))
        }
        #expect(throws: RubricError.self) { try made(["causes why"]) }
        #expect(throws: RubricError.self) { try made(["causes: = cause"]) }
        let rule = try made(["causes: causes why = caus reason", "measures: suggest = @way-forward measure"])
        #expect(rule.parts.map(\.name) == ["causes", "measures"])
        #expect(rule.parts[1].roles == ["way-forward"] && rule.parts[1].stems == ["measure"])
        // Titles are read on their bytes, a stem at the start of a word in any case.
        let causes = [Array("caus".utf8)]
        #expect(RelevanceQuestionParts.names("2. CAUSES OF THE CRISIS:", causes))
        #expect(RelevanceQuestionParts.names("Socio-cause", causes))
        #expect(!RelevanceQuestionParts.names("Because of the War", causes))
        #expect(!RelevanceQuestionParts.names("", causes))
    }

    /// A lowercase scheme or campaign is a named event only with its name inside the sentence: "the Wardha
    /// scheme", not "Government schemes" at a sentence's start (the code review).
    @Test func aSchemeNeedsItsName() throws {
        let text = """
            Q.1 Discuss the education policy of the Congress ministries.

            The Wardha scheme taught Gandhian ideals in state schools. Government schemes reached few villages.
            """
        let context = try Fixtures.context(text)
        let named = context.evidence.filter { $0.kind == .named }.map(\.text)
        #expect(named.contains { $0.hasPrefix("Wardha") })
        #expect(!named.contains { $0.hasPrefix("Government") })
    }
}
