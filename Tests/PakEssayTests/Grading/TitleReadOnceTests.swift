import Testing

@testable import PakEssay

/// Issue 17, step 10: a heading's title read once for the acronym keys and the relevance judge, and the umbrella
/// test's byte check, give what reading each title afresh gives.
@Suite struct TitleReadOnceTests {
    static let pieces = [
        "Causes", "causes", "CAUSES", "of", "Smog", "Effects", "Measures:", "steps", "Types.", "1.", "2.5", "1,000",
        "e-commerce", "Pakistan's", "U.S.", "(a)", "Été", "20th", "x,y", "SCO", "CPEC", "Challenges)", "the", "and",
        "PART", "12", "Kinds", "…", "\t", ":", "-", "'", ".", ",", "Way", "Forward", "café", "Factors/Reasons",
    ]

    static func title(_ rng: inout SplitMix64) -> String {
        (0..<(1 + rng.int(4))).map { _ in rng.pick(pieces) }.joined(separator: rng.chance(15) ? "" : " ")
    }

    /// The umbrella test as it reads a title in full: its tokens, a phrase of the table starting at a word.
    static func holdsPhrase(_ title: String, _ table: PhraseTable) -> Bool {
        let tokens = Tokenizer.tokens(of: [.text(title, at: SourcePosition(line: 1, column: 1))])
        return tokens.indices.contains {
            tokens[$0].kind == .word && table.match(tokens, at: $0, limit: tokens.count) != nil
        }
    }

    @Test func theByteCheckNeverRulesOutAnUmbrella() {
        let umbrellas = Fixtures.rubric.lexicon.cue("umbrellaTitles")
        #expect(umbrellas.count > 0)
        var rng = SplitMix64(seed: 1017)
        var (ruledOut, left, held) = (0, 0, 0)
        for _ in 0..<PropertySize.cases(6000) {
            let title = Self.title(&rng)
            let full = Self.holdsPhrase(title, umbrellas)
            if full { held += 1 }
            switch GradingContext.mayHoldPhrase(title, umbrellas) {
            case false?:
                ruledOut += 1
                #expect(!full, "\(title)")
            case true?: break
            case nil: left += 1
            }
        }
        #expect(ruledOut > 0 && left > 0 && held > 0)
        for title in ["Causes of Smog", "SOME MEASURES", "20th century steps", "Types: (a)"] {
            #expect(GradingContext.mayHoldPhrase(title, umbrellas) == true, "\(title)")
        }
        for title in ["PART 12", "1000. PART 1000", "Vehicular Emissions", "Way Forward (2025)", "x, y"] {
            #expect(GradingContext.mayHoldPhrase(title, umbrellas) == false, "\(title)")
        }
        for title in ["Pakistan's Causes", "e-commerce", "1.5 causes", "Été", "a.b", "1,2"] {
            #expect(GradingContext.mayHoldPhrase(title, umbrellas) == nil, "\(title)")
        }
    }

    @Test func aTitleReadOnceGivesTheFeaturesAndKeysReadAfresh() throws {
        let answer = """
            Q.2 Discuss the role of CPEC and the SCO in Pakistan's economy.

            1. Introduction
            Pakistan's economy leans on its neighbours, and this answer argues that CPEC matters most.

            2. China-Pakistan Economic Corridor
            The corridor has built roads and power plants since 2015.

            3. Shanghai Cooperation Organisation (SCO)
            The SCO gives Pakistan a seat beside its largest neighbours.

            Conclusion
            In conclusion, both matter, but the corridor matters more.
            """
        let c = try Fixtures.context(answer)
        let model = Fixtures.rubric.lexicon.topicModel
        #expect(!model.isEmpty)
        var acronyms = 0
        for (k, info) in c.sections.enumerated() {
            guard let title = info.section.title else {
                #expect(info.titleFeatures.isEmpty)
                continue
            }
            #expect(info.titleFeatures == model.dataFeatures(of: title), "\(title)")
            let keys =
                TermKey.keys(title, stopWords: Fixtures.rubric.lexicon.stopWords)
                + GradingContext.acronymKeys(of: title, lexicon: Fixtures.rubric.lexicon)
            #expect(c.titleKeys[k] == keys, "\(title)")
            acronyms += keys.filter { $0.hasPrefix("acronym:") }.count
        }
        #expect(acronyms == 2)
    }

    @Test func theTreeIsSizedAsBuilt() throws {
        let c = try Fixtures.context(UmbrellaHeadingTests.answer)
        let size = GradingContext.size(of: c.answer.sections)
        #expect(size.sections == c.sections.count)
        #expect(size.paragraphs == c.paragraphs.count)
        #expect(size.words == c.paragraphs.reduce(0) { $0 + $1.paragraph.words })
    }
}
