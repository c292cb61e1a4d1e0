import Testing

@testable import PakEssay

/// Rule parameters are declared once (name, default, bounds, meaning): the description shows the
/// default the initialiser uses, and a rubric value outside the declared bounds is refused.
@Suite struct RuleParameterTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: String
        let parameter: any DeclaredParameter
        var testDescription: String { "\(rule).\(parameter.name)" }
    }

    static let cases: [Case] = RuleRegistry.all.flatMap { type in
        type.description.parameters.map { Case(rule: type.description.id, parameter: $0) }
    }

    /// The parameters of `rule` with `name` set to `value`, as a rubric would give them.
    static func parameters(_ name: String, _ value: JSONValue) -> RuleParameters {
        RuleParameters(values: .object([(name, value)]), path: "rules[0].params", file: "probe.json")
    }

    @Test func everyRuleDeclaresItsParametersOnceEach() {
        for type in RuleRegistry.all {
            let names = type.description.parameters.map(\.name)
            #expect(Set(names).count == names.count, "\(type.description.id) declares a parameter twice")
        }
        #expect(Self.cases.count > 50)
    }

    @Test(arguments: cases)
    func meaningStatesTheDeclaredDefault(_ c: Case) {
        let p = c.parameter
        #expect(!p.meaning.contains(defaultMark), "\(c.testDescription): the mark is left in")
        let written: String
        switch p {
        case let n as NumberParameter:
            #expect(n.text.contains(defaultMark), "\(c.testDescription) does not state its default")
            written = JSONValue.format(n.fallback)
        case let o as OptionalNumberParameter:
            #expect(o.text.contains(defaultMark), "\(c.testDescription) does not state what stands in its place")
            written = o.absent
        case let f as FlagParameter:
            #expect(f.text.contains(defaultMark), "\(c.testDescription) does not state its default")
            written = f.fallback ? "true" : "false"
        case let l as ListParameter:
            #expect(l.text.contains(defaultMark), "\(c.testDescription) does not state its default")
            written = l.fallback.first ?? ""
        default:
            Issue.record("\(c.testDescription): an unknown kind of parameter")
            return
        }
        #expect(p.meaning.contains("default") && p.meaning.contains(written), "\(p.meaning)")
    }

    @Test(arguments: cases)
    func theDeclaredDefaultAndBoundsAreTheOnesTheRuleAccepts(_ c: Case) throws {
        let type = try #require(RuleRegistry.rule(c.rule))
        let atDefault: JSONValue
        switch c.parameter {
        case let n as NumberParameter:
            atDefault = .number(n.fallback)
            Self.checkBounds(c, type, minimum: n.minimum, maximum: n.maximum)
        case let o as OptionalNumberParameter:
            atDefault = .number(o.minimum.isFinite ? o.minimum : 0)
            Self.checkBounds(c, type, minimum: o.minimum, maximum: o.maximum)
        case let f as FlagParameter:
            atDefault = .bool(f.fallback)
        case let l as ListParameter:
            atDefault = .array(l.fallback.map { .string($0) })
        default:
            Issue.record("\(c.testDescription): an unknown kind of parameter")
            return
        }
        #expect(throws: Never.self) { try type.make(Self.parameters(c.parameter.name, atDefault)).get() }
    }

    /// A number at its minimum is taken; one below it, or above its maximum, is refused with the error naming
    /// its key path.
    static func checkBounds(_ c: Case, _ type: any GradingRule.Type, minimum: Double, maximum: Double) {
        let name = c.parameter.name
        if minimum.isFinite {
            let below = type.make(Self.parameters(name, .number(minimum - 0.5)))
            #expect(throws: Never.self) { try type.make(Self.parameters(name, .number(minimum))).get() }
            guard case .failure(let error) = below else {
                Issue.record("\(c.testDescription) accepts a value below its minimum")
                return
            }
            #expect(error.message.contains("at rules[0].params.\(name): must be at least"), "\(error.message)")
        }
        let above = type.make(Self.parameters(name, .number(maximum + 1)))
        if case .success = above { Issue.record("\(c.testDescription) accepts a value above its maximum") }
    }

    /// `evidence-examples`' `untoldShare` is set or left out, never -1 for "unset": left out, a letter owes
    /// `share` as an argued answer does; a negative value is refused as every other share's is.
    @Test func theUntoldShareIsSetOrLeftOut() throws {
        let type = try #require(RuleRegistry.rule("evidence-examples"))
        let unset = try #require(try type.make(RuleParameters.defaults).get() as? EvidenceExamples)
        #expect(unset.untoldShare == nil)
        let set = try #require(try type.make(Self.parameters("untoldShare", .number(0.3))).get() as? EvidenceExamples)
        #expect(set.untoldShare == 0.3)
        for value in [-1, -0.5] {
            guard case .failure(let error) = type.make(Self.parameters("untoldShare", .number(value))) else {
                Issue.record("untoldShare \(value) is taken")
                continue
            }
            #expect(error.message == "probe.json: at rules[0].params.untoldShare: must be at least 0")
        }
    }
}
