/// One option of a command, declared once: the parser's spec and the help's lines both come from it.
struct Option: Sendable {
    /// `--name`.
    var name: String
    /// What its value is called in the help (`PATH`, `auto|always|never`); nil for a flag.
    var value: String?
    /// The values it accepts; nil for any.
    var allowed: [String]?
    /// Its help, a line each (the first beside the option, the rest under it).
    var help: [String] { helpText() }
    /// The help, worked out only when it is printed: a run that parses the table does not need it, and
    /// `grade`'s lists of its formats cost about 0.29 M instructions at every start.
    private let helpText: @Sendable () -> [String]

    init(
        name: String, value: String? = nil, allowed: [String]? = nil,
        help: @autoclosure @escaping @Sendable () -> [String]
    ) {
        self.name = name
        self.value = value
        self.allowed = allowed
        self.helpText = help
    }

    /// The parser's spec.
    var spec: Arguments.Spec { Arguments.Spec(name: name, takesValue: value != nil, allowed: allowed) }

    /// The column where the help of every option starts.
    static let helpColumn = 26

    /// Its lines in the help's OPTIONS section: the option and its value, then its help at the help
    /// column, on the same line when the option leaves room, else on the next.
    var helpLines: [String] {
        let head = "  " + name + (value.map { " " + $0 } ?? "")
        let help = self.help
        let indent = String(repeating: " ", count: Self.helpColumn)
        let rest = help.dropFirst().map { indent + $0 }
        guard let first = help.first else { return [head] }
        if head.count <= Self.helpColumn - 2 {
            return [head + String(repeating: " ", count: Self.helpColumn - head.count) + first] + rest
        }
        return [head, indent + first] + rest
    }

    /// The OPTIONS lines of a table of options, without a final line end.
    static func help(_ options: [Option]) -> String {
        options.flatMap(\.helpLines).joined(separator: "\n")
    }

    /// The line every command's OPTIONS section ends with: `-h` and `--help` are read before the table.
    static let helpLine = "  -h, --help" + String(repeating: " ", count: helpColumn - 12) + "Show help information."

    /// A command's whole OPTIONS section: its table's lines, then the help line; no final line end.
    static func section(_ options: [Option]) -> String {
        (options.flatMap(\.helpLines) + [helpLine]).joined(separator: "\n")
    }
}

extension Arguments {
    /// Parses `args` against a command's table of options; throws a usage error naming `command`.
    init(_ args: [String], options: [Option], command: String) throws {
        try self.init(args, specs: options.map(\.spec), command: command)
    }
}
