/// What a question's directive owes, as the marking guide's directive table says. `relevance-directive`
/// charges a demand the answer does not meet (once, however many directives make it);
/// `structure-owed-sections` only asks that a demand the answer meets have its own section, so that one
/// missed demand is one finding.
public enum DirectiveDemand: String, Sendable, CaseIterable {
    /// The other side weighed: strengths and weaknesses, for and against, challenges or criticism.
    case otherSide
    /// An explicit judgment.
    case judgment
    /// Several aspects, each argued.
    case aspects
    /// Concrete recommendations.
    case recommendations
    /// Both items treated, side by side.
    case comparison
    /// Examples and evidence.
    case evidence
    /// The points set out, each briefly developed.
    case points
    /// The issue weighed, not narrated: most of the body argues rather than tells events in sequence.
    case analysis

    /// Phrases in a question that put a proposition with two sides ("whether", "do you agree"): there
    /// "discuss" owes both sides.
    static let twoSidedPhrases: [[String]] = [
        ["whether"], ["do", "you", "agree"], ["agree", "or", "disagree"], ["pros", "and", "cons"],
        ["merits", "and", "demerits"], ["advantages", "and", "disadvantages"], ["for", "and", "against"],
        ["strengths", "and", "weaknesses"], ["myth", "or", "reality"], ["blessing", "or", "curse"],
        ["boon", "or", "bane"], ["opportunities", "and", "challenges"], ["prospects", "and", "challenges"],
    ]

    /// True when the question puts a proposition with two sides.
    static func hasTwoSides(_ question: String) -> Bool {
        let words = lowercaseWords(question)
        return twoSidedPhrases.contains { phrase in
            words.indices.contains { i in
                i + phrase.count <= words.count && words[i..<(i + phrase.count)].elementsEqual(phrase)
            }
        }
    }
}

/// A section a directive owes an answer with headings: `structure-owed-sections` asks for it.
public enum OwedSection: String, Sendable, CaseIterable {
    /// A section for the challenges, implications or criticism: the other side.
    case challenges
    /// A way-forward section of recommendations.
    case wayForward
}

/// One directive of the rubric's `directives` table: what it owes in content and in sections.
public struct Directive: Sendable, Hashable {
    /// What it owes in any question.
    public var owes: [DirectiveDemand]
    /// What it owes besides when the question puts a proposition with two sides ("discuss whether …").
    public var whenTwoSided: [DirectiveDemand]
    /// The sections it owes an answer with headings.
    public var sections: [OwedSection]

    /// Creates a directive's entry.
    public init(owes: [DirectiveDemand], whenTwoSided: [DirectiveDemand] = [], sections: [OwedSection] = []) {
        self.owes = owes
        self.whenTwoSided = whenTwoSided
        self.sections = sections
    }

    /// A directive the table does not list owes its points set out, and no section.
    public static let unlisted = Directive(owes: [.points])
}

/// The rubric's directive table (its `directives` key): which directive owes which demands and sections.
public struct DirectiveTable: Sendable {
    /// The entries by directive, as `DirectiveFinder` names them ("critically analyse", "discuss").
    public var entries: [String: Directive]

    /// Creates a table.
    public init(_ entries: [String: Directive]) { self.entries = entries }

    /// The entry of a directive (`Directive.unlisted` when the table has none).
    public func directive(_ name: String) -> Directive { entries[name] ?? .unlisted }

    /// What one directive owes in this question.
    public func owed(by directive: String, question: String) -> [DirectiveDemand] {
        let entry = self.directive(directive)
        guard !entry.whenTwoSided.isEmpty, DirectiveDemand.hasTwoSides(question) else { return entry.owes }
        return entry.owes + entry.whenTwoSided.filter { !entry.owes.contains($0) }
    }

    /// Every demand a question's directives make, each once, with the first directive that makes it.
    public func owed(by question: Question) -> [(demand: DirectiveDemand, directive: String)] {
        var out: [(demand: DirectiveDemand, directive: String)] = []
        for directive in question.directives {
            let new = owed(by: directive, question: question.text).filter { d in !out.contains { $0.demand == d } }
            for demand in new {
                out.append((demand, directive))
            }
        }
        return out
    }

    /// True when one of the question's directives owes that section.
    public func owes(_ section: OwedSection, _ question: Question) -> Bool {
        question.directives.contains { directive($0).sections.contains(section) }
    }

    /// The table a rubric without a `directives` key gets: the marking guide's demands, a challenges
    /// section for the critical directives and a way-forward section for suggest and propose. The shipped
    /// rubrics write their table in full (`Rubrics/css-current-affairs.json`).
    public static let standard: DirectiveTable = {
        let critical = [
            "critically analyse", "critically evaluate", "critically examine", "critically assess",
            "critically discuss", "critically comment", "evaluate", "assess", "to what extent",
        ]
        var entries: [String: Directive] = [:]
        for name in critical {
            entries[name] = Directive(owes: [.otherSide, .judgment, .analysis], sections: [.challenges])
        }
        entries["discuss"] = Directive(owes: [.aspects, .analysis], whenTwoSided: [.otherSide])
        for name in ["analyse", "examine"] { entries[name] = Directive(owes: [.aspects, .analysis]) }
        entries["comment"] = Directive(owes: [.judgment])
        for name in ["suggest", "propose"] {
            entries[name] = Directive(owes: [.recommendations], sections: [.wayForward])
        }
        for name in ["compare", "contrast"] { entries[name] = Directive(owes: [.comparison]) }
        for name in ["justify", "illustrate"] { entries[name] = Directive(owes: [.evidence]) }
        return DirectiveTable(entries)
    }()
}
