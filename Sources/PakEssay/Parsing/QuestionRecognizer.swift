/// Recognises question lines: `Q. …`, `Q: …`, `Q1. …`, `Q.2 …`, `Q 3) …`, `Q. No. 4 …`,
/// `Question 5: …`, `Question No. 6 …` (any case).
enum QuestionRecognizer {
    struct Match {
        var label: String
        var number: Int?
        var text: String
    }

    static func match(_ line: String) -> Match? {
        let s = Array(line.unicodeScalars)
        var i = 0
        while i < s.count, s[i].isTranscriptSpace || s[i] == "*" || s[i] == "#" { i += 1 }
        let start = i
        func lower(_ k: Int) -> Unicode.Scalar? { k < s.count ? Unicode.Scalar(s[k].value | (s[k].value < 0x80 ? 0x20 : 0)) : nil }
        func skipSpace() { while i < s.count, s[i].isTranscriptSpace { i += 1 } }
        guard lower(i) == "q" else { return nil }
        var long = false
        let word = Array("question".unicodeScalars)
        if s.count - i >= 8, (0..<8).allSatisfy({ lower(i + $0) == word[$0] }) {
            long = true
            i += 8
        } else {
            i += 1
        }
        // After the Q: optional punctuation, optional "No.", optional number, then a delimiter.
        var sawPunct = false
        if i < s.count, s[i] == "." || s[i] == ":" { sawPunct = true; i += 1 }
        skipSpace()
        if lower(i) == "n", lower(i + 1) == "o", i + 2 < s.count, s[i + 2] == "." || s[i + 2] == ":" || s[i + 2].isTranscriptSpace {
            i += 3
            skipSpace()
        }
        var number: Int?
        var digits = 0
        while i < s.count, let d = s[i].properties.numericType != nil && s[i].value < 0x80 ? Int(s[i].value) - 48 : nil, digits < 4 {
            number = (number ?? 0) * 10 + d
            digits += 1
            i += 1
        }
        var sawDelimiter = false
        if i < s.count, s[i] == "." || s[i] == ":" || s[i] == ")" || s[i] == "-" || s[i] == "–" { sawDelimiter = true; i += 1 }
        if i < s.count, !s[i].isTranscriptSpace, !(sawDelimiter || sawPunct || number != nil) { return nil }
        if !long && !sawPunct && number == nil { return nil }
        if long && number == nil && !sawDelimiter && !sawPunct { return nil }
        if i < s.count, s[i].properties.isAlphabetic, !(sawDelimiter || sawPunct) { return nil }
        var labelView = String.UnicodeScalarView()
        labelView.append(contentsOf: s[start..<i])
        skipSpace()
        var textView = String.UnicodeScalarView()
        textView.append(contentsOf: s[i...])
        let text = String(textView).trimmingSpace()
        guard text.unicodeScalars.contains(where: \.properties.isAlphabetic) else { return nil }
        return Match(label: String(labelView).trimmingSpace(), number: number, text: text)
    }
}

/// Finds the directive words of a question: what it asks the candidate to do.
public enum DirectiveFinder {
    /// Phrases as written (lowercase) and the directive each names.
    static let phrases: [(words: [String], directive: String)] = [
        (["critically", "analyse"], "critically analyse"), (["critically", "analyze"], "critically analyse"),
        (["critically", "evaluate"], "critically evaluate"), (["critically", "examine"], "critically examine"),
        (["critically", "assess"], "critically assess"), (["critically", "discuss"], "critically discuss"),
        (["critically", "comment"], "critically comment"), (["critically", "appraise"], "critically evaluate"),
        (["to", "what", "extent"], "to what extent"), (["how", "far"], "to what extent"),
        (["analyse"], "analyse"), (["analyze"], "analyse"), (["discuss"], "discuss"), (["evaluate"], "evaluate"),
        (["assess"], "assess"), (["examine"], "examine"), (["elucidate"], "elucidate"), (["explain"], "explain"),
        (["comment"], "comment"), (["compare"], "compare"), (["contrast"], "contrast"), (["enumerate"], "enumerate"),
        (["illustrate"], "illustrate"), (["justify"], "justify"), (["describe"], "describe"),
        (["highlight"], "highlight"), (["propose"], "propose"), (["suggest"], "suggest"),
        (["shed", "light"], "highlight"), (["trace"], "describe"), (["outline"], "enumerate"),
    ]

    /// Every directive in the question, in order of first appearance, each once.
    public static func directives(in question: String) -> [String] {
        let words = lowercaseWords(question)
        var found: [String] = []
        var i = 0
        while i < words.count {
            var matched = false
            for (phrase, directive) in phrases where i + phrase.count <= words.count {
                if Array(words[i..<(i + phrase.count)]) == phrase {
                    if !found.contains(directive) { found.append(directive) }
                    i += phrase.count
                    matched = true
                    break
                }
            }
            if !matched { i += 1 }
        }
        return found
    }
}

/// The text's words in lowercase, split at anything that is not a letter, digit or inner apostrophe/hyphen.
func lowercaseWords(_ text: String) -> [String] {
    var words: [String] = []
    var current = String.UnicodeScalarView()
    for c in text.lowercased().unicodeScalars {
        if c.isWordScalar || ((c == "-" || c == "'" || c == "’") && !current.isEmpty) {
            current.append(c)
        } else if !current.isEmpty {
            words.append(trimJoiners(String(current)))
            current = String.UnicodeScalarView()
        }
    }
    if !current.isEmpty { words.append(trimJoiners(String(current))) }
    return words.filter { !$0.isEmpty }
}

private func trimJoiners(_ word: String) -> String {
    var scalars = Array(word.unicodeScalars)
    while let last = scalars.last, last == "-" || last == "'" || last == "’" { scalars.removeLast() }
    if scalars.count >= 2, scalars[scalars.count - 1] == "s", scalars[scalars.count - 2] == "'" || scalars[scalars.count - 2] == "’" {
        scalars.removeLast(2)
    }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
}
