import Foundation
import Testing

@testable import PakEssay

/// Findings the fourteenth finding review (batch p) judged false, each pinned where it no longer fires beside
/// the case that still fires.
@Suite struct ReviewFourteenTests {
    // MARK: arguments-count (p08, p09)

    /// A letter to a friend on games whose opening and request paragraphs are `opening` and `request`.
    static func letter(opening: String, request: String) -> String {
        """
        Q.3 Write a letter to your friend advising him to take part in games and sports.

        My dear Hamza,

        \(opening)

        My dear friend, games and sports are very important for a student. A healthy body has a healthy mind. \
        If we only study all day and night our body becomes weak and we become lazy. When we play cricket or \
        hockey we feel fresh. After playing for one hour in the evening you will study with more energy.

        Games also teach us many good habits. They teach us discipline, team spirit and how to obey the rules. \
        In a game we learn to accept defeat with a smile and not to be proud when we win. These qualities \
        help us later in our practical life also, as they helped our great players.

        \(request)

        I hope you will act upon my advice. Please convey my salam to your parents. Write to me soon.

        Yours sincerely,
        Ahmed
        """
    }

    @Test func aLettersOpeningAndRequestArePartsOfIt() throws {
        let developed = Self.letter(
            opening:
                """
                I hope you are fine and enjoying good health. I am also fine here by the grace of Allah. I \
                received your letter yesterday and was very happy to read it. But I was sad to know that you \
                spend all your time in books and do not take part in any games.
                """,
            request:
                """
                I know that you want to get high marks in the exams and this is a good thing. But study alone \
                can make you dull. I advise you to join the cricket team of your school or at least go for a \
                walk in the evening. Do not waste your time in mobile games, because they harm the eyes.
                """)
        // The request paragraph is a part; the greeting that opens is none (p08: 2 -> 3 of 4).
        #expect(
            Fixtures.placed(try Fixtures.findings(developed, rule: "arguments-count", rubric: "general-essay"))
                == ["3:1 only 3 parts are developed at length (3+ sentences, 50+ words); examiners look for 4 or more"])
        let brief = Self.letter(
            opening: "I hope you are fine. I received your letter yesterday.",
            request: "So join the cricket team of your school.")
        #expect(
            Fixtures.placed(try Fixtures.findings(brief, rule: "arguments-count", rubric: "general-essay"))
                == [
                    """
                    3:1 only 2 parts are developed at length (3+ sentences, 50+ words); examiners look for 4 or more
                    """
                ])
    }

    /// A description of a match in two paragraphs whose first is `opening`.
    static func match(opening: String) -> String {
        """
        Q.4 Describe a cricket match you have watched.

        \(opening)

        Then Karachi was batting. Karachi also batted very well and the match was very exciting. In the last \
        over Karachi needed twelve runs. Shaheen Afridi bowled very fast and he took two wickets and Lahore \
        won the match. Everybody was very happy and the people were dancing and shouting. We ate chips and \
        drank cold drinks. Then we came back home. It was a very good day.
        """
    }

    @Test func aLongOpeningOfADescriptionTellsStagesBeyondItsFirst() throws {
        let long = Self.match(
            opening:
                """
                Cricket is a very good game. Last year I went to see a cricket match in Gaddafi Stadium Lahore \
                with my father. The match was between Lahore Qalandars and Karachi Kings. We went there by car \
                and there was a big rush on the road. There were a lot of people in the stadium. People were \
                shouting and they had flags. There were many lights and there was music. We sat on our seats and \
                then the match started. Lahore was batting first. Fakhar Zaman was batting very well and he hit \
                many fours and many sixes. Then he got out and people were sad. Then other players came and they \
                also hit fours and sixes. Lahore made 190 runs in their twenty overs.
                """)
        #expect(
            Fixtures.placed(try Fixtures.findings(long, rule: "arguments-count", rubric: "general-essay"))
                == [
                    """
                    3:1 only 3 parts are developed at length (3+ sentences, 50+ words); examiners look for 6 or more
                    """
                ])
        let short = Self.match(opening: "Cricket is a very good game. Last year I went to see a match in Lahore.")
        #expect(
            Fixtures.placed(try Fixtures.findings(short, rule: "arguments-count", rubric: "general-essay"))
                == [
                    """
                    3:1 only 1 part is developed at length (3+ sentences, 50+ words); examiners look for 6 or more
                    """
                ])
    }

    // MARK: conclusion-missing (p09)

    @Test func aStoryThatEndsOnAClosingLineHasAnEnding() throws {
        let line =
            Self.match(opening: "Cricket is a very good game. Last year I went to see a match in Lahore.")
            + " I will never forget this match."
        #expect(
            Fixtures.placed(try Fixtures.findings(line, rule: "conclusion-missing", rubric: "general-essay"))
                == [
                    """
                    5:1 the ending is a closing line in the last paragraph, not a paragraph of its own
                    """
                ])
        let stops = Self.match(opening: "Cricket is a very good game. Last year I went to see a match in Lahore.")
        #expect(
            Fixtures.placed(try Fixtures.findings(stops, rule: "conclusion-missing", rubric: "general-essay"))
                == ["5:1 the answer has no conclusion: it stops after its last point"])
    }

    // MARK: language-confused-words (p03, p08)

    @Test func anAcronymsPossessiveIsNoPronoun() throws {
        let acronym = """
            Q.1 Critically examine the role of the WHO during the pandemic.

            The WHO warned the world early. According to the WHO's own estimate, the pandemic killed about \
            fifteen million people in 2020 and 2021.
            """
        #expect(try Fixtures.findings(acronym, rule: "language-confused-words").isEmpty)
        let pronoun = """
            Q.1 Critically examine the role of the WHO during the pandemic.

            The WHO warned the world early. The farmers who's land was flooded got no help in 2022.
            """
        #expect(
            Fixtures.placed(try Fixtures.findings(pronoun, rule: "language-confused-words")) == [
                "3:45 'who's' should be 'whose': 'who's' is 'who is'; the possessive is 'whose'"
            ])
    }

    @Test func theVerbAdviseAfterItsSubjectAndBeforeItsObjectIsRight() throws {
        let verb = """
            Q.3 Write a letter to your friend advising him to take part in games and sports.

            My dear Hamza, study alone can make you dull. I advise you to join the cricket team of your school.
            """
        #expect(try Fixtures.findings(verb, rule: "language-confused-words", rubric: "general-essay").isEmpty)
        let noun = """
            Q.3 Write a letter to your friend advising him to take part in games and sports.

            My dear Hamza, study alone can make you dull. You need technical advise on your batting.
            """
        #expect(
            Fixtures.placed(try Fixtures.findings(noun, rule: "language-confused-words", rubric: "general-essay")) == [
                "3:66 'advise' should be 'advice': 'advice' is the noun; 'advise' is the verb"
            ])
    }

    // MARK: relevance-directive (p03, p04) and introduction-preview (p01)

    /// An answer on NAB whose conclusion is `closing`.
    static func accountability(closing: String) -> String {
        """
        Q.5 Discuss the causes of corruption in Pakistan and evaluate the role of NAB.

        Introduction:
        Corruption is a serious problem of Pakistan. This answer discusses its causes and the role of NAB.

        Economic Causes:
        Low salaries and high inflation push officials towards bribes. In 2023 inflation passed 29 per cent.

        Role of NAB:
        NAB was made under the NAB Ordinance of 1999. It recovered billions of rupees but was used against \
        opponents.

        Conclusion:
        \(closing)
        """
    }

    @Test func aConclusionThatSaysWhatTheBodyHasBecomeJudges() throws {
        let judged = Self.accountability(
            closing: "In conclusion, NAB was made to stop corruption but it has become a political tool.")
        #expect(
            try Fixtures.findings(judged, rule: "relevance-directive", rubric: "css-pakistan-affairs").filter {
                $0.message.contains("no judgment")
            }.isEmpty)
        let summed = Self.accountability(
            closing: "In conclusion, there are economic causes of corruption, and NAB deals with corruption.")
        #expect(
            Fixtures.placed(
                try Fixtures.findings(summed, rule: "relevance-directive", rubric: "css-pakistan-affairs").filter {
                    $0.message.contains("no judgment")
                }) == [
                    """
                    1:1 the question asks you to evaluate, but the answer reaches no judgment: its conclusion sums \
                    up without weighing
                    """
                ])
    }

    /// An answer on Russia and China whose introduction ends `last`.
    static func partnership(last: String) -> String {
        """
        Q.4 Analyse the factors behind the deepening strategic partnership between Russia and China.

        Relations between Russia and China have not always been friendly. In 1969 they fought a border clash. \
        \(last)

        The first factor is the common rivalry with the United States. America began a trade war with China in \
        2018, and Russia feels threatened by the expansion of NATO. Therefore both feel contained.

        Secondly, western sanctions after 2014 pushed Russia towards China. Trade reached 240 billion dollars in \
        2023. The sanctions have made Russia more dependent on China.

        In conclusion, rivalry with America and sanctions have brought the two together.
        """
    }

    @Test func anIntroductionThatSaysItsFactorsAreAnalysedBelowPreviews() throws {
        let previewed = Self.partnership(
            last: """
                It is the result of rivalry with the United States, western sanctions, energy needs and military \
                cooperation. Each of these is analysed below.
                """)
        #expect(try Fixtures.findings(previewed, rule: "introduction-preview").isEmpty)
        let bare = Self.partnership(last: "It is the result of several things.")
        #expect(
            Fixtures.placed(try Fixtures.findings(bare, rule: "introduction-preview")) == [
                "3:1 the introduction does not preview the parts that follow"
            ])
    }

    // MARK: structure-owed-sections (p01) and evidence-variety (p04)

    /// An answer on Russia and China, with headings, asked as `question`.
    static func headed(question: String) -> String {
        """
        Q.4 \(question)

        1. INTRODUCTION
        The partnership has grown since 2014 because of sanctions and rivalry.

        2. SANCTIONS
        Western sanctions after 2014 pushed Russia towards China. Trade reached 240 billion dollars in 2023.

        3. CONCLUSION
        In conclusion, sanctions drove the partnership.
        """
    }

    @Test func aQuestionOnTheFactorsBehindADevelopmentOwesNoWayForward() throws {
        let factors = Self.headed(
            question: "Analyse the factors behind the deepening strategic partnership between Russia and China.")
        #expect(try Fixtures.findings(factors, rule: "structure-owed-sections").isEmpty)
        let plain = Self.headed(question: "Analyse the deepening strategic partnership between Russia and China.")
        #expect(
            Fixtures.placed(try Fixtures.findings(plain, rule: "structure-owed-sections"))
                == ["1:1 the question needs recommendations, but the answer has no way-forward section"])
    }

    /// An answer on corruption whose political section names `leak`.
    static func leaks(_ leak: String) -> String {
        """
        Q.5 Discuss the causes of corruption in Pakistan.

        Introduction:
        Corruption is a serious problem of Pakistan, says Transparency International.

        Political Causes:
        Politicians spend crores in elections. Many politicians were named in \(leak) in 2016, and 40 per cent \
        of cases were closed.

        Conclusion:
        In conclusion, corruption has political causes.
        """
    }

    @Test func thePanamaPapersAreANamedEvent() throws {
        let named = Self.leaks("the Panama Papers")
        #expect(try Fixtures.findings(named, rule: "evidence-variety", rubric: "css-pakistan-affairs").isEmpty)
        let vague = Self.leaks("the papers")
        #expect(
            Fixtures.placed(try Fixtures.findings(vague, rule: "evidence-variety", rubric: "css-pakistan-affairs"))
                == ["3:1 evidence of only 3 kinds: no attributed quotations or named events and agreements"])
    }
}
