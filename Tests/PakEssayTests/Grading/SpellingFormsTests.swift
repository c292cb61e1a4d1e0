import Testing

@testable import PakEssay

/// Word forms the dictionary lacks but English makes every day, and the ranking of suggestions two edits
/// away (issue 14, helper lang14f, item 2).
@Suite struct SpellingFormsTests {
    /// Each spelling finding on a paragraph as "excerpt -> suggestion".
    static func found(_ body: String) throws -> [String] {
        try SpellingTests.findings(body).map { "\($0.excerpt) -> \($0.suggestion)" }
    }

    @Test func wordsMadeByACommonPrefixOrEndingAreRight() throws {
        let text = """
            Intra-party elections, agro-based and agro-industrial units, ethno-nationalism and de-dollarization \
            are debated. Counterterrorism, subnationalism and transboundary rivers matter too. Dollarisation, \
            securitisation and digitalisation of the economy need leaders who operationalise their plans.
            """
        #expect(try Self.found(text) == [])
    }

    @Test func pakistaniTermsAndNewerWordsAreRight() throws {
        let text = """
            Feudals and maliks still rule the villages. Basmati rice, kinnow and chilgoza are exported, and \
            Emiratis invest in Gwadar. A vlog on peacebuilding went viral.
            """
        #expect(try Self.found(text) == [])
    }

    @Test func misspeltWordsWithAPrefixOrEndingAreStillFound() throws {
        // 'fear' is too short a word to follow a prefix; 'anal' too short to take an ending; 'colum' is
        // no common word ('Colum' is a name).
        let found = try SpellingTests.findings("They interfear in the colums. We analize the goverment-owned mills.")
        #expect(found.map(\.excerpt) == ["interfear", "colums", "analize", "goverment-owned"])
    }

    @Test func aHyphenatedWordWithAMisspeltPartGetsThatPartCorrected() throws {
        #expect(
            try Self.found("Enviroment-friendly laws and goverment-owned mills need e-goverance.") == [
                "Enviroment-friendly -> Write 'Environment-friendly'.", "goverment-owned -> Write 'government-owned'.",
                "e-goverance -> Write 'e-governance'.",
            ])
        #expect(try Self.found("Zarb-e-Azb, socio-economic well-being and Pak-Afghan trade.") == [])
    }

    @Test func aSlipOfVowelsAndDoublingGoesFirstAmongEquallyCommonWords() throws {
        #expect(try Self.found("Nuclear deterance has kept the peace.") == ["deterance -> Write 'deterrence'."])
        // A much commoner word still goes first.
        #expect(try Self.found("The ecomonic losses were heavy.") == ["ecomonic -> Write 'economic'."])
        let far = Speller.Suggestion(word: "x", distance: 2, likely: false, frequencyClass: 1, capitalOnly: false)
        var near = far
        near.sameConsonants = true
        #expect(near.ranks(before: far) && !far.ranks(before: near))
    }
}
