import Testing

@testable import PakEssay

/// Invariants of grading over generated and mutated transcripts (fixed seed; how many: `PropertySize`).
@Suite struct GradingPropertyTests {
    static let samples = Fixtures.sampleNames.map { String(decoding: Fixtures.sample($0), as: UTF8.self) }

    @Test func invariantsHoldForGeneratedTranscripts() throws {
        var rng = SplitMix64(seed: 0x5EED_CAFE)
        let grader = Grader(rubric: Fixtures.rubric)
        for n in 0..<PropertySize.cases(300) {
            let text = TranscriptMaker.make(&rng, samples: Self.samples)
            let document = try EssayParser.parse(text: text, source: "gen-\(n).txt")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.unicodeScalars.count }
            let lineCount = max(1, text.utf8.filter { $0 == 0x0A || $0 == 0x0D }.count + 1)
            for answer in document.answers {
                let g = grader.grade(answer, source: "gen-\(n).txt")
                #expect(g.marks >= 0 && g.marks <= g.maxMarks, "#\(n): marks \(g.marks)")
                #expect(abs(g.criteria.reduce(0) { $0 + $1.score } - g.marks) < 1e-9)
                for c in g.criteria { #expect(c.score >= 0 && c.score <= c.max, "#\(n): \(c.id) \(c.score)") }
                for f in g.findings {
                    #expect(
                        f.range.start.line >= 1 && f.range.start.line <= lineCount,
                        "#\(n): \(f.rule) at line \(f.range.start.line) of \(lineCount)")
                    #expect(f.range.start.column >= 1)
                    if f.range.start.line <= lines.count {
                        #expect(
                            f.range.start.column <= lines[f.range.start.line - 1] + 1,
                            "#\(n): \(f.rule) at \(f.range.start)")
                    }
                    #expect(f.marksLost >= 0)
                }
                let s = answer.stats
                #expect(
                    s.words >= 0 && s.paragraphs >= 0 && s.headings >= 0 && s.cuttings >= 0 && s.insertions >= 0
                        && s.corrections >= 0 && s.pages >= 1)
                #expect(g.sentences >= 0 && g.spellingErrors >= 0)
            }
        }
    }

    @Test func gradingIsDeterministicAndParallelKeepsOrder() {
        var rng = SplitMix64(seed: 42)
        let texts = (0..<PropertySize.cases(60)).map { _ in TranscriptMaker.make(&rng, samples: Self.samples) }
        let session = GradingSession(grader: Grader(rubric: Fixtures.rubric))
        let work: [@Sendable () -> [GradeBatch.Item]] = texts.enumerated().map { k, text in
            { session.grade(bytes: Array(text.utf8), source: "gen-\(k).txt") }
        }
        let render = { (results: [[GradeBatch.Item]]) in
            JSONReporter().render(GradeBatch(rubric: Fixtures.rubric, items: results.flatMap { $0 }))
        }
        let one = render(session.grade(work, jobs: 1))
        #expect(render(session.grade(work, jobs: 4)) == one)
        #expect(render(session.grade(work, jobs: 1)) == one)
    }
}
