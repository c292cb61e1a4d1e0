/// A small deterministic random generator (SplitMix64) and a maker of transcripts for property tests.
struct SplitMix64 {
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
    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
}

/// Builds plausible and broken transcripts from pieces of the format and of the samples.
enum TranscriptMaker {
    static let questions = [
        "Q.1 Discuss the causes of inflation in Pakistan.", "Q 3) Critically analyse CPEC.",
        "Question No. 6 Examine the water crisis and suggest measures.",
        "Q. No. 4 To what extent has the 18th Amendment strengthened federalism?",
        "Q: Compare Pakistan's ties with Iran and Afghanistan.",
    ]
    static let headings = [
        "1. INTRODUCTION :", "2. Historical background:", "3 CHALLENGES AHEAD:", "2.1 ECONOMIC FACTORS: TRADE AND AID:",
        "2.1.3 Energy", "I. Introduction",
        "IV) Way forward", "A. CAUSES", "(a) Floods", "a) Poverty", "(i) The 2022 floods", "i. Debt", "# Introduction",
        "## 1. Causes", "{==CONCLUSION==}", "CONCLUSION", "- a bullet point", "• Energy security.",
    ]
    static let tokens = [
        "~~", "^{", "}", "{--", "--}", "{++", "++}", "{~~", "~>", "~~}", "{==", "==}", "{>>", "<<}", "<del>", "</del>",
        "<s>", "<ins>", "</ins>",
        "<add>", "<subst>", "</subst>", "[illegible]", "[?guess?]", "[map: a route]", "[page 2]", "\\~", "\\^", "<",
        "~", "^", "{", "[", "\n", "\n\n", "\t", "\u{A0}", "é", "پاکستان", "😀", "“", "”", "—",
    ]
    static let sentences = [
        "According to the State Bank of Pakistan, inflation reached 29 per cent in 2023.",
        "The goverment must act because the people suffer.",
        "However, critics argue that the reforms came too late.", "CPEC added 8,000 MW to the grid by 2020.",
        "this sentence starts in lowercase.",
        "\"CPEC is a game changer,\" said Nawaz Sharif.", "Therefore, the way forward lies in reform.",
        "To conclude, Pakistan must reform its economy.",
    ]

    static func make(_ rng: inout SplitMix64, samples: [String]) -> String {
        var parts: [String] = []
        if rng.chance(80) { parts.append(rng.pick(questions)) }
        for _ in 0..<(1 + rng.int(12)) {
            switch rng.int(5) {
            case 0: parts.append(rng.pick(headings))
            case 1:
                let sample = rng.pick(samples)
                let lines = sample.split(separator: "\n", omittingEmptySubsequences: false)
                let start = rng.int(lines.count)
                parts.append(lines[start..<min(lines.count, start + 1 + rng.int(6))].joined(separator: "\n"))
            default:
                var sentence = (0..<(1 + rng.int(4))).map { _ in rng.pick(sentences) }.joined(separator: " ")
                if rng.chance(40) {
                    var scalars = Array(sentence.unicodeScalars)
                    for _ in 0..<(1 + rng.int(3)) {
                        let at = rng.int(scalars.count + 1)
                        scalars.insert(contentsOf: rng.pick(tokens).unicodeScalars, at: at)
                    }
                    sentence = String(String.UnicodeScalarView(scalars))
                }
                parts.append(sentence)
            }
        }
        return parts.joined(separator: rng.chance(70) ? "\n\n" : "\n")
    }
}
