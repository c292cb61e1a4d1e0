/// What one run of `pakessay grade` produced: graded answers and unusable inputs, in input order.
public struct GradeBatch: Sendable {
    /// One result: a graded answer or an input that could not be used.
    public enum Item: Sendable {
        case graded(GradedAnswer)
        case failed(source: String, error: InputError)
    }

    /// The rubric graded against.
    public var rubric: Rubric
    /// Results in input order.
    public var items: [Item]

    /// Creates a batch.
    public init(rubric: Rubric, items: [Item]) {
        self.rubric = rubric
        self.items = items
    }

    /// The graded answers.
    public var answers: [GradedAnswer] {
        items.compactMap { if case .graded(let a) = $0 { a } else { nil } }
    }

    /// The failures.
    public var errors: [(source: String, error: InputError)] {
        items.compactMap { if case .failed(let s, let e) = $0 { (s, e) } else { nil } }
    }
}
