/// An answer far shorter than the marks expect cannot earn the content criteria in full. Used as a gate.
struct AnswerTooShort: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let power = NumberParameter(
            "power", 1, minimum: 0,
            "how steeply the share falls with length (default {default}: half the length keeps half the marks)")
        static let tolerance = NumberParameter(
            "tolerance", 0.9, minimum: 0.1, maximum: 1,
            "share of the expected length that counts as long enough (default {default})")
        static let letterWords = OptionalNumberParameter(
            "letterWords", absent: "the expected length", minimum: 1,
            """
            words a letter or an application owes (its question holds a phrase of `letterTasks`) in place of the \
            rubric's expected length (default {default})
            """)
    }

    static let description = RuleDescription(
        id: "answer-too-short", criterion: "arguments",
        summary:
            "an answer far shorter than the expected length loses a matching share of the content criteria (a gate)",
        rationale:
            """
            Answers that are too short are named in every examiners' report: what is not written cannot be \
            credited, however sound it is.
            """,
        fix: "Write to the expected length: plan enough distinct points to fill it.",
        parameters: [Param.power, Param.tolerance, Param.letterWords],
        examples: [
            RuleExample(
                "Q.1 Discuss the causes of inflation in Pakistan.\n\n"
                    + (1...6).map { "\($0). PART \($0)\n" + Example.filler(5) }.joined(separator: "\n\n"),
                fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\nInflation has many causes, because money is \
                printed and fuel is dear.
                """,
                fires: true, at: "3:1", message: "the answer is 12 words, 2% of the 600 words"),
        ],
        reads: [.words("letterTasks")],
        advice: RuleAdvice(sharedFault: shortAnswer, speaksForFault: true))
    /// A short answer, which this gate and the length rule both charge: one improvement says it.
    static let shortAnswer = SharedFault(name: "length", fix: "plan enough distinct points to fill that length")
    let power: Double
    let tolerance: Double
    let letterWords: Int?
    init(_ p: RuleParameters) throws(RubricError) {
        power = try p.read(Param.power)
        tolerance = try p.read(Param.tolerance)
        letterWords = try p.read(Param.letterWords).map { Int($0) }
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        // A letter or an application has its own length, set apart from an essay's.
        let letter = c.asksForLetter ? letterWords : nil
        let low = letter ?? c.expectedWords.lowerBound
        // A few words short of the expected length is within it: examiners do not count words.
        guard low > 0, Double(c.words) < tolerance * Double(low) else { return .full }
        let share = Double(c.words) / Double(low)
        var credit = 1.0
        var k = 0.0
        while k < power {
            credit *= share / tolerance
            k += 1
        }
        return RuleOutcome(
            credit: credit,
            findings: [
                finding(
                    .warning, at: c.startRange,
                    """
                    the answer is \(c.words) words, \(Int((share * 100).rounded()))% of the \(low) words \
                    \(letter != nil ? "a letter of these marks owes" : "these marks expect")
                    """,
                    fix: Self.description.fix)
            ])
    }
}
