import Testing

@testable import PakEssay

/// The signals issue 13 asked for in place of short cue lists: a stance, a conclusion that closes a
/// paragraph, the other side only where the question owes it, a one-sided comparison, and evidence that
/// is not the question's own topic named again.
@Suite struct ExaminerSignalsTests {
    /// An answer with headings whose introduction is `intro`.
    static func headed(_ question: String, intro: String) -> String {
        """
        Q.1 \(question)

        1. INTRODUCTION
        \(intro)

        2. KEY FEATURES
        The plan had twenty points. It set up military courts in January 2015 and banned proscribed groups.

        3. RESULTS
        Terrorist attacks fell by about 70 per cent between 2014 and 2018, according to PIPS.

        4. CONCLUSION
        In conclusion, the plan must now be carried through in full.
        """
    }

    static func thesisFindings(_ intro: String) throws -> [Finding] {
        let text = headed("Evaluate the effectiveness of the National Action Plan against extremism.", intro: intro)
        return try Fixtures.grade(text).findings.filter { $0.rule == "introduction-thesis" }
    }

    @Test(arguments: [
        // A verdict on the question's terms.
        "The National Action Plan was approved in December 2014. Its record against extremism is mixed: it succeeded against organised groups but failed against extremist ideas.",
        // One reading denied to assert another.
        "The National Action Plan was approved in December 2014. Extremism is not a problem of security alone: it is rooted in schools and mosques.",
        // A first-person stance.
        "The National Action Plan was approved in December 2014. I agree that it has been only partly effective.",
    ])
    func aStanceIsAThesis(_ intro: String) throws {
        #expect(try Self.thesisFindings(intro).isEmpty)
    }

    /// A turn against what came before, alone, is no thesis (eighteenth session: on the panel, seven answers whose
    /// only "stance" was a sentence opened by "But", "However" or "Yet", such as "But the birth of Pakistan was
    /// not easy", had introductions the examiners called thesis-less; six of the seven moved toward their marks).
    @Test func aTurnAloneIsNoThesis() throws {
        let found = try Self.thesisFindings(
            "The National Action Plan was approved in December 2014. "
                + "However, its points against extremism were never carried out.")
        #expect(found.map(\.message) == ["the introduction takes no clear position on the question"])
    }

    @Test func praiseAndAPlanAreNoThesis() throws {
        let found = try Self.thesisFindings(
            "The National Action Plan is a very important document in the history of Pakistan. It was approved in December 2014. In this answer the plan will be examined."
        )
        #expect(found.map(\.message) == ["the introduction takes no clear position on the question"])
        #expect(found.map(\.range.start) == [.at(3, 1)])
    }

    static let essay = try! Fixtures.rubric("general-essay")

    @Test func aConclusionThatClosesTheLastParagraphIsAConclusion() throws {
        let text = """
            Q. Is online learning as good as classroom learning?

            Online learning became common during Covid-19, but I think it is not as good as the classroom.

            Firstly, the internet is a big problem in our area and the light goes for many hours every day. Many times the teacher's voice was breaking and we could not understand anything at all.

            Secondly, many students do not have a laptop. In our house there was only one mobile and three of us had to share it, so some days I missed my class completely.

            Online learning has some benefits also. Students can watch lectures again. But in the end I will say that online learning cannot take the place of the classroom.
            """
        let g = try Fixtures.grade(text, rubric: Self.essay)
        #expect(!g.findings.contains { $0.rule == "conclusion-missing" }, "\(g.findings.map(\.message))")
    }

    /// A school essay of three reasons for one side only.
    static func oneSidedEssay(_ question: String, extra: String = "") -> String {
        """
        Q. \(question)

        Plastic bags are everywhere in Pakistan and I believe the government should ban them.

        Firstly, plastic bags block the drains of our cities. In Karachi the drains overflow every monsoon because they are full of bags.

        Secondly, plastic bags kill animals. Cows and goats eat them on the roadside and die slowly.

        Thirdly, plastic takes hundreds of years to decay, so it stays in our soil and rivers for ever.
        \(extra)
        In conclusion, the government should ban plastic bags at once.
        """
    }

