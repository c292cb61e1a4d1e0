import Testing

@testable import PakEssay

/// A tutor's remark is set against the answer's own findings on the criteria it speaks of: criticism
/// agrees exactly when findings cost those criteria marks, praise when they cost little, and the
/// explanation never says what the report does not.
@Suite struct RemarkVerdictTests {
    /// Marks the report's findings cost a criterion (the examiner's reserve is no finding).
    static func lost(_ id: String, in g: GradedAnswer) -> Double {
        g.findings.filter { $0.criterion == id && $0.marksLost >= 0.005 }.reduce(0) { $0 + $1.marksLost }
    }

    /// Checks a verdict against the report it sits in.
    static func checkAgainstReport(_ v: RemarkVerdict, _ g: GradedAnswer) {
        guard !v.criteria.isEmpty else { return }
        var all = true
        for id in v.criteria {
            let lost = lost(id, in: g)
            let max = g.criteria.first { $0.id == id }?.max ?? 0
            let praised = v.explanation.contains("the praise of \(id) ")
            let fits = praised ? lost <= RemarkJudge.littleShare * max : lost > 0
            all = all && fits
            if lost > 0 {
                #expect(
                    v.explanation.contains(
                        "its findings cost \(id) \(praised && fits ? "only " : "")\(figure(lost)) of"),
                    "\(g.source): \(v.explanation) should say that findings cost \(id) \(figure(lost))")
            } else {
                #expect(v.explanation.contains("nothing that costs \(id) marks"), "\(g.source): \(v.explanation)")
            }
        }
        #expect(v.agrees == all, "\(g.source): \(v.remark.text) → \(v.explanation)")
        #expect(v.explanation.hasPrefix(all ? "pakessay agrees: " : "pakessay "), "\(v.explanation)")
        #expect(!v.explanation.contains("weakest"), "\(v.explanation)")
    }

    @Test func theSamplesRemarksAgreeExactlyWhenTheReportFindsFaultThere() {
        let verdicts = ScoringTests.graded.flatMap { g in g.remarks.map { (g, $0) } }
        #expect(verdicts.count == 3)
        for (g, v) in verdicts { Self.checkAgainstReport(v, g) }
    }

    @Test func aRemarkPraisingStructureAndCriticisingTheConclusionIsPartlyBorneOut() throws {
        let g = try #require(ScoringTests.graded.first { $0.source.hasSuffix("average-water.txt") })
        let v = try #require(g.remarks.first { $0.remark.text.hasPrefix("Remarks: good structure") })
        #expect(v.criteria == ["arguments", "evidence", "conclusion", "structure"])
        #expect(v.agrees == false)
        #expect(v.explanation.hasPrefix("pakessay partly agrees: its findings cost arguments "))
        #expect(
            v.explanation.contains(
                "the question (evaluate) owes the other side, but it is weighed only in passing (1 cue) (−"))
        #expect(
            v.explanation.contains(
                "it finds nothing that costs conclusion marks (1.5/2; only the examiner's reserve is held back)"))
        // Its evaluate question's thin other side is charged once, in arguments: structure loses nothing to it.
        #expect(
            v.explanation.contains("the praise of structure fits: it finds nothing that costs structure marks (2.5/3)"))
        #expect(!v.explanation.contains("among the weakest"))
    }

    static let clean = """
        Q.1 Discuss the causes of inflation in Pakistan.

        Inflation in Pakistan has two main causes, and this answer argues that money matters most.

        The State Bank printed Rs 3 trillion in 2022, according to Dawn. Because money grew faster than output, prices rose.

        In conclusion, inflation in Pakistan is caused mainly by money, and the State Bank must now restrain it.
        """

    @Test func criticismOfACriterionWithoutFaultsDisagrees() throws {
        let g = try Fixtures.grade(Self.clean + "\n\nRemarks: poor spelling.")
        let v = try #require(g.remarks.first)
        #expect(v.criteria == ["language"])
        #expect(Self.lost("language", in: g) == 0)
        #expect(v.agrees == false)
        #expect(v.explanation.hasPrefix("pakessay disagrees: it finds nothing that costs language marks ("))
        Self.checkAgainstReport(v, g)
    }

    @Test func criticismOfACriterionWithFaultsAgreesAndNamesThem() throws {
        let text = Self.clean.replacingOccurrences(of: "prices rose", with: "prices rose untill the goverment acted")
        let g = try Fixtures.grade(text + "\n\nRemarks: poor spelling.")
        let v = try #require(g.remarks.first)
        #expect(Self.lost("language", in: g) > 0)
        #expect(v.agrees == true)
        #expect(v.explanation.hasPrefix("pakessay agrees: its findings cost language "))
        #expect(v.explanation.contains("2 misspellings (−"))
        Self.checkAgainstReport(v, g)
    }

    @Test func praiseAgreesWhenTheCriterionLostLittle() throws {
        let good = try Fixtures.grade(Self.clean + "\n\nRemarks: good spelling.")
        let fits = try #require(good.remarks.first)
        #expect(fits.agrees == true)
        #expect(
            fits.explanation
                == "pakessay agrees: the praise of language fits: it finds nothing that costs language marks (\(JSONValue.format(good.criteria.first { $0.id == "language" }!.score))/2)"
        )
        let text = Self.clean.replacingOccurrences(
            of: "prices rose", with: "prices rose untill the goverment recieved the the reports")
        let bad = try Fixtures.grade(text + "\n\nRemarks: good spelling.")
        let misfit = try #require(bad.remarks.first)
        #expect(Self.lost("language", in: bad) > 0.5)
        #expect(misfit.agrees == false)
        #expect(
            misfit.explanation.hasPrefix(
                "pakessay disagrees: the praise of language does not fit: its findings cost language "))
        Self.checkAgainstReport(fits, good)
        Self.checkAgainstReport(misfit, bad)
    }

    /// Built from scores and findings alone: the rule is the report's findings, never the criteria's rank.
    @Test func aWeakCriterionWithNoFindingsIsNotAFault() {
        let judge = RemarkJudge(rubric: Fixtures.rubric)
        let scores = [
            CriterionScore(
                id: "evidence", title: "Evidence", score: 1, max: 3, reserve: Reserve(share: 0.1, marks: 2)),
            CriterionScore(id: "presentation", title: "Presentation", score: 2, max: 2),
        ]
        let remark = Remark(text: "weak references", position: SourcePosition(line: 9, column: 1), kind: .trailing)
        let none = judge.judge([remark], scores: scores, findings: [])[0]
        #expect(none.agrees == false)
        #expect(
            none.explanation
                == "pakessay disagrees: it finds nothing that costs evidence marks (1/3; only the examiner's reserve is held back)"
        )
        let fault = Finding(
            rule: "evidence-density", criterion: "evidence", severity: .note,
            range: SourceRange(at: SourcePosition(line: 1, column: 1)), excerpt: "",
            message: "2 pieces of evidence in 600 words (1 per 300 words; aim for 3)", suggestion: "Nothing.",
            marksLost: 1.2)
        let some = judge.judge([remark], scores: scores, findings: [fault])[0]
        #expect(some.agrees == true)
        #expect(
            some.explanation
                == "pakessay agrees: its findings cost evidence 1.2 of 3 marks: 2 pieces of evidence in 600 words (1 per 300 words; aim for 3) (−1.2)"
        )
        let unknown = judge.judge(
            [Remark(text: "see me", position: SourcePosition(line: 9, column: 1), kind: .trailing)], scores: scores,
            findings: [])[0]
        #expect(unknown.agrees == nil)
    }

    @Test func theHeadClauseStopsAtTheFirstSemicolonOutsideBrackets() {
        #expect(
            RemarkJudge.headClause("5 pieces of evidence in 814 words (1.8 per 300 words; aim for 4)")
                == "5 pieces of evidence in 814 words (1.8 per 300 words; aim for 4)")
        #expect(
            RemarkJudge.headClause("only 2 arguments are developed; examiners look for 6")
                == "only 2 arguments are developed")
        #expect(RemarkJudge.headClause("evidence of only 2 kinds: no dates") == "evidence of only 2 kinds")
    }
}
