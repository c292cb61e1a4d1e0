/// Recognises heading lines and reads their numbering and title.
///
/// A heading is a short line (up to 18 words of fair copy) that does not end a sentence and is
/// numbered, mostly capitals, underlined, a Markdown `#` line, or a section-role name on its own
/// (`Introduction:`). Numbering styles: `1.`, `2.1`, `2.1.3`, `3` (no dot), `I.`, `IV)`, `A.`,
/// `(a)`, `a)`, `(i)`, `i.`.
enum HeadingRecognizer {
    struct Match {
        var numbering: Numbering?
        var title: String
        var form: HeadingForm
        /// The Markdown level (`##` is 2), when written with hashes.
        var hashes: Int?
        /// For a single letter that is also a Roman numeral (`i`, `v`, `x`, `c`…), the letter reading.
        var letterAlternative: Numbering?
    }

    static let maxWords = 18

    /// Reads `fair` (a line's fair copy) as a heading. `underlined` is true when the whole line is
    /// highlighted; `opensBlock` when the line starts its block or follows a line that ended a sentence.
    static func match(_ fair: String, underlined: Bool, opensBlock: Bool, roleWords: (String) -> Bool) -> Match? {
        // A heading is at most about 18 words: longer lines are prose, and are rejected before any work.
        guard !fair.isEmpty, fair.utf8.count <= 300 else { return nil }
        guard underlined || mayBeHeading(fair) else { return nil }
        return read(fair, underlined: underlined, opensBlock: opensBlock, roleWords: roleWords)
    }

    /// `match` without the byte pass that rules prose out first: what that pass must never contradict.
    static func read(_ fair: String, underlined: Bool, opensBlock: Bool, roleWords: (String) -> Bool) -> Match? {
        // Numbered, capital and role-name headings open their block; only a `#` line or an underlined
        // one stands anywhere. Lines inside a paragraph are ruled out here, before any work.
        let firstByte = fair.utf8.first { $0 != 0x20 && $0 != 0x09 }
        if !opensBlock, !underlined, firstByte != UInt8(ascii: "#") { return nil }
        var s = Array(fair.unicodeScalars)
        var hashes: Int?
        if let first = s.first, first == "#" {
            var k = 0
            while k < s.count, s[k] == "#" { k += 1 }
            if k <= 6, k < s.count, s[k].isTranscriptSpace {
                hashes = k
                s.removeFirst(k)
            }
        }
        let (numbering, alternative, rest) = readNumbering(s)
        // The rest is a tail of the line: cut it from the string rather than rebuild it scalar by scalar.
        let tail = fair.unicodeScalars.dropFirst((hashes ?? 0) + rest.startIndex)
        var title = TextShape.strippingTrailingColon(String(tail).trimmingSpace())
        title = title.trimmingSpace()
        guard !title.isEmpty, title.unicodeScalars.contains(where: \.isAlphabeticScalar) else { return nil }
        let words = countWords(title)
        guard words <= maxWords else { return nil }
        let capitals = TextShape.isMostlyCapitals(title)
        let form: HeadingForm
        if hashes != nil {
            form = .markdown
        } else if underlined {
            form = .underlined
        } else if numbering != nil {
            form = .numbered
        } else if capitals {
            form = .capitals
        } else if words <= 5, opensBlock, TextShape.startsCapitalOrDigit(title), roleWords(title) {
            form = .roleName
        } else {
            return nil
        }
        if TextShape.endsWithFullStop(title) {
            // "I. Introduction." is a heading; "1. Pakistan is a nuclear state." is a numbered sentence. A question
            // is a heading too: in capitals however long ("5. COUNTER-VIEW: IS THE ICC A TOOL OF THE POWERFUL?",
            // finding review 15), in other case up to eight words when it opens with a question word ("6. Why did
            // the court fail in Sudan?") or when a label before a colon asks after it, and any question a `#` line
            // marks as a heading ("## 6. Strategic Shift or Tactical Convergence?", batch r); it drops its mark.
            let opener = lowercaseWords(String(title.prefix(12))).first.map(questionWords.contains) == true
            // A label before a colon that asks after it ("4. Counter-view: is solar the villain?", batch s).
            let asked = title.lastIndex(of: ":").map { title[title.index(after: $0)...].prefix(14) } ?? ""
            let labelled =
                lowercaseWords(String(asked)).first.map { questionWords.contains($0) || questionVerbs.contains($0) }
                == true
            let asks = title.hasSuffix("?") && (capitals || hashes != nil || ((opener || labelled) && words <= 8))
            guard asks || words <= 4, asks || form != .capitals || words <= 6 else { return nil }
            guard numbering != nil || hashes != nil || underlined else { return nil }
            title = String(title.dropLast()).trimmingSpace()
        }
        if form == .numbered || form == .roleName {
            guard opensBlock, TextShape.startsCapitalOrDigit(title) else { return nil }
        }
        if form == .capitals, !opensBlock { return nil }
        // "15 March 2025" is a letter's date, not section 15 ("1. May 9 Riots" stays a heading).
        if numbering != nil, hashes == nil, mayOpenWithMonth(title) {
            let dateWords = title.split(separator: " ").map(Self.trimmingCommas)
            if dateWords.count == 2, Self.months.contains(dateWords[0].lowercased()), dateWords[1].count == 4,
                dateWords[1].allSatisfy(\.isNumber)
            {
                return nil
            }
        }
        return Match(numbering: numbering, title: title, form: form, hashes: hashes, letterAlternative: alternative)
    }

