/// Renders the page as written, line by line, with the markup shown readably: cuttings struck
/// through with a combining stroke, insertions raised as `↑(…)`, corrections as struck-then-raised,
/// illegible spots as `[illegible]`, page markers as rules.
public enum ScriptRenderer {
    /// The script of UTF-8 text.
    public static func render(utf8: [UInt8]) -> String {
        var out = ""
        for item in BlockReader.read(SourceLine.split(utf8)) {
            switch item {
            case .marker(let page, _):
                out += "——— page \(page.map(String.init) ?? "") ———\n\n"
            case .block(let block):
                var markers = block.markers[...]
                for (k, line) in block.lines.enumerated() {
                    out += render(line.inlines) + "\n"
                    while let m = markers.first, m.after == k {
                        out += "——— page \(m.page.map(String.init) ?? "") ———\n"
                        markers = markers.dropFirst()
                    }
                }
                for comment in block.comments {
                    out += "    [margin, line \(comment.position.line): \(comment.text)]\n"
                }
                out += "\n"
            }
        }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    static func render(_ inlines: [Inline], struck: Bool = false) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let s, _):
                out += struck ? strike(s) : s
            case .struck(let children, _):
                out += render(children, struck: true)
            case .inserted(let children, _):
                out += "↑(" + render(children, struck: struck) + ")"
            case .highlighted(let children, _):
                out += "_" + render(children, struck: struck) + "_"
            case .illegible:
                out += "[illegible]"
            case .guess(let g, _):
                out += "[\(g)?]"
            case .visual(let kind, let caption, _):
                out += "[\(kind): \(caption)]"
            case .lineBreak:
                out += "\n"
            case .pageBreak(_, let page, _):
                out += "\n——— page \(page.map(String.init) ?? "") ———\n"
            }
        }
        return out
    }

    private static func strike(_ s: String) -> String {
        var view = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            view.append(c)
            if !c.isTranscriptSpace { view.append("\u{0336}") }
        }
        return String(view)
    }
}
