import Testing

@testable import PakEssay

/// Messages and suggestions in correct English: each case fires one rule on a small answer and pins the
/// words it must say, and the broken wording it said before.
@Suite struct MessageTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let rule: String
        let text: String
        /// Fragments the rule's messages or suggestions must hold.
        let says: [String]
        /// Fragments they must not hold.
        let never: [String]
        var testDescription: String { name }
    }

    static let inflation = "Q.1 Discuss the causes of inflation in Pakistan.\n\n"

    static let cases: [Case] = [
        Case(
            name: "none is none, not 0 of", rule: "relevance-question-terms",
            text: inflation
                + "1. INTRODUCTION\nCricket is the most popular sport in the country and millions watch every match.\n\n"
                + "2. THE GAME\nCricket came with the British and spread quickly.\n\n3. CONCLUSION\nIn conclusion, cricket unites the nation.",
            says: ["the introduction names none of the question's key terms", "the conclusion names none of"],
            never: ["names 0 of"]),
        Case(
            name: "no evidence of any kind, not evidence of 0 kinds", rule: "evidence-variety",
            text: inflation + "Inflation is high because the government prints money and the rupee is weak.",
            says: [
                "no evidence of any kind: no dates, figures with units, named sources, attributed quotations or named events and agreements"
            ],
            never: ["0 kinds", "only;"]),
        Case(
            name: "evidence of only two kinds, and the kinds it lacks joined by or", rule: "evidence-variety",
            text: inflation + "Inflation rose in 2019 and 2022 to 30 per cent because the government borrowed heavily.",
            says: ["evidence of only 2 kinds: no named sources, attributed quotations or named events and agreements"],
            never: ["kinds only", "none of:"]),
        Case(
            name: "a conclusion numbered 1 is the conclusion, not section 1", rule: "conclusion-length",
            text: inflation
                + "Inflation has causes.\n\nThe State Bank printed money in 2022 because the deficit was large.\n\n1. Conclusion\nTo conclude, prices rose.",
            says: ["the conclusion is only 4 words long"], never: ["section 1"]),
        Case(
            name: "a conclusion that only looks back is named by its role", rule: "conclusion-forward-look",
            text: inflation
                + "1. INTRODUCTION\nInflation has causes.\n\n2. MONEY\nThe State Bank printed money in 2022.\n\n3. CONCLUSION\nIn conclusion, inflation had monetary causes.",
            says: ["the conclusion only looks back"], never: ["section 3"]),
        Case(
            name: "one paragraph follows the conclusion", rule: "conclusion-position",
            text: inflation
                + "1. INTRODUCTION\nInflation has causes.\n\n2. CONCLUSION\nIn conclusion, inflation has causes that the state must address.\n\n3. MONEY\nThe State Bank printed money in 2022.",
            says: ["1 paragraph follows the conclusion"], never: ["section 2"]),
        Case(
            name: "a sentence opened by a lowercase which is joined, not capitalised into a fragment",
            rule: "language-lowercase-start",
            text: inflation + "Prices have risen for years. which hurts the poor most of all.",
            says: [
                "starts with a lowercase 'which' after a full stop: it reads as part of the sentence before",
                "Join it to the sentence before",
            ],
            never: ["Write 'Which'"]),
        Case(
            name: "an ordinary lowercase start is still capitalised", rule: "language-lowercase-start",
            text: inflation + "Inflation is high. prices rise every month.",
            says: ["Write 'Prices'."], never: ["Join it"]),
        Case(
            name: "a confused proper noun keeps its capitals", rule: "language-confused-words",
            text: "Q.1 Discuss the role of Malala Yousafzai.\n\nMalala Yousafzai won the Noble Peace Prize in 2014.",
            says: ["'Noble Peace Prize' should be 'Nobel Peace Prize'", "Write 'Nobel Peace Prize'."],
            never: ["nobel peace prize"]),
        Case(
            name: "a confused common phrase stays lowercase", rule: "language-confused-words",
            text: "Q.1 Discuss the role of Malala Yousafzai.\n\nOtherwise we will loose our future.",
            says: ["'loose' should be 'lose'", "Write 'lose'."], never: ["Lose"]),
        Case(
            name: "question terms keep the capitals the question gives them", rule: "introduction-question-terms",
            text:
                "Q.1 Compare the economic growth of Shanghai and Karachi.\n\n1. INTRODUCTION\nBoth cities have grown, and this answer argues that one of them grew far faster.\n\n"
                + "2. GROWTH\n" + Example.filler(3) + "\n\n3. CONCLUSION\nIn conclusion, growth differs.",
            says: ["'Shanghai'", "'Karachi'", "'economic'"], never: ["'shanghai'", "'karachi'", "'Economic'"]),
        Case(
            name: "a question in capitals gives its terms in lowercase, proper nouns capitalised",
            rule: "conclusion-restates",
            text:
                "Q.1 DISCUSS THE CAUSES OF INFLATION IN KARACHI.\n\n1. INTRODUCTION\nThis answer argues that prices rise for two reasons.\n\n"
                + "2. MONEY\nThe State Bank printed money in 2022.\n\n3. CONCLUSION\nIn conclusion, the nation must work hard and unite.",
            says: ["'inflation'", "'Karachi'"], never: ["'INFLATION'", "'karachi'", "'KARACHI'"]),
        Case(
            name: "one cutting is a cutting", rule: "presentation-cuttings",
            text: inflation + "Inflation ~~is~~ rose.",
            says: ["1 cutting in 2 words"], never: ["1 cuttings"]),
    ]

    @Test(arguments: cases)
    func message(_ c: Case) throws {
        let type = try #require(RuleRegistry.rule(c.rule))
        let rule = try type.make(.defaults).get()
        let answer = try #require(try EssayParser.parse(text: c.text, source: "t.txt").answers.first)
        let context = GradingContext(
            answer: answer, lexicon: Fixtures.rubric.lexicon, expectedWords: Fixtures.rubric.expectedWords)
        let findings = rule.evaluate(context).findings
        #expect(!findings.isEmpty, "\(c.rule) did not fire")
        let said = findings.map { $0.message + " | " + $0.suggestion }.joined(separator: "\n")
        for fragment in c.says {
            #expect(said.contains(fragment), "\(c.rule) should say \"\(fragment)\"; it said:\n\(said)")
        }
        for fragment in c.never {
            #expect(!said.contains(fragment), "\(c.rule) should not say \"\(fragment)\"; it said:\n\(said)")
        }
    }

    @Test func countsAgreeWithTheirNouns() {
        #expect(counted(1, "cutting") == "1 cutting")
        #expect(counted(3, "cutting") == "3 cuttings")
        #expect(counted(1, "new fact or figure", "new facts or figures") == "1 new fact or figure")
        #expect(counted(2, "new fact or figure", "new facts or figures") == "2 new facts or figures")
        #expect(agreeing("names", "name", plural: true) == "name")
        #expect(agreeing("follows", "follow", plural: false) == "follows")
        #expect(listing(["dates", "figures", "sources"], or: true) == "dates, figures or sources")
    }

    /// A short answer is charged for its length once, by presentation-length; its improvement says the length once.
    @Test func theLengthImprovementSaysItsClauseOnce() throws {
        let g = try Fixtures.grade(String(decoding: Fixtures.sample("one-paragraph.txt"), as: UTF8.self))
        let charged = g.findings.filter { Improvements.advice[$0.rule]?.sharedFault != nil && $0.marksLost > 0 }
        #expect(charged.map(\.rule) == ["presentation-length"])
        let lines = Improvements.write(findings: charged, criteria: Fixtures.rubric.criteria)
        let line = try #require(lines.first)
        #expect(lines.count == 1)
        #expect(
            line.hasPrefix(
                "The answer is 205 words; a question of these marks expects 600–1500: plan enough distinct points"),
            "\(line)")
        #expect(line.components(separatedBy: "205 words").count == 2, "\(line)")
    }
}
