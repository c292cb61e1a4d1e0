/// The kinds of transcript diagnostic the parser reports, with what a grade makes of each: most are
/// only listed by `parse`; a few also appear among an answer's findings, as notes that cost nothing.
public enum DiagnosticKind: String, Sendable, CaseIterable {
    /// A `~~`, `^{` or other opener with no closer in its paragraph.
    case markupUnclosed = "markup-unclosed"
    /// A file with no question line.
    case questionMissing = "question-missing"
    /// A heading number that skips numbers.
    case numberingSkipped = "numbering-skipped"
    /// A heading number that goes back.
    case numberingOutOfOrder = "numbering-out-of-order"
    /// A subsection numbered under the wrong section.
    case numberingMismatch = "numbering-mismatch"
    /// Headings of one level in two numbering styles.
    case numberingMixed = "numbering-mixed"
    /// Text before the first question line.
    case textBeforeQuestion = "text-before-question"
    /// A file read as UTF-16 without a byte-order mark.
    case encodingGuessed = "encoding-guessed"

    /// One line: what the parser noticed (`pakessay explain` prints it).
    public var summary: String {
        switch self {
        case .markupUnclosed:
            "a `~~`, `^{` or other opener has no closer in its paragraph; it is read as closing at the end of its line"
        case .questionMissing:
            "the file has no question line; criteria that need the question cannot be judged without --question"
        case .numberingSkipped: "a heading number skips one or more numbers"
        case .numberingOutOfOrder: "a heading number goes back (1 after 4)"
        case .numberingMismatch: "a subsection's number does not match the section it stands under"
        case .numberingMixed:
            "headings of one level change numbering style (`I.` then `2.`); read as peers, reported once an answer"
        case .textBeforeQuestion: "text before the first question line belongs to no answer"
        case .encodingGuessed: "the file was read as UTF-16 without a byte-order mark"
        }
    }

    /// True for a slip in the headings' numbering, which the structure criterion charges.
    public var isNumbering: Bool {
        switch self {
        case .numberingSkipped, .numberingOutOfOrder, .numberingMismatch, .numberingMixed: true
        default: false
        }
    }

    /// How a grade lists the diagnostic among the answer's findings (a note that costs nothing), or
    /// nil when it is not listed there.
    public var asFinding: (criterion: String, severity: Severity, suggestion: String)? {
        switch self {
        case .markupUnclosed:
            (
                "presentation", .note,
                "Close the markup in the transcript so the cutting or insertion covers what the pen did."
            )
        case .questionMissing: ("relevance", .warning, "Add the question line, or pass --question.")
        case .encodingGuessed: ("presentation", .warning, "Add the question line, or pass --question.")
        default: nil
        }
    }
}

extension Diagnostic {
    /// Its kind, when the id is one the parser reports.
    public var kind: DiagnosticKind? { DiagnosticKind(rawValue: rule) }
}
