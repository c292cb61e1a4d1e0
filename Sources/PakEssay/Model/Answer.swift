/// One answer: the question it responds to, its sections, and what the pen left besides.
public struct Answer: Sendable, Hashable, Codable {
    /// The 1-based place of the answer in its file.
    public var index: Int
    /// The question line's line number (1 without a question line).
    public var line: Int
    /// The question, or nil when the answer has no question line.
    public var question: Question?
    /// The outline block that opens the answer before its introduction (`OUTLINE:` and short lines), each
    /// point matched to the main section it announces (`subsectionIndex` indexes `sections`); empty when
    /// there is none. It is not a section: the introduction after it is still the answer's first part.
    public var outline: [OutlineItem]
    /// Top-level sections in order (the untitled lead first, when there is text before the first heading).
    public var sections: [Section]
    /// Tutor's and examiner's remarks, kept apart from the answer.
    public var remarks: [Remark]
    /// Every cutting, insertion and correction, in reading order.
    public var edits: [Edit]
    /// Every drawn visual.
    public var visuals: [Visual]
    /// Counts.
    public var stats: Statistics
    /// Slips and gaps in the transcript: unclosed markup, skipped numbers.
    public var diagnostics: [Diagnostic]
    /// The last line that belongs to the answer.
    public var endLine: Int

    /// Creates an answer.
    public init(
        index: Int, line: Int, question: Question?, sections: [Section], remarks: [Remark], edits: [Edit],
        visuals: [Visual], stats: Statistics, diagnostics: [Diagnostic], endLine: Int, outline: [OutlineItem] = []
    ) {
        self.index = index
        self.line = line
        self.question = question
        self.sections = sections
        self.outline = outline
        self.remarks = remarks
        self.edits = edits
        self.visuals = visuals
        self.stats = stats
        self.diagnostics = diagnostics
        self.endLine = endLine
    }

    /// Every section at every level, depth first, in reading order.
    public var allSections: [Section] {
        var result: [Section] = []
        for section in sections {
            result.append(section)
            result.append(contentsOf: section.descendants)
        }
        return result
    }

    /// Every body paragraph in reading order.
    public var allParagraphs: [Paragraph] { allSections.flatMap(\.paragraphs) }
}
