import Foundation

/// How many generated cases a property test runs, from the environment: `PAKESSAY_PROPERTY_SIZE`
/// unset or `small` (the default, for a quick run at a desk) runs the count each test writes;
/// `large` (set by `.ci/run`) runs `largeFactor` times as many. The generators have fixed seeds,
/// so the small run's cases are the first of the large run's.
enum PropertySize: String {
    case small
    case large

    /// The environment variable that sets the size.
    static let variable = "PAKESSAY_PROPERTY_SIZE"

    /// How many times the small count a large run generates.
    static let largeFactor = 5

    /// The size an environment asks for: small when the variable is unset or empty, nil when its
    /// value is neither `small` nor `large` (`PropertySizeTests` fails the run then).
    static func from(_ environment: [String: String]) -> PropertySize? {
        guard let raw = environment[variable], !raw.isEmpty else { return .small }
        return PropertySize(rawValue: raw)
    }

    /// This run's size (small when the variable's value is not understood; a test reports that).
    static let current = from(ProcessInfo.processInfo.environment) ?? .small

    /// The number of cases to generate for a test whose small count is `small`.
    func cases(_ small: Int) -> Int { self == .large ? small * Self.largeFactor : small }

    /// This run's number of cases for a test whose small count is `small`.
    static func cases(_ small: Int) -> Int { current.cases(small) }
}
