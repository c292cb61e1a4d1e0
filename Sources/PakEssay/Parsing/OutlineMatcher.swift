/// Matches outline points to the subsections they announce, by the words their titles share.
enum OutlineMatcher {
    /// Common words that say nothing about what a point is about.
    static let stopWords: Set<String> = [
        "a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "with", "by", "as", "at", "from", "its", "their",
        "is", "are", "be", "this", "that", "pakistan", "pakistan's", "role", "impact", "impacts", "issue", "issues",
        "factor", "factors",
    ]

    /// The words of a title reduced to comparable keys: lowercase, plural dropped, first five letters.
    static func keys(_ text: String) -> Set<String> {
        var keys = Set<String>()
        for word in lowercaseWords(text)
        where !stopWords.contains(word) && word.unicodeScalars.contains(where: \.isAlphabeticScalar) {
            var w = word
            if w.hasSuffix("ies"), w.count > 4 {
                w = String(w.dropLast(3)) + "y"
            } else if w.hasSuffix("s"), !w.hasSuffix("ss"), w.count > 3 {
                w = String(w.dropLast())
            }
            keys.insert(String(w.prefix(5)))
        }
        return keys
    }

    /// Pairs items with subsections, best-scoring pairs first; each subsection is announced at most once.
    static func match(_ items: [OutlineItem], to sections: [Section]) -> [OutlineItem] {
        // No point to pair (most answers): the sections' titles need no keys.
        let itemKeys = items.map { keys($0.text) }
        guard itemKeys.contains(where: { !$0.isEmpty }) else { return items }
        let sectionKeys = sections.map { keys($0.title ?? "") }
        var candidates: [(score: Double, item: Int, section: Int)] = []
        for (i, a) in itemKeys.enumerated() where !a.isEmpty {
            for (s, b) in sectionKeys.enumerated() where !b.isEmpty {
                let shared = a.intersection(b).count
                guard shared > 0 else { continue }
                let score = Double(shared) / Double(min(a.count, b.count))
                if score >= 0.5 || shared >= 2 { candidates.append((score, i, s)) }
            }
        }
        candidates.sort { l, r in
            l.score != r.score ? l.score > r.score : (l.item != r.item ? l.item < r.item : l.section < r.section)
        }
        var result = items
        var usedSections = Set<Int>()
        for candidate in candidates
        where result[candidate.item].subsectionIndex == nil && !usedSections.contains(candidate.section) {
            result[candidate.item].subsectionIndex = candidate.section
            result[candidate.item].sectionLabel =
                sections[candidate.section].number ?? sections[candidate.section].title
            usedSections.insert(candidate.section)
        }
        return result
    }

    /// Pairs the points of an answer's outline with its main sections, as `match` does; a point that names
    /// the introduction also stands for an untitled opening (the introduction written without a heading).
    static func matchMain(_ items: [OutlineItem], to sections: [Section]) -> [OutlineItem] {
        var result = match(items, to: sections)
        guard let lead = sections.first, lead.title == nil, !result.contains(where: { $0.subsectionIndex == 0 }) else {
            return result
        }
        if let k = result.firstIndex(where: {
            $0.subsectionIndex == nil && SectionRoles.role(for: $0.text) == .introduction
        }) {
            result[k].subsectionIndex = 0
            result[k].sectionLabel = lead.displayName
        }
        return result
    }
}
