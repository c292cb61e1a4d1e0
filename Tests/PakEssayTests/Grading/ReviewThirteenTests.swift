import Foundation
import Testing

@testable import PakEssay

/// Findings the thirteenth finding review (batch o) judged false, each pinned where it no longer fires beside
/// the case that still fires.
@Suite struct ReviewThirteenTests {
    static func findings(_ text: String, rule: String, rubric: String? = nil) throws -> [Finding] {
        // `relevance-question-terms` is left out of the shipped rubrics; it is tested with it added back.
        func load(_ id: String) throws -> Rubric {
            rule == "relevance-question-terms"
                ? try Fixtures.rubric(id, adding: rule, to: "relevance") : try Fixtures.rubric(id)
        }
        let graded = try Fixtures.grade(text, rubric: load(rubric ?? "css-current-affairs"))
        return graded.findings.filter { $0.rule == rule }
    }

    // MARK: introduction-thesis (o01, o03, o04, o10)

    /// An answer on the South China Sea whose introduction's second sentence is `second`.
    static func seaDispute(second: String) -> String {
        """
        Q.1 Assess the impact of the South China Sea dispute on peace and stability in the Asia-Pacific region.

        1. INTRODUCTION
        The South China Sea is an important sea of the world. \(second)

        2. CLAIMS
        China claims almost the whole of the sea and has built bases on new islands since 2014.

        3. CONCLUSION
        In conclusion, the dispute threatens peace in the region.
        """
    }

