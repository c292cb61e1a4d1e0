import Testing

@testable import PakEssay

/// The twelfth session's marking changes (the file is numbered after finding review 13), from batch o: a prompt
/// that leaves its subject to the writer ("My Favourite Personality") is answered by an essay on the subject its
/// opening names; a question's time
/// phrases ("to the present day") are no topic terms; a named crux ("the role of Sindh") that only the opening
/// and the close name is missed.
@Suite struct SessionThirteenTests {
    /// A "favourite personality" essay on Edhi whose body paragraphs never repeat the prompt's words;
    /// `body` replaces its three middle paragraphs.
    static func favourite(body: [String]? = nil) -> String {
        let middle =
            body ?? [
                """
                Abdul Sattar Edhi was born in 1928 in Bantva. His mother gave him two paisa every day, one for \
                himself and one for a poor child, and this taught him to share.
                """,
                """
                Edhi opened a small dispensary in Karachi in 1951. He bought an old van and drove it himself as an \
                ambulance, and slowly people began to give him donations.
                """,
                """
                The Edhi Foundation now runs homes, orphanages and the largest ambulance service in the country. \
                Edhi lived simply and never took money from the government.
                """,
            ]
        return """
            Q.4 Write an essay on "My Favourite Personality".

            Every person has someone to follow. My favourite personality is Abdul Sattar Edhi, a true servant of \
            humanity who spent his life for the poor.

            \(middle.joined(separator: "\n\n"))

            In the end, Edhi is my favourite personality because he served humanity and the poor all his life.
            """
    }

    static func findings(_ text: String, rule: String) throws -> [Finding] {
        try Fixtures.grade(text, rubric: Fixtures.rubric("general-essay")).findings.filter { $0.rule == rule }
    }

    @Test func anEssayOnTheChosenSubjectIsOnTheQuestion() throws {
        #expect(try Self.findings(Self.favourite(), rule: "relevance-off-topic").isEmpty)
        let context = try Fixtures.context(Self.favourite(), rubric: Fixtures.rubric("general-essay"))
        // The names the opening gives and the close repeats: not the prompt's words, nor "life" or "poor".
        #expect(context.chosenSubject == ["edhi"])
        // Without a close apart, the opening's names stand alone.
        let close = "In the end, Edhi is my favourite personality because he served humanity and the poor all his life."
        let noClose = Self.favourite().replacingOccurrences(of: "\n\n" + close, with: "")
        #expect(try Fixtures.context(noClose, rubric: Fixtures.rubric("general-essay")).chosenSubject.count == 3)
        #expect(try Self.findings(noClose, rule: "relevance-off-topic").isEmpty)
    }

    /// Three body paragraphs about cricket, for an answer whose frame is on something else.
    static let cricket = [
        "Cricket is played in every street of Lahore, and boys play it after school until the evening.",
        "Pakistan won the World Cup in 1992 under Imran Khan, and the whole country celebrated the win.",
        "Test matches last five days, while a Twenty20 game ends in three hours under the lights.",
    ]

    @Test func aBodyOnSomethingElseIsStillOffTheQuestion() throws {
        let cricket = Self.cricket
        // One finding, charged on every criterion its cap reaches.
        let found = try Self.findings(Self.favourite(body: cricket), rule: "relevance-off-topic")
        #expect(Set(found.map(\.message)).count == 1)
        #expect(found.contains { $0.criterion == "relevance" })
        #expect(found.first?.range.start.line == 5)
        #expect(found.first?.message.hasPrefix("off the question: none of its 3 body paragraphs") == true)
        // Common words the opening and the close share are no subject: a body that says "life" and "poor"
        // is still off the question.
        var common = cricket
        common[0] += " It is the life of every street."
        common[1] += " Even the poor watched it."
        #expect(!(try Self.findings(Self.favourite(body: common), rule: "relevance-off-topic")).isEmpty)
    }

    @Test func namingTheChoiceIsThePosition() throws {
        #expect(try Self.findings(Self.favourite(), rule: "introduction-thesis").isEmpty)
        // An opening that never names its choice takes none.
        let vague = Self.favourite().replacingOccurrences(
            of: "My favourite personality is Abdul Sattar Edhi, a true servant of humanity who",
            with: "Such people are servants of humanity who")
        let found = try Self.findings(vague, rule: "introduction-thesis")
        #expect(found.map(\.range.start.line) == [3])
        // Repeating the prompt's words names no choice either.
        let echo = Self.favourite().replacingOccurrences(
            of: "My favourite personality is Abdul Sattar Edhi, a true servant of humanity who",
            with: "A favourite personality is a servant of humanity who")
        #expect(try Self.findings(echo, rule: "introduction-thesis").map(\.range.start.line) == [3])
    }

    @Test func aPromptThatNamesItsSubjectChoosesNone() throws {
        let teacher = Self.favourite().replacingOccurrences(
            of: "Write an essay on \"My Favourite Personality\".", with: "Describe your favourite teacher.")
        let context = try Fixtures.context(teacher, rubric: Fixtures.rubric("general-essay"))
        #expect(context.chosenSubject.isEmpty)
        // The CSS rubric lists no chosen-subject words.
        #expect(try Fixtures.context(Self.favourite()).chosenSubject.isEmpty)
    }

    /// A Pakistan Affairs answer on the Pakistan Movement whose opening and close name the province the question
    /// asks about; `body` gives its three sections' text.
    static func sindh(body: [String]) -> String {
        let titles = ["1. TWO NATION THEORY", "2. LAHORE RESOLUTION 1940", "3. ELECTIONS OF 1945-46"]
        let sections = zip(titles, body).map { "\($0)\n\($1)" }.joined(separator: "\n\n")
        return """
            Q.6 Examine the role of Sindh in the Pakistan Movement.

            Introduction:
            The people of Sindh played an important role in the Pakistan Movement from the start.

            \(sections)

            Conclusion:
            To conclude, Sindh played a great role in the Pakistan Movement, and its assembly spoke first in 1943.
            """
    }

