/// Every rule pakessay knows, in report order. A rubric names rules by id from this list.
public enum RuleRegistry {
    /// The rule types.
    public static let all: [any GradingRule.Type] = [
        RelevanceQuestionTerms.self, RelevanceHeadingsTied.self, RelevanceDirective.self, RelevanceOffTopic.self,
        RelevanceSectionDrift.self, RelevanceCrux.self, RelevanceMissingAspects.self,
        IntroductionMissing.self, IntroductionLength.self, IntroductionQuestionTerms.self, IntroductionThesis.self,
        IntroductionPreview.self,
        StructureHeadingDensity.self, StructureNumbering.self, StructureOutline.self, StructureOrder.self,
        StructureOwedSections.self, StructureWallOfText.self, StructureParagraphing.self,
        ArgumentsCount.self, ArgumentsUnderdeveloped.self, ArgumentsReasoning.self, ArgumentsCounterView.self,
        EvidenceDensity.self, EvidenceMissingInSection.self, EvidenceVariety.self, EvidenceExamples.self,
        ConclusionMissing.self, ConclusionPosition.self, ConclusionRestates.self, ConclusionForwardLook.self,
        ConclusionNewArguments.self, ConclusionLength.self,
        PresentationCuttings.self, PresentationInsertions.self, PresentationHeadingFormat.self,
        PresentationVisuals.self,
        PresentationParagraphLength.self, PresentationLength.self, AnswerTooShort.self,
        LanguageSpelling.self, LanguageConfusedWords.self, LanguageRepeatedWord.self, LanguageLowercaseStart.self,
        LanguageRunOn.self, LanguageGrammar.self,
    ]

    /// The rule type with that id.
    public static func rule(_ id: String) -> (any GradingRule.Type)? {
        byID[id].map { all[$0] }
    }

    /// Each rule's place in `all` by its id, worked out once: a rubric names forty-odd rules, and reading
    /// every description for each of them cost about 0.7 M instructions at every start.
    private static let byID: [String: Int] = {
        var out: [String: Int] = [:]
        for (n, type) in all.enumerated() where out[type.description.id] == nil { out[type.description.id] = n }
        return out
    }()

    /// Descriptions of the transcript diagnostics the parser reports (not graded by themselves).
    public static let diagnostics: [(id: String, summary: String)] = DiagnosticKind.allCases.map {
        ($0.rawValue, $0.summary)
    }
}
