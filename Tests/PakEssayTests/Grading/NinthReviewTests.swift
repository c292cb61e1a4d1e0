import Testing

@testable import PakEssay

/// False findings of finding review 9 (batch k of the panel), each pinned with the case that must still fire.
@Suite struct NinthReviewTests {
    static let redSea = """
        Q. No. 2 Discuss the causes of the Red Sea shipping crisis and its implications for Pakistan.

        1. INTRODUCTION:
        The Red Sea is one of the busiest sea lanes of the world. Since November 2023 the Houthis have attacked \
        merchant ships. The crisis shows that a non-state actor with cheap drones can disrupt global trade. \
        This answer discusses its causes and implications.

        2. MARITIME SECURITY ROLE:
        The Pakistan Navy has continued its Regional Maritime Security Patrols and deployed ships in the \
        Arabian Sea to protect Pakistani shipping. This has raised Pakistan's standing as a maritime nation.

        3. CONCLUSION:
        The crisis will ease only when the war in Gaza ends, and Pakistan must protect its trade meanwhile.
        """

    /// "The crisis shows that …" about the question's terms takes a position; a plain account does not.
    @Test func aSentenceThatShowsWhatTheCrisisMeansIsAThesis() throws {
        let graded = try Fixtures.grade(Self.redSea)
        #expect(!graded.findings.contains { $0.rule == "introduction-thesis" })
        let told = Self.redSea.replacingOccurrences(
            of: "The crisis shows that a non-state actor with cheap drones can disrupt global trade.",
            with: "Ships from many countries pass through it every day.")
        let f = try #require(try Fixtures.grade(told).findings.first { $0.rule == "introduction-thesis" })
        #expect(f.range.start.line == 3 && f.message == "the introduction takes no clear position on the question")
    }

    /// A named operation ending in "Patrols" is a named fact; a section with none fires.
    @Test func aNamedPatrolIsEvidence() throws {
        let graded = try Fixtures.grade(Self.redSea)
        #expect(graded.evidence.contains { $0.kind == .named && $0.text == "Regional Maritime Security Patrols" })
        #expect(!graded.findings.contains { $0.rule == "evidence-missing-in-section" && $0.range.start.line == 6 })
        let bare = Self.redSea.replacingOccurrences(
            of: "The Pakistan Navy has continued its Regional Maritime Security Patrols and deployed ships",
            with: "The navy has continued its patrols and deployed ships")
        let f = try #require(try Fixtures.grade(bare).findings.first { $0.rule == "evidence-missing-in-section" })
        #expect(f.range.start.line == 6)
        #expect(f.message == "section 2 makes its claim with no fact, figure or source")
    }

    static let bengal = """
        Q.3 Analyse the causes of the Partition of Bengal in 1905 and the impact of its annulment in 1911.

        Introduction:
        The Partition of Bengal was done by Lord Curzon in 1905 and annulled in 1911. Both events changed Muslim \
        politics, because the annulment taught the Muslims that they needed a party of their own.

        Causes of the Partition:
        Bengal was too large a province to govern from Calcutta, and the plan divided it in October 1905.

        Conclusion:
        To conclude, the partition was made for administrative reasons but it benefited the Muslims of East \
        Bengal. The annulment proved that the Hindus and Muslims had different interests.
        """

