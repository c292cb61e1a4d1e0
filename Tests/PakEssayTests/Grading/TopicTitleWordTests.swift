import Testing

@testable import PakEssay

/// A question's topic is not chosen by one word of a topic's title that stands there only with a partner the
/// question lacks: "money" of "money laundering" does not make a question on pocket money a FATF question.
@Suite struct TopicTitleWordTests {
    static var model: TopicModel { Fixtures.rubric.lexicon.topicModel }
    static var tasks: PhraseTable { Fixtures.rubric.lexicon.cue("taskWords") }

    static func topics(_ question: String) -> [String] {
        model.profile(question: question, taskWords: tasks).topics
    }

    @Test(
        arguments: [
            // A title word bound to a partner the question lacks chooses nothing.
            ("Should children be given pocket money? Give reasons for your opinion.", nil, "fatf"),
            ("Discuss the causes of inflation in Pakistan and suggest measures to control it.", "economy", "nuclear"),
            (
                "Write a letter to your local newspaper in which you state your opinion on the effects computers have "
                    + "on people.", nil, "russia-ukraine"
            ),
            (
                "To what extent has Pakistan's nuclear programme guaranteed its national security? Evaluate.",
                "nuclear",
                "food-security"
            ),
            ("Examine the causes and consequences of terrorism in Pakistan.", "terrorism", "fatf"),
            // A title word with its partner, alone in an item, or the topic's own name still chooses it.
            ("Discuss the role of FATF in Pakistan's fight against money laundering.", "fatf", "terrorism"),
            (
                "Discuss the causes of the water crisis in Pakistan and suggest measures to overcome it.", "water",
                "fatf"
            ),
            (
                "Discuss the Pakistan's historic role in Economic Cooperation Organization and under the framework of "
                    + "regional integration; what are the future prospects of ECO for Pakistan?", "central-asia",
                "saarc"
            ),
        ] as [(String, String?, String)])
    func aTitleWordChoosesOnlyWhereItStands(question: String, first: String?, never: String) {
        let chosen = Self.topics(question)
        if let first {
            #expect(chosen.first == first, "\(question): \(chosen)")
        } else {
            #expect(chosen.isEmpty, "\(question): \(chosen)")
        }
        #expect(!chosen.contains(never), "\(question): \(chosen)")
    }

    @Test func aTitleSplitsIntoItems() {
        #expect(
            TopicModel.titleParts("The Russia-Ukraine war and its global effects (energy, food, NATO)")
                == ["The Russia-Ukraine war", "its global effects", "energy", "food", "NATO"])
        #expect(TopicModel.titleParts("Agriculture and food security") == ["Agriculture", "food security"])
        #expect(TopicModel.titleParts("The Kashmir dispute") == ["The Kashmir dispute"])
    }

    /// A title's pieces, as the kept items and the aspects' head (`RelevanceJudge`) both read them: each piece
    /// as written and its items, split at "and".
    @Test func aTitleSplitsIntoPiecesAndTheirItems() {
        let cpec = TopicModel.titlePieces("China-Pakistan Economic Corridor and the Belt and Road Initiative")
        #expect(cpec.map(\.text) == ["China-Pakistan Economic Corridor and the Belt and Road Initiative"])
        #expect(cpec.map(\.items) == [["China-Pakistan Economic Corridor", "the Belt", "Road Initiative"]])
        let rivalry = TopicModel.titlePieces("US-China rivalry, the Indo-Pacific; the world order (Asia: and)")
        #expect(rivalry.map(\.text) == ["US-China rivalry", " the Indo-Pacific", " the world order ", "Asia", " and"])
        let items: [[String]] = [["US-China rivalry"], ["the Indo-Pacific"], ["the world order"], ["Asia"], []]
        #expect(rivalry.map(\.items) == items)
        #expect(TopicModel.titlePieces("").isEmpty)
    }

    /// The head of a title kept with the model is its first piece, and the head's first item only where "and"
    /// splits the head, each as the features of its text in order; read back from the compiled form alike.
    @Test(
        arguments: [
            (
                "cpec", "China-Pakistan Economic Corridor and the Belt and Road Initiative",
                "China-Pakistan Economic Corridor"
            ),
            ("great-powers", "US-China rivalry", nil),
            ("pak-gulf", "Pakistan and Saudi Arabia", "Pakistan"),
            ("economy", "Pakistan's economy", nil),
        ] as [(String, String, String?)])
    func theKeptTitleHeadIsTheTitlesFirstPiece(id: String, head: String, firstItem: String?) throws {
        let model = Self.model
        let k = try #require(model.topics.firstIndex { $0.id == id })
        #expect(model.titleHeads.count == model.topics.count)
        #expect(model.titleHeads[k].whole == model.dataFeatures(of: head))
        #expect(model.titleHeads[k].firstItem == firstItem.map(model.dataFeatures(of:)) ?? [])
        let read = try #require(TopicModel.decode(model.compiled(hash: 3), hash: 3))
        #expect(read.titleHeads[k].whole == model.titleHeads[k].whole)
        #expect(read.titleHeads[k].firstItem == model.titleHeads[k].firstItem)
    }

    /// The title items kept with the model are those of the title, the topic's id first (its hyphens read as
    /// spaces), each as its features; an item with none (a span of years) is left out.
    @Test(
        arguments: [
            ("fatf", ["fatf", "FATF", "money laundering", "terror financing"]),
            ("cpec", ["cpec", "China-Pakistan Economic Corridor", "the Belt", "Road Initiative"]),
            (
                "russia-ukraine",
                ["russia ukraine", "The Russia-Ukraine war", "its global effects", "energy", "food", "NATO"]
            ),
            ("early-years", ["early years", "The formative phase of Pakistan"]),
            ("kashmir", ["kashmir", "The Kashmir dispute"]),
        ] as [(String, [String])])
    func theKeptTitleItemsAreThoseOfTheTitle(id: String, items: [String]) throws {
        let model = Self.model
        #expect(model.titleItemRuns.count == model.topics.count)
        let k = try #require(model.topics.firstIndex { $0.id == id })
        #expect(model.keptTitleItems(k) == items.map(model.dataFeatures(of:)))
        #expect(!items.map(model.dataFeatures(of:)).contains([]))
    }

    /// The bank's questions carry the topics their writers gave them: the first topic chosen from a question's
    /// words is one of those for at least 93% of them (186 of 197 when this was written; 183 before title
    /// words had to stand for their topic).
    @Test func theBanksOwnTopicsAreChosen() {
        let bank = Self.model.bank
        var hits = 0
        var misses: [String] = []
        for q in bank {
            let chosen = Self.topics(q.text)
            if let first = chosen.first, q.topics.contains(first) {
                hits += 1
            } else {
                misses.append("\(q.id): \(chosen)")
            }
        }
        #expect(bank.count >= 150)
        #expect(Double(hits) >= 0.93 * Double(bank.count), "\(hits) of \(bank.count); missed \(misses)")
    }
}

extension TopicModel {
    /// Topic `k`'s kept title items, each as its features, read back from its run (a count, then that many
    /// features, and so on).
    func keptTitleItems(_ k: Int) -> [[UInt64]] {
        var items: [[UInt64]] = []
        let run = titleItemRuns[k]
        var i = 0
        while i < run.count {
            let n = Int(run[i])
            items.append(Array(run[(i + 1)..<(i + 1 + n)]))
            i += 1 + n
        }
        return items
    }
}
