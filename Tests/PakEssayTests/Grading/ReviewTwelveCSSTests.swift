import Foundation
import Testing

@testable import PakEssay

/// Findings the twelfth finding review (batch n, CSS answers n01-n06) judged false, each pinned where it no
/// longer fires beside the case that still fires.
@Suite struct ReviewTwelveCSSTests {
    static func findings(_ text: String, rule: String, rubric: String? = nil) throws -> [Finding] {
        let graded = try rubric.map { try Fixtures.grade(text, rubric: Fixtures.rubric($0)) } ?? Fixtures.grade(text)
        return graded.findings.filter { $0.rule == rule }
    }

    // MARK: conclusion-forward-look (n04 line 45, n02 line 49)

    /// An answer on the NFC award whose conclusion ends with `closing`.
    static func award(closing: String) -> String {
        """
        Q.1 Examine the 7th NFC Award of 2009 and its impact on fiscal federalism in Pakistan.

        1. INTRODUCTION
        The 7th NFC Award of 2009 raised the provinces' share of the divisible pool and changed fiscal federalism \
        in Pakistan.

        2. SHARES
        The provincial share rose from 47.5 per cent to 57.5 per cent in 2010-11.

        3. CONCLUSION
        The award was a landmark of fiscal federalism. \(closing)
        """
    }

    @Test func aConclusionThatSaysWhatCannotBeSolvedWithoutLooksAhead() throws {
        let ahead = Self.award(
            closing:
                """
                The federal crisis cannot be solved without a new award, and the realistic path is to match the \
                provinces' share with responsibilities.
                """)
        #expect(try Self.findings(ahead, rule: "conclusion-forward-look").isEmpty)
        let back = Self.award(closing: "The provinces gained most from it in the years that followed 2010.")
        let found = try Self.findings(back, rule: "conclusion-forward-look")
        #expect(found.map(\.message) == ["the conclusion only looks back"])
        #expect(found.first?.range.start.line == 9)
    }

    /// An answer on the Lahore Resolution (a question about the past) whose conclusion ends with `closing`.
    static func resolution(closing: String) -> String {
        """
        Q.1 Evaluate the significance of the Lahore Resolution of 1940.

        1. INTRODUCTION
        The resolution was the turning point of the Muslim struggle.

        2. DEMAND
        It demanded independent states in 1940.

        3. CONCLUSION
        To conclude, the resolution was passed in Lahore. \(closing)
        """
    }

    @Test func ourDutyDrawsTheLessonOfThePast() throws {
        let lesson = Self.resolution(closing: "It is our duty to make Pakistan the welfare state the Quaid dreamed of.")
        #expect(try Self.findings(lesson, rule: "conclusion-forward-look").isEmpty)
        let told = Self.resolution(closing: "It was moved by Fazlul Haq on 23 March.")
        let found = try Self.findings(told, rule: "conclusion-forward-look")
        #expect(found.map(\.message) == ["the conclusion neither gives a verdict on the question nor draws its lesson"])
        #expect(found.first?.range.start.line == 9)
    }

    // MARK: structure-owed-sections (n01)

    /// An answer on the G20 whose sections 2-4 close with `crisis`, `quota` and `debt`, and whose section 3 then
    /// says `extra`.
    static func g20(crisis: String, quota: String, debt: String, extra: String = "") -> String {
        """
        Q.1 Critically evaluate the role of the G20 in global economic governance since 2008.

        1. INTRODUCTION
        The G20 has been a strong crisis committee since 2008 but a weak government of the world economy.

        2. CRISIS MANAGEMENT
        In April 2009 the leaders pledged $1.1 trillion to the IMF and the World Bank. \(crisis)

        3. QUOTA CHANGES
        In 2010 the G20 agreed to shift 6 per cent of IMF quota shares to emerging economies. \(quota)\(extra)

        4. DEBT
        The Debt Service Suspension Initiative of 2020 suspended $12.9 billion of payments. \(debt)

        5. TAXATION
        In 2021 about 136 countries agreed to a global minimum tax of 15 per cent on large companies under the \
        OECD and G20 project.

        6. CONCLUSION
        On balance, the G20 has been a useful committee in emergencies and a weak one in normal times.
        """
    }

