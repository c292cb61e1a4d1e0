/// Grammar patterns over the part-of-speech lexicon: agreement, the verb after a modal, a/an, double
/// comparatives, 'discuss about', fragments and comma splices (the rubric's `grammar` pattern file).
struct LanguageGrammar: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let tolerance = NumberParameter(
            "tolerance", 2, minimum: 0.01,
            "grammar slips per 100 words at which the rule gives no credit (default {default})")
    }

    static let description = RuleDescription(
        id: "language-grammar", criterion: "language",
        summary: "no grammar slips that a pattern catches ('the relationship have', 'may annoys', 'more better')",
        rationale:
            """
            Examiners single out faulty agreement and verb forms as the commonest faults of CSS English; each one \
            shows.
            """,
        fix: "Reread each sentence for its subject and verb; the findings give the word to write.",
        parameters: [Param.tolerance],
        examples: [
            RuleExample(
                """
                Q.1 Discuss Pakistan-US relations.\n\nThe relationship has improved since 2021. It may annoy \
                India, but Pakistan needs a better deal.
                """,
                fires: false),
            RuleExample(
                "Q.1 Discuss Pakistan-US relations.\n\nThe relationship have improved since 2021. It may annoys India.",
                fires: true, at: "3:18", message: "'have' should be 'has': a singular subject"),
        ],
        reads: [.lexicon("grammar"), .lexicon("wordClasses"), .lexicon("partsOfSpeech")])
    let tolerance: Double
    init(_ p: RuleParameters) throws(RubricError) { tolerance = try p.read(Param.tolerance) }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        let findings = languagePatternFindings(self, c, c.lexicon.grammarPatterns, c.lexicon.grammarTriggers)
        guard !findings.isEmpty else { return .full }
        let count = findings.reduce(0) { $0 + $1.count }
        let rate = Double(count) * 100 / Double(max(c.words, 1))
        return RuleOutcome(credit: 1 - rate / tolerance, findings: findings)
    }
}

/// The findings of language patterns in every sentence; the same slip with the same fix, however often
/// it is made, is one finding that counts them all.
func languagePatternFindings<R: GradingRule>(
    _ rule: R, _ c: GradingContext, _ patterns: [LanguagePattern], _ triggers: PatternTriggers
) -> [Finding] {
    guard !patterns.isEmpty else { return [] }
    let matcher = LanguageMatcher(c)
    let tense = NarrativeTense(c, matcher)
    var findings: [Finding] = []
    var slot: [String: Int] = [:]
    for var hit in matcher.hits(patterns, triggers, in: c.sentences.map(\.tokens)) {
        let wrong = c.text(tokens: hit.from, hit.to)
        let p = patterns[hit.pattern]
        var message = p.message
        // A verb the pattern would give its -s, in a passage told in the past, takes its past instead.
        if p.fix.contains(":s"), let reason = tense.pastReason(from: hit.from, to: hit.to) {
            hit.fix = matcher.fix(p, hit.from, hit.to, past: true)
            message = "the passage tells of the past ('\(reason.words)' in \(reason.place)), so the verb takes its past"
        }
        let key = wrong.lowercased() + "\u{1}" + (hit.fix ?? "")
        if let k = slot[key] {
            findings[k].folded += 1
            continue
        }
        slot[key] = findings.count
        message = hit.fix.map { "'\(wrong)' should be '\($0)': \(message)" } ?? "'\(wrong)…': \(message)"
        findings.append(
            rule.finding(
                .warning, at: c.range(tokens: hit.from, hit.to), excerpt: wrong, message,
                fix: hit.fix.map { "Write '\($0)'." } ?? R.description.fix,
                listedAs: hit.fix.map { "\(wrong) → \($0)" }))
    }
    for k in findings.indices where findings[k].folded > 0 {
        findings[k].message += " (\(findings[k].count) times)"
    }
    return findings
}
