import Testing

@testable import PakEssay

/// Every answer shape read as an examiner reads it (issue 13, item 1): an outline block before the
/// introduction, mixed-case `Title:` headings, Markdown depth relative to the main headings, mixed
/// numbering styles, and the parts of answers without headings.
@Suite("Answer shapes")
struct AnswerShapeTests {
    static let outlined = """
        OUTLINE:
        1. Introduction
        2. Monetary causes
        3. Fuel prices
        4. Social media
        5. Way forward
        6. Conclusion

        1. Introduction
        Pakistan must act strategically to tame inflation, which reached 38 per cent in May 2023.

        2. Monetary Causes
        The State Bank printed money to finance the deficit in 2022.

        3. Fuel Prices
        Oil rose to $120 a barrel in 2022.

        4. Way Forward
        The government should cut the deficit.

        5. Conclusion
        In conclusion, inflation can be controlled if the state acts now.
        """

    @Test("an OUTLINE: block before the introduction is the answer's outline, not headings or a section")
    func outlineBlock() throws {
        let answer = try Transcript.body(Self.outlined)
        #expect(
            answer.outline.map(\.text) == [
                "1. Introduction", "2. Monetary causes", "3. Fuel prices", "4. Social media",
                "5. Way forward", "6. Conclusion",
            ])
        #expect(answer.outline.map(\.position) == [.at(4, 1), .at(5, 1), .at(6, 1), .at(7, 1), .at(8, 1), .at(9, 1)])
        #expect(answer.outline.map(\.sectionLabel) == ["1", "2", "3", nil, "4", "5"])
        #expect(
            answer.sections.map(\.title) == [
                "Introduction", "Monetary Causes", "Fuel Prices", "Way Forward", "Conclusion",
            ])
        #expect(answer.sections.map(\.position) == [.at(11, 1), .at(14, 1), .at(17, 1), .at(20, 1), .at(23, 1)])
        #expect(answer.stats.outlineItems == 6)
        #expect(answer.diagnostics.isEmpty)
    }

    @Test("an underlined Outline of the answer with one-line blocks, before an introduction without a heading")
    func outlineBlocksBeforeUntitledIntroduction() throws {
        let answer = try Transcript.body(
            """
            {==Outline of the answer==}

            Introduction

            Monetary causes

            Conclusion

            Pakistan must act strategically to tame inflation, which reached 38 per cent in May 2023. It can.

            MONETARY CAUSES
            The State Bank printed money to finance the deficit in 2022.
            """)
        #expect(answer.outline.map(\.text) == ["Introduction", "Monetary causes", "Conclusion"])
        #expect(answer.outline.map(\.position) == [.at(5, 1), .at(7, 1), .at(9, 1)])
        #expect(answer.outline.map(\.subsectionIndex) == [0, 1, nil])
        #expect(answer.sections.map(\.title) == [nil, "MONETARY CAUSES"])
        #expect(answer.sections[0].position == .at(11, 1))
    }

    @Test("the body's first heading, after a blank line, ends an outline it repeats")
    func outlineEndsAtRepeatedHeading() throws {
        let answer = try Transcript.body(
            """
            Outline

            Introduction

            Causes

            Introduction
            Pakistan must act now. The crisis has deepened since 2022 and the state must respond.
            """)
        #expect(answer.outline.map(\.text) == ["Introduction", "Causes"])
        #expect(answer.sections.map(\.title) == ["Introduction"])
        #expect(answer.sections[0].position == .at(9, 1))
    }

    @Test("a section titled Outline followed by prose is not an outline block")
    func outlineTitleOverProse() throws {
        let answer = try Transcript.body(
            "OUTLINE\nThis answer first explains the causes and then the cures of inflation in Pakistan.")
        #expect(answer.outline.isEmpty)
        #expect(answer.sections.map(\.title) == ["OUTLINE"])
    }

    @Test(
        "structure rules see the answer's outline: no missing introduction, no order finding, undeveloped points named")
    func outlineGraded() throws {
        let graded = try Fixtures.grade(Transcript.questionLine + "\n\n" + Self.outlined)
        let rules = graded.findings.map(\.rule)
        #expect(!rules.contains("introduction-missing"))
        #expect(!rules.contains("structure-order"))
        let outline = graded.findings.filter { $0.rule == "structure-outline" }
        #expect(outline.map(\.message) == ["outline point 4 (\"4. Social media\") is never developed"])
        #expect(outline.map(\.range.start) == [.at(7, 1)])
    }

    @Test("a mixed-case Title: line followed by a paragraph is a heading")
    func phraseHeadings() throws {
        let answer = try Transcript.body(
            """
            Introduction:
            Pakistan's foreign policy faces many challenges.

            Hostile Relations with India:
            Relations with India have been hostile since 1947.

            Afghanistan and Border Security:

            The Taliban takeover of 2021 brought new risks.

            Conclusion:
            In conclusion, Pakistan must balance its relations.
            """)
        #expect(
            answer.sections.map(\.title) == [
                "Introduction", "Hostile Relations with India", "Afghanistan and Border Security", "Conclusion",
            ])
        #expect(answer.sections.map(\.position) == [.at(3, 1), .at(6, 1), .at(9, 1), .at(13, 1)])
        #expect(answer.sections.map(\.form) == [.roleName, .phrase, .phrase, .roleName])
        #expect(answer.sections.map(\.level) == [1, 1, 1, 1])
    }

    @Test("a short title-case line with no colon, followed by a paragraph, is a heading")
    func titleCaseHeadings() throws {
        let answer = try Transcript.body(
            """
            Introduction
            The war started in February 2022 and shook the world economy.
            Background of the War
            Russia and Ukraine have quarrelled since 2014 over Crimea.
            Impact on Oil Prices
            Oil prices rose above 120 dollars a barrel in June 2022.
            """)
        #expect(answer.sections.map(\.title) == ["Introduction", "Background of the War", "Impact on Oil Prices"])
        #expect(answer.sections.map(\.form) == [.roleName, .phrase, .phrase])
        #expect(answer.sections.map(\.position) == [.at(3, 1), .at(5, 1), .at(7, 1)])
    }

    @Test("a line in sentence case, a signature or a line with a comma is not a title-case heading")
    func titleCaseFalsePositives() throws {
        let answer = try Transcript.body(
            """
            Pakistan faces many challenges today.
            The economy is weak
            Inflation has risen sharply because the rupee fell in 2023.
            Daily Dawn, Karachi
            The letter continues here with a full sentence of prose.
            """)
        #expect(answer.sections.map(\.title) == [nil])
    }

    @Test("a short line in sentence case heads the paragraph after it, in an answer that has other headings")
    func sentenceCaseHeadings() throws {
        let answer = try Transcript.body(
            """
            Pakistan and America have been allies and rivals by turns since 1954.

            Pakistan China relations

            China has stood by Pakistan in every war and built the Karakoram Highway.

            America and India

            America signed a nuclear deal with India in 2008 and brought it into the QUAD.
            """)
        #expect(answer.sections.map(\.title) == [nil, "Pakistan China relations", "America and India"])
        #expect(answer.sections.map(\.position) == [.at(3, 1), .at(5, 1), .at(9, 1)])
        #expect(answer.sections.map(\.form) == [nil, .phrase, .phrase])
    }

    @Test("a short sentence-case line over prose in its own block is a heading, in an answer with other headings")
    func sentenceCaseHeadingOverItsParagraph() throws {
        let answer = try Transcript.body(
            """
            Background
            The Cabinet Mission reached Delhi in March 1946 with a plan to keep India united.

            Critical view
            Some historians say that the demand for Pakistan was a bargaining counter and nothing more.
            """)
        #expect(answer.sections.map(\.title) == ["Background", "Critical view"])
        #expect(answer.sections.map(\.position) == [.at(3, 1), .at(6, 1)])
        #expect(
            answer.sections[1].paragraphs.map(\.text) == [
                "Some historians say that the demand for Pakistan was a bargaining counter and nothing more."
            ])
    }

    @Test("a short question in sentence or title case, with or without its question mark, heads the prose after it")
    func questionHeadings() throws {
        let answer = try Transcript.body(
            """
            Introduction

            Pakistan is among the ten countries most exposed to a warming climate in the world.

            What is Climate Change

            Climate change is the long change in the temperature and weather of the earth since 1850.

            Why is Pakistan exposed?

            Pakistan lies under the glaciers of the north and beside a warming sea in the south.
            """)
        #expect(answer.sections.map(\.title) == ["Introduction", "What is Climate Change", "Why is Pakistan exposed"])
        #expect(answer.sections.map(\.position) == [.at(3, 1), .at(7, 1), .at(11, 1)])
    }

    @Test("a question in capitals alone in its block over prose, after headings in capitals, is a main heading")
    func capitalQuestionHeading() throws {
        let answer = try Transcript.body(
            """
            INTRODUCTION

            SAARC was created in Dhaka in 1985 with the hope of regional peace and trade.

            FAILURES OF SAARC

            Role of India
            India wants to dominate the smaller countries of South Asia and boycotted the 2016 summit.

            CAN SAARC BE REVIVED?

            SAARC can be revived if India changes its attitude and attends the Islamabad summit.

            CONCLUSION

            In conclusion, SAARC has failed because of the hegemonic role of India.
            """)
        #expect(
            answer.sections.map(\.title) == ["INTRODUCTION", "FAILURES OF SAARC", "CAN SAARC BE REVIVED", "CONCLUSION"])
        #expect(answer.sections.map(\.level) == [1, 1, 1, 1])
        #expect(answer.sections[2].form == .capitals)
        #expect(answer.sections[2].position == .at(12, 1))
        #expect(answer.sections[1].sections.map(\.title) == ["Role of India"])
        #expect(answer.sections[1].sections[0].paragraphs.count == 1)
        // Among mixed-case headings it is a main heading too, not a subsection of the one before it.
        let mixed = try Transcript.body(
            """
            Introduction
            SAARC was created in Dhaka in 1985 with the hope of regional peace and trade.

            Failures of SAARC:
            India boycotted the 2016 summit in Islamabad, and no summit has been held since.

            WHY DID SAARC FAIL?

            SAARC failed because its charter keeps bilateral disputes such as Kashmir off its agenda.
            """)
        #expect(mixed.sections.map(\.title) == ["Introduction", "Failures of SAARC", "WHY DID SAARC FAIL"])
        #expect(mixed.sections.map(\.level) == [1, 1, 1])
    }

    @Test("a shouted question in prose, a row of acronyms, the question again or a question over a list stays prose")
    func capitalQuestionFalsePositives() throws {
        let answer = try Transcript.body(
            """
            DISCUSS THE CAUSES OF THE ENERGY CRISIS IN PAKISTAN?

            Pakistan has faced load shedding since 2007 because its circular debt keeps growing.

            CAUSES

            The plants burn imported oil, and the price of oil rose after 2021.
            WHO WILL PAY FOR THIS?
            The consumer pays through the bill, and the poor pay the most for it.

            IPPS AND CPEC?

            Private power producers are paid for capacity whether they produce power or not.

            IS THERE A WAY OUT?

            - cut line losses
            - renegotiate the contracts
            """)
        #expect(answer.sections.map(\.title) == [nil, "CAUSES"])
        #expect(answer.sections[0].paragraphs.map(\.words) == [9, 13])
        #expect(answer.sections[1].paragraphs.map(\.words) == [32, 3, 13, 5, 3, 3])
        // Without another heading, or first in an answer without a question line, no heading.
        let plain = try Transcript.body(
            """
            Pakistan has faced load shedding since 2007 because its circular debt keeps growing.

            IS THERE A WAY OUT?

            The way out is to renegotiate the contracts and cut line losses in the distribution companies.
            """)
        #expect(plain.sections.map(\.title) == [nil])
        #expect(plain.sections[0].paragraphs.count == 3)
        let unasked = try Transcript.answer(
            """
            WHY DOES PAKISTAN FACE LOAD SHEDDING?

            Pakistan has faced load shedding since 2007 because its circular debt keeps growing.

            CAUSES

            The plants burn imported oil, and the price of oil rose after 2021.
            """)
        #expect(unasked.sections.map(\.title) == [nil, "CAUSES"])
    }

    @Test("a title line over its bullet list, or alone over numbered headings from 1, is a heading that holds them")
    func titleOverListOrNumberedHeadings() throws {
        let answer = try Transcript.body(
            """
            Introduction
            The Shanghai Cooperation Organisation was formed in 2001, and Pakistan joined it in 2017.

            Benefits for Pakistan

            1. Security cooperation
            Through the Regional Anti-Terrorist Structure Pakistan can share intelligence with its neighbours.

            2. Connectivity
            The organisation links Pakistan with the Central Asian republics and their oil and gas.

            The Way Forward
            - Pakistan should use the organisation's meetings to talk to India.
            - Pakistan should offer Gwadar to the Central Asian republics.

            Conclusion
            In conclusion, the organisation has benefited Pakistan more in security than in trade.
            """)
        #expect(
            answer.sections.map(\.title) == ["Introduction", "Benefits for Pakistan", "The Way Forward", "Conclusion"])
        #expect(answer.sections.map(\.level) == [1, 1, 1, 1])
        #expect(answer.sections[1].sections.map(\.title) == ["Security cooperation", "Connectivity"])
        #expect(answer.sections[1].sections.map(\.level) == [2, 2])
        #expect(answer.sections[2].paragraphs.map(\.isBullet) == [true, true])
    }

    @Test("an outline's last short line over the first point, or a title over bullets with no other heading, stays")
    func titleOverListOrNumberedHeadingsFalsePositives() throws {
        let answer = try Transcript.body(
            """
            CAUSES OF EXTREMISM:

            Poverty and unemployment

            Foreign interference

            a) Poverty and Unemployment

            Poverty is the mother of all evils, and young people without jobs become frustrated.

            b) Foreign Interference

            The Afghan war brought weapons, drugs and the Kalashnikov culture to Pakistan.
            """)
        #expect(answer.sections.map(\.title) == ["CAUSES OF EXTREMISM"])
        #expect(answer.sections[0].outline.map(\.text) == ["Poverty and unemployment", "Foreign interference"])
        #expect(answer.sections[0].sections.map(\.title) == ["Poverty and Unemployment", "Foreign Interference"])
        let unheaded = try Transcript.body(
            """
            Pakistan faces an energy crisis because its power costs more than its people can pay.

            The way forward
            - renegotiate the contracts with the private power producers
            - cut the line losses of the distribution companies
            """)
        #expect(unheaded.sections.map(\.title) == [nil])
        #expect(unheaded.sections[0].paragraphs.count == 4)
    }

    @Test("without other headings, a sentence-case line alone in its block between paragraphs of prose is a heading")
    func sentenceCaseHeadingBetweenProse() throws {
        let answer = try Transcript.body(
            """
            In 1989 the freedom struggle started in occupied Kashmir, and thousands of young men took up arms.

            Impact on relations

            Because of Kashmir, Pakistan and India have fought wars and spent their money on defence.
            """)
        #expect(answer.sections.map(\.title) == [nil, "Impact on relations"])
        #expect(answer.sections[1].position == .at(5, 1))
        let first = try Transcript.body(
            """
            Impact on relations

            Because of Kashmir, Pakistan and India have fought wars and spent their money on defence.
            """)
        #expect(first.sections.map(\.title) == [nil])
        let inBlock = try Transcript.body(
            """
            In 1989 the freedom struggle started in occupied Kashmir, and thousands of young men took up arms.

            Impact on relations
            Because of Kashmir, Pakistan and India have fought wars and spent their money on defence.

            Long live Pakistan
            """)
        #expect(inBlock.sections.map(\.title) == [nil])
        #expect(inBlock.sections[0].paragraphs.count == 3)
    }

    @Test("the panel answers whose headings were read as paragraphs read as the panel's examiners read them")
    func panelHeadingsFound() throws {
        func sections(_ name: String) throws -> [Section] {
            let text = String(decoding: Fixtures.sample("panel/\(name).txt"), as: UTF8.self)
            return try #require(Transcript.parse(text).answers.first).sections
        }
        let h05 = try sections("h05")
        #expect(h05.map(\.title).suffix(2) == ["CAN SAARC BE REVIVED", "CONCLUSION"])
        #expect(h05.map(\.level).suffix(2) == [1, 1])
        #expect(try sections("d02").map(\.title).contains("The Way Forward"))
        let d03 = try #require(try sections("d03").first { $0.title == "Benefits for Pakistan" })
        #expect(d03.sections.count == 6)
        #expect(try sections("e06").map(\.title) == [nil, "Impact on relations"])
    }

    @Test("a one-line sentence, a wrapped line of prose, a letter's lines or a quotation over prose stay prose")
    func sentenceCaseOverProseFalsePositives() throws {
        let answer = try Transcript.body(
            """
            Background
            The plan was put forward in May 1946 by the three ministers.

            It failed.

            The League withdrew its acceptance in July and called for direct action in August.

            Relief for the victims of the
            Floods in Sindh came late, and it came from friendly countries more than from the state.

            Flood relief from friendly countries
            Reached Sindh and Balochistan within a few weeks.

            Dear Sir
            I wish to draw your attention to the heaps of garbage that lie in our street every day.

            Yours truly
            Ahmed Ali, who writes this letter from Lahore on a rainy day in the month of June.

            "Unity faith and discipline"
            These were the words the Quaid gave the nation as its motto for the years to come.

            What we must do
            We must unite as a nation and work hard to build the country that the Quaid wanted.
            """)
        #expect(answer.sections.map(\.title) == ["Background"])
        #expect(answer.sections[0].paragraphs.count == 9)
    }

    @Test("a sentence-case line over prose in its block is no heading in an answer that has no other heading")
    func sentenceCaseOverProseWithoutOtherHeadings() throws {
        let answer = try Transcript.body(
            """
            Pakistan faces many challenges today, and the economy leads them all.

            Critical view
            Some historians say that the demand for Pakistan was a bargaining counter and nothing more.
            """)
        #expect(answer.sections.map(\.title) == [nil])
    }

    @Test("a letter's address and salutation in title case are not headings")
    func aLettersAddressAndSalutationAreNotHeadings() throws {
        let answer = try Transcript.body(
            """
            Examination Hall
            A.B.C City
            15 May 2026

            Dear Hamza
            Assalam o Alaikum. I am fine here and hope you are also fine by the grace of Allah.

            Our summer vacations start next week and I want you to spend them with us in the village.

            Your Sincere Friend
            A.B.C
            """)
        #expect(answer.sections.map(\.title) == [nil])
        // A title-case line over a sentence is still a heading.
        let headed = try Transcript.body(
            """
            Pakistan faces many challenges today.

            Background of the War
            Russia and Ukraine have quarrelled since 2014 over Crimea.
            """)
        #expect(headed.sections.map(\.title) == [nil, "Background of the War"])
    }

    @Test("numbered points that start at 1 under an unnumbered capitals heading are its subsections")
    func numberedPointsUnderACapitalsHeading() throws {
        let answer = try Transcript.body(
            """
            INTRODUCTION
            Pakistan has gone to the IMF again and again since 1958.

            HOW IMF PROGRAMMES HAVE HARMED PAKISTAN
            1. Inflation
            Prices rose to 38 percent in May 2023.
            2. High Interest Rate
            The policy rate reached 22 percent in June 2023.

            WAY FORWARD
            Pakistan must widen its tax base.
            """)
        #expect(
            answer.sections.map(\.title) == ["INTRODUCTION", "HOW IMF PROGRAMMES HAVE HARMED PAKISTAN", "WAY FORWARD"])
        #expect(answer.sections[1].sections.map(\.title) == ["Inflation", "High Interest Rate"])
        #expect(answer.sections[1].sections.map(\.level) == [2, 2])
        // Under an introduction, which never holds the body, numbered headings stay main headings.
        let framed = try Transcript.body(
            """
            INTRODUCTION
            Pakistan has gone to the IMF again and again since 1958.

            1. Inflation
            Prices rose to 38 percent in May 2023.
            2. High Interest Rate
            The policy rate reached 22 percent in June 2023.
            """)
        #expect(framed.sections.map(\.level) == [1, 1, 1])
    }

    @Test("a line in sentence case is no heading alone, in a list of short lines, or as a letter's close")
    func sentenceCaseFalsePositives() throws {
        let alone = try Transcript.body(
            """
            Pakistan faces many challenges today.

            Hard work pays off

            Every student who works hard in school reaches the goals set for the year.
            """)
        #expect(alone.sections.map(\.title) == [nil])
        let listed = try Transcript.body(
            """
            CAUSES OF EXTREMISM

            Poverty and unemployment

            Madrassah education

            Foreign interference and the long war in Afghanistan next door to us.

            Yours sincerely

            Ahmed Ali, who writes this letter from Lahore on a rainy day in June.
            """)
        #expect(listed.sections.map(\.title) == ["CAUSES OF EXTREMISM"])
    }

    @Test("a sentence ending in a colon before a list, a quotation or a long line is not a heading")
    func phraseFalsePositives() throws {
        let answer = try Transcript.body(
            """
            The main causes are the following:
            Poverty leads the list.

            Poverty and Illiteracy:
            - Poverty
            - Illiteracy

            As the Quaid put it:
            "Pakistan must be friends with all."

            This is a long line that runs on and on and should never be taken as a heading at all:
            More text follows here.
            """)
        #expect(answer.sections.map(\.title) == [nil])
    }

    @Test("a Title: heading under a capital heading is its subsection; under an introduction it is not")
    func phraseNesting() throws {
        let answer = try Transcript.body(
            """
            INTRODUCTION
            Pakistan faces many challenges.

            CAUSES OF EXTREMISM
            Extremism has many causes.

            Poverty and Unemployment:
            Poor districts supply most recruits.
            """)
        #expect(answer.sections.map(\.title) == ["INTRODUCTION", "CAUSES OF EXTREMISM"])
        #expect(try answer.sections.at(1).sections.map(\.title) == ["Poverty and Unemployment"])
        #expect(try answer.sections.at(1).sections.at(0).level == 2)
    }

    @Test("# Introduction is a sibling of ## 1. Causes; depth is relative to the main headings")
    func markdownLevels() throws {
        let answer = try Transcript.body(
            """
            # Introduction
            Extremism has deep roots.

            ## 1. Causes
            Poverty feeds extremism.

            ### 1.1 Poverty
            Poor districts supply recruits.

            ## 2. Way Forward
            The state must act.

            # Conclusion
            In conclusion, it can be reversed.
            """)
        #expect(answer.sections.map(\.title) == ["Introduction", "Causes", "Way Forward", "Conclusion"])
        #expect(answer.sections.map(\.level) == [1, 1, 1, 1])
        #expect(answer.sections.map(\.position) == [.at(3, 1), .at(6, 1), .at(12, 1), .at(15, 1)])
        #expect(try answer.sections.at(1).sections.map(\.number) == ["1.1"])
        #expect(try answer.sections.at(1).sections.at(0).level == 2)
    }

    @Test("mixed numbering styles are peers, reported once")
    func mixedNumbering() throws {
        let answer = try Transcript.body(
            """
            I. Introduction
            Inflation is high.

            2. Monetary Causes
            Money grew.

            (a) Printing
            The bank printed money.

            3. Fuel Prices
            Oil rose.

            IV. Conclusion
            In conclusion, act now.
            """)
        #expect(answer.sections.map(\.number) == ["I", "2", "3", "IV"])
        #expect(answer.sections.map(\.level) == [1, 1, 1, 1])
        #expect(try answer.sections.at(1).sections.map(\.number) == ["(a)"])
        #expect(
            answer.diagnostics == [
                Diagnostic(
                    rule: "numbering-mixed", severity: .warning, position: .at(6, 1),
                    message: "heading 2 is numbered in a different style from the headings before it")
            ])
    }

    /// A main heading in a new style that carries on the main count stands beside the main headings, not
    /// under the subsection open above it, whether the subsections are lettered (`(b)`) or the main headings
    /// Roman; a subsection in a new style still carries on the subsections; each answer is told once.
    @Test("a new style that carries on the main count is a main heading, not a subsection of the last one")
    func mainCountCarriedOnInAnotherStyle() throws {
        let lettered = try Transcript.body(
            """
            1. Introduction
            Inflation is high.

            2. Causes
            (a) Monetary
            The bank printed money.

            (b) Fiscal
            The deficit grew.

            iii. Structural
            Exports stayed flat.

            C. Effects
            The poor suffered.

            D. Conclusion
            In conclusion, act now.
            """)
        #expect(lettered.sections.map(\.number) == ["1", "2", "C", "D"])
        #expect(lettered.sections.map(\.level) == [1, 1, 1, 1])
        #expect(try lettered.sections.at(1).sections.map(\.number) == ["(a)", "(b)", "iii"])
        #expect(Transcript.diagnostics(lettered, "numbering-mixed").map(\.position) == [.at(13, 1)])
        let roman = try Transcript.body(
            "I. Introduction\nInflation is high.\n\nII. Causes\n(a) Monetary\nMoney grew.\n\n"
                + "(b) Fiscal\nThe deficit grew.\n\n3. Effects\nThe poor suffered.\n\n4. Conclusion\nAct now.")
        #expect(roman.sections.map(\.number) == ["I", "II", "3", "4"])
        #expect(try roman.sections.at(1).sections.map(\.number) == ["(a)", "(b)"])
    }

    /// A conclusion numbered in a main style not yet open (`I. Conclusion` after `4. Way forward`) is a main
    /// heading beside the others, with the one `numbering-mixed` warning, not a subsection of the way forward.
    @Test func aConclusionInANewMainStyleIsAMainHeading() throws {
        let answer = try Transcript.body(
            "1. Introduction\nInflation is high.\n\n2. Way forward\nCut the deficit.\n\n"
                + "I. Conclusion\nIn conclusion, act now.")
        #expect(answer.sections.map(\.number) == ["1", "2", "I"])
        #expect(answer.sections.map(\.level) == [1, 1, 1])
        #expect(answer.sections.last?.role == .conclusion)
        #expect(Transcript.diagnostics(answer, "numbering-mixed").map(\.position) == [.at(9, 1)])
    }

    @Test("a numbered main heading after I. Introduction is its peer, not its subsection")
    func numberedAfterRomanIntroduction() throws {
        let answer = try Transcript.body(
            "I. Introduction\nInflation is high.\n\n1. Causes\nMoney grew.\n\n2. Cures\nCut the deficit.")
        #expect(answer.sections.map(\.number) == ["I", "1", "2"])
        #expect(Transcript.diagnostics(answer, "numbering-mixed").map(\.position) == [.at(6, 1)])
    }

    static func context(_ body: String) throws -> GradingContext {
        let answer = try Transcript.body(body)
        return GradingContext(
            answer: answer, lexicon: Fixtures.rubric.lexicon, expectedWords: Fixtures.rubric.expectedWords)
    }

    static let developed =
        "Inflation rose to 38 per cent in 2023 because the State Bank printed money to pay the deficit. "
        + "As a result, prices of food, fuel and medicine climbed in every city and district of the country. "
        + "Therefore the poor lost the most, and the savings of the middle class lost much of their value too."

    @Test("without headings, the first paragraph introduces and a last paragraph that takes up its terms concludes")
    func partsWithoutHeadings() throws {
        let c = try Self.context(
            """
            Inflation in Pakistan hurts households and threatens stability. This answer explains its causes.

            \(Self.developed)

            Households and stability suffer while inflation runs high in Pakistan, and the state must act now.
            """)
        #expect(c.introduction?.paragraphs == [0])
        #expect(c.conclusion?.paragraphs == [2])
        #expect(c.conclusion?.range.start == .at(7, 1))
        #expect(c.arguments.map(\.paragraphs) == [[1]])
        let body = try Self.context(
            """
            Inflation in Pakistan hurts households and threatens stability. This answer explains its causes.

            \(Self.developed)

            On the other hand, critics blame global oil markets and the war in Ukraine for most of it.
            """)
        #expect(body.conclusion == nil)
    }

    @Test("three developed paragraphs under one heading are three arguments; two stay one")
    func developedParagraphsAreArguments() throws {
        let three = try Self.context(
            "1. INTRODUCTION\nThis answer explains.\n\n2. CAUSES\n\(Self.developed)\n\n\(Self.developed)\n\nA short aside.\n\n\(Self.developed)"
        )
        #expect(three.allArguments.map(\.paragraphs) == [[1], [2, 3], [4]])
        #expect(three.allArguments.map(\.range.start) == [.at(6, 1), .at(9, 1), .at(13, 1)])
        let two = try Self.context(
            "1. INTRODUCTION\nThis answer explains.\n\n2. CAUSES\n\(Self.developed)\n\n\(Self.developed)")
        #expect(two.allArguments.map(\.paragraphs) == [[1, 2]])
    }

    /// A section's own text before its subsections is an argument when it is long (100 words or more); a
    /// short lead that only introduces them is not.
    @Test func aLongLeadBeforeSubsectionsIsAnArgument() throws {
        let lead = Array(repeating: "Fake news spreads fast on social media and the law cannot catch it.", count: 8)
            .joined(separator: " ")
        let long = try Self.context(
            "1. INTRODUCTION\nThis answer explains.\n\n2. FAKE NEWS\n\(lead)\n\n2.1 Efforts\n\(Self.developed)")
        #expect(long.allArguments.map(\.paragraphs) == [[1], [2]])
        #expect(long.allArguments.first?.range.start == .at(6, 1))
        let short = try Self.context(
            "1. INTRODUCTION\nThis answer explains.\n\n2. FAKE NEWS\nIt has two sides.\n\n"
                + "2.1 Efforts\n\(Self.developed)"
        )
        #expect(short.allArguments.map(\.paragraphs) == [[2]])
    }

    /// A bullet point's wrapped line, indented under it, is part of the point, not a paragraph that opens in
    /// lowercase; a line that is not indented still starts a paragraph of its own.
    @Test func aBulletsIndentedWrappedLineGoesOnWithIt() throws {
        let text = """
            Q.1 Discuss the case for joining BRICS.

            1. ARGUMENTS
            - Economic: access to NDB financing would reduce reliance on the IMF,
              under whose programmes Pakistan has long remained.
            - Trade: members are large trading partners.
            Not indented, so a paragraph of its own.
            """
        let answer = try #require(try Fixtures.parse(text).answers.first)
        let paragraphs = answer.sections[0].paragraphs
        #expect(paragraphs.count == 3)
        #expect(paragraphs[0].range.start == SourcePosition(line: 4, column: 1))
        #expect(paragraphs[0].range.end.line == 5)
        #expect(paragraphs[0].text.hasSuffix("IMF, under whose programmes Pakistan has long remained."))
        #expect(paragraphs[1].isBullet && paragraphs[1].words == 6)
        #expect(paragraphs[2].text == "Not indented, so a paragraph of its own.")
        let graded = try Fixtures.grade(text)
        #expect(!graded.findings.contains { $0.rule == "language-lowercase-start" && $0.range.start.line == 5 })
    }

    /// Numbered and lettered points whose sentences wrap onto unindented lines: each signal on its own.
    static let wrappedPoints = """
        Q.1 Suggest measures to improve tax collection in Pakistan.

        1. MEASURES
        (a) Broaden the base: traders and landlords should be brought into the net through a simple scheme,
        so that the salaried class no longer carries the whole burden.
        (b) Digitise collection: every point-of-sale terminal in a large shop should be linked to the FBR system
        within two years.
        (c) Free the board: the FBR should be made independent of the
        Finance Ministry and staffed on merit
        (d) Punish evasion: penalties should be raised and the names of evaders published.
        2. Political will
        the government must find the courage to tax its own supporters.
        """

    /// A numbered point that runs on as a sentence is a paragraph of its own, its label left out of its text,
    /// and its wrapped line goes on with it: it ends on a comma (a), its "title" is far longer than a heading and
    /// the next line goes on in lowercase (b), it ends on a word that leaves a phrase open (c), or it is the
    /// point after one whose sentence was left open (d). A short heading over a lowercase line is a heading.
    @Test func aNumberedPointThatWrapsIsAPointWithItsText() throws {
        let answer = try #require(try Fixtures.parse(Self.wrappedPoints).answers.first)
        #expect(answer.sections.map(\.title) == ["MEASURES", "Political will"])
        #expect(answer.stats.headings == 2)
        let points = answer.sections[0].paragraphs
        #expect(points.map(\.range.start.line) == [4, 6, 8, 10])
        #expect(points.map(\.range.end.line) == [5, 7, 9, 10])
        #expect(
            points.map { $0.text.prefix(16) } == [
                "Broaden the base", "Digitise collect", "Free the board: ",
                "Punish evasion: ",
            ])
        #expect(points[0].text.hasSuffix("scheme, so that the salaried class no longer carries the whole burden."))
        #expect(points[0].range.start == SourcePosition(line: 4, column: 1))
        #expect(points.allSatisfy { !$0.isBullet })
        #expect(answer.sections[0].sections.isEmpty)
        #expect(answer.sections[1].paragraphs.first?.text.hasPrefix("the government must") == true)
        let graded = try Fixtures.grade(Self.wrappedPoints)
        let lowercase = graded.findings.filter { $0.rule == "language-lowercase-start" }.map(\.range.start.line)
        #expect(!lowercase.contains { (4...10).contains($0) })
    }

    /// A point ends where its last line ends a sentence well short of the width: the line after it opens a
    /// paragraph of its own; decimal points (`3.1`) read as lettered ones do.
    @Test func aLineAfterAFinishedPointStartsAParagraph() throws {
        let answer = try Transcript.body(
            """
            3. WAY FORWARD
            3.1 Seek observer status first, as several smaller states have done, which leaves less room for a
            veto by any one member.
            3.2 Tie the engagement to trade and finance rather than to ideology, so that old partners in the West
            are not alarmed.
            These steps are modest. They ask for patience more than for money, and the state can take them now.
            """)
        let paragraphs = answer.sections[0].paragraphs
        #expect(paragraphs.map(\.range.start.line) == [4, 6, 8])
        #expect(paragraphs.map(\.words) == [21, 21, 19])
        #expect(paragraphs[0].text.hasPrefix("Seek observer status"))
        #expect(paragraphs[2].text.hasPrefix("These steps are modest."))
        #expect(answer.stats.headings == 1)
    }

    /// Lines that open with a number or a letter but are prose keep their words: a bare number without a
    /// delimiter (`3 million`), a decimal figure (`1.5 million`), initials (`A. Q. Khan`), and a point label
    /// over a lowercase word.
    @Test func proseThatOpensWithANumberIsNotAPoint() throws {
        let answer = try Transcript.body(
            """
            The floods of 2022 displaced families across the south of the country.
            3 million people lost their homes in Sindh alone.
            1.5 million of them were children.
            A. Q. Khan once warned of such neglect.
            """)
        #expect(answer.allParagraphs.count == 1)
        let text = try #require(answer.allParagraphs.first?.text)
        #expect(text.contains("across the south of the country. 3 million people"))
        #expect(text.contains("alone. 1.5 million of them were children. A. Q. Khan once"))
    }
}
