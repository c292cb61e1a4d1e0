/// Reads the inline markup of one paragraph-block of lines: native, CriticMarkup and tag forms,
/// illegible spots, guesses, visuals and escapes. One pass per line; an opener with no closer in
/// its paragraph closes at the end of its own line and leaves a `markup-unclosed` warning.
public struct InlineScanner {
    /// What scanning a block produced.
    public struct Result: Sendable {
        /// One inline list per line of the block, in order.
        public var lines: [[Inline]]
        /// Cuttings, insertions and corrections, in reading order.
        public var edits: [Edit]
        /// Margin comments (`{>>…<<}`).
        public var comments: [Remark]
        /// Visuals written in the lines.
        public var visuals: [Visual]
        /// Slips: unclosed markup.
        public var diagnostics: [Diagnostic]
    }

    enum FrameKind: Equatable {
        case nativeStrike, criticDelete
        case tagDelete(String)
        case substOld, substNew
        case nativeInsert, criticInsert
        case tagInsert(String)
        case highlight, comment, substTag

        var isCutting: Bool {
            switch self {
            case .nativeStrike, .criticDelete, .tagDelete, .substOld: true
            default: false
            }
        }
        var isInsertion: Bool {
            switch self {
            case .nativeInsert, .criticInsert, .tagInsert, .substNew: true
            default: false
            }
        }
        var opener: String {
            switch self {
            case .nativeStrike: "~~"
            case .criticDelete: "{--"
            case .tagDelete(let name): "<\(name)>"
            case .substOld, .substNew: "{~~"
            case .nativeInsert: "^{"
            case .criticInsert: "{++"
            case .tagInsert(let name): "<\(name)>"
            case .highlight: "{=="
            case .comment: "{>>"
            case .substTag: "<subst>"
            }
        }
    }

    struct Frame {
        var kind: FrameKind
        var opener: SourcePosition
        var pieceStart: SourcePosition
        var children: [Inline] = []
        var lineBound: Bool
        var edit: Int?
        var commentText: String = ""
    }

    /// The deepest markup may nest; an opener beyond it is read as literal text.
    static let maxDepth = 16

    /// The visual kinds a `[kind: caption]` marker may name.
    static let visualKinds: Set<String> = [
        "map", "diagram", "flowchart", "chart", "graph", "table", "figure", "sketch",
    ]

    /// Scans the lines of one block. Markup pairs only inside the block.
    public static func scan(_ lines: [SourceLine]) -> Result {
        if let plain = plainScan(lines) { return plain }
        return markupScan(lines)
    }

    /// Scans the lines with the markup reader, whatever they hold: the reference `plainScan` agrees with.
    static func markupScan(_ lines: [SourceLine]) -> Result {
        var forced = Set<SourcePosition>()
        for _ in 0..<4 {
            var pass = Pass(forced: forced)
            let (result, unclosed) = pass.run(lines)
            if unclosed.isEmpty { return result }
            forced.formUnion(unclosed)
        }
        var last = Pass(forced: forced, closeAllAtLineEnd: true)
        return last.run(lines).0
    }

    /// The scan of lines in which nothing can open markup (most lines), or nil: each such line is one
    /// text run from column 1, as the markup reader would give it (nothing opens, so nothing closes).
    static func plainScan(_ lines: [SourceLine]) -> Result? {
        for line in lines where mayOpenMarkup(line.utf8) { return nil }
        var out: [[Inline]] = []
        out.reserveCapacity(lines.count)
        for line in lines {
            guard !line.utf8.isEmpty else {
                out.append([])
                continue
            }
            out.append([.text(line.text, at: SourcePosition(line: line.number, column: 1))])
        }
        return Result(lines: out, edits: [], comments: [], visuals: [], diagnostics: [])
    }

