import Testing

@testable import PakEssay

/// The parse from bytes (issue 17, step 8): lines kept as spans of the file's bytes, with a scalar table only
/// for lines that are not ASCII, read as the scalar reading read them. Each fast path is set against a plain
/// reading over the line's scalars: CR, CRLF and LF ends, stray bytes, non-ASCII columns, tabs, markup at a
/// line's end and markup left open.
@Suite struct ByteSpanTests {
    /// Pieces of lines: markup whole and cut short, closers with nothing open, escapes, brackets, tabs,
    /// no-break and other spaces, accents, Urdu and an emoji (four bytes).
    static let pieces = [
        "word", "Prices", "rose.", "1.", "(a)", "IV.", "PART", "Q.1", "#", "-", "--", "+", "=", "~", "^", "<", ">",
        "}", "{", "[", "]", "~~", "~~x~~", "~~y", "{--z--}", "{++w++}", "{~~a~>b~~}", "{==k==}", "{>>note<<}",
        "^{in}", "^{", "--}", "++}", "==}", "~~}", "~>", "<del>d</del>", "</del>", "<b>", "<p", "[illegible]",
        "[?guess?]", "[map: Indus]", "[page 2]", "[x]", "\\~", "\\{", "\\q", "\\", "\t", " ", "\u{A0}", "\u{2003}",
        "café", "ÉTAT", "پاکستان", "😀", "’s", "“quoted”", "a-b", "x+y=z", "<3", "{ }", "[ ]", "*",
        "o", "•",
    ]

