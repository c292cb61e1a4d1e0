import Testing

@testable import PakEssay

/// Issue 17, step 9: the readings a block keeps for reuse, and the date test's byte check, give what reading
/// afresh gives.
@Suite struct BlockReadingReuseTests {
    static let pieces = [
        "1.", "2.1", "(a)", "IV.", "PART", "Some", "text", "here.", "March", "march", ",May", "JUNE", "2025",
        "1999,", "٢٠٢٥", "Kelvin", "K", "Au", "Sept", "Octopus", "Introduction", "CONCLUSION", "~~x~~", "^{y}",
        "{==Title==}", "#", "- point", "É", "café", "the", "and", "runs", "on", "to", ":", " ", ",",
    ]

    static func line(_ rng: inout SplitMix64) -> String {
        (0..<(1 + rng.int(4))).map { _ in rng.pick(pieces) }.joined(separator: rng.chance(15) ? "" : " ")
    }

    /// The date test as it was before the byte check: the title cut at spaces, commas trimmed, month and year.
    static func readsAsDate(_ title: String) -> Bool {
        let words = title.split(separator: " ").map(HeadingRecognizer.trimmingCommas)
        return words.count == 2 && HeadingRecognizer.months.contains(words[0].lowercased()) && words[1].count == 4
            && words[1].allSatisfy(\.isNumber)
    }

    @Test func theMonthCheckNeverRulesOutADate() {
        var rng = SplitMix64(seed: 91)
        var dates = 0
        for _ in 0..<PropertySize.cases(6000) {
            let title = Self.line(&rng)
            if Self.readsAsDate(title) {
                dates += 1
                #expect(HeadingRecognizer.mayOpenWithMonth(title), "\(title)")
            }
        }
        #expect(dates > 0)
        for date in ["March 2025", ",march 2025", "  MAY, 1999", "june ٢٠٢٥", "December 2001"] {
            #expect(Self.readsAsDate(date), "\(date)")
            #expect(HeadingRecognizer.mayOpenWithMonth(date), "\(date)")
        }
        for title in ["PART 1", "Kelvin 2025", "Été 2025", "1999 March", "Economy"] {
            #expect(!HeadingRecognizer.mayOpenWithMonth(title), "\(title)")
        }
        // A numbered date is a letter's date, not a heading; a numbered title that opens with a month stays one.
        let isRole = SectionRoles.isRoleName
        #expect(HeadingRecognizer.match("1. March 2025", underlined: false, opensBlock: true, roleWords: isRole) == nil)
        let riots = HeadingRecognizer.match("1. May 9 Riots", underlined: false, opensBlock: true, roleWords: isRole)
        #expect(riots?.title == "May 9 Riots")
        let part = HeadingRecognizer.match("12. PART 12", underlined: false, opensBlock: true, roleWords: isRole)
        #expect(part?.title == "PART 12")
    }

    /// Every reading a block keeps (a standalone line's, or the line after a heading's) holds the scan, fair copy
    /// and heading reading that reading the line afresh makes.
    @Test func keptReadingsAreThoseMadeAfresh() {
        var rng = SplitMix64(seed: 117)
        var keptAfterHeading = 0
        for _ in 0..<PropertySize.cases(1500) {
            let text = (0..<(2 + rng.int(4))).map { _ in Self.line(&rng) }.joined(separator: "\n")
            let lines = SourceLine.split(Array(text.utf8))
            guard !lines.contains(where: \.isBlank) else { continue }
            var readings: [(line: Int, reading: ParagraphSplitter.LineReading)] = []
            let standalone = ParagraphSplitter.standaloneLines(lines, readings: &readings)
            let block = BlockReader.scan(lines, [])
            #expect(block.standalone == standalone, "\(text)")
            #expect(readings.map(\.line) == readings.map(\.line).sorted(), "\(text)")
            // The block keeps the heading readings alone, each for a line scanned as that reading.
            #expect(block.headings.map(\.line) == readings.filter { $0.reading.heading != nil }.map(\.line), "\(text)")
            for (k, reading) in readings {
                #expect(block.lines[k].fair == reading.fair, "\(text)")
                let fresh = InlineScanner.scan([lines[k]])
                #expect(reading.scan.lines == fresh.lines, "\(text)")
                #expect(reading.fair == FairCopyWriter.text(of: fresh.lines.first ?? []), "\(text)")
                if !block.standsAlone(k) { keptAfterHeading += 1 }
                guard let heading = reading.heading else { continue }
                let match = HeadingRecognizer.match(
                    reading.fair, underlined: heading.underlined, opensBlock: heading.opens,
                    roleWords: SectionRoles.isRoleName)
                if block.standsAlone(k) {
                    #expect(heading.match != nil, "\(text)")
                } else {
                    #expect(String(describing: heading.match) == String(describing: match), "\(text)")
                }
            }
        }
        #expect(keptAfterHeading > 0)
    }

    /// A heading and its line of text: the line's reading is kept once, its heading reading says it is no heading,
    /// and the answer reads one section holding one paragraph.
    @Test func theLineUnderAHeadingIsReadOnce() throws {
        let lines = SourceLine.split(Array("1. PART 1\nSome text here.".utf8))
        let block = BlockReader.scan(lines, [])
        #expect(block.standalone == [0])
        #expect(block.headings.map(\.line) == [0, 1])
        #expect(block.heading(at: 1)?.opens == true)
        #expect(block.heading(at: 1).map { $0.match == nil } == true)
        #expect(block.heading(at: 0)?.match?.title == "PART 1")
        let one = SourceLine.split(Array("Some text here.\nMore text.".utf8))
        #expect(BlockReader.scan(one, []).headings.isEmpty)
        let document = try EssayParser.parse(text: "Q.1 Discuss.\n\n1. PART 1\nSome text here.\n", source: "t")
        let sections = document.answers[0].sections
        #expect(sections.count == 1)
        #expect(sections.first?.title == "PART 1")
        #expect(sections.first?.paragraphs.count == 1)
    }
}
