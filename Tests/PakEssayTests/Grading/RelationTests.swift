import Foundation
import Testing

@testable import PakEssay

/// Relations that must hold for any answer, checked over the samples and mutations of them.
/// Scores are compared before the rubric's rounding (a rubric copy with a tiny rounding step),
/// so a change that should move a criterion does so visibly.
@Suite struct RelationTests {
    static let fine: Rubric = {
        var r = Fixtures.rubric
        r.rounding = 0.0001
        return r
    }()

    /// Each single-answer sample as text, plus a mutation of each: its second body paragraph written twice.
    static let inputs: [(String, String)] = {
        var out: [(String, String)] = []
        for name in Fixtures.sampleNames where name != "two-answers.txt" {
            let text = String(decoding: Fixtures.sample(name), as: UTF8.self)
            out.append((name, text))
            if let doc = try? EssayParser.parse(text: text, source: name), doc.answers[0].allParagraphs.count >= 3 {
                let last = doc.answers[0].allParagraphs[1]
                var lines = text.components(separatedBy: "\n")
                let block = lines[(last.range.start.line - 1)...(last.range.end.line - 1)]
                lines.insert(contentsOf: [""] + block, at: last.range.end.line)
                out.append((name + " (paragraph repeated)", lines.joined(separator: "\n")))
            }
        }
        return out
    }()
    static let names = inputs.map(\.0)
    static func text(_ name: String) -> String { inputs.first { $0.0 == name }!.1 }

    static func scores(_ text: String, rubric: Rubric = fine) throws -> [String: Double] {
        let g = try Fixtures.grade(text, rubric: rubric)
        return Dictionary(uniqueKeysWithValues: g.criteria.map { ($0.id, $0.score) })
    }

    /// Removes every struck span that opens and closes on one line; a substitution keeps its new text.
    static func removingCuttings(_ text: String) -> String {
        var out = text
        let patterns: [(String, String)] = [
            (#"\{~~[^\n]*?~>([^\n]*?)~~\}"#, "{++$1++}"), (#"~~[^~\n]*~~"#, ""), (#"\{--[^\n]*?--\}"#, ""),
            (#"<del>[^<\n]*</del>"#, ""), (#"<s>[^<\n]*</s>"#, ""), (#"<strike>[^<\n]*</strike>"#, ""),
        ]
        for (pattern, template) in patterns {
            let regex = try! NSRegularExpression(pattern: pattern)
            out = regex.stringByReplacingMatches(
                in: out, range: NSRange(out.startIndex..., in: out), withTemplate: template)
        }
        return out
    }

    @Test(arguments: names)
    func removingCuttingsNeverLowersPresentationAndLeavesContentAlone(_ name: String) throws {
        let before = try Self.scores(Self.text(name))
        let stripped = Self.removingCuttings(Self.text(name))
        let after = try Self.scores(stripped)
        #expect(after["presentation"]! >= before["presentation"]! - 1e-9)
        for id in ["relevance", "introduction", "structure", "arguments", "evidence", "conclusion"] {
            #expect(abs(after[id]! - before[id]!) < 1e-9, "\(id) moved from \(before[id]!) to \(after[id]!)")
        }
    }

    @Test(arguments: names)
    func addingADatedAttributedFactNeverLowersEvidence(_ name: String) throws {
        let text = Self.text(name)
        let doc = try EssayParser.parse(text: text, source: name)
        let context = GradingContext(
            answer: doc.answers[0], lexicon: Fixtures.rubric.lexicon, expectedWords: Fixtures.rubric.expectedWords)
        let before = try Self.scores(text)["evidence"]!
        let withEvidence = Set(context.evidence.map(\.paragraph))
        for unit in context.arguments.prefix(4) where unit.role != .wayForward {
            let paragraph = context.paragraphs[unit.paragraphs[0]].paragraph
            var lines = text.components(separatedBy: "\n")
            lines[paragraph.range.end.line - 1] +=
                " According to the State Bank of Pakistan, inflation reached 29 per cent in 2023."
            let after = try Self.scores(lines.joined(separator: "\n"))["evidence"]!
            #expect(after >= before - 1e-9, "\(unit.name): evidence fell from \(before) to \(after)")
            if !unit.paragraphs.contains(where: withEvidence.contains) {
                #expect(
                    after > before, "\(unit.name) had no evidence; adding some should raise evidence above \(before)")
            }
        }
    }

    @Test(arguments: names)
    func deletingTheConclusionCostsItsMarks(_ name: String) throws {
        let text = Self.text(name)
        let doc = try EssayParser.parse(text: text, source: name)
        let context = GradingContext(
            answer: doc.answers[0], lexicon: Fixtures.rubric.lexicon, expectedWords: Fixtures.rubric.expectedWords)
        guard let end = context.conclusion else { return }
        let first = end.range.start.line
        let last =
            end.section.map { context.sections[$0].section.endLine }
            ?? context.paragraphs[end.paragraphs.last!].paragraph.range.end.line
        var lines = text.components(separatedBy: "\n")
        lines.removeSubrange((first - 1)...(last - 1))
        let g = try Fixtures.grade(lines.joined(separator: "\n"), rubric: Self.fine)
        let conclusion = g.criteria.first { $0.id == "conclusion" }!
        #expect(conclusion.score <= 0.25 * conclusion.max)
        #expect(g.findings.contains { $0.rule == "conclusion-missing" })
    }

    @Test(arguments: names)
    func headingsAsPlainTextLowerStructure(_ name: String) throws {
        let text = Self.text(name)
        let doc = try EssayParser.parse(text: text, source: name)
        let headings = doc.answers[0].allSections.filter { $0.title != nil }
        guard headings.count >= 2 else { return }
        var lines = text.components(separatedBy: "\n")
        for s in headings {
            let title = s.title!.lowercased()
            lines[s.position.line - 1] = title.prefix(1).uppercased() + title.dropFirst() + " is discussed here."
        }
        let before = try Self.scores(text)["structure"]!
        let after = try Self.scores(lines.joined(separator: "\n"))["structure"]!
        #expect(after < before, "structure \(before) → \(after)")
    }

    @Test(arguments: names)
    func anUnrelatedQuestionLowersRelevance(_ name: String) throws {
        let text = Self.text(name)
        let doc = try EssayParser.parse(text: text, source: name)
        guard let q = doc.answers[0].question else { return }
        var lines = text.components(separatedBy: "\n")
        lines[q.position.line - 1] = "Q.1 Discuss the role of cricket in promoting winter tourism in Switzerland."
        let before = try Self.scores(text)["relevance"]!
        let after = try Self.scores(lines.joined(separator: "\n"))["relevance"]!
        #expect(after < before, "relevance \(before) → \(after)")
    }

    @Test(arguments: Fixtures.sampleNames)
    func crlfAndLFGradeTheSameAndGradingIsDeterministic(_ name: String) throws {
        let lf = Fixtures.sample(name)
        var crlf: [UInt8] = []
        for b in lf {
            if b == 0x0A { crlf.append(0x0D) }
            crlf.append(b)
        }
        let session = GradingSession(grader: Grader(rubric: Fixtures.rubric))
        let render = { (bytes: [UInt8]) in
            JSONReporter().render(GradeBatch(rubric: Fixtures.rubric, items: session.grade(bytes: bytes, source: name)))
        }
        let first = render(lf)
        #expect(render(crlf) == first)
        #expect(render(lf) == first)
    }
}
