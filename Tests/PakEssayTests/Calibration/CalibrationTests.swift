import Foundation
import Testing

@testable import PakEssay

/// `calibrate`'s library: the score model, the fit, the MARKS reader and the fitted rubric file.
@Suite struct CalibrationTests {
    /// A fixed sequence of numbers in 0..<1 (no seed from the clock).
    struct Sequence {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    /// Credits for `count` answers: every weighted rule judges, with a credit spread over 0–1.
    static func credits(_ rubric: Rubric, count: Int) -> [[CriterionCredits]] {
        var random = Sequence()
        return (0..<count).map { _ in
            rubric.criteria.map { c in
                var trace = CriterionCredits()
                for (k, use) in c.rules.enumerated() where !use.gate {
                    trace.rules.append(k)
                    trace.credits.append(random.next())
                }
                return trace
            }
        }
    }

    /// Each criterion's weights as shares of its weighted rules' total. Where the criterion adds its losses
    /// (`halfAt`), the weights themselves count, not only their ratios: they are shares of the rubric's own
    /// total instead.
    static func shares(_ p: ScaleParameters, _ rubric: Rubric) -> [Double] {
        var out: [Double] = []
        for (i, c) in rubric.criteria.enumerated() {
            let ks = c.rules.indices.filter { !c.rules[$0].gate }
            let own = c.halfAt == nil ? p.weights[i] : c.rules.map(\.weight)
            let total = ks.reduce(0) { $0 + own[$1] }
            out += ks.map { p.weights[i][$0] / total }
        }
        return out
    }

    /// `count` answers' credits, each with the scores `truth` gives it: its criteria's and their total.
    static func scored(_ rubric: Rubric, _ truth: ScaleParameters, count: Int) -> [CalibrationSample] {
        credits(rubric, count: count).map { credits in
            let scores = ScoreModel.scores(credits, rubric: rubric, truth)
            return CalibrationSample(credits: credits, total: scores.reduce(0, +), criteria: scores.map { $0 })
        }
    }

    /// How the totals `fitted` gives the samples agree with their own (unrounded, as `scored` makes them).
    static func agreement(_ samples: [CalibrationSample], _ rubric: Rubric, _ fitted: ScaleParameters) -> Agreement {
        let ours = samples.map { ScoreModel.scores($0.credits, rubric: rubric, fitted).reduce(0, +) }
        return Agreement(ours, samples.map(\.total), step: rubric.rounding, maximum: rubric.maxMarks)
    }

    @Test func theModelGivesTheGradersScores() throws {
        let rubric = Fixtures.rubric
        for name in ["strong-cpec.txt", "weak-economy.txt", "average-water.txt", "weak-messy-governance.txt"] {
            let doc = try EssayParser.parse(bytes: Fixtures.sample(name), source: name)
            let traced = Grader(rubric: rubric).traced(doc.answers[0], source: name)
            let modelled = ScoreModel.rounded(traced.credits, rubric: rubric, ScaleParameters(rubric))
            #expect(modelled.scores == traced.graded.criteria.map(\.score), "\(name)")
            #expect(modelled.total == traced.graded.marks)
        }
    }

    /// The default rubric with every criterion's quality its rules' weighted mean (no `halfAt`).
    static var averaged: Rubric {
        var rubric = Fixtures.rubric
        for i in rubric.criteria.indices { rubric.criteria[i].halfAt = nil }
        return rubric
    }

    /// The default rubric with no criterion keeping a ceiling of its own: every criterion follows the scale's.
    static var oneCeiling: Rubric {
        var rubric = Fixtures.rubric
        for i in rubric.criteria.indices { rubric.criteria[i].ceiling = nil }
        return rubric
    }

    /// A criterion with a ceiling of its own (language, 0.8) does not move with the scale's: the fit finds the
    /// scale's ceiling from the other criteria and reproduces the scores.
    @Test func aCriterionsOwnCeilingStaysOutOfTheFit() throws {
        let rubric = Fixtures.rubric
        #expect(rubric.criteria.contains { $0.ceiling != nil })
        var truth = ScaleParameters(rubric)
        truth.exponent = 2
        truth.ceiling = 0.95
        let samples = Self.scored(rubric, truth, count: 600)
        let fitted = Fitter(rubric: rubric).fit(samples)
        #expect(abs(fitted.ceiling - 0.95) < 0.02, "\(fitted.ceiling)")
        #expect(abs(fitted.exponent - 2) < 0.05, "\(fitted.exponent)")
        #expect(Self.agreement(samples, rubric, fitted).meanAbsoluteError < 0.1)
    }