    static let movementBody = [
        """
        The basis of the Pakistan Movement was the Two Nation Theory. Muslims and Hindus were two nations with \
        their own religion, culture and heroes, and the Muslim League argued that they could not live as one. \
        Sir Syed Ahmad Khan had first said so after 1857, and Allama Iqbal gave it a political shape in 1930.
        """,
        """
        On 23 March 1940 the Lahore Resolution demanded that the Muslim majority areas be grouped into \
        independent states. A.K. Fazl-ul-Haq moved it before a large gathering at Minto Park in Lahore, and \
        the Hindu press called it the Pakistan Resolution within days.
        """,
        """
        In the elections of 1945-46 the Muslim League won all the Muslim seats of the Central Assembly, which \
        proved that it spoke for the Muslims of India and made the demand for Pakistan hard to refuse. The \
        Cabinet Mission came in 1946, and its failure led to the partition plan of 3 June 1947.
        """,
    ]

    @Test func aNamedCruxOnlyTheFrameNamesIsMissed() throws {
        let found = try Fixtures.grade(
            Self.sindh(body: Self.movementBody), rubric: Fixtures.rubric("css-pakistan-affairs")
        )
        .findings.filter { $0.rule == "relevance-crux" && $0.criterion == "relevance" }
        #expect(found.map(\.range.start.line) == [3])
        #expect(
            found.first?.message
                == "the answer misses the crux of the question: it writes about the Pakistan Movement, but 'Sindh' "
                + "stands only in the introduction or the conclusion, and no section uses it")
    }

    /// The crux is a name by the thesaurus and the proper nouns, not by the question's capitals: a common word
    /// in a Title Case or capitals question is not read as one; a province in capitals is.
    @Test(arguments: [
        ("Q.6 Examine The Role Of Students In The Pakistan Movement.", "Students", false),
        ("Q.6 EXAMINE THE ROLE OF STUDENTS IN THE PAKISTAN MOVEMENT.", "STUDENTS", false),
        ("Q.6 EXAMINE THE ROLE OF SINDH IN THE PAKISTAN MOVEMENT.", "SINDH", true),
    ])
    func aNamedCruxIsReadFromTheData(question: String, word: String, fires: Bool) throws {
        let text = Self.sindh(body: Self.movementBody)
            .replacingOccurrences(of: "Q.6 Examine the role of Sindh in the Pakistan Movement.", with: question)
            .replacingOccurrences(of: "Sindh", with: word.prefix(1) + word.dropFirst().lowercased())
        let found = try Fixtures.grade(text, rubric: Fixtures.rubric("css-pakistan-affairs"))
            .findings.filter { $0.rule == "relevance-crux" && $0.criterion == "relevance" }
        #expect(found.isEmpty == !fires)
    }

    @Test func aBodyThatTakesUpTheNamedCruxIsNotMissed() throws {
        var body = Self.movementBody
        body[1] += " Sir Abdullah Haroon of Sindh chaired the committee that drafted the scheme."
        body[2] += " In Sindh the League formed the ministry after G.M. Syed's break, and Sindh joined Pakistan."
        let found = try Fixtures.grade(Self.sindh(body: body), rubric: Fixtures.rubric("css-pakistan-affairs"))
            .findings.filter { $0.rule == "relevance-crux" }
        #expect(found.isEmpty)
    }

    @Test func aTimePhraseIsNoTermOfTheQuestion() throws {
        let context = try Fixtures.context(
            "Q 4) Trace the evolution of Pakistan's relations with China from 1950 to the present day.\n\n"
                + "Pakistan and China have been friends since 1951.",
            rubric: Fixtures.rubric("css-pakistan-affairs"))
        #expect(!context.questionKeys.contains("day"))
        #expect(!context.questionKeys.contains("prese"))
        #expect(context.relevance?.focusTerms.contains("day") == false)
    }

    @Test func aComparisonsItemsEndWhereAQualifyingPhraseBegins() throws {
        let rise = try #require(
            ComparedItems(question: "Compare the economic rise of China and India in the twenty-first century."))
        #expect(rise.items.map(\.written) == ["China", "India"])
        let since = try #require(
            ComparedItems(question: "Compare the economies of Pakistan and Bangladesh since 1971."))
        #expect(since.items.map(\.written) == ["Pakistan", "Bangladesh"])
        // A qualifier's word as the item's first word is the item ("… with over-the-top media"): kept.
        let first = try #require(ComparedItems(question: "Compare print media with online media in Pakistan."))
        #expect(first.items.map(\.written) == ["print media", "online media"])
        // Items written in parallel keep their qualifiers (finding of the session's code review).
        let parallel = try #require(ComparedItems(question: "Compare life in villages with life in cities."))
        #expect(parallel.items.map(\.written) == ["life villages", "life cities"])
        let that = try #require(
            ComparedItems(question: "Compare the quality of life in villages with that in cities."))
        #expect(that.items.map(\.written) == ["life villages", "that cities"])
    }

    @Test func aFigureIsRestatedOnlyWithItsUnit() {
        func key(_ text: String) -> String {
            let here = SourcePosition(line: 1, column: 1)
            return ConclusionNewArguments.restatedKey(
                EvidenceItem(kind: .figure, text: text, range: SourceRange(start: here, end: here), paragraph: 0))
        }
        #expect(key("35 million") == key("35 million voters"))
        #expect(key("$2.5 billion") == key("2.5 billion dollars"))
        #expect(key("35 per cent") != key("35 million"))
        #expect(key("Rs 40") == "figure:40")
    }
}
