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
        let context = GradingContext(answer: answer, question: question, lexicon: rubric.lexicon, expectedWords: rubric.expectedWords)
        var scores: [CriterionScore] = []
        var findings: [Finding] = []
        var caps: [(cap: Cap, finding: Finding)] = []
        var raw: [(criterion: Criterion, unrounded: Double, findings: [Finding])] = []

        for criterion in rubric.criteria {
            var share = 0.0
            var weights = 0.0
            var gate = 1.0
            var outcomes: [(RuleUse, RuleOutcome)] = []
            for use in criterion.rules {
                var outcome = use.rule.evaluate(context)
                if let limit = rubric.findingsPerRule, outcome.findings.count > limit {
                    outcome.findings = Self.folding(outcome.findings, after: limit)
                }
                for i in outcome.findings.indices { outcome.findings[i].criterion = criterion.id }
                outcomes.append((use, outcome))
                if use.gate {
                    gate *= outcome.credit
                } else {
                    share += use.weight * outcome.credit
                    weights += use.weight
                }
                if let f = outcome.findings.first { caps += outcome.caps.map { ($0, f) } }
            }
            let quality = weights > 0 ? share / weights : 1
            let strict = pow(quality, rubric.exponent)
            let unrounded = criterion.marks * gate * strict * rubric.ceiling
            // Trace the loss: the gates' share, then each rule by its weight and missing credit, then the reserve.
            let qualityLoss = criterion.marks * gate * (1 - strict)
            let missing = outcomes.filter { !$0.0.gate }.reduce(0) { $0 + $1.0.weight * (1 - $1.1.credit) }
            let gateMissing = outcomes.filter { $0.0.gate }.reduce(0) { $0 + (1 - $1.1.credit) }
            var traced: [Finding] = []
            for (use, outcome) in outcomes where outcome.credit < 1 {
                let loss = use.gate
                    ? criterion.marks * (1 - gate) * (1 - outcome.credit) / max(1e-9, gateMissing)
                    : qualityLoss * use.weight * (1 - outcome.credit) / max(missing, 1e-9)
                traced += distribute(loss, over: outcome.findings)
            }
            for (_, outcome) in outcomes where outcome.credit >= 1 { traced += outcome.findings }
            let reserve = criterion.marks * gate * strict * (1 - rubric.ceiling)
            if reserve > 0 {
                traced.append(Finding(rule: "examiner-reserve", criterion: criterion.id, severity: .note,
                                      range: SourceRange(at: answer.question?.position ?? SourcePosition(line: answer.line, column: 1)), excerpt: "",
                                      message: "\(criterion.title.lowercased()): \(Int(((1 - rubric.ceiling) * 100).rounded()))% of what the checks credit is kept in reserve, as CSS examiners keep the top marks for exceptional answers",
                                      suggestion: "Nothing here is wrong; the last marks go to insight, originality and command that no check can measure.",
                                      marksLost: reserve))
            }
            raw.append((criterion, unrounded, traced))
        }

        var settled: [(criterion: Criterion, value: Double, findings: [Finding])] = []
        for (criterion, unrounded, traced) in raw {
            var value = unrounded
            var list = traced
            let binding = caps.filter { $0.cap.covers(criterion.id) }.min { $0.cap.share < $1.cap.share }
            if let binding, value > 0, binding.cap.share < 1 {
                let cut = value * (1 - binding.cap.share)
                value -= cut
                var capped = binding.finding
                capped.criterion = criterion.id
                list += distribute(cut, over: [capped])
            }
            settled.append((criterion, value, list))
        }
        let rounded = rubric.roundScores(settled.map(\.value))
        for ((criterion, _, traced), score) in zip(settled, rounded.scores) {
            var list = traced
            let lost = criterion.marks - score
            let tracedLoss = list.reduce(0) { $0 + $1.marksLost }
            let cents = Self.cents(list.map { tracedLoss > 0 ? $0.marksLost * lost / tracedLoss : 0 }, total: lost)
            for i in list.indices { list[i].marksLost = Double(cents[i]) / 100 }
            scores.append(CriterionScore(id: criterion.id, title: criterion.title, score: score, max: criterion.marks))
            findings += list
        }
        // Transcript slips appear as notes that cost nothing by themselves.
        for d in answer.diagnostics where d.rule == "markup-unclosed" || d.rule == "question-missing" || d.rule == "encoding-guessed" {
            findings.append(Finding(rule: d.rule, criterion: d.rule == "question-missing" ? "relevance" : "presentation", severity: d.rule == "markup-unclosed" ? .note : .warning,
                                    range: SourceRange(at: d.position), excerpt: "", message: d.message,
                                    suggestion: d.rule == "markup-unclosed" ? "Close the markup in the transcript so the cutting or insertion covers what the pen did." : "Add the question line, or pass --question.",
                                    marksLost: 0))
        }
        findings.sort { a, b in
            if a.range.start != b.range.start { return a.range.start < b.range.start }
            if a.rule != b.rule { return a.rule < b.rule }
            return a.message < b.message
        }
        let marks = scores.reduce(0) { $0 + $1.score }
        let improvements = Improvements.write(findings: findings, criteria: rubric.criteria)
        let verdicts = RemarkJudge(rubric: rubric).judge(answer.remarks, scores: scores)
        let spelling = findings.filter { $0.rule == "language-spelling" }.reduce(0) { $0 + $1.count }
        return GradedAnswer(source: source, answer: answer, question: context.question, marks: marks, maxMarks: rubric.maxMarks,
                            band: rounded.band, criteria: scores, findings: findings, improvements: improvements,
                            remarks: verdicts, sentences: context.sentences.count, evidence: context.evidence, spellingErrors: spelling,
                            relevance: context.relevance)
    }

    /// A rule's findings with those after the first `limit` folded into one. It counts them, stands
    /// where the earliest of them stands, names their first and last lines, and weighs what they
    /// weighed together, so the marks they would have lost are still traced.
    static func folding(_ findings: [Finding], after limit: Int) -> [Finding] {
        let rest = findings[limit...]
        guard let anchor = rest.min(by: { $0.range.start < $1.range.start }), let lastLine = rest.map(\.range.start.line).max() else { return findings }
        let weight = rest.reduce(0) { $0 + max(0, $1.weight) }
        var more = Finding(rule: anchor.rule, criterion: anchor.criterion, severity: anchor.severity, range: anchor.range, excerpt: anchor.excerpt,
                           message: "\(rest.count) more like the \(limit) listed, from line \(anchor.range.start.line) to line \(lastLine): \(anchor.message)",
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
            let ra = shares[a] * 100 - Double(out[a]), rb = shares[b] * 100 - Double(out[b])
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
    static func write(findings: [Finding], criteria: [Criterion]) -> [String] {
        var byRule: [String: (loss: Double, items: [Finding], order: Int)] = [:]
        var order = 0
        for f in findings where f.marksLost > 0 && f.rule != "examiner-reserve" {
            if byRule[f.rule] == nil { byRule[f.rule] = (0, [], order); order += 1 }
            byRule[f.rule]!.loss += f.marksLost
            byRule[f.rule]!.items.append(f)
        }
        let ranked = byRule.sorted { a, b in
            abs(a.value.loss - b.value.loss) > 1e-9 ? a.value.loss > b.value.loss : a.value.order < b.value.order
        }
        return ranked.prefix(3).map { rule, entry in
            let rounded = max(0.5, (entry.loss * 2).rounded() / 2)
            let worth = "(worth about \(JSONValue.format(rounded)) mark\(rounded == 1 ? "" : "s"))"
            let first = entry.items[0]
            // A folded finding counts for all it stands for.
            let total = entry.items.reduce(0) { $0 + $1.count }
            if total == 1 {
                return "\(capitalised(first.message)): \(lowerFirst(first.suggestion)) \(worth)"
            }
            var places: [String] = []
            for f in entry.items { if let p = f.place, !places.contains(p) { places.append(p) } }
            let unlisted = entry.items.reduce(0) { $0 + $1.folded }
            var named = places.isEmpty ? "" : listing(places, limit: 4, more: unlisted)
            if places.count > 1, places.allSatisfy({ $0.hasPrefix("section ") }) {
                named = "sections " + listing(places.map { String($0.dropFirst(8)) }, limit: 4, more: unlisted)
            }
            switch rule {
            case "evidence-missing-in-section":
                return "\(capitalised(named)) make claims with no fact, figure or source: give each a dated fact, a figure with its unit or a named source \(worth)"
            case "arguments-underdeveloped":
                return "\(capitalised(named)) are too thin to count as arguments: develop each with reasoning, an example or figure, and what follows from it \(worth)"
            case "language-spelling":
                return "Correct \(total) misspellings (\(named)) and learn them \(worth)"
            default:
                // A cap repeats its finding in every criterion it limits: each message is said once.
                var messages: [String] = []
                for f in entry.items where !messages.contains(f.message) { messages.append(f.message) }
                if messages.count == 1 { return "\(capitalised(first.message)): \(lowerFirst(first.suggestion)) \(worth)" }
                let more = messages.count > 3 ? " and \(messages.count - 3) more" : ""
                messages = Array(messages.prefix(3))
                return "\(capitalised(messages.joined(separator: "; ")))\(more): \(lowerFirst(first.suggestion)) \(worth)"
            }
        }
    }

    static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
    static func lowerFirst(_ s: String) -> String {
        guard let first = s.first, s.count > 1, !s.dropFirst().prefix(1).allSatisfy(\.isUppercase) else { return s }
        return first.lowercased() + s.dropFirst()
    }
}

/// Maps tutors' remarks to criteria and compares them with the answer's weakest criteria.
struct RemarkJudge {
    let rubric: Rubric

    func judge(_ remarks: [Remark], scores: [CriterionScore]) -> [RemarkVerdict] {
        let ranked = scores.enumerated().sorted { a, b in
            let ra = a.element.max > 0 ? a.element.score / a.element.max : 1
            let rb = b.element.max > 0 ? b.element.score / b.element.max : 1
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
        let weakest = Array(ranked.prefix(3))
        let weakIds = Set(weakest.map(\.id))
        return remarks.map { remark in
            var criticised: [String] = []
            var praised: [String] = []
            for clause in clauses(remark.text) {
                let words = lowercaseWords(clause)
                let praise = words.contains(where: Self.praiseWords.contains) && !words.contains(where: Self.criticismWords.contains)
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
            praised.sort { rank($0) < rank($1) }
            let criteria = criticised + praised.filter { !criticised.contains($0) }
            guard !criteria.isEmpty else {
                return RemarkVerdict(remark: remark, criteria: [], agrees: nil, explanation: "names no criterion pakessay grades")
            }
            let weakNames = listing(weakest.map { "\($0.id) \(JSONValue.format($0.score))/\(JSONValue.format($0.max))" })
            let sharedWeak = criticised.filter(weakIds.contains)
            let praisedWeak = praised.filter(weakIds.contains)
            var parts: [String] = []
            if !criticised.isEmpty {
                parts.append(sharedWeak.isEmpty
                    ? "\(listing(criticised)) \(criticised.count == 1 ? "is" : "are") not among the weakest criteria (\(weakNames))"
                    : "\(listing(sharedWeak)) \(sharedWeak.count == 1 ? "is" : "are") among the weakest criteria (\(weakNames))")
            }
            if !praised.isEmpty {
                parts.append(praisedWeak.isEmpty
                    ? "the praise of \(listing(praised)) fits: \(praised.count == 1 ? "it is" : "they are") not among the weakest"
                    : "the praise of \(listing(praisedWeak)) does not fit: \(praisedWeak.count == 1 ? "it is" : "they are") among the weakest")
            }
            let agrees = (criticised.isEmpty || !sharedWeak.isEmpty) && praisedWeak.isEmpty
            return RemarkVerdict(remark: remark, criteria: criteria, agrees: agrees,
                                 explanation: "pakessay \(agrees ? "agrees" : "disagrees"): " + parts.joined(separator: "; "))
        }
    }

    static let praiseWords: Set<String> = ["good", "well", "nice", "excellent", "strong", "neat", "impressive", "fine", "great", "commendable", "clear", "solid"]
    static let criticismWords: Set<String> = ["improve", "weak", "thin", "add", "more", "poor", "lack", "lacks", "missing", "better", "avoid", "reduce", "not", "no", "less", "too", "needs", "need", "work"]

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
