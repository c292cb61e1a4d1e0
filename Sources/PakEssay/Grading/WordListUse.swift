/// A word list a rule reads, named as a rubric names it, and where it lives: `pakessay explain RULE`
/// shows a rule's lists, so that whoever edits a list knows which rules it moves.
public struct WordListUse: Sendable, Hashable {
    /// Where a rubric keeps a list.
    public enum Place: Sendable, Hashable {
        /// Inline, in the rubric's `words` table (cue lists: connectives, counter-view cues…).
        case words
        /// In a file the rubric names in its `lexicons` table (misspellings, sources, topics…).
        case lexicons
    }

    /// The list's key in its table.
    public let name: String
    /// The table that holds it.
    public let place: Place

    /// A cue list of the rubric's `words` table.
    public static func words(_ name: String) -> WordListUse { WordListUse(name: name, place: .words) }

    /// A list in a file named by the rubric's `lexicons` table.
    public static func lexicon(_ name: String) -> WordListUse { WordListUse(name: name, place: .lexicons) }

    /// Where it lives, for `pakessay explain`: its key path in a rubric and what that holds; `file` is
    /// the file the default rubric names for a list of `lexicons`, when known.
    public func location(file: String? = nil) -> String {
        switch (place, file) {
        case (.words, _): "words.\(name), a list written in the rubric"
        case (.lexicons, let file?): "lexicons.\(name), a file the rubric names (the default rubric's: \(file))"
        case (.lexicons, nil): "lexicons.\(name), a file the rubric names"
        }
    }
}
