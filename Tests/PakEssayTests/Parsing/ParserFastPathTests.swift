import Testing

@testable import PakEssay

/// The parser's per-line fast paths (issue 17, hostile shapes) give exactly what the plain versions
/// give. Titles and lines are drawn from role words, numbering, markup, capitals, lowercase words,
/// apostrophes, hyphens and non-ASCII pieces, so that both the fast and the fallback paths run.
@Suite struct ParserFastPathTests {
    static let titlePieces = [
        "Way", "forward", "WAY", "FORWARD", "way-forward", "Critical", "analysis", "CRITICAL", "Evaluation",
        "introduction", "Introduction's", "intro", "INTRO'S", "Conclusion", "conclusion-", "challenges'",
        "policy", "Options", "historical", "Background", "history", "the", "of", "and", "1.", "2.1", "(a)", "IV.",
        "a)", "i.", ":", " :", "-", "'", "'s", "’s", "–", "É", "café", "پاکستان", "Way ahead", "way out", "lessons",
        "x", "a", "word", "PART", "Level", "#", "##", "~~x~~", "^{y}", "{==Title==}", "[map: Indus]", "\\~",
        "<del>z</del>", "  ", "\t", ".", "!", "?", "e.g.", "Dr.", "ECONOMY", "eCONOMY", "pAKISTAN", "abc", "Q.1",
    ]

    static func lines(_ count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            (0..<(1 + rng.int(5))).map { _ in rng.pick(titlePieces) }.joined(separator: rng.chance(20) ? "" : " ")
        }
    }

    @Test func sectionRolesMatchTheWordListVersion() {
        for title in Self.lines(PropertySize.cases(4000), seed: 17) {
            #expect(SectionRoles.role(for: title) == SectionRoles.plainRole(for: title), "\(title)")
            #expect(SectionRoles.isRoleName(title) == SectionRoles.plainIsRoleName(title), "\(title)")
        }
        // The earliest keyword wins, and at one start the keyword listed first.
        #expect(SectionRoles.role(for: "Challenges and the way forward") == .challenges)
        #expect(SectionRoles.role(for: "Critical analysis of history") == .analysis)
        #expect(SectionRoles.isRoleName("WAY FORWARD:"))
        #expect(!SectionRoles.isRoleName("way forward now"))
    }

    @Test func plainLinesScanAsTheMarkupReaderScansThem() {
        let all = Self.lines(PropertySize.cases(3000), seed: 23)
        var plain = 0
        var start = 0
        while start < all.count {
            let count = 1 + start % 4
            let block = all[start..<min(all.count, start + count)].enumerated().map { k, text in
                SourceLine(number: start + k + 1, scalars: Array(text.unicodeScalars))
            }
            start += count
            let reference = InlineScanner.markupScan(block)
            guard let fast = InlineScanner.plainScan(block) else { continue }
            plain += 1
            #expect(fast.lines == reference.lines)
            #expect(fast.edits == reference.edits)
            #expect(fast.comments == reference.comments)
            #expect(fast.visuals == reference.visuals)
            #expect(fast.diagnostics == reference.diagnostics)
        }
        #expect(plain > 30)
    }

    @Test func closersAndOpenersMatchTheirSets() {
        for value in UInt32(0)...0x3000 {
            guard let c = Unicode.Scalar(value) else { continue }
            #expect(TextShape.isCloser(c) == TextShape.closers.contains(c), "\(value)")
            #expect(TextShape.isOpener(c) == TextShape.openers.contains(c), "\(value)")
        }
    }

    @Test func oneLineParagraphUnitsKeepTheirFairCopy() {
        for text in ["", "word", "Some text here."] {
            let line = ScannedLine(
                line: SourceLine(number: 1, scalars: Array(text.unicodeScalars)), inlines: [], fair: text,
                firstColumn: 1)
            let unit = ParagraphUnit(
                lines: [line], content: [], isBullet: false, startsBlock: true, endsBlock: true, pageBreaks: 0,
                lastLine: 1)
            #expect(unit.fair == [text].filter { !$0.isEmpty }.joined(separator: " "))
        }
    }

    /// Lines the byte pass rules out although the reader takes them for a heading: a parser fault that
    /// the large property run (`PAKESSAY_PROPERTY_SIZE=large`, seed 31) found. When it opens a block,
    /// the reader reads this one as the role heading `Conclusion \~`. Until
    /// `HeadingRecognizer.mayBeHeading` is fixed, the property skips these lines and
    /// `theBytePassRulesOutTheKnownMisses` records them as a known issue; that test fails once the fault
    /// is fixed, so that both are removed.
    static let knownMisses: Set<String> = []

    /// A role name followed by junk and runs of spaces, which the large property run found: the byte pass
    /// counts its words, not its spaces, and leaves it to the reader.
    @Test func theBytePassLeavesARoleNameWithJunkToTheReader() {
        let line = "Conclusion \\~    –   "
        let read = HeadingRecognizer.read(line, underlined: false, opensBlock: true, roleWords: SectionRoles.isRoleName)
        #expect(read != nil)
        #expect(HeadingRecognizer.mayBeHeading(line))
    }

    @Test func theBytePassNeverRulesOutAHeading() {
        var ruledOut = 0
        let lines = Self.lines(PropertySize.cases(6000), seed: 31).filter { !Self.knownMisses.contains($0) }
        for line in lines where !line.isEmpty && !HeadingRecognizer.mayBeHeading(line) {
            ruledOut += 1
            for opens in [false, true] {
                let read = HeadingRecognizer.read(
                    line, underlined: false, opensBlock: opens, roleWords: SectionRoles.isRoleName)
                #expect(read == nil, "\(line)")
            }
        }
        // The lowercase rule: a line of one lowercase word is ruled out before any string is built.
        #expect(!HeadingRecognizer.mayBeHeading("a"))
        #expect(!HeadingRecognizer.mayBeHeading("word"))
        #expect(HeadingRecognizer.mayBeHeading("a) Causes"))
        #expect(HeadingRecognizer.mayBeHeading("eCONOMY"))
        #expect(ruledOut > 100)
    }
}
