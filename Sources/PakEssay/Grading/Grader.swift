import Foundation

/// Grades answers against a rubric: runs each criterion's rules on an analysis made once per answer,
/// builds scores from the rules' credit, traces every mark lost to findings, and writes improvements.
public struct Grader: Sendable {
    /// The rubric.
    public let rubric: Rubric

    /// Creates a grader.
    public init(rubric: Rubric) { self.rubric = rubric }

    /// Grades one parsed answer.
    public func grade(_ answer: Answer, source: String, question: String? = nil) -> GradedAnswer {
        traced(answer, source: source, question: question).graded
    }

    /// Grades one parsed answer and returns, beside the grade, the credits each criterion's score was
    /// built from (for `calibrate`, which refits the weights without grading again).
    public func traced(_ answer: Answer, source: String, question: String? = nil)
        -> (graded: GradedAnswer, credits: [CriterionCredits])
    {
        var credits: [CriterionCredits] = []
        let context = GradingContext(
            answer: answer, question: question, lexicon: rubric.lexicon, expectedWords: rubric.expectedWords)
        var scores: [CriterionScore] = []
        var findings: [Finding] = []
        var caps: [(cap: Cap, finding: Finding)] = []
        var raw: [(criterion: Criterion, unrounded: Double, findings: [Finding], reserve: Double?)] = []
        var misspellings = 0

        for criterion in rubric.criteria {
            var share = 0.0
            var weights = 0.0
            var gate = 1.0
            var outcomes: [(RuleUse, RuleOutcome)] = []
            var trace = CriterionCredits()
            for (k, use) in criterion.rules.enumerated() {
                var outcome = use.rule.evaluate(context)
                if let limit = rubric.findingsPerRule, outcome.findings.count > limit {
                    outcome.findings = Self.folding(outcome.findings, after: limit)
                }
                for i in outcome.findings.indices { outcome.findings[i].criterion = criterion.id }
                if use.rule.findsMisspellings { misspellings += outcome.findings.reduce(0) { $0 + $1.count } }
                outcomes.append((use, outcome))
                // A check that could not be made neither credits nor costs: its weight goes to the others.
                guard outcome.judged else { continue }
                if use.gate {
                    gate *= outcome.credit
                } else {
                    share += use.weight * outcome.credit
                    weights += use.weight
                    trace.rules.append(k)
                    trace.credits.append(outcome.credit)
                }
                if let f = outcome.findings.first { caps += outcome.caps.map { ($0, f) } }
            }
            // With no rule judged (or none but gates), the criterion's quality is full.
            let quality = weights > 0 ? share / weights : 1
            let strict = pow(quality, rubric.exponent)
            let unrounded = criterion.marks * gate * strict * rubric.ceiling
            // Trace the loss: the gates' share, then each rule by its weight and missing credit, then the reserve.
            let qualityLoss = criterion.marks * gate * (1 - strict)
            let missing = outcomes.filter { !$0.0.gate && $0.1.judged }
                .reduce(0) { $0 + $1.0.weight * (1 - $1.1.credit) }
            let gateMissing = outcomes.filter { $0.0.gate && $0.1.judged }.reduce(0) { $0 + (1 - $1.1.credit) }
            var traced: [Finding] = []
            for (use, outcome) in outcomes where outcome.judged && outcome.credit < 1 {
                let loss =
                    use.gate
                    ? criterion.marks * (1 - gate) * (1 - outcome.credit) / max(1e-9, gateMissing)
                    : qualityLoss * use.weight * (1 - outcome.credit) / max(missing, 1e-9)
                traced += distribute(loss, over: outcome.findings)
            }
            for (_, outcome) in outcomes where !outcome.judged || outcome.credit >= 1 { traced += outcome.findings }
            let reserve = criterion.marks * gate * strict * (1 - rubric.ceiling)
            raw.append((criterion, unrounded, traced, reserve > 0 ? reserve : nil))
            trace.gate = gate
            credits.append(trace)
        }

        var settled: [(criterion: Criterion, value: Double, findings: [Finding], reserve: Double?, at: Int)] = []
        for (k, (criterion, unrounded, traced, reserve)) in raw.enumerated() {
            var value = unrounded
            var list = traced
            let binding = caps.filter { $0.cap.covers(criterion.id) }.min { $0.cap.share < $1.cap.share }
            credits[k].cap = binding?.cap.share ?? 1
            if let binding, value > 0, binding.cap.share < 1 {
                let cut = value * (1 - binding.cap.share)
                value -= cut
                var capped = binding.finding
                capped.criterion = criterion.id
                list += distribute(cut, over: [capped])
            }
            // The reserve shares the criterion's loss between the rules' findings and a cap's.
            settled.append((criterion, value, list, reserve, traced.count))
        }
        let rounded = rubric.roundScores(settled.map(\.value))
        for ((criterion, _, traced, reserve, at), score) in zip(settled, rounded.scores) {
            var list = traced
            let lost = criterion.marks - score
            var shares = list.map(\.marksLost)
            if let reserve { shares.insert(reserve, at: at) }
            let tracedLoss = shares.reduce(0, +)
            var cents = Self.cents(shares.map { tracedLoss > 0 ? $0 * lost / tracedLoss : 0 }, total: lost)
            let kept = reserve.map { _ in Reserve(share: 1 - rubric.ceiling, marks: Double(cents.remove(at: at)) / 100) }
            for i in list.indices { list[i].marksLost = Double(cents[i]) / 100 }
            scores.append(
                CriterionScore(
                    id: criterion.id, title: criterion.title, score: score, max: criterion.marks, reserve: kept))
            findings += list
        }
        // Transcript slips appear as notes that cost nothing by themselves.
        for d in answer.diagnostics {
            guard let shown = d.kind?.asFinding else { continue }
            findings.append(
                Finding(
                    rule: d.rule, criterion: shown.criterion, severity: shown.severity,
                    range: SourceRange(at: d.position), excerpt: "", message: d.message,
                    suggestion: shown.suggestion, marksLost: 0))
        }
        findings.sort(by: Finding.precedes)
        let marks = scores.reduce(0) { $0 + $1.score }
        let improvements = Improvements.write(findings: findings, criteria: rubric.criteria)
        let verdicts = RemarkJudge(rubric: rubric).judge(answer.remarks, scores: scores, findings: findings)
        let graded = GradedAnswer(
            source: source, answer: answer, question: context.question, marks: marks, maxMarks: rubric.maxMarks,
            band: rounded.band, criteria: scores, findings: findings, improvements: improvements,
            remarks: verdicts, sentences: context.sentences.count, evidence: context.evidence, spellingErrors: misspellings,
            relevance: context.relevance)
        return (graded, credits)
    }

