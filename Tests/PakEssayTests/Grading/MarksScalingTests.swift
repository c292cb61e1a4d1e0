import Foundation
import Testing

@testable import PakEssay

/// `--marks N`: a scaled rubric keeps the examiner's reserve, the share and the band of the rubric's
/// own marks, and rounds the total to the rubric's step.
@Suite struct MarksScalingTests {
    static func answers(_ rubric: Rubric) -> [(name: String, answers: [GradedAnswer])] {
        let session = GradingSession(grader: Grader(rubric: rubric))
        return Fixtures.sampleNames.map { name in
            let items = session.grade(bytes: Fixtures.sample(name), source: "SampleEssays/" + name)
            return (name, items.compactMap { if case .graded(let g) = $0 { g } else { nil } })
        }
    }

    static let atTwenty = answers(Fixtures.rubric)

    @Test(arguments: [10.0, 7, 4, 100, 13.5])
    func everySampleKeepsItsShareAndBand(_ marks: Double) throws {
        let rubric = Fixtures.rubric.scaled(to: marks)
        let step = Fixtures.rubric.rounding
        for ((name, scaled), (_, native)) in zip(Self.answers(rubric), Self.atTwenty) {
            #expect(scaled.count == native.count && !native.isEmpty, "\(name)")
            for (s, n) in zip(scaled, native) {
                let share = s.marks / marks
                let nativeShare = n.marks / 20
                #expect(
                    abs(share - nativeShare) <= step / marks + 1e-9,
                    "\(name): \(s.marks)/\(marks) against \(n.marks)/20 is more than one step (\(step)) apart")
                #expect(s.band == n.band, "\(name): \(s.band) under --marks \(marks), \(n.band) under 20")
                let onStep = Rubric.divides(step, s.marks) || s.marks == marks
                #expect(onStep, "\(name): \(s.marks) is not a multiple of \(step)")
                #expect(
                    abs(s.criteria.reduce(0) { $0 + $1.score } - s.marks) < 1e-9, "\(name): the criteria do not add up")
                for c in s.criteria {
                    #expect(c.score >= 0 && c.score <= c.max + 1e-9, "\(name): \(c.id) \(c.score)/\(c.max)")
                    #expect(
                        Rubric.divides(rubric.criterionStep, c.score) || c.score == c.max, "\(name): \(c.id) \(c.score)"
                    )
                    let traced =
                        s.findings.filter { $0.criterion == c.id }.reduce(0) { $0 + $1.marksLost }
                        + (c.reserve?.marks ?? 0)
                    #expect(
                        abs(traced - (c.max - c.score)) < 0.005,
                        "\(name): \(c.id) loses \(c.max - c.score), traced \(traced)")
                }
            }
        }
    }

    @Test func aFlawlessAnswerKeepsTheReserveWhenScaledDown() {
        let scale = Fixtures.rubric.ceiling
        let own = Fixtures.rubric.roundScores(Fixtures.rubric.criteria.map { $0.marks * ($0.ceiling ?? scale) })
            .scores.reduce(0, +)
        // Each criterion keeps a tenth; language, structure and the conclusion a fifth: 17.5 of 20.
        #expect(own == 17.5)
        // At 2 marks the reserve (1.5 of 20) is smaller than the rounding step and may round away.
        for marks in [10.0, 7, 4] {
            let rubric = Fixtures.rubric.scaled(to: marks)
            let flawless = rubric.criteria.map { $0.marks * ($0.ceiling ?? rubric.ceiling) }
            let total = rubric.roundScores(flawless).scores.reduce(0, +)
            #expect(abs(total - own * marks / 20) <= rubric.rounding / 2 + 1e-9, "\(total)/\(marks)")
            #expect(total < marks, "the reserve is lost under --marks \(marks)")
        }
    }

    @Test func theCriterionStepIsTidyAndFine() {
        #expect(Fixtures.rubric.criterionStep == 0.5)
        #expect(Fixtures.rubric.scaled(to: 10).criterionStep == 0.25)
        #expect(Fixtures.rubric.scaled(to: 7).criterionStep == 0.1)
        #expect(Fixtures.rubric.scaled(to: 4).criterionStep == 0.1)
        #expect(Fixtures.rubric.scaled(to: 0.5).criterionStep == 0.01)
        #expect(Fixtures.rubric.scaled(to: 100).criterionStep == 0.5)
    }

    @Test func anyScaleIsSafe() throws {
        let text = String(decoding: Fixtures.sample("strong-cpec.txt"), as: UTF8.self)
        for marks in [Double.nan, .infinity, -.infinity, -5, 0, 1e-300, 1e18, 1e300, .greatestFiniteMagnitude] {
            let rubric = Fixtures.rubric.scaled(to: marks)
            #expect(rubric.maxMarks.isFinite && rubric.maxMarks > 0 && rubric.maxMarks <= Rubric.maximumMarks)
            let g = try Fixtures.grade(text, rubric: rubric)
            #expect(g.marks >= 0 && g.marks <= rubric.maxMarks, "\(marks): \(g.marks)/\(rubric.maxMarks)")
        }
        #expect(Fixtures.rubric.scaled(to: 1e18).maxMarks == Rubric.maximumMarks)
        #expect(Fixtures.rubric.scaled(to: .nan).maxMarks == 20)
    }

    @Test func scalingTwiceIsScalingOnce() {
        let twice = Fixtures.rubric.scaled(to: 10).scaled(to: 7)
        let once = Fixtures.rubric.scaled(to: 7)
        #expect(abs(twice.marksScale - once.marksScale) < 1e-12)
        #expect(twice.criterionStep == once.criterionStep)
    }

    /// The command line, as the issue found it: 9.5/10 for a 15.5/20 answer, and totals such as 1.3/4. (The
    /// sample now scores 17.5/20: language, structure and the conclusion keep a fifth in reserve.)
    @Test func theBinaryKeepsTheReserveAndTheStep() throws {
        func record(_ marks: String, _ sample: String = "strong-climate") throws -> [String: JSONValue] {
            let r = try runBinary(["grade", "SampleEssays/\(sample).txt", "--marks", marks, "--format", "jsonl"])
            #expect(r.code == 0, "\(r.err)")
            guard case .object(let pairs) = try JSONReader.parse(Array(r.out.utf8)) else { return [:] }
            return Dictionary(pairs, uniquingKeysWith: { a, _ in a })
        }
        let native = try record("20")
        let ten = try record("10")
        let four = try record("4")
        #expect(native["marks"] == .number(17.5))
        #expect(ten["marks"] == .int(9), "\(String(describing: ten["marks"]))")
        #expect(ten["band"] == native["band"])
        #expect(four["marks"] == .number(3.5), "\(String(describing: four["marks"]))")
        #expect(four["band"] == native["band"])
        // 9/20, Below average: 1.8/4 rounds to the half mark, and the band is the native one.
        let small = try record("4", "average-extremism")
        #expect(
            small["marks"] == .int(2) && small["band"] == .string("Below average"),
            "\(small["marks"]!) \(small["band"]!)")
    }
}
