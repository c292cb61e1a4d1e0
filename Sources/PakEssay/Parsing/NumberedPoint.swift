/// Reads numbered and lettered points: lines that open with numbering (`1.`, `6.2`, `(a)`, `b)`, `iv.`) and
/// go on as prose instead of naming a section.
///
/// A point is a paragraph of its own, its numbering left out of its text as a bullet's mark is, and the lines
/// after it in its block go on with it. A numbered line that would pass for a heading is a point when its
/// sentence runs on to the next line: it ends on a comma or on a word that leaves a phrase unfinished, or its
/// "title" is longer than headings are and the next line goes on in lowercase.
enum NumberedPoint {
    /// The most words of a numbered heading's title above a line that goes on in lowercase: a longer line is a
    /// sentence that wraps. (The numbered headings of the samples and the panel have at most ten words.)
    static let maxTitleWords = 10

    /// Words a heading never ends on, written in lowercase: articles, conjunctions, prepositions that need
    /// their object, auxiliaries and possessives. A line that ends on one goes on to the next. (Not the modals
    /// that are nouns too: "Political will", "Military might".)
    static let runOnWords: Set<String> = [
        "a", "an", "the", "and", "or", "nor", "but", "yet", "because", "although", "though", "whereas", "whether",
        "unless", "if", "than", "that", "which", "who", "whom", "whose", "where", "when", "while", "of", "in", "on",
        "at", "to", "for", "from", "by", "with", "as", "into", "onto", "towards", "toward", "against", "between",
        "among", "upon", "via", "per", "like", "including", "despite", "is", "are", "was", "were", "be", "been", "has",
        "have", "had", "could", "should", "would", "shall", "its", "their", "his", "our", "my", "your", "not",
    ]

    /// True when a numbered heading reading of a line is a point whose sentence runs on to `next`, the next
    /// line of its block (read only when the line itself may run on).
    static func runsOn(_ match: HeadingRecognizer.Match, line fair: String, next: @autoclosure () -> String) -> Bool {
        guard match.form == .numbered, match.hashes == nil else { return false }
        let line = fair.trimmingSpace()
        guard let last = line.unicodeScalars.last, !TextShape.endsSentence(line), last != "-", last != "–" else {
            return false
        }
        let unfinished = last == "," || endsOnRunOnWord(line)
        let long = !TextShape.isMostlyCapitals(match.title) && countWords(match.title) > maxTitleWords
        guard unfinished || long else { return false }
        let following = next().trimmingSpace()
        guard continues(following) else { return false }
        if unfinished { return true }
        guard let first = TextShape.firstLetter(following) else { return false }
        return first.isLowercaseScalar || (first.value >= 0x30 && first.value <= 0x39)
    }

    /// True when a line may go on with the line above it: it has text and is not a bullet point, a `#` line,
    /// a line in capitals or a new numbered point.
    static func continues(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first, first != "#", Bullet.length(line) == nil,
            !TextShape.isMostlyCapitals(line)
        else { return false }
        return label(line) == nil
    }

    /// True when the line's last word, as written, is one of `runOnWords`.
    private static func endsOnRunOnWord(_ line: String) -> Bool {
        let scalars = line.unicodeScalars
        var start = scalars.endIndex
        while start > scalars.startIndex {
            let before = scalars.index(before: start)
            guard scalars[before].isAlphabeticScalar else { break }
            start = before
        }
        guard start < scalars.endIndex, scalars.distance(from: start, to: scalars.endIndex) <= 9 else { return false }
        return runOnWords.contains(String(scalars[start...]))
    }

    /// A point's label: its numbering, the letter reading of a Roman letter, and how many scalars the label
    /// takes after any white space before it. Nil unless the line opens with numbering followed by text that
    /// starts with a capital or a digit; a bare number needs a delimiter (`3.`, `3)`), since `3 million …` is
    /// prose, and `A. Q. Khan …` is a name with its initials.
    static func label(_ fair: String) -> (numbering: Numbering, alternative: Numbering?, length: Int)? {
        guard mayOpenWithLabel(fair) else { return nil }
        // A label is short: its numbering reads from the head of the line without copying the rest.
        let head = Array(fair.unicodeScalars.prefix(200))
        let (found, alternative, rest) = HeadingRecognizer.readNumbering(head)
        guard let numbering = found, rest.startIndex > 0 else { return nil }
        let delimiter = head[rest.startIndex - 1]
        if numbering.style == .decimal, numbering.components.count == 1, delimiter.value >= 0x30,
            delimiter.value <= 0x39
        {
            return nil
        }
        let text = String(scalars: rest.prefix(12)).trimmingSpace()
        guard TextShape.startsCapitalOrDigit(text) else { return nil }
        if delimiter == ".", numbering.label.unicodeScalars.count == 1, numbering.style != .decimal,
            numbering.label.uppercased() == numbering.label, isInitial(text)
        {
            return nil
        }
        let leading = head.prefix { $0.isTranscriptSpace }.count
        return (numbering, alternative, rest.startIndex - leading)
    }

    /// A look at the first bytes that rules out most lines of prose before any copy: a label opens with `(`,
    /// a digit, or up to seven ASCII letters and then `.` or `)`.
    private static func mayOpenWithLabel(_ fair: String) -> Bool {
        var letters = 0
        var started = false
        for byte in fair.utf8 {
            if !started {
                if byte == 0x20 || byte == 0x09 { continue }
                started = true
                if byte == UInt8(ascii: "(") || (byte >= 0x30 && byte <= 0x39) { return true }
            }
            if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                letters += 1
                if letters > 7 { return false }
                continue
            }
            return letters > 0 && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")"))
        }
        return false
    }

    /// True when a text opens with a capital letter and a full stop: an initial (`Q. Khan`).
    private static func isInitial(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(2))
        return scalars.count == 2 && scalars[0].isUppercaseScalar && scalars[1] == "."
    }

    /// The reading of a label that is the point after `previous` in the same style (`(b)` after `(a)`, `(i)`
    /// after `(h)`, `2.3` after `2.2`), or nil.
    static func reading(_ numbering: Numbering, alternative: Numbering?, after previous: Numbering) -> Numbering? {
        for candidate in [numbering, alternative].compactMap({ $0 }) where candidate.style == previous.style {
            let c = candidate.components
            let p = previous.components
            if c.count == p.count, c.dropLast() == p.dropLast(), let a = c.last, let b = p.last, a == b + 1 {
                return candidate
            }
        }
        return nil
    }
}
