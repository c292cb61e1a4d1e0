import Testing

@testable import PakEssay

/// The byte-level fast paths give exactly what the plain String versions give. Each reference below
/// is written the slow, obvious way; the words are drawn from ASCII, accented Latin, Urdu, curly
/// apostrophes, hyphens, digits and spaces so that both the fast and the fallback paths run.
@Suite struct FastPathTests {
    static let pieces = [
        "Pakistan", "pakistan's", "economies", "ties", "class", "gas", "CPEC", "Zarb-e-Azb", "don’t", "2,640", "1998",
        "2019-20", "café", "É", "پاکستان", "x", "is", "ss", "-", "'", "’", " ", "  ", "\t", "\u{A0}", ".",
        ",", "Way", "Forward",
        "(a)", "ÉCONOMIE", "naïve", "1.5", "A.", "Q.1", "\u{301}", "😀", "Dr", "e.g.",
    ]

    static func words(_ count: Int) -> [String] {
        var rng = SplitMix64(seed: 42)
        return (0..<count).map { _ in
            (0..<(1 + rng.int(4))).map { _ in rng.pick(pieces) }.joined(separator: rng.chance(50) ? "" : " ")
        }
    }

    /// The term key exactly as first written: on Characters.
    static func referenceKey(_ word: String) -> String {
        var w = word
        if w.hasSuffix("'s") || w.hasSuffix("’s") { w = String(w.dropLast(2)) }
        if w.hasSuffix("ies"), w.count > 4 {
            w = String(w.dropLast(3)) + "y"
        } else if w.hasSuffix("s"), !w.hasSuffix("ss"), w.count > 3 {
            w = String(w.dropLast())
        }
        return String(w.prefix(5))
    }

    @Test func theCapitalsChecksQuickTestsAgreeWithTheirStringTests() {
        // The byte and key tests that let most words skip the possessive, month and title checks of
        // `NameCapitals` pass every word the string tests would take.
        for word in Self.words(3000) + ["pakistan's", "pakistan’s", "’s", "'s", "s", "march", "may", "prime"] {
            let possessive = word.hasSuffix("'s") || word.hasSuffix("’s")
            #expect(!possessive || NameCapitals.endsInApostropheS(word), "\(word)")
            let key = WordKey.of(word.lowercased())
            if NameCapitals.months.contains(word) { #expect(NameCapitals.monthKeys.contains(key), "\(word)") }
            if NameCapitals.titles.contains(where: { $0[0] == word }) {
                #expect(NameCapitals.titleKeys.contains(key), "\(word)")
            }
            // The one look-up that sends a word past both checks agrees with the two lists.
            let listed = NameCapitals.monthOrTitle[key] ?? 0
            #expect((listed & NameCapitals.monthBit != 0) == NameCapitals.monthKeys.contains(key), "\(word)")
            #expect((listed & NameCapitals.titleBit != 0) == NameCapitals.titleKeys.contains(key), "\(word)")
        }
        #expect(!NameCapitals.endsInApostropheS("cats") && !NameCapitals.endsInApostropheS("s"))
        #expect(NameCapitals.monthKeys.count == 12 && NameCapitals.titleKeys.count == NameCapitals.titles.count)
    }

    @Test func termKeysMatchTheCharacterVersion() {
        for text in Self.words(PropertySize.cases(3000)) {
            let word = text.lowercased()
            #expect(TermKey.key(word) == Self.referenceKey(word), "\(word)")
            #expect(TermKey.code(word) == WordKey.of(Self.referenceKey(word)), "\(word)")
        }
    }

    /// Lowercase words cut from the scalars of the lowercased text.
    static func referenceWords(_ text: String) -> [String] {
        let scalars = Array(text.lowercased().unicodeScalars)
        var words: [String] = []
        var i = 0
        while i < scalars.count {
            while i < scalars.count, !scalars[i].isWordScalar { i += 1 }
            guard i < scalars.count else { break }
            var j = i
            var end = i
            while j < scalars.count {
                if scalars[j].isWordScalar {
                    j += 1
                    end = j
                } else if scalars[j] == "-" || scalars[j] == "'" || scalars[j] == "’" {
                    j += 1
                } else {
                    break
                }
            }
            var word = String(String.UnicodeScalarView(scalars[i..<end]))
            if word.count > 2, word.hasSuffix("'s") || word.hasSuffix("’s") { word = String(word.dropLast(2)) }
            while let last = word.last, last == "-" || last == "'" || last == "’" { word = String(word.dropLast()) }
            if !word.isEmpty { words.append(word) }
            i = j
        }
        return words
    }

    @Test func lowercaseWordsMatchTheScalarVersion() {
        for text in Self.words(PropertySize.cases(3000)) {
            #expect(lowercaseWords(text) == Self.referenceWords(text), "\(text)")
        }
    }

    /// Words counted over `unicodeScalars`, as the word count was first written.
    static func referenceCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        var joinPending = false
        for c in text.unicodeScalars {
            if c.isWordScalar {
                if !inWord { count += 1 }
                inWord = true
                joinPending = false
            } else if inWord, !joinPending, c == "'" || c == "’" || c == "-" {
                joinPending = true
            } else {
                inWord = false
                joinPending = false
            }
        }
        return count
    }