    static let weighedCrisis = "The pledge calmed the markets, but much of the money was never drawn."
    static let weighedQuota = "But the US Congress delayed it until 2015, which shows the limits of the forum."
    static let weighedDebt = "Yet the Common Framework failed Zambia, which waited until 2023 for a deal."
    static let passingMessage =
        """
        the question (critically evaluate) needs the other side weighed in a section of its own, but the answer \
        weighs it only in passing
        """

    @Test func sectionsThatEachWeighTheirLimitsMeetCriticallyEvaluate() throws {
        let weighed = Self.g20(crisis: Self.weighedCrisis, quota: Self.weighedQuota, debt: Self.weighedDebt)
        let found = try Self.findings(weighed, rule: "structure-owed-sections").map(\.message)
        #expect(!found.contains(Self.passingMessage))
        // One section of four that turns to the other side weighs it only in passing.
        let passing = Self.g20(
            crisis: "The pledge calmed the markets within months.", quota: "The change took effect in January 2016.",
            debt: "However, the Common Framework followed it in November 2020.")
        let charged = try Self.findings(passing, rule: "structure-owed-sections")
        #expect(charged.map(\.message).contains(Self.passingMessage))
        #expect(charged.first?.range.start == SourcePosition(line: 1, column: 1))
    }

    @Test func recommendationsAreScatteredOnlyWhereTheAnswerAdvises() throws {
        // "reform", "reforms" and "measures" report what was done: nothing is recommended, so nothing scattered.
        let reported = Self.g20(
            crisis: Self.weighedCrisis, quota: Self.weighedQuota, debt: Self.weighedDebt,
            extra: " The reform of the IMF and the reforms of the World Bank were measures of the crisis years.")
        let none = try Self.findings(reported, rule: "structure-owed-sections")
        #expect(
            none.map(\.message) == ["the question needs recommendations, but the answer has no way-forward section"])
        #expect(none.first?.range.start == SourcePosition(line: 1, column: 1))
        let advised = Self.g20(
            crisis: Self.weighedCrisis, quota: Self.weighedQuota, debt: Self.weighedDebt,
            extra: " The G20 should finish the reform of the IMF, and it must bind private creditors to its measures.")
        let scattered = try Self.findings(advised, rule: "structure-owed-sections")
        #expect(
            scattered.map(\.message) == [
                "the question needs recommendations in a way-forward section, but the answer scatters them"
            ])
    }

    // MARK: evidence-missing-in-section (n03 lines 15, 21, 24)

    /// An answer on the Indian Ocean whose section 3 says `india`.
    static func ocean(india: String) -> String {
        """
        Q.1 Analyse the strategic significance of the Indian Ocean in the rivalry between China and India.

        1. INTRODUCTION
        The Indian Ocean carries the trade and the oil of both China and India, and each wants to lead in it.

        2. CHINA'S PORTS
        China imports 70 per cent of its oil by sea and built Gwadar under CPEC in 2015.

        3. INDIA'S RESPONSE
        \(india)

        4. CONCLUSION
        In conclusion, the Indian Ocean will remain the centre of the rivalry between China and India.
        """
    }

    @Test func namedPortsCommandsAndStraitsAreSomeSupport() throws {
        let named = Self.ocean(
            india:
                """
                India has gained access to ports such as Chabahar in Iran and has developed the Andaman and Nicobar \
                Command near the Strait of Malacca.
                """)
        #expect(try Self.findings(named, rule: "evidence-missing-in-section").isEmpty)
        // evidence-density is not made more generous: the names are not counted as its evidence.
        let graded = try Fixtures.grade(named)
        #expect(!graded.evidence.contains { $0.text.contains("Chabahar") || $0.text.contains("Malacca") })
        // One named thing is not enough.
        let one = Self.ocean(
            india: "India has built the Andaman and Nicobar Command and wants to be the leading power of the region.")
        let found = try Self.findings(one, rule: "evidence-missing-in-section")
        #expect(found.map(\.message) == ["section 3 makes its claim with no fact, figure or source"])
        #expect(found.first?.range.start.line == 9)
    }

    // MARK: structure-wall-of-text (n06 line 16)

    static let measures = [
        (
            "Economic Stability",
            "The government should control inflation and keep the rupee stable so that young people"
        ),
        ("Creation of Jobs", "New industries and the private sector should be encouraged to create jobs for the youth"),
        ("Better Salaries", "The salaries of doctors, engineers and teachers should be raised to match the market"),
        ("Merit Based System", "All appointments should be made on merit through open and transparent tests"),
        ("Research Funding", "Universities should receive more money for research so that scientists stay at home"),
        ("Security and Peace", "The state should protect the lives and property of citizens in every province"),
        ("Incentives for Return", "Those who return should get tax relief and help to set up businesses of their own"),
        ("Political Stability", "Parties should agree on a charter of the economy so that investors trust the country"),
    ]

    /// An answer on brain drain whose measures section is eight paragraphs, each opened by a numbered run-in head
    /// when `heads` is true.
    static func brainDrain(heads: Bool) -> String {
        let points = measures.enumerated().map { k, point in
            let body =
                """
                \(point.1) and the young see that the state values their skills and wants them to stay at home, so \
                far fewer of them apply for foreign visas every year.
                """
            return heads ? "\(k + 1). \(point.0): \(body)" : body
        }
        return """
            Q.1 What are the causes of brain drain from Pakistan? Suggest measures to check it.

            1. INTRODUCTION
            Brain drain is the loss of skilled people to other countries, and Pakistan has lost many doctors.

            2. CAUSES
            Low salaries, inflation, insecurity and a lack of merit push skilled people to leave the country.

            3. MEASURES TO CHECK BRAIN DRAIN
            \(points.joined(separator: "\n\n"))

            4. CONCLUSION
            In conclusion, brain drain can be checked if the government takes these measures.
            """
    }

    @Test func numberedPointsEachUnderItsOwnRunInHeadAreNoWallOfText() throws {
        #expect(try Self.findings(Self.brainDrain(heads: true), rule: "structure-wall-of-text").isEmpty)
        let found = try Self.findings(Self.brainDrain(heads: false), rule: "structure-wall-of-text")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("section 3 runs ") == true)
        #expect(found.first?.message.hasSuffix(" words without a subheading") == true)
        #expect(found.first?.range.start.line == 9)
    }

    // MARK: relevance-headings-tied (n02 lines 25, 41)

    static var n02: String { String(decoding: Fixtures.sample("panel/n02.txt"), as: UTF8.self) }

    @Test func aHeadingOverAMilestoneDatedInsideTheTracedPeriodIsTied() throws {
        let rubric = "css-pakistan-affairs"
        #expect(try Self.findings(Self.n02, rule: "relevance-headings-tied", rubric: rubric).isEmpty)
        // The same sections dated outside the period (or not at all) are not tied by it.
        let undated = Self.n02.replacingOccurrences(of: "In 1942 the British sent", with: "In 1932 the British sent")
            .replacingOccurrences(of: "3rd June Plan 1947", with: "3rd June Plan")
            .replacingOccurrences(of: "14th August 1947", with: "14th August")
        let found = try Self.findings(undated, rule: "relevance-headings-tied", rubric: rubric)
        #expect(
            found.map(\.message) == [
                "heading \"CRIPPS MISSION AND QUIT INDIA\" does not show which part of the question it answers",
                "heading \"3rd JUNE PLAN AND INDEPENDENCE\" does not show which part of the question it answers",
            ])
        #expect(found.map(\.range.start.line) == [25, 41])
    }

    @Test func theYearsOfATextAreFourDigitsStandingAlone() {
        #expect(
            EvidenceItem.yearsNamed(in: "from the elections of 1937 to the creation of Pakistan in 1947.") == [
                1937, 1947,
            ])
        #expect(EvidenceItem.yearsNamed(in: "the 1940s, 12345, Rs1940 and 1946's elections") == [1946])
        // A run of digits longer than any integer (the fuzzer's find) names no year and does not overflow.
        #expect(EvidenceItem.yearsNamed(in: "<d" + String(repeating: "3", count: 60) + "> in 1999") == [1999])
        #expect(EvidenceItem.yearsNamed(in: String(repeating: "9", count: 40)) == [])
    }
}
