import PakEssay

/// The report formats of `grade`: each knows its reporter and whether it streams. Adding a format is
/// a case here, its reporter, the docs and a golden file.
enum OutputFormat: String, CaseIterable {
    case text, json, jsonl, csv, markdown, html, sarif, github

    /// The names `--format` accepts, in the order the help lists them.
    static var names: [String] { allCases.map(\.rawValue) }

    /// The formats as the help lists them: "text (default) | json | …".
    static var helpList: String {
        allCases.map { $0 == .text ? "text (default)" : $0.rawValue }.joined(separator: " | ")
    }

    /// The formats that stream, as the help names them: "jsonl, csv and github".
    static var streamingList: String {
        let names = allCases.filter(\.streams).map(\.rawValue)
        guard names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// The reporter that writes each input's records as soon as it is graded; nil for a format that
    /// needs the whole batch (a class summary, a document with a head and a tail).
    var streaming: (any StreamingReporter)? {
        switch self {
        case .jsonl: JSONLinesReporter()
        case .csv: CSVReporter()
        case .github: GitHubReporter()
        case .text, .json, .markdown, .html, .sarif: nil
        }
    }

    /// True when the format writes each input's records as soon as they are ready.
    var streams: Bool { streaming != nil }

    /// The reporter of the whole batch; `color` is for the text report.
    func reporter(color: Bool) -> any Reporter {
        switch self {
        case .text: TextReporter(color: color)
        case .json: JSONReporter()
        case .markdown: MarkdownReporter()
        case .html: HTMLReporter()
        case .sarif: SARIFReporter()
        case .jsonl: JSONLinesReporter()
        case .csv: CSVReporter()
        case .github: GitHubReporter()
        }
    }
}
