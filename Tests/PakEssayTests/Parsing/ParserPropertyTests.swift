import Foundation
import Testing

@testable import PakEssay

/// Properties that must hold for every input, checked on hundreds of transcripts (thousands in CI:
/// `PropertySize`) generated with a fixed seed from fragments of the samples, markup tokens and random
/// scalars, then mutated.
@Suite("Parser properties")
struct ParserPropertyTests {
    /// Markup the format recognises, and the structure-making starts of lines.
    static let tokens = [
        "~~", "^{", "}", "{--", "--}", "{++", "++}", "{~~", "~>", "~~}", "{==", "==}", "{>>", "<<}",
        "<del>", "</del>", "<s>", "</s>", "<strike>", "</strike>", "<ins>", "</ins>", "<add>", "</add>", "<subst>",
        "</subst>",
        "<DEL>", "<u>", "</b>", "[illegible]", "[?guess?]", "[map: a route]", "[diagram: flow]", "[table: losses]",
        "[note: x]",
        "~", "^", "<", "{", "[", "]", "Q1. ", "Q. No. 4 ", "Question 5: ", "1. ", "2.1 ", "2.1.3 ", "(a) ", "(i) ",
        "IV) ", "A. ",
        "# ", "## ", "- ", "• ", "→ ", "Remarks: ", "Tutor: ", "INTRODUCTION", "Conclusion:",
        // Nested pieces: edits inside highlights, substitutions and other edits.
        "{==~~old~~ text==}", "{==^{new} text==}", "<subst>~~a~~ b</subst>", "^{a ~~b~~ c}", "~~a ^{b} c~~",
        "{==x {--y--}==}",
    ]
    /// White space, line ends and scripts.
    static let texture = [
        " ", " ", "\t", "\u{A0}", "\u{3000}", "\n", "\n", "\n\n", "\n\n", "\r\n", "\r", "\n[page 3]\n",
        "\n--- page 4 ---\n",
        "é", "e\u{301}", "پاکستان", "زندہ باد", "😀", "👨‍👩‍👧", "🇵🇰", "“", "”", "’", "—", ".", ":", ",",
    ]
    static let escapes = [#"\~"#, #"\^"#, #"\{"#, #"\["#, #"\<"#, #"\}"#]
    /// Openers that must never survive into a fair copy of input without escapes.
    static let openers = [
        "~~", "^{", "{--", "{++", "{~~", "{==", "{>>", "<del>", "<s>", "<strike>", "<ins>", "<add>", "<subst>",
        "[illegible]",
    ]
    static let openerTokens: Set<String> = [
        "~~", "^{", "{--", "{++", "{~~", "{==", "{>>", "<del>", "<s>", "<strike>", "<ins>", "<add>", "<subst>", "<DEL>",
        "~~}",
    ]

    /// Lines of every sample, without the one that holds escapes.
    static let fragments: [String] = Fixtures.sampleNames.flatMap { name in
        SampleFiles.text(name).split(separator: "\n").map(String.init).filter { !$0.contains("\\") }
    }

    struct Generated {
        var text: String
        var plain: Bool
        var openerCount: Int
    }

    /// A random scalar: ASCII letters and punctuation (without markup characters), Latin, Arabic, CJK, emoji, controls.
    static func randomScalar(_ rng: inout SplitMix64) -> Unicode.Scalar {
        let ranges: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0xA0...0x24F, 0x600...0x6FF, 0x4E00...0x4E80, 0x1F300...0x1F64F, 0x01...0x1F, 0x2000...0x206F,
            0xFFF0...0xFFFD,
        ]
        while true {
            let range = rng.pick(ranges)
            let value = range.lowerBound + UInt32(rng.int(Int(range.upperBound - range.lowerBound) + 1))
            guard let scalar = Unicode.Scalar(value) else { continue }
            if "~^{}<>[]\\".unicodeScalars.contains(scalar) || value == 0 { continue }
            return scalar
        }
    }

