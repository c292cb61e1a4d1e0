import PakEssay

/// `pakessay rubrics`: the rubrics that ship and where they are.
struct RubricsCommand {
    /// The options, declared once for the parser and the help.
    static let options: [Option] = [
        Option(
            name: "--format", value: "text|json", allowed: ["text", "json"],
            help: ["How to list them (default: text)."])
    ]

    func run(_ args: [String]) throws -> Int32 {
        if wantsHelp(args, "rubrics") { return 0 }
        let a = try Arguments(args, options: Self.options, command: "rubrics")
        guard a.positional.isEmpty else { throw CLIError.usage("rubrics takes no arguments", command: "rubrics") }
        guard let folder = RubricLoader.shippedFolder() else {
            throw CLIError.input(
                """
                cannot find the shipped rubrics (looked for Rubrics/ beside the executable and in the current \
                folder; set PAKESSAY_RUBRICS)
                """
            )
        }
        var rows: [(String, String, String, String)] = []
        for id in RubricLoader.shipped {
            do {
                let r = try RubricLoader.load(path: folder + "/" + id + ".json")
                rows.append(
                    (
                        r.id, r.version,
                        """
                        \(JSONValue.format(r.maxMarks)) marks, \
                        \(r.expectedWords.lowerBound)–\(r.expectedWords.upperBound) words: \(r.title)
                        """,
                        r.path
                    ))
            } catch {
                throw CLIError.input(error.message)
            }
        }
        let out = Output()
        if a.values["--format"] == "json" {
            out.write(
                JSONValue.object([
                    ("folder", .string(folder)),
                    (
                        "rubrics",
                        .array(
                            rows.map {
                                .object([
                                    ("id", .string($0.0)), ("version", .string($0.1)), ("title", .string($0.2)),
                                    ("path", .string($0.3)),
                                ])
                            })
                    ),
                ]).pretty())
        } else {
            out.write("Rubrics in \(folder):\n")
            let width = rows.map(\.0.count).max() ?? 0
            for (id, version, title, _) in rows {
                out.write(
                    """
                      \(id)\(String(repeating: " ", count: width - id.count))  \(version)  \
                    \(title)\(id == "css-current-affairs" ? " (default)" : "")\n
                    """
                )
            }
            out.write(
                "Use one with --rubric ID, or give a rubric file with --rubric PATH (see docs/rubric-format.md).\n")
        }
        out.close()
        return 0
    }
}

/// `pakessay explain RULE-ID`: what a rule checks, why, and how to fix what it finds.
struct ExplainCommand {
    /// The options, declared once for the parser and the help: none but `--help`.
    static let options: [Option] = []

    func run(_ args: [String]) throws -> Int32 {
        if wantsHelp(args, "explain") { return 0 }
        let a = try Arguments(args, options: Self.options, command: "explain")
        let out = Output()
        guard let id = a.positional.first else {
            out.write("Rules (pakessay explain RULE-ID for one):\n")
            for type in RuleRegistry.all {
                let d = type.description
                out.write("  \(d.id) [\(d.criterion)]: \(d.summary)\n")
            }
            out.write("Transcript diagnostics:\n")
            for (rule, summary) in RuleRegistry.diagnostics { out.write("  \(rule): \(summary)\n") }
            out.close()
            return 0
        }
        guard a.positional.count == 1 else { throw CLIError.usage("explain takes one RULE-ID", command: "explain") }
        if let type = RuleRegistry.rule(id) {
            let d = type.description
            var text =
                """
                \(d.id) (criterion: \(d.criterion))\n\n\(capitalised(d.summary)).\n\nWhy it matters: \
                \(d.rationale)\n\nHow to fix it: \(d.fix)\n
                """
            if !d.parameters.isEmpty {
                text += "\nParameters a rubric may set:\n"
                for p in d.parameters { text += "  \(p.name): \(p.meaning)\n" }
            }
            if !d.reads.isEmpty {
                text += "\nWord lists it reads:\n"
                let files = RubricLoader.defaultListFiles()
                for list in d.reads { text += "  \(list.name): \(list.location(file: files[list.name]))\n" }
            }
            // Every firing example: a rule that fires by more than one path shows an answer for each.
            for (k, example) in d.examples.filter(\.fires).enumerated() {
                text +=
                    (k == 0 ? "\nAn answer where it fires:\n" : "\nAnother answer where it fires:\n")
                    + example.text.split(separator: "\n", omittingEmptySubsequences: false).prefix(12).map {
                        "  | " + $0
                    }.joined(separator: "\n") + "\n"
            }
            out.write(text)
        } else if let diagnostic = RuleRegistry.diagnostics.first(where: { $0.id == id }) {
            out.write("\(diagnostic.id) (transcript diagnostic)\n\n\(capitalised(diagnostic.summary)).\n")
        } else if id == Reserve.id {
            out.write(
                """
                \(Reserve.id)\n\nThe share of each criterion that even a flawless answer keeps back, as CSS \
                examiners keep the top of the scale for exceptional answers (typical 6–11, good 12–14, \
                exceptional 15–17 of 20). The rubric's scale.ceiling sets it.\n
                """
            )
        } else {
            let ids =
                RuleRegistry.all.map { $0.description.id } + RuleRegistry.diagnostics.map(\.id)
                + [Reserve.id]
            let near = Self.nearRule(id, among: ids).map { "\nDid you mean '\($0)'?" } ?? ""
            throw CLIError.usage("unknown rule '\(id)'" + near, command: "explain")
        }
        out.close()
        return 0
    }

