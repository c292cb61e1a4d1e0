/// A report format: turns a batch into text.
public protocol Reporter: Sendable {
    /// The whole report.
    func render(_ batch: GradeBatch) -> String
}
