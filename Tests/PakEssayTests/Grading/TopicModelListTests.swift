import Testing

@testable import PakEssay

/// The topic model's acronyms, bank, full names, postings and related topics read where they lie in the
/// compiled file (issue 17, step 6), against the lists and the plain computations they replace.
struct TopicModelListTests {
    /// The shipped model, written out and read back from one store, so that where its lists lie can be checked.
    static func readBack() -> (model: TopicModel, store: ByteStore, read: TopicModel)? {
        let model = Fixtures.rubric.lexicon.topicModel
        let store = ByteStore(model.compiled(hash: 7))
        guard let read = TopicModel.decode(store, hash: 7) else { return nil }
        return (model, store, read)
    }

    @Test func theListsLieInTheCompiledBytes() throws {
        let (model, store, read) = try #require(Self.readBack())
        #expect(read.acronyms.shorts.lies(in: store))
        #expect(read.acronyms.features.lies(in: store))
        #expect(read.bank.texts.lies(in: store))
        #expect(read.bank.topicIndices.lies(in: store))
        #expect(read.names.words.lies(in: store))
        #expect(read.postingPairs.lies(in: store))
        #expect(read.relatedFlat.lies(in: store))
        #expect(read.properNameSet.list.lies(in: store))
        #expect(read.acronyms.count == model.acronyms.count && read.acronyms.count > 150)
        for (a, b) in zip(model.acronyms, read.acronyms) {
            #expect(a.short == b.short && a.names == b.names && a.feature == b.feature)
        }
        #expect(read.bank.count == model.bank.count && read.bank.count > 150)
        for (k, (a, b)) in zip(model.bank, read.bank).enumerated() {
            #expect(a.id == b.id && a.paper == b.paper && a.year == b.year && a.topics == b.topics && a.text == b.text)
            #expect(read.bank.topicIndices(of: k).map { read.topics[Int($0)].id } == b.topics)
        }
        #expect(read.properNames == model.properNames)
        #expect(read.properNames.contains("Pakistan"))
    }

    /// A bank built from its questions keeps each one's fields, its topics as indices and its missing year.
    @Test func aBankListKeepsItsQuestions() {
        let questions = [
            TopicModel.BankQuestion(id: "a-1", paper: "p", year: 2020, topics: ["y", "x"], text: "Discuss é."),
            TopicModel.BankQuestion(id: "a-2", paper: "q", year: nil, topics: [], text: "Why?"),
            TopicModel.BankQuestion(id: "a-3", paper: "p", year: 1999, topics: ["x"], text: "Explain 😀 here."),
        ]
        let bank = BankList(questions, topicIDs: ["x", "y"])
        #expect(bank.count == 3)
        #expect(bank.map(\.id) == ["a-1", "a-2", "a-3"])
        #expect(bank.map(\.year) == [2020, nil, 1999])
        #expect(bank.map(\.topics) == [["y", "x"], [], ["x"]])
        #expect(bank.map(\.text) == ["Discuss é.", "Why?", "Explain 😀 here."])
        #expect(Array(bank.topicIndices(of: 0)) == [1, 0])
        #expect(bank.topicIndices(of: 1).isEmpty)
    }

    /// Full names by their first word come back from the flat index in the order the map held them.
    @Test func theNameIndexHoldsWhatItsMapHolds() throws {
        var map = WordKeyMap<[(words: [UInt64], acronym: Int)]>(capacity: 4)
        map[11] = [([11, 12, 13], 0), ([11, 14], 2)]
        map[21] = [([21, 22], 1)]
        let index = NameIndex(map)
        #expect(index.contains(11) && index.contains(21) && !index.contains(12))
        let eleven = try #require(index[11])
        #expect(eleven.map { Array($0.words) } == [[11, 12, 13], [11, 14]])
        #expect(eleven.map(\.acronym) == [0, 2])
        #expect(try #require(index[21]).map { Array($0.words) } == [[21, 22]])
        #expect(index[99] == nil)
        let (_, _, read) = try #require(Self.readBack())
        var names = 0
        read.names.table.forEach { key, _ in
            guard let candidates = read.names[key] else { return }
            for (words, acronym) in candidates {
                #expect(words.first == key && words.count >= 2 && acronym < read.acronyms.count)
                names += 1
            }
        }
        #expect(names > 300)
    }

