/// Counts an answer's words, paragraphs, headings, edits, pages and illegible spots in one walk.
struct StatisticsCounter: EssayWalker {
    var stats = Statistics()

    static func count(_ answer: Answer, pages: Int) -> Statistics {
        var counter = StatisticsCounter()
        counter.visitAnswer(answer)
        var stats = counter.stats
        for edit in answer.edits {
            switch edit.kind {
            case .cutting: stats.cuttings += 1
            case .insertion: stats.insertions += 1
            case .correction: stats.corrections += 1
            }
        }
        stats.pages = max(1, pages)
        stats.visuals = answer.visuals.count
        return stats
    }

    mutating func visitSection(_ section: Section) {
        if let title = section.title {
            stats.headings += 1
            stats.words += countWords(title)
        }
        walkSection(section)
    }

    mutating func visitOutlineItem(_ item: OutlineItem) {
        stats.outlineItems += 1
        stats.words += countWords(item.text)
        walkInlines(item.content)
    }

    mutating func visitParagraph(_ paragraph: Paragraph) {
        stats.paragraphs += 1
        stats.words += paragraph.words
        walkInlines(paragraph.content)
    }

    mutating func visitInline(_ inline: Inline) {
        switch inline {
        case .illegible: stats.illegible += 1
        case .struck: break
        default: walkInline(inline)
        }
    }
}
