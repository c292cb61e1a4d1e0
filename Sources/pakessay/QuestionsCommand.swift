import PakEssay

/// `pakessay questions`: practice questions from the rubric's question bank, by topic, year or paper.
struct QuestionsCommand {
    /// The options, declared once for the parser and the help.
    static let options: [Option] = [
        Option(
            name: "--topic", value: "TOPIC",
            help: [
                "Only questions on this topic id (such as sco, kashmir, climate-change)",
                "or with these words in the topic's title.",
            ]),
        Option(name: "--year", value: "YEAR", help: ["Only real past questions of that year."]),
        Option(
            name: "--paper", value: "PAPER", allowed: ["current-affairs", "pakistan-affairs"],
            help: ["Only current-affairs or pakistan-affairs questions."]),
        Option(
            name: "--rubric", value: "ID|PATH",
            help: ["Take the bank from this rubric (default: css-current-affairs)."]),
        Option(
            name: "--format", value: "text|json", allowed: ["text", "json"],
            help: ["How to list them (default: text)."]),
    ]

    func run(_ args: [String]) throws -> Int32 {
        if wantsHelp(args, "questions") { return 0 }
        let a = try Arguments(args, options: Self.options, command: "questions")
        guard a.positional.isEmpty else { throw CLIError.usage("questions takes no arguments", command: "questions") }
        let year = try a.integer("--year", minimum: 1947, command: "questions")
        let rubric: Rubric
        do { rubric = try RubricLoader.load(a.values["--rubric"] ?? "css-current-affairs") } catch {
            throw CLIError.input(error.message)
        }
        let model = rubric.lexicon.topicModel
        var topics: Set<String>?
        if let wanted = a.values["--topic"] {
            let lower = wanted.lowercased()
            let found = model.topics.filter { $0.id == lower || $0.title.lowercased().contains(lower) }.map(\.id)
            guard !found.isEmpty else {
                var message = "unknown topic '\(wanted)'"
                if let near = Arguments.nearest(lower, among: model.topics.map(\.id)) {
                    message += "\nDid you mean '\(near)'?"
                }
                message += "\nTopics: " + model.topics.map(\.id).joined(separator: ", ")
                throw CLIError.usage(message, command: "questions")
            }
            topics = Set(found)
        }
        let chosen = model.bank.filter { q in
            (topics.map { !$0.isDisjoint(with: q.topics) } ?? true) && (year.map { q.year == $0 } ?? true)
                && (a.values["--paper"].map { q.paper == $0 } ?? true)
        }
        let out = Output()
        if a.values["--format"] == "json" {
            out.write(
                JSONValue.array(
                    chosen.map { q in
                        .object([
                            ("id", .string(q.id)), ("paper", .string(q.paper)), ("year", .int(q.year)),
                            ("topics", .array(q.topics.map { .string($0) })), ("question", .string(q.text)),
                        ])
                    }
                ).pretty())
        } else {
            for q in chosen {
                let source =
                    q.year.map { "CSS \(q.paper == "current-affairs" ? "Current Affairs" : "Pakistan Affairs") \($0)" }
                    ?? "written for practice"
                out.write("\(q.id)  [\(q.topics.joined(separator: ", "))]  (\(source))\n  \(q.text)\n")
            }
            out.write("\(chosen.count) question\(chosen.count == 1 ? "" : "s")\n")
        }
        out.close()
        return 0
    }
}
