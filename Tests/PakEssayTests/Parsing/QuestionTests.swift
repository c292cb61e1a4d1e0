import Testing

@testable import PakEssay

/// Answers and questions (section 2): every question-line form, lines that only start like one,
/// files with several answers or none, and the question's directive.
@Suite("Questions and answers")
struct QuestionTests {
    @Test(
        "every question-line form keeps its label and number",
        arguments: [
            ("Q. Discuss the role of the media.", "Q.", Int?.none),
            ("Q: Discuss the role of the media.", "Q:", nil),
            ("Q1. Discuss the role of the media.", "Q1.", 1),
            ("Q1: Discuss the role of the media.", "Q1:", 1),
            ("Q.2 Discuss the role of the media.", "Q.2", 2),
            ("Q 3) Discuss the role of the media.", "Q 3)", 3),
            ("Q. No. 4 Discuss the role of the media.", "Q. No. 4", 4),
            ("Question 5: Discuss the role of the media.", "Question 5:", 5),
            ("Question No. 6 Discuss the role of the media.", "Question No. 6", 6),
            ("q.7 discuss the role of the media.", "q.7", 7),
            ("QUESTION NO. 12: Discuss the role of the media.", "QUESTION NO. 12:", 12),
        ])
    func forms(line: String, label: String, number: Int?) throws {
        let answer = try Transcript.answer(line + "\n\nThe media is the fourth pillar of the state.")
        let question = try #require(answer.question)
        #expect(question.label == label)
        #expect(question.number == number)
        #expect(question.text.lowercased() == "discuss the role of the media.")
        #expect(question.position == .at(1, 1))
        #expect(question.directive == "discuss")
        #expect(Transcript.diagnostics(answer, "question-missing").isEmpty)
        #expect(Transcript.paragraphTexts(answer) == ["The media is the fourth pillar of the state."])
        #expect(answer.stats.words == 9)
    }

    @Test(
        "lines that only start like a question are body text",
        arguments: [
            "Question of Kashmir is the core issue between India and Pakistan.",
            "Quaid-e-Azam said that unity, faith and discipline are the keys.",
            "Qualified people leave the country every year.",
        ])
    func notQuestions(line: String) throws {
        let answer = try Transcript.answer(line)
        #expect(answer.question == nil)
        #expect(Transcript.paragraphTexts(answer) == [line])
        #expect(Transcript.diagnostics(answer, "question-missing").count == 1)
    }

