import Foundation
import Testing

@testable import PakEssay

/// A criterion with `halfAt` adds its rules' losses, as an examiner counts every kind of slip together:
/// an essay with slips of four kinds is not let off because a fifth kind is clean.
@Suite struct AddedLossesTests {
    /// A school essay with slips of several kinds: spelling, grammar, capitals and a confused word.
    static let slips = """
        Q.2 Should junk food be banned in school canteens? Give reasons for your opinion.

        Junk food is very harmful for health and it should be banned in our school canteen. It makes students \
        fat and lazy, and they cannot study in the class. Students like burgers and chips more then fruit.

        Firstly, junk food has too much oil and salt. It is very dangrous for the heart and the stomach, and a \
        child who eats chips in the break feels sleepy. Doctors say that it causes many diseases in children.

        Secondly, junk food is expensive and poor students cannot afford it. they feel sad when their class \
        fellows eat burgers. It also waste the money of the parents who work very hard for it.

        In the end, I will say that junk food must be banned and canteens should sell fruit and milk instead.
        """

    /// The general-essay rubric unrounded, with the language criterion's `halfAt` set to `halfAt`.
    static func rubric(halfAt: Double?) throws -> Rubric {
        var rubric = try Fixtures.rubric("general-essay")
        rubric.rounding = 0.0001
        let i = try #require(rubric.criteria.firstIndex { $0.id == "language" })
        rubric.criteria[i].halfAt = halfAt
        return rubric
    }

    static func language(_ g: GradedAnswer) -> Double { g.criteria.first { $0.id == "language" }?.score ?? -1 }

    @Test func theQualityIsTheWeightedMeanWithoutHalfAtAndHalvesAtIt() {
        #expect(ScoreModel.combined(share: 6, weights: 7.5, halfAt: nil) == 0.8)
        #expect(ScoreModel.combined(share: 7.5, weights: 7.5, halfAt: 2) == 1)
        #expect(ScoreModel.combined(share: 5.5, weights: 7.5, halfAt: 2) == 0.5)
        #expect(abs(ScoreModel.combined(share: 3.5, weights: 7.5, halfAt: 2) - 1.0 / 3) < 1e-12)
    }

    @Test func slipsOfSeveralKindsCostMoreWhenTheyAddUp() throws {
        let shipped = try Fixtures.rubric("general-essay")
        let halfAt = try #require(shipped.criteria.first { $0.id == "language" }?.halfAt)
        let added = try Fixtures.grade(Self.slips, rubric: Self.rubric(halfAt: halfAt))
        let averaged = try Fixtures.grade(Self.slips, rubric: Self.rubric(halfAt: nil))
        let kinds = Set(added.findings.filter { $0.criterion == "language" && $0.marksLost > 0 }.map(\.rule))
        #expect(kinds.count >= 3, "\(kinds)")
        // Averaged, the clean kinds (run-ons, repeated words) hold the mark up; added, they do not.
        #expect(Self.language(averaged) > 1.5, "\(Self.language(averaged))")
        #expect(Self.language(added) < 1.2, "\(Self.language(added))")
        // Every mark lost is still traced to the language findings.
        let lost = added.findings.filter { $0.criterion == "language" }.reduce(0) { $0 + $1.marksLost }
        #expect(abs(lost + Self.language(added) - 3) < 0.01, "\(lost) + \(Self.language(added))")
    }

    @Test func aCleanEssayLosesNothingEitherWay() throws {
        let text = """
            Q.2 Should junk food be banned in school canteens? Give reasons for your opinion.

            Junk food should be banned in school canteens, because it harms the health of growing children.

            Firstly, fried snacks carry too much oil and salt, and children who eat them every day grow tired \
            in class. Secondly, a canteen that sells fruit and milk teaches habits that last a lifetime.

            In the end, a ban is a small price for healthier students, and parents will support it.
            """
        let added = try Fixtures.grade(text, rubric: Self.rubric(halfAt: 2))
        let averaged = try Fixtures.grade(text, rubric: Self.rubric(halfAt: nil))
        #expect(Self.language(added) == Self.language(averaged))
        #expect(Self.language(added) == 3)
    }

    @Test func theShippedRubricsAddTheirLanguageLosses() throws {
        for id in ["css-current-affairs", "css-pakistan-affairs", "general-essay"] {
            let rubric = try Fixtures.rubric(id)
            let language = try #require(rubric.criteria.first { $0.id == "language" })
            #expect(language.halfAt != nil, "\(id)")
            #expect(rubric.criteria.filter { $0.id != "language" }.allSatisfy { $0.halfAt == nil }, "\(id)")
        }
    }
}
