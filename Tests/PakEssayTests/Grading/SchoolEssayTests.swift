import Testing

@testable import PakEssay

/// What the second finding review (SampleEssays/panel.json, `findingReview2`) found false or moot, and the
/// school-essay faults the blind examiners charged that pakessay did not: each with a firing and a
/// non-firing case that pins the place and the message.
@Suite struct SchoolEssayTests {
    static let general = try! Fixtures.rubric("general-essay")

    static func findings(_ text: String, _ rule: String, rubric: Rubric = general) throws -> [Finding] {
        try Fixtures.grade(text, rubric: rubric).findings.filter { $0.rule == rule }
    }

    /// A paragraph of `n` plain sentences about homework.
    static func paragraph(_ n: Int, _ topic: String = "Homework") -> String {
        (0..<n).map { k in
            [
                "\(topic) keeps students busy in the evening.", "Teachers use it to check what was learnt in class.",
                "Parents can see the progress of their children.", "Too much of it leaves no time for games.",
                "Some students copy it from their friends.", "Short and regular tasks work better than long ones.",
            ][k % 6]
        }.joined(separator: " ")
    }

    // MARK: The paragraphs of an essay without headings

    @Test func oneUnbrokenParagraphIsChargedInStructure() throws {
        let text = "Q. Should homework be banned?\n\n" + Self.paragraph(12)
        let found = try Self.findings(text, "structure-paragraphing")
        #expect(found.map(\.message) == ["the answer is one unbroken paragraph"])
        #expect(found.first?.range.start == SourcePosition(line: 3, column: 1))
        #expect(found.first?.criterion == "structure")
    }

