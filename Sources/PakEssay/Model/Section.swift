/// The part a section plays in the answer, read from its title.
public enum SectionRole: String, Sendable, Hashable, Codable, CaseIterable {
    case introduction
    case background
    case challenges
    case wayForward = "way-forward"
    case analysis
    case conclusion
}

/// How a heading is numbered.
public enum NumberingStyle: String, Sendable, Hashable, Codable {
    /// `1.`, `2.1`, `3.1.2`
    case decimal
    /// `I.`, `IV)`
    case upperRoman
    /// `i.`, `(ii)`
    case lowerRoman
    /// `A.`, `B)`
    case upperLetter
    /// `a)`, `(b)`
    case lowerLetter
}

/// A heading's numbering as written.
public struct Numbering: Sendable, Hashable, Codable {
    /// The style.
    public var style: NumberingStyle
    /// The components: `[2, 1]` for `2.1`, `[4]` for `IV` or `d`.
    public var components: [Int]
    /// As written, without the trailing dot, parenthesis or colon: `2.1`, `IV`, `(a)`.
    public var label: String

    /// Creates a numbering.
    public init(style: NumberingStyle, components: [Int], label: String) {
        self.style = style
        self.components = components
        self.label = label
    }
}

/// How a line was recognised as a heading.
public enum HeadingForm: String, Sendable, Hashable, Codable {
    case numbered
    case capitals
    case underlined
    case markdown
    case roleName = "role-name"
    /// A plain mixed-case phrase alone on its line, ending in `:`, followed by a paragraph.
    case phrase
}

/// A section of the answer: a heading with what follows it up to the next heading of its level or above.
/// An answer's text before its first heading is an untitled section of level 0.
public struct Section: Sendable, Hashable, Codable {
    /// The heading's numbering, if numbered.
    public var numbering: Numbering?
    /// The title as written (fair copy), without numbering or trailing colon; nil for the untitled lead.
    public var title: String?
    /// The heading's content as written.
    public var heading: [Inline]
    /// How the heading was recognised; nil for the untitled lead.
    public var form: HeadingForm?
    /// Nesting level: 1 for main headings, 0 for the untitled lead.
    public var level: Int
    /// The role read from the title.
    public var role: SectionRole?
    /// Where the heading starts (for the lead, its first paragraph).
    public var position: SourcePosition
    /// The outline that opens the section.
    public var outline: [OutlineItem]
    /// The body paragraphs directly under this heading.
    public var paragraphs: [Paragraph]
    /// Subsections.
    public var sections: [Section]
    /// Visuals drawn directly in this section.
    public var visuals: [Visual]
    /// The last line of the section's own content or of its last subsection.
    public var endLine: Int

    /// Creates a section.
    public init(
        numbering: Numbering?, title: String?, heading: [Inline], form: HeadingForm?, level: Int,
        role: SectionRole?, position: SourcePosition, outline: [OutlineItem] = [], paragraphs: [Paragraph] = [],
        sections: [Section] = [], visuals: [Visual] = [], endLine: Int
    ) {
        self.numbering = numbering
        self.title = title
        self.heading = heading
        self.form = form
        self.level = level
        self.role = role
        self.position = position
        self.outline = outline
        self.paragraphs = paragraphs
        self.sections = sections
        self.visuals = visuals
        self.endLine = endLine
    }

    /// The number as written (`2.1`, `IV`, `(a)`), or nil.
    public var number: String? { numbering?.label }

    /// How a finding names this section: "section 2.3", "section \"Introduction\"", or "the opening".
    public var displayName: String {
        if let number { return "section \(number)" }
        if let title { return "section \"\(title)\"" }
        return "the opening"
    }

    /// Words in this section's own paragraphs and outline (not its subsections).
    public var ownWords: Int { paragraphs.reduce(0) { $0 + $1.words } }

    /// Words in this section and all its subsections.
    public var totalWords: Int { ownWords + sections.reduce(0) { $0 + $1.totalWords } }

    /// Every section below this one, depth first, in reading order.
    public var descendants: [Section] {
        var result: [Section] = []
        for child in sections {
            result.append(child)
            result.append(contentsOf: child.descendants)
        }
        return result
    }
}
