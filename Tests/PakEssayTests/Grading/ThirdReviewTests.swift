import Testing

@testable import PakEssay

/// What the third finding review (SampleEssays/panel.json, `findingReview3`, batches d and e) found false on
/// CSS answers: each with a firing and a non-firing case that pins the place and the message.
@Suite struct ThirdReviewTests {
    static func directive(_ text: String) throws -> [String] {
        try Fixtures.grade(text, rubric: Fixtures.rubric("css-pakistan-affairs")).findings
            .filter { $0.rule == "relevance-directive" }.map(\.message)
    }

    /// An answer to a "critically evaluate" question whose conclusion (and, when asked, a section of
    /// critical evaluation) is given.
    static func answer(conclusion: String, evaluation: String? = nil) -> String {
        let causes = [
            "Political causes", "Economic causes", "Linguistic causes",
        ].enumerated().map { k, title in
            """
            2.\(k + 1) \(title)
            East Pakistan had more people but less power in the centre. Its share of the budget was small and \
            its jute earned the foreign exchange that West Pakistan spent. Bengali was made a national language \
            only in 1956 after the language movement of 1952.
            """
        }.joined(separator: "\n\n")
        let section = evaluation.map { "\n\n3. Critical evaluation\n\($0)" } ?? ""
        return """
            Question 4: Critically evaluate the causes of the separation of East Pakistan in 1971.

            1. Introduction
            The separation of East Pakistan in 1971 was the result of internal failures more than of Indian \
            intervention.

            2. Causes

            \(causes)\(section)

            4. Conclusion
            \(conclusion)
            """
    }

    @Test func aVerdictInASectionOfCriticalEvaluationIsAJudgment() throws {
        let summary = "In short, there were political, economic and linguistic causes of the separation in 1971."
        #expect(
            try Self.directive(Self.answer(conclusion: summary)) == [
                "the question asks you to critically evaluate, but the answer reaches no judgment: its conclusion sums up "
                    + "without weighing"
            ])
        let evaluation = """
            When all these causes are weighed, India's role was decisive only in the last stage. Thus the main \
            cause was internal.
            """
        #expect(try Self.directive(Self.answer(conclusion: summary, evaluation: evaluation)) == [])
    }

    @Test(arguments: [
        "In short, the rulers of the time were mainly responsible for the separation of East Pakistan in 1971.",
        "If power had been transferred in 1971, Pakistan would never have been divided.",
    ])
    func aConclusionThatAssignsTheBlameJudges(_ conclusion: String) throws {
        #expect(try Self.directive(Self.answer(conclusion: conclusion)) == [])
    }

    /// "Political instability" is a term of the civil-military topic: a question on it has a topic, so its
    /// sections are judged against the topic, not against three words.
    @Test func aQuestionOnPoliticalInstabilityHasATopic() {
        let model = Fixtures.rubric.lexicon.topicModel
        let question = "Critically examine the causes of political instability in Pakistan during 1947-1958."
        let profile = model.profile(question: question, taskWords: Fixtures.rubric.lexicon.cue("taskWords"))
        #expect(profile.topics.first == "civil-military")
    }
}
