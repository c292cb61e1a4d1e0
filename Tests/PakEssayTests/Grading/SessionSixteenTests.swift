import Foundation
import Testing

@testable import PakEssay

/// The sixteenth session's marking changes (the file is numbered after finding review 16): an answer whose body
/// never takes up its question's crux, which stands only in its frame, is capped as one off the question.
@Suite struct SessionSixteenTests {
    static func score(_ graded: GradedAnswer, _ id: String) -> Double {
        graded.criteria.first { $0.id == id }?.score ?? -1
    }

    /// The Cripps question answered on the Quit India Movement (the name only in the first and last lines), and
    /// the students' question answered by headings bent to it: the body answers another question, so relevance
    /// earns nothing and every criterion, language and presentation too, keeps at most a quarter of its marks.
    @Test func aBodyThatNeverTakesUpTheCruxIsCappedAsOffTheQuestion() throws {
        for text in [SessionFifteenTests.quitIndia(), SessionFifteenTests.students(inBody: false)] {
            let graded = try Fixtures.grade(text, rubric: Fixtures.rubric("css-pakistan-affairs"))
            #expect(graded.findings.contains { $0.rule == "relevance-crux" })
            #expect(Self.score(graded, "relevance") == 0)
            for c in graded.criteria { #expect(c.score <= c.max * 0.25, "\(c.id)") }
            #expect(graded.marks <= 5)
        }
    }

    /// A prepared answer that some of the body bends to the crux (a tenth of it names 'security') has missed it
    /// but not left it: relevance keeps its share and language and presentation are not capped.
    @Test func aCruxTheBodyTouchesIsCappedAsAMissedCrux() throws {
        let graded = try Fixtures.grade(Example.cruxMissed, rubric: Fixtures.rubric("css-current-affairs"))
        let found = graded.findings.filter { $0.rule == "relevance-crux" }
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { !$0.message.contains("stands only in") })
        #expect(Self.score(graded, "relevance") > 0)
        let language = try #require(graded.criteria.first { $0.id == "language" })
        #expect(language.score > language.max * 0.25)
    }

    /// The cap is a parameter a tutor can set: at 1 the frame-only answer keeps its criteria's marks but for
    /// relevance.
    @Test func theFramedCapIsARubricParameter() throws {
        var rubric = try Fixtures.rubric("css-pakistan-affairs")
        for i in rubric.criteria.indices {
            for k in rubric.criteria[i].rules.indices where rubric.criteria[i].rules[k].id == "relevance-crux" {
                rubric.criteria[i].rules[k].parameters = RuleParameters(
                    values: .object([("maxShare", .number(0.35)), ("cap", .number(0.35)), ("framedCap", .number(1))]),
                    path: "params", file: "t")
            }
        }
        let capped = try Fixtures.grade(
            SessionFifteenTests.quitIndia(), rubric: Fixtures.rubric("css-pakistan-affairs"))
        let open = try Fixtures.grade(SessionFifteenTests.quitIndia(), rubric: rubric)
        #expect(Self.score(open, "relevance") == 0)
        #expect(Self.score(open, "language") > Self.score(capped, "language"))
    }

    /// A body that tells the governments of 1988-1999 and their dismissals, in the words of democracy, never
    /// "parliamentary".
    static let dismissals = """
        Benazir Bhutto became Prime Minister in December 1988 after the elections that followed the death of General \
        Zia. In August 1990 President Ghulam Ishaq Khan dismissed her government under Article 58(2)(b) on charges of \
        corruption and inefficiency. Nawaz Sharif then won the elections of 1990, but his government was also \
        dismissed in April 1993, and the Supreme Court restored it only for both men to resign in July.
        """

    /// "Parliamentary democracy" names the topic (its title: "Parliamentary democracy and civil-military
    /// relations"), so "parliamentary" is no crux the body must repeat (batch r's r02 was capped as missing it, 6
    /// against the examiners' 10.25). A term of a second topic the question names stays the crux ("the emerging
    /// multipolar world order" of a question on Pakistan-US relations).
    @Test func aTopicsTitleWordIsNoCrux() throws {
        let one = try AspectTopicTests.analysis(
            question: "Q.4 Analyse the causes of the failure of parliamentary democracy in Pakistan during 1988-1999.",
            body: Self.dismissals)
        #expect(one.topics == ["civil-military"])
        #expect(!one.focusTerms.contains("parliamentary"))
        let two = try AspectTopicTests.analysis(
            question: "Q.7 Evaluate the prospects of Pakistan-United States relations in the emerging "
                + "multipolar world order.",
            body: Self.dismissals)
        #expect(two.focusTerms.contains("multipolar"))
    }

    /// A question a `#` line marks as a heading is a heading however it opens (batch r's r06 lost its section 6,
    /// "## 6. Strategic Shift or Tactical Convergence?", to the section before, and was told its numbering skipped
    /// 6); a numbered question in other case that opens with no question word stays a paragraph.
    @Test func aMarkdownQuestionIsAHeading() throws {
        let text = """
            Q.4 Critically examine Pakistan's relations with Russia since 2014.

            ## 5. Limits and Weaknesses
            Trade is small and India matters more to Moscow.

            ## 6. Strategic Shift or Tactical Convergence?
            The balance of evidence points to tactical convergence.

            7. Strategic shift or tactical convergence?
            It is too early to say.
            """
        let sections = try Fixtures.parse(text).answers[0].sections
        #expect(sections.map(\.title) == ["Limits and Weaknesses", "Strategic Shift or Tactical Convergence"])
        #expect(sections[1].paragraphs.count == 2)
    }

