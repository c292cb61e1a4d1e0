import Testing

@testable import PakEssay

/// Remarks by a tutor or examiner (section 3.5): kept and shown, never counted or graded.
@Suite("Remarks")
struct RemarkTests {
    @Test(
        "a paragraph opened by a remark label is a remark",
        arguments: [
            "Remarks:", "Remark:", "Examiner:", "Teacher:", "Tutor:", "Feedback:", "Comment:", "REMARKS:", "tutor :",
        ])
    func labelled(label: String) throws {
        let answer = try Transcript.body("The answer itself ends here.\n\n\(label) good structure but add data.")
        #expect(
            answer.remarks == [
                Remark(text: "\(label) good structure but add data.", position: .at(5, 1), kind: .labelled)
            ])
        #expect(Transcript.paragraphTexts(answer) == ["The answer itself ends here."])
        #expect(answer.stats.words == 5)
        #expect(answer.stats.paragraphs == 1)
    }

    @Test("a labelled remark over several lines keeps all of them, and its edits are not the candidate's")
    func labelledBlock() throws {
        let answer = try Transcript.body(
            """
            The answer itself ends here.

            Examiner: the ~~analysis~~ argument is thin;
            add data and a stronger conclusion. 12/20
            """)
        #expect(
            answer.remarks.map(\.text) == ["Examiner: the argument is thin; add data and a stronger conclusion. 12/20"])
        #expect(answer.edits.isEmpty)
        #expect(answer.stats.cuttings == 0)
    }

    @Test("a margin comment becomes a remark and leaves its paragraph's words alone")
    func comment() throws {
        let answer = try Transcript.body(
            "Water shortage can increase civil unrest {>>weak argument, give data<<} in the cities.")
        #expect(answer.remarks == [Remark(text: "weak argument, give data", position: .at(3, 42), kind: .comment)])
        #expect(answer.stats.words == 9)
    }

    @Test("a margin comment may run over a line end")
    func commentAcrossLines() throws {
        let answer = try Transcript.body("Water shortage {>>weak argument,\ngive data<<} can increase unrest.")
        #expect(answer.remarks == [Remark(text: "weak argument, give data", position: .at(3, 16), kind: .comment)])
        #expect(Transcript.paragraphTexts(answer) == ["Water shortage can increase unrest."])
    }

    @Test("a lowercase note under a conclusion that ends a sentence is a remark")
    func trailingNote() throws {
        let answer = try Transcript.body(
            """
            3. Conclusion

            In conclusion, the crisis can be solved with courage.

            work on your conclusion and add data.
            """)
        #expect(
            answer.remarks == [
                Remark(text: "work on your conclusion and add data.", position: .at(7, 1), kind: .trailing)
            ])
        #expect(Transcript.paragraphTexts(answer) == ["In conclusion, the crisis can be solved with courage."])
        #expect(answer.stats.words == 10)
    }

    @Test("a lowercase last paragraph after one that did not end a sentence is its continuation")
    func notANote() throws {
        let answer = try Transcript.body("In conclusion, the crisis can be solved with\n\ncourage and good policies.")
        #expect(answer.remarks.isEmpty)
        #expect(
            Transcript.paragraphTexts(answer) == [
                "In conclusion, the crisis can be solved with courage and good policies."
            ])
    }

    @Test("a lowercase paragraph that is not the last is part of the answer")
    func notLast() throws {
        let answer = try Transcript.body("First it ended.\n\nthen more came.\n\nFinally it ended.")
        #expect(answer.remarks.isEmpty)
        #expect(answer.stats.paragraphs == 3)
    }

    @Test("a lowercase line straight under a heading is no note")
    func underHeading() throws {
        let answer = try Transcript.body("1. Introduction\n\nText ends.\n\n2. Conclusion\n\nthe end is near.")
        #expect(answer.remarks.isEmpty)
        #expect(try answer.sections.at(1).paragraphs.map(\.text) == ["the end is near."])
    }

    @Test("remarks of every kind together are never counted in words")
    func neverCounted() throws {
        let plain = try Transcript.body("Intro paragraph here.\n\nIn conclusion, it is good.")
        let remarked = try Transcript.body(
            """
            Intro paragraph {>>vague<<} here.

            In conclusion, it is good.

            Remarks: good effort overall.

            Tutor: needs data.

            work on your conclusion and add data.
            """)
        #expect(remarked.remarks.map(\.kind) == [.comment, .labelled, .labelled, .trailing])
        #expect(remarked.stats.words == plain.stats.words)
        #expect(remarked.stats.words == 8)
        #expect(remarked.stats.paragraphs == 2)
    }

    @Test("the samples' remarks")
    func samples() throws {
        let water = try Transcript.answer(SampleFiles.text("average-water.txt"))
        #expect(water.remarks.map(\.kind) == [.comment, .labelled])
        #expect(water.remarks.map(\.position.line) == [43, 73])
        let extremism = try Transcript.answer(SampleFiles.text("average-extremism.txt"))
        #expect(
            extremism.remarks == [
                Remark(
                    text: "improve the references and the paper presentation.", position: .at(63, 1), kind: .trailing)
            ])
    }
}
