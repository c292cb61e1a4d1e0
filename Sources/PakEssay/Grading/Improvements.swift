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
        for f in items { if let p = f.listedAs, !places.contains(p) { places.append(p) } }
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
