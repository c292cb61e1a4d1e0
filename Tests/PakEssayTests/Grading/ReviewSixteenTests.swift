import Testing

@testable import PakEssay

/// Findings the fifteenth finding review judged false that still fired at the fifteenth session's end (batch q),
/// each pinned where it no longer fires beside the case that still fires; and the rule examples of
/// relevance-crux's newer paths.
@Suite struct ReviewSixteenTests {
    // MARK: 1. evidence-examples on a description, a letter and a story (q07, q08, q10); q09's "from … to …"

    @Test func aDescriptionWithDetailsInAllItsParagraphsButOneIsFullOfDetail() throws {
        // q07: five paragraphs, four with a name, the fifth a scene told in common nouns (the milkman).
        #expect(
            try Fixtures.findings(
                ReviewFifteenTests.bazaar(paragraphs: 5, detailed: 4), rule: "evidence-examples",
                rubric: "general-essay"
            ).isEmpty)
        #expect(
            Fixtures.placed(
                try Fixtures.findings(
                    ReviewFifteenTests.bazaar(paragraphs: 5, detailed: 3), rule: "evidence-examples",
                    rubric: "general-essay"))
                == [
                    """
                    3:1 only 3 paragraphs give a concrete detail (a name, a place, a number, a list of things); a \
                    letter, a description or a story that shows its matter gives one in 4 or more
                    """
                ])
    }

    /// A short letter asking for money (q08): a greeting, a request, its news and a close; its three paragraphs
    /// of matter name a place or a sum when `detailed`.
    static func letter(detailed: Bool) -> String {
        let (city, sum, test) =
            detailed ? ("to Lahore", "3500 rupees", "in Maths") : ("to the city", "some money", "in one subject")
        return """
            Q.4 Write a letter to your father requesting him to send you money for a study tour.

            Dear Father,
            Assalam o Alaikum. I am fine here and I hope that you and my mother are also fine at home. I am \
            writing this letter to you for an important piece of work {{}}.

            Our school is going on a study tour \(city) next month with all the students of our class and our \
            teachers. The fee of the tour is \(sum) and we have to pay it by the end of this week.

            I am studying very hard for the exams and I got good marks \(test) in the last test of our class. \
            The weather here is very cold and the food of the hostel is not good.

            Please reply soon.

            Your loving son
            """.replacingOccurrences(of: " {{}}", with: "")
    }

    @Test func aLetterIsNotOwedMoreDetailedParagraphsThanItHas() throws {
        #expect(
            try Fixtures.findings(Self.letter(detailed: true), rule: "evidence-examples", rubric: "general-essay")
                .isEmpty)
        // The same letter naming no place, sum or subject: the request and the news give no detail.
        #expect(
            Fixtures.placed(
                try Fixtures.findings(Self.letter(detailed: false), rule: "evidence-examples", rubric: "general-essay"))
                == [
                    """
                    3:1 only 1 paragraph gives a concrete detail (a name, a place, a number, a list of things); a \
                    letter, a description or a story that shows its matter gives one in 2 or more
                    """
                ])
    }

    @Test func aSpanFromOneDoingToAnotherIllustratesAPoint() throws {
        let c = try Fixtures.context(
            """
            Q. Write an essay on the joint family system.

            Every decision, from buying a car to choosing a child's school, becomes a matter for the whole family.

            From time to time the family meets, and from morning to evening the house is busy.

            Everything changes, from living together to living apart.
            """,
            rubric: try Fixtures.rubric("general-essay"))
        #expect(EvidenceExamples.spansDoings(c, sentence: 0))
        // Neither "from time to time" nor "from morning to evening" spans two doings.
        #expect(!EvidenceExamples.spansDoings(c, sentence: 1))
        // One doing twice is no span of two.
        #expect(!EvidenceExamples.spansDoings(c, sentence: 2))
    }

    // MARK: 2. structure-paragraphing on a four-paragraph letter (q08)

    @Test func aLettersGreetingMatterAndCloseAreItsParagraphs() throws {
        #expect(
            try Fixtures.findings(Self.letter(detailed: true), rule: "structure-paragraphing", rubric: "general-essay")
                .isEmpty)
        // The letter's matter run into its greeting: two paragraphs are too few for a letter too.
        let run = Self.letter(detailed: true).replacingOccurrences(of: "work.\n\nOur school", with: "work. Our school")
            .replacingOccurrences(of: "week.\n\nI am studying", with: "week. I am studying")
        #expect(
            Fixtures.placed(try Fixtures.findings(run, rule: "structure-paragraphing", rubric: "general-essay"))
                == ["3:1 the answer is 2 paragraphs: the points share paragraphs"])
        // An essay of four paragraphs still owes five.
        let essay = Self.letter(detailed: true).replacingOccurrences(
            of: "Q.4 Write a letter to your father requesting him to send you money for a study tour.",
            with: "Q.4 Write an essay on study tours.")
        #expect(
            Fixtures.placed(try Fixtures.findings(essay, rule: "structure-paragraphing", rubric: "general-essay"))
                .count == 1)
    }

    // MARK: 3. conclusion-length after a story's moral (q10)

    /// A story of Bilal's hurried paper whose last paragraph is `ending`, closed by a moral line.
    static func haste(ending: String) -> String {
        """
        Q.5 Write a story with the title "Haste makes waste".

        Once there was a boy named Bilal. He was a student of class nine in a Government High School. He was an \
        intelligent boy but he always did his work in a hurry, and he never listened to his teachers.

        One day there was his maths paper. Bilal woke up late and ran to the bus stop without his breakfast. He \
        solved all the questions very quickly and gave his paper before everyone else.

        \(ending)

        Moral: Haste makes waste.
        """
    }

    @Test func aStorysMoralClosesItsEnding() throws {
        let ending = """
            When the result came Bilal had failed in maths because he made many mistakes in his hurry and did not \
            check his paper. He was very sad and he wept. After that he did all his work carefully.
            """
        #expect(
            try Fixtures.findings(Self.haste(ending: ending), rule: "conclusion-length", rubric: "general-essay")
                .isEmpty)
        // A last turn of one short sentence and the moral are still a hurried ending, said where the ending starts.
        #expect(
            Fixtures.placed(
                try Fixtures.findings(
                    Self.haste(ending: "Bilal failed."), rule: "conclusion-length", rubric: "general-essay"))
                == ["9:1 the ending and its moral are only 6 words long"])
    }

    // MARK: 4. arguments-underdeveloped on a dense subsection of 38 words (q05)

    /// A CSS answer on the ICC whose section 2.2 is three sentences under 40 words; its second sentence is
    /// `second`.
    static func icc(second: String) -> String {
        """
        Q.5 Critically evaluate the achievements of the International Criminal Court.

        1. INTRODUCTION
        The International Criminal Court has narrowed impunity for the gravest crimes, but it has not ended it, \
        because the great powers stay outside its reach.

        2. ACHIEVEMENTS
        2.1 Individual accountability
        In 2012 the Court convicted Thomas Lubanga of recruiting child soldiers, and in 2019 it sentenced Bosco \
        Ntaganda to 30 years. Dominic Ongwen was sentenced to 25 years in 2021. These verdicts proved that \
        warlords can be tried.

        2.2 Wider crimes
        In 2016 Ahmad al-Mahdi became the first person convicted for destroying cultural heritage at Timbuktu. \
        \(second) Such judgments have enriched international criminal law.

        3. CONCLUSION
        In conclusion, the Court has achieved much within its limits, and its reach will grow only when the great \
        powers accept its jurisdiction.
        """
    }

    @Test func aShortSubsectionWithTwoFactsIsDeveloped() throws {
        let dense = Self.icc(second: "The Ongwen judgment also convicted him of forced pregnancy for the first time.")
        #expect(
            try Fixtures.findings(dense, rule: "arguments-underdeveloped", rubric: "css-current-affairs").isEmpty)
        // The same three sentences with one fact: short and thin.
        let thin = Self.icc(second: "The court also convicted him of forced pregnancy for the first time.")
        #expect(
            Fixtures.placed(
                try Fixtures.findings(thin, rule: "arguments-underdeveloped", rubric: "css-current-affairs"))
                == ["10:1 section 2.2 is only 34 words long"])
    }

    // MARK: 6. relevance-crux's rule examples for its newer paths

    @Test func relevanceCruxShowsAnExampleOfEachPath() throws {
        let firing = RelevanceCrux.description.examples.filter(\.fires)
        #expect(firing.count == 4)
        let rubric = try Fixtures.rubric("css-pakistan-affairs")
        let misread = try Fixtures.grade(RelevanceCrux.misreadCripps, rubric: rubric).findings.filter {
            $0.rule == "relevance-crux"
        }
        #expect(
            Set(Fixtures.placed(misread)) == [
                """
                3:1 the answer misses the crux of the question: it names 'Cripps Mission' only in the introduction or \
                the conclusion, and no paragraph of the body takes it up
                """
            ])
        let bent = try Fixtures.grade(RelevanceCrux.bentStudents(inBody: false), rubric: rubric).findings.filter {
            $0.rule == "relevance-crux"
        }
        #expect(
            Set(Fixtures.placed(bent)) == [
                """
                3:1 the answer misses the crux of the question: 'students' stands only in the introduction or the \
                conclusion and the headings of sections "Students and the Two Nation Theory", "Students and the \
                Lahore Resolution" and "Students and the Final Phase", and no paragraph under them uses it
                """
            ])
        #expect(
            try Fixtures.grade(RelevanceCrux.bentStudents(inBody: true), rubric: rubric).findings.filter {
                $0.rule == "relevance-crux"
            }.isEmpty)
    }

    // MARK: 7. ComparedItems keeps a noun's "to" phrase whole

    @Test func aNounThatTakesToKeepsItsPhrase() throws {
        let right = try #require(
            ComparedItems(question: "Compare the freedom of the press with the right to information."))
        #expect(right.items.map(\.written) == ["press", "right information"])
        let access = try #require(
            ComparedItems(question: "Contrast the trade of China with Pakistan's access to Central Asian markets."))
        #expect(access.items.map(\.written).last == "Pakistan access Central Asian markets")
        // A "to" after the second item's name still opens what both respond to.
        let responses = try #require(
            ComparedItems(question: "Compare the responses of Germany and Japan to the changed security environment."))
        #expect(responses.items.map(\.written) == ["Germany", "Japan"])
    }
}
