import Foundation
import Testing

@testable import PakEssay

/// Issue 13, item 2: each fault is charged once, and a check that cannot be made costs nothing.
@Suite struct FaultOnceTests {
    /// The default rubric with marks left unrounded, so that scores show every hundredth.
    static var unrounded: Rubric {
        var rubric = Fixtures.rubric
        rubric.rounding = 0.0001
        return rubric
    }

    static func without(_ rules: Set<String>, in rubric: Rubric) -> Rubric {
        var out = rubric
        for i in out.criteria.indices { out.criteria[i].rules.removeAll { rules.contains($0.id) } }
        return out
    }

    static func score(_ g: GradedAnswer, _ id: String) -> Double { g.criteria.first { $0.id == id }?.score ?? -1 }

    // MARK: a check that cannot be made

    @Test func anAnswerWithoutAQuestionLosesNoMarksToChecksThatNeedOne() throws {
        let text = String(decoding: Fixtures.sample("no-question.txt"), as: UTF8.self)
        let g = try Fixtures.grade(text, rubric: Self.unrounded)
        let unjudged = g.findings.filter { $0.message.hasPrefix("could not be judged") }
        #expect(
            Set(unjudged.map(\.rule)) == [
                "relevance-headings-tied", "relevance-directive", "relevance-question-parts",
                "introduction-question-terms", "conclusion-restates",
            ])
        #expect(unjudged.allSatisfy { $0.marksLost == 0 && $0.severity == .note })
        // Their weight goes to the checks that can be made: the same marks as a rubric without them.
        let judgedOnly = try Fixtures.grade(text, rubric: Self.without(Set(unjudged.map(\.rule)), in: Self.unrounded))
        for c in g.criteria { #expect(abs(c.score - Self.score(judgedOnly, c.id)) < 1e-6, "\(c.id)") }
    }

    @Test func aCriterionWhoseRulesAllCannotBeJudgedScoresAsFullQuality() throws {
        var rubric = Self.unrounded
        let i = try #require(rubric.criteria.firstIndex { $0.id == "relevance" })
        rubric.criteria[i].rules.removeAll { !["relevance-headings-tied", "relevance-directive"].contains($0.id) }
        let g = try Fixtures.grade(String(decoding: Fixtures.sample("no-question.txt"), as: UTF8.self), rubric: rubric)
        let relevance = rubric.criteria[i]
        #expect(abs(Self.score(g, "relevance") - relevance.marks * rubric.ceiling) < 1e-3)
        let lost = g.findings.filter { $0.criterion == "relevance" && $0.rule != "examiner-reserve" }.reduce(0) {
            $0 + $1.marksLost
        }
        #expect(lost == 0)
    }

    @Test func anUnjudgedOutcomeIsMarkedSoAndAJudgedOneIsNot() {
        #expect(RuleOutcome(credit: 0.5).judged)
        #expect(!RuleOutcome.notJudged([]).judged)
        #expect(RuleOutcome.full.judged)
    }

    // MARK: length charged once

    @Test(arguments: RubricLoader.shipped)
    func everyShippedRubricChargesLengthInOneCriterion(_ id: String) throws {
        let rubric = try Fixtures.rubric(id)
        let lengthRules: Set<String> = ["answer-too-short", "presentation-length"]
        let charging = rubric.criteria.filter { $0.rules.contains { lengthRules.contains($0.id) } }.map(\.id)
        #expect(charging.count == 1, "\(id) charges length in \(charging)")
    }

    /// one-paragraph.txt is 205 words of the 600 expected: its length costs it in presentation and nowhere else.
    @Test func aShortAnswersLengthCostsItInPresentationOnly() throws {
        let text = String(decoding: Fixtures.sample("one-paragraph.txt"), as: UTF8.self)
        let g = try Fixtures.grade(text)
        let length = g.findings.filter { ["answer-too-short", "presentation-length"].contains($0.rule) }
        #expect(length.map(\.rule) == ["presentation-length"])
        #expect(length.map(\.criterion) == ["presentation"])
        #expect(length.first?.marksLost == 0.83)
        // 6.5 since the eleventh session: "The 18th Amendment", the question's own subject, is not evidence.
        #expect(g.marks == 6.5)
        // Without the length check only presentation changes, and by what the finding traced before rounding.
        let exact = try Fixtures.grade(text, rubric: Self.unrounded)
        let lengthless = try Fixtures.grade(text, rubric: Self.without(["presentation-length"], in: Self.unrounded))
        for c in exact.criteria where c.id != "presentation" {
            #expect(abs(c.score - Self.score(lengthless, c.id)) < 1e-6, "\(c.id) changes with the length check")
        }
        #expect(try #require(exact.findings.first { $0.rule == "presentation-length" }).marksLost > 0)
        #expect(Self.score(lengthless, "presentation") > Self.score(exact, "presentation"))
    }

    // MARK: directives

    /// An answer with headings, three developed aspects, a way forward and a conclusion, that weighs no other side.
    static func oneSided(_ question: String, extra: String = "") -> String {
        let body = [
            "2. WEAK INSTITUTIONS\nInstitutions in Pakistan are weak because appointments follow patronage. The civil service lost its independence after the 1973 reforms. As a result, policy changes with every government.",
            "3. CORRUPTION\nCorruption drains the public purse. Transparency International ranked Pakistan 140th in 2022. Therefore citizens lose trust in the state.",
            "4. POLITICAL INSTABILITY\nNo prime minister has completed a full term. Frequent changes of government stop long-term planning. Consequently, reforms are left half done.",
        ].joined(separator: "\n\n")
        return """
            Q.1 \(question)

            1. INTRODUCTION
            Governance in Pakistan is poor, and this answer argues that weak institutions lie at the root of it.

            \(body)
            \(extra)
            6. WAY FORWARD
            The state should appoint on merit. Parliament must pass a civil service law. Courts need to clear their backlog.

            7. CONCLUSION
            In conclusion, governance in Pakistan will improve only when its institutions are made strong.
            """
    }

