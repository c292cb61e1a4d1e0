/// A runnable example of a rule: a small transcript, whether the rule fires on it, and for a firing
/// example where its first finding lands and a fragment of that finding's message.
public struct RuleExample: Sendable {
    /// A whole transcript (question line included, unless the example is about its absence).
    public var text: String
    /// True when the rule must find something here (take marks away); false when it must not.
    public var fires: Bool
    /// Where the rule's first finding starts, as "line:column" in `text` (firing examples only).
    public var at: String?
    /// Words the rule's first finding's message contains (firing examples only).
    public var message: String?
    /// The shipped rubric the example is graded under, when not the default (a school story is
    /// `general-essay`'s: the CSS rubrics set no stories).
    public var rubric: String?

    /// Creates an example; a firing one states where its first finding lands and part of its message.
    public init(_ text: String, fires: Bool, at: String? = nil, message: String? = nil, rubric: String? = nil) {
        self.text = text
        self.fires = fires
        self.at = at
        self.message = message
        self.rubric = rubric
    }
}

/// What a rule is, for people and for the registry: `pakessay explain` prints it.
public struct RuleDescription: Sendable {
    /// A kebab-case id, stable across versions.
    public var id: String
    /// The criterion the shipped rubrics place it under.
    public var criterion: String
    /// One line: what it checks.
    public var summary: String
    /// Why it matters to an examiner.
    public var rationale: String
    /// How a candidate fixes what it finds.
    public var fix: String
    /// The parameters a rubric may set, each declared once with its default, bounds and meaning.
    public var parameters: [any DeclaredParameter]
    /// Firing and non-firing examples, run as tests.
    public var examples: [RuleExample]
    /// The rubric's word lists it reads, directly or through the analysis it uses (evidence, relevance).
    public var reads: [WordListUse] = []
    /// How the improvements and the remarks' verdicts speak of its findings, when the plain messages will not do.
    public var advice = RuleAdvice()
}

/// How the improvements and a remark's verdict speak of a rule's findings. A rule with no advice is
/// spoken of by its findings' messages and its fix.
public struct RuleAdvice: Sendable {
    /// The improvement for findings in several places, given the places named ("sections 2 and 3")
    /// and how many findings there are; the grader adds what it is worth.
    public var improvement: (@Sendable (_ places: String, _ count: Int) -> String)?
    /// The same fault in a few words, for a remark's verdict ("sections 2 and 3 without a source").
    public var fault: (@Sendable (_ places: String, _ count: Int) -> String)?
    /// A fault this rule charges together with other rules (a short answer): they make one improvement.
    public var sharedFault: SharedFault?
    /// True when this rule's message is the one that says the shared fault.
    public var speaksForFault: Bool

    /// Creates advice.
    public init(
        improvement: (@Sendable (_ places: String, _ count: Int) -> String)? = nil,
        fault: (@Sendable (_ places: String, _ count: Int) -> String)? = nil,
        sharedFault: SharedFault? = nil, speaksForFault: Bool = false
    ) {
        self.improvement = improvement
        self.fault = fault
        self.sharedFault = sharedFault
        self.speaksForFault = speaksForFault
    }

    /// A sentence's first letter in capitals: "Sections 2 and 3".
    public static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}

/// One fault that several rules charge (a short answer costs both a gate and the length rule): the
/// improvements say it once, with this fix.
public struct SharedFault: Sendable, Hashable {
    /// A name for the fault, unique among shared faults.
    public var name: String
    /// What to do, after the message that says the fault.
    public var fix: String

    /// Creates a shared fault.
    public init(name: String, fix: String) {
        self.name = name
        self.fix = fix
    }
}

/// What a rule says about one answer: how much of its share it earns, and why not all of it.
public struct RuleOutcome: Sendable {
    /// The share of the rule's weight earned, from 0 to 1.
    public var credit: Double
    /// What it found; when credit is below 1, at least one.
    public var findings: [Finding]
    /// Limits it puts on criteria (an answer off the question keeps a quarter of each), traced to its
    /// first finding. The grader applies them whatever the rule.
    public var caps: [Cap]
    /// False when the check could not be made (it needs the question and the answer has none): the
    /// rule then neither credits nor costs, its weight goes to the criterion's other rules, and its
    /// findings are notes that lose nothing.
    public var judged: Bool

