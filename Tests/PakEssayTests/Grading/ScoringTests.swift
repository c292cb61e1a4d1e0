import Foundation
import Testing

@testable import PakEssay

/// Scores add up, every mark lost is traced, and the samples land where an examiner would put them.
@Suite struct ScoringTests {
    static var graded: [GradedAnswer] {
        Fixtures.gradedSamples.flatMap { $0.items.compactMap { if case .graded(let g) = $0 { g } else { nil } } }
    }

    @Test func criteriaAddUpAndLossesAreTraced() {
        for g in Self.graded {
            let sum = g.criteria.reduce(0) { $0 + $1.score }
            #expect(abs(sum - g.marks) < 1e-9, "\(g.source): criteria sum to \(sum), marks are \(g.marks)")
            #expect(
                g.criteria.map(\.id) == [
                    "relevance", "introduction", "structure", "arguments", "evidence", "conclusion", "presentation",
                    "language",
                ])
            for c in g.criteria {
                #expect(c.score >= 0 && c.score <= c.max)
                #expect((c.score / 0.5).rounded() * 0.5 == c.score, "\(c.id) not rounded to 0.5")
                let lost =
                    g.findings.filter { $0.criterion == c.id }.reduce(0) { $0 + $1.marksLost } + (c.reserve?.marks ?? 0)
                #expect(
                    abs(lost - (c.max - c.score)) < 0.005,
                    "\(g.source) \(c.id): findings trace \(lost) of \(c.max - c.score) lost")
            }
        }
    }

    @Test func everyFindingIsLocatedAndExplained() {
        for g in Self.graded {
            for f in g.findings {
                #expect(
                    f.range.start.line >= g.answer.line - 1 && f.range.start.line <= g.answer.endLine + 1,
                    "\(f.rule) at \(f.range.start) outside answer \(g.answer.line)–\(g.answer.endLine)")
                #expect(f.range.start.column >= 1)
                #expect(!f.message.isEmpty && !f.suggestion.isEmpty)
                #expect(f.marksLost >= 0)
            }
        }
    }

    @Test func threeImprovementsForEveryAnswerThatLostMarks() {
        for g in Self.graded where g.marks < 15 {
            #expect(g.improvements.count == 3, "\(g.source) has \(g.improvements.count) improvements")
        }
    }

    @Test func bands() {
        let rubric = Fixtures.rubric
        #expect(rubric.band(for: 16) == "Exceptional")
        #expect(rubric.band(for: 12.5) == "Good")
        #expect(rubric.band(for: 10) == "Average")
        #expect(rubric.band(for: 9.5) == "Below average")
        #expect(rubric.band(for: 3) == "Poor")
    }

    /// The calibration in SampleEssays/expected.json: strong 14–17, average 8–12, weak 7 or less, one paragraph 5 or less,
    /// rules that must and must not fire, and no false spelling alarm on a proper noun or Pakistani term.
    @Test func samplesMatchTheirExpectations() throws {
        let check = try SampleCheck.load(path: Fixtures.samples.appendingPathComponent("expected.json").path)
        let rows = check.compare(Fixtures.gradedSamples.map { ($0.name, $0.items) })
        for row in rows { #expect(row.ok, "\(row.name): \(row.problems.joined(separator: "; "))") }
        #expect(rows.count == 10)
    }

    @Test func tutorRemarkAboutReferencesAndPresentationIsAgreedWith() throws {
        let g = try #require(Self.graded.first { $0.source.hasSuffix("average-extremism.txt") })
        let remark = try #require(g.remarks.first)
        #expect(remark.remark.text == "improve the references and the paper presentation.")
        #expect(remark.criteria == ["evidence", "presentation"])
        #expect(remark.agrees == true)
        let weakest = g.criteria.sorted { $0.score / $0.max < $1.score / $1.max }.prefix(3).map(\.id)
        #expect(weakest.contains("evidence"))
    }

    @Test func noQuestionMeansRelevanceCannotBeJudgedAndQuestionOptionFixesIt() throws {
        let text = String(decoding: Fixtures.sample("no-question.txt"), as: UTF8.self)
        let without = try Fixtures.grade(text)
        #expect(without.findings.contains { $0.rule == "question-missing" })
        #expect(without.findings.contains { $0.message.contains("could not be judged") })
        let with = try Fixtures.grade(text, question: "Discuss the role of youth in nation building in Pakistan.")
        #expect(!with.findings.contains { $0.message.contains("could not be judged") })
        #expect(with.question?.directive == "discuss")
    }

    @Test func findingsBeyondTheLimitAreFoldedIntoOneThatKeepsTheirMarks() throws {
        // 120 headings, over one sentence and two by turns: one finding each from the underdeveloped-argument
        // rule (a run of four or more of one size would be one finding of that rule; see ReviewElevenCSSTests).
        let body = (1...120).map {
            "\($0). PART \($0)\nInflation rose because the rupee fell.\($0 % 2 == 0 ? " Prices climbed." : "")\n"
        }
        .joined(separator: "\n")
        let text = "Q.1 Discuss the causes of inflation in Pakistan.\n\n" + body
        var unlimited = Fixtures.rubric
        unlimited.findingsPerRule = nil
        let all = try Fixtures.grade(text, rubric: unlimited)
        let folded = try Fixtures.grade(text, rubric: Fixtures.rubric)
        #expect(Fixtures.rubric.findingsPerRule == 50)
        #expect(all.findings.filter { $0.rule == "arguments-underdeveloped" }.count == 120)
        let tied = folded.findings.filter { $0.rule == "arguments-underdeveloped" }
        #expect(tied.count == 51)
        let more = try #require(tied.first { $0.message.hasPrefix("70 more like the 50 listed") })
        let third = try #require(all.findings.filter { $0.rule == "arguments-underdeveloped" }.dropFirst(50).first)
        #expect(more.range == third.range)
        #expect(more.message.contains("from line \(third.range.start.line) to line "))
        #expect(more.folded == 69 && more.count == 70)
        #expect(tied.reduce(0) { $0 + $1.count } == 120)
        // The marks are the same, and the folded finding carries what the 70 it stands for lost.
        #expect(folded.marks == all.marks)
        #expect(folded.criteria == all.criteria)
        for c in folded.criteria {
            let lost =
                folded.findings.filter { $0.criterion == c.id }.reduce(0) { $0 + $1.marksLost }
                + (c.reserve?.marks ?? 0)
            #expect(abs(lost - (c.max - c.score)) < 0.005, "\(c.id): findings trace \(lost) of \(c.max - c.score) lost")
        }
        let allTied = all.findings.filter { $0.rule == "arguments-underdeveloped" }
        let tail = allTied.dropFirst(50).reduce(0) { $0 + $1.marksLost }
        #expect(abs(more.marksLost - tail) < 0.02 * 70 + 0.01)
    }

    @Test func foldedMisspellingsStillCountInTheStatisticsAndTheAdvice() throws {
        // 70 different misspellings from the rubric's list, in one paragraph of an otherwise sound answer.
        let lexicon = Fixtures.rubric.lexicon
        let wrong = Array(
            lexicon.misspellings.keys.sorted().filter { w in
                w.unicodeScalars.allSatisfy { $0.value >= 0x61 && $0.value <= 0x7A } && !lexicon.properWords.contains(w)
            }.prefix(70))
        #expect(wrong.count == 70)
        let text =
            "Q.1 Discuss the economy of Pakistan.\n\nThe economy of Pakistan has grown slowly for many years.\n\n"
            + "Many candidates write " + wrong.joined(separator: " ")
            + " in their answers.\n\nIn conclusion, the economy of Pakistan needs reform.\n"
        var unlimited = Fixtures.rubric
        unlimited.findingsPerRule = nil
        let all = try Fixtures.grade(text, rubric: unlimited)
        let folded = try Fixtures.grade(text, rubric: Fixtures.rubric)
        let listed = all.findings.filter { $0.rule == "language-spelling" }.count
        #expect(listed >= 70)
        #expect(folded.findings.filter { $0.rule == "language-spelling" }.count == 51)
        #expect(folded.spellingErrors == all.spellingErrors && folded.spellingErrors == listed)
        let advice = try #require(folded.improvements.first { $0.hasPrefix("Correct ") })
        #expect(advice.hasPrefix("Correct \(listed) misspellings"), "\(advice)")
        #expect(
            advice == all.improvements.first { $0.hasPrefix("Correct ") },
            "the advice is the same whether findings are folded or not")
    }

    @Test func marksOptionScalesTheRubric() throws {
        let scaled = Fixtures.rubric.scaled(to: 10)
        #expect(scaled.maxMarks == 10)
        #expect(abs(scaled.criteria.reduce(0) { $0 + $1.marks } - 10) < 1e-9)
        let g = try Fixtures.grade(String(decoding: Fixtures.sample("strong-cpec.txt"), as: UTF8.self), rubric: scaled)
        #expect(g.marks <= 10 && g.marks >= 6)
    }
}