    @Test func threeParagraphsAreChargedLessAndFiveNotAtAll() throws {
        func essay(_ n: Int) -> String {
            "Q. Should homework be banned?\n\n" + (0..<n).map { _ in Self.paragraph(4) }.joined(separator: "\n\n")
        }
        let three = try Self.findings(essay(3), "structure-paragraphing")
        #expect(three.map(\.message) == ["the answer is 3 paragraphs: the points share paragraphs"])
        let one = try Fixtures.grade(essay(1) + " " + Self.paragraph(8), rubric: Self.general)
        let threeGraded = try Fixtures.grade(essay(3), rubric: Self.general)
        #expect(
            threeGraded.criteria.first { $0.id == "structure" }!.score
                > one.criteria.first { $0.id == "structure" }!.score)
        #expect(try Self.findings(essay(5), "structure-paragraphing").isEmpty)
    }

    @Test func anAnswerWithHeadingsIsNotJudgedByItsParagraphs() throws {
        let text = ExaminerSignalsTests.headed(
            "Evaluate the National Action Plan.", intro: "The plan was approved in December 2014. It was mixed.")
        #expect(try Self.findings(text, "structure-paragraphing").isEmpty)
    }

    @Test func aOneParagraphEssayHasAnIntroductionAndAConclusionOfASort() throws {
        let text = "Q. Should homework be banned?\n\n" + Self.paragraph(12)
        let graded = try Fixtures.grade(text, rubric: Self.general)
        let intro = graded.findings.filter { $0.rule == "introduction-missing" }
        let end = graded.findings.filter { $0.rule == "conclusion-missing" }
        #expect(intro.map(\.message) == ["the introduction has no paragraph of its own"])
        #expect(end.map(\.message) == ["the conclusion has no paragraph of its own"])
        #expect(end.first?.range.start.line == 3)
        // 0.4 of the criterion in the general rubric; the CSS rubrics keep the default of none.
        #expect(graded.criteria.first { $0.id == "introduction" }!.score == 1)
        let css = try Fixtures.grade(text)
        #expect(
            css.findings.filter { $0.rule == "introduction-missing" }.map(\.message) == [
                "the answer has no introduction"
            ])
    }

    // MARK: A conclusion folded into the last paragraph

    @Test func aConclusionFoldedIntoTheLastParagraphIsJudgedByItsOwnSentences() throws {
        let text = """
            Q. Should homework be banned?

            \(Self.paragraph(3))

            \(Self.paragraph(4))

            \(Self.paragraph(4)) In conclusion homework is good but it should be in limit.
            """
        let found = try Self.findings(text, "conclusion-length")
        #expect(found.map(\.message) == ["the conclusion is 11 words folded into the end of the last paragraph"])
        #expect(found.first?.range.start.line == 7)
        #expect(found.first?.excerpt.hasPrefix("In conclusion homework is good") == true)
        #expect(try Self.findings(text, "conclusion-missing").isEmpty)
    }

    @Test func aClosingParagraphOfItsOwnIsNotFolded() throws {
        let text = """
            Q. Should homework be banned?

            \(Self.paragraph(3))

            \(Self.paragraph(4))

            In conclusion, homework should not be banned. It should be short, regular and checked by teachers, \
            so that students learn from it and still have time to play and rest in the evening.
            """
        #expect(try Self.findings(text, "conclusion-length").isEmpty)
    }

    @Test func aShortClosingParagraphAfterLongerOnesIsTheConclusion() throws {
        let text = """
            Q. Write a letter to the editor about the garbage in your area.

            \(Self.paragraph(3, "Garbage"))

            \(Self.paragraph(6, "Garbage"))

            \(Self.paragraph(6, "Garbage"))

            I hope that the concerned authorities will take notice and solve this problem soon.
            """
        let graded = try Fixtures.grade(text, rubric: Self.general)
        #expect(!graded.findings.contains { $0.rule == "conclusion-missing" })
        #expect(
            graded.findings.filter { $0.rule == "conclusion-length" }.map(\.message) == [
                "the last paragraph is only 14 words long"
            ])
        // A short last paragraph that carries the argument on is a point, not a close.
        let point = text.replacingOccurrences(of: "I hope that", with: "However, I fear that")
        #expect(try Self.findings(point, "conclusion-missing").count == 1)
    }

    @Test func aLettersAddressDateAndSubjectAreNotItsIntroduction() throws {
        let text = """
            Q. Write a letter to the editor about the garbage in your area.

            Examination Hall,
            City A.B.C.
            15 March 2025

            The Editor,
            Daily Dawn,
            Karachi.

            Subject: Heaps of Garbage in Our Area

            Sir,

            Through the column of your newspaper I want to draw attention to the garbage in our street. \
            It is becoming worse every week.

            \(Self.paragraph(6, "Garbage"))

            \(Self.paragraph(6, "Garbage"))

            I hope that the concerned authorities will take notice and solve this problem soon.

            Yours truly,
            A.B.C.
            """
        let graded = try Fixtures.grade(text, rubric: Self.general)
        #expect(!graded.findings.contains { $0.rule == "conclusion-missing" || $0.rule == "introduction-missing" })
        #expect(graded.findings.filter { $0.rule == "introduction-length" }.allSatisfy { $0.range.start.line == 15 })
        let document = try Fixtures.parse(text)
        #expect(document.answers[0].sections.allSatisfy { $0.title == nil })
    }

    /// A letter's short last paragraph is its courtesy: its close is that and the request before it, so a
    /// one-line "I hope you will publish this letter" is not charged as a conclusion too short.
    @Test func aLettersCloseIsItsRequestAndItsCourtesy() throws {
        let text = """
            Q. Write a letter to the editor about the garbage in your area.

            Sir,

            Through the column of your newspaper I want to draw attention to the garbage in our street. \
            It is becoming worse every week.

            \(Self.paragraph(6, "Garbage"))

            I request the municipal committee to send its vans twice a week and to fine those who throw \
            garbage into the street, so that our area is clean again.

            I hope that you will publish my letter.

            Yours truly,
            A.B.C.
            """
        let graded = try Fixtures.grade(text, rubric: Self.general)
        let close = graded.findings.filter { $0.criterion == "conclusion" && $0.rule != "examiner-reserve" }
        #expect(!close.contains { $0.rule == "conclusion-length" }, "\(close.map(\.message))")
        let answer = try Fixtures.parse(text).answers[0]
        let c = GradingContext(
            answer: answer, lexicon: Self.general.lexicon, expectedWords: Self.general.expectedWords)
        #expect(c.conclusion?.name == "the letter's close")
        #expect(c.conclusion?.paragraphs.count == 2)
    }

    @Test func aNumberedHeadingThatNamesAMonthIsStillAHeading() throws {
        let text = """
            Q.1 Discuss the events of May 2023.

            1. May 9 Riots
            The riots of 9 May 2023 damaged military buildings in several cities.

            15 March 2025
            """
        let sections = try Fixtures.parse(text).answers[0].sections
        #expect(sections.compactMap(\.title) == ["May 9 Riots"])
    }

    @Test func aConclusionOfThreeShortSentencesIsLongEnough() throws {
        func essay(_ end: String) -> String {
            ExaminerSignalsTests.headed(
                "Evaluate the National Action Plan against extremism.", intro: "The plan was mixed."
            )
            .replacingOccurrences(of: "In conclusion, the plan must now be carried through in full.", with: end)
        }
        let three = essay("In conclusion, the plan worked in part. Its military side succeeded. Its ideas did not.")
        #expect(try Self.findings(three, "conclusion-length", rubric: Fixtures.rubric).isEmpty)
        let one = essay("In conclusion, the plan worked in part.")
        #expect(
            try Self.findings(one, "conclusion-length", rubric: Fixtures.rubric).map(\.message) == [
                "the conclusion is only 7 words long"
            ])
    }

    // MARK: The other side, weighed in a paragraph of its own

    @Test(arguments: ["However, homework has a real cost.", "But the problem is that teachers give too much."])
    func aParagraphThatTurnsToTheOtherSideWeighsIt(_ turn: String) throws {
        let text = """
            Q. Should homework be banned? Give reasons for your answer.

            \(Self.paragraph(3)) In my opinion homework should not be banned.

            \(Self.paragraph(4))

            \(turn) \(Self.paragraph(3))

            In conclusion, homework should stay, but less of it. \(Self.paragraph(2))
            """
        #expect(try Self.findings(text, "arguments-counter-view").isEmpty)
    }

    @Test func anEssayThatNeverTurnsIsCharged() throws {
        let text = """
            Q. Should homework be banned? Give reasons for your answer.

            \(Self.paragraph(3)) In my opinion homework should not be banned.

            \(Self.paragraph(4))

            \(Self.paragraph(4))

            In conclusion, homework should stay. \(Self.paragraph(2))
            """
        let found = try Self.findings(text, "arguments-counter-view")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("the question (a yes-or-no question) owes the other side") == true)
    }

    // MARK: Short subsections that are dense, not thin

    @Test func aTwoSentenceSubsectionWithTwoFactsIsDeveloped() throws {
        let text = """
            Q.1 Discuss the causes of inflation in Pakistan.

            1. INTRODUCTION
            This answer argues that inflation has causes at home and abroad.

            2. CAUSES
            2.1 Money
            The State Bank raised its policy rate to 22 per cent in June 2023. Even so, the IMF put inflation at 29 per cent.

            2.2 Fuel
            Fuel became dear.

            3. CONCLUSION
            In conclusion, inflation has causes.
            """
        let found = try Self.findings(text, "arguments-underdeveloped", rubric: Fixtures.rubric)
        #expect(found.map(\.message) == ["section 2.2 is one sentence long"])
        #expect(found.first?.range.start.line == 10)
    }

    // MARK: Letters and descriptions (the third review)

    /// A letter to the editor about garbage, with its formalities, three paragraphs and a closing request.
    static let letter = """
        Q. Write a letter to the editor of a newspaper about the problem of garbage in your area.

        To the Editor,
        Daily Dawn, Karachi.

        Dear Sir,

        Through the columns of your newspaper I want to draw the attention of the authorities to the heaps of \
        garbage in Gulshan-e-Iqbal Block 5, where the waste has not been lifted for three weeks.

        The garbage lies on the roads and in the empty plots. It smells badly in the heat and the flies spread \
        diseases like cholera and typhoid. Children play near the heaps and many of them have fallen ill this \
        month.

        The drains are also blocked with plastic bags, so the rain water stands in the streets for days. \
        Mosquitoes breed in it and dengue cases are rising in our block, as the local clinic has reported.

        I request the municipal authorities to send their vehicles regularly and to place dustbins in every \
        street so that our area becomes clean again.

        Yours truly,
        Ahmed Raza
        """

    @Test func aLettersLastParagraphBeforeItsSignOffIsItsConclusion() throws {
        #expect(try Self.findings(Self.letter, "conclusion-missing").isEmpty)
        let g = try Fixtures.grade(Self.letter, rubric: Self.general)
        #expect(g.findings.contains { $0.rule == "conclusion-length" && $0.range.start.line == 17 } == false)
        // Without its sign-off and salutation the same text is an essay whose last paragraph does not close.
        let essay = Self.letter.replacingOccurrences(of: "Dear Sir,\n\n", with: "")
            .replacingOccurrences(of: "\n\nYours truly,\nAhmed Raza", with: "")
            .replacingOccurrences(of: "To the Editor,\nDaily Dawn, Karachi.\n\n", with: "")
        #expect(
            try Self.findings(essay, "conclusion-missing").map(\.message) == [
                "the answer has no conclusion: it stops after its last point"
            ])
    }

    @Test func aLetterOrADescriptionOwesNoThesisButALetterOfOpinionDoes() throws {
        #expect(try Self.findings(Self.letter, "introduction-thesis").isEmpty)
        let describe = """
            Question 4: Describe a rainy day you remember.

            It was the month of July and the sky was grey since the morning. We were sitting in the veranda \
            when the first drops fell on the dusty courtyard.

            Soon the rain became heavy and the street turned into a small river. My brother and I made paper \
            boats and sailed them in the water while our mother fried pakoras in the kitchen.

            In the evening the rain stopped and a rainbow appeared over the trees. It was a day I will never \
            forget.
            """
        #expect(try Self.findings(describe, "introduction-thesis").isEmpty)
        // A letter that asks for an opinion owes a position in its opening.
        let opinion = Self.letter.replacingOccurrences(
            of: "about the problem of garbage in your area.",
            with: "giving your opinion on whether the city should ban plastic bags.")
        #expect(
            try Self.findings(opinion, "introduction-thesis").map(\.message) == [
                "the first paragraph takes no clear position on the question"
            ])
    }

    /// A description under its title, told in paragraphs that speak of the rain, not of "a rainy day".
    static let rainyDay = """
        Question 4: Describe a rainy day you remember.

        A Rainy Day

        Rain is a blessing in the hot summer of Lahore. Everybody waits for the monsoon in July.

        It was a Sunday and I was sitting in my room. Suddenly dark clouds covered the sky and the wind \
        started to blow. Then big drops fell on the roof. My brother and I ran to the courtyard. We made \
        paper boats and sailed them in the water. Our mother fried pakoras in the kitchen.

        The rain did not stop for many hours. The water came into the street and the shops closed early. \
        Some cars were stuck in the water near the market.

        Our neighbour's roof leaked and we helped them move their beds to a dry room. Their little son \
        cried because his books were wet, so I gave him two of my old ones.

        In the evening the sky cleared and a colourful bow came out over the trees. I will never forget it.
        """

    @Test func anEssaysTitleAloneAtItsTopIsNotASection() throws {
        let g = try Fixtures.grade(Self.rainyDay, rubric: Self.general)
        let directive = g.findings.filter { $0.rule == "relevance-directive" }.map(\.message)
        #expect(directive == [])
        #expect(!g.findings.contains { $0.rule == "relevance-off-topic" })
        // Its body paragraphs are its units, named as paragraphs; its last paragraph is its ending (review 12).
        #expect(g.relevance?.units.map(\.name) == ["paragraph 2", "paragraph 3", "paragraph 4"])
        #expect(g.findings.filter { $0.rule == "conclusion-missing" }.isEmpty)
    }

    @Test func aDescriptionInOneParagraphTellsSeveralStagesButAnArgumentDoesNot() throws {
        let oneBlock = Self.rainyDay.replacingOccurrences(of: "\n\n", with: " ")
            .replacingOccurrences(of: "remember. A Rainy Day ", with: "remember.\n\n")
        let staged = try Self.findings(oneBlock, "relevance-directive")
        #expect(staged.isEmpty)
        let explain = oneBlock.replacingOccurrences(
            of: "Describe a rainy day you remember.", with: "Explain why the monsoon matters to Lahore.")
        #expect(
            try Self.findings(explain, "relevance-directive").map(\.message) == [
                "the question asks you to explain, but the answer develops fewer than two points"
            ])
    }

    /// An essay that keeps naming the question's subject is on it, though it repeats few of its other words;
    /// one on something else under the same question is still off it.
    @Test func anEssayThatDwellsOnTheQuestionsSubjectIsNotOffTopic() throws {
        let question = "Q.5 Do you agree that cricket gets too much attention in Pakistan compared to other sports?"
        let cricket = """
            \(question)

            Yes i agree. Cricket is very famous game in pakistan and every boy play cricket in the street. \
            I play cricket daily with my freinds after school. Pakistan won the world cup of cricket in 1992. \
            Babar azam is a very good cricket player. When there is a cricket match the roads become empty. \
            Hockey is our national game but now nobody play it. In the end i say cricket is a good game.
            """
        #expect(try Self.findings(cricket, "relevance-off-topic").isEmpty)
        let mangoes = """
            \(question)

            Mangoes are the king of fruits. Multan is famous for its mangoes and the Chaunsa is the sweetest \
            of them. In summer we eat mangoes after lunch. My grandfather has a garden of mango trees. The \
            mangoes are sent to Dubai and London. Mango shake is my favourite drink in the hot weather.
            """
        #expect(
            try Self.findings(mangoes, "relevance-off-topic").filter { $0.criterion == "relevance" }.map(\.message) == [
                "the answer barely touches the question: 0 of its 5 key terms appear (missing: 'cricket', 'gets', "
                    + "'attention', 'compared' and 1 more)"
            ])
    }

    @Test func aLongParagraphOfADescriptionHoldsSeveralPointsButAnArgumentsDoesNot() throws {
        let body = "\n\n" + Self.paragraph(3) + "\n\n" + Self.paragraph(18) + "\n\n" + Self.paragraph(3)
        let describe = try Self.findings("Q. Describe homework in your school." + body, "arguments-count")
        #expect(
            describe.map(\.message) == [
                "only 3 parts are developed at length (3+ sentences, 50+ words); examiners look for 6 or more"
            ])
        let argue = try Self.findings("Q. Should homework be banned?" + body, "arguments-count")
        #expect(
            argue.map(\.message) == [
                "only 1 argument is developed at length (3+ sentences, 50+ words); examiners look for 4 or more"
            ])
    }

    @Test func anOpeningThatDeniesOneReadingToAssertAnotherTakesAPosition() throws {
        let text = { (opening: String) in
            """
            Q. No. 5 Discuss the impact of climate change on Pakistan in the light of the 2022 floods.

            1. INTRODUCTION
            \(opening) The floods of 2022 submerged a third of Pakistan and cost 30 billion dollars.

            2. THE FLOODS
            \(Self.paragraph(4, "Climate change"))

            3. CONCLUSION
            In conclusion, climate change demands action now.
            """
        }
        let css = Fixtures.rubric
        #expect(
            try Self.findings(
                text("For Pakistan climate change is not a future threat but a present reality."),
                "introduction-thesis", rubric: css
            ).isEmpty)
        #expect(
            try Self.findings(
                text("Climate change is a big problem for Pakistan and the world."), "introduction-thesis", rubric: css
            ).map(\.message) == ["the introduction takes no clear position on the question"])
        // "not new, but it has grown" goes on narrating: no reading is set against another.
        #expect(
            try Self.findings(
                text("Climate change is not a new thing for Pakistan but it has increased a lot."),
                "introduction-thesis", rubric: css
            ).map(\.message) == ["the introduction takes no clear position on the question"])
    }

    // MARK: Moot once the answer is off its question

    @Test func anOffTopicAnswerIsNotChargedAgainForWhatFollowsFromIt() throws {
        let text = String(decoding: Fixtures.sample("panel/b08.txt"), as: UTF8.self)
        let graded = try Fixtures.grade(text)
        #expect(graded.findings.contains { $0.rule == "relevance-off-topic" })
        let moot = [
            "relevance-question-terms", "introduction-question-terms", "conclusion-restates", "relevance-headings-tied",
            "arguments-underdeveloped", "evidence-missing-in-section", "arguments-count", "presentation-visuals",
        ]
        #expect(graded.findings.filter { moot.contains($0.rule) }.map(\.rule) == [])
        // Under the question it does answer, the same answer is charged for them.
        let own = "Q2. Discuss the causes and consequences of population growth in Pakistan."
        let onTopic = try Fixtures.grade(own + text.drop { $0 != "\n" })
        #expect(!onTopic.findings.contains { $0.rule == "relevance-off-topic" })
        #expect(onTopic.findings.contains { $0.rule == "arguments-underdeveloped" })
    }

    // MARK: Thresholds the review found too strict

    @Test func anAnswerAFewWordsShortIsLongEnough() throws {
        let rule = try AnswerTooShort(RuleParameters(values: nil, path: "", file: ""))
        #expect(rule.tolerance == 0.9)
        let words = { (n: Int) in (0..<n).map { _ in "word" }.joined(separator: " ") }
        // 392 of 400 words (the review's two cases) is within the expected length; 300 is not.
        let general = Self.general
        #expect(general.expectedWords.lowerBound == 400)
        let near = try Self.findings("Q. Should homework be banned?\n\n" + words(392) + ".", "answer-too-short")
        #expect(near.isEmpty)
        let short = try Self.findings("Q. Should homework be banned?\n\n" + words(300) + ".", "answer-too-short")
        #expect(short.map(\.message) == ["the answer is 300 words, 75% of the 400 words these marks expect"])
    }

    @Test func longSentencesAndParagraphsAreChargedFromTheirNewThresholds() throws {
        let sentence = { (n: Int) in (0..<n).map { "w\($0 % 7 == 0 ? "ord" : "ide")" }.joined(separator: " ") + "." }
        let at55 = try Self.findings("Q.1 Discuss inflation.\n\nInflation is high. " + sentence(55), "language-run-on")
        #expect(at55.isEmpty)
        let at56 = try Self.findings("Q.1 Discuss inflation.\n\nInflation is high. " + sentence(56), "language-run-on")
        #expect(at56.map(\.message) == ["a sentence of 56 words"])
        let para = { (n: Int) in
            (0..<(n / 10)).map { _ in "Prices rise and the poor suffer more than the rich." }
                .joined(separator: " ")
        }
        let css = Fixtures.rubric
        #expect(
            try Self.findings("Q.1 Discuss inflation.\n\n" + para(200), "presentation-paragraph-length", rubric: css)
                .isEmpty)
        #expect(
            try Self.findings("Q.1 Discuss inflation.\n\n" + para(210), "presentation-paragraph-length", rubric: css)
                .map(\.message) == ["a paragraph of 210 words"])
    }

    // MARK: Tasks that tell rather than argue (the fifth finding review)

    /// A description narrates by design: no reasoning finding, and what it develops are its parts. A letter
    /// about a problem still owes its reasons.
    @Test func aDescriptionOwesNoReasoningButALetterDoes() throws {
        let body = ["The train came in at noon.", "The porters ran to the doors.", "A boy sold tea in clay cups."]
        let paragraphs = (0..<2).map { _ in (0..<4).map { body[$0 % 3] }.joined(separator: " ") }
        let describe = "Q.2 Describe the scene at a railway station.\n\n" + paragraphs.joined(separator: "\n\n")
        #expect(try Self.findings(describe, "arguments-reasoning").isEmpty)
        let parts = try Self.findings(describe, "arguments-count").map(\.message)
        #expect(parts == ["no parts are developed at length (3+ sentences, 50+ words); examiners look for 6 or more"])
        let letter = describe.replacingOccurrences(
            of: "Describe the scene at a railway station",
            with: "Write a letter to the editor about the railway station")
        let reasoning = try Self.findings(letter, "arguments-reasoning")
        #expect(reasoning.map { "\($0.range.start.line):\($0.range.start.column)" } == ["3:1"])
        #expect(reasoning.first?.message.hasPrefix("0 reasoning connectives (cause or contrast) in") == true)
    }
}