    /// A name styled with a lowercase first letter is written as its owner writes it ("iCube-Qamar", batch r's
    /// r04, was to be "ICube-Qamar"), while a name in lowercase is still told; a grandmother's "nani" is allowed.
    @Test func aStyledNameAndAFamilyWordAreNotFaults() throws {
        let text = """
            Q. Write a story about a visit.

            Last summer I went to my nani's house in Multan. She showed me the news that pakistan had sent \
            the iCube-Qamar satellite to the Moon with China in 2024, and we watched it on my uncle's iPhone.
            """
        let found = try Fixtures.grade(text, rubric: Fixtures.rubric("general-essay")).findings.filter {
            $0.rule.hasPrefix("language-")
        }
        #expect(found.map(\.message) == ["'pakistan' is a name and keeps its capitals"])
    }

    /// A month before a year is part of the date, and the answer's own where the question gives only the year's
    /// other month: under "the war of June 2025", "since April 2025" is support (batch r's r01, whose section
    /// 3.3 was said to hold none) and "in June 2025" is the question's.
    @Test func aMonthMakesTheQuestionsYearTheAnswersDate() throws {
        let text = """
            Q.3 Discuss the causes of the Israel-Iran war of June 2025.

            1. FAILURE OF DIPLOMACY
            Talks mediated by Oman had been held since April 2025. Israel struck in June 2025, in the year 2025.
            """
        let dates = try Fixtures.grade(text).evidence.filter { $0.kind == .date }.map(\.text)
        #expect(dates == ["April 2025"])
    }

    /// A comparison's introduction takes its position by setting the two items side by side (batch r's r07 was
    /// told it took none); one that names only one of them, or both with no comparison, still takes none.
    @Test func settingTheItemsSideBySideIsAComparisonsPosition() throws {
        func thesis(_ intro: String) throws -> [Finding] {
            try Fixtures.findings(
                """
                Q.7 Compare the approaches of the United States and China towards Africa in the twenty-first century.

                \(intro)

                China has lent more than 170 billion dollars to African states since 2000, built railways in Kenya \
                and Ethiopia and ports in Djibouti, and it is now the largest trading partner of the continent.

                The United States gives aid through PEPFAR and keeps a base in Djibouti. It trains African armies \
                through AFRICOM and speaks of democracy and good governance.
                """, rule: "introduction-thesis")
        }
        let sideBySide = """
            Africa has 54 states and great mineral wealth. China mostly uses trade, loans and infrastructure while \
            the United States uses security, aid and democracy promotion.
            """
        #expect(try thesis(sideBySide).isEmpty)
        let oneSide = """
            Africa has 54 states and great mineral wealth. China mostly uses trade, loans and infrastructure in \
            Africa, while many African leaders welcome its money.
            """
        #expect(try thesis(oneSide).map(\.message) == ["the first paragraph takes no clear position on the question"])
    }

    /// The frame does not decide the cap: a general Pakistan Movement answer under the question on Sindh's role is
    /// capped as one off the question whether its first and last lines name Sindh or not (review-code16: the
    /// twin without the name had kept 6 marks to the framed one's 2.5).
    @Test func theUnframedTwinOfAFramedAnswerIsCappedAlike() throws {
        let framed = RelevanceCrux.framedSindh
        let unframed = framed.replacingOccurrences(of: "The people of Sindh", with: "The Muslims of India")
            .replacingOccurrences(of: "Sindh played a great role", with: "the Muslims played a great role")
            .replacingOccurrences(of: "its assembly spoke first", with: "the League spoke first")
        #expect(!unframed.dropFirst(60).contains("Sindh"))
        let rubric = try Fixtures.rubric("css-pakistan-affairs")
        let a = try Fixtures.grade(framed, rubric: rubric)
        let b = try Fixtures.grade(unframed, rubric: rubric)
        #expect(Self.score(a, "relevance") == 0)
        #expect(Self.score(b, "relevance") == 0)
        #expect(b.marks <= a.marks + 0.5)
    }

    /// "Those who agree with the statement have a point" weighs the other side (batch r's r04 was told it
    /// weighed none); an essay that only argues its own side is still told.
    @Test func grantingTheOtherSideAPointWeighsIt() throws {
        func counter(_ middle: String) throws -> [Finding] {
            try Fixtures.findings(
                """
                Q. "Money spent on space would be better spent on Earth." Do you agree?

                I do not agree. Space research pays for itself many times over, and this essay argues so.

                Satellites warn us of cyclones such as Biparjoy in 2023, and they map the floods of 2022 so that \
                help reaches the right villages. Weather forecasts that farmers use every day come from space.

                \(middle)

                In conclusion, the choice is a false one: a small budget for space serves the people on Earth.
                """, rule: "arguments-counter-view", rubric: "general-essay")
        }
        let granted = """
            Of course, those who agree with the statement have a point. Billionaires' joyrides into space do little \
            for the poor. But that is an argument for spending wisely, not for stopping.
            """
        #expect(try counter(granted).isEmpty)
        let oneSided = """
            Space research also drives invention. Water filters and light materials first made for space missions \
            are now used in homes and hospitals across the world.
            """
        #expect(try counter(oneSided).count == 1)
    }
}