    /// False when a title's first word cannot be a month's name: past any spaces and commas, its first byte is not
    /// the first letter of one in either case. (No scalar past ASCII lowercases to one of those letters, so a word
    /// that starts with one cannot lowercase to a month.) Spares the date test's cut into words (about 8,000
    /// instructions) for nearly every numbered heading.
    static func mayOpenWithMonth(_ title: String) -> Bool {
        guard let first = title.utf8.first(where: { $0 != 0x20 && $0 != 0x2C }) else { return false }
        switch first | 0x20 {
        case UInt8(ascii: "j"), UInt8(ascii: "f"), UInt8(ascii: "m"), UInt8(ascii: "a"), UInt8(ascii: "s"),
            UInt8(ascii: "o"), UInt8(ascii: "n"), UInt8(ascii: "d"):
            return true
        default: return false
        }
    }

    /// A word without the commas at either end, cut as scalars (as Foundation's `trimmingCharacters(in: [","])`
    /// cuts them, without building its character set: about 0.7 M instructions the first time).
    static func trimmingCommas(_ word: Substring) -> Substring {
        var scalars = word.unicodeScalars[...]
        while scalars.first == "," { scalars.removeFirst() }
        while scalars.last == "," { scalars.removeLast() }
        return Substring(scalars)
    }

    /// Month names, which make "15 March 2025" a date.
    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    /// The most words of a mixed-case `Title:` heading.
    static let maxPhraseWords = 12

    /// Words that make a line ending in `:` a sentence that introduces a list or a quotation, not a title.
    static let sentenceWords: Set<String> = [
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "include", "includes", "including", "following",
        "follows", "below", "these", "those", "there", "they", "we", "i", "it", "he", "she", "said", "says", "stated",
        "states", "wrote", "writes", "argues", "argued", "noted", "observed", "remarked", "example", "instance",
        "namely",
    ]

    /// Reads a plain mixed-case phrase as a heading shape: one ending in `:` (`Hostile Relations with India:`),
    /// or one in title case without it (`Background of the War`, at most 8 words, every word but the small
    /// ones capitalised, no comma): up to 12 words, opening with a capital, not numbered, no sentence
    /// punctuation inside, none of the words that make it a sentence introducing a list. Whether a paragraph
    /// follows is the caller's test.
    static func phrase(_ fair: String) -> Match? {
        guard fair.utf8.count <= 160 else { return nil }
        let trimmed = fair.trimmingSpace()
        let colon = trimmed.hasSuffix(":")
        guard colon || isTitleCase(trimmed) else { return nil }
        let title = TextShape.strippingTrailingColon(trimmed).trimmingSpace()
        guard !title.isEmpty, TextShape.startsCapitalOrDigit(title),
            title.unicodeScalars.first?.isAlphabeticScalar == true
        else { return nil }
        guard
            !title.unicodeScalars.contains(where: {
                $0 == "." || $0 == "?" || $0 == "!" || $0 == ";" || $0 == "\"" || $0 == "“"
            })
        else { return nil }
        let words = lowercaseWords(title)
        guard (1...maxPhraseWords).contains(words.count), !words.contains(where: sentenceWords.contains) else {
            return nil
        }
        // A letter's subject line ("Subject: Heaps of Garbage in Our Area") is part of its formalities, and so
        // are its salutation and sign-off ("Dear Hamza", "Your Sincere Friend").
        if !colon, words.first == "subject" || words.first == "re", title.contains(":") { return nil }
        if let first = words.first, salutations.contains(first) { return nil }
        return Match(numbering: nil, title: title, form: .phrase, hashes: nil, letterAlternative: nil)
    }