    @Test func aYesOrNoQuestionOwesTheOtherSide() throws {
        let g = try Fixtures.grade(Self.oneSidedEssay("Should the government ban plastic bags?"), rubric: Self.essay)
        let found = g.findings.filter { $0.rule == "arguments-counter-view" }
        #expect(
            found.map(\.message) == [
                "the question (a yes-or-no question) owes the other side, but no counter-view or challenge is weighed"
            ])
    }

    @Test func aParagraphThatBringsInTheOtherSideMeetsIt() throws {
        let extra =
            "\nSome people argue that cloth bags are costly for the poor. But cloth bags last for years, so they are cheaper in the end.\n"
        let g = try Fixtures.grade(
            Self.oneSidedEssay("Should the government ban plastic bags?", extra: extra), rubric: Self.essay)
        #expect(!g.findings.contains { $0.rule == "arguments-counter-view" })
    }

    /// A section titled "The Other Side" weighs the other side, whatever follows its colon.
    @Test func aSectionCalledTheOtherSideMeetsIt() throws {
        let text = """
            Q.5 Critically analyse the weakness of local government in Pakistan.

            1. INTRODUCTION
            Local government in Pakistan is weak because provinces keep its powers.

            2. CAUSES
            Provinces delay elections, as Punjab did after 2019, so councils lapse.

            3. THE OTHER SIDE: ACHIEVEMENTS OF LOCAL GOVERNMENT
            The councils of 2015 built streets and schools in many districts.

            4. CONCLUSION
            In conclusion, local government must be protected by the Constitution.
            """
        #expect(OtherSide(try Fixtures.context(text)).hasSection)
        let plain = text.replacingOccurrences(of: "THE OTHER SIDE: ACHIEVEMENTS OF", with: "WORKS OF")
        #expect(!OtherSide(try Fixtures.context(plain)).hasSection)
        // A "Critical view" under "Critically analyse" is the other side: the directive's word is no subject.
        let critical = text.replacingOccurrences(of: "THE OTHER SIDE: ACHIEVEMENTS OF", with: "CRITICAL VIEW OF")
        #expect(OtherSide(try Fixtures.context(critical)).hasSection)
    }

    @Test func aQuestionThatOwesNoOtherSideIsNotChargedForIt() throws {
        let g = try Fixtures.grade(
            Self.oneSidedEssay("Write an essay on the harm done by plastic bags."), rubric: Self.essay)
        #expect(!g.findings.contains { $0.rule == "arguments-counter-view" })
    }

    @Test func aOneSidedComparisonIsNamedAndCapsArgumentsAndEvidence() throws {
        let china = (1...4).map { k in
            "\(k + 1). CHINA POINT \(k)\nChina and Pakistan signed agreement \(k) in 20\(10 + k), worth \(k) billion dollars. China supported Pakistan at the UN because both fear encirclement. As a result, trust between China and Pakistan grew steadily over the years."
        }
        let text = """
            Q.1 Compare the foreign policies of Pakistan towards China and India.

            1. INTRODUCTION
            Pakistan's policy towards China rests on friendship, while towards India it rests on rivalry.

            \(china.joined(separator: "\n\n"))

            6. INDIA
            Relations with India have been tense since 1947.

            India refuses talks on Kashmir.

            7. CONCLUSION
            In conclusion, the two policies differ because of history.
            """
        let g = try Fixtures.grade(text)
        let found = g.findings.filter { $0.rule == "relevance-directive" && $0.criterion == "relevance" }
        #expect(found.count == 1)
        #expect(
            found.first?.message.hasPrefix(
                "the question asks you to compare, but the comparison is one-sided: 'India' gets") == true,
            "\(found.map(\.message))")
        let arguments = try #require(g.criteria.first { $0.id == "arguments" })
        #expect(arguments.score <= 0.6 * arguments.max)
        #expect(g.findings.contains { $0.rule == "relevance-directive" && $0.criterion == "arguments" })
    }

    @Test func theQuestionsOwnInstitutionIsNotASourceAndARepeatIsNotNewSupport() throws {
        let text = """
            Q.1 Analyse the role of the United Nations in maintaining international peace.

            The UN was founded in 1945. The UN has sent peacekeepers to many countries. The UN Security Council is often divided.

            According to the UNDP, UN peacekeeping has saved many lives in Africa. The UNDP also says that the UN needs more money for peace, and the UNDP warns that peacekeepers are too few.
            """
        let g = try Fixtures.grade(text)
        let sources = g.evidence.filter { $0.kind == .source }.map(\.text)
        #expect(!sources.contains("UN"), "\(sources)")
        #expect(sources.filter { $0 == "UNDP" }.count == 1, "\(sources)")
    }

    @Test func vagueSupportIsNotEvidence() throws {
        let text = """
            Q.1 Discuss the causes of terrorism in Pakistan.

            Thousands were arrested after the attacks, and experts warn that many more are at risk. Many reports say that the situation is serious, and several officials said so.
            """
        let g = try Fixtures.grade(text)
        #expect(g.evidence.isEmpty, "\(g.evidence.map(\.text))")
    }

    @Test func aLettersAddressAndSignOffAreNotItsIntroductionAndConclusion() throws {
        let text = """
            Q. Write a letter to your local newspaper on the effects of computers on people.

            To the Editor,
            Daily Dawn, Karachi.

            Sir, through your newspaper I want to say that computers have changed our lives, and I believe mostly for the better.

            Computers help students learn. They can read books online and watch lectures from good teachers for free.

            But computers also waste time. Many children play games for hours and do not sleep on time.

            In conclusion, computers are good if we use them wisely, and parents should guide their children.

            Yours truly,
            Ahmed Raza
            """
        let g = try Fixtures.grade(text, rubric: Self.essay)
        let c = GradingContext(
            answer: try Fixtures.parse(text).answers[0], lexicon: Self.essay.lexicon, expectedWords: 100...2000)
        #expect(c.introduction.map { c.paragraphs[$0.paragraphs[0]].paragraph.text.hasPrefix("Sir, through") } == true)
        #expect(c.conclusion.map { c.paragraphs[$0.paragraphs[0]].paragraph.text.hasPrefix("In conclusion") } == true)
        #expect(
            !c.allArguments.contains { $0.paragraphs.contains { c.paragraphs[$0].paragraph.text.hasPrefix("Yours") } })
        #expect(!g.findings.contains { $0.rule == "conclusion-missing" })
    }

    @Test func aProvisionCitedByNumberIsEvidence() throws {
        let text = """
            Q.1 To what extent has the 18th Amendment strengthened provincial autonomy?

            The amendment gave the provinces their own revenue, as Article 172(3) shares oil and gas equally.
            """
        let g = try Fixtures.grade(text)
        #expect(g.evidence.contains { $0.kind == .named && $0.text == "Article 172" }, "\(g.evidence.map(\.text))")
    }

    /// A conclusion that sets the task ahead looks forward, in the words strong answers used (a sixth of the
    /// panel's strong answers were charged "only looks back" for closing like this); one that sums up does not.
    @Test(arguments: [
        ("The task now is to sustain these reforms out of conviction rather than fear.", true),
        ("For Pakistan, the wiser course is patient engagement: pursue partnership and, in time, membership.", true),
        ("Its strength lies in having many friends, not in choosing one camp.", true),
        ("In conclusion, the plan was a success and terrorism fell.", false),
    ])
    func aConclusionThatSetsTheTaskAheadLooksForward(_ close: String, forward: Bool) throws {
        let text = Self.headed("Evaluate the National Action Plan.", intro: "The plan largely worked.")
            .replacingOccurrences(of: "In conclusion, the plan must now be carried through in full.", with: close)
        let found = try Fixtures.grade(text).findings.filter { $0.rule == "conclusion-forward-look" }
        #expect(found.map(\.message) == (forward ? [] : ["the conclusion only looks back"]))
    }

    /// "To what extent have IMF programmes helped …" answered only with the harms weighs one side: the harms
    /// are the other side, and the claim's case is missing. A section on what the programmes achieved meets it.
    @Test func arguingOnlyAgainstTheClaimIsOneSided() throws {
        let text = """
            Q.2 To what extent have IMF programmes helped Pakistan achieve economic stability?

            1. INTRODUCTION
            IMF programmes have brought Pakistan more hardship than stability since 2023.

            2. HARMS OF IMF PROGRAMMES
            Inflation reached 38 per cent in May 2023 after the rupee was devalued. The policy rate rose to 22 \
            per cent in June 2023, so industry slowed and jobs were lost.

            3. CONCLUSION
            In conclusion, the programmes must be replaced by reforms of our own.
            """
        let found = try Fixtures.grade(text).findings.filter {
            $0.rule == "arguments-counter-view" && $0.message.contains("argues only against its claim")
        }
        #expect(found.map { "\($0.range.start.line):\($0.range.start.column)" } == ["1:1"])
        #expect(found.first?.message.contains("('helped'): section 2 weighs the other side") == true)
        let weighed = text.replacingOccurrences(
            of: "3. CONCLUSION",
            with:
                "3. ACHIEVEMENTS\nThe default was avoided in 2023 and reserves rose to $9 billion by 2024."
                + "\n\n4. CONCLUSION"
        )
        #expect(!(try Fixtures.grade(weighed)).findings.contains { $0.message.contains("argues only against") })
    }

    /// A Pakistan Affairs answer's years before 1900 are dates ("born on 17 October 1817", "in 1838 as a
    /// clerk", "the war of 1857"); a number a noun follows is a count ("an army of 1500 soldiers").
    @Test func yearsOfTheNineteenthCenturyAreDates() throws {
        let text = """
            Q.5 Evaluate the role of the Aligarh Movement.

            Sir Syed was born on 17 October 1817 in Delhi. He joined the Company in 1838 as a clerk. During the \
            war of 1857 he was at Bijnor, where an army of 1500 soldiers had camped.
            """
        let g = try Fixtures.grade(text)
        #expect(g.evidence.filter { $0.kind == .date }.map(\.text) == ["October 1817", "1838", "1857"])
    }

    /// A figure in words is a figure ("two million cases", "below one billion dollars"), and a court case
    /// named by its party is a named fact ("the Dosso case"); "in case of" is neither.
    @Test func figuresInWordsAndNamedCasesAreEvidence() throws {
        let text = """
            Q.2 Evaluate the role of the judiciary in Pakistan.

            Over two million cases are pending, and the courts get below one billion dollars a year. In the \
            Dosso case the court upheld martial law. In case of doubt the judges wait.
            """
        let g = try Fixtures.grade(text)
        #expect(g.evidence.filter { $0.kind == .figure }.map(\.text) == ["two million", "one billion dollars"])
        #expect(g.evidence.filter { $0.kind == .named }.map(\.text) == ["Dosso case"])
    }
}
