/// Small facts about a line or paragraph of fair copy that the parser's decisions rest on.
enum TextShape {
    static let closers: Set<Unicode.Scalar> = ["\"", "'", "”", "’", ")", "]", "»"]
    static let openers: Set<Unicode.Scalar> = ["\"", "'", "“", "‘", "(", "[", "«", "*", "_"]

    /// `closers.contains(c)` without hashing: it is asked of the last characters of every line and paragraph.
    @inline(__always)
    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x29, 0x5D, 0x201D, 0x2019, 0xBB: true
        default: false
        }
    }

    /// `openers.contains(c)` without hashing.
    @inline(__always)
    static func isOpener(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x28, 0x5B, 0x2A, 0x5F, 0x201C, 0x2018, 0xAB: true
        default: false
        }
    }

    /// True when the text ends with sentence punctuation (`. ? ! : ;`), perhaps before a closing quote.
    static func endsSentence(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.reversed().makeIterator()
        while let c = scalars.next() {
            if c.isTranscriptSpace || isCloser(c) { continue }
            return c == "." || c == "?" || c == "!" || c == ":" || c == ";" || c == "…"
        }
        return false
    }

    /// True when the text ends with `.`, `?` or `!` (a colon does not end a heading's sentence).
    static func endsWithFullStop(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.reversed().makeIterator()
        while let c = scalars.next() {
            if c.isTranscriptSpace || isCloser(c) { continue }
            return c == "." || c == "?" || c == "!"
        }
        return false
    }

    /// The first letter of the text, skipping opening quotes, brackets and white space.
    static func firstLetter(_ text: String) -> Unicode.Scalar? {
        for c in text.unicodeScalars {
            if c.isTranscriptSpace || isOpener(c) { continue }
            return c.isAlphabeticScalar || c.properties.numericType != nil ? c : nil
        }
        return nil
    }

    /// True when the text starts with a lowercase letter.
    static func startsLowercase(_ text: String) -> Bool {
        guard let c = firstLetter(text) else { return false }
        return c.isLowercaseScalar
    }

    /// True when the text starts with an uppercase letter, a digit, or a letter of a script without
    /// case (an Urdu or Arabic word opening a heading).
    static func startsCapitalOrDigit(_ text: String) -> Bool {
        guard let c = firstLetter(text) else { return false }
        // ASCII: a capital or a digit (every ASCII letter has case), without the property tables.
        if c.value < 0x80 { return c.isUppercaseScalar || (c.value >= 0x30 && c.value <= 0x39) }
        let p = c.properties
        return p.isUppercase || p.numericType != nil || (p.isAlphabetic && !p.isLowercase && !p.changesWhenCaseMapped)
    }

    /// True when most of the text's letters are capitals (and there are at least two letters).
    static func isMostlyCapitals(_ text: String) -> Bool {
        var upper = 0
        var letters = 0
        // An ASCII text is judged on its bytes, read in place; any other goes scalar by scalar.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for b in bytes {
                if b >= 0x80 { return false }
                if b >= 0x41 && b <= 0x5A {
                    upper += 1
                    letters += 1
                } else if b >= 0x61 && b <= 0x7A {
                    letters += 1
                }
            }
            return true
        }
        if ascii == true { return letters >= 2 && upper * 10 >= letters * 8 }
        upper = 0
        letters = 0
        for c in text.unicodeScalars where c.isAlphabeticScalar {
            letters += 1
            if c.isUppercaseScalar { upper += 1 }
        }
        return letters >= 2 && upper * 10 >= letters * 8
    }

    /// The text without trailing colons, dashes and white space: the heading-title tidy.
    static func strippingTrailingColon(_ text: String) -> String {
        // Most titles end in a letter: nothing to strip.
        if let last = text.utf8.last, last < 0x80, last > 0x20, last != UInt8(ascii: ":"), last != UInt8(ascii: "-"),
            last != UInt8(ascii: "="), last != 0x7F
        {
            return text
        }
        var scalars = Array(text.unicodeScalars)
        while let last = scalars.last,
            last == ":" || last == "-" || last == "–" || last.isTranscriptSpace || last == "="
        {
            scalars.removeLast()
        }
        return String(scalars: scalars)
    }
}
