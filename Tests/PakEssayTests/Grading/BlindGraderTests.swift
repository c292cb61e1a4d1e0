import Foundation
import Testing

@testable import PakEssay

/// The grader and the reporters know no rule by name: what a rule does to a grade travels in its
/// outcome and its description, what a diagnostic shows in its kind, and the reserve in the score.
@Suite struct BlindGraderTests {
    /// Every id a rubric, a rule or the parser can give a finding.
    static var ids: [String] {
        RuleRegistry.all.map { $0.description.id } + DiagnosticKind.allCases.map(\.rawValue) + [Reserve.id]
    }

    /// The Swift files of the grader (Grading's own files, not its rules), the reporters, calibration
    /// and the command.
    static var pipelineFiles: [URL] {
        let folders = [
            "Sources/PakEssay/Grading", "Sources/PakEssay/Reporting", "Sources/PakEssay/Calibration",
            "Sources/pakessay",
        ]
        var files: [URL] = []
        for folder in folders {
            let url = Fixtures.root.appendingPathComponent(folder)
            let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
            while let file = walker?.nextObject() as? URL {
                let path = file.path
                if path.hasSuffix(".swift"), !path.contains("/Grading/Rules/"), !path.contains("/Grading/Language/") {
                    files.append(file)
                }
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    @Test func noRuleIdIsWrittenInTheGraderTheReportersOrTheCommand() throws {
        let files = Self.pipelineFiles
        #expect(files.count >= 30, "found only \(files.count) files: is the package root right?")
        var named: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            // The reserve's id is declared once, where the reserve is.
            for line in text.split(separator: "\n") where !line.contains("static let id =") {
                for id in Self.ids where line.contains("\"\(id)\"") {
                    named.append("\(file.lastPathComponent): \(id)")
                }
            }
        }
        #expect(named == [])
    }

    @Test func theReserveIsPartOfTheCriterionScoreNotAFinding() throws {
        let g = try Fixtures.grade(String(decoding: Fixtures.sample("strong-cpec.txt"), as: UTF8.self))
        #expect(!g.findings.contains { $0.rule == Reserve.id })
        let kept = g.criteria.compactMap(\.reserve)
        #expect(kept.count == g.criteria.count)
        // Language, structure and the conclusion keep a fifth (their own ceiling, 0.8), every other criterion
        // a tenth (the scale's 0.9).
        for score in g.criteria {
            let share = ["language", "structure", "conclusion"].contains(score.id) ? 0.2 : 0.1
            #expect(abs((score.reserve?.share ?? 0) - share) < 1e-9, "\(score.id)")
        }
        // The listing reports show one note a criterion, at the question line, in the grade's order.
        let notes = g.listedFindings.filter { $0.rule == Reserve.id }
        #expect(notes.map(\.criterion) == g.criteria.map(\.id).sorted())
        #expect(notes.map(\.marksLost) == g.criteria.sorted { $0.id < $1.id }.map { $0.reserve!.marks })
        #expect(g.listedFindings.count == g.findings.count + g.criteria.count)
        let listed = g.listedFindings
        #expect(zip(listed, listed.dropFirst()).allSatisfy { !Finding.precedes($1, $0) })
        #expect(abs(g.reserveMarks - kept.reduce(0) { $0 + $1.marks }) < 1e-9)
    }

    @Test func aRubricWithNoCeilingKeepsNoReserve() throws {
        var rubric = Fixtures.rubric
        rubric.ceiling = 1
        for i in rubric.criteria.indices { rubric.criteria[i].ceiling = nil }
        let g = try Fixtures.grade(String(decoding: Fixtures.sample("strong-cpec.txt"), as: UTF8.self), rubric: rubric)
        #expect(g.criteria.allSatisfy { $0.reserve == nil })
        #expect(g.listedFindings == g.findings)
    }

    @Test func aDiagnosticIsListedAsItsKindSays() throws {
        #expect(DiagnosticKind.allCases.map(\.rawValue) == RuleRegistry.diagnostics.map(\.id))
        let g = try Fixtures.grade(
            "Q.1 Discuss the causes of inflation in Pakistan.\n\nInflation ~~has many causes, because money is printed."
        )
        let unclosed = try #require(g.findings.first { $0.rule == DiagnosticKind.markupUnclosed.rawValue })
        let shown = try #require(DiagnosticKind.markupUnclosed.asFinding)
        #expect(unclosed.criterion == shown.criterion && shown.criterion == "presentation")
        #expect(unclosed.severity == .note)
        #expect(unclosed.suggestion == shown.suggestion)
        #expect(unclosed.marksLost == 0)
        #expect(DiagnosticKind.numberingSkipped.asFinding == nil && DiagnosticKind.numberingSkipped.isNumbering)
    }

    @Test func theSpellingCountComesFromTheRuleThatDeclaresIt() throws {
        #expect(RuleRegistry.all.filter { $0.countsMisspellings }.map { $0.description.id } == ["language-spelling"])
        let g = try Fixtures.grade(
            """
            Q.1 Discuss the role of the government in Pakistan.\n\nThe goverment must recieve the support of \
            the people untill the economy is stable.
            """)
        #expect(g.spellingErrors == 3)
        #expect(g.findings.filter { $0.rule == "language-spelling" }.reduce(0) { $0 + $1.count } == 3)
    }

    @Test func adviceLivesInTheRulesDescription() {
        let advised = RuleRegistry.all.filter { $0.description.advice.improvement != nil }.map { $0.description.id }
        #expect(advised == ["arguments-underdeveloped", "evidence-missing-in-section", "language-spelling"])
        let evidence = Improvements.advice["evidence-missing-in-section"]?.fault?("sections 2 and 3", 2)
        #expect(evidence == "sections 2 and 3 without a fact, figure or source")
        let shared = RuleRegistry.all.filter { $0.description.advice.sharedFault != nil }.map { $0.description.id }
        #expect(shared == ["presentation-length", "answer-too-short"])
    }

    /// Before caps and rounding, what a criterion keeps, what it holds in reserve and what its findings
    /// cost add up to its marks, for every sample.
    @Test func theCriterionScorerTracesEveryMarkItTakes() throws {
        let scorer = CriterionScorer(rubric: Fixtures.rubric)
        let rules = RuleRegistry.rules(of: Fixtures.rubric)
        for name in Fixtures.sampleNames {
            let doc = try EssayParser.parse(bytes: Fixtures.sample(name), source: name)
            for answer in doc.answers {
                let context = GradingContext(
                    answer: answer, question: nil, lexicon: Fixtures.rubric.lexicon,
                    expectedWords: Fixtures.rubric.expectedWords)
                for (criterion, made) in zip(Fixtures.rubric.criteria, rules) {
                    let s = scorer.score(criterion, rules: made, context)
                    let total = s.value + (s.reserve ?? 0) + s.findings.reduce(0) { $0 + $1.marksLost }
                    #expect(abs(total - criterion.marks) < 1e-6, "\(name) \(criterion.id): \(total)")
                    #expect(s.reserveAt == s.findings.count)
                }
            }
        }
    }
}
