import PakEssay

/// A small command-line parser: options with and without values, positional arguments, and
/// "Did you mean …?" for near misses. (The project takes no third-party packages.)
struct Arguments {
    struct Spec {
        var name: String
        var takesValue: Bool
        var allowed: [String]? = nil
    }

    var positional: [String] = []
    var values: [String: String] = [:]
    var flags: Set<String> = []

    /// Parses `args` against `specs`; throws a usage error naming `command`.
    init(_ args: [String], specs: [Spec], command: String) throws {
        var i = 0
        var onlyPositional = false
        while i < args.count {
            let arg = args[i]
            i += 1
            if onlyPositional || arg == "-" || !arg.hasPrefix("-") {
                positional.append(arg)
                continue
            }
            if arg == "--" {
                onlyPositional = true
                continue
            }
            var name = arg
            var inlineValue: String?
            if let eq = arg.firstIndex(of: "="), arg.hasPrefix("--") {
                name = String(arg[..<eq])
                inlineValue = String(arg[arg.index(after: eq)...])
            }
            guard let spec = specs.first(where: { $0.name == name }) else {
                var message = "unknown option '\(name)'"
                if let near = Arguments.nearest(name, among: specs.map(\.name)) {
                    message += "\nDid you mean '\(near)'?"
                }
                throw CLIError.usage(message, command: command)
            }
            if spec.takesValue {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard i < args.count else { throw CLIError.usage("missing value for '\(name)'", command: command) }
                    value = args[i]
                    i += 1
                }
                if let allowed = spec.allowed, !allowed.contains(value) {
                    var message =
                        "invalid value '\(value)' for '\(name)': expected one of \(allowed.joined(separator: ", "))"
                    if let near = Arguments.nearest(value, among: allowed) { message += "\nDid you mean '\(near)'?" }
                    throw CLIError.usage(message, command: command)
                }
                values[name] = value
            } else {
                if inlineValue != nil { throw CLIError.usage("'\(name)' takes no value", command: command) }
                flags.insert(name)
            }
        }
    }

    /// The largest value each whole-number option takes, wherever it appears: beyond these a value
    /// is a typo, and would overflow the sizes computed from it.
    static let maxima: [String: Int] = [
        "--jobs": 256,
        "--max-bytes": 2_000_000_000,
        "--max-answers": 100_000,
    ]

    /// An integer option's value, checked against `minimum` and the option's maximum (`maxima`, or
    /// `maximum` when given).
    func integer(_ name: String, minimum: Int, maximum: Int? = nil, command: String) throws -> Int? {
        guard let raw = values[name] else { return nil }
        let top = maximum ?? Self.maxima[name] ?? Int.max
        guard let value = Int(raw), value >= minimum, value <= top else {
            let range = top == Int.max ? "of at least \(minimum)" : "from \(minimum) to \(top)"
            let message = "invalid value '\(raw)' for '\(name)': expected a whole number \(range)"
            throw CLIError.usage(message, command: command)
        }
        return value
    }

    /// A number option's value, checked against `minimum` and `maximum`.
    func number(_ name: String, minimum: Double, maximum: Double, command: String) throws -> Double? {
        guard let raw = values[name] else { return nil }
        guard let value = Double(raw), value.isFinite, value >= minimum, value <= maximum else {
            let range = "from \(Self.plain(minimum)) to \(Self.plain(maximum))"
            throw CLIError.usage("invalid value '\(raw)' for '\(name)': expected a number \(range)", command: command)
        }
        return value
    }

    /// A number as a person writes it: `20`, not `20.0`.
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// The closest candidate by edit distance, when it is close enough to be a typo.
    static func nearest(_ word: String, among candidates: [String]) -> String? {
        var best: (String, Int)?
        for candidate in candidates {
            let d = editDistance(word, candidate)
            if d <= max(2, candidate.count / 3), best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }
}
