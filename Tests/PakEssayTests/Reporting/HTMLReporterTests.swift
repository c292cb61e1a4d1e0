import Foundation
import Testing

@testable import PakEssay

/// The HTML report: golden pages for two samples, a class page, and a hostile answer that must render inert.
@Suite struct HTMLReporterTests {
    @Test(arguments: ["strong-cpec.txt", "weak-messy-governance.txt"])
    func goldenPage(_ name: String) {
        let items = Fixtures.gradedSamples.first { $0.name == name }!.items
        assertGolden(
            HTMLReporter().render(GradeBatch(rubric: Fixtures.rubric, items: items)), "html/\(name.dropLast(4)).html")
    }

    @Test func everyFindingIsAnchoredAndListed() {
        for (_, items) in Fixtures.gradedSamples {
            let batch = GradeBatch(rubric: Fixtures.rubric, items: items)
            let html = HTMLReporter().render(batch)
            for (n, g) in batch.answers.enumerated() {
                let listed = FoldedFinding.fold(g.findings)
                for k in 1...max(1, listed.count) where !listed.isEmpty {
                    #expect(
                        html.contains("id=\"a\(n + 1)-f\(k)\""), "\(g.source): finding \(k) has no anchor in the text")
                    #expect(html.contains("id=\"a\(n + 1)-fl\(k)\""), "\(g.source): finding \(k) is not in the panel")
                }
            }
        }
    }

    @Test func showsTheScriptAsWritten() {
        let items = Fixtures.gradedSamples.first { $0.name == "weak-messy-governance.txt" }!.items
        let html = HTMLReporter().render(GradeBatch(rubric: Fixtures.rubric, items: items))
        #expect(html.contains("has been</del>"))
        #expect(html.contains("<ins class=\"ins\">"))
        #expect(html.contains("class=\"correction\""))
        #expect(html.contains("[illegible]"))
        #expect(html.contains("<svg role=\"img\""))
        #expect(!html.contains("<script"))
        let cpec = HTMLReporter().render(
            GradeBatch(
                rubric: Fixtures.rubric, items: Fixtures.gradedSamples.first { $0.name == "strong-cpec.txt" }!.items))
        #expect(cpec.contains("class=\"page-break\""))
        #expect(cpec.contains("<figure class=\"visual\">"))
        #expect(cpec.contains("mark class=\"ev ev-figure\""))
        #expect(cpec.contains("mark class=\"ev ev-date\""))
        #expect(cpec.contains("mark class=\"ev ev-source\""))
        #expect(cpec.contains("mark class=\"ev ev-quotation\""))
        #expect(cpec.contains("<ul class=\"outline\""))
    }

    @Test func classPageLinksEveryAnswer() {
        let items = Fixtures.gradedSamples.flatMap(\.items)
        let batch = GradeBatch(rubric: Fixtures.rubric, items: items)
        let html = HTMLReporter().render(batch)
        #expect(html.contains("id=\"class\""))
        #expect(html.contains("Distribution of marks"))
        for k in 1...batch.answers.count {
            #expect(html.contains("href=\"#answer-\(k)\""))
            #expect(html.contains("id=\"answer-\(k)\""))
        }
        #expect(html.contains("@media print"))
    }

    @Test func hostileAnswerRendersInert() throws {
        let text = """
            Q.1 Discuss the dangers of <script>alert("x")</script> in answers.

            1. INTRODUCTION </style><style>body{display:none}</style>
            A candidate wrote "><img src=x onerror=alert(1)> and a link javascript:alert(1), with <b>bold</b> and <iframe src="https://example.com"></iframe> tags.

            2. CONCLUSION
            In conclusion, <script src="https://example.com/x.js"></script> must stay text {>>'"><svg onload=alert(1)><<}.
            """
        let g = try Fixtures.grade(text)
        let html = HTMLReporter().render(GradeBatch(rubric: Fixtures.rubric, items: [.graded(g)]))
        let body = html[html.range(of: "<body>")!.upperBound...]
        for live in ["<script", "<img", "<iframe", "<b>", "</style><style>", "<svg onload"] {
            #expect(!body.contains(live), "\(live) is live in the page")
        }
        #expect(!html.contains("href=\"javascript:"))
        #expect(body.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        // The spelling check marks "img", "src" and "onerror" with finding anchors: read the text without them.
        var plain = String(body)
        while let open = plain.range(of: "<a class=\"fa "),
            let close = plain.range(of: "</a>", range: open.upperBound..<plain.endIndex)
        {
            plain.removeSubrange(open.lowerBound..<close.upperBound)
        }
        #expect(plain.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.components(separatedBy: "<style>").count == 2, "only the report's own stylesheet")
    }
}