    @Test("a question over two lines is read whole")
    func twoLineQuestion() throws {
        let answer = try Transcript.answer(
            "Q.3 Critically analyse the prospects and challenges of\nCPEC for the economy of Pakistan.\n\nBody text.")
        #expect(
            answer.question?.text
                == "Critically analyse the prospects and challenges of CPEC for the economy of Pakistan.")
        #expect(Transcript.paragraphTexts(answer) == ["Body text."])
    }

    @Test("a file with two answers gives two answers, each with its own question and lines")
    func twoAnswers() throws {
        let document = try Transcript.parse(
            """
            Q1. Discuss the causes of inflation.

            1. Introduction

            Inflation is high.

            Q2. Explain the role of the SCO.

            The SCO is a regional body.
            """)
        #expect(document.answers.count == 2)
        #expect(document.answers.map(\.index) == [1, 2])
        #expect(document.answers.map(\.line) == [1, 7])
        #expect(document.answers.map(\.endLine) == [5, 9])
        #expect(document.answers.map { $0.question?.number } == [1, 2])
        #expect(document.answers.map { $0.question?.directive } == ["discuss", "explain"])
        #expect(
            document.answers.map { Transcript.paragraphTexts($0) } == [
                ["Inflation is high."], ["The SCO is a regional body."],
            ])
        #expect(try document.answers.at(0).stats.headings == 1)
        #expect(try document.answers.at(1).stats.headings == 0)
    }

    @Test("the two-answer sample")
    func twoAnswerSample() throws {
        let document = try Transcript.parse(SampleFiles.text("two-answers.txt"))
        #expect(document.answers.count == 2)
        #expect(document.answers.map { $0.question?.label } == ["Question 5:", "Q. No. 7"])
        #expect(document.answers.map(\.line) == [4, 64])
        #expect(try document.answers.at(0).diagnostics.map(\.rule) == ["text-before-question"])
    }

    @Test("a file without a question line is one answer with a question-missing warning")
    func questionMissing() throws {
        let document = try Transcript.parse(
            "Youth is the most valuable asset of any nation.\n\nTo conclude, invest in the young.")
        #expect(document.answers.count == 1)
        let answer = try document.answers.at(0)
        #expect(answer.question == nil)
        #expect(answer.diagnostics.map(\.rule) == ["question-missing"])
        #expect(answer.diagnostics.first?.position == .at(1, 1))
        #expect(answer.diagnostics.first?.severity == .warning)
        #expect(answer.stats.paragraphs == 2)
    }

    @Test("the no-question sample is parsed whole")
    func noQuestionSample() throws {
        let answer = try Transcript.answer(SampleFiles.text("no-question.txt"))
        #expect(answer.question == nil)
        #expect(answer.stats.paragraphs == 7)
        #expect(answer.stats.words == 633)
        #expect(answer.diagnostics.map(\.rule) == ["question-missing"])
    }

    @Test(
        "the directive is the question's instruction",
        arguments: [
            ("Q1. Critically analyse the prospects of CPEC.", "critically analyse", ["critically analyse"]),
            ("Q1. Critically analyze the prospects of CPEC.", "critically analyse", ["critically analyse"]),
            ("Q1. To what extent has devolution succeeded?", "to what extent", ["to what extent"]),
            ("Q1. Discuss the causes and suggest remedies.", "discuss", ["discuss", "suggest"]),
            ("Q1. Critically evaluate the 18th Amendment.", "critically evaluate", ["critically evaluate"]),
            ("Q1. Evaluate the water policy.", "evaluate", ["evaluate"]),
            ("Q1. Elucidate the concept of hybrid war.", "elucidate", ["elucidate"]),
            ("Q1. Compare and contrast the two systems.", "compare", ["compare", "contrast"]),
            ("Q1. Examine the impact and propose a strategy.", "examine", ["examine", "propose"]),
            ("Q1. What is the future of democracy?", nil, []),
        ])
    func directives(line: String, directive: String?, all: [String]) throws {
        let question = try #require(try Transcript.answer(line + "\n\nBody.").question)
        #expect(question.directive == directive)
        #expect(question.directives == all)
    }

    @Test("a file that is only a question has an answer with nothing in it")
    func onlyQuestion() throws {
        let answer = try Transcript.answer("Q1. Discuss the role of the media.")
        #expect(answer.question?.text == "Discuss the role of the media.")
        #expect(answer.sections.isEmpty)
        #expect(answer.stats.words == 0)
        #expect(answer.diagnostics.isEmpty)
    }
    @Test("a question line directly under the last line of an answer starts the next answer")
    func questionLineWithoutBlankLine() throws {
        let document = try Transcript.parse(
            """
            Q1. Discuss the causes of inflation.

            Inflation is high because money was printed.
            Q2. Explain the role of the SCO.
            The SCO is a regional body.
            Roll No. 7
            Question 3: Examine the water crisis.

            Water is scarce.
            """)
        #expect(document.answers.map(\.line) == [1, 4, 7])
        #expect(document.answers.map { $0.question?.number } == [1, 2, 3])
        #expect(
            document.answers.map { Transcript.paragraphTexts($0) } == [
                ["Inflation is high because money was printed."],
                ["The SCO is a regional body. Roll No. 7"],
                ["Water is scarce."],
            ])
    }

    @Test(
        "a wrapped line of prose that begins with a lowercase `question:` continues its paragraph",
        arguments: [
            "Kashmir remains the core\nquestion: can Pakistan and India ever settle it?",
            "Kashmir remains the core\nquestion. Without it there is no peace.",
            "Kashmir remains the core\nq. 4 of the paper, and a hard one.",
        ])
    func lowercaseQuestionInsideParagraph(text: String) throws {
        let document = try Transcript.parse("Q1. Discuss Kashmir.\n\n" + text)
        #expect(document.answers.count == 1)
        #expect(try Transcript.paragraphTexts(document.answers.at(0)).count == 1)
    }

    @Test("every sample run together with no blank line between gives every sample's answers")
    func samplesConcatenated() throws {
        // A file with no question line can only come first: after another file it reads as more of that answer.
        let names = ["no-question.txt"] + Fixtures.sampleNames.filter { $0 != "no-question.txt" }
        var expected = 0
        var all: [UInt8] = []
        for name in names {
            let bytes = Fixtures.sample(name)
            #expect(bytes.last == 0x0A && bytes.dropLast().last != 0x0A, "\(name) should end in one line end")
            expected += try Transcript.parse(SampleFiles.text(name)).answers.count
            all += bytes
        }
        #expect(expected == 10)
        let document = try EssayParser.parse(bytes: all, source: "all.txt")
        #expect(document.answers.count == expected)
        #expect(document.answers.filter { $0.question == nil }.count == 1)
    }
}
