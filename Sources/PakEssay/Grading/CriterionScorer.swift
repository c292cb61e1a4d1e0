#if canImport(Glibc)
    import Glibc
#endif

/// Scores one criterion of a rubric: runs its rules on the answer's analysis, combines their credit
/// (weighted rules, then gates, then the scale's exponent and ceiling), and traces the loss to the
/// rules' findings and the examiner's reserve. Caps and rounding, which need every criterion, are the
/// grader's.
struct CriterionScorer {
    /// The rubric.
    let rubric: Rubric

    /// A criterion scored but not yet capped or rounded.
    struct Scored {
        /// The criterion.
        var criterion: Criterion
        /// Its marks before caps and rounding.
        var value: Double
        /// Its findings, each with the share of the loss it carries.
        var findings: [Finding]
        /// The marks kept in reserve before rounding; nil when none are.
        var reserve: Double?
        /// Where the reserve stands among the findings when the loss is shared out in cents: after the
        /// rules' findings and before a cap's.
        var reserveAt: Int
        /// The limits its rules put on criteria, each traced to the rule's first finding.
        var caps: [(cap: Cap, finding: Finding)]
        /// The credits its score was built from.
        var credits: CriterionCredits
        /// The misspellings its rules found.
        var misspellings: Int
    }

    /// Scores one criterion, whose uses made `rules`.
    func score(_ criterion: Criterion, rules: [any GradingRule], _ context: GradingContext) -> Scored {
        var outcomes: [(use: RuleUse, outcome: RuleOutcome)] = []
        var misspellings = 0
        for (use, rule) in zip(criterion.rules, rules) {
            var outcome = rule.isMoot(on: context) ? RuleOutcome.notJudged([]) : rule.evaluate(context)
            if let limit = rubric.findingsPerRule, outcome.findings.count > limit {
                outcome.findings = Self.folding(outcome.findings, after: limit)
            }
            for i in outcome.findings.indices { outcome.findings[i].criterion = criterion.id }
            if rule.findsMisspellings { misspellings += outcome.findings.reduce(0) { $0 + $1.count } }
            outcomes.append((use, outcome))
        }
        var share = 0.0
        var weights = 0.0
        var gate = 1.0
        var credits = CriterionCredits()
        var caps: [(cap: Cap, finding: Finding)] = []
        // A check that could not be made neither credits nor costs: its weight goes to the others.
        for (k, (use, outcome)) in outcomes.enumerated() where outcome.judged {
            if use.gate {
                gate *= outcome.credit
            } else {
                share += use.weight * outcome.credit
                weights += use.weight
                credits.rules.append(k)
                credits.credits.append(outcome.credit)
            }
            if let f = outcome.findings.first { caps += outcome.caps.map { ($0, f) } }
        }
        credits.gate = gate
        // With no rule judged (or none but gates), the criterion's quality is full.
        let quality = weights > 0 ? ScoreModel.combined(share: share, weights: weights, halfAt: criterion.halfAt) : 1
        let strict = pow(quality, rubric.exponent)
        let traced = trace(criterion, outcomes, gate: gate, strict: strict)
        let ceiling = rubric.ceiling(of: criterion)
        let reserve = criterion.marks * gate * strict * (1 - ceiling)
        return Scored(
            criterion: criterion, value: criterion.marks * gate * strict * ceiling, findings: traced,
            reserve: reserve > 0 ? reserve : nil, reserveAt: traced.count, caps: caps, credits: credits,
            misspellings: misspellings)
    }

    /// Traces the loss: the gates' share, then each rule by its weight and missing credit. Findings of
    /// rules that lost nothing, or could not judge, follow at no cost.
    private func trace(
        _ criterion: Criterion, _ outcomes: [(use: RuleUse, outcome: RuleOutcome)], gate: Double, strict: Double
    ) -> [Finding] {
        let qualityLoss = criterion.marks * gate * (1 - strict)
        let missing = outcomes.filter { !$0.use.gate && $0.outcome.judged }
            .reduce(0) { $0 + $1.use.weight * (1 - $1.outcome.credit) }
        let gateMissing = outcomes.filter { $0.use.gate && $0.outcome.judged }
            .reduce(0) { $0 + (1 - $1.outcome.credit) }
        var traced: [Finding] = []
        for (use, outcome) in outcomes where outcome.judged && outcome.credit < 1 {
            let loss =
                use.gate
                ? criterion.marks * (1 - gate) * (1 - outcome.credit) / max(1e-9, gateMissing)
                : qualityLoss * use.weight * (1 - outcome.credit) / max(missing, 1e-9)
            traced += Self.distribute(loss, over: outcome.findings)
        }
        for (_, outcome) in outcomes where !outcome.judged || outcome.credit >= 1 { traced += outcome.findings }
        return traced
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
            suggestion: anchor.suggestion, marksLost: 0, weight: weight, listedAs: anchor.listedAs)
        more.folded = rest.reduce(0) { $0 + $1.count } - 1
        return Array(findings[..<limit]) + [more]
    }

    /// Shares a loss among findings by their weights.
    static func distribute(_ loss: Double, over findings: [Finding]) -> [Finding] {
        let total = findings.reduce(0) { $0 + max(0, $1.weight) }
        return findings.map { f in
            var f = f
            f.marksLost = total > 0 ? loss * max(0, f.weight) / total : 0
            return f
        }
    }
}

extension CriterionScorer.Scored {
    /// The criterion with the cap that binds it applied: the cut is traced to the cap's finding.
    func capped(by binding: (cap: Cap, finding: Finding)?) -> Self {
        guard let binding, value > 0, binding.cap.share < 1 else { return self }
        var out = self
        let cut = value * (1 - binding.cap.share)
        out.value -= cut
        var capped = binding.finding
        capped.criterion = criterion.id
        // A rule that both charges this criterion and caps it is one fault: its finding carries both losses.
        if let k = out.findings.firstIndex(where: {
            $0.rule == capped.rule && $0.range == capped.range && $0.message == capped.message
        }) {
            out.findings[k].marksLost += cut
            return out
        }
        out.findings += CriterionScorer.distribute(cut, over: [capped])
        return out
    }

    /// The criterion's rounded score, with the loss shared to the cent between its findings and its
    /// reserve (which stands after the rules' findings and before a cap's).
    func rounded(to score: Double, ceiling: Double) -> (CriterionScore, [Finding]) {
        var list = findings
        let lost = criterion.marks - score
        var shares = list.map(\.marksLost)
        if let reserve { shares.insert(reserve, at: reserveAt) }
        let tracedLoss = shares.reduce(0, +)
        var cents = Grader.cents(shares.map { tracedLoss > 0 ? $0 * lost / tracedLoss : 0 }, total: lost)
        let kept = reserve.map { _ in Reserve(share: 1 - ceiling, marks: Double(cents.remove(at: reserveAt)) / 100) }
        for i in list.indices { list[i].marksLost = Double(cents[i]) / 100 }
        let score = CriterionScore(
            id: criterion.id, title: criterion.title, score: score, max: criterion.marks, reserve: kept)
        return (score, list)
    }
}
