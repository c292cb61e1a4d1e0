/// Grades sample answers and compares them with `expected.json`: the mark range, the rules that must and
/// must not fire, and the exact misspellings found (`pakessay check`).
public struct SampleCheck: Sendable {
    /// What one answer was expected to get.
    public struct Expectation: Sendable {
        /// The file, relative to the folder.
        public var file: String
        /// The answer's place in its file.
        public var answer: Int
        /// A word for people: strong, average, weak…
        public var label: String
        /// The lowest and highest acceptable marks.
        public var marks: ClosedRange<Double>
        /// Rules that must fire.
        public var mustFire: [String]
        /// Rules that must not fire.
        public var mustNotFire: [String]
        /// The misspelt words the language check must find, exactly (nil: not checked).
        public var misspelt: [String]?
        /// The rubric this answer is graded under, when not the file's (a panel of CSS answers and
        /// school essays).
        public var rubric: String? = nil
    }

    /// Diagnostics that count as fired though they cost nothing: they say the transcript is broken.
    static let alwaysFired: Set<String> = [
        DiagnosticKind.markupUnclosed.rawValue, DiagnosticKind.questionMissing.rawValue,
    ]
    /// The rules whose findings are misspellings.
    static let misspelling = Set(RuleRegistry.all.filter { $0.countsMisspellings }.map { $0.description.id })

    /// One row of the check's table.
    public struct Row: Sendable {
        /// `file#answer`.
        public var name: String
        /// The expectation's label.
        public var label: String
        /// The marks given, or nil when the answer could not be graded.
        public var marks: Double?
        /// The expected range, as text.
        public var expected: String
        /// What did not match; empty when everything did.
        public var problems: [String]
        /// True when everything matched.
        public var ok: Bool { problems.isEmpty }
    }

    /// The rubric expectations were written for.
    public var rubric: String
    /// The expectations.
    public var expectations: [Expectation]

    /// The rubric each file is graded under: its expectations' own, else the file's.
    public func rubric(forFile file: String) -> String {
        expectations.first { $0.file == file && $0.rubric != nil }?.rubric ?? rubric
    }

    /// Reads an expectations file.
    public static func load(path: String) throws(RubricError) -> SampleCheck {
        let file = Path.lastComponent(path)
        guard let data = FileSystem.read(path) else {
            throw RubricError(message: "\(path): cannot read the expectations file")
        }
        let root = try JSONNode.parse([UInt8](data), file: file)
        var list: [Expectation] = []
        for node in try root.child("answers").array() {
            let marks = node.child("marks")
            let low = try marks.child("min").number()
            let high = try marks.child("max").number()
            guard low <= high else { throw marks.error("min must not be above max") }
            let answer = node.child("answer")
            let misspelt = node.child("misspelt")
            list.append(
                Expectation(
                    file: try node.child("file").string(), answer: answer.exists ? Int(try answer.number()) : 1,
                    label: try node.child("label").optionalString() ?? "", marks: low...high,
                    mustFire: node.child("mustFire").exists ? try node.child("mustFire").strings() : [],
                    mustNotFire: node.child("mustNotFire").exists ? try node.child("mustNotFire").strings() : [],
                    misspelt: misspelt.exists ? try misspelt.strings() : nil,
                    rubric: try node.child("rubric").optionalString()))
        }
        let rubric = root.child("rubric")
        return SampleCheck(rubric: rubric.exists ? try rubric.string() : "css-current-affairs", expectations: list)
    }

    /// Compares graded results (keyed by file relative to the folder) with the expectations.
    public func compare(_ graded: [(file: String, items: [GradeBatch.Item])]) -> [Row] {
        var rows: [Row] = []
        var seen = Set<String>()
        for expectation in expectations {
            let name = "\(expectation.file)#\(expectation.answer)"
            seen.insert(name)
            let expected =
                "\(JSONValue.format(expectation.marks.lowerBound))–\(JSONValue.format(expectation.marks.upperBound))"
            guard let entry = graded.first(where: { $0.file == expectation.file }) else {
                rows.append(
                    Row(
                        name: name, label: expectation.label, marks: nil, expected: expected,
                        problems: ["the file is missing"]))
                continue
            }
            let answers = entry.items.compactMap { if case .graded(let g) = $0 { g } else { nil } }
            if case .failed(_, let e)? = entry.items.first(where: { if case .failed = $0 { true } else { false } }) {
                rows.append(
                    Row(
                        name: name, label: expectation.label, marks: nil, expected: expected,
                        problems: ["could not be graded: \(e.message)"]))
                continue
            }
            guard let g = answers.first(where: { $0.answer.index == expectation.answer }) else {
                rows.append(
                    Row(
                        name: name, label: expectation.label, marks: nil, expected: expected,
                        problems: ["the file has no answer \(expectation.answer)"]))
                continue
            }
            var problems: [String] = []
            if !expectation.marks.contains(g.marks) {
                problems.append("marks \(JSONValue.format(g.marks)) outside \(expected)")
            }
            let fired = Set(
                g.findings.filter { $0.marksLost > 0 || Self.alwaysFired.contains($0.rule) }.map(\.rule))
            for rule in expectation.mustFire where !fired.contains(rule) { problems.append("\(rule) did not fire") }
            for rule in expectation.mustNotFire where fired.contains(rule) { problems.append("\(rule) fired") }
            if let misspelt = expectation.misspelt {
                let found = g.findings.filter { Self.misspelling.contains($0.rule) }.map { $0.excerpt.lowercased() }
                let extra = Set(found).subtracting(misspelt.map { $0.lowercased() }).sorted()
                let missed = Set(misspelt.map { $0.lowercased() }).subtracting(found).sorted()
                if !extra.isEmpty { problems.append("false spelling alarms: \(extra.joined(separator: ", "))") }
                if !missed.isEmpty { problems.append("misspellings not found: \(missed.joined(separator: ", "))") }
            }
            rows.append(
                Row(name: name, label: expectation.label, marks: g.marks, expected: expected, problems: problems))
        }
        for entry in graded {
            for item in entry.items {
                guard case .graded(let g) = item else { continue }
                let name = "\(entry.file)#\(g.answer.index)"
                if !seen.contains(name) {
                    rows.append(
                        Row(
                            name: name, label: "", marks: g.marks, expected: "–",
                            problems: ["no expectation in expected.json"]))
                }
            }
        }
        return rows
    }
}