    @Test func wordCountsAndTidyingMatchTheScalarVersions() {
        for text in Self.words(PropertySize.cases(3000)) {
            #expect(countWords(text) == Self.referenceCount(text), "\(text)")
            var bytes = Array(text.utf8)
            let tidied = String(decoding: tidyBytes(&bytes), as: UTF8.self)
            #expect(FairCopyWriter.text(of: [.text(text, at: SourcePosition(line: 1, column: 1))]) == tidied, "\(text)")
            let view = text.unicodeScalars
            let trimmed = String(
                String.UnicodeScalarView(
                    view.drop(while: \.isTranscriptSpace).reversed().drop(while: \.isTranscriptSpace).reversed()))
            #expect(text.trimmingSpace() == trimmed, "\(text)")
        }
    }

    @Test func tokensCarryTheirOwnFacts() {
        for text in Self.words(PropertySize.cases(2000)) {
            for t in Tokenizer.tokens(of: [.text(text, at: SourcePosition(line: 3, column: 5))]) {
                #expect(t.lower == t.text.lowercased())
                #expect(t.key == WordKey.of(t.lower))
                #expect(t.exactKey == WordKey.of(t.text))
                #expect(t.isCapitalized == (t.text.unicodeScalars.first?.properties.isUppercase ?? false), "\(t.text)")
                #expect(t.startsWithNumber == (t.text.first?.isNumber == true), "\(t.text)")
                #expect(t.characterCount == t.text.count)
                #expect(t.end.column - t.position.column == t.length || t.kind == .punctuation, "\(t.text)")
                #expect(t.length == t.text.unicodeScalars.count)
            }
        }
    }

    @Test func asciiLetterTestsMatchTheUnicodeProperties() {
        for value in UInt32(0)..<0x300 {
            guard let c = Unicode.Scalar(value) else { continue }
            #expect(c.isAlphabeticScalar == c.properties.isAlphabetic)
            #expect(c.isUppercaseScalar == c.properties.isUppercase)
            #expect(c.isLowercaseScalar == c.properties.isLowercase)
        }
    }

