import Foundation
import Testing

@testable import PakEssay

/// `evidence-examples` with `minIllustrated`: a short essay whose few points each carry an example has
/// still shown only a few, and loses up to half the credit.
@Suite struct EvidenceExamplesTests {
    /// A school essay whose two points are each shown with a name or a number.
    static let twoShown = """
        Q.3 Should students use mobile phones at school? Give reasons for your opinion.

        Mobile phones should not be allowed in school, because they take the attention of students away from \
        their lessons and their friends.

        Firstly, phones distract students in class. In our school, Ali played games during the mathematics \
        period and failed the test that came the next week.

        Secondly, phones cost money that many parents cannot spend. A good phone costs more than 40,000 rupees \
        and a poor family cannot buy one for every child.

        In conclusion, phones should stay at home so that students can learn and play together.
        """

    static func findings(_ text: String, minIllustrated: Int?) throws -> [Finding] {
        var rubric = try Fixtures.rubric("general-essay")
        let i = try #require(rubric.criteria.firstIndex { $0.id == "evidence" })
        let k = try #require(rubric.criteria[i].rules.firstIndex { $0.id == "evidence-examples" })
        rubric.criteria[i].rules[k].parameters =
            minIllustrated.map {
                RuleParameters(values: .object([("minIllustrated", .number(Double($0)))]), path: "params", file: "t")
            } ?? .defaults
        return try Fixtures.grade(text, rubric: rubric).findings.filter { $0.rule == "evidence-examples" }
    }

    @Test func twoPointsShownOfFourAskedFire() throws {
        let found = try Self.findings(Self.twoShown, minIllustrated: 4)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.range.start.line == 5 && f.range.start.column == 1)
        #expect(
            f.message
                == "only 2 points are shown with an example, a name or a number; a developed essay shows 4")
        #expect(f.marksLost > 0)
    }

    @Test func withoutMinIllustratedTheSameEssayPasses() throws {
        #expect(try Self.findings(Self.twoShown, minIllustrated: nil).isEmpty)
        #expect(try Self.findings(Self.twoShown, minIllustrated: 2).isEmpty)
    }

    @Test func theShippedSchoolRubricAsksForFour() throws {
        let rubric = try Fixtures.rubric("general-essay")
        let use = try #require(rubric.criteria.flatMap(\.rules).first { $0.id == "evidence-examples" })
        #expect(try use.parameters.read(EvidenceExamples.Param.minIllustrated) == 4)
    }
}
