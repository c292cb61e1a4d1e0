import Testing

@testable import PakEssay

/// A criterion's own `ceiling` takes the place of the scale's for that criterion alone: CSS examiners give
/// full language marks only to English without a slip, and full argument marks to a school essay only when
/// its development is exceptional.
@Suite struct CriterionCeilingTests {
    /// A short CSS answer with a clean language record, so that its language quality is full.
    static let answer = """
        Q.3 Discuss the causes of inflation in Pakistan.

        Inflation in Pakistan has causes both at home and abroad, and the domestic ones weigh more.

        1. Fiscal deficits

        The government borrows from the State Bank to cover its deficits, and the new money raises prices.

        2. Imported fuel

        Pakistan imports most of its oil, so a weaker rupee lifts the cost of transport and power at once.

        Conclusion

        Inflation will fall only when the deficit is closed and the energy bill is cut.
        """

    /// The default rubric unrounded, with the language criterion's own ceiling set to `ceiling`.
    static func rubric(languageCeiling ceiling: Double?) throws -> Rubric {
        var rubric = try Fixtures.rubric("css-current-affairs")
        rubric.rounding = 0.0001
        let i = try #require(rubric.criteria.firstIndex { $0.id == "language" })
        rubric.criteria[i].ceiling = ceiling
        return rubric
    }

    static func score(_ g: GradedAnswer, _ id: String) -> CriterionScore? { g.criteria.first { $0.id == id } }

    @Test func theCriterionsCeilingReplacesTheScalesForItAlone() throws {
        let own = try Fixtures.grade(Self.answer, rubric: Self.rubric(languageCeiling: 0.8))
        let scale = try Fixtures.grade(Self.answer, rubric: Self.rubric(languageCeiling: nil))
        let ownLanguage = try #require(Self.score(own, "language"))
        let scaleLanguage = try #require(Self.score(scale, "language"))
        // Language keeps 20% in reserve under its own ceiling, 10% under the scale's (0.9).
        #expect(abs(ownLanguage.score * 0.9 - scaleLanguage.score * 0.8) < 0.001)
        #expect(abs((ownLanguage.reserve?.share ?? 0) - 0.2) < 1e-9)
        #expect(abs((scaleLanguage.reserve?.share ?? 0) - 0.1) < 1e-9)
        #expect(ownLanguage.score < scaleLanguage.score)
        // Every other criterion is scored as before.
        for c in own.criteria where c.id != "language" { #expect(Self.score(scale, c.id)?.score == c.score, "\(c.id)") }
        // The reserve is still what makes up the criterion's marks with the score and the findings.
        let lost = own.findings.filter { $0.criterion == "language" }.reduce(0) { $0 + $1.marksLost }
        let reserve = try #require(ownLanguage.reserve)
        #expect(abs(ownLanguage.score + lost + reserve.marks - 2) < 0.01)
    }

    @Test func theReserveNoteSaysTheCriterionsOwnShare() throws {
        var rubric = try Self.rubric(languageCeiling: 0.8)
        rubric.rounding = 0.5
        let graded = try Fixtures.grade(Self.answer, rubric: rubric)
        let note = try #require(graded.listedFindings.first { $0.rule == Reserve.id && $0.criterion == "language" })
        #expect(note.message.hasPrefix("language: 20% of what the checks credit is kept in reserve"), "\(note.message)")
        let other = try #require(graded.listedFindings.first { $0.rule == Reserve.id && $0.criterion == "relevance" })
        #expect(other.message.hasPrefix("relevance: 10%"), "\(other.message)")
    }

    @Test func theScoreModelUsesTheCriterionsCeiling() throws {
        let rubric = try Self.rubric(languageCeiling: 0.8)
        let answer = try Fixtures.parse(Self.answer).answers[0]
        let traced = Grader(rubric: rubric).traced(answer, source: "t.txt")
        let modelled = ScoreModel.scores(traced.credits, rubric: rubric, ScaleParameters(rubric))
        for (c, value) in zip(traced.graded.criteria, modelled) { #expect(abs(c.score - value) < 0.001, "\(c.id)") }
    }

    @Test func theShippedRubricsKeepMoreInReserveWhereExaminersDo() throws {
        for id in ["css-current-affairs", "css-pakistan-affairs"] {
            let rubric = try Fixtures.rubric(id)
            #expect(rubric.criteria.first { $0.id == "language" }?.ceiling == 0.8, "\(id)")
            // Structure and the conclusion (tenth session, fitted on panel batches a-l): a 2-mark conclusion
            // at the scale's 0.9 rounded back to full marks, where examiners give a guide-book answer's 1.5.
            #expect(rubric.criteria.first { $0.id == "conclusion" }?.ceiling == 0.8, "\(id)")
            #expect(rubric.criteria.first { $0.id == "structure" }?.ceiling == 0.8, "\(id)")
            let others = rubric.criteria.filter { !["language", "conclusion", "structure"].contains($0.id) }
            #expect(others.allSatisfy { $0.ceiling == nil }, "\(id)")
        }
        let school = try Fixtures.rubric("general-essay")
        #expect(school.criteria.first { $0.id == "arguments" }?.ceiling == 0.9)
        #expect(school.criteria.first { $0.id == "conclusion" }?.ceiling == 0.9)
    }
}
