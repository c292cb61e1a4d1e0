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
}