    /// Whole short lines that make structure: questions, headings of each style, outline points.
    static let structureLines = [
        "Q1. Discuss the causes of the energy crisis.", "Q.2 Critically analyse CPEC.",
        "Question No. 6 To what extent is it true?",
        "1. INTRODUCTION :", "2. Causes of the Crisis", "2.1 Poor Governance", "2.2 Weak Economy",
        "2.3 ECONOMIC FACTORS: TRADE AND AID:",
        "2.1.3 Deep Roots", "3 CHALLENGES AHEAD:", "I. Introduction", "IV) Way forward", "A. Causes", "(a) Floods",
        "a) Poverty",
        "(i) Rural Areas", "i. Urban Areas", "# Introduction", "## Food Security", "{==Energy Crisis==}", "CONCLUSION",
        "Conclusion:",
        "Poor governance.", "Weak economy", "- Build new dams", "* Reform the police", "• Poor governance",
        "[map: CPEC routes]",
        "Remarks: add data.", "Examiner: 12/20", "work on your conclusion and add data.", "[page 2]", "--- page 3 ---",
    ]

    static func piece(_ rng: inout SplitMix64, withEscapes: Bool, openers: inout Int) -> String {
        switch rng.int(100) {
        case 0..<35:
            // A whole sample line when it is short, else a window of it: structure, not bulk, is the point.
            let line = Array(rng.pick(fragments).unicodeScalars)
            if line.count <= 80, rng.chance(50) { return String(String.UnicodeScalarView(line)) }
            let start = rng.int(line.count + 1)
            let end = min(line.count, start + rng.int(60))
            return String(String.UnicodeScalarView(line[start..<end]))
        case 35..<65:
            let token = rng.pick(tokens)
            // Over-counting is safe: it only skips the fair-copy check for deep nests.
            openers += openerTokens.reduce(0) { $0 + token.components(separatedBy: $1).count - 1 }
            return token
        case 65..<85:
            return rng.pick(texture)
        case 85..<95:
            var view = String.UnicodeScalarView()
            for _ in 0..<(1 + rng.int(6)) { view.append(randomScalar(&rng)) }
            return String(view)
        default:
            return withEscapes ? rng.pick(escapes) : rng.pick(["word", "Pakistan", "and", "the"])
        }
    }

    /// A transcript of a few lines: some whole structure lines, the others built of pieces. Plain inputs
    /// keep a space between pieces, so a lone `~` never meets a removed span and then another token.
    static func generate(_ rng: inout SplitMix64, withEscapes: Bool) -> Generated {
        var text = ""
        var openers = 0
        for k in 0..<(1 + rng.int(12)) {
            if k > 0 { text += rng.pick(["\n", "\n", "\n\n", "\n\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\n \t\n"]) }
            if rng.chance(35) {
                text += rng.pick(structureLines)
            } else {
                text += (0..<(1 + rng.int(5))).map { _ in piece(&rng, withEscapes: withEscapes, openers: &openers) }
                    .joined(separator: " ")
            }
        }
        return Generated(text: text, plain: !withEscapes, openerCount: openers)
    }

    /// Cuts, repeats, moves or inserts a piece of the text, at scalar boundaries.
    static func mutate(_ text: String, _ rng: inout SplitMix64) -> String {
        var s = Array(text.unicodeScalars)
        for _ in 0..<(1 + rng.int(3)) {
            let a = rng.int(s.count + 1)
            let b = rng.int(s.count + 1)
            let range = min(a, b)..<max(a, b)
            switch rng.int(4) {
            case 0: s.removeSubrange(range)
            case 1: s.insert(contentsOf: Array(s[range]), at: rng.int(s.count + 1))
            case 2: s.insert(contentsOf: Array(rng.pick(tokens + texture).unicodeScalars), at: rng.int(s.count + 1))
            default:
                let piece = Array(s[range])
                s.removeSubrange(range)
                s.insert(contentsOf: piece, at: rng.int(s.count + 1))
            }
        }
        return String(String.UnicodeScalarView(s))
    }

    /// The scalars of each line as the format splits them (LF, CRLF or CR), written independently of the parser.
    static func lines(_ text: String) -> [Int] {
        var counts: [Int] = []
        var current = 0
        var previousCR = false
        for c in text.unicodeScalars {
            if previousCR && c == "\n" {
                previousCR = false
                continue
            }
            previousCR = c == "\r"
            if c == "\n" || c == "\r" {
                counts.append(current)
                current = 0
            } else {
                current += 1
            }
        }
        if current > 0 || counts.isEmpty { counts.append(current) }
        return counts
    }