    /// A rule's findings with those after the first `limit` folded into one. It counts them, stands
    /// where the earliest of them stands, names their first and last lines, and weighs what they
    /// weighed together, so the marks they would have lost are still traced.
    static func folding(_ findings: [Finding], after limit: Int) -> [Finding] {
        let rest = findings[limit...]
        guard let anchor = rest.min(by: { $0.range.start < $1.range.start }),
            let lastLine = rest.map(\.range.start.line).max()
        else { return findings }
        let weight = rest.reduce(0) { $0 + max(0, $1.weight) }
        var more = Finding(
            rule: anchor.rule, criterion: anchor.criterion, severity: anchor.severity, range: anchor.range,
            excerpt: anchor.excerpt,
            message:
                """
                    \(rest.count) more like the \(limit) listed, from line \(anchor.range.start.line) to line \
                    \(lastLine): \(anchor.message)
                    """,
            suggestion: anchor.suggestion, marksLost: 0, weight: weight, place: anchor.place)
        more.folded = rest.reduce(0) { $0 + $1.count } - 1
        return Array(findings[..<limit]) + [more]
    }

    /// Shares rounded to whole cents that add up to `total` rounded to cents: each share is rounded
    /// down, and the cents left over go to the largest remainders (the earliest first on a tie). However
    /// many findings share a loss, they trace it to the cent.
    static func cents(_ shares: [Double], total: Double) -> [Int] {
        guard shares.contains(where: { $0 > 0 }) else { return shares.map { _ in 0 } }
        // Whole cents of at most 10^13 marks: a share beyond that, or not a number, cannot trap.
        let whole = { (x: Double) in x.isFinite ? Int(Swift.max(-1e15, Swift.min(1e15, x))) : 0 }
        var out = shares.map { whole(($0 * 100 + 1e-7).rounded(.down)) }
        var left = whole((total * 100).rounded()) - out.reduce(0, +)
        let order = shares.indices.sorted { a, b in
            let ra = shares[a] * 100 - Double(out[a])
            let rb = shares[b] * 100 - Double(out[b])
            return abs(ra - rb) > 1e-9 ? ra > rb : a < b
        }
        var k = 0
        while left > 0 {
            if shares[order[k]] > 0 {
                out[order[k]] += 1
                left -= 1
            }
            k = (k + 1) % order.count
        }
        // Should rounding down ever overshoot (a share a hair under a whole cent), take the excess back
        // from the smallest remainders that have a cent to give.
        k = order.count - 1
        while left < 0, k >= 0 {
            if out[order[k]] > 0 {
                out[order[k]] -= 1
                left += 1
            }
            k -= 1
        }
        return out
    }

    /// Shares a loss among findings by their weights.
    private func distribute(_ loss: Double, over findings: [Finding]) -> [Finding] {
        let total = findings.reduce(0) { $0 + max(0, $1.weight) }
        return findings.map { f in
            var f = f
            f.marksLost = total > 0 ? loss * max(0, f.weight) / total : 0
            return f
        }
    }
}

