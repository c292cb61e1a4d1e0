import Foundation
import Testing

@testable import PakEssay

/// The cue lists each sentence holds are found once per answer, in the pass that counts them by paragraph,
/// and say what a scan of the sentence itself says.
@Suite struct SentenceCueTests {
    /// A scan of one sentence for a list, as the rules once made it for every question they asked: a phrase
    /// of the list starts at a word of the sentence (its first, when `opening`) and ends within it.
    static func scanned(_ c: GradingContext, _ s: Int, _ tag: Int, opening: Bool) -> Bool {
        let range = c.sentences[s].tokens
        for i in range where c.tokens[i].kind != .punctuation {
            var found = false
            c.lexicon.cueIndex.matchesByTag(c.tokens, at: i, limit: range.upperBound) { t, _ in
                if t == tag { found = true }
            }
            if found { return true }
            if opening { return false }
        }
        return false
    }

    /// Every answer of the samples and the panel, with the default rubric.
    static let contexts: [GradingContext] = {
        let folders = [Fixtures.samples, Fixtures.samples.appendingPathComponent("panel")]
        var out: [GradingContext] = []
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".txt") {
                let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) ?? Data()
                guard let text = String(data: bytes, encoding: .utf8),
                    let document = try? EssayParser.parse(text: text, source: name)
                else { continue }
                for answer in document.answers {
                    out.append(
                        GradingContext(
                            answer: answer, lexicon: Fixtures.rubric.lexicon,
                            expectedWords: Fixtures.rubric.expectedWords))
                }
            }
        }
        return out
    }()

    @Test func eachSentencesListsAreTheOnesAScanFinds() {
        #expect(Self.contexts.count > 80)
        var checked = 0
        for c in Self.contexts {
            for s in c.sentences.indices {
                for (tag, name) in c.lexicon.cueNames.enumerated() {
                    for opening in [false, true] where c.sentence(s, has: name, opening: opening) {
                        #expect(Self.scanned(c, s, tag, opening: opening), "\(name) in \(s)")
                    }
                    for opening in [false, true] where Self.scanned(c, s, tag, opening: opening) {
                        #expect(c.sentence(s, has: name, opening: opening), "\(name) in \(s)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 1000)
    }

    /// No shipped phrase runs past a sentence's end, so a paragraph's count of a list is its sentences'.
    @Test func aParagraphsCountIsItsSentences() {
        for c in Self.contexts {
            for (tag, name) in c.lexicon.cueNames.enumerated() {
                for (p, info) in c.paragraphs.enumerated() {
                    let sum = info.sentences.reduce(0) { $0 + c.sentenceCues.count(tag, in: $1) }
                    #expect(sum == c.cueCounts[name]?[p], "\(name) in paragraph \(p)")
                }
            }
        }
    }

    /// A phrase that runs past a sentence's end ("so . then") is the paragraph's; a shorter one of the same
    /// list that ends within the sentence ("so") is still the sentence's.
    @Test func aPhraseThatRunsPastTheSentenceLeavesTheShorterOne() throws {
        var lexicon = Fixtures.rubric.lexicon
        lexicon.cues["connectives"] = PhraseTable(["so . then", "so"])
        let answer = try Fixtures.parse("Q.1 Discuss rain.\n\nIt rained so. Then we left the town.").answers[0]
        let c = GradingContext(answer: answer, lexicon: lexicon, expectedWords: Fixtures.rubric.expectedWords)
        #expect(c.sentences.count == 2)
        #expect(c.count("connectives", inParagraphs: [0]) == 1)
        #expect(c.sentence(0, has: "connectives"))
        #expect(!c.sentence(1, has: "connectives", opening: true))
        let tag = try #require(lexicon.cueNames.firstIndex(of: "connectives"))
        #expect(Self.scanned(c, 0, tag, opening: false) && !Self.scanned(c, 1, tag, opening: true))
    }
}
