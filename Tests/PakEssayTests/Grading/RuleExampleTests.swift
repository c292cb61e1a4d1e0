import Testing

@testable import PakEssay

/// Every rule's own examples: the firing ones fire and cost marks, the others do not.
@Suite struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: String
        let index: Int
        let example: RuleExample
        var testDescription: String { "\(rule) example \(index + 1) (\(example.fires ? "fires" : "does not fire"))" }
    }

    static let cases: [Case] = RuleRegistry.all.flatMap { type in
        type.description.examples.enumerated().map {
            Case(rule: type.description.id, index: $0.offset, example: $0.element)
        }
    }

    @Test func idsAreUniqueAndKebabCase() {
        let ids = RuleRegistry.all.map { $0.description.id } + RuleRegistry.diagnostics.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(id) is not kebab-case")
        }
    }

    @Test func everyRuleHasAFiringAndANonFiringExample() {
        for type in RuleRegistry.all {
            let examples = type.description.examples
            #expect(examples.contains { $0.fires }, "\(type.description.id) has no firing example")
            #expect(examples.contains { !$0.fires }, "\(type.description.id) has no non-firing example")
        }
    }

    @Test(arguments: cases)
    func example(_ c: Case) throws {
        let type = try #require(RuleRegistry.rule(c.rule))
        let rule = try type.make(.defaults).get()
        let document = try EssayParser.parse(text: c.example.text, source: "example.txt")
        let answer = try #require(document.answers.first)
        let rubric = try c.example.rubric.map { try Fixtures.rubric($0) } ?? Fixtures.rubric
        let context = GradingContext(answer: answer, lexicon: rubric.lexicon, expectedWords: rubric.expectedWords)
        let outcome = rule.evaluate(context)
        if c.example.fires {
            // A fault charged where it costs (narration caps arguments) may leave the rule's own credit whole.
            #expect(outcome.credit < 1 || !outcome.caps.isEmpty, "\(c.rule) should take credit away or cap")
            let first = try #require(outcome.findings.first, "\(c.rule) should say where")
            let at = try #require(c.example.at, "a firing example states where its finding lands")
            let fragment = try #require(c.example.message, "a firing example states part of its message")
            #expect("\(first.range.start.line):\(first.range.start.column)" == at, "\(c.rule) lands elsewhere")
            #expect(first.message.contains(fragment), "\(c.rule) says: \(first.message)")
            let lines = c.example.text.split(separator: "\n", omittingEmptySubsequences: false).count
            for f in outcome.findings {
                #expect(f.rule == c.rule)
                #expect(
                    f.range.start.line >= 1 && f.range.start.line <= lines,
                    "finding outside the example: \(f.range.start)")
                #expect(!f.message.isEmpty && !f.suggestion.isEmpty)
            }
        } else {
            #expect(c.example.at == nil && c.example.message == nil, "a marker on an example that does not fire")
            #expect(outcome.credit == 1, "\(c.rule) should not fire: \(outcome.findings.map(\.message))")
        }
    }

    /// A firing example costs marks when the rule is part of a rubric (measured before rounding).
    @Test(arguments: cases.filter { $0.example.fires })
    func firingExampleCostsMarks(_ c: Case) throws {
        var rubric = Fixtures.rubric
        guard rubric.criteria.contains(where: { $0.rules.contains { $0.id == c.rule } }) else { return }
        rubric.rounding = 0.0001
        let graded = try Fixtures.grade(c.example.text, rubric: rubric)
        let lost = graded.findings.filter { $0.rule == c.rule }.reduce(0) { $0 + $1.marksLost }
        #expect(lost > 0, "\(c.rule) fired but cost nothing")
    }
}