    @Test(arguments: [false, true])
    func aFitRecoversPerturbedWeights(addedLosses: Bool) throws {
        // Where a criterion adds its losses, its weights are told apart less sharply by 1,000 answers.
        let rubric = addedLosses ? Self.oneCeiling : Self.averaged
        #expect(rubric.criteria.contains { $0.halfAt != nil } == addedLosses)
        var truth = ScaleParameters(rubric)
        var random = Sequence(state: 42)
        for i in truth.weights.indices {
            for k in truth.weights[i].indices { truth.weights[i][k] *= 0.4 + 1.2 * random.next() }
        }
        truth.exponent = 1.6
        truth.ceiling = 0.93
        let samples = Self.scored(rubric, truth, count: 1000)
        let fitted = Fitter(rubric: rubric).fit(samples)
        let gaps = zip(Self.shares(fitted, rubric), Self.shares(truth, rubric)).map { abs($0 - $1) }
        let before = zip(Self.shares(ScaleParameters(rubric), rubric), Self.shares(truth, rubric)).map { abs($0 - $1) }
        // Where a criterion adds its losses, a rule's weight trades against the criterion's halfAt, so its
        // weights are told apart less sharply (within 0.15 of the rubric's total); every other criterion's
        // shares come back within 0.03.
        var adds: [Bool] = []
        for c in rubric.criteria { for use in c.rules where !use.gate { adds.append(c.halfAt != nil) } }
        let averagedGaps = zip(adds, gaps).filter { !$0.0 }.map(\.1)
        let addedGaps = zip(adds, gaps).filter { $0.0 }.map(\.1)
        #expect(averagedGaps.max()! < 0.03, "largest share error \(averagedGaps.max()!) (from \(before.max()!))")
        #expect(addedGaps.isEmpty != addedLosses)
        #expect((addedGaps.max() ?? 0) < 0.15, "largest share error where losses add \(addedGaps.max() ?? 0)")
        #expect(abs(fitted.exponent - 1.6) < 0.05)
        #expect(abs(fitted.ceiling - 0.93) < 0.02)
        let agreement = Self.agreement(samples, rubric, fitted)
        #expect(agreement.pearson! > 0.995)
        #expect(agreement.meanAbsoluteError < 0.1)
    }

    @Test func aFitFromTotalsAloneRecoversTheScale() throws {
        let rubric = Fixtures.rubric
        var truth = ScaleParameters(rubric)
        truth.exponent = 1.4
        truth.ceiling = 0.97
        let samples = Self.credits(rubric, count: 200).map { credits in
            let total = ScoreModel.rounded(credits, rubric: rubric, truth).total
            return CalibrationSample(credits: credits, total: total, criteria: rubric.criteria.map { _ in nil })
        }
        let fitted = Fitter(rubric: rubric).fit(samples)
        let ours = samples.map { ScoreModel.rounded($0.credits, rubric: rubric, fitted).total }
        let unfitted = samples.map { ScoreModel.rounded($0.credits, rubric: rubric, ScaleParameters(rubric)).total }
        let step = rubric.rounding
        let after = Agreement(ours, samples.map(\.total), step: step, maximum: rubric.maxMarks)
        let before = Agreement(unfitted, samples.map(\.total), step: step, maximum: rubric.maxMarks)
        #expect(after.kappa! > before.kappa! + 0.05, "\(before.kappa!) -> \(after.kappa!)")
        #expect(after.meanAbsoluteError < before.meanAbsoluteError / 2)
    }

    @Test func statistics() {
        let a = [1.0, 2, 3, 4, 5]
        #expect(Agreement.pearson(a, a.map { 2 * $0 + 1 })! > 0.999_999)
        #expect(Agreement.ranks([3, 1, 3, 2]) == [3.5, 1, 3.5, 2])
        #expect(Agreement.kappa(a, a, step: 1, maximum: 5) == 1)
        #expect(Agreement(a, a.reversed(), step: 1, maximum: 5).spearman! < -0.999)
        #expect(Agreement(a, [2, 2, 2, 2, 2], step: 1, maximum: 5).pearson == nil)
    }

    static let ids = ["relevance", "evidence"]

    static func read(_ text: String, file: String = "m.csv") throws -> MarksTable {
        try MarksReader.read(Array(text.utf8), file: file, criteria: ids)
    }

    @Test func csvWithQuotesABomAndCRLF() throws {
        let text =
            "\u{FEFF}path,marks,evidence\r\n\"a, b.txt\",14,2\r\n\"say \"\"hi\"\"\r\nthere\",12.5,\r\n\r\nc.txt, 9 ,1.5\r\n"
        let t = try Self.read(text)
        #expect(t.problems.isEmpty)
        #expect(t.records.map(\.path) == ["a, b.txt", "say \"hi\"\r\nthere", "c.txt"])
        #expect(t.records.map(\.marks) == [14, 12.5, 9])
        #expect(t.records.map(\.line) == [2, 3, 6])
        #expect(t.records[0].criteria == ["evidence": 2])
        #expect(t.records[1].criteria.isEmpty)
        #expect(t.criteria == ["evidence"])
    }

