/// The essay model as JSON, in the shape `pakessay parse --format json` documents (docs/model.md).
public enum ModelJSON {
    /// The whole document.
    public static func document(_ document: EssayDocument) -> JSONValue {
        .object([("source", .string(document.source)), ("answers", .array(document.answers.map(answer)))])
    }

    /// One answer.
    public static func answer(_ a: Answer) -> JSONValue {
        .object([
            ("index", .int(a.index)),
            ("line", .int(a.line)),
            ("question", a.question.map(question) ?? .null),
            ("outline", .array(a.outline.map(outlineItem))),
            ("sections", .array(a.sections.map(section))),
            (
                "remarks",
                .array(
                    a.remarks.map {
                        .object([
                            ("text", .string($0.text)), ("line", .int($0.position.line)),
                            ("kind", .string($0.kind.rawValue)),
                        ])
                    })
            ),
            (
                "edits",
                .array(
                    a.edits.map {
                        .object([
                            ("kind", .string($0.kind.rawValue)), ("line", .int($0.position.line)),
                            ("column", .int($0.position.column)), ("text", .string($0.text)),
                        ])
                    })
            ),
            (
                "visuals",
                .array(
                    a.visuals.map {
                        .object([
                            ("kind", .string($0.kind)), ("caption", .string($0.caption)),
                            ("line", .int($0.position.line)),
                        ])
                    })
            ),
            ("stats", stats(a.stats)),
            ("diagnostics", .array(a.diagnostics.map(diagnostic))),
        ])
    }

    /// The question object.
    public static func question(_ q: Question) -> JSONValue {
        .object([
            ("label", .string(q.label)), ("number", .int(q.number)), ("text", .string(q.text)),
            ("directive", .string(q.directive)),
        ])
    }

    static func section(_ s: Section) -> JSONValue {
        .object([
            ("number", .string(s.number)),
            ("title", .string(s.title)),
            ("level", .int(s.level)),
            ("role", .string(s.role?.rawValue)),
            ("line", .int(s.position.line)),
            ("outline", .array(s.outline.map(outlineItem))),
            (
                "paragraphs",
                .array(
                    s.paragraphs.map {
                        .object([
                            ("line", .int($0.line)), ("text", .string($0.text)), ("words", .int($0.words)),
                            ("pageBreaks", .int($0.pageBreaks)),
                        ])
                    })
            ),
            ("sections", .array(s.sections.map(section))),
        ])
    }

    static func outlineItem(_ item: OutlineItem) -> JSONValue {
        .object([
            ("text", .string(item.text)), ("line", .int(item.position.line)), ("section", .string(item.sectionLabel)),
        ])
    }

    /// The statistics object.
    public static func stats(_ s: Statistics) -> JSONValue {
        .object([
            ("words", .int(s.words)), ("paragraphs", .int(s.paragraphs)), ("headings", .int(s.headings)),
            ("cuttings", .int(s.cuttings)), ("insertions", .int(s.insertions)), ("corrections", .int(s.corrections)),
            ("pages", .int(s.pages)),
        ])
    }

    static func diagnostic(_ d: Diagnostic) -> JSONValue {
        .object([
            ("rule", .string(d.rule)), ("severity", .string(d.severity.rawValue)), ("line", .int(d.position.line)),
            ("column", .int(d.position.column)), ("message", .string(d.message)),
        ])
    }
}