    /// True when a line's bytes hold something the markup reader may act on while no markup is open: an
    /// opener (`~~`, `{--`, `{++`, `{~~`, `{==`, `{>>`, `^{`, a tag), an escape, or a `[` with a `]` after it.
    /// A closer with nothing open (`}`, `--}`, `==}`, `~~}` aside), and a lone `-`, `+`, `=`, `~` or `<`, is
    /// text. It errs towards true: every markup token is ASCII, and a byte past ASCII is never one of its
    /// characters, so the bytes answer for the scalars.
    static func mayOpenMarkup(_ bytes: ArraySlice<UInt8>) -> Bool {
        // Where the line's last `]` stands, found at the first `[` (once: `[[[[…` must stay linear).
        var lastClose: Int?
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let c = bytes[i]
            i += 1
            guard c < 0x80, isMarkupByte(UInt32(c)) else { continue }
            let next: UInt8 = i < end ? bytes[i] : 0
            switch c {
            case UInt8(ascii: "\\"), UInt8(ascii: "{"):
                // An escape splits the run; `{` opens every CriticMarkup form. Any visible byte after either.
                if next > 0x20 { return true }
            case UInt8(ascii: "~"):
                if next == UInt8(ascii: "~") || next == UInt8(ascii: ">") { return true }
            case UInt8(ascii: "^"):
                if next == UInt8(ascii: "{") { return true }
            case UInt8(ascii: "<"):
                if next == UInt8(ascii: "/") || (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A { return true }
            case UInt8(ascii: "["):
                // `]` is no markup byte of its own: a `[` with one after it may be a bracket.
                if lastClose == nil { lastClose = bytes.lastIndex(of: UInt8(ascii: "]")) ?? -1 }
                if let close = lastClose, close >= i { return true }
            default:
                break
            }
        }
        return false
    }

    /// One reading of the block, given which openers are known to have no closer.
    struct Pass {
        let forced: Set<SourcePosition>
        var closeAllAtLineEnd = false
        var stack: [Frame] = []
        var root: [Inline] = []
        /// The current run of plain text, as UTF-8 (building a String once per run is much cheaper
        /// than appending scalar by scalar).
        var run: [UInt8] = []
        var runStart = SourcePosition(line: 1, column: 1)
        var edits: [Edit] = []
        var editTexts: [String] = []
        var pairs: [(Int, Int)] = []
        var lastTopEdit: (edit: Int, depth: Int, end: Int, isCutting: Bool)?
        var paired = Set<Int>()
        var comments: [Remark] = []
        var visuals: [Visual] = []
        var diagnostics: [Diagnostic] = []
        var unclosed: [SourcePosition] = []

        init(forced: Set<SourcePosition>, closeAllAtLineEnd: Bool = false) {
            self.forced = forced
            self.closeAllAtLineEnd = closeAllAtLineEnd
        }

        mutating func run(_ lines: [SourceLine]) -> (Result, [SourcePosition]) {
            var out: [[Inline]] = []
            out.reserveCapacity(lines.count)
            for (k, line) in lines.enumerated() {
                scanLine(line)
                let isLast = k == lines.count - 1
                endLine(line, next: isLast ? nil : lines[k + 1].number)
                out.append(root)
                root.removeAll()
            }
            var allEdits = edits
            for i in allEdits.indices { allEdits[i].text = tidy(editTexts[i]) }
            for (a, b) in pairs {
                let (old, new) =
                    allEdits[a].kind == .cutting
                    ? (allEdits[a].text, allEdits[b].text) : (allEdits[b].text, allEdits[a].text)
                allEdits.append(
                    Edit(
                        kind: .correction, position: min(allEdits[a].position, allEdits[b].position),
                        text: "\(old) → \(new)"))
            }
            allEdits.sort { l, r in
                l.position != r.position ? l.position < r.position : rank(l.kind) < rank(r.kind)
            }
            diagnostics.sort { $0.position < $1.position }
            let result = Result(
                lines: out, edits: allEdits, comments: comments, visuals: visuals, diagnostics: diagnostics)
            return (result, unclosed)
        }

        private func rank(_ kind: EditKind) -> Int {
            switch kind {
            case .cutting: 0
            case .insertion: 1
            case .correction: 2
            }
        }

        // MARK: Text runs

        mutating func flush() {
            guard !run.isEmpty else { return }
            append(.text(String(decoding: run, as: UTF8.self), at: runStart))
            run.removeAll(keepingCapacity: true)
        }

        mutating func append(_ inline: Inline) {
            if stack.isEmpty { root.append(inline) } else { stack[stack.count - 1].children.append(inline) }
        }

        mutating func addText(_ scalar: Unicode.Scalar, at position: SourcePosition) {
            if run.isEmpty { runStart = position }
            if scalar.isASCII {
                run.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                run.append(contentsOf: String(scalar).utf8)
            }
            for i in stack.indices {
                if let e = stack[i].edit { editTexts[e].unicodeScalars.append(scalar) }
                if stack[i].kind == .comment { stack[i].commentText.unicodeScalars.append(scalar) }
            }
        }

        mutating func addAtom(_ inline: Inline, text: String) {
            flush()
            append(inline)
            for i in stack.indices {
                if let e = stack[i].edit { editTexts[e] += text }
            }
        }