    @Test func wordKeyMapsHoldWhatIsPutIn() {
        var map = WordKeyMap<Int>()
        var reference: [UInt64: Int] = [:]
        var rng = SplitMix64(seed: 7)
        // Key 0 is the empty-slot marker inside: it still works as a key, and so does 1 beside it.
        for key in [UInt64(0), 1] + (0..<PropertySize.cases(5000)).map({ _ in rng.next() % 20000 }) {
            let value = rng.int(1000)
            map[key] = value
            reference[key] = value
        }
        #expect(map.count == reference.count)
        for (key, value) in reference { #expect(map[key] == value) }
        for _ in 0..<2000 {
            let key = 20000 + rng.next() % 1_000_000
            #expect(map[key] == nil)
            #expect(!map.contains(key))
        }
        #expect(Set(map.entries.map(\.key)) == Set(reference.keys))
        map[5, default: 0] += 3
        #expect(map[5] == (reference[5] ?? 0) + 3)
    }

    @Test func termSetsJoinAndAnswerByKey() {
        var a = TermSet(["econo", "infla", "pakis"])
        let b = TermSet(capacity: 100)
        #expect(b.isEmpty)
        a.formUnion(TermSet(["water", "econo"]))
        a.formUnion(["crisi"])
        #expect(a.count == 5)
        for key in ["econo", "infla", "pakis", "water", "crisi"] { #expect(a.contains(key)) }
        #expect(!a.contains("cricket"))
        #expect(!a.contains(""))
    }

    @Test func questionLinesAndPageMarkersAreStillFoundBehindTheirQuickChecks() {
        #expect(QuestionRecognizer.match("\u{A0}Q.1 Discuss inflation.") != nil)
        #expect(QuestionRecognizer.match("**Question 2:** Discuss CPEC.") != nil)
        #expect(QuestionRecognizer.match("Quite a sentence, not a question.") == nil)
        #expect(QuestionRecognizer.match("Discuss inflation.") == nil)
        #expect(PageMarker.match(SourceLine(number: 1, scalars: Array("  [ Page 3 ]".unicodeScalars))) == .some(3))
        #expect(PageMarker.match(SourceLine(number: 1, scalars: Array("--- page 4 ---".unicodeScalars))) == .some(4))
        #expect(PageMarker.match(SourceLine(number: 1, scalars: Array("- page 4".unicodeScalars))) == nil)
        #expect(PageMarker.match(SourceLine(number: 1, scalars: Array("[map: page 4]".unicodeScalars))) == nil)
        #expect(SectionRoles.isRoleName("Way Forward"))
        #expect(SectionRoles.isRoleName("Way - Forward"))
        #expect(!SectionRoles.isRoleName("The Way Forward"))
    }
    @Test func startsCapitalOrDigitMatchesTheUnicodeProperties() {
        func reference(_ text: String) -> Bool {
            guard let c = TextShape.firstLetter(text) else { return false }
            let p = c.properties
            if p.isUppercase || p.numericType != nil { return true }
            return p.isAlphabetic && !p.isLowercase && !p.changesWhenCaseMapped
        }
        let ascii = (0..<128).compactMap { Unicode.Scalar($0).map { String(Character($0)) } }
        for text in ascii + Self.pieces + Self.words(400) {
            #expect(TextShape.startsCapitalOrDigit(text) == reference(text), "\(text)")
        }
    }

    /// Runs of ASCII letters and digits (read in one step) beside every kind of joiner and scalar.
    static let runs = [
        "G20", "1990s", "COVID19", "20G", "2019-20", "Zarb-e-Azb", "2,640.5", "A4-size", "x-ray", "pre-1947", "9/11",
        "e-Khidmat", "Bunyan-um-Marsoos", "IMF's", "so-called", "- -", "a - b", "12", "café-bar", "ÉLAN-1",
    ]

    @Test func tokensNoteTheirHyphenAndKindAsTheirTextShows() {
        for text in Self.runs + Self.words(PropertySize.cases(2000)) {
            for t in Tokenizer.tokens(of: [.text(text, at: SourcePosition(line: 2, column: 7))]) {
                #expect(t.hasHyphen == t.text.utf8.contains(UInt8(ascii: "-")) || t.kind == .punctuation, "\(t.text)")
                guard t.kind != .punctuation else { continue }
                // A number starts with a digit and holds no letter (its joiners are not word scalars).
                let scalars = t.text.unicodeScalars
                let digits = scalars.allSatisfy { !$0.isWordScalar || ($0.value >= 0x30 && $0.value <= 0x39) }
                let number = digits && scalars.first!.value >= 0x30 && scalars.first!.value <= 0x39
                #expect((t.kind == .number) == number, "\(t.text)")
            }
        }
        let line = "Zarb-e-Azb and 2019-20 - G20"
        let hyphens = Tokenizer.tokens(of: [.text(line, at: SourcePosition(line: 1, column: 1))])
        #expect(hyphens.map(\.hasHyphen) == [true, false, true, false, false])
        #expect(hyphens.map(\.kind) == [.word, .word, .number, .punctuation, .word])
        #expect(hyphens[4].lower == "g20" && hyphens[4].position.column == 26 && hyphens[4].end.column == 29)
    }

    @Test func linesSplitAsTheScalarReadingDoes() {
        func reference(_ text: String) -> [[Unicode.Scalar]] {
            var lines: [[Unicode.Scalar]] = []
            var current: [Unicode.Scalar] = []
            var afterCR = false
            for c in text.unicodeScalars {
                if c == "\n", afterCR {
                    afterCR = false
                    continue
                }
                afterCR = c == "\r"
                if c == "\n" || c == "\r" {
                    lines.append(current)
                    current = []
                } else {
                    current.append(c)
                }
            }
            if !current.isEmpty || lines.isEmpty { lines.append(current) }
            return lines
        }
        let texts = ["", "\n", "a", "a\n", "a\r\nb", "a\rb\r", "\r\n\r\n", "a\n\nb\n", "café\nپاکستان 😀"]
        for text in texts + Self.words(400).map({ $0.replacingOccurrences(of: " ", with: "\n") }) {
            let lines = SourceLine.split(Array(text.utf8), firstLine: 4)
            #expect(lines.map(\.scalars) == reference(text), "\(text)")
            #expect(lines.map(\.number) == Array(4..<(4 + lines.count)))
        }
        // A stray byte reads as U+FFFD, the next line unharmed.
        let stray = SourceLine.split([0x61, 0xE2, 0x0A, 0xC3, 0xA9])
        #expect(stray.map(\.scalars) == [["a", "\u{FFFD}"], ["é"]])
    }

    @Test func capitalsAndTidinessMatchTheScalarReading() {
        func mostlyCapitals(_ text: String) -> Bool {
            let letters = text.unicodeScalars.filter(\.properties.isAlphabetic)
            return letters.count >= 2 && letters.filter(\.properties.isUppercase).count * 10 >= letters.count * 8
        }
        func tidy(_ text: String) -> Bool {
            text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } && !text.hasPrefix(" ")
                && !text.hasSuffix(" ") && !text.contains("  ") && !text.isEmpty
        }
        let headings = ["WAY FORWARD", "ÉCONOMIE DU PAKISTAN", "Intro"]
        for text in Self.runs + Self.words(PropertySize.cases(1000)) + headings {
            #expect(TextShape.isMostlyCapitals(text) == mostlyCapitals(text), "\(text)")
            #expect(FairCopyWriter.isTidyASCII(text) == tidy(text), "\(text)")
        }
    }

    @Test func remarkWordsThatCannotOpenAClauseBreakAreSkipped() {
        for word in ["But", "but,", "(however", "ALTHOUGH", "Although", "débat", "rebuttal"] {
            #expect(RemarkJudge.mayBreak(Substring(word)), "\(word)")
        }
        for word in ["the", "argument", "weak.", "HOW", "alto"] {
            #expect(!RemarkJudge.mayBreak(Substring(word)), "\(word)")
        }
        // Never skipped where the full reading finds a break.
        for word in Self.words(PropertySize.cases(1000)) + ["but", "However,", "although…"] {
            let bare = lowercaseWords(word).first ?? ""
            if ["but", "however", "although"].contains(bare) {
                #expect(RemarkJudge.mayBreak(Substring(word)), "\(word)")
            }
        }
    }
}
