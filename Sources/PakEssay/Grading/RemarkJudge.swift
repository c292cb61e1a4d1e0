/// Maps tutors' remarks to criteria and sets each against the answer's own findings on those criteria:
/// criticism is borne out when findings cost the criterion marks, praise when the criterion lost little.
/// The explanation names the findings, so that a verdict never says what the report does not.
struct RemarkJudge {
    let rubric: Rubric

    /// Praise fits a criterion whose findings cost at most this share of its marks.
    static let littleShare = 0.25

    /// What the report holds against one criterion.
    struct Standing {
        let score: CriterionScore
        /// Marks its findings cost (the examiner's reserve is no fault and is left out).
        let lost: Double
        /// Its findings that cost marks, grouped by rule, the costliest first.
        let faults: [(rule: String, lost: Double, items: [Finding])]

        var marks: String { "\(JSONValue.format(score.score))/\(JSONValue.format(score.max))" }
    }

    func judge(_ remarks: [Remark], scores: [CriterionScore], findings: [Finding]) -> [RemarkVerdict] {
        var standings: [String: Standing] = [:]
        for score in scores { standings[score.id] = Self.standing(score, findings: findings) }
        return remarks.map { remark in
            let (criticised, praised) = criteria(of: remark, scores: scores)
            guard !criticised.isEmpty || !praised.isEmpty else {
                return RemarkVerdict(
                    remark: remark, criteria: [], agrees: nil, explanation: "names no criterion pakessay grades")
            }
            var parts: [(agrees: Bool, text: String)] = []
            for id in criticised { if let s = standings[id] { parts.append(Self.criticism(id, s)) } }
            for id in praised { if let s = standings[id] { parts.append(Self.praise(id, s)) } }
            let agreed = parts.filter(\.agrees).count
            let verdict = agreed == parts.count ? "agrees" : agreed == 0 ? "disagrees" : "partly agrees"
            return RemarkVerdict(
                remark: remark, criteria: criticised + praised, agrees: agreed == parts.count,
                explanation: "pakessay \(verdict): " + parts.map(\.text).joined(separator: "; "))
        }
    }

    /// The criteria a remark criticises and those it praises, each in the rubric's order; a criterion
    /// both criticised and praised counts as criticised.
    private func criteria(of remark: Remark, scores: [CriterionScore]) -> (criticised: [String], praised: [String]) {
        var criticised: [String] = []
        var praised: [String] = []
        // Each keyword is tried on each word of each clause: their bytes are taken out once.
        let keywords = rubric.remarkKeywords.map { (PrefixWord($0.keyword), $0.criteria) }
        for clause in clauses(remark.text) {
            let words = lowercaseWords(clause)
            let praise =
                words.contains(where: Self.praiseWords.contains)
                && !words.contains(where: Self.criticismWords.contains)
            let read = words.map(PrefixWord.init)
            for (keyword, ids) in keywords where read.contains(where: { $0.hasPrefix(keyword) }) {
                for id in ids where scores.contains(where: { $0.id == id }) {
                    if praise {
                        if !praised.contains(id) { praised.append(id) }
                    } else if !criticised.contains(id) {
                        criticised.append(id)
                    }
                }
            }
        }
        let rank = { (id: String) in scores.firstIndex { $0.id == id } ?? 0 }
        criticised.sort { rank($0) < rank($1) }
        praised = praised.filter { !criticised.contains($0) }.sorted { rank($0) < rank($1) }
        return (criticised, praised)
    }

    static func standing(_ score: CriterionScore, findings: [Finding]) -> Standing {
        var groups: [(rule: String, lost: Double, items: [Finding])] = []
        for f in findings where f.criterion == score.id && f.marksLost >= 0.005 {
            if let k = groups.firstIndex(where: { $0.rule == f.rule }) {
                groups[k].lost += f.marksLost
                groups[k].items.append(f)
            } else {
                groups.append((f.rule, f.marksLost, [f]))
            }
        }
        let ranked = groups.enumerated().sorted { a, b in
            abs(a.element.lost - b.element.lost) > 1e-9 ? a.element.lost > b.element.lost : a.offset < b.offset
        }.map(\.element)
        return Standing(score: score, lost: groups.reduce(0) { $0 + $1.lost }, faults: ranked)
    }

    /// Criticism agrees when findings cost the criterion marks, and names them; else it disagrees.
    static func criticism(_ id: String, _ s: Standing) -> (agrees: Bool, text: String) {
        guard !s.faults.isEmpty else {
            let reserve = s.score.score < s.score.max ? "; only the examiner's reserve is held back" : ""
            return (false, "it finds nothing that costs \(id) marks (\(s.marks)\(reserve))")
        }
        return (true, "its findings cost \(id) \(cost(s)): \(faults(s))")
    }

