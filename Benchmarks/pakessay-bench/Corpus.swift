import Foundation
import PakEssay

/// A deterministic SplitMix64 generator, so every run builds the same corpus.
struct Random {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ upper: Int) -> Int { upper <= 0 ? 0 : Int(next() % UInt64(upper)) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
}

/// Builds a synthetic class from the sample essays: answers whose sections, paragraphs and markup are
/// shuffled between samples, each made unique by a varied figure, so that no two answers are the same.
struct Corpus {
    let answers: [String]
    var bytes: Int { answers.reduce(0) { $0 + $1.utf8.count } }

    /// Reads the samples' answers as blocks (runs of lines between blank lines), grouped into
    /// the question, headed chunks and plain paragraphs.
    static func pieces(from folder: String) throws -> (questions: [String], chunks: [String]) {
        var questions: [String] = []
        var chunks: [String] = []
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        for file in files {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            for block in text.components(separatedBy: "\n\n")
            where !block.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                if EssayParser.isQuestionLine(String(block.prefix(200))) {
                    questions.append(block.components(separatedBy: "\n")[0])
                } else if !block.hasPrefix("Roll No.") {
                    chunks.append(block)
                }
            }
        }
        return (questions, chunks)
    }

    static func make(answers count: Int, minimumBytes: Int, samples: String, seed: UInt64 = 2026) throws -> Corpus {
        let (questions, chunks) = try pieces(from: samples)
        var rng = Random(seed: seed)
        var answers: [String] = []
        answers.reserveCapacity(count)
        let target = max(1, minimumBytes / max(1, count))
        var k = 0
        while answers.count < count
            || answers.reduce(0, { $0 + $1.utf8.count }) < minimumBytes && answers.count < count * 4
        {
            k += 1
            var text =
                "Q.\(k % 9 + 1) " + rng.pick(questions).split(separator: " ", maxSplits: 1).last.map(String.init)!
                + "\n\n"
            var size = text.utf8.count
            while size < target {
                var chunk = rng.pick(chunks)
                switch rng.int(6) {
                case 0: chunk += " The figure stood at \(rng.int(90) + 1) per cent in \(1990 + rng.int(35))."
                case 1:
                    chunk = chunk.replacingOccurrences(
                        of: " the ", with: " ~~teh~~ the ", options: [], range: chunk.range(of: " the "))
                case 2: chunk += " ^{Indeed,} this was answer \(k)."
                default: chunk += " (\(k))"
                }
                text += chunk + "\n\n"
                size += chunk.utf8.count + 2
            }
            answers.append(text)
        }
        return Corpus(answers: answers)
    }
}

/// The shapes of the growth table: each a transcript built to a size `n` (its own unit: answers,
/// lines, headings…), so that time can be compared between n and 4n. Hostile shapes come from the
/// issues that found them; each must grade in time linear in its size.
struct GrowthShape {
    let name: String
    /// The unit `n` counts, for the table.
    let unit: String
    /// The n the benchmark's table uses (divided by 10 for `--quick`).
    let tableSize: Int
    let make: @Sendable (Int) -> String

    /// Every shape, `one` being an ordinary answer whose body is repeated.
    static func all(answer one: String) -> [GrowthShape] {
        let body = one.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
        let head = "Q.1 Discuss inflation.\n\n"
        return [
            GrowthShape(name: "one answer repeated", unit: "copies", tableSize: 100) { n in
                one + String(repeating: "\n\n" + body, count: max(0, n - 1))
            },
            GrowthShape(name: "cuttings in one paragraph", unit: "cuttings", tableSize: 1_000_000) { n in
                head + "Prices " + String(repeating: "~~x~~ ", count: n) + "rose."
            },
            GrowthShape(name: "one long line", unit: "sentences", tableSize: 10_000_000 / 39) { n in
                head + String(repeating: "Prices rose because money was printed. ", count: n)
            },
            GrowthShape(name: "headings", unit: "headings", tableSize: 100_000) { n in
                head + (1...max(1, n)).map { "\($0). PART \($0)\nSome text here.\n" }.joined(separator: "\n")
            },
            GrowthShape(name: "outline lines", unit: "lines", tableSize: 100_000) { n in
                let points = (1...max(1, n)).map { "- point \($0)" }.joined(separator: "\n")
                return head + "1. CAUSES\n" + points + "\n\n1.1 Point 1\nText.\n"
            },
            GrowthShape(name: "numbering nested 30 deep", unit: "runs", tableSize: 2_000) { n in
                let run = (1...30).map { d in (1...d).map { _ in "1" }.joined(separator: ".") + " Level \(d)\nText.\n" }
                    .joined(separator: "\n")
                return head + Array(repeating: run, count: max(1, n)).joined(separator: "\n")
            },
            // Issue 11, item 10: every line a paragraph of its own that does not end a sentence, the next
            // starting lowercase, so each is joined to the one before across an inferred page turn.
            GrowthShape(name: "double-spaced lowercase lines", unit: "lines", tableSize: 16_000) { n in
                let line = "and prices kept rising because the state printed money to pay\n\n"
                return head + String(repeating: line, count: n) + "debts."
            },
            GrowthShape(name: "one-letter paragraphs", unit: "paragraphs", tableSize: 40_000) { n in
                head + String(repeating: "a\n\n", count: n)
            },
            // Item 11: one paragraph of one-word lines.
            GrowthShape(name: "one paragraph of one-word lines", unit: "lines", tableSize: 640_000) { n in
                head + String(repeating: "word\n", count: n)
            },
            // Each short line after a long one was given a buffer as large as the long one.
            GrowthShape(name: "a long line, then short lines", unit: "short lines", tableSize: 100_000) { n in
                head + String(repeating: "Prices rose. ", count: n) + "\n" + String(repeating: "word\n", count: n)
            },
            // Each wholly struck line sends the next one looking further back for a line that leaves fair copy.
            GrowthShape(name: "struck lines, one paragraph", unit: "lines", tableSize: 100_000) { n in
                head + "Prices rose\n" + String(repeating: "~~x~~\n", count: n) + "sharply.\n"
            },
        ]
    }
}
