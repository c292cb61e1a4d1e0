import Testing

@testable import PakEssay

/// Headings (section 3.1): every numbering style seen in real transcripts, nesting, numbering slips
/// reported without misparsing, and lines that only look like headings.
@Suite("Headings")
struct HeadingTests {
    struct HeadingCase: Sendable, CustomTestStringConvertible {
        var line: String
        var numbering: Numbering?
        var title: String
        var form: HeadingForm
        var level: Int = 1
        var role: SectionRole?
        var testDescription: String { line }
    }

    static let styles: [HeadingCase] = [
        .init(
            line: "1. INTRODUCTION :", numbering: Numbering(style: .decimal, components: [1], label: "1"),
            title: "INTRODUCTION", form: .numbered, role: .introduction),
        .init(
            line: "2. Historical background:", numbering: Numbering(style: .decimal, components: [2], label: "2"),
            title: "Historical background", form: .numbered, role: .background),
        .init(
            line: "3 CHALLENGES AHEAD:", numbering: Numbering(style: .decimal, components: [3], label: "3"),
            title: "CHALLENGES AHEAD", form: .numbered, role: .challenges),
        .init(
            line: "2.1 ECONOMIC FACTORS: TRADE AND AID:",
            numbering: Numbering(style: .decimal, components: [2, 1], label: "2.1"),
            title: "ECONOMIC FACTORS: TRADE AND AID", form: .numbered, level: 2),
        .init(
            line: "2.1.3 Role of the Judiciary",
            numbering: Numbering(style: .decimal, components: [2, 1, 3], label: "2.1.3"),
            title: "Role of the Judiciary", form: .numbered, level: 3),
        .init(
            line: "1.INTRODUCTION", numbering: Numbering(style: .decimal, components: [1], label: "1"),
            title: "INTRODUCTION", form: .numbered, role: .introduction),
        .init(
            line: "I. Introduction", numbering: Numbering(style: .upperRoman, components: [1], label: "I"),
            title: "Introduction", form: .numbered, role: .introduction),
        .init(
            line: "IV) Way forward", numbering: Numbering(style: .upperRoman, components: [4], label: "IV"),
            title: "Way forward", form: .numbered, role: .wayForward),
        .init(
            line: "A. Causes of Extremism", numbering: Numbering(style: .upperLetter, components: [1], label: "A"),
            title: "Causes of Extremism", form: .numbered),
        .init(
            line: "(a) Floods and Glacial Melt",
            numbering: Numbering(style: .lowerLetter, components: [1], label: "(a)"), title: "Floods and Glacial Melt",
            form: .numbered),
        .init(
            line: "a) Poverty and Unemployment", numbering: Numbering(style: .lowerLetter, components: [1], label: "a"),
            title: "Poverty and Unemployment", form: .numbered),
        .init(
            line: "(i) The 2022 Floods", numbering: Numbering(style: .lowerRoman, components: [1], label: "(i)"),
            title: "The 2022 Floods", form: .numbered),
        .init(
            line: "i. Rural Poverty", numbering: Numbering(style: .lowerRoman, components: [1], label: "i"),
            title: "Rural Poverty", form: .numbered),
        .init(line: "# Introduction", title: "Introduction", form: .markdown, role: .introduction),
        // Markdown depth counts from the answer's main headings: a lone `##` heading is a main heading.
        .init(line: "## Food Security", title: "Food Security", form: .markdown),
        .init(line: "{==Energy Crisis in Pakistan==}", title: "Energy Crisis in Pakistan", form: .underlined),
        .init(line: "{==Conclusion==}:", title: "Conclusion", form: .underlined, role: .conclusion),
        .init(line: "ENERGY CRISIS IN PAKISTAN", title: "ENERGY CRISIS IN PAKISTAN", form: .capitals),
        .init(line: "Conclusion:", title: "Conclusion", form: .roleName, role: .conclusion),
    ]

    @Test("each heading style is read with its numbering, title, form and level", arguments: styles)
    func style(_ c: HeadingCase) throws {
        let answer = try Transcript.body(c.line + "\n\nThe body of the section follows here.")
        let sections = answer.allSections
        #expect(sections.count == 1)
        let section = try #require(sections.first)
        #expect(section.numbering == c.numbering)
        #expect(section.title == c.title)
        #expect(section.form == c.form)
        #expect(section.level == c.level)
        #expect(section.role == c.role)
        #expect(section.position == .at(3, 1))
        #expect(section.paragraphs.map(\.text) == ["The body of the section follows here."])
        #expect(answer.stats.headings == 1)
        #expect(answer.diagnostics.isEmpty)
    }

