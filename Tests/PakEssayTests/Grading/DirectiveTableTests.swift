import Testing

@testable import PakEssay

/// Which directive owes which demands and sections lives in the rubric's `directives` table, and the
/// rules read it from there.
@Suite struct DirectiveTableTests {
    /// A "discuss" answer with headings and no way-forward section.
    static let discussed = """
        Q.1 Discuss the causes of inflation in Pakistan.

        1. INTRODUCTION
        This answer argues that inflation in Pakistan has monetary and fiscal causes.

        2. MONEY SUPPLY
        The State Bank printed money in 2022 because the deficit was large, and prices rose by 29 per cent.

        3. CONCLUSION
        In conclusion, inflation in Pakistan has monetary and fiscal causes.
        """

    static func owedSectionFindings(_ rubric: Rubric) throws -> [String] {
        try Fixtures.grade(Self.discussed, rubric: rubric).findings.filter { $0.rule == "structure-owed-sections" }
            .map(\.message)
    }

    /// Narration under a directive that owes analysis is charged once, where it costs: arguments are capped,
    /// relevance keeps its marks; a directive that owes no analysis ("describe") lets an answer narrate.
    @Test func narrationCapsArgumentsOnceAndOnlyWhereAnalysisIsOwed() throws {
        let told = RelevanceDirective.simla(body: "THE INVITATIONS", "THE TALKS")
        let graded = try Fixtures.grade(told)
        let narration = graded.findings.filter {
            $0.rule == "relevance-directive" && $0.message.contains("in sequence")
        }
        #expect(narration.map(\.criterion).sorted() == ["arguments", "relevance"])
        #expect(narration.first { $0.criterion == "arguments" }.map { $0.marksLost > 0 } == true)
        #expect(narration.first { $0.criterion == "relevance" }?.marksLost == 0)
        let described = told.replacingOccurrences(of: "Critically evaluate", with: "Describe")
        #expect(!(try Fixtures.grade(described)).findings.contains { $0.message.contains("in sequence") })
    }

    @Test func theShippedTableIsTheRubricsAndOwesWhatTheStandardOwes() throws {
        let shipped = Fixtures.rubric.lexicon.directives
        #expect(shipped.directive("discuss").sections == [.wayForward])
        #expect(DirectiveTable.standard.directive("discuss").sections == [])
        for name in RubricDecoder.directiveNames {
            let a = shipped.directive(name)
            let b = DirectiveTable.standard.directive(name)
            #expect(a.owes == b.owes && a.whenTwoSided == b.whenTwoSided, "\(name) owes differently")
        }
    }

    @Test func structureOwedSectionsReadsTheRubricsTable() throws {
        #expect(try Self.owedSectionFindings(Fixtures.rubric).count == 1)
        var rubric = Fixtures.rubric
        rubric.lexicon.directives.entries["discuss"]?.sections = []
        #expect(try Self.owedSectionFindings(rubric).isEmpty)
    }

    @Test func relevanceDirectiveReadsTheRubricsTable() throws {
        let rule = { (g: GradedAnswer) in g.findings.filter { $0.rule == "relevance-directive" }.map(\.message) }
        let recommends = { (messages: [String]) in messages.filter { $0.contains("concrete recommendations") } }
        #expect(try recommends(rule(Fixtures.grade(Self.discussed))).isEmpty)
        var rubric = Fixtures.rubric
        rubric.lexicon.directives.entries["discuss"] = Directive(owes: [.recommendations])
        let found = try recommends(rule(Fixtures.grade(Self.discussed, rubric: rubric)))
        #expect(found.count == 1 && found[0].hasPrefix("the question asks you to discuss"), "\(found)")
    }
}