    private func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// The rule id a mistyped one most likely meant, or nil when none is close: within an edit
    /// distance of a quarter of the id's length (at least 2), or, for 5 characters or more, the
    /// start of exactly one id (`conclusion-mis` for `conclusion-missing`).
    static func nearRule(_ typed: String, among ids: [String]) -> String? {
        var best: (id: String, distance: Int)?
        for id in ids {
            let d = editDistance(typed, id)
            if d <= max(2, max(id.count, typed.count) / 4), best == nil || d < best!.distance { best = (id, d) }
        }
        if let best { return best.id }
        let starting = ids.filter { $0.hasPrefix(typed) }
        return typed.count >= 5 && starting.count == 1 ? starting[0] : nil
    }
}

/// `pakessay check`: grades the sample answers and compares them with their expectations.
struct CheckCommand {
    /// The options, declared once for the parser and the help.
    static let options: [Option] = [
        Option(name: "--expect", value: "PATH", help: ["The expectations file (default: FOLDER/expected.json)."]),
        Option(
            name: "--rubric", value: "ID|PATH",
            help: [
                "Grade every answer with this rubric instead of the ones expected.json",
                "names (each answer's own \"rubric\", else the file's).",
            ]),
        Option(name: "--jobs", value: "N", help: ["Answers graded at once (default: all cores)."]),
    ]

    func run(_ args: [String]) throws -> Int32 {
        if wantsHelp(args, "check") { return 0 }
        let a = try Arguments(args, options: Self.options, command: "check")
        guard a.positional.count <= 1 else { throw CLIError.usage("check takes at most one FOLDER", command: "check") }
        let folder = a.positional.first ?? "SampleEssays"
        guard TranscriptFile.isFolder(folder) else { throw CLIError.input("\(folder): no such folder") }
        let expectPath = a.values["--expect"] ?? (folder.hasSuffix("/") ? folder : folder + "/") + "expected.json"
        let check: SampleCheck
        do { check = try SampleCheck.load(path: expectPath) } catch { throw CLIError.input(error.message) }
        // `--rubric` grades everything under one rubric; otherwise each file under its expectations' own
        // (the panel holds CSS answers and school essays), or the file's.
        var sessions: [String: GradingSession] = [:]
        func session(_ id: String) throws -> GradingSession {
            if let known = sessions[id] { return known }
            do {
                let made = GradingSession(grader: Grader(rubric: try RubricLoader.load(id)))
                sessions[id] = made
                return made
            } catch { throw CLIError.input(error.message) }
        }
        let forced = a.values["--rubric"]
        let rubric = try session(forced ?? check.rubric).grader.rubric
        let jobs = try a.integer("--jobs", minimum: 1, command: "check") ?? Host.processorCount
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        // The answers directly in the folder: a subfolder (the blind panel in SampleEssays/panel) has
        // expectations of its own and is checked on its own (`pakessay check SampleEssays/panel`).
        let files = TranscriptFile.transcripts(in: folder).filter { !$0.dropFirst(prefix.count).contains("/") }
        let work: [Work] = try files.map { path in
            let grading = try session(forced ?? check.rubric(forFile: String(path.dropFirst(prefix.count))))
            return { () -> [GradeBatch.Item] in
                do throws(InputError) {
                    return grading.grade(bytes: try TranscriptFile.read(path: path), source: path)
                } catch { return [.failed(source: path, error: error)] }
            }
        }
        let session = try session(forced ?? check.rubric)
        let results = session.grade(work, jobs: jobs)
        let graded = zip(files, results).map { (String($0.0.dropFirst(prefix.count)), $0.1) }
        let rows = check.compare(graded)
        let out = Output()
        let nameWidth = max(6, rows.map(\.name.count).max() ?? 0)
        let labelWidth = max(5, rows.map(\.label.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        out.write("\(pad("answer", nameWidth))  \(pad("label", labelWidth))  marks  expected  result\n")
        for row in rows {
            let marks = row.marks.map { JSONValue.format($0) } ?? "–"
            out.write(
                """
                \(pad(row.name, nameWidth))  \(pad(row.label, labelWidth))  \(pad(marks, 5))  \
                \(pad(row.expected, 8))  \(row.ok ? "ok" : "MISMATCH: " + row.problems.joined(separator: "; "))\n
                """
            )
        }
        let bad = rows.filter { !$0.ok }.count
        out.write(
            """
            \(rows.count - bad) matched, \(bad) mismatched (rubric \(rubric.id) \(rubric.version), expectations \
            \(expectPath))\n
            """
        )
        out.close()
        return bad == 0 ? 0 : 1
    }
}
