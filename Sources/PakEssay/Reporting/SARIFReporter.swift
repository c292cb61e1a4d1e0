/// SARIF 2.1.0 for code-scanning tools (`--format sarif`): rule metadata and one result per finding.
/// The examiner's reserve is not a finding at a place, so it gives no result (its marks show in the
/// other formats); every result's `ruleIndex` names its rule in `driver.rules`.
public struct SARIFReporter: Reporter {
    /// Creates the reporter.
    public init() {}

    public func render(_ batch: GradeBatch) -> String {
        let used = Set(batch.answers.flatMap { $0.findings.map(\.rule) })
        var rules: [JSONValue] = []
        var index: [String: Int] = [:]
        for type in RuleRegistry.all where used.contains(type.description.id) {
            let d = type.description
            index[d.id] = rules.count
            rules.append(
                .object([
                    ("id", .string(d.id)), ("shortDescription", .object([("text", .string(d.summary))])),
                    ("fullDescription", .object([("text", .string(d.rationale))])),
                    ("help", .object([("text", .string(d.fix))])),
                    ("properties", .object([("criterion", .string(d.criterion))])),
                ]))
        }
        for (id, summary) in RuleRegistry.diagnostics where used.contains(id) {
            index[id] = rules.count
            rules.append(.object([("id", .string(id)), ("shortDescription", .object([("text", .string(summary))]))]))
        }
        // A rule known to neither list still gets a descriptor, so that its ruleIndex is right.
        for id in used.sorted() where index[id] == nil {
            index[id] = rules.count
            rules.append(.object([("id", .string(id))]))
        }
        var results: [JSONValue] = []
        for g in batch.answers {
            for f in g.findings {
                guard let ruleIndex = index[f.rule] else { continue }
                let level = f.severity == .error ? "error" : f.severity == .warning ? "warning" : "note"
                results.append(
                    .object([
                        ("ruleId", .string(f.rule)), ("ruleIndex", .int(ruleIndex)), ("level", .string(level)),
                        ("message", .object([("text", .string("\(f.message). \(f.suggestion)"))])),
                        (
                            "locations",
                            .array([
                                .object([
                                    (
                                        "physicalLocation",
                                        .object([
                                            ("artifactLocation", .object([("uri", .string(Self.uri(g.source)))])),
                                            (
                                                "region",
                                                .object([
                                                    ("startLine", .int(f.range.start.line)),
                                                    ("startColumn", .int(f.range.start.column)),
                                                    ("endLine", .int(f.range.end.line)),
                                                    ("endColumn", .int(f.range.end.column)),
                                                ])
                                            ),
                                        ])
                                    )
                                ])
                            ])
                        ),
                        (
                            "properties",
                            .object([
                                ("criterion", .string(f.criterion)), ("marksLost", .number(f.marksLost)),
                                ("answer", .int(g.answer.index)),
                            ])
                        ),
                    ]))
            }
        }
        let notifications: [JSONValue] = batch.errors.map { source, e in
            .object([
                ("level", .string("error")), ("message", .object([("text", .string(e.message))])),
                (
                    "locations",
                    .array([
                        .object([
                            (
                                "physicalLocation",
                                .object([
                                    ("artifactLocation", .object([("uri", .string(Self.uri(source)))]))
                                ])
                            )
                        ])
                    ])
                ),
                ("descriptor", .object([("id", .string(e.code))])),
            ])
        }
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            (
                "runs",
                .array([
                    .object([
                        (
                            "tool",
                            .object([
                                (
                                    "driver",
                                    .object([
                                        ("name", .string("pakessay")), ("version", .string(PakEssayVersion.string)),
                                        ("informationUri", .string("https://example.invalid/pakessay")),
                                        ("rules", .array(rules)),
                                    ])
                                )
                            ])
                        ),
                        (
                            "invocations",
                            .array([
                                .object([
                                    ("executionSuccessful", .bool(batch.errors.isEmpty)),
                                    ("toolExecutionNotifications", .array(notifications)),
                                ])
                            ])
                        ),
                        ("results", .array(results)),
                    ])
                ])
            ),
        ]).pretty()
    }

    /// A path as an RFC 3986 URI reference: every byte of its UTF-8 but the unreserved characters
    /// and `/` is percent-encoded (spaces, `#`, `%`, `?`, `:`, line ends, non-ASCII letters).
    public static func uri(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// GitHub Actions workflow annotations (`--format github`).
public struct GitHubReporter: StreamingReporter {
    /// Creates the reporter.
    public init() {}

    /// One item's workflow commands: an error for an input that could not be used, else a notice with
    /// the answer's marks and one command per finding.
    public func record(_ item: GradeBatch.Item, rubric: Rubric) -> String {
        var out = ""
        switch item {
        case .failed(let source, let e):
            out += "::error file=\(property(source))::\(data(e.message)) (\(e.code))\n"
        case .graded(let g):
            let marks = "\(JSONValue.format(g.marks))/\(JSONValue.format(g.maxMarks)) (\(g.band))"
            out +=
                """
                ::notice \
                file=\(property(g.source)),line=\(g.answer.line)::\(data("answer \(g.answer.index): \(marks)"))\n
                """
            for f in g.listedFindings {
                let level = f.severity == .error ? "error" : f.severity == .warning ? "warning" : "notice"
                let start = "line=\(f.range.start.line),col=\(f.range.start.column)"
                let end = "endLine=\(f.range.end.line),endColumn=\(f.range.end.column)"
                out +=
                    """
                    ::\(level) \
                    file=\(property(g.source)),\(start),\(end),\
                    title=\(property(f.rule))::\(data(f.message)) (\(f.rule))\n
                    """
            }
        }
        return out
    }

    private func data(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(
            of: "\n", with: "%0A")
    }

    private func property(_ s: String) -> String {
        data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
