/// Why an input could not be used. Each has a stable code that reports and scripts rely on.
public struct InputError: Error, Sendable, Hashable, Codable {
    /// A stable kebab-case code: `not-found`, `is-directory`, `unreadable`, `not-regular`, `binary`,
    /// `invalid-utf8`, `too-large`, `too-many-answers`, `bad-record`, `empty-input`.
    public var code: String
    /// A one-line message naming the place.
    public var message: String
    /// The byte offset in the file where the problem was found, when there is one.
    public var offset: Int?

    /// Creates an input error.
    public init(code: String, message: String, offset: Int? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
    }
}