    /// Creates an outcome.
    public init(credit: Double, findings: [Finding] = [], caps: [Cap] = []) {
        self.credit = min(1, max(0, credit.isFinite ? credit : 0))
        self.findings = findings
        self.caps = caps
        self.judged = true
    }

    /// Full credit, nothing found.
    public static let full = RuleOutcome(credit: 1)

    /// A check that could not be made, with the notes that say why: no credit and no loss.
    public static func notJudged(_ findings: [Finding]) -> RuleOutcome {
        var outcome = RuleOutcome(credit: 1, findings: findings)
        outcome.judged = false
        return outcome
    }
}

/// The outcome of a rule that needs the question when the answer has none: not judged, with a note.
func unjudged<R: GradingRule>(_ c: GradingContext, _ rule: R) -> RuleOutcome {
    .notJudged([
        rule.finding(
            .note, at: SourceRange(at: SourcePosition(line: 1, column: 1)),
            "could not be judged: the answer has no question line",
            fix: "Write the question at the top (`Q.1 …`) or pass --question.")
    ])
}

/// A grading rule: a type with a description, made from a rubric's parameters, that judges an analysed answer.
public protocol GradingRule: Sendable {
    /// What the rule is.
    static var description: RuleDescription { get }
    /// Makes the rule with a rubric's parameters (or the defaults).
    init(_ parameters: RuleParameters) throws(RubricError)
    /// Judges an answer.
    func evaluate(_ context: GradingContext) -> RuleOutcome
    /// True when each of its findings is a misspelling, counted in the grade's `spellingErrors`.
    static var countsMisspellings: Bool { get }
    /// True when its fault follows from an answer's being off its question (thin sections, question terms
    /// missing): such an answer is charged once, by the off-topic finding, and the rule is not judged.
    static var followsFromOffTopic: Bool { get }
}

extension GradingRule {
    /// Makes the rule, as an existential (works around a compiler crash with typed throws on metatypes).
    static func make(_ parameters: RuleParameters) -> Result<any GradingRule, RubricError> {
        do {
            return .success(try Self(parameters))
        } catch {
            return .failure(error)
        }
    }

    /// The rule's id.
    public var id: String { Self.description.id }

    /// Most rules find other things than misspellings.
    public static var countsMisspellings: Bool { false }

    /// Whether its findings are misspellings (see `countsMisspellings`).
    var findsMisspellings: Bool { Self.countsMisspellings }

    /// Most rules judge an answer off its question as any other.
    public static var followsFromOffTopic: Bool { false }

    /// Whether it is moot on this answer (see `followsFromOffTopic`).
    func isMoot(on context: GradingContext) -> Bool { Self.followsFromOffTopic && context.isOffTopic }

    /// A finding of this rule.
    public func finding(
        _ severity: Severity, at range: SourceRange, excerpt: String = "", _ message: String,
        fix suggestion: String, weight: Double = 1, listedAs: String? = nil
    ) -> Finding {
        Finding(
            rule: Self.description.id, criterion: Self.description.criterion, severity: severity, range: range,
            excerpt: excerpt, message: message, suggestion: suggestion, marksLost: 0, weight: weight,
            listedAs: listedAs)
    }
}

/// A limit on criteria that a rule's outcome carries: the criteria keep `share` of what they earned (an
/// answer to another question keeps a quarter of each criterion's credit, so at most a quarter of its marks).
public struct Cap: Sendable, Hashable {
    /// The criteria capped; nil caps every criterion of the rubric.
    public var criteria: [String]?
    /// The share of their credit they keep, from 0 to 1.
    public var share: Double

    /// Creates a cap.
    public init(criteria: [String]?, share: Double) {
        self.criteria = criteria
        self.share = min(1, max(0, share))
    }

    /// True when it limits the criterion `id`.
    public func covers(_ id: String) -> Bool { criteria?.contains(id) ?? true }
}