    /// Reads a short line in sentence case as a heading shape (`Pakistan China relations`, `Economic
    /// challenges`): 2 to 6 words of letters, opening with a capital and ending with a letter, no comma,
    /// none of the words that make it a sentence or a letter's formality. A line like this is a heading only
    /// in an answer that has other headings, and only when a paragraph follows: the caller's tests.
    ///
    /// A question of that size is a heading shape too (`What is climate change`, `Why is Pakistan poor?`): it
    /// opens with a question word and may hold a verb such as `is` or `can`, but no pronoun. A line in capitals
    /// is not in sentence case: a question in capitals is `capitalQuestion`'s.
    static func sentenceCase(_ fair: String) -> Match? {
        var title = fair.trimmingSpace()
        guard !TextShape.isMostlyCapitals(title) else { return nil }
        let asked = title.hasSuffix("?")
        if asked { title = String(title.dropLast()).trimmingSpace() }
        guard title.utf8.count <= 60, let first = title.unicodeScalars.first, first.properties.isUppercase,
            title.unicodeScalars.last?.isAlphabeticScalar == true,
            title.unicodeScalars.allSatisfy({
                $0.isAlphabeticScalar || $0 == " " || $0 == "-" || $0 == "'" || $0 == "&"
            })
        else { return nil }
        let words = lowercaseWords(title)
        guard (2...6).contains(words.count), let opening = words.first else { return nil }
        let question = questionWords.contains(opening)
        guard !asked || question else { return nil }
        let barred = words.contains {
            guard sentenceWords.contains($0) || notTitleWords.contains($0) || salutations.contains($0) else {
                return false
            }
            return !(question && questionVerbs.contains($0))
        }
        guard !barred, !minorWords.contains(words[words.count - 1]) else { return nil }
        return Match(numbering: nil, title: title, form: .phrase, hashes: nil, letterAlternative: nil)
    }

    /// Reads a line in capitals that asks a question (`CAN SAARC BE REVIVED?`) as a heading shape in capitals:
    /// 2 to 12 words, mostly capitals, ending in `?`, opening with a letter, no other sentence punctuation,
    /// and holding a word of grammar (a question word, a verb such as `CAN` or `IS`, or a small word such as
    /// `OF`), which a row of acronyms (`CPEC AND BRI?`) lacks. The title drops the question mark.
    /// Whether it stands alone in its block over prose, after other headings in capitals, is the caller's test.
    static func capitalQuestion(_ fair: String) -> Match? {
        var title = fair.trimmingSpace()
        guard title.utf8.count <= 120, title.hasSuffix("?") else { return nil }
        title = String(title.dropLast()).trimmingSpace()
        guard let first = title.unicodeScalars.first, first.isUppercaseScalar, TextShape.isMostlyCapitals(title),
            !title.unicodeScalars.contains(where: { $0 == "." || $0 == "?" || $0 == "!" || $0 == ";" })
        else { return nil }
        let words = lowercaseWords(title)
        let grammar = words.contains {
            questionWords.contains($0) || questionVerbs.contains($0) || grammarWords.contains($0)
        }
        guard (2...maxPhraseWords).contains(words.count), grammar else { return nil }
        return Match(numbering: nil, title: title, form: .capitals, hashes: nil, letterAlternative: nil)
    }

    /// The small words of grammar that show a line in capitals is a phrase of English, not a row of acronyms.
    static let grammarWords: Set<String> = [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "into", "be", "been", "being",
        "it", "its", "this", "that", "there", "their", "not",
    ]

    /// The words that open a question heading.
    static let questionWords: Set<String> = ["what", "why", "how", "who", "where", "when", "which"]

    /// The verbs a question heading may hold (`What is`, `How can`) that make other short lines sentences.
    static let questionVerbs: Set<String> = [
        "is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "can", "should", "must", "would",
        "could", "will", "shall", "may",
    ]

    /// First words of a letter's salutation or sign-off.
    static let salutations: Set<String> = ["dear", "respected", "yours", "your", "sincerely", "regards", "faithfully"]

    /// Words that make a short line in sentence case a sentence or a letter's formality, not a title (with
    /// `salutations`).
    static let notTitleWords: Set<String> = [
        "you", "my", "our", "me", "us", "him", "her", "them", "truly", "thanking", "thanks", "subject", "sir",
        "madam", "not", "will", "can", "should", "must", "would", "could", "shall", "may", "do", "does", "did", "am",
    ]

    /// The small words a title leaves in lowercase.
    static let minorWords: Set<String> = [
        "a", "an", "the", "of", "and", "or", "nor", "but", "in", "on", "at", "to", "for", "from", "by", "with", "as",
        "into", "towards", "toward", "against", "between", "among", "under", "over", "after", "before", "during",
        "through", "within", "without", "its", "their", "vs", "versus", "via", "per", "upon",
    ]

