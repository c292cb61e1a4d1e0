import Testing

@testable import PakEssay

/// `arguments-count` counts developed measures as arguments where the question asks for measures (tenth
/// session): the same answer under a question that does not ask for them counts only its causes.
@Suite struct MeasuresCountTests {
    static func answer(question: String) -> String {
        let cause = "This cause is argued with care because it matters a great deal to the state and its people. "
        let measure = "This measure is argued with care because it would help the state and its people a great deal. "
        var text = "\(question)\n\n1. INTRODUCTION\nThis answer argues that the problem has clear causes and cures.\n\n"
        text += "2. CAUSES\n\n"
        for k in 1...2 { text += "2.\(k) Cause \(k)\n\(cause)\(cause)\(cause)\n\n" }
        text += "3. WAY FORWARD\n\n"
        // The measures are paragraphs of the way-forward section, not subsections of their own.
        for _ in 1...3 { text += "\(measure)\(measure)\(measure)\n\n" }
        return text + "4. CONCLUSION\nIn conclusion, the causes are clear and the cures are within reach."
    }

    static func countMessage(_ question: String) throws -> String? {
        try Fixtures.grade(answer(question: question)).findings.first { $0.rule == "arguments-count" }?.message
    }

    @Test func measuresCountWhereTheQuestionAsksForThem() throws {
        let asked = try Self.countMessage("Q.1 Discuss the causes of inflation in Pakistan and suggest measures.")
        #expect(asked?.hasPrefix("only 5 arguments are developed at length") == true, "\(asked ?? "none")")
        let remedies = try Self.countMessage("Q.1 What are the causes of inflation in Pakistan? Give remedies.")
        #expect(remedies?.hasPrefix("only 5 arguments") == true, "\(remedies ?? "none")")
    }

    @Test func measuresDoNotCountWhereTheQuestionDoesNotAskForThem() throws {
        // "Explain" owes no way forward in the CSS rubrics' directive table ("discuss", "examine" and most
        // others do, and there the measures count).
        let message = try Self.countMessage("Q.1 Explain the causes of inflation in Pakistan.")
        #expect(message?.hasPrefix("only 2 arguments are developed at length") == true, "\(message ?? "none")")
        let discuss = try Self.countMessage("Q.1 Discuss the causes of inflation in Pakistan.")
        #expect(discuss?.hasPrefix("only 5 arguments") == true, "\(discuss ?? "none")")
    }
}