    @Test(
        "roles are read case-insensitively from the title",
        arguments: [
            ("INTRODUCTION", SectionRole.introduction), ("Concluding Remarks", .conclusion),
            ("FINAL THOUGHTS", .conclusion),
            ("Hurdles in the Way", .challenges), ("Policy Options", .wayForward), ("Recommendations", .wayForward),
            ("Historical Perspective", .background), ("CRITICAL ANALYSIS", .analysis), ("Evaluation", .analysis),
        ])
    func roles(title: String, role: SectionRole) throws {
        let answer = try Transcript.body("1. \(title)\n\nText.")
        #expect(answer.allSections.map(\.role) == [role])
    }

    @Test("decimal numbering nests 1. → 1.1 → 1.1.1")
    func decimalNesting() throws {
        let answer = try Transcript.body(
            """
            1. Introduction

            Text.

            1.1 Origins

            Text.

            1.1.1 Early Years

            Text.

            1.2 Growth

            Text.

            2. Conclusion

            Text.
            """)
        #expect(answer.allSections.map(\.level) == [1, 2, 3, 2, 1])
        #expect(answer.sections.map(\.number) == ["1", "2"])
        #expect(try answer.sections.at(0).sections.map(\.number) == ["1.1", "1.2"])
        #expect(try answer.sections.at(0).sections.at(0).sections.map(\.number) == ["1.1.1"])
        #expect(answer.diagnostics.isEmpty)
        #expect(answer.stats.headings == 5)
    }

