/// Small helpers the rules share.
enum Credit {
    /// 0 at `zero`, 1 at `full`, linear between (either direction).
    static func ramp(_ value: Double, zero: Double, full: Double) -> Double {
        if zero == full { return value >= full ? 1 : 0 }
        return min(1, max(0, (value - zero) / (full - zero)))
    }
}

/// Names places in a finding's message: "sections 2.1, 2.3 and 4".
func listing(_ items: [String], limit: Int = 4, more unlisted: Int = 0) -> String {
    guard !items.isEmpty else { return "" }
    if items.count == 1 && unlisted == 0 { return items[0] }
    let shown = Array(items.prefix(limit))
    let rest = items.count - shown.count + unlisted
    if rest > 0 { return shown.joined(separator: ", ") + " and \(rest) more" }
    return shown.dropLast().joined(separator: ", ") + " and " + shown.last!
}

/// A number for a message: whole numbers plainly, others to one decimal.
func figure(_ value: Double) -> String {
    let r = (value * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : String(r)
}

extension GradingContext {
    /// Counts the phrases of a cue list of the rubric (`counterCues`, `connectives`…) in some paragraphs,
    /// from the counts worked out once per answer.
    func count(_ cue: String, inParagraphs list: [Int]) -> Int {
        guard let perParagraph = cueCounts[cue] else { return 0 }
        return list.reduce(0) { $0 + perParagraph[$1] }
    }

    /// Every paragraph index.
    var allParagraphIndices: [Int] { Array(paragraphs.indices) }

    /// Titled sections (headings).
    var headedSections: [Int] { sections.indices.filter { sections[$0].section.title != nil } }

    /// Where a finding about the whole answer points: the first paragraph or heading.
    var startRange: SourceRange {
        if let first = sections.first { return first.range }
        return SourceRange(at: answer.question?.position ?? SourcePosition(line: answer.line, column: 1))
    }

    /// The keys of all headings' titles.
    var headingKeys: TermSet {
        var out = TermSet()
        for i in headedSections { out.formUnion(titleKeys[i]) }
        return out
    }

    /// The question's terms (as written) whose keys are not in `keys`.
    func missingTerms(_ keys: TermSet) -> [String] {
        zip(questionKeys, questionTerms).filter { !keys.contains($0.0) }.map(\.1)
    }

    /// The section whose lines hold `line` (deepest), for placing edits: a binary search over the
    /// sections' first lines (depth-first order keeps them sorted), then up through the parents.
    func section(containingLine line: Int) -> Int? {
        var low = 0, high = sections.count
        while low < high {
            let mid = (low + high) / 2
            if sections[mid].section.position.line <= line { low = mid + 1 } else { high = mid }
        }
        var candidate = low - 1
        while candidate >= 0 {
            if sections[candidate].section.endLine >= line { return candidate }
            guard let parent = sections[candidate].parent else { return nil }
            candidate = parent
        }
        return nil
    }
}