/// Writes the three changes worth the most marks, in a tutor's voice, from the findings.
enum Improvements {
    /// What groups findings into one improvement: their rule, or a fault several rules share.
    enum Key: Hashable {
        case rule(String)
        case shared(SharedFault)
    }

    static func write(findings: [Finding], criteria: [Criterion]) -> [String] {
        var byKey: [Key: (loss: Double, items: [Finding], order: Int)] = [:]
        var order = 0
        for f in findings where f.marksLost > 0 {
            let key = Self.key(f)
            if byKey[key] == nil {
                byKey[key] = (0, [], order)
                order += 1
            }
            byKey[key]!.loss += f.marksLost
            byKey[key]!.items.append(f)
        }
        let ranked = byKey.sorted { a, b in
            abs(a.value.loss - b.value.loss) > 1e-9 ? a.value.loss > b.value.loss : a.value.order < b.value.order
        }
        return ranked.prefix(3).map { key, entry in
            let rounded = max(0.5, (entry.loss * 2).rounded() / 2)
            let worth = "(worth about \(JSONValue.format(rounded)) mark\(rounded == 1 ? "" : "s"))"
            switch key {
            case .shared(let fault): return shared(fault, entry.items, worth: worth)
            case .rule(let rule): return improvement(rule, entry.items, worth: worth)
            }
        }
    }

    /// The advice of every rule, by id.
    static let advice: [String: RuleAdvice] = Dictionary(
        RuleRegistry.all.map { ($0.description.id, $0.description.advice) }, uniquingKeysWith: { a, _ in a })

    /// A finding's group: the fault it shares with other rules (unless it is only a note), else its rule.
    static func key(_ f: Finding) -> Key {
        if let fault = advice[f.rule]?.sharedFault, f.severity != .note { return .shared(fault) }
        return .rule(f.rule)
    }

    /// One rule's improvement: its advice for several places, else its messages and its fix.
    static func improvement(_ rule: String, _ items: [Finding], worth: String) -> String {
        let first = items[0]
        // A folded finding counts for all it stands for.
        let total = items.reduce(0) { $0 + $1.count }
        if total == 1 {
            return "\(capitalised(first.message)): \(lowerFirst(first.suggestion)) \(worth)"
        }
        let named = places(items)
        if !named.isEmpty, let phrase = advice[rule]?.improvement { return phrase(named, total) + " " + worth }
        // A cap repeats its finding in every criterion it limits: each message is said once.
        var messages: [String] = []
        for f in items where !messages.contains(f.message) { messages.append(f.message) }
        if messages.count == 1 {
            return "\(capitalised(first.message)): \(lowerFirst(first.suggestion)) \(worth)"
        }
        let more = messages.count > 3 ? " and \(messages.count - 3) more" : ""
        messages = Array(messages.prefix(3))
        return "\(capitalised(messages.joined(separator: "; ")))\(more): \(lowerFirst(first.suggestion)) \(worth)"
    }

    /// The places a rule's findings name, listed: "sections 2.1, 2.3 and 4", "the introduction and
    /// 2 more"; empty when they name none.
    static func places(_ items: [Finding]) -> String {
        var places: [String] = []
        for f in items { if let p = f.place, !places.contains(p) { places.append(p) } }
        let unlisted = items.reduce(0) { $0 + $1.folded }
        if places.count > 1, places.allSatisfy({ $0.hasPrefix("section ") }) {
            return "sections " + listing(places.map { String($0.dropFirst(8)) }, limit: 4, more: unlisted)
        }
        return places.isEmpty ? "" : listing(places, limit: 4, more: unlisted)
    }

    /// One improvement for a fault several rules charge (a short answer), said once: the message of
    /// the rule that speaks for it when that rule found it, else the first, then the fault's fix.
    static func shared(_ fault: SharedFault, _ items: [Finding], worth: String) -> String {
        let said = items.first { advice[$0.rule]?.speaksForFault == true } ?? items[0]
        return "\(capitalised(said.message)): \(fault.fix) \(worth)"
    }

    static func capitalised(_ s: String) -> String { RuleAdvice.capitalised(s) }
    static func lowerFirst(_ s: String) -> String {
        guard let first = s.first, s.count > 1, !s.dropFirst().prefix(1).allSatisfy(\.isUppercase) else { return s }
        return first.lowercased() + s.dropFirst()
    }
}

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
        for clause in clauses(remark.text) {
            let words = lowercaseWords(clause)
            let praise =
                words.contains(where: Self.praiseWords.contains)
                && !words.contains(where: Self.criticismWords.contains)
            for (keyword, ids) in rubric.remarkKeywords where words.contains(where: { $0.hasPrefix(keyword) }) {
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
            let bare = lowercaseWords(String(word)).first ?? ""
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
}
