import Testing

@testable import PakEssay

/// Helpers shared by the parser tests: parse a transcript given as text and reach into the model.
enum Transcript {
    /// The question line the body helpers put in front of a test body.
    static let questionLine = "Q1. Discuss the causes of the energy crisis in Pakistan."

    /// Parses a whole transcript.
    static func parse(_ text: String) throws -> EssayDocument {
        try EssayParser.parse(text: text, source: "test.txt")
    }

    /// Parses a transcript and returns its only (or first) answer.
    static func answer(_ text: String) throws -> Answer {
        let document = try parse(text)
        guard let first = document.answers.first else { throw MissingAnswer() }
        return first
    }

    /// Parses `body` under a question line and a blank line, so the body starts on line 3.
    static func body(_ body: String) throws -> Answer {
        try answer(questionLine + "\n\n" + body)
    }

    /// The text of every body paragraph of an answer, in reading order.
    static func paragraphTexts(_ answer: Answer) -> [String] {
        answer.allParagraphs.map(\.text)
    }

    /// The edits of one kind.
    static func edits(_ answer: Answer, _ kind: EditKind) -> [Edit] {
        answer.edits.filter { $0.kind == kind }
    }

    /// The diagnostics with one rule id.
    static func diagnostics(_ answer: Answer, _ rule: String) -> [Diagnostic] {
        answer.diagnostics.filter { $0.rule == rule }
    }

    struct MissingAnswer: Error {}
}

extension SourcePosition {
    /// A short way to write an expected position.
    static func at(_ line: Int, _ column: Int) -> SourcePosition { SourcePosition(line: line, column: column) }
}

/// The sample transcripts, read through the shared `Fixtures`.
enum SampleFiles {
    /// The text of one sample.
    static func text(_ name: String) -> String {
        String(decoding: Fixtures.sample(name), as: UTF8.self)
    }
}

extension Array {
    /// The element at `index`, or an issue recorded at the caller and a thrown error, never a crash.
    func at(_ index: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> Element {
        try #require(
            indices.contains(index) ? self[index] : nil, "no element \(index) among \(count)",
            sourceLocation: sourceLocation)
    }
}