    @Test func aVerdictOnTheQuestionsSubjectIsAPosition() throws {
        let judged = Self.seaDispute(
            second:
                """
                Many countries want to control it, and this has created a dispute which is very dangerous for the \
                region.
                """)
        #expect(try Self.findings(judged, rule: "introduction-thesis").isEmpty)
        let planned = Self.seaDispute(second: "Its history and the claims of the countries are discussed below.")
        #expect(
            Fixtures.placed(try Self.findings(planned, rule: "introduction-thesis"))
                == ["3:1 the introduction takes no clear position on the question"])
    }

    /// An answer on Sindh in the Pakistan Movement that concludes `closing`.
    static func sindh(closing: String) -> String {
        """
        Q.1 Examine the role of Sindh in the Pakistan Movement.

        1. INTRODUCTION
        Sindh is called the gate of Islam. The people of Sindh played a very important role in the Pakistan Movement.

        2. THE ASSEMBLY
        The Sindh Assembly passed a resolution for Pakistan in March 1943.

        3. CONCLUSION
        \(closing)
        """
    }

    @Test func theSizeOfARoleIsNoThesisButAVerdictInAHistoryConclusion() throws {
        // Examiners read "plays a very important role" under "the role of …" as no thesis (panel b06, k02).
        let verdict = Self.sindh(closing: "To conclude, Sindh played a great role in the Pakistan Movement.")
        #expect(
            Fixtures.placed(try Self.findings(verdict, rule: "introduction-thesis"))
                == ["3:1 the introduction takes no clear position on the question"])
        // In the conclusion of a question about the past it is the verdict owed, and no lesson is owed (o06).
        #expect(try Self.findings(verdict, rule: "conclusion-forward-look").isEmpty)
        let told = Self.sindh(closing: "To conclude, the Sindh Assembly met in Karachi in 1943.")
        #expect(
            Fixtures.placed(try Self.findings(told, rule: "conclusion-forward-look"))
                == ["9:1 the conclusion neither gives a verdict on the question nor draws its lesson"])
    }

    // MARK: structure-owed-sections and arguments-count (o03)

    /// An answer on cyber warfare whose last section before the conclusion is headed `title`.
    static func cyber(title: String) -> String {
        """
        Q.1 Discuss the growing threat of cyber warfare to the security of states. What should Pakistan do to \
        protect its cyberspace?

        1. Attacks on Infrastructure:
        The most serious threat is to critical infrastructure. In 2010 the Stuxnet virus damaged about a \
        thousand centrifuges in Iran. In 2015 an attack on Ukraine's power grid cut electricity to more than \
        200,000 people for hours.

        2. Threats to Pakistan:
        Pakistan is also facing cyber threats. In 2020 K-Electric suffered a ransomware attack, and in August \
        2021 the data centre of the Federal Board of Revenue was attacked and its websites went down for days, \
        which showed how weak the defences of state institutions were.

        \(title)
        - Implement the National Cyber Security Policy 2021 fully.
        - Make a separate cyber command.

        Conclusion:
        In short, cyber warfare is a growing threat, and Pakistan must take it seriously.
        """
    }

    @Test func aTitleThatAdvisesInTheQuestionsWordsIsAWayForward() throws {
        let advised = Self.cyber(title: "What Pakistan should do:")
        #expect(try Self.findings(advised, rule: "structure-owed-sections").isEmpty)
        // The way forward the `Title:` heading sets under section 2 leaves section 2 a point of its own.
        #expect(
            Fixtures.placed(try Self.findings(advised, rule: "arguments-count"))
                == [
                    """
                    3:1 only 1 argument is developed at length (2+ sentences, 40+ words); examiners look for 6 or \
                    more
                    """
                ])
        let plain = Self.cyber(title: "The situation today:")
        #expect(
            Fixtures.placed(try Self.findings(plain, rule: "structure-owed-sections"))
                == ["1:1 the question needs recommendations, but the answer has no way-forward section"])
        #expect(
            Fixtures.placed(try Self.findings(plain, rule: "arguments-count"))
                == ["3:1 no arguments are developed at length (2+ sentences, 40+ words); examiners look for 6 or more"])
    }

    // MARK: evidence-missing-in-section (o04)

    /// An answer on Pakistan-China relations whose section on the 1980s and 1990s says `middle`.
    static func china(middle: String) -> String {
        """
        Q 4) Trace the evolution of Pakistan's relations with China from 1950 to the present day.

        Introduction:
        Pakistan and China are neighbours, and their friendship has remained strong since Pakistan recognised \
        the People's Republic in 1950.

        Early Years:
        Pakistan recognised China in 1950, and the boundary agreement was signed in March 1963. The Karakoram \
        Highway was opened in 1978 and linked the two countries across the mountains.

        The 1980s and 1990s:
        \(middle)

        Conclusion:
        In conclusion, the relations have grown stronger with time and both countries must protect them.
        """
    }

    @Test func namedProjectsAndTheAfghanWarAreFacts() throws {
        let named = Self.china(
            middle:
                """
                In the Afghan war both countries were against the Soviet Union. Both countries made the K-8 \
                trainer aircraft. China helped Pakistan in making the Heavy Mechanical Complex and the Chashma \
                nuclear power plant.
                """)
        #expect(try Self.findings(named, rule: "evidence-missing-in-section", rubric: "css-pakistan-affairs").isEmpty)
        let bare = Self.china(
            middle:
                """
                Both countries stayed close in these years. China helped Pakistan in many fields, and the \
                friendship grew deeper among the people of both countries.
                """)
        #expect(
            Fixtures.placed(
                try Self.findings(bare, rule: "evidence-missing-in-section", rubric: "css-pakistan-affairs"))
                == [#"9:1 section "The 1980s and 1990s" makes its claim with no fact, figure or source"#])
    }

    // MARK: language-run-on (o02 line 15)

    /// A sentence of 59 words whose two halves are joined by `join`.
    static func longSentence(join: String) -> String {
        let first = Array(repeating: "prices rise and people suffer and the rupee falls", count: 3)
        let second = Array(repeating: "wages stay and savings shrink and the poor lose", count: 3)
        return "Q.1 Discuss inflation.\n\n" + first.joined(separator: ", and ") + join
            + second.joined(separator: ", while ") + "."
    }

    @Test func aLongSentenceAColonDividesIsControlled() throws {
        #expect(try Self.findings(Self.longSentence(join: ": "), rule: "language-run-on").isEmpty)
        #expect(
            Fixtures.placed(try Self.findings(Self.longSentence(join: ", and "), rule: "language-run-on"))
                == ["3:1 a sentence of 59 words"])
    }

    // MARK: conclusion-restates and relevance-question-terms (o07)

    /// A school essay on television whose conclusion ends `closing`.
    static func television(closing: String) -> String {
        """
        Q.3 Write an essay on the advantages and disadvantages of television.

        Television is one of the most popular inventions of the modern age. Today there is hardly any house in \
        Pakistan where there is no television. Like every other invention, television has both advantages and \
        disadvantages.

        First of all, television is a great source of information. It tells us what is happening in our country \
        and in the whole world. When there was a flood in 2022, we saw on the news how people of Sindh were \
        suffering.

        On the other hand, television wastes our time. Many students sit in front of it for hours and do not pay \
        attention to their studies, so their result becomes poor.

        To conclude, television is neither good nor bad by itself. If we watch useful programmes for a limited \
        time \(closing)
        """
    }

    @Test func aBlessingOrACurseNamesBothSides() throws {
        let weighed = Self.television(closing: "it is a blessing, but if we waste our time on it, it becomes a curse.")
        #expect(try Self.findings(weighed, rule: "conclusion-restates", rubric: "general-essay").isEmpty)
        #expect(try Self.findings(weighed, rule: "relevance-question-terms", rubric: "general-essay").isEmpty)
        let plain = Self.television(closing: "it is useful, but if we waste our time on it, it becomes harmful.")
        #expect(
            Fixtures.placed(try Self.findings(plain, rule: "conclusion-restates", rubric: "general-essay"))
                == [
                    """
                    9:1 the last paragraph does not answer the question in its terms (missing: 'advantages' and \
                    'disadvantages')
                    """
                ])
        #expect(
            Fixtures.placed(try Self.findings(plain, rule: "relevance-question-terms", rubric: "general-essay"))
                == [
                    """
                    9:1 the conclusion names 1 of the question's 3 key terms (missing: 'advantages' and \
                    'disadvantages')
                    """
                ])
    }

    // MARK: language data (o06, o08, o09, o10)

    static let story = #"Q.2 Write a story that ends with the words: "and that was the last time I saw him.""#

    @Test func pakistaniUsageAndARealPluralAreWords() throws {
        let right =
            Self.story + "\n\n"
                + """
                My grandfather sat in the baithak every evening. He read the literatures of Persia and Arabia. Our \
                house was near the main bazar of the city. The foundation runs homes for old people.
                """
        for rule in ["language-spelling", "language-lowercase-start", "language-grammar"] {
            #expect(try Self.findings(right, rule: rule, rubric: "general-essay").isEmpty)
        }
        let wrong =
            Self.story + "\n\n"
                + """
                My grandfather sat in the baithek every evening. He read the literaturez of Persia and Arabia. The \
                school vans comes late every day. Our house was near the main bazar of karachi.
                """
        #expect(
            Fixtures.placed(try Self.findings(wrong, rule: "language-spelling", rubric: "general-essay"))
                == ["3:27 'baithek' is misspelt", "3:62 'literaturez' is misspelt; it may also be 'literatures'"])
        #expect(
            Fixtures.placed(try Self.findings(wrong, rule: "language-grammar", rubric: "general-essay"))
                == [
                    """
                    3:112 'comes' should be 'come': a plural subject takes a verb without -s, whatever noun stands \
                    before it
                    """
                ])
        #expect(
            Fixtures.placed(try Self.findings(wrong, rule: "language-lowercase-start", rubric: "general-essay"))
                == ["3:171 'karachi' is a name and keeps its capitals"])
    }
}