    /// Under a question on the past, "the annulment proved that …" is a verdict the conclusion may close on.
    @Test func aCloseThatSaysWhatTheEventsProvedIsAVerdict() throws {
        let rubric = try Fixtures.rubric("css-pakistan-affairs")
        let graded = try Fixtures.grade(Self.bengal, rubric: rubric)
        #expect(!graded.findings.contains { $0.rule == "conclusion-forward-look" })
        let retold = Self.bengal.replacingOccurrences(
            of: "The annulment proved that the Hindus and Muslims had different interests.",
            with: "The annulment came in December 1911 at the Delhi Durbar.")
        let f = try #require(
            try Fixtures.grade(retold, rubric: rubric).findings.first { $0.rule == "conclusion-forward-look" })
        #expect(f.range.start.line == 9)
    }

    static let integration = """
        Q. No. 6 Critically examine the challenges to national integration in Pakistan. How can they be overcome?

        National integration means that the people of all provinces feel that the state is theirs. In Pakistan \
        it remains weak, because ethnic and provincial grievances have been met with force more than with justice.

        The language question divided the country from the start. Bengalis resented Urdu as the only state \
        language, and in Sindh the language riots of 1972 set Sindhis against Urdu speakers. In Balochistan the \
        killing of Akbar Bugti in 2006 turned a sense of deprivation into an insurgency. Each grievance was a \
        failure of the federation to share power and resources fairly among its units.

        Integration will come only when the NFC award and the Council of Common Interests give every province \
        its due, and when the state listens before it uses force.
        """

    /// National integration is a topic of its own: its ethnic and linguistic grievances are the question's
    /// matter, not a drift into Balochistan.
    @Test func ethnicGrievancesServeAQuestionOnNationalIntegration() throws {
        let graded = try Fixtures.grade(Self.integration, rubric: try Fixtures.rubric("css-pakistan-affairs"))
        #expect(graded.relevance?.topics.first == "national-integration")
        #expect(graded.relevance?.drifting.isEmpty == true)
        #expect(!graded.findings.contains { $0.rule == "relevance-section-drift" })
    }

    static let farRight = """
        Q.5 Discuss the causes of the rise of far-right populism in Europe and its implications for the European Union.

        Far-right parties have risen across Europe because of immigration, economic insecurity and distrust of \
        elites. The National Rally in France and the AfD in Germany now win a quarter of the vote.

        Their rise divides the European Union: they oppose migration pacts, common borrowing and sanctions, and \
        they slow every decision that needs unanimity in the European Council.

        The European Union will hold only if its mainstream parties answer the fears the far right feeds on.
        """

    /// Pakistan's relations with the EU (GSP+, the 2004 agreement) are not aspects of a question on Europe's
    /// own politics; asked about Pakistan and the EU, an answer is still told what it leaves out.
    @Test func aQuestionOnEuropeIsNotAskedAboutPakistansRelationsWithIt() throws {
        // The relations' side is the thesaurus's data (`side: Pakistan`), kept with the model.
        let model = Fixtures.rubric.lexicon.topicModel
        let sided = model.topics.filter { $0.side != nil }
        #expect(
            sided.map(\.id) == [
                "pak-us", "pak-china", "pak-india", "pak-afghanistan", "pak-iran", "pak-gulf",
                "pak-russia", "europe",
            ])
        #expect(sided.allSatisfy { $0.side == "Pakistan" })
        #expect(model.topics.first { $0.id == "kashmir" }?.side == nil)
        let read = try #require(TopicModel.decode(model.compiled(hash: 5), hash: 5))
        #expect(read.topics.map(\.side) == model.topics.map(\.side))
        #expect(!(try Fixtures.grade(Self.farRight)).findings.contains { $0.rule == "relevance-missing-aspects" })
        let asked = Self.farRight.replacingOccurrences(
            of: "Q.5 Discuss the causes of the rise of far-right populism in Europe and its implications for the "
                + "European Union.",
            with: "Q.5 Analyse the relations of Pakistan with the European Union.")
        let f = try #require(try Fixtures.grade(asked).findings.first { $0.rule == "relevance-missing-aspects" })
        #expect(f.message.hasPrefix("nothing on "), "\(f.message)")
    }

    /// A thesaurus `side` line names one side of a relation; it lists no terms, is one name, and comes once.
    @Test(
        arguments: [
            (["side: Pakistan", "terms: trade"], nil),
            (["terms: trade", "side:  Pakistan "], nil),
            (["terms: trade"], nil),
            (["side: Pakistan"], "t.txt:1: the topic [x] has no terms"),
            (["side:", "terms: trade"], "t.txt:2: expected `side: name` (one name)"),
            (["side: Pakistan, India", "terms: trade"], "t.txt:2: expected `side: name` (one name)"),
            (["side: Pakistan", "side: India", "terms: trade"], "t.txt:3: the topic [x] has two `side` lines"),
            (
                ["sides: Pakistan"],
                "t.txt:2: unknown line 'sides' (known: terms, actors, places, institutions, events, side)"
            ),
        ] as [([String], String?)])
    func aSideLineIsReadOnce(_ body: [String], expected: String?) {
        var model = TopicModel()
        let lines = [(line: 1, text: "[x] Pakistan-X relations")] + body.enumerated().map { (line: $0 + 2, text: $1) }
        do throws(RubricError) {
            try model.addTopics(lines, path: "t.txt", file: "r.json", key: "lexicons.topics")
            #expect(expected == nil, "read, where '\(expected ?? "")' was expected")
            let side = body.contains { $0.hasPrefix("side") } ? "Pakistan" : nil
            #expect(model.rawTopics.map(\.side) == [side])
        } catch {
            #expect(error.message == "r.json: at lexicons.topics: " + (expected ?? "(no error)"))
        }
    }
}
