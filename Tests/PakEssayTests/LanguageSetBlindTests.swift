import Foundation
import Testing

@testable import PakEssay

/// The independent language test set (Tests/PakEssayTests/LanguageSetBlind/*.tsv): 515 sentences written on
/// 2026-12-02 by a helper briefed as a proofreader and CSS tutor, from the issue's list of error kinds
/// only, without sight of pakessay's rules, word lists, patterns or the project's own set. Precision and
/// recall are printed per kind against issue 14's floors; the test holds each kind to what it measured
/// when the set was added (`measured`), so that a change to the rules can only raise them. Edit `measured`
/// upwards when the rules improve.
///
/// The rows on odd lines of each file are the development half: its misses and false findings are
/// printed, for whoever improves the rules. The rows on even lines are held out: only their counts are
/// printed, so that they stay a measure of rules not written for them.
@Suite struct LanguageSetBlindTests {
    static let folder = Fixtures.root.appendingPathComponent("Tests/PakEssayTests/LanguageSetBlind")
    static let rows = LanguageSetTests.rows(in: folder)

    /// Per kind: the floors measured when the set was added (precision, recall).
    static let measured: [String: (precision: Double, recall: Double)] = [
        // Whole set. Before any rule was changed for it (2026-12-02): spelling 0.899/0.964, capitals
        // 0.974/0.745, real-word 1/0.633, grammar 0.911/0.630 (0.446/0.309 scored by exact span). After the
        // patterns and words taken from the development half's misses, the same day:
        // "spelling": (0.93, 0.96), "capitals": (0.97, 0.74), "real-word": (1, 0.75), "grammar": (1, 0.75).
        // After lang14c's fixes of the development half's capitals and real-word misses, the same day (held out:
        // capitals 22/25, real-word 20/30, grammar 30/40, spelling 40/41):
        // "spelling": (0.95, 0.96), "capitals": (1, 0.94), "real-word": (1, 0.83), "grammar": (1, 0.76),
        // After lang14d's confusion sets decided by classes, there/their before nouns that are verbs too and
        // agreement after a mid adverb (held out: capitals 22/25, real-word 22/30, grammar 30/40, spelling 40/41;
        // whole: spelling 0.952/0.964, capitals 1/0.941, real-word 1/0.867, grammar 1/0.765):
        // "spelling": (0.95, 0.96), "capitals": (1, 0.94), "real-word": (1, 0.86), "grammar": (1, 0.76),
        // After lang14e's possessive names, titles before names, months in dates and names of several common
        // words (the development half had no capitals miss left; held out: capitals 23/25, real-word 22/30,
        // grammar 30/40, spelling 40/41; whole: capitals 1/0.961, the others as before):
        // "spelling": (0.95, 0.96), "capitals": (1, 0.96), "real-word": (1, 0.86), "grammar": (1, 0.76),
        // After lang14f's derived words, hyphenated parts corrected and two-edit ranking (development spelling
        // 42/42, 42/42; held out unchanged: spelling precision 40/43, recall 40/41; whole: spelling 0.965/0.988):
        // "spelling": (0.96, 0.98), "capitals": (1, 0.96), "real-word": (1, 0.86), "grammar": (1, 0.76),
        // After lang14g's allowed words with a final 'h' or with -ed and -ing, and the Islamic finance modes and
        // 'desilt' allowed (held out: spelling precision 40/40, recall 40/41; whole: spelling 1/0.988):
        "spelling": (1, 0.98), "capitals": (1, 0.96), "real-word": (1, 0.86), "grammar": (1, 0.76),
    ]

    @Test func theSetIsWhatItsHeaderSays() {
        let count = { (kind: String) in Self.rows.filter { $0.kind == kind }.count }
        #expect(count("spelling") >= 80 && count("capitals") >= 50 && count("real-word") >= 60)
        #expect(count("grammar") >= 80 && count("correct") >= 220)
        for row in Self.rows where row.kind != "correct" {
            #expect(LanguageSetTests.columns(of: row.wrong, in: row.sentence) != nil, "\(row.file):\(row.line)")
        }
    }

    @Test(arguments: LanguageSetTests.kinds.map(\.kind))
    func kindHoldsWhatItMeasured(_ kind: String) throws {
        let entry = try #require(LanguageSetTests.kinds.first { $0.kind == kind })
        let rules = try entry.rules.map { id in try #require(RuleRegistry.rule(id)).make(.defaults).get() }
        let s = try LanguageSetTests.score(kind, rules: rules, rows: Self.rows)
        let dev = try LanguageSetTests.score(kind, rules: rules, rows: Self.rows.filter { $0.line % 2 == 1 })
        let held = try LanguageSetTests.score(kind, rules: rules, rows: Self.rows.filter { $0.line % 2 == 0 })
        func line(_ name: String, _ s: LanguageSetTests.Score) -> String {
            let issue = s.precision >= entry.precision && s.recall >= entry.recall ? "meets" : "misses"
            return "blind language set, \(name): \(kind): precision \(s.truePositives)/"
                + "\(s.truePositives + s.falsePositives) = \(Int((s.precision * 1000).rounded()))‰, recall "
                + "\(s.truePositives)/\(s.errors) = \(Int((s.recall * 1000).rounded()))‰ (\(issue) issue 14's floors "
                + "\(entry.precision)/\(entry.recall))"
        }
        print(line("whole", s))
        print(line("development half", dev))
        print(line("held-out half", held))
        for m in dev.misses { print("  missed \(m)") }
        for w in dev.wrongs { print("  false \(w)") }
        let floor = try #require(Self.measured[kind])
        #expect(s.precision >= floor.precision, "\(kind) precision \(s.precision) fell below \(floor.precision)")
        #expect(s.recall >= floor.recall, "\(kind) recall \(s.recall) fell below \(floor.recall)")
    }
}
