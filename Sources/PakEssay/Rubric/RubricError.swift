/// A rubric file that cannot be used: the message names the file and the key path.
public struct RubricError: Error, Sendable, Hashable {
    /// `css-essay.json: at criteria[2].marks: expected a number`
    public var message: String

    /// Creates an error for `file` at `path`.
    public init(file: String, path: String, _ problem: String) {
        message = path.isEmpty ? "\(file): \(problem)" : "\(file): at \(path): \(problem)"
    }

    /// Creates an error from a finished message.
    public init(message: String) { self.message = message }
}