    static func directiveFindings(_ text: String) throws -> [Finding] {
        let g = try Fixtures.grade(text)
        // A finding whose rule caps other criteria is listed under each; its own criterion's copy stands for it.
        return g.findings.filter {
            ["relevance-directive", "structure-owed-sections", "arguments-counter-view"].contains($0.rule)
                && ($0.rule != "relevance-directive" || $0.criterion == "relevance")
        }
    }

    @Test func plainExamineOwesNoOtherSide() throws {
        let found = try Self.directiveFindings(Self.oneSided("Examine the causes of poor governance in Pakistan."))
        #expect(found.isEmpty, "\(found.map(\.message))")
    }

    @Test func criticallyExamineOwesTheOtherSideOnceOnly() throws {
        let found = try Self.directiveFindings(
            Self.oneSided("Critically examine the causes of poor governance in Pakistan."))
        #expect(found.count == 1, "\(found.map(\.message))")
        let one = try #require(found.first)
        #expect(one.rule == "arguments-counter-view")
        #expect(
            one.message
                == "the question (critically examine) owes the other side, but no counter-view or challenge is weighed"
        )
        #expect(one.marksLost > 0)
    }

    @Test(arguments: [
        "Critically examine", "Evaluate", "To what extent do weak institutions explain",
        "How far do weak institutions explain",
    ])
    func anImplicationsSectionMeetsTheOtherSide(_ directive: String) throws {
        let extra =
            "\n5. IMPLICATIONS AND LIMITS\nNot every failure is institutional. However, critics argue that culture matters too. Some reforms did work in Punjab.\n"
        let found = try Self.directiveFindings(
            Self.oneSided("\(directive) the causes of poor governance in Pakistan.", extra: extra))
        #expect(found.isEmpty, "\(found.map(\.message))")
    }

    @Test func twoDirectivesOwingTheOtherSideMakeOneFinding() throws {
        let found = try Self.directiveFindings(
            Self.oneSided("Critically analyse and evaluate the causes of poor governance in Pakistan."))
        #expect(found.map(\.rule) == ["arguments-counter-view"], "\(found.map(\.message))")
    }

    @Test func discussOwesTheOtherSideOnlyWhereTheQuestionPutsTwo() throws {
        #expect(try Self.directiveFindings(Self.oneSided("Discuss the causes of poor governance in Pakistan.")).isEmpty)
        let found = try Self.directiveFindings(
            Self.oneSided("Discuss whether weak institutions cause poor governance in Pakistan."))
        #expect(
            found.map(\.message) == [
                "the question (discuss) owes the other side, but no counter-view or challenge is weighed"
            ])
    }

    @Test func theOtherSideInPassingIsAStructureFindingOnly() throws {
        let extra =
            "\nHowever, some argue otherwise. Critics argue that culture matters. Nevertheless, institutions come first.\n"
        let found = try Self.directiveFindings(
            Self.oneSided("Critically examine the causes of poor governance in Pakistan.", extra: extra))
        #expect(found.map(\.rule) == ["structure-owed-sections"], "\(found.map(\.message))")
        #expect(found.first?.message.contains("only in passing") == true)
    }

    static func comparison(india: Bool) -> String {
        let second =
            india
            ? "3. INDIA\nIndia follows strategic autonomy. It buys oil from Russia while it joins the Quad with America. Its economy gives it weight in every capital."
            : "3. ECONOMY\nPakistan depends on IMF loans. Its economy limits its choices abroad. Debt shapes its diplomacy."
        return """
            Q.2 Compare the foreign policies of Pakistan and India.

            1. INTRODUCTION
            Foreign policy reflects a state's interests, and Pakistan's choices differ from its neighbour's.

            2. PAKISTAN
            Pakistan balances China and America. It joined SEATO in 1954 and CPEC in 2015. Its security needs drive its alliances.

            \(second)

            4. COMPARISON
            Both states seek security, whereas their means differ. Unlike India, Pakistan relies on allies; by contrast, India relies on its size.

            5. CONCLUSION
            In conclusion, the two foreign policies differ in means more than in ends.
            """
    }

    @Test func compareWithOneItemTreatedIsOneFinding() throws {
        let found = try Self.directiveFindings(Self.comparison(india: false))
        #expect(
            found.map(\.message) == [
                "the question asks you to compare, but the answer hardly treats 'India', so there is nothing to set beside the other"
            ])
        let balanced = try Self.directiveFindings(Self.comparison(india: true))
        #expect(balanced.isEmpty, "\(balanced.map(\.message))")
    }

    @Test func theComparedItemsAreReadFromTheQuestion() throws {
        let policies = try #require(ComparedItems(question: "Compare the foreign policies of Pakistan and India."))
        #expect(policies.items.map(\.written) == ["Pakistan", "India"])
        let systems = try #require(
            ComparedItems(question: "Compare and contrast the parliamentary system with the presidential system."))
        #expect(systems.items.map(\.written) == ["parliamentary system", "presidential system"])
        #expect(systems.items.map(\.keys) == [[TermKey.key("parliamentary")], [TermKey.key("presidential")]])
        #expect(ComparedItems(question: "Compare the two economies.") == nil)
    }
}
