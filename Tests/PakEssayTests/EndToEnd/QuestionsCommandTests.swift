import Foundation
import Testing

@testable import PakEssay

/// `pakessay questions`: the question bank as a feature, against the built binary.
@Suite(.serialized) struct QuestionsCommandTests {
    @Test func listsTheQuestionsOfATopic() throws {
        let r = try runBinary(["questions", "--topic", "sco"])
        #expect(r.code == 0)
        let bank = Fixtures.rubric.lexicon.topicModel.bank.filter { $0.topics.contains("sco") }
        #expect(r.out.hasSuffix("\(bank.count) questions\n"))
        for q in bank { #expect(r.out.contains(q.text)) }
    }

    @Test func yearsAreRealPapersOnly() throws {
        let r = try runBinary(["questions", "--year", "2024", "--format", "json"])
        #expect(r.code == 0)
        guard case .array(let list) = try JSONReader.parse(r.out) else {
            Issue.record("not a JSON array")
            return
        }
        #expect(list.count == Fixtures.rubric.lexicon.topicModel.bank.filter { $0.year == 2024 }.count)
        for q in list { #expect(q["year"] == .int(2024)) }
    }

    @Test func anUnknownTopicSuggestsTheNearestAndListsThem() throws {
        let r = try runBinary(["questions", "--topic", "scoo"])
        #expect(r.code == 64)
        #expect(r.err.hasPrefix("pakessay: error: unknown topic 'scoo'\nDid you mean 'sco'?\nTopics: pak-us,"))
    }
}
