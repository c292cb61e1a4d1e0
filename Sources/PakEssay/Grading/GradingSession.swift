import Dispatch

/// Grades whole inputs: decodes and parses a file's bytes, grades every answer in it, and turns
/// every failure into an error item, so that a batch loses nothing.
public struct GradingSession: Sendable {
    /// The grader.
    public let grader: Grader
    /// A question for answers that carry none.
    public let question: String?
    /// The parser's limits.
    public let limits: EssayParser.Limits

    /// Creates a session.
    public init(grader: Grader, question: String? = nil, limits: EssayParser.Limits = .init()) {
        self.grader = grader
        self.question = question
        self.limits = limits
    }

    /// Grades every answer in one input's bytes.
    public func grade(bytes: [UInt8], source: String, question override: String? = nil) -> [GradeBatch.Item] {
        do {
            let document = try EssayParser.parse(bytes: bytes, source: source, limits: limits)
            return document.answers.map { .graded(grader.grade($0, source: source, question: override ?? question)) }
        } catch {
            return [.failed(source: source, error: error)]
        }
    }

    /// Grades many inputs on `jobs` threads; results keep the inputs' order.
    public func grade(_ inputs: [@Sendable () -> [GradeBatch.Item]], jobs: Int) -> [[GradeBatch.Item]] {
        grade(inputs, jobs: jobs) { $0 }
    }

    /// Grades many inputs on `jobs` threads and passes each input's items through `then` on the same
    /// thread (a streaming format renders its records there); results keep the inputs' order. A
    /// worker takes the next input as soon as it is free, so one long input holds up no one.
    public func grade<T: Sendable>(
        _ inputs: [@Sendable () -> [GradeBatch.Item]], jobs: Int,
        then finish: @Sendable ([GradeBatch.Item]) -> T
    ) -> [T] {
        let results = ResultBox<T>(count: inputs.count)
        if jobs <= 1 || inputs.count <= 1 {
            for (k, input) in inputs.enumerated() { results.set(k, finish(input())) }
        } else {
            let next = Counter()
            DispatchQueue.concurrentPerform(iterations: min(jobs, inputs.count)) { _ in
                while true {
                    let k = next.take()
                    guard k < inputs.count else { return }
                    results.set(k, finish(inputs[k]()))
                }
            }
        }
        return results.values
    }
}

/// Results written from several threads, each into its own slot.
final class ResultBox<T: Sendable>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = SemaphoreLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ value: T) { lock.run { slots[k] = value } }
    var values: [T] { lock.run { slots.map { $0! } } }
}

/// A shared counter handing out work indices.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = SemaphoreLock()
    func take() -> Int {
        lock.run {
            defer { value += 1 }
            return value
        }
    }
}
