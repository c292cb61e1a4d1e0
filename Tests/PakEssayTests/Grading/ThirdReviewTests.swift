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

    /// A biography of the Quaid under a question on his role as the first Governor General: the question's
    /// topic is the formative phase, its focus the governorship, and a biography misses it.
    @Test func aBiographyUnderAQuestionOnTheGovernorGeneralMissesTheCrux() throws {
        let text = """
            Q. Discuss the role of Quaid-e-Azam Muhammad Ali Jinnah as the first Governor General of Pakistan.

            Quaid-e-Azam Muhammad Ali Jinnah was born in Karachi on 25 December 1876. He was a great leader of \
            the Muslims of the subcontinent and the founder of Pakistan.

            He studied law at Lincoln's Inn in London and became a famous lawyer in Bombay. He joined the Indian \
            National Congress in 1906 and the Muslim League in 1913, and he was called the ambassador of \
            Hindu-Muslim unity.

            He made the Lucknow Pact in 1916 and gave his Fourteen Points in 1929 in reply to the Nehru Report. \
            He led the Muslim League in the elections of 1945-46 and won all the Muslim seats in the centre.

            He presided over the session of 1940 at Lahore where the Lahore Resolution was passed. After seven \
            years of struggle Pakistan came into being on 14 August 1947.

            In the end, the Quaid was a great leader and we should follow his golden principles of unity, \
            faith and discipline.
            """
        let g = try Fixtures.grade(text, rubric: Fixtures.rubric("css-pakistan-affairs"))
        #expect(g.relevance?.topics.first == "early-years")
        #expect(g.relevance?.focusTerms == ["Governor", "General"])
        #expect(g.findings.filter { $0.rule == "relevance-crux" && $0.criterion == "relevance" }.count == 1)
    }

    /// Batch f's review: a comparison of two years' constitutions is treated when its paragraphs name the
    /// years (numbers are no term keys), and "giving", "succeed" and "with reference to" are not key terms.
    @Test func aComparisonOfTwoYearsIsFoundByItsYears() throws {
        let text = { (second: String) in
            """
            Q. No. 4 Compare the Constitutions of 1956 and 1962. Why did neither of them succeed in giving \
            Pakistan a stable political system?

            1. Introduction
            Both constitutions failed, and this answer argues that they failed for one reason.

            2. The 1956 Constitution
            The 1956 constitution was parliamentary and federal, with parity between the two wings.

            3. The \(second) Constitution
            The \(second) constitution was presidential, and Ayub Khan held the real power under it.

            4. Comparison
            The 1956 constitution made the prime minister the head of government, while the 1962 one made the \
            president the centre of power. The 1962 constitution also ended direct elections.

            5. Conclusion
            In conclusion, neither constitution rested on a national consensus.
            """
        }
        #expect(try Self.directive(text("1962")) == [])
        let css = try Fixtures.rubric("css-pakistan-affairs")
        let terms = try Fixtures.grade(text("1962"), rubric: css).findings
            .filter { $0.rule == "introduction-question-terms" }.map(\.message)
        #expect(terms.allSatisfy { !$0.contains("'giving'") && !$0.contains("'succeed'") }, "\(terms)")
    }
}
