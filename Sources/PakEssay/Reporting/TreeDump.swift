/// A readable indented dump of the essay model, for people (`pakessay parse --format tree`).
public enum TreeDump {
    /// The whole document as an indented outline.
    public static func render(_ document: EssayDocument) -> String {
        var out = ""
        for answer in document.answers {
            out += "answer \(answer.index) (line \(answer.line)–\(answer.endLine))\n"
            if let q = answer.question {
                out +=
                    """
                      question \(q.label) \(q.number.map(String.init) ?? "-") [\(q.directive ?? "no directive")]: \
                    \(q.text)\n
                    """
            } else {
                out += "  question: none\n"
            }
            for item in answer.outline { out += "  • \(item.text) → \(item.sectionLabel ?? "not developed")\n" }
            for section in answer.sections { dump(section, depth: 1, into: &out) }
            for remark in answer.remarks {
                out += "  remark (\(remark.kind.rawValue)) \(remark.position.line): \(remark.text)\n"
            }
            let s = answer.stats
            out +=
                """
                  stats: \(s.words) words, \(s.paragraphs) paragraphs, \(s.headings) headings, \(s.cuttings) \
                cuttings, \(s.insertions) insertions, \(s.corrections) corrections, \(s.pages) pages\n
                """
            for d in answer.diagnostics {
                out += "  \(d.severity.rawValue) \(d.position.line):\(d.position.column) \(d.message) [\(d.rule)]\n"
            }
        }
        return out
    }

    private static func dump(_ s: Section, depth: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: depth)
        let head = s.title.map { "\(s.number.map { $0 + " " } ?? "")\($0)" } ?? "(untitled lead)"
        let role = s.role.map { " <\($0.rawValue)>" } ?? ""
        out += "\(pad)§ \(head) [level \(s.level), line \(s.position.line)]\(role)\n"
        for item in s.outline {
            out += "\(pad)  • \(item.text) → \(item.sectionLabel ?? "not developed")\n"
        }
        for v in s.visuals { out += "\(pad)  [\(v.kind): \(v.caption)] line \(v.position.line)\n" }
        for p in s.paragraphs {
            let preview = p.text.count > 60 ? String(p.text.prefix(57)) + "…" : p.text
            let breaks = p.pageBreaks > 0 ? ", \(p.pageBreaks) page break\(p.pageBreaks == 1 ? "" : "s")" : ""
            out += "\(pad)  ¶ line \(p.line), \(p.words) words\(breaks): \(preview)\n"
        }
        for child in s.sections { dump(child, depth: depth + 1, into: &out) }
    }
}
