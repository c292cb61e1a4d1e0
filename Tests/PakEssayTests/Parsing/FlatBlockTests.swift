import Testing

@testable import PakEssay

/// Issue 17, step 11: a block's standalone lines and kept heading readings as sorted lists, and its runs of
/// lines walked without a list, give what the set, the dictionary and the list of runs gave.
@Suite struct FlatBlockTests {
    /// The runs as the set-based cut made them: a cut before every line that stands alone or follows one.
    static func referenceSegments(count: Int, standalone: Set<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for k in 1..<max(count, 1) where standalone.contains(k) || standalone.contains(k - 1) {
            result.append(start..<k)
            start = k
        }
        if start < count { result.append(start..<count) }
        return result
    }

    @Test func runsWalkedInPlaceAreTheSetsCuts() {
        var rng = SplitMix64(seed: 1711)
        var cut = 0
        for _ in 0..<PropertySize.cases(3000) {
            let count = rng.int(14)
            let standalone = (0..<count).filter { _ in rng.chance(35) }
            let walked = Array(ParagraphSplitter.Segments(count: count, standalone: standalone))
            let expected = Self.referenceSegments(count: count, standalone: Set(standalone))
            #expect(walked == expected, "\(count) \(standalone)")
            if walked.count > 1 { cut += 1 }
        }
        #expect(cut > 0)
        let three = Array(ParagraphSplitter.Segments(count: 5, standalone: [0, 3]))
        #expect(three == [0..<1, 1..<3, 3..<4, 4..<5])
        #expect(Array(ParagraphSplitter.Segments(count: 0, standalone: [])).isEmpty)
        #expect(Array(ParagraphSplitter.Segments(count: 3, standalone: [])) == [0..<3])
        #expect(Array(ParagraphSplitter.Segments(count: 3, standalone: [2])) == [0..<2, 2..<3])
    }

    @Test func theSortedLookUpsFindWhatASetFinds() {
        var rng = SplitMix64(seed: 29)
        for _ in 0..<PropertySize.cases(500) {
            let sorted = (0..<rng.int(30)).filter { _ in rng.chance(40) }
            let set = Set(sorted)
            for k in -1...31 {
                #expect(ParagraphSplitter.contains(sorted, k) == set.contains(k), "\(sorted) \(k)")
            }
        }
        var block = Block()
        let read = ParagraphSplitter.HeadingRead(underlined: false, opens: true, match: nil)
        block.headings = [(1, read), (4, read), (9, read)]
        let found = [0, 1, 2, 4, 8, 9, 10].filter { block.heading(at: $0) != nil }
        #expect(found == [1, 4, 9])
        block.standalone = [2, 5]
        #expect((0..<7).filter(block.standsAlone) == [2, 5])
    }

    /// A block of headings, bullets and prose keeps a heading reading for each heading and for the line under the
    /// last one, and the answer reads the same sections as a parse that reads every line afresh would.
    @Test func aBlockOfHeadingsKeepsEachReadingInOrder() throws {
        let text = "1. ECONOMY\n- a point\n- another point\n2. SECURITY\nSome text here."
        let block = BlockReader.scan(SourceLine.split(Array(text.utf8)), [])
        #expect(block.standalone == [0, 1, 2, 3])
        #expect(block.headings.map(\.line) == [0, 3, 4])
        #expect(block.heading(at: 3)?.match?.title == "SECURITY")
        #expect(block.heading(at: 4)?.match == nil)
        let fair = ["1. ECONOMY", "- a point", "- another point", "2. SECURITY", "Some text here."]
        #expect(block.lines.map(\.fair) == fair)
        let document = try EssayParser.parse(text: "Q.1 Discuss.\n\n" + text + "\n", source: "t")
        let sections = document.answers[0].sections
        #expect(sections.map(\.title) == ["ECONOMY", "SECURITY"])
        #expect(sections.map(\.paragraphs.count) == [2, 1])
    }

    /// A title's features read into lists kept from the title before (the context builder's) are those read into
    /// new lists, whatever the titles before held.
    @Test func titleFeaturesReadIntoKeptListsAreTheFreshOnes() {
        let model = Fixtures.rubric.lexicon.topicModel
        #expect(!model.isEmpty)
        var rng = SplitMix64(seed: 1117)
        var words = DataWords()
        var nonEmpty = 0
        for _ in 0..<PropertySize.cases(2000) {
            let title = TitleReadOnceTests.title(&rng)
            let fresh = model.dataFeatures(of: title)
            #expect(model.dataFeatures(of: title, words: &words) == fresh, "\(title)")
            if !fresh.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty > 0)
        #expect(model.dataFeatures(of: "", words: &words).isEmpty)
        #expect(words.count == 0 && words.partStart == [0] && words.stemStart == [0])
    }

    /// The split of paragraphs headed by a short line in sentence case gives what splitting unit by unit gave, and
    /// an answer with nothing to split keeps its lists.
    @Test func headedParagraphsSplitAsUnitByUnit() throws {
        func units(_ text: String) throws -> [Unit] {
            let groups = AnswerSplitter.split(BlockReader.read(SourceLine.split(Array(text.utf8))))
            var builder = AnswerBuilder(index: 1, group: try #require(groups.first))
            return builder.makeUnits()
        }
        func unitByUnit(_ units: [Unit]) -> [String] {
            var out: [Unit] = []
            for k in units.indices {
                out.append(units[k])
                guard let split = AnswerBuilder.headedParagraph(units[k], after: k > 0 ? units[k - 1] : nil) else {
                    continue
                }
                out[out.count - 1] = split.heading
                out.append(.paragraph(split.rest))
            }
            return out.map { String(describing: $0) }
        }
        let prose = "The reforms of the last decade raised revenue but left the poorest households behind."
        let headed = "Q.1 Discuss.\n\n1. ECONOMY\nCritical view\n\(prose)\n\nSecond view\n\(prose)\n"
        let split = try units(headed)
        let (out, read) = AnswerBuilder.splitHeadedParagraphs(split, read: split)
        #expect(out.map { String(describing: $0) } == unitByUnit(split))
        #expect(out.count == split.count + 2)
        #expect(read.count == out.count)
        let plain = try units("Q.1 Discuss.\n\n1. ECONOMY\n\(prose)\n\n2. SECURITY\n\(prose)\n")
        let (same, sameRead) = AnswerBuilder.splitHeadedParagraphs(plain, read: plain)
        #expect(same.map { String(describing: $0) } == unitByUnit(plain))
        #expect(same.count == plain.count && sameRead.count == plain.count)
    }
}
