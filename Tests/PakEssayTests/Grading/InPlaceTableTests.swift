import Testing

@testable import PakEssay

/// Tables read where their bytes lie (issue 17, step 3) against the tables they were written from.
struct InPlaceTableTests {
    @Test func aSlotTableHoldsWhatItsWordKeyMapHolds() {
        var map = WordKeyMap<Double>(capacity: 100)
        for k in 1...300 { map[UInt64(k) &* 0x9E37_79B9] = Double(k) / 7 }
        map[0] = -1
        let table = SlotTable(map)
        for k in 1...300 { #expect(table[UInt64(k) &* 0x9E37_79B9] == Double(k) / 7, "\(k)") }
        #expect(table[0] == -1)
        #expect(table[12_345] == nil)
        var seen = 0
        table.forEach { key, value in
            #expect(map[key] == value)
            seen += 1
        }
        #expect(seen == map.count)
        #expect(table.storage.keys == map.storage.keys)
        #expect(table.storage.values == map.storage.values)
        #expect(SlotTable<Int>()[5] == nil)
    }

    @Test func theTopicModelsRarityAndPostingsComeBackFromTheCompiledForm() {
        let model = Fixtures.rubric.lexicon.topicModel
        let bytes = model.compiled(hash: 7)
        guard let read = TopicModel.decode(bytes, hash: 7) else {
            Issue.record("not read back")
            return
        }
        var weights = 0
        model.idf.forEach { key, weight in
            #expect(read.idf[key] == weight)
            weights += 1
        }
        var runs = 0
        model.postings.forEach { key, run in
            #expect(read.postings[key] == run)
            runs += 1
        }
        #expect(weights > 1000)
        #expect(runs > 100)
        #expect(read.compiled(hash: 7) == bytes)
    }

    /// The bank's and the topics' profiles and the topics' terms are read where they lie in the compiled
    /// file (issue 17, step 5): the same features and weights, the same cosines, and no copy of them.
    @Test func theStoredProfilesAndTermsAreReadInPlace() {
        let model = Fixtures.rubric.lexicon.topicModel
        let store = ByteStore(model.compiled(hash: 7))
        guard let read = TopicModel.decode(store, hash: 7) else {
            Issue.record("not read back")
            return
        }
        let built = model.bankProfiles + model.topicProfiles
        let placed = read.bankProfiles + read.topicProfiles
        #expect(built.count == placed.count && placed.count > 200)
        for (a, b) in zip(built, placed) {
            #expect(a.sparse.keyList == b.sparse.keyList)
            #expect(a.sparse.valueList == b.sparse.valueList)
            #expect(b.sparse.lies(in: store))
        }
        #expect(placed.allSatisfy { !$0.sparse.isEmpty })
        for i in stride(from: 0, to: built.count, by: 7) {
            for j in stride(from: 0, to: built.count, by: 11) {
                #expect(placed[i].similarity(placed[j]) == built[i].similarity(built[j]))
            }
        }
        var question = Profile()
        for k in 0..<min(40, built[0].sparse.count) { question.add(built[0].sparse.key(k), 1) }
        #expect(placed[0].similarity(question) == built[0].similarity(question))
        #expect(question.similarity(placed[0]) > 0)
        for (t, u) in zip(model.topics, read.topics) {
            #expect(u.termData.lies(in: store))
            #expect(t.terms.map(\.text) == u.terms.map(\.text))
            #expect(t.terms.map(\.features) == u.terms.map(\.features))
        }
        #expect(read.profileNorms == model.profileNorms)
    }

    @Test func aTopicModelCutShortIsRefused() {
        let bytes = Fixtures.rubric.lexicon.topicModel.compiled(hash: 7)
        for length in stride(from: 0, to: bytes.count, by: bytes.count / 97) {
            #expect(TopicModel.decode(Array(bytes.prefix(length)), hash: 7) == nil, "\(length)")
        }
        // Cut inside the rarity table's slots, which are no longer copied out (and so checked) one by one.
        let model = Fixtures.rubric.lexicon.topicModel
        var w = CompiledWriter()
        w.doubleTable(model.idf)
        let table = w.bytes
        for length in stride(from: 0, to: table.count, by: 8) {
            let store = ByteStore(Array(table.prefix(length)))
            var r = CompiledReader(bytes: store.raw)
            let cut: SlotTable<Double>? = r.slotTable(in: store)
            #expect(cut == nil, "\(length)")
        }
    }

    /// The tokens of every sample answer, for looking tables up with.
    static func sampleTokens() throws -> [Token] {
        var text = ""
        for name in ["weak-economy.txt", "strong-climate.txt", "average-extremism.txt"] {
            text += try String(contentsOf: Fixtures.samples.appendingPathComponent(name), encoding: .utf8)
        }
        text += " State Bank of Pakistan, the IMF and UN; for example, in addition, loose affect then than"
        return Tokenizer.tokens(of: [.text(text, at: SourcePosition(line: 1, column: 1))])
    }

    /// Issue 17, step 4: the compiled lexicon's phrase tables are read where they lie in the mapped file, and
    /// find what the same phrases read out into a table of their own find.
    @Test func thePhraseTablesAreReadInPlaceAndMatchAsBuilt() throws {
        let lexicon = Fixtures.rubric.lexicon
        let tokens = try Self.sampleTokens()
        var tables = [lexicon.namedThings, lexicon.sources, lexicon.cueIndex]
        tables += lexicon.cueNames.map { lexicon.cue($0) }
        var hits = 0
        for placed in tables {
            #expect(placed.placed != nil)
            var built = PhraseTable()
            built.byFirst = placed.entriesByFirst
            built.count = placed.count
            #expect(built.placed == nil && built.byFirst.count > 0)
            for i in tokens.indices {
                let limit = min(tokens.count, i + 12)
                let found = placed.match(tokens, at: i, limit: limit)
                #expect(found == built.match(tokens, at: i, limit: limit), "\(i)")
                if found != nil { hits += 1 }
                var a: [Int] = []
                var b: [Int] = []
                placed.matchesByTag(tokens, at: i, limit: limit) { a += [$0, $1] }
                built.matchesByTag(tokens, at: i, limit: limit) { b += [$0, $1] }
                #expect(a == b, "\(i)")
                let word = tokens[i].text.lowercased()
                #expect(placed.containsWord(word) == built.containsWord(word), "\(word)")
            }
        }
        #expect(hits > 100)
        // A placed table that changes reads its phrases out first, and keeps them.
        var grown = lexicon.namedThings
        grown.add("Quaid e Azam Residency", keepCase: true)
        #expect(grown.placed == nil)
        #expect(grown.entriesByFirst.count == lexicon.namedThings.entriesByFirst.count + 1)
    }

    /// The confusions and capitals are read in place too: their keys in one block, each value read from the
    /// file when a lookup finds its key, and equal to the value read out.
    @Test func theConfusionAndCapitalTablesAreReadInPlace() {
        let lexicon = Fixtures.rubric.lexicon
        let confused = lexicon.confusedKeys
        #expect(confused.count > 10 && lexicon.capitalKeys.count > 100)
        for (key, value) in confused.entries {
            let found = confused[key]
            #expect(found?.map(\.wrong) == value.map(\.wrong) && found?.map(\.right) == value.map(\.right))
        }
        for (key, value) in lexicon.capitalKeys.entries {
            let found = lexicon.capitalKeys[key]
            #expect(found?.map(\.words) == value.map(\.words) && found?.map(\.written) == value.map(\.written))
        }
        #expect(confused[WordKey.of("loose")] != nil || confused[WordKey.of("then")] != nil)
        #expect(lexicon.capitalKeys[WordKey.of("pakistan")] != nil)
        #expect(confused[12_345] == nil && lexicon.properKeys[12_345] == nil)
        // The same tables, written again from the read ones and read back, hold the same.
        let again = LexiconStore.decode(ByteStore(LexiconStore.compiled(lexicon, key: 9)), key: 9)
        #expect(again?.confusedKeys.count == confused.count)
        #expect(again?.capitalKeys.storage.keys == lexicon.capitalKeys.storage.keys)
        #expect(again?.namedThings.entriesByFirst.count == lexicon.namedThings.entriesByFirst.count)
        var changed = lexicon.properKeys
        changed[WordKey.of("zzyzx")] = true
        #expect(changed[WordKey.of("zzyzx")] == true && changed.count == lexicon.properKeys.count + 1)
        lexicon.properKeys.forEachKey { #expect(changed[$0] == true) }
    }
}