    /// Praise agrees when the criterion's findings cost little of its marks.
    static func praise(_ id: String, _ s: Standing) -> (agrees: Bool, text: String) {
        if s.faults.isEmpty {
            return (true, "the praise of \(id) fits: it finds nothing that costs \(id) marks (\(s.marks))")
        }
        if s.lost <= littleShare * s.score.max {
            return (true, "the praise of \(id) fits: its findings cost \(id) only \(cost(s))")
        }
        return (false, "the praise of \(id) does not fit: its findings cost \(id) \(cost(s)): \(faults(s))")
    }

    /// "1.5 of 3 marks".
    static func cost(_ s: Standing) -> String {
        "\(figure(s.lost)) of \(JSONValue.format(s.score.max)) mark\(s.score.max == 1 ? "" : "s")"
    }

    /// The costliest fault of a criterion in plain words, with its cost, and how many more.
    static func faults(_ s: Standing) -> String {
        let shown = s.faults.prefix(1).map { "\(describe($0.rule, $0.items)) (−\(figure($0.lost)))" }
        let more = s.faults.count - shown.count
        return listing(shown + (more > 0 ? ["\(counted(more, "other fault"))"] : []))
    }

    /// One rule's findings said shortly: the message up to its first semicolon, or the places it names.
    static func describe(_ rule: String, _ items: [Finding]) -> String {
        let total = items.reduce(0) { $0 + $1.count }
        let short = { (f: Finding) in headClause(f.message) }
        guard total > 1 else { return short(items[0]) }
        let named = Improvements.places(items)
        if !named.isEmpty, let phrase = Improvements.advice[rule]?.fault { return phrase(named, total) }
        var messages: [String] = []
        for f in items where !messages.contains(short(f)) { messages.append(short(f)) }
        return messages.count == 1 ? messages[0] : "\(messages[0]) and \(total - 1) more like it"
    }

    /// A message up to its first "; " or ": " outside brackets: the fault without its aside.
    static func headClause(_ message: String) -> String {
        var depth = 0
        var previous: Character = " "
        var out = ""
        for ch in message {
            if ch == "(" { depth += 1 }
            if ch == ")" { depth = max(0, depth - 1) }
            if depth == 0, ch == " ", previous == ";" || previous == ":" { return String(out.dropLast()) }
            out.append(ch)
            previous = ch
        }
        return out
    }

    static let praiseWords: Set<String> = [
        "good", "well", "nice", "excellent", "strong", "neat", "impressive", "fine", "great", "commendable", "clear",
        "solid",
    ]
    static let criticismWords: Set<String> = [
        "improve", "weak", "thin", "add", "more", "poor", "lack", "lacks", "missing", "better", "avoid", "reduce",
        "not", "no", "less", "too", "needs", "need", "work",
    ]

    /// A remark split at punctuation and at "but", so that praise and criticism are read apart.
    private func clauses(_ text: String) -> [String] {
        var out: [String] = []
        var current: [Substring] = []
        for word in text.split(separator: " ") {
            let bare = Self.mayBreak(word) ? lowercaseWords(String(word)).first ?? "" : ""
            if bare == "but" || bare == "however" || bare == "although" {
                out.append(current.joined(separator: " "))
                current = []
                continue
            }
            current.append(word)
            if let last = word.last, ",;.:!?".contains(last) {
                out.append(current.joined(separator: " "))
                current = []
            }
        }
        if !current.isEmpty { out.append(current.joined(separator: " ")) }
        return out
    }

    /// False when a word's first word cannot be "but", "however" or "although": an ASCII word that holds none
    /// of them in any case (no other character lowers to their letters). Spares splitting every word of a remark.
    static func mayBreak(_ word: Substring) -> Bool {
        word.utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes where b >= 0x80 { return true }
            func holds(_ breaker: StaticString) -> Bool {
                let n = breaker.utf8CodeUnitCount
                guard bytes.count >= n else { return false }
                let p = breaker.utf8Start
                for s in 0...(bytes.count - n) {
                    var k = 0
                    while k < n, bytes[s + k] | 0x20 == p[k] { k += 1 }
                    if k == n { return true }
                }
                return false
            }
            return holds("but") || holds("however") || holds("although")
        } ?? true
    }
}

/// A word with its bytes taken out, for prefix tests repeated many times: two plain ASCII words (no carriage
/// return, which may join the next character) compare by bytes, which is what `String.hasPrefix` answers for
/// them; any other pair is left to `hasPrefix`.
private struct PrefixWord {
    let text: String
    let bytes: [UInt8]
    let plain: Bool

    init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8)
        plain = bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }

    func hasPrefix(_ prefix: PrefixWord) -> Bool {
        guard plain, prefix.plain else { return text.hasPrefix(prefix.text) }
        guard bytes.count >= prefix.bytes.count else { return false }
        for k in prefix.bytes.indices where bytes[k] != prefix.bytes[k] { return false }
        return true
    }
}