    /// True when a short line is written in title case: 1 to 8 words, no comma or sentence end, every word
    /// that is not a small word opening with a capital or a digit, and one word of four letters or more.
    static func isTitleCase(_ line: String) -> Bool {
        // The last scalar first: most lines end in a full stop, and the search for a comma costs more.
        // A line with no comma byte holds no comma; one with a comma byte asks the search by characters.
        guard line.utf8.count <= 80, let last = line.unicodeScalars.last, last.isAlphabeticScalar || last == ")",
            !line.utf8.contains(UInt8(ascii: ",")) || !line.contains(",")
        else { return false }
        let words = line.split(separator: " ")
        guard (1...8).contains(words.count) else { return false }
        var long = false
        for word in words {
            guard let first = word.unicodeScalars.first else { continue }
            // Counted, not filtered: a filtered scalar view is a string built scalar by scalar.
            var letters = 0
            for c in word.unicodeScalars where c.isAlphabeticScalar { letters += 1 }
            if letters >= 4 { long = true }
            if minorWords.contains(word.lowercased()) { continue }
            let capital = first.properties.isUppercase || (first.value >= 48 && first.value <= 57) || first == "("
            guard capital else { return false }
        }
        return long
    }

    /// A single pass over the bytes that rules out ordinary prose before any string is built: a heading
    /// starts with `#`, a digit, `(` or a short numbering token, or is mostly capitals, or is short.
    static func mayBeHeading(_ fair: String) -> Bool {
        // Read in place: a string's UTF-8 view walked byte by byte costs several times a buffer's loop.
        fair.utf8.withContiguousStorageIfAvailable(mayBeHeading) ?? mayBeHeading(Array(fair.utf8))
    }

