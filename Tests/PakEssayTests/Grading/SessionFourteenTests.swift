import Testing

@testable import PakEssay

/// The thirteenth session's marking changes (the file is numbered after finding review 14), from batch p: a prompt
/// that asks for an experience to remember ("a journey you will never forget") sets a story, whose middle tells
/// the journey's stages without naming the prompt; "write about" is a task, not a topic.
@Suite struct SessionFourteenTests {
    /// A story of a journey whose middle paragraphs never repeat the prompt's words; `body` replaces them.
    static func journey(body: [String]? = nil) -> String {
        let middle =
            body ?? [
                """
                We left Lahore early in the morning in my uncle's van. By noon the hot plains were behind us, and near \
                Balakot we ate our lunch beside the cold Kunhar river.
                """,
                """
                An hour before Naran a landslide blocked the road. It began to rain, my sisters cried, and men from a \
                small village brought us hot tea and refused to take any money.
                """,
                """
                Next morning we reached Lake Saif-ul-Malook. The still blue water and the snowy peaks made me forget \
                all the fear of the previous day.
                """,
            ]
        return """
            Question 4: Write about a journey you will never forget.

            Some journeys stay in our memory all our lives. Such a journey was the one I made with my family from \
            Lahore to Naran last summer.

            \(middle.joined(separator: "\n\n"))

            This journey taught me that the simple people of the mountains have big hearts, and I will always \
            remember that old man and his cup of tea in the rain.
            """
    }

    static func findings(_ text: String, rule: String) throws -> [Finding] {
        try Fixtures.grade(text, rubric: Fixtures.rubric("general-essay")).findings.filter { $0.rule == rule }
    }

    @Test func aStoryOfTheJourneyIsOnTheQuestion() throws {
        let context = try Fixtures.context(Self.journey(), rubric: Fixtures.rubric("general-essay"))
        // "Write about" is the task and "never forget" asks for a story: the subject is the journey.
        #expect(context.questionTells)
        #expect(!context.questionKeys.contains("write"))
        #expect(!context.questionKeys.contains("forget"))
        #expect(try Self.findings(Self.journey(), rule: "relevance-off-topic").isEmpty)
        // A story owes no thesis in its opening.
        #expect(try Self.findings(Self.journey(), rule: "introduction-thesis").isEmpty)
    }

    @Test func aStoryToldInOtherNounsIsOnTheQuestion() throws {
        // "Trip" for "journey" throughout: one key term the story never names, told in the first person.
        let trip = Self.journey()
            .replacingOccurrences(of: "Some journeys stay", with: "Some trips stay")
            .replacingOccurrences(of: "Such a journey", with: "Such a trip")
            .replacingOccurrences(of: "This journey", with: "This trip")
        #expect(!trip.dropFirst(60).contains("journey"))
        #expect(try Self.findings(trip, rule: "relevance-off-topic").isEmpty)
    }

    @Test func anEssayFramedAsTheStoryIsOffTheQuestion() throws {
        // The journey's opening and close round a middle about cricket, told in no one's voice.
        let cricket = SessionThirteenTests.cricket
        let found = try Self.findings(Self.journey(body: cricket), rule: "relevance-off-topic")
        #expect(found.first?.range.start.line == 5)
        #expect(found.first?.message.hasPrefix("off the question: none of its 3 body paragraphs") == true)
    }

    @Test func aOneWordPromptIsNotJudgedOnItsOneWord() throws {
        // "My Hobby" answered on gardening, "pastime" for "hobby": one key term is not enough to call it off.
        let hobby = """
            Question 3: My Hobby

            Everyone needs something to do in free time. I spend my spare hours in gardening, and it has given me \
            more joy than any game.

            I began gardening three years ago when my grandfather gave me a corner of our lawn in Multan. He taught \
            me how to dig the soil and sow the seeds of roses and tomatoes.

            Gardening keeps me healthy. Every morning before school I water the plants and pull out the weeds.

            Gardening has taught me patience. A seed takes weeks to grow, and a rose bush a year to flower.

            In the end, gardening is the best pastime for a student, as it gives health and patience.
            """
        #expect(try Self.findings(hobby, rule: "relevance-off-topic").isEmpty)
    }

