import Testing

@testable import PakEssay

/// Outline lists (section 3.2): the short points that open a main heading, each matched to the
/// subsection it announces, with undeveloped points and unannounced subsections left visible.
@Suite("Outline lists")
struct OutlineTests {
    static let causes = """
        2. Causes of the Crisis

        Poor governance.

        Weak economy

        Foreign interference.

        Climate change

        2.1 Poor Governance

        Body one.

        2.2 Weak Economy

        Body two.

        2.3 Foreign Interference

        Body three.

        2.4 Population Explosion

        Body four.
        """

    @Test("short one-line blocks, with and without full stops, are the outline")
    func blocksWithAndWithoutStops() throws {
        let answer = try Transcript.body(Self.causes)
        let section = try answer.sections.at(0)
        #expect(
            section.outline.map(\.text) == [
                "Poor governance.", "Weak economy", "Foreign interference.", "Climate change",
            ])
        #expect(section.outline.map(\.position) == [.at(5, 1), .at(7, 1), .at(9, 1), .at(11, 1)])
        #expect(section.paragraphs.isEmpty)
        #expect(answer.stats.outlineItems == 4)
    }

    @Test("each point is paired with the subsection it announces")
    func matching() throws {
        let section = try Transcript.body(Self.causes).sections.at(0)
        #expect(section.outline.map(\.sectionLabel) == ["2.1", "2.2", "2.3", nil])
        #expect(section.outline.map(\.subsectionIndex) == [0, 1, 2, nil])
    }

    @Test("a subsection no point announces is left unannounced")
    func unannouncedSubsection() throws {
        let section = try Transcript.body(Self.causes).sections.at(0)
        let announced = Set(section.outline.compactMap(\.subsectionIndex))
        let unannounced = section.sections.indices.filter { !announced.contains($0) }.map {
            section.sections[$0].number
        }
        #expect(unannounced == ["2.4"])
    }

    @Test("an outline point never developed has a null section in the JSON model")
    func undevelopedPoint() throws {
        let section = try Transcript.body(Self.causes).sections.at(0)
        let json = ModelJSON.section(section).compact()
        #expect(
            json.contains(
                #""outline":[{"text":"Poor governance.","line":5,"section":"2.1"},{"text":"Weak economy","line":7,"section":"2.2"},{"text":"Foreign interference.","line":9,"section":"2.3"},{"text":"Climate change","line":11,"section":null}]"#
            ))
    }

    @Test(
        "bullet points of each kind are outline points without their bullet",
        arguments: ["-", "*", "•", "o", "→", ">", "✓", "✔"])
    func bullets(mark: String) throws {
        let answer = try Transcript.body(
            """
            3. Way Forward

            \(mark) Build new dams
            \(mark) Reform the police

            3.1 New Dams

            Body.

            3.2 Police Reforms

            Body.
            """)
        let section = try answer.sections.at(0)
        #expect(section.outline.map(\.text) == ["Build new dams", "Reform the police"])
        #expect(section.outline.map(\.sectionLabel) == ["3.1", "3.2"])
        #expect(section.outline.map(\.position) == [.at(5, 3), .at(6, 3)])
        #expect(section.paragraphs.isEmpty)
    }

    @Test("bullet points in capitals are outline points, not headings")
    func capitalBullets() throws {
        let answer = try Transcript.body(
            """
            3. WAY FORWARD

            - BUILD NEW DAMS
            - REFORM THE POLICE

            3.1 New Dams

            Body.

            3.2 Police Reforms

            Body.
            """)
        #expect(answer.allSections.compactMap(\.number) == ["3", "3.1", "3.2"])
        #expect(answer.stats.headings == 3)
        let section = try answer.sections.at(0)
        #expect(section.outline.map(\.text) == ["BUILD NEW DAMS", "REFORM THE POLICE"])
        #expect(section.outline.map(\.sectionLabel) == ["3.1", "3.2"])
    }

    @Test("a bullet inserted above the line loses its bullet too")
    func insertedBullet() throws {
        let answer = try Transcript.body(
            """
            3. Way Forward

            - Build new dams
            ^{- Reform the police}

            3.1 New Dams

            Body.

            3.2 Police Reforms

            Body.
            """)
        let section = try answer.sections.at(0)
        #expect(section.outline.map(\.text) == ["Build new dams", "Reform the police"])
        #expect(section.outline.map(\.sectionLabel) == ["3.1", "3.2"])
        #expect(answer.stats.insertions == 1)
    }

    @Test("a section without subsections has body paragraphs, not an outline")
    func noSubsections() throws {
        let answer = try Transcript.body(
            """
            1. Introduction

            Short line one.

            Short line two.
            """)
        #expect(try answer.sections.at(0).outline.isEmpty)
        #expect(try answer.sections.at(0).paragraphs.map(\.text) == ["Short line one.", "Short line two."])
    }

    @Test("a body paragraph before the subsections is not an outline point")
    func bodyParagraphFirst() throws {
        let answer = try Transcript.body(
            """
            2. Causes

            There are many causes of the crisis and all of them are linked with each other in complex ways, as shown below.

            2.1 Governance

            Body.
            """)
        #expect(try answer.sections.at(0).outline.isEmpty)
        #expect(try answer.sections.at(0).paragraphs.count == 1)
    }

    @Test("the samples' outlines, six points against seven subsections and all")
    func sampleOutlines() throws {
        let cpec = try Transcript.answer(SampleFiles.text("strong-cpec.txt"))
        let prospects = try #require(cpec.sections.first { $0.number == "3" })
        #expect(
            prospects.outline.map(\.text) == [
                "Energy security.", "Infrastructure and connectivity.", "Industrialisation through SEZs.",
                "Gwadar as a regional trade hub.",
            ])
        #expect(prospects.outline.map(\.sectionLabel) == ["3.1", "3.2", "3.3", "3.4"])

        let extremism = try Transcript.answer(SampleFiles.text("average-extremism.txt"))
        let causes = try #require(extremism.sections.first { $0.number == "B" })
        #expect(causes.outline.map(\.sectionLabel) == ["a", "b", "d"])
        #expect(causes.sections.map(\.number) == ["a", "b", "c", "d"])
    }
}
