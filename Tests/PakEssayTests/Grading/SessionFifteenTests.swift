import Testing

@testable import PakEssay

/// The fourteenth session's marking changes (the file is numbered after finding review 15), from batch q: a
/// misread question whose own name (the Cripps Mission) stands only in the first and last lines; a prepared answer
/// bent to its question by its headings ("Students and the Lahore Resolution"); a story set by its title, told in
/// the third person.
@Suite struct SessionFifteenTests {
    static let cripps =
        "Q. No. 4 Explain the proposals of the Cripps Mission (1942) and the reasons for their rejection by the "
        + "Congress and the Muslim League."

    /// An answer to the Cripps question whose body is about the Quit India Movement (`relevance-crux`'s own
    /// example of a misread question); `second` replaces its second section's heading and paragraph.
    static func quitIndia(second: (title: String, body: String)? = nil) -> String {
        guard let second else { return RelevanceCrux.misreadCripps }
        let section = """
            The Quit India Resolution:
            On 8 August 1942 the All India Congress Committee passed the Quit India Resolution at Bombay and asked \
            the British to leave India at once. Gandhi gave the call of "Do or Die" to the people of India.
            """
        precondition(RelevanceCrux.misreadCripps.contains(section))
        return RelevanceCrux.misreadCripps.replacingOccurrences(of: section, with: "\(second.title):\n\(second.body)")
    }

    static func crux(_ text: String) throws -> [Finding] {
        try Fixtures.grade(text, rubric: Fixtures.rubric("css-pakistan-affairs")).findings.filter {
            $0.rule == "relevance-crux"
        }
    }