    @Test("mixed numbering nests 1. → (a) → (i)")
    func mixedNesting() throws {
        let answer = try Transcript.body(
            """
            1. Impacts

            (a) Floods

            (i) The 2022 Floods

            Text.

            (ii) Glacial Lakes

            Text.

            (b) Drought

            Text.

            2. Way Forward

            Text.
            """)
        #expect(answer.allSections.map(\.level) == [1, 2, 3, 3, 2, 1])
        #expect(
            answer.allSections.map { $0.numbering?.style } == [
                .decimal, .lowerLetter, .lowerRoman, .lowerRoman, .lowerLetter, .decimal,
            ])
        #expect(try answer.sections.at(0).sections.map(\.number) == ["(a)", "(b)"])
        #expect(try answer.sections.at(0).sections.at(0).sections.map(\.title) == ["The 2022 Floods", "Glacial Lakes"])
        #expect(answer.diagnostics.isEmpty)
    }

    @Test("(i) after (h) is the ninth letter, not a Roman one")
    func letterI() throws {
        let letters = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
        let body =
            "1. Causes\n\n" + letters.map { "(\($0)) Cause \($0.uppercased())\n\nText." }.joined(separator: "\n\n")
        let answer = try Transcript.body(body)
        let subsections = try answer.sections.at(0).sections
        #expect(subsections.count == 10)
        #expect(try subsections.at(8).numbering == Numbering(style: .lowerLetter, components: [9], label: "(i)"))
        #expect(try subsections.at(9).numbering == Numbering(style: .lowerLetter, components: [10], label: "(j)"))
        #expect(subsections.map(\.level) == Array(repeating: 2, count: 10))
        #expect(answer.diagnostics.isEmpty)
    }

    @Test("Roman main headings with letters and small Roman numerals below")
    func romanOutline() throws {
        let answer = try Transcript.body(
            """
            I. Introduction

            Text.

            II. Causes

            a) Poverty

            i. Rural

            Text.

            ii. Urban

            Text.

            b) Illiteracy

            Text.

            III. Conclusion

            Text.
            """)
        #expect(answer.allSections.map(\.number) == ["I", "II", "a", "i", "ii", "b", "III"])
        #expect(answer.allSections.map(\.level) == [1, 1, 2, 3, 3, 2, 1])
        #expect(answer.diagnostics.isEmpty)
    }

    @Test("2.1 then 2.3 reports 2.2 skipped and keeps 2.3 under 2")
    func skippedSubsection() throws {
        let answer = try Transcript.body("2. Causes\n\n2.1 Corruption\n\nText.\n\n2.3 Political Instability\n\nText.")
        #expect(answer.sections.count == 1)
        #expect(try answer.sections.at(0).sections.map(\.number) == ["2.1", "2.3"])
        #expect(try answer.sections.at(0).sections.map(\.level) == [2, 2])
        #expect(
            answer.diagnostics == [
                Diagnostic(
                    rule: "numbering-skipped", severity: .warning, position: .at(9, 1), message: "heading 2.3 skips 2.2"
                )
            ])
    }

    @Test("4 after 2 reports 3 skipped")
    func skippedMain() throws {
        let answer = try Transcript.body("1. Introduction\n\nText.\n\n2. Causes\n\nText.\n\n4 Effects\n\nText.")
        #expect(answer.sections.map(\.title) == ["Introduction", "Causes", "Effects"])
        #expect(answer.sections.map(\.level) == [1, 1, 1])
        #expect(
            answer.diagnostics == [
                Diagnostic(
                    rule: "numbering-skipped", severity: .warning, position: .at(11, 1), message: "heading 4 skips 3")
            ])
    }

    @Test("1. after 3 reports the order and is still a main heading")
    func outOfOrder() throws {
        let answer = try Transcript.body(
            "1. Introduction\n\nText.\n\n2. Causes\n\nText.\n\n3. Effects\n\nText.\n\n1. Conclusion\n\nText.")
        #expect(answer.sections.map(\.title) == ["Introduction", "Causes", "Effects", "Conclusion"])
        #expect(answer.sections.map(\.level) == [1, 1, 1, 1])
        #expect(try answer.sections.at(3).role == .conclusion)
        #expect(
            answer.diagnostics == [
                Diagnostic(
                    rule: "numbering-out-of-order", severity: .warning, position: .at(15, 1),
                    message: "heading 1 comes after 3")
            ])
    }

    @Test("a numbered line is a heading up to 18 words of fair copy", arguments: [(18, 1), (19, 0)])
    func wordLimit(words: Int, headings: Int) throws {
        let title = (1...words).map { "Word\($0)" }.joined(separator: " ")
        let answer = try Transcript.body("2. \(title) ~~struck out words~~\n\nText.")
        #expect(answer.stats.headings == headings)
        #expect(answer.allSections.compactMap(\.title) == (headings == 1 ? [title] : []))
    }

    @Test("a long numbered sentence ending with a full stop is a point: a paragraph, its number left out")
    func numberedSentence() throws {
        let answer = try Transcript.body(
            "1. Pakistan is a nuclear state and it has a large army to defend its long borders.")
        #expect(answer.allSections.compactMap(\.title).isEmpty)
        #expect(
            Transcript.paragraphTexts(answer) == [
                "Pakistan is a nuclear state and it has a large army to defend its long borders."
            ])
        #expect(answer.allParagraphs.first?.range.start == .at(3, 1))
        #expect(answer.stats.headings == 0)
    }

    @Test(
        "a hand-wrapped line starting with a year is not a heading",
        arguments: [
            "The Indus Waters Treaty was signed in\n1960 with the help of the World Bank.",
            "The Simla Agreement followed the war.\n1971 saw the fall of Dhaka and the birth of Bangladesh.",
            "Muhammad bin Qasim reached Sindh.\n712 AD is taken as the arrival of Islam.",
        ])
    func yearLine(body: String) throws {
        let answer = try Transcript.body(body)
        #expect(answer.stats.headings == 0)
        #expect(answer.allParagraphs.count == 1)
        #expect(try answer.allParagraphs.at(0).range.start.line == 3)
        #expect(try answer.allParagraphs.at(0).range.end.line == 4)
    }

    @Test("a heading struck out and written again is read from its new line")
    func struckHeadingRewritten() throws {
        let answer = try Transcript.body(
            """
            Intro text.

            ~~2. ECONOMIC~~
            2. ECONOMY
            Inflation is high.
            """)
        let economy = try #require(answer.allSections.first { $0.title != nil })
        #expect(economy.title == "ECONOMY")
        #expect(economy.number == "2")
        #expect(economy.position == .at(6, 1))
        #expect(economy.paragraphs.map(\.text) == ["Inflation is high."])
        #expect(answer.edits == [Edit(kind: .cutting, position: .at(5, 1), text: "2. ECONOMIC")])
    }

    @Test("a heading directly under a paragraph that ended a sentence, with no blank line")
    func headingInsideBlock() throws {
        let answer = try Transcript.body(
            """
            Pakistan faces many problems.
            2. ECONOMY
            Inflation is high.
            """)
        #expect(answer.allSections.map(\.title) == [nil, "ECONOMY"])
        #expect(try answer.allSections.at(1).paragraphs.map(\.text) == ["Inflation is high."])
    }
}
