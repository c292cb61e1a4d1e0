/// Findings as the reports for people list them: a finding that several criteria share (the same
/// rule, place and message, such as `answer-too-short`) is one entry naming those criteria, with the
/// marks it cost summed. JSON keeps one finding per criterion.
public struct FoldedFinding: Sendable {
    /// The first of the identical findings: rule, place, message and fix.
    public var finding: Finding
    /// The criteria that lost marks to it, in the order they came.
    public var criteria: [String]
    /// The marks lost across those criteria, to the cent.
    public var marksLost: Double

    /// Folds identical findings, keeping the order in which each first appears.
    public static func fold(_ findings: [Finding]) -> [FoldedFinding] {
        var folded: [FoldedFinding] = []
        var slot: [Key: Int] = [:]
        for f in findings {
            let key = Key(rule: f.rule, line: f.range.start.line, column: f.range.start.column, message: f.message)
            if let k = slot[key] {
                if !folded[k].criteria.contains(f.criterion) { folded[k].criteria.append(f.criterion) }
                folded[k].marksLost = ((folded[k].marksLost + f.marksLost) * 100).rounded() / 100
            } else {
                slot[key] = folded.count
                folded.append(FoldedFinding(finding: f, criteria: [f.criterion], marksLost: f.marksLost))
            }
        }
        return folded
    }

    /// Whether more than one criterion shares this finding.
    public var isShared: Bool { criteria.count > 1 }

    /// The marks note after a finding: `(−1.5)`, or `(−7.86 across structure, evidence)` when shared,
    /// or nothing when it cost no marks.
    public var lostNote: String {
        let across = isShared ? " across " + criteria.joined(separator: ", ") : ""
        if marksLost > 0 { return " (−\(JSONValue.format(marksLost))\(across))" }
        return isShared ? " (\(across.dropFirst()))" : ""
    }

    private struct Key: Hashable {
        var rule: String
        var line: Int
        var column: Int
        var message: String
    }
}
