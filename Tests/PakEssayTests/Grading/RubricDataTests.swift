import Foundation
import Testing

@testable import PakEssay

/// Thresholds and word lists that were written in Swift live in the rubric: a tutor's rubric that sets
/// one changes what pakessay does, and the shipped rubrics give the old values.
@Suite struct RubricDataTests {
    /// A tutor's rubric in a folder of its own that extends the default one with `keys` of its own, loaded.
    static func rubric(_ keys: String) throws -> Rubric {
        let folder = try RubricTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = #"{"format": 1, "extends": "css-current-affairs", "id": "mine", "version": "1", "# + keys + "}"
        let path = folder.appendingPathComponent("mine.json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        return try RubricLoader.load(path: path)
    }

    /// The grading context of the first answer of a text under a rubric.
    static func context(_ text: String, _ rubric: Rubric) throws -> GradingContext {
        try Fixtures.context(text, rubric: rubric)
    }

    /// An answer whose second section opens with a one-paragraph lead of 17 words before its subsections.
    static let lead = """
        Q.1 Discuss the prospects of CPEC for Pakistan.

        1. INTRODUCTION
        CPEC offers Pakistan trade, energy and jobs, because Chinese money builds roads and power plants.

        2. PROSPECTS
        CPEC offers Pakistan many prospects in trade and energy, as the two parts below show in turn.

        2.1 Trade
        Gwadar port handled more ships in 2023 because the new roads link it with the north.

        2.2 Energy
        Coal and solar plants added 8,000 megawatts by 2020, so load-shedding fell in the cities.

        3. CONCLUSION
        In conclusion, CPEC can lift Pakistan's economy if its projects are finished on time.
        """

    @Test func leadWordsDecideWhenASectionsLeadIsAPointOfItsOwn() throws {
        let names = { (r: Rubric) in try Self.context(Self.lead, r).allArguments.map(\.name) }
        #expect(try names(Fixtures.rubric) == ["section 2.1", "section 2.2"])
        #expect(try names(Self.rubric(#""parts": {"leadWords": 15}"#)) == ["section 2", "section 2.1", "section 2.2"])
    }

    /// A letter without headings whose last paragraph, eight words, is its courtesy line.
    static let letter = """
        Q. Write a letter to the editor about the garbage in your area.

        Sir,

        Through the column of your newspaper I want to draw attention to the garbage in our street. \
        It is becoming worse every week, and nobody comes to take it away.

        The garbage lies in heaps near the school gate. Children walk past it every morning, flies cover it \
        in the afternoon, and the smell reaches the houses at night. Last month two children fell ill.

        I request the municipal committee to send its vans twice a week and to fine those who throw \
        garbage into the street, so that our area is clean again.

        I hope that you will publish my letter.

        Yours truly,
        A.B.C.
        """

    @Test func courtesyWordsDecideWhatALettersCloseIs() throws {
        #expect(try Self.context(Self.letter, Fixtures.rubric).conclusion?.name == "the letter's close")
        let strict = try Self.rubric(#""parts": {"courtesyWords": 5}"#)
        #expect(strict.lexicon.partSettings.courtesyWords == 5)
        #expect(try Self.context(Self.letter, strict).conclusion?.name == "the last paragraph")
    }

    /// CPEC in an answer comparing Pakistan's policies towards China and India is a topic the question
    /// touches (see `RelevanceTests.aSectionOnATopicTheQuestionTouchesIsNotNamed`); with a `touchedShare`
    /// no second topic reaches, it is set against CPEC as against any far topic.
    @Test func touchedShareDecidesWhichTopicsAQuestionTouches() throws {
        let text = String(decoding: Fixtures.sample("panel/a11.txt"), as: UTF8.self)
        let drifts = { (r: Rubric) in
            try Fixtures.grade(text, rubric: r).findings.filter { $0.rule == "relevance-section-drift" }.map(\.message)
        }
        #expect(try drifts(Fixtures.rubric).isEmpty)
        let found = try drifts(Self.rubric(#""relevance": {"touchedShare": 1}"#))
        #expect(found.contains { $0.hasPrefix("section 2.3") }, "\(found)")
    }

    /// The local-government answer of `ExaminerSignalsTests.aSectionCalledTheOtherSideMeetsIt`, its third
    /// section titled `title`, answering `question`.
    static func localGovernment(
        _ title: String, question: String = "Critically analyse the weakness of local government in Pakistan."
    ) -> String {
        """
        Q.5 \(question)

        1. INTRODUCTION
        Local government in Pakistan is weak because provinces keep its powers.

        2. CAUSES
        Provinces delay elections, as Punjab did after 2019, so councils lapse.

        3. \(title)
        The councils of 2015 built streets and schools in many districts.

        4. CONCLUSION
        In conclusion, local government must be protected by the Constitution.
        """
    }

    @Test func otherSideStemsDecideWhichTitlesWeighTheOtherSide() throws {
        let works = Self.localGovernment("WORKS OF LOCAL GOVERNMENT")
        let drawbacks = Self.localGovernment("DRAWBACKS OF LOCAL GOVERNMENT")
        #expect(!OtherSide(try Self.context(works, Fixtures.rubric)).hasSection)
        #expect(OtherSide(try Self.context(drawbacks, Fixtures.rubric)).hasSection)
        let mine = try Self.rubric(#""words": {"otherSideStems": ["work"]}"#)
        #expect(OtherSide(try Self.context(works, mine)).hasSection)
        #expect(!OtherSide(try Self.context(drawbacks, mine)).hasSection)
    }

    /// "Critical" is the question's own word here, yet a title that takes it up weighs the other side: it is
    /// a stem of `directiveStems`, a word that asks for appraisal rather than naming a subject.
    @Test func directiveStemsLetTheDirectivesWordNameTheOtherSide() throws {
        let critical = Self.localGovernment(
            "CRITICAL VIEW OF LOCAL GOVERNMENT", question: "Give a critical appraisal of local government in Pakistan.")
        #expect(OtherSide(try Self.context(critical, Fixtures.rubric)).hasSection)
        let mine = try Self.rubric(#""words": {"directiveStems": ["apprais"]}"#)
        #expect(!OtherSide(try Self.context(critical, mine)).hasSection)
    }

    /// The default rubric copied, with `relevance-directive` given `params`.
    static func directiveParams(_ params: String) throws -> Rubric {
        let rubrics = try TopicModelCacheTests.rubricCopy()
        defer { try? FileManager.default.removeItem(at: rubrics.deletingLastPathComponent()) }
        let path = rubrics.appendingPathComponent("css-current-affairs.json").path
        let old = """
            "rule": "relevance-directive",
                      "weight": 2
            """
        try RubricCacheTests.edit(path, old, old + ",\n          \"params\": " + params)
        return try RubricLoader.load(path: path)
    }

    @Test func narratingRolesDecideWhichPartsMayNarrate() throws {
        let told = RelevanceDirective.simla(body: "BACKGROUND", "HISTORICAL BACKGROUND")
        let narrates = { (r: Rubric) in
            try Fixtures.grade(told, rubric: r).findings.contains { $0.message.contains("in sequence") }
        }
        #expect(try !narrates(Fixtures.rubric))
        #expect(try narrates(Self.directiveParams(#"{"narratingRoles": []}"#)))
    }
}