    @Test func eachBadRowIsNamedAndTheOthersKept() throws {
        let text = """
            path,marks,evidnce,relevance
            a.txt,14,x,2
            b.txt,abc,x,2
            c.txt,12,x,high
            d.txt,11,x
            ,10,x,1
            e.txt,9,x,1

            """
        let t = try Self.read(text)
        #expect(t.records.map(\.path) == ["a.txt", "e.txt"])
        let messages = t.problems.map(\.message)
        #expect(messages.count == 5)
        #expect(messages[0].hasPrefix("m.csv:1: unknown column 'evidnce'"))
        #expect(messages[0].contains("did you mean 'evidence'?"))
        #expect(messages[1] == "m.csv:3: marks 'abc' is not a number")
        #expect(messages[2] == "m.csv:4: relevance 'high' is not a number")
        #expect(messages[3] == "m.csv:5: has 3 fields; the header has 4")
        #expect(messages[4] == "m.csv:6: no answer: give a path, or an id and a text")
    }

    @Test func aFileWithNoMarksColumnOrNothingInItIsRefused() {
        #expect(throws: MarksProblem.self) { try Self.read("path,score\na.txt,3\n") }
        #expect(throws: MarksProblem.self) { try Self.read("marks\n3\n") }
        #expect(throws: MarksProblem.self) { try Self.read("") }
        #expect(throws: MarksProblem.self) { try Self.read("\n", file: "m.jsonl") }
    }

    @Test func anUnclosedQuoteNamesTheRowWhereItOpens() throws {
        let t = try Self.read("path,marks\na.txt,3\n\"b.txt,4\nc.txt,5\n")
        #expect(t.records.map(\.path) == ["a.txt"])
        #expect(t.problems.map(\.message) == ["m.csv:3: a quoted field is never closed (the rest of the file is lost)"])
    }

    @Test func jsonLines() throws {
        let text = """
            {"id": "ali", "text": "Q. Discuss.\\n\\nSome text.", "marks": 12, "evidence": 1.5}
            {"path": "b.txt", "marks": "x"}
            not json
            {"path": "c.txt", "marks": 8, "grade": "B"}
            [1]
            {"path": "d.txt", "marks": 7, "relevance": true}
            """
        let t = try Self.read(text, file: "m.jsonl")
        #expect(t.records.map(\.name) == ["ali", "c.txt"])
        #expect(t.records[0].criteria == ["evidence": 1.5])
        let lines = t.problems.map(\.line)
        #expect(lines == [2, 3, 4, 5, 6])
        #expect(t.problems[2].message.contains("unknown column 'grade'"))
    }

    @Test func aTutorsScaleIsMappedLinearly() {
        let scale = TutorScale.parse("1-6")!
        #expect(scale.map(1, onto: 20) == 0)
        #expect(scale.map(6, onto: 20) == 20)
        #expect(scale.map(3.5, onto: 20) == 10)
        #expect(TutorScale.parse("6-1") == nil)
        #expect(TutorScale.parse("x") == nil)
    }

    @Test func theFittedFileLoadsAndIsTheSameEveryTime() throws {
        for id in ["css-current-affairs", "general-essay", "css-pakistan-affairs"] {
            let rubric = try Fixtures.rubric(id)
            var p = ScaleParameters(rubric)
            for i in p.weights.indices { for k in p.weights[i].indices { p.weights[i][k] += 0.25 } }
            p.exponent = 1.75
            p.ceiling = 0.9
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "pakessay-fit-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let text = try FittedRubric.text(rubric, p, answers: 12, folder: folder.path)
            #expect(text == (try FittedRubric.text(rubric, p, answers: 12, folder: folder.path)))
            let path = folder.appendingPathComponent("fitted.json").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let loaded = try RubricLoader.load(path: path)
            #expect(loaded.id == id + "-fitted")
            #expect(loaded.exponent == 1.75 && loaded.ceiling == 0.9)
            #expect(
                loaded.criteria.map { $0.rules.map(\.weight) }
                    == p.weights.enumerated().map { i, ws in
                        ws.enumerated().map { k, w in rubric.criteria[i].rules[k].gate ? 1 : w }
                    })
            #expect(loaded.criteria.map(\.marks) == rubric.criteria.map(\.marks))
            #expect(loaded.lexicon.misspellings.count == rubric.lexicon.misspellings.count)
            // Same word lists, same credits: the fitted file grades as the model says it would.
            let doc = try EssayParser.parse(bytes: Fixtures.sample("average-water.txt"), source: "w.txt")
            let credits = Grader(rubric: rubric).traced(doc.answers[0], source: "w.txt").credits
            let graded = Grader(rubric: loaded).grade(doc.answers[0], source: "w.txt")
            #expect(graded.marks == ScoreModel.rounded(credits, rubric: rubric, p).total)
        }
    }

    @Test func aNumberTheFittedFileCannotCopyExactlyIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pakessay-fit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("mine.json").path
        let text = """
            {"format": 1, "extends": "css-current-affairs", "id": "mine", "version": "1", "title": "mine",
             "relevance": {"sectionFloor": 0.125}}
            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let rubric = try RubricLoader.load(path: path)
        #expect(throws: FittedRubric.Failure.self) {
            try FittedRubric.text(rubric, ScaleParameters(rubric), answers: 10, folder: folder.path)
        }
    }
}
