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
            if n.minimum.isFinite {
                let below = type.make(Self.parameters(n.name, .number(n.minimum - 0.5)))
                #expect(throws: Never.self) { try type.make(Self.parameters(n.name, .number(n.minimum))).get() }
                guard case .failure(let error) = below else {
                    Issue.record("\(c.testDescription) accepts a value below its minimum")
                    return
                }
                #expect(error.message.contains("at rules[0].params.\(n.name): must be at least"), "\(error.message)")
            }
            let above = type.make(Self.parameters(n.name, .number(n.maximum + 1)))
            if case .success = above { Issue.record("\(c.testDescription) accepts a value above its maximum") }
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
}