    @Test func aMisreadQuestionsNameStandsOnlyInTheFrame() throws {
        let found = try Self.crux(Self.quitIndia())
        // One finding, charged on every criterion its cap reaches.
        #expect(Set(found.map(\.message)).count == 1)
        #expect(
            found.first?.message
                == "the answer misses the crux of the question: it names 'Cripps Mission' only in the introduction or "
                + "the conclusion, and no paragraph of the body takes it up")
        #expect(found.first?.range.start.line == 3)
        // Capped: the criteria the rule caps keep a third of their marks or so.
        let graded = try Fixtures.grade(Self.quitIndia(), rubric: Fixtures.rubric("css-pakistan-affairs"))
        #expect(graded.marks <= 9)
    }

    @Test func aBodyThatTakesUpTheNameAnswersTheQuestion() throws {
        let proposals = (
            title: "The Proposals of Sir Stafford Cripps",
            body: """
            Cripps offered India dominion status after the war, a constitution-making body elected by the \
            provincial assemblies, and the right of any province to stay out of the new union. The Congress \
            rejected the offer because it gave no real power during the war, and the League because Pakistan \
            was not accepted in clear words.
            """
        )
        #expect(try Self.crux(Self.quitIndia(second: proposals)).isEmpty)
    }

    @Test func aPersonIsNotLookedForByTheNameTheQuestionGivesHim() throws {
        // The question calls him the Quaid-e-Azam; the body calls him Jinnah throughout.
        let text = """
            Q.2 How far did the Fourteen Points of the Quaid-e-Azam prove a turning point in Muslim politics?

            Introduction:
            The Quaid-e-Azam presented his Fourteen Points in March 1929 as the Muslim reply to the Nehru Report, and \
            they became the turning point after which Muslim politics went its own way.

            1. THE NEHRU REPORT
            The Nehru Report of 1928 rejected separate electorates, weightage for minorities and a federal system \
            with residuary powers in the provinces. Jinnah proposed amendments at the Calcutta Convention, and all \
            of them were rejected by a Hindu majority.

            2. THE FOURTEEN POINTS
            In March 1929 Jinnah put forward fourteen demands: a federal constitution, provincial autonomy, separate \
            electorates, one third of the seats in the central legislature for Muslims, and the separation of Sindh \
            from Bombay.

            3. THE PARTING OF THE WAYS
            Jinnah called the rejection of his amendments the parting of the ways. From 1929 the Muslim League never \
            again sought a joint platform with the Congress on the Congress's terms, and the points were its demands \
            at the Round Table Conferences of 1930 to 1932.

            Conclusion:
            The Fourteen Points of the Quaid-e-Azam were a turning point: they gave the Muslims a programme of their \
            own, which the Lahore Resolution of 1940 carried further.
            """
        #expect(try Self.crux(text).isEmpty)
    }

    /// The role of students in the Pakistan Movement, answered with the movement's general history; `students`
    /// is said in every body paragraph when true (`relevance-crux`'s own example of headings bent to the question).
    static func students(inBody: Bool) -> String { RelevanceCrux.bentStudents(inBody: inBody) }

    @Test func headingsBentToTheQuestionDoNotTakeUpItsCrux() throws {
        let found = try Self.crux(Self.students(inBody: false))
        #expect(Set(found.map(\.message)).count == 1)
        #expect(
            found.first?.message
                == "the answer misses the crux of the question: 'students' stands only in the introduction or the "
                + "conclusion and the headings of sections \"Students and the Two Nation Theory\", \"Students and the "
                + "Lahore Resolution\" and \"Students and the Final Phase\", and no paragraph under them uses it")
    }

    @Test func paragraphsThatTakeUpTheCruxAnswerTheQuestion() throws {
        #expect(try Self.crux(Self.students(inBody: true)).isEmpty)
    }

    /// A story set by its title, told in the third person; its middle never names the proverb.
    static let haste = """
        Q.5 Write a story with the title "Haste makes waste".

        Once there was a boy named Bilal who did everything in a hurry. His teachers told him to work slowly and \
        carefully, but he never listened to them.

        On the day of his maths paper Bilal woke up late. He skipped his breakfast, ran to the bus stop and reached \
        the hall just in time.

        He solved every question very quickly, handed in his paper before everyone else and walked out smiling. He \
        did not check a single answer.

        A month later the result came. Bilal had failed in maths because of many small mistakes, and he wept when \
        he saw his marks.

        From that day he checked all his work twice. Haste makes waste, and Bilal had learnt it the hard way.
        """

    @Test func aStorySetByItsTitleIsOnTheQuestion() throws {
        let rubric = try Fixtures.rubric("general-essay")
        let context = try Fixtures.context(Self.haste, rubric: rubric)
        // "Write a story with the title" is the task: the subject is the proverb.
        #expect(!context.questionKeys.contains("write"))
        #expect(!context.questionKeys.contains("story"))
        #expect(!context.questionKeys.contains("title"))
        #expect(context.questionKeys.contains("haste"))
        let found = try Fixtures.grade(Self.haste, rubric: rubric).findings.filter { $0.rule == "relevance-off-topic" }
        #expect(found.isEmpty)
    }

    @Test func factsInThePresentDoNotTellAStory() throws {
        // The same frame round a middle of facts about cricket, told in the present: off the question.
        let middle = SessionThirteenTests.cricket.joined(separator: " ")
        let paragraphs = Self.haste.components(separatedBy: "\n\n")
        let text = ([paragraphs[0], paragraphs[1]] + Array(repeating: middle, count: 3) + [paragraphs[5]])
            .joined(separator: "\n\n")
        let found = try Fixtures.grade(text, rubric: Fixtures.rubric("general-essay")).findings.filter {
            $0.rule == "relevance-off-topic"
        }
        #expect(!found.isEmpty)
    }

    @Test func aQuestionsFocusIsKeptByTheLexiconItIsWorkedOutWith() throws {
        // Two rubrics that share a topic model but not their aspect words never share a question's focus.
        let text = Self.students(inBody: true)
        let plain = try Fixtures.rubric("css-pakistan-affairs")
        var other = plain
        var cues = other.lexicon.cues
        var aspects = cues["aspectWords"] ?? PhraseTable()
        aspects.add("students")
        cues["aspectWords"] = aspects
        other.lexicon.cues = cues
        let before = try Fixtures.context(text, rubric: plain).relevance?.focusTerms
        let after = try Fixtures.context(text, rubric: other).relevance?.focusTerms
        #expect(before == ["students"])
        #expect(after != before)
        #expect(try Fixtures.context(text, rubric: plain).relevance?.focusTerms == before)
    }

    @Test func aNumberedQuestionInCapitalsIsAHeading() throws {
        let text = """
            Q.5 Critically evaluate the ICC.

            1. INTRODUCTION
            The court is weak in some ways and strong in others.

            5. COUNTER-VIEW: IS THE ICC A TOOL OF THE POWERFUL?

            5.1 The charge
            Until 2016 almost all the cases were in Africa.

            6. Why did the court fail in Sudan?
            Its warrant for al-Bashir was never carried out.

            7. Pakistan is not a member of the court and has given many reasons.
            """
        let sections = try Fixtures.parse(text).answers[0].sections
        #expect(
            sections.map(\.title) == [
                "INTRODUCTION", "COUNTER-VIEW: IS THE ICC A TOOL OF THE POWERFUL",
                "Why did the court fail in Sudan",
            ])
        // A numbered sentence that asks nothing stays a paragraph of the section before it.
        #expect(sections[2].paragraphs.count == 2)
    }

    @Test func measuresDoneInThePastOweNoWayForward() throws {
        let rubric = try Fixtures.rubric("css-pakistan-affairs")
        func owed(_ question: String) throws -> [Finding] {
            let text = """
                \(question)

                1. INTRODUCTION
                General Zia-ul-Haq ruled from 1977 to 1988 and made Islamization the basis of his rule.

                2. HUDOOD ORDINANCES
                The Hudood Ordinances of 1979 brought Islamic punishments for theft, adultery and drinking.

                3. CONCLUSION
                In conclusion, the measures changed the law of Pakistan for decades.
                """
            return try Fixtures.grade(text, rubric: rubric).findings.filter {
                ($0.rule == "structure-owed-sections" || $0.rule == "relevance-directive")
                    && $0.message.contains("recommend")
            }
        }
        #expect(
            try owed("Q.6 Describe the Islamization measures introduced by General Zia-ul-Haq (1977-1988).").isEmpty)
        // Asked for in so many words, remedies are owed in a question about the past too.
        #expect(
            try owed("Q.6 Describe Zia-ul-Haq's measures (1977-1988) and suggest remedies for their harm.").isEmpty
                == false)
        #expect(StructureOwedSections.startsWord("suggest countering measures", "counter"))
        #expect(!StructureOwedSections.startsWord("the problems pakistan encounters", "counter"))
    }

    @Test func aJudgmentWeighedUpCloses() throws {
        let text = """
            Q.4 Write an essay on the advantages and disadvantages of the joint family system.

            The joint family has been the normal way of life in Pakistan for centuries, but it has real drawbacks \
            as well as real strengths.

            Its first advantage is security. When a man falls ill or loses his job, his brothers and parents keep \
            his children fed and in school, and nobody is left alone in old age.

            Its chief drawback is the loss of privacy. A young couple shares every room and every decision with a \
            dozen relatives, and small quarrels over the kitchen can grow into bitter disputes.

            Weighing both sides, I believe that the joint family is worth keeping when it is run with fairness and \
            every couple is given some space of its own.
            """
        let context = try Fixtures.context(text, rubric: Fixtures.rubric("general-essay"))
        #expect(context.conclusion?.name == "the last paragraph")
    }

    @Test func theUlemaArePlural() throws {
        let text = """
            Q.6 Describe the Islamization measures of General Zia-ul-Haq.

            Zia gave the religious scholars a new place in the state. The ulema were appointed to the Federal \
            Shariat Court, and the mujahideen were trained in camps near Peshawar.
            """
        let found = try Fixtures.grade(text, rubric: Fixtures.rubric("css-pakistan-affairs")).findings.filter {
            $0.rule == "language-grammar"
        }
        #expect(found.isEmpty)
    }

    @Test func theItemsComparedStopWhereWhatTheyRespondToBegins() throws {
        let items = try #require(
            ComparedItems(
                question: "Q.3 Compare the responses of Germany and Japan to the changed international security "
                    + "environment since 2022."))
        #expect(items.items.map(\.written) == ["Germany", "Japan"])
        // Items written in parallel keep their own words (the glue between them left out).
        let parallel = try #require(ComparedItems(question: "Compare life in villages with life in cities."))
        #expect(parallel.items.map(\.written) == ["life villages", "life cities"])
    }

    @Test func aSiblingEventSharingAWordDoesNotTakeUpTheName() throws {
        // "Mission" of the Cabinet Mission is no mention of the Cripps Mission: the name is looked for by "Cripps".
        let text = Self.quitIndia().replacingOccurrences(
            of: "League grew stronger in the provinces.",
            with: "League grew stronger in the provinces until the Cabinet Mission came in 1946.")
        #expect(Set(try Self.crux(text).map(\.message)).count == 1)
    }

    @Test func aLaterNameCalledTheyIsNoMisreading() throws {
        // An answer on the proposals whose body calls the League "the other party": the question's subject, the
        // Cripps Mission, is in every section.
        let text = """
            \(Self.cripps)

            Introduction:
            The Cripps Mission of 1942 failed because neither the Congress nor the Muslim League could accept its offer.

            The Proposals:
            Sir Stafford Cripps offered India dominion status after the war and a constitution-making body elected by \
            the provincial assemblies. Any province could stay out of the new union and make its own constitution.

            Rejection by the Congress:
            The Congress rejected the Cripps proposals because they gave no real power during the war and because the \
            right of provinces to stay out would divide India. Gandhi called the offer a post-dated cheque.

            Rejection by the Other Party:
            The other party rejected the Cripps offer too, because Pakistan was accepted only by implication and the \
            procedure for a province to stay out was unfair to the Muslims of the Punjab and Bengal.

            Conclusion:
            The Cripps Mission failed, and the Muslim League and the Congress moved further apart.
            """
        #expect(try Self.crux(text).isEmpty)
    }

    @Test func aQuestionInTitleCaseHasNoNamesOfCommonWords() throws {
        // "Role" and "Students" are capitalised as a title is, not as names; with no heading bent to the crux and
        // the students named only in the frame, nothing is charged as a misreading.
        var text = Self.students(inBody: false).replacingOccurrences(of: "Students and the ", with: "The ")
        text = text.replacingOccurrences(
            of: "Discuss the role of students in the Pakistan Movement.",
            with: "Discuss the Role of Students in the Pakistan Movement.")
        #expect(try Self.crux(text).isEmpty)
    }

    @Test func oneBentHeadingIsNotEnough() throws {
        let text = Self.students(inBody: false)
            .replacingOccurrences(of: "Students and the Lahore Resolution", with: "The Lahore Resolution")
            .replacingOccurrences(of: "Students and the Final Phase", with: "The Final Phase")
        #expect(try Self.crux(text).isEmpty)
    }

    @Test func aMemorisedStoryBetweenTwoLinesOnTheTitleIsOffTheQuestion() throws {
        let text = """
            Q.5 Write a story with the title "Haste makes waste".

            Haste makes waste is a famous saying, and we should never do anything in a hurry.

            A dog found a bone in a butcher's shop and ran away with it towards the river near the village.

            On the bridge he looked into the water and saw another dog with a bigger bone in its mouth.

            He barked at the other dog to snatch its bone, and his own bone fell into the river and was lost.

            So the lesson is clear: haste makes waste, and we must think before we act.
            """
        let found = try Fixtures.grade(text, rubric: Fixtures.rubric("general-essay")).findings.filter {
            $0.rule == "relevance-off-topic"
        }
        #expect(Set(found.map(\.message)).count == 1)
        #expect(found.first?.message.hasPrefix("off the question: none of its 3 body paragraphs") == true)
    }

    @Test func recommendationsOfThePastOweNoWayForward() throws {
        let rubric = try Fixtures.rubric("css-pakistan-affairs")
        for question in [
            "Q.3 Describe the recommendations of the Nehru Report (1928) and the Muslim reaction to them.",
            "Q.3 Describe the measures proposed by the Simon Commission (1927).",
        ] {
            let text = """
                \(question)

                1. INTRODUCTION
                The Nehru Report of 1928 and the Simon Commission of 1927 shaped Muslim politics for a decade.

                2. MAIN POINTS
                The report asked for dominion status, joint electorates and a unitary centre in 1928.

                3. MUSLIM REACTION
                Jinnah answered with his Fourteen Points in March 1929, and the Muslims rejected the report.

                4. CONCLUSION
                In conclusion, the report parted the ways of the Congress and the League.
                """
            let found = try Fixtures.grade(text, rubric: rubric).findings.filter {
                $0.rule == "structure-owed-sections" && $0.message.contains("recommendations")
            }
            #expect(found.isEmpty, "\(question)")
        }
        #expect(!StructureOwedSections.startsWord("the measures proposed by the commission", "propose", whole: true))
        #expect(StructureOwedSections.startsWord("propose measures", "propose", whole: true))
    }

    @Test func aLongNumberedQuestionInProseStaysAParagraph() throws {
        let text = """
            Q.2 Evaluate the response to the 2022 floods.

            1. INTRODUCTION
            The floods of 2022 covered a third of the country.

            2. What has the National Disaster Management Authority done with all the money it received?
            The authority spent most of it on tents and food.
            """
        let sections = try Fixtures.parse(text).answers[0].sections
        #expect(sections.map(\.title) == ["INTRODUCTION"])
    }

    @Test func aNameTheQuestionRepeatsIsNamedOnce() throws {
        let text = Self.quitIndia().replacingOccurrences(
            of: Self.cripps,
            with: "Q. No. 4 Explain the proposals of the Cripps Mission (1942). Why did the Cripps Mission fail?")
        let found = try Self.crux(text)
        #expect(
            found.first?.message
                == "the answer misses the crux of the question: it names 'Cripps Mission' only in the introduction or "
                + "the conclusion, and no paragraph of the body takes it up")
    }
}
