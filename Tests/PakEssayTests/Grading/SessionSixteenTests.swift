import Testing

@testable import PakEssay

/// The sixteenth session's marking changes (the file is numbered after finding review 16): an answer whose body
/// never takes up its question's crux, which stands only in its frame, is capped as one off the question.
@Suite struct SessionSixteenTests {
    static func score(_ graded: GradedAnswer, _ id: String) -> Double {
        graded.criteria.first { $0.id == id }?.score ?? -1
    }

    /// The Cripps question answered on the Quit India Movement (the name only in the first and last lines), and
    /// the students' question answered by headings bent to it: the body answers another question, so relevance
    /// earns nothing and every criterion, language and presentation too, keeps at most a quarter of its marks.
    @Test func aBodyThatNeverTakesUpTheCruxIsCappedAsOffTheQuestion() throws {
        for text in [SessionFifteenTests.quitIndia(), SessionFifteenTests.students(inBody: false)] {
            let graded = try Fixtures.grade(text, rubric: Fixtures.rubric("css-pakistan-affairs"))
            #expect(graded.findings.contains { $0.rule == "relevance-crux" })
            #expect(Self.score(graded, "relevance") == 0)
            for c in graded.criteria { #expect(c.score <= c.max * 0.25, "\(c.id)") }
            #expect(graded.marks <= 5)
        }
    }

    /// A prepared answer that some of the body bends to the crux (a tenth of it names 'security') has missed it
    /// but not left it: relevance keeps its share and language and presentation are not capped.
    @Test func aCruxTheBodyTouchesIsCappedAsAMissedCrux() throws {
        let graded = try Fixtures.grade(Example.cruxMissed, rubric: Fixtures.rubric("css-current-affairs"))
        let found = graded.findings.filter { $0.rule == "relevance-crux" }
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { !$0.message.contains("stands only in") })
        #expect(Self.score(graded, "relevance") > 0)
    }

    /// The cap is a parameter a tutor can set: at 1 the frame-only answer keeps its criteria's marks but for
    /// relevance.
    @Test func theFramedCapIsARubricParameter() throws {
        var rubric = try Fixtures.rubric("css-pakistan-affairs")
        for i in rubric.criteria.indices {
            for k in rubric.criteria[i].rules.indices where rubric.criteria[i].rules[k].id == "relevance-crux" {
                rubric.criteria[i].rules[k].parameters = RuleParameters(
                    values: .object([("maxShare", .number(0.35)), ("cap", .number(0.35)), ("framedCap", .number(1))]),
                    path: "params", file: "t")
            }
        }
        let capped = try Fixtures.grade(
            SessionFifteenTests.quitIndia(), rubric: Fixtures.rubric("css-pakistan-affairs"))
        let open = try Fixtures.grade(SessionFifteenTests.quitIndia(), rubric: rubric)
        #expect(Self.score(open, "relevance") == 0)
        #expect(Self.score(open, "language") > Self.score(capped, "language"))
    }
}