    /// Every position the model carries, with what it belongs to.
    static func positions(_ answer: Answer) -> [(String, SourcePosition)] {
        var out: [(String, SourcePosition)] = []
        func inlines(_ list: [Inline], _ owner: String) {
            for inline in list {
                switch inline {
                case .text(_, let at), .illegible(let at), .guess(_, let at), .visual(_, _, let at),
                    .pageBreak(_, _, let at):
                    out.append((owner, at))
                case .struck(let children, let at), .inserted(let children, let at), .highlighted(let children, let at):
                    out.append((owner, at))
                    inlines(children, owner)
                case .lineBreak:
                    break
                }
            }
        }
        if let q = answer.question { out.append(("question", q.position)) }
        for e in answer.edits { out.append(("edit \(e.kind)", e.position)) }
        for d in answer.diagnostics { out.append(("diagnostic \(d.rule)", d.position)) }
        for r in answer.remarks { out.append(("remark", r.position)) }
        for v in answer.visuals { out.append(("visual", v.position)) }
        for section in answer.allSections {
            out.append(("section", section.position))
            inlines(section.heading, "heading")
            for item in section.outline {
                out.append(("outline", item.position))
                inlines(item.content, "outline")
            }
            for p in section.paragraphs {
                out.append(("paragraph start", p.range.start))
                out.append(("paragraph end", p.range.end))
                inlines(p.content, "paragraph")
            }
            for v in section.visuals { out.append(("section visual", v.position)) }
        }
        return out
    }

    static func check(_ text: String, plain: Bool, case index: Int) throws {
        let bytes = Array(text.utf8)
        let first = try EssayParser.parse(bytes: bytes, source: "gen.txt")
        let second = try EssayParser.parse(bytes: bytes, source: "gen.txt")
        #expect(first == second, "case \(index): parsing twice differs")
        let lineLengths = lines(text)
        for answer in first.answers {
            for (owner, p) in positions(answer) {
                let inFile =
                    p.line >= 1 && p.line <= lineLengths.count && p.column >= 1
                    && p.column <= lineLengths[p.line - 1] + 1
                if !inFile {
                    Issue.record(
                        "case \(index): \(owner) at \(p.line):\(p.column) is outside the file \(text.debugDescription)")
                    return
                }
            }
            let s = answer.stats
            let counts = [
                s.words, s.paragraphs, s.headings, s.cuttings, s.insertions, s.corrections, s.illegible, s.outlineItems,
                s.visuals,
            ]
            #expect(counts.allSatisfy { $0 >= 0 } && s.pages >= 1, "case \(index): negative statistics")
            #expect(s.corrections <= min(s.cuttings, s.insertions), "case \(index): more corrections than halves")
            #expect(
                answer.allParagraphs.allSatisfy { $0.words >= 0 && $0.pageBreaks >= 0 },
                "case \(index): negative paragraph counts")
            if plain {
                let fair = FairCopyWriter.text(of: answer).lowercased()
                for token in openers where fair.contains(token) {
                    Issue.record(
                        "case \(index): the fair copy holds `\(token)`: \(fair.debugDescription) from \(text.debugDescription)"
                    )
                    return
                }
            }
        }
    }

    @Test(
        "generated transcripts: no crash, positions in the file, deterministic, clean fair copy, counts never negative")
    func generated() throws {
        var rng = SplitMix64(seed: 0x5EED_CAFE_2024)
        for index in 0..<PropertySize.cases(600) {
            let withEscapes = index % 4 == 3
            var generated = Self.generate(&rng, withEscapes: withEscapes)
            // Deeper nesting than the scanner allows is read as literal text, so skip the fair-copy check there.
            var plain = generated.plain && generated.openerCount <= InlineScanner.maxDepth
            if rng.chance(40) {
                generated.text = Self.mutate(generated.text, &rng)
                plain = false
            }
            try Self.check(generated.text, plain: plain, case: index)
        }
    }

    @Test("an invalid byte inserted anywhere is reported at its exact offset")
    func invalidByteOffset() throws {
        var rng = SplitMix64(seed: 0xBAD_B17E)
        for index in 0..<PropertySize.cases(100) {
            let text = Self.generate(&rng, withEscapes: true).text
            var bytes = Array(text.utf8)
            // Insert only at a scalar boundary, so everything before the byte is valid.
            let boundaries = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 } + [bytes.count]
            let offset = rng.pick(boundaries)
            bytes.insert(rng.pick([0xFF, 0xFE, 0xC0, 0x80, 0xF8] as [UInt8]), at: offset)
            do {
                _ = try EssayParser.parse(bytes: bytes, source: "gen.txt")
                Issue.record("case \(index): no error for an invalid byte at \(offset)")
            } catch {
                #expect(error.code == "invalid-utf8", "case \(index)")
                #expect(error.offset == offset, "case \(index)")
            }
        }
    }
}