    private static func mayBeHeading<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var first: UInt8 = 0
        var index = 0
        var upper = 0
        var lower = 0
        var spaces = 0
        var earlyDelimiter = false
        var ascii = true
        var pieces = 0
        var pieceHasWord = false
        for b in bytes {
            if first == 0 {
                if b == 0x20 || b == 0x09 { continue }
                first = b
            }
            if index < 8, b == UInt8(ascii: ".") || b == UInt8(ascii: ")") { earlyDelimiter = true }
            if b >= 0x41 && b <= 0x5A {
                upper += 1
            } else if b >= 0x61 && b <= 0x7A || b >= 0x80 {
                lower += 1
            } else if b == 0x20 {
                spaces += 1
            }
            if b >= 0x80 { ascii = false }
            if b == 0x20 {
                pieceHasWord = false
            } else if !pieceHasWord, (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x30 && b <= 0x39 {
                pieceHasWord = true
                pieces += 1
            }
            index += 1
        }
        if first == UInt8(ascii: "#") || first == UInt8(ascii: "(") || (first >= 0x30 && first <= 0x39) || first >= 0x80
        {
            return true
        }
        if earlyDelimiter { return true }
        // An ASCII line that opens with a lowercase letter and has no numbering can be neither numbered
        // nor a role name (both open with a capital): only a heading in capitals, which this is not.
        if ascii, first >= 0x61 && first <= 0x7A, !(upper + lower >= 2 && upper * 10 >= (upper + lower) * 8) {
            return false
        }
        // A short ASCII line that opens with a letter and has no numbering can only be a heading in
        // capitals (80% of its letters) or a role name of one or two words: rule out the rest here.
        let letter = (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A
        if letter, ascii, pieces > 2, upper * 10 < (upper + lower) * 8 { return false }
        // Short by its words, not its spaces: a run of spaces between junk ("Conclusion \\~    –") is no word.
        if spaces <= 6 || pieces <= 7 { return true }
        return upper * 10 >= (upper + lower) * 7
    }

    /// Reads a numbering prefix; returns it, a letter reading for ambiguous Roman letters, and the rest.
    static func readNumbering(_ s: [Unicode.Scalar]) -> (Numbering?, Numbering?, ArraySlice<Unicode.Scalar>) {
        var i = 0
        while i < s.count, s[i].isTranscriptSpace { i += 1 }
        let start = i
        // (a), (iv), (2)
        if i < s.count, s[i] == "(" {
            var j = i + 1
            while j < s.count, j - i <= 6, s[j].isAlphabeticScalar || isDigit(s[j]) { j += 1 }
            if j < s.count, s[j] == ")", j > i + 1, j + 1 < s.count, s[j + 1].isTranscriptSpace {
                let token = String(scalars: s[(i + 1)..<j])
                if let (numbering, alternative) = classify(token, label: "(\(token))") {
                    return (numbering, alternative, s[(j + 1)...])
                }
            }
            return (nil, nil, s[start...])
        }
        // 2.1.3  /  3  /  1)
        if i < s.count, isDigit(s[i]) {
            var components: [Int] = []
            var value = 0
            var digits = 0
            var j = i
            while j < s.count {
                if isDigit(s[j]) {
                    value = value * 10 + Int(s[j].value - 48)
                    digits += 1
                    guard digits <= 3 else { return (nil, nil, s[start...]) }
                    j += 1
                } else if s[j] == ".", digits > 0, j + 1 < s.count, isDigit(s[j + 1]) {
                    components.append(value)
                    value = 0
                    digits = 0
                    j += 1
                } else {
                    break
                }
            }
            components.append(value)
            // Digits and dots only: written straight into the string's bytes.
            let label = String(unsafeUninitializedCapacity: j - i) { buffer in
                for k in i..<j { buffer[k - i] = UInt8(truncatingIfNeeded: s[k].value) }
                return j - i
            }
            guard components.count <= 40 else { return (nil, nil, s[start...]) }
            var k = j
            if k < s.count, s[k] == "." || s[k] == ")" || s[k] == ":" || s[k] == "-" || s[k] == "–" { k += 1 }
            // A number must be followed by white space, or by a dot and then a capital (`1.INTRODUCTION`).
            if k < s.count, !s[k].isTranscriptSpace {
                guard k > j, s[k].isUppercaseScalar else { return (nil, nil, s[start...]) }
            }
            if k == j, components.count == 1, components[0] > 30 { return (nil, nil, s[start...]) }
            return (Numbering(style: .decimal, components: components, label: label), nil, s[k...])
        }
        // IV. / IV) / A. / a) / i.
        var j = i
        while j < s.count, j - i < 7, s[j].isAlphabeticScalar, s[j].value < 0x80 { j += 1 }
        if j > i, j < s.count, s[j] == "." || s[j] == ")", j + 1 < s.count, s[j + 1].isTranscriptSpace {
            let token = String(scalars: s[i..<j])
            if let (numbering, alternative) = classify(token, label: token) {
                return (numbering, alternative, s[(j + 1)...])
            }
        }
        return (nil, nil, s[start...])
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    /// Reads a token as a Roman numeral or a letter; a single Roman letter also gets a letter reading.
    static func classify(_ token: String, label: String) -> (Numbering, Numbering?)? {
        if let value = Int(token) {
            return (Numbering(style: .decimal, components: [value], label: label), nil)
        }
        let upper = token == token.uppercased()
        let lower = token == token.lowercased()
        guard upper || lower else { return nil }
        let letterStyle: NumberingStyle = upper ? .upperLetter : .lowerLetter
        let romanStyle: NumberingStyle = upper ? .upperRoman : .lowerRoman
        let letterValue: Int? =
            token.unicodeScalars.count == 1
            ? Int(token.lowercased().unicodeScalars.first!.value) - 96 : nil
        if let roman = romanValue(token) {
            let romanNumbering = Numbering(style: romanStyle, components: [roman], label: label)
            let letter = letterValue.map { Numbering(style: letterStyle, components: [$0], label: label) }
            return (romanNumbering, letter)
        }
        if let letterValue { return (Numbering(style: letterStyle, components: [letterValue], label: label), nil) }
        return nil
    }

    /// The value of a Roman numeral up to 3999 written in canonical form, or nil.
    static func romanValue(_ token: String) -> Int? {
        let chars = Array(token.lowercased())
        guard !chars.isEmpty, chars.count <= 6 else { return nil }
        var total = 0
        for (k, c) in chars.enumerated() {
            guard let v = romanDigit(c) else { return nil }
            if k + 1 < chars.count, let next = romanDigit(chars[k + 1]), next > v { total -= v } else { total += v }
        }
        guard total > 0, total < 40, toRoman(total) == token.lowercased() else { return nil }
        return total
    }

    /// The value of one lowercase Roman digit, or nil. (A switch, not a dictionary by character: that would be
    /// a type of its own for the start to make.)
    static func romanDigit(_ c: Character) -> Int? {
        switch c {
        case "i": 1
        case "v": 5
        case "x": 10
        case "l": 50
        case "c": 100
        case "d": 500
        case "m": 1000
        default: nil
        }
    }

    static func toRoman(_ value: Int) -> String {
        let table: [(Int, String)] = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var n = value
        var out = ""
        for (v, s) in table {
            while n >= v {
                out += s
                n -= v
            }
        }
        return out
    }
}