    /// The framed Sindh answer of `RelevanceCrux`, and one on Balochistan's own part in the movement.
    static let framedBalochistan = RelevanceCrux.framedSindh
        .replacingOccurrences(of: "Sindh", with: "Balochistan")
        .replacingOccurrences(
            of: "its assembly spoke first in 1943", with: "the Shahi Jirga voted for Pakistan in 1947")
    static let balochistan = """
        Q.6 Examine the role of Balochistan in the Pakistan Movement.

        Introduction:
        Balochistan joined the Pakistan Movement late, but its leaders, its Jirga and its people gave the demand \
        for Pakistan decisive support in the west.

        1. QAZI ISA AND THE MUSLIM LEAGUE IN BALOCHISTAN
        Qazi Muhammad Isa founded the Balochistan Muslim League in 1939 at the wish of the Quaid-e-Azam. He toured \
        Quetta, Pishin and Sibi, and the League's branches spread into the tribal areas within a few years.

        2. THE QUAID'S VISITS TO QUETTA
        The Quaid-e-Azam visited Quetta in 1943 and again in 1945. The sardars and the people of Quetta received \
        him warmly, and the visits gave the League in Balochistan a mass following.

        3. THE SHAHI JIRGA OF 1947
        On 29 June 1947 the Shahi Jirga and the members of the Quetta Municipality voted to join Pakistan. \
        Nawab Muhammad Khan Jogezai led the vote, and British Balochistan became a part of Pakistan by its own \
        decision.

        Conclusion:
        To conclude, Balochistan's Jirga, Qazi Isa and the people of Quetta gave the Pakistan Movement a firm base \
        in the west, and their vote of 1947 settled the province's future.
        """

    @Test func aProvinceWithATopicOfItsOwnIsTheCruxOfTheMovement() throws {
        let rubric = try Fixtures.rubric("css-pakistan-affairs")
        let framed = try Fixtures.grade(Self.framedBalochistan, rubric: rubric)
        // Balochistan titles a topic of its own, but under "the Pakistan Movement" it is what the question asks.
        #expect(framed.relevance?.focusTerms == ["Balochistan"])
        #expect(framed.relevance?.topicTitle?.hasPrefix("The Pakistan Movement") == true)
        // Neither the province's aspects (the NFC award) nor the movement's in general (the MAO College) are told.
        #expect(framed.relevance?.aspectsLookedFor == 0)
        #expect(framed.relevance?.missingAspects == [])
        let crux = framed.findings.filter { $0.rule == "relevance-crux" }
        #expect(crux.first?.range.start.line == 3)
        #expect(
            crux.first?.message.hasPrefix(
                "the answer misses the crux of the question: it writes about the Pakistan Movement, but "
                    + "'Balochistan' stands only in the introduction or the conclusion") == true)
        // An answer on the province's own part takes the crux up.
        let own = try Fixtures.grade(Self.balochistan, rubric: rubric)
        #expect(own.relevance?.focusShare == 1)
        #expect(own.findings.allSatisfy { $0.rule != "relevance-crux" && $0.rule != "relevance-off-topic" })
        // Sections that name the province's places and people (Quetta, the Shahi Jirga) but not its name take it up.
        let unnamed = Self.balochistan
            .replacingOccurrences(of: "IN BALOCHISTAN", with: "IN THE PROVINCE")
            .replacingOccurrences(of: "the League in Balochistan", with: "the League in the province")
            .replacingOccurrences(
                of: "Qazi Muhammad Isa founded the Balochistan Muslim League",
                with: "Qazi Muhammad Isa founded the provincial Muslim League"
            )
            .replacingOccurrences(of: "British Balochistan became", with: "the province became")
        #expect(unnamed.components(separatedBy: "Balochistan").count == 4)
        let provincial = try Fixtures.grade(unnamed, rubric: rubric)
        #expect(provincial.relevance?.units.allSatisfy { $0.focus == ["Balochistan"] } == true)
        #expect(provincial.findings.allSatisfy { $0.rule != "relevance-crux" })
    }
}