        // MARK: Frames

        mutating func open(_ kind: FrameKind, at position: SourcePosition) {
            flush()
            var frame = Frame(
                kind: kind, opener: position, pieceStart: position,
                lineBound: forced.contains(position) || closeAllAtLineEnd, edit: nil)
            if kind.isCutting || kind.isInsertion {
                let index = edits.count
                edits.append(Edit(kind: kind.isCutting ? .cutting : .insertion, position: position, text: ""))
                editTexts.append("")
                frame.edit = index
                if let last = lastTopEdit, last.depth == stack.count, last.isCutting != kind.isCutting,
                    !paired.contains(last.edit), onlySpace(currentContainer[last.end...])
                {
                    pairs.append((last.edit, index))
                    paired.insert(last.edit)
                    paired.insert(index)
                }
            }
            stack.append(frame)
        }

        var currentContainer: [Inline] { stack.isEmpty ? root : stack[stack.count - 1].children }

        func onlySpace(_ items: ArraySlice<Inline>) -> Bool {
            items.allSatisfy { item in
                if case .text(let s, _) = item { return s.unicodeScalars.allSatisfy(\.isTranscriptSpace) }
                return false
            }
        }

        /// Closes the innermost frame matching `match`; frames above it close too, with a warning.
        @discardableResult
        mutating func close(where match: (FrameKind) -> Bool, at position: SourcePosition) -> Bool {
            guard let target = stack.lastIndex(where: { match($0.kind) }) else { return false }
            flush()
            while stack.count > target + 1 {
                let inner = stack[stack.count - 1]
                warnUnclosed(inner, closedAt: "where its enclosing markup closes")
                popFrame()
            }
            popFrame()
            return true
        }

        mutating func popFrame(continuing: Bool = false) {
            let frame = stack.removeLast()
            // The container that held the last edit closes with this frame: nothing can stand beside that edit now.
            if let last = lastTopEdit, last.depth > stack.count { lastTopEdit = nil }
            let wrapped = wrap(frame)
            if frame.kind == .comment && !continuing {
                comments.append(Remark(text: tidy(frame.commentText), position: frame.opener, kind: .comment))
            }
            for inline in wrapped { append(inline) }
            if let e = frame.edit {
                lastTopEdit = (e, stack.count, currentContainer.count, frame.kind.isCutting)
            }
        }

        func wrap(_ frame: Frame) -> [Inline] {
            switch frame.kind {
            case .comment: []
            case .substTag: frame.children
            case .highlight: [.highlighted(frame.children, at: frame.pieceStart)]
            case let kind where kind.isCutting: [.struck(frame.children, at: frame.pieceStart)]
            default: [.inserted(frame.children, at: frame.pieceStart)]
            }
        }

        mutating func warnUnclosed(_ frame: Frame, closedAt: String) {
            diagnostics.append(
                Diagnostic(
                    rule: "markup-unclosed", severity: .warning, position: frame.opener,
                    message:
                        "`\(frame.kind.opener)` opened here is not closed in its paragraph; read as closing \(closedAt)"
                ))
        }

        mutating func endLine(_ line: SourceLine, next: Int?) {
            flush()
            if let bound = stack.firstIndex(where: \.lineBound) {
                while stack.count > bound {
                    let frame = stack[stack.count - 1]
                    if frame.lineBound { warnUnclosed(frame, closedAt: "at the end of line \(line.number)") }
                    popFrame()
                }
            }
            guard let next else {
                for frame in stack { unclosed.append(frame.opener) }
                while !stack.isEmpty { popFrame() }
                lastTopEdit = nil
                return
            }
            // A line end is white space: an edit that ends this line still pairs with one that opens the next.
            var carried: (edit: Int, depth: Int, isCutting: Bool)?
            if let last = lastTopEdit, last.depth == stack.count, onlySpace(currentContainer[last.end...]) {
                carried = (last.edit, last.depth, last.isCutting)
            }
            // Fold the open frames into this line's output, then reopen them on the next line.
            let open = stack
            while !stack.isEmpty { popFrame(continuing: true) }
            for var frame in open {
                frame.children = []
                frame.pieceStart = SourcePosition(line: next, column: 1)
                stack.append(frame)
            }
            lastTopEdit = carried.map { ($0.edit, $0.depth, 0, $0.isCutting) }
            for i in stack.indices {
                if let e = stack[i].edit { editTexts[e].append(" ") }
                if stack[i].kind == .comment { stack[i].commentText.append(" ") }
            }
        }
    }
}
