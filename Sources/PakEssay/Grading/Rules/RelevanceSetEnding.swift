/// A story whose question sets its last words ends with them.
struct RelevanceSetEnding: GradingRule {
    static let description = RuleDescription(
        id: "relevance-set-ending", criterion: "relevance",
        summary:
            """
            a story whose question sets its ending ('… that ends with the words: "…"') ends with those words
            """,
        rationale:
            """
            A prompt that sets a story's last words sets its task: examiners read the last line first, and a \
            story that does not end with the words it was given answers another question.
            """,
        fix: "End the story with the words the question sets, as they are written there.",
        parameters: [],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.4 Write a story that ends with the words: "I never saw him again."\n\nIt was a cold night in our \
                village. My uncle came to visit us after many years.\n\nHe told us stories of the city and gave us \
                sweets. In the morning he left before sunrise.\n\nWe waited for him for many days.
                """,
                fires: true, at: "7:1", message: "the story does not end with the words the question sets",
                rubric: "general-essay"),
            RuleExample(
                """
                Q.4 Write a story that ends with the words: "I never saw him again."\n\nIt was a cold night in our \
                village. My uncle came to visit us after many years.\n\nHe told us stories of the city and gave us \
                sweets. In the morning he left before sunrise.\n\nWe waited for many days, but i never saw him \
                again!
                """,
                fires: false, rubric: "general-essay"),
        ],
        reads: [.words("endingCues"), .words("closingFormulas")])

    init(_ p: RuleParameters) throws(RubricError) {}

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard let set = c.setEnding, !set.isEmpty, let last = c.paragraphs.indices.last else { return .notJudged([]) }
        let wanted = set.map(Self.folded)
        let formulas = c.lexicon.cue("closingFormulas")
        var written: [String] = []
        for s in c.paragraphs[last].sentences {
            let range = c.sentences[s].tokens
            let words = range.filter { c.tokens[$0].kind != .punctuation }
            // A closing formula after the story ("The End.") is not its last words.
            if s == c.paragraphs[last].sentences.last, let first = words.first, formulas.count > 0,
                let n = formulas.match(c.tokens, at: first, limit: range.upperBound), first + n >= words.last! + 1
            {
                continue
            }
            written += words.map { Self.folded(c.tokens[$0].text) }
        }
        guard written.count < wanted.count || !written.suffix(wanted.count).elementsEqual(wanted) else {
            return .full
        }
        let quoted = set.joined(separator: " ")
        return RuleOutcome(
            credit: 0,
            findings: [
                finding(
                    .warning, at: c.paragraphs[last].paragraph.range,
                    "the story does not end with the words the question sets (\"\(quoted)\")",
                    fix: Self.description.fix)
            ])
    }

    /// A word as compared: lowercase, curly apostrophes straightened, quotation marks at its ends left out.
    static func folded(_ word: String) -> String {
        let straight = word.lowercased().replacingOccurrences(of: "’", with: "'")
        let opened = straight.drop { "'\"‘“".contains($0) }
        return String(opened.reversed().drop { "'\"’”".contains($0) }.reversed())
    }
}
