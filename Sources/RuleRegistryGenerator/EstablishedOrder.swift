/// The report order of the rules that existed when the list of rules began to be generated, kept so
/// that every listing (`pakessay explain`, SARIF's rules) stays as it was. It never grows: a rule
/// added later is placed by `RuleRegistry.reportOrder`, after the last rule of its criterion. It is
/// written into the generated file as `RuleRegistry.establishedOrder`.
enum EstablishedOrder {
    /// The rule ids, in report order.
    static let ids: [String] = [
        "relevance-question-terms", "relevance-headings-tied", "relevance-directive", "relevance-off-topic",
        "relevance-section-drift", "relevance-crux", "relevance-missing-aspects", "introduction-missing",
        "introduction-length", "introduction-question-terms", "introduction-thesis", "introduction-preview",
        "structure-heading-density", "structure-numbering", "structure-outline", "structure-order",
        "structure-owed-sections", "structure-wall-of-text", "structure-paragraphing", "arguments-count",
        "arguments-underdeveloped", "arguments-reasoning", "arguments-counter-view", "evidence-density",
        "evidence-missing-in-section", "evidence-variety", "evidence-examples", "conclusion-missing",
        "conclusion-position", "conclusion-restates", "conclusion-forward-look", "conclusion-new-arguments",
        "conclusion-length", "presentation-cuttings", "presentation-insertions", "presentation-heading-format",
        "presentation-visuals", "presentation-paragraph-length", "presentation-length", "answer-too-short",
        "language-spelling", "language-confused-words", "language-repeated-word", "language-lowercase-start",
        "language-run-on", "language-grammar",
    ]
}
