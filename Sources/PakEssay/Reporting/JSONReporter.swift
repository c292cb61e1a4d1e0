/// The JSON report of the output contract (`--format json`), and the per-answer objects JSON Lines reuses.
public struct JSONReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    public func render(_ batch: GradeBatch) -> String {
        let answers = batch.answers
        let mean =
            answers.isEmpty ? JSONValue.null : .number(answers.reduce(0) { $0 + $1.marks } / Double(answers.count))
        return JSONValue.object([
            ("pakessay", .string(PakEssayVersion.string)),
            (
                "rubric",
                .object([
                    ("id", .string(batch.rubric.id)), ("version", .string(batch.rubric.version)),
                    ("title", .string(batch.rubric.title)), ("maxMarks", .number(batch.rubric.maxMarks)),
                ])
            ),
            ("answers", .array(answers.map { Self.answer($0) })),
            ("errors", .array(batch.errors.map { Self.error($0.source, $0.error) })),
            (
                "summary",
                .object([("answers", .int(answers.count)), ("errors", .int(batch.errors.count)), ("meanMarks", mean)])
            ),
        ]).pretty()
    }

    /// One graded answer as the contract's object; `rubric` adds the rubric id (JSON Lines).
    public static func answer(_ g: GradedAnswer, rubric: String? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let rubric { pairs.append(("rubric", .string(rubric))) }
        pairs += [
            ("source", .string(g.source)),
            ("index", .int(g.answer.index)),
            ("line", .int(g.answer.line)),
            ("question", g.question.map(ModelJSON.question) ?? .null),
            ("marks", .number(g.marks)),
            ("maxMarks", .number(g.maxMarks)),
            ("band", .string(g.band)),
            (
                "criteria",
                .array(
                    g.criteria.map {
                        .object([
                            ("id", .string($0.id)), ("title", .string($0.title)), ("score", .number($0.score)),
                            ("max", .number($0.max)),
                        ])
                    })
            ),
            ("findings", .array(g.listedFindings.map(finding))),
            ("improvements", .array(g.improvements.map { .string($0) })),
            (
                "remarks",
                .array(
                    g.remarks.map { r in
                        .object([
                            ("text", .string(r.remark.text)), ("line", .int(r.remark.position.line)),
                            ("criteria", .array(r.criteria.map { .string($0) })),
                            ("agrees", r.agrees.map { .bool($0) } ?? .null), ("explanation", .string(r.explanation)),
                        ])
                    })
            ),
            ("stats", stats(g)),
            (
                "evidenceItems",
                .array(
                    g.evidence.map { e in
                        .object([
                            ("kind", .string(e.kind.rawValue)), ("text", .string(e.text)),
                            ("line", .int(e.range.start.line)), ("column", .int(e.range.start.column)),
                        ])
                    })
            ),
            ("relevance", g.relevance.map(relevance) ?? .null),
        ]
        return .object(pairs)
    }

    /// How far the answer and each body section serve the question, with the terms that matched.
    static func relevance(_ r: RelevanceAnalysis) -> JSONValue {
        func strings(_ list: [String]) -> JSONValue { .array(list.map { .string($0) }) }
        func score(_ x: Double) -> JSONValue { .number((x * 1000).rounded() / 1000) }
        return .object([
            ("topics", strings(r.topics)), ("relatedTopics", strings(r.relatedTopics)),
            ("questionTerms", strings(r.questionTerms)), ("score", score(r.score)),
            ("offTopic", .bool(r.offTopic)), ("onTopicShare", score(r.onTopicShare)),
            ("focusTerms", strings(r.focusTerms)), ("focusShare", score(r.focusShare)),
            ("about", strings(r.about)), ("aboutTopic", r.aboutTopic.map { .string($0) } ?? .null),
            (
                "sections",
                .array(
                    r.units.map { u in
                        .object([
                            ("name", .string(u.name)), ("line", .int(u.range.start.line)),
                            ("column", .int(u.range.start.column)),
                            ("words", .int(u.words)), ("score", score(u.score)), ("rival", score(u.rivalScore)),
                            ("onTopic", .bool(u.onTopic)),
                            ("matched", strings(u.matched)), ("focus", strings(u.focus)), ("about", strings(u.about)),
                            ("aboutTopic", u.aboutTopic.map { .string($0) } ?? .null),
                        ])
                    })
            ),
            ("missingAspects", strings(r.missingAspects)),
        ])
    }

    static func finding(_ f: Finding) -> JSONValue {
        .object([
            ("rule", .string(f.rule)), ("criterion", .string(f.criterion)), ("severity", .string(f.severity.rawValue)),
            ("line", .int(f.range.start.line)), ("column", .int(f.range.start.column)),
            ("endLine", .int(f.range.end.line)), ("endColumn", .int(f.range.end.column)),
            ("excerpt", .string(f.excerpt)), ("message", .string(f.message)), ("suggestion", .string(f.suggestion)),
            ("marksLost", .number(f.marksLost)),
        ])
    }

    static func stats(_ g: GradedAnswer) -> JSONValue {
        let s = g.answer.stats
        return .object([
            ("words", .int(s.words)), ("sentences", .int(g.sentences)), ("paragraphs", .int(s.paragraphs)),
            ("headings", .int(s.headings)), ("cuttings", .int(s.cuttings)), ("insertions", .int(s.insertions)),
            ("corrections", .int(s.corrections)), ("pages", .int(s.pages)), ("evidence", .int(g.evidence.count)),
            ("spellingErrors", .int(g.spellingErrors)),
        ])
    }

    /// An input that could not be used, as the `errors` list holds it.
    public static func error(_ source: String, _ e: InputError) -> JSONValue {
        .object([
            ("source", .string(source)), ("code", .string(e.code)), ("message", .string(e.message)),
            ("offset", .int(e.offset)),
        ])
    }
}