    /// A question's rivals, worked out with the bank's topics as indices, are those the topic ids give.
    @Test func rivalsAreThoseOfTheTopicIds() {
        let model = Fixtures.rubric.lexicon.topicModel
        let tasks = Fixtures.rubric.lexicon.cue("taskWords")
        let questions = [
            "Discuss the causes of extremism in Pakistan and suggest measures to counter it.",
            "Evaluate the role of the SCO in regional connectivity.",
            "Critically examine the impact of climate change on Pakistan's water security.",
            "What are the challenges to Pakistan's economy? Suggest remedies.",
        ]
        var rivals = 0
        for question in questions {
            let p = model.profile(question: question, taskWords: tasks)
            let touched = model.related(
                to: p.topics + model.topicsMatching(model.features(of: question, taskWords: tasks)).touched)
            var plain: (rivals: [Int], drift: [Int], answer: [Int]) = ([], [], [])
            for (k, b) in model.bankProfiles.enumerated() where p.similarity(b) < model.sameQuestion {
                let topics = model.bank[k].topics
                if p.near.isDisjoint(with: topics) { plain.rivals.append(k) }
                if touched.isDisjoint(with: topics) { plain.drift.append(k) }
                if Set(p.topics).isDisjoint(with: topics) { plain.answer.append(k) }
            }
            #expect(p.rivals.filter { $0 < model.bank.count } == plain.rivals, "\(question)")
            #expect(p.driftRivals.filter { $0 < model.bank.count } == plain.drift, "\(question)")
            #expect(p.answerRivals == plain.answer, "\(question)")
            rivals += plain.rivals.count
        }
        #expect(rivals > 100)
    }

    /// A question's cosine with each stored profile, walked side by side in feature order, is the cosine the
    /// table look-ups give, to the last bit.
    @Test func theWalkedCosineIsTheLookedUpOne() {
        let model = Fixtures.rubric.lexicon.topicModel
        let tasks = Fixtures.rubric.lexicon.cue("taskWords")
        var compared = 0
        var nonzero = 0
        for question in [
            "Discuss the causes of extremism in Pakistan and suggest measures to counter it.",
            "Evaluate the role of the SCO in regional connectivity.",
            "Write a note on quokka husbandry.",
        ] {
            let p = model.profile(question: question, taskWords: tasks)
            var bare = Profile()
            for f in model.features(of: question, taskWords: tasks) { bare.add(f, model.weight(f)) }
            for q in [p, bare] {
                let sorted = q.sortedWeights()
                #expect(sorted.keys == sorted.keys.sorted() && sorted.keys.count == q.weights.count)
                // The one pass through the postings (how a question finds its own bank question) gives the
                // same cosines, summed in another order: equal to within rounding.
                let posted = model.similarities(q)
                #expect(posted.count == model.bankProfiles.count + model.topicProfiles.count)
                for (k, b) in (model.bankProfiles + model.topicProfiles).enumerated() {
                    let walked = q.similarity(stored: b, sorted)
                    #expect(walked.bitPattern == q.similarity(b).bitPattern)
                    #expect(q.similarity(stored: b).bitPattern == walked.bitPattern)
                    #expect(abs(posted[k] - walked) < 1e-12, "\(question): profile \(k)")
                    compared += 1
                    if walked > 0 { nonzero += 1 }
                }
            }
        }
        #expect(compared > 1000 && nonzero > 100)
    }
}

/// The walked cosine `theWalkedCosineIsTheLookedUpOne` checks the postings against: kept with the test, since
/// grading reaches every stored profile through the postings and never walks one.
extension Profile {
    /// This profile's features and weights (from its table), sorted by feature, as `sparsified()` keeps them.
    func sortedWeights() -> (keys: [UInt64], weights: [Double]) {
        let pairs = sparsified().sparse
        return (pairs.keyList, pairs.valueList)
    }

    /// The cosine between this profile (a table: a question's) and a stored one (sorted pairs), as
    /// `similarity(_:)` gives it: both lists are walked side by side in the order of their features, so the
    /// same products are added in the same order (the stored profile's). `mine` is `sortedWeights()`, worked
    /// out once for many stored profiles.
    func similarity(stored other: Profile, _ mine: (keys: [UInt64], weights: [Double])? = nil) -> Double {
        guard sparse.isEmpty, !other.sparse.isEmpty else { return similarity(other) }
        guard norm > 0, other.norm > 0 else { return 0 }
        let (keys, values) = mine ?? sortedWeights()
        let pairs = other.sparse
        var dot = 0.0
        var j = 0
        for (i, key) in keys.enumerated() {
            while j < pairs.count && pairs.key(j) < key { j += 1 }
            guard j < pairs.count else { break }
            if pairs.key(j) == key { dot += values[i] * pairs.value(j) }
        }
        return dot / (norm * other.norm)
    }
}