    static func lines(_ count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            (0..<(1 + rng.int(6))).map { _ in rng.pick(pieces) }.joined(separator: rng.chance(25) ? "" : " ")
        }
    }

    @Test func scalarStringsAreTheScalarViewsStrings() {
        let edges = [
            "", "a", "café", "پاکستان 😀", "\u{FFFD}x", "\u{7F}\u{80}\u{7FF}\u{800}", "\u{FFFF}\u{10000}",
        ]
        for text in edges + Self.lines(PropertySize.cases(500), seed: 3) {
            let scalars = Array(text.unicodeScalars)
            let made = String(scalars: scalars)
            #expect(made == text)
            #expect(Array(made.utf8) == Array(String(String.UnicodeScalarView(scalars)).utf8), "\(text)")
            #expect(String(scalars: scalars.dropFirst()) == String(String.UnicodeScalarView(scalars.dropFirst())))
        }
    }

    @Test func linesAreSpansOfTheFileWithTablesOnlyWhereNotASCII() {
        let texts = [
            "", "\n", "a", "a\r\nb", "a\rb\r", "\r\n\r\n", "\tx \u{A0}\n", "café\nplain\nپاکستان 😀\r",
        ]
        for text in texts + Self.lines(PropertySize.cases(400), seed: 5).map({ $0 + "\r\n" }) {
            let bytes = Array(text.utf8)
            let lines = SourceLine.split(bytes, firstLine: 2)
            for line in lines {
                let reference = Array(String(decoding: line.utf8, as: UTF8.self).unicodeScalars)
                #expect(line.scalars == reference, "\(text)")
                #expect(line.count == reference.count)
                #expect(line.isASCII == line.utf8.allSatisfy { $0 < 0x80 })
                #expect(line.isBlank == reference.allSatisfy(\.isTranscriptSpace))
                #expect(line.firstVisible == reference.firstIndex { !$0.isTranscriptSpace })
                #expect(line.text.unicodeScalars.elementsEqual(reference))
                for k in reference.indices { #expect(line.scalar(at: k) == reference[k]) }
                // The span is the file's own bytes, not a copy: it indexes into the whole.
                #expect(bytes[line.utf8.startIndex..<line.utf8.endIndex].elementsEqual(line.utf8))
            }
        }
        // A stray byte reads as U+FFFD in the table; its column count follows the table, not the bytes.
        let stray = SourceLine.split([0x61, 0xE2, 0x62, 0x0A, 0x63])
        #expect(stray[0].scalars == ["a", "\u{FFFD}", "b"])
        #expect(stray[0].count == 3)
        #expect(!stray[0].isASCII)
        #expect(stray[1].isASCII)
        #expect(stray[1].scalars == ["c"])
    }

    /// `mayStandAlone` as it read every line's scalars before the byte path.
    static func referenceMayStandAlone(_ s: [Unicode.Scalar]) -> Bool {
        guard let first = s.first(where: { !$0.isTranscriptSpace }) else { return false }
        if Bullet.isMark(first) || "[{#(~^<\\*=".unicodeScalars.contains(first) || first.value >= 0x80 { return true }
        if first.value >= 0x30 && first.value <= 0x39 { return true }
        var upper = 0
        var lower = 0
        var spaces = 0
        for (i, c) in s.enumerated() {
            if i < 8, c == "." || c == ")" { return true }
            if c.value >= 0x41 && c.value <= 0x5A {
                upper += 1
            } else if c.value >= 0x61 && c.value <= 0x7A || c.value >= 0x80 {
                lower += 1
            } else if c == " " {
                spaces += 1
            }
        }
        return spaces <= 6 || upper * 10 >= (upper + lower) * 7
    }

    @Test func lineChecksReadBytesAsTheyReadScalars() {
        let long = "This line is prose of many words and runs on past any heading at all"
        var stood = 0
        for text in Self.lines(PropertySize.cases(2000), seed: 9) + [long, long + " é", "  1. PART", "\tQ.2 Why?"] {
            let line = SourceLine.split(Array(text.utf8))[0]
            let scalars = Array(text.unicodeScalars)
            let reference = Self.referenceMayStandAlone(scalars)
            #expect(ParagraphSplitter.mayStandAlone(line) == reference, "\(text)")
            if reference { stood += 1 }
            let viaScalars = SourceLine(number: 1, scalars: scalars)
            #expect(PageMarker.match(line) == PageMarker.match(viaScalars), "\(text)")
            #expect(BlockReader.opensAnswer(line) == BlockReader.opensAnswer(viaScalars), "\(text)")
        }
        #expect(stood > 100)
        #expect(!ParagraphSplitter.mayStandAlone(SourceLine.split(Array(long.utf8))[0]))
        #expect(PageMarker.match(SourceLine.split(Array("\t[ Page 12 ]".utf8))[0]) == .some(12))
        #expect(BlockReader.opensAnswer(SourceLine.split(Array(" *Q.3 Discuss.".utf8))[0]))
    }

    @Test func linesThatOpenNothingScanAsTheMarkupReaderScansThem() {
        var plain = 0
        var nonASCII = 0
        for (k, text) in Self.lines(PropertySize.cases(3000), seed: 11).enumerated() {
            // Blocks of one to three lines, with CR, CRLF and LF ends.
            let ends = ["\n", "\r\n", "\r"]
            let block = [text, Self.pieces[k % Self.pieces.count], "tail \(k)"].prefix(1 + k % 3)
                .joined(separator: ends[k % 3])
            let lines = SourceLine.split(Array(block.utf8))
            let reference = InlineScanner.markupScan(lines)
            guard let fast = InlineScanner.plainScan(lines) else { continue }
            plain += 1
            if lines.contains(where: { !$0.isASCII }) { nonASCII += 1 }
            #expect(fast.lines == reference.lines, "\(block)")
            #expect(reference.edits.isEmpty && reference.comments.isEmpty && reference.visuals.isEmpty)
            #expect(reference.diagnostics.isEmpty, "\(block)")
        }
        #expect(plain > 300)
        #expect(nonASCII > 50)
    }

    @Test func tidyTextIsItsOwnFairCopyAsTheTidySays() {
        var tidyCount = 0
        let edges = [
            "", " ", "a", "a ", " a", "a  b", "a\tb", "café au lait", "a\u{A0}b", "x\u{2003}y",
            "پاکستان زندہ", "😀 ok", "a\u{3000}", "\u{FEFF}a", "é", "e\u{301}", "a\u{85}b",
        ]
        for text in edges + Self.lines(PropertySize.cases(2000), seed: 13) {
            let unchanged = Array(tidy(text).utf8) == Array(text.utf8)
            // The empty text is left to the walker, as `isTidyASCII` leaves it.
            #expect(FairCopyWriter.isTidy(text) == (unchanged && !text.isEmpty), "\(text)")
            if unchanged { tidyCount += 1 }
            // The fair copy of one run of text is the tidy of it, whichever way it is reached.
            let inlines: [Inline] = [.text(text, at: SourcePosition(line: 1, column: 1))]
            #expect(Array(FairCopyWriter.text(of: inlines).utf8) == Array(tidy(text).utf8), "\(text)")
        }
        #expect(tidyCount > 200)
        #expect(FairCopyWriter.isTidy("پاکستان زندہ"))
        #expect(!FairCopyWriter.isTidy("x\u{2003}y"))
    }

    @Test func everyOpenerIsSeenInTheBytes() {
        let opening = [
            "a ~~b", "{--c", "{++d", "{~~e~>f~~}", "{==g", "{>>h", "^{i}", "<del>j", "</ins>", "<subst>", "\\~",
            "\\{x", "[illegible]", "[?k?]", "[map: Indus]", "[x] and [y]", "é ~~", "tab\t~~x~~", "😀{++z++}",
        ]
        for text in opening { #expect(InlineScanner.mayOpenMarkup(Array(text.utf8)[...]), "\(text)") }
        let text = [
            "x - y", "a+b=c", "}", "--}", "++}", "==}", "~ x", "^ x", "< 3", "{ x", "\\ x", "]", "] [",
            "café", "پاکستان", "\t", "a ~", "b {", "c \\",
        ]
        for line in text { #expect(!InlineScanner.mayOpenMarkup(Array(line.utf8)[...]), "\(line)") }
        // What the reader makes of a closer with nothing open, and of markup left open at a line's end.
        let lone = SourceLine.split(Array("Rates -- }rose ==} +".utf8))
        #expect(InlineScanner.plainScan(lone)?.lines == InlineScanner.markupScan(lone).lines)
        let open = SourceLine.split(Array("Rates rose ~~".utf8))
        #expect(InlineScanner.plainScan(open) == nil)
        #expect(InlineScanner.markupScan(open).diagnostics.count == 1)
    }
}
