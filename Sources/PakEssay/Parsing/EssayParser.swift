/// Reads a transcript into the essay model in one pass over its lines.
///
/// The stages: decode the bytes, split lines, group non-blank lines into blocks, scan each block's
/// inline markup, split the file into answers at question lines, turn each answer's blocks into
/// units (headings, paragraphs, visuals, remarks), join paragraphs across page breaks, then build
/// the section tree, outlines and statistics.
public enum EssayParser {
    /// Limits that keep hostile input from exhausting the machine.
    public struct Limits: Sendable {
        /// The most answers one file may hold.
        public var maxAnswers: Int
        /// Creates limits.
        public init(maxAnswers: Int = 500) { self.maxAnswers = maxAnswers }
    }

    /// Parses the bytes of a file, or throws an `InputError` naming `source` and the byte offset.
    /// `firstLine` numbers the first line (for a piece of a longer stream); `firstAnswer` numbers the first answer.
    public static func parse(
        bytes: [UInt8], source: String, limits: Limits = Limits(), firstLine: Int = 1,
        firstAnswer: Int = 1
    ) throws(InputError) -> EssayDocument {
        let decoded = try TranscriptDecoder.decode(bytes, source: source)
        var document = try parse(utf8: decoded.utf8, source: source, limits: limits, firstLine: firstLine)
        for i in document.answers.indices { document.answers[i].index += firstAnswer - 1 }
        if let warning = decoded.warning, !document.answers.isEmpty {
            document.answers[0].diagnostics.insert(
                Diagnostic(
                    rule: "encoding-guessed", severity: .warning, position: SourcePosition(line: 1, column: 1),
                    message: warning), at: 0)
        }
        return document
    }

    /// True when a line (as written) is a question line that starts an answer: `Q.1 …`, `Question 5: …`.
    public static func isQuestionLine(_ line: String) -> Bool {
        QuestionRecognizer.match(line) != nil
    }

    /// True when a line (as written) starts an answer where it stands. After a blank line (or at the start)
    /// any question line does; directly under another line only one whose label starts with a capital
    /// `Q` does (`Q.2 …`, `Question 5: …`, `QUESTION 6`): a wrapped line of prose that happens to begin
    /// with `question: …` or `question. …` continues its paragraph.
    public static func opensAnswer(_ line: String, afterBlank: Bool) -> Bool {
        guard let match = QuestionRecognizer.match(line) else { return false }
        return afterBlank || match.label.unicodeScalars.first == "Q"
    }

    /// Parses text that is already valid.
    public static func parse(text: String, source: String, limits: Limits = Limits()) throws(InputError)
        -> EssayDocument
    {
        try parse(utf8: Array(text.utf8), source: source, limits: limits)
    }

    static func parse(utf8: [UInt8], source: String, limits: Limits, firstLine: Int = 1) throws(InputError)
        -> EssayDocument
    {
        // The blocks live in the groups alone (not also in a list of the file's items), so that each answer's
        // builder can let them go once it has read them.
        var groups = AnswerSplitter.split(BlockReader.read(SourceLine.split(utf8, firstLine: firstLine)))
        guard groups.count <= limits.maxAnswers else {
            throw InputError(
                code: "too-many-answers",
                message: "\(source): holds \(groups.count) answers; the limit is \(limits.maxAnswers) a file")
        }
        if groups.isEmpty { groups = [AnswerSplitter.Group(question: nil, items: [], line: firstLine)] }
        var answers: [Answer] = []
        answers.reserveCapacity(groups.count)
        for k in groups.indices {
            // Handed to the builder and dropped from the list, so that the builder holds the answer's blocks alone.
            var builder = AnswerBuilder(index: k + 1, group: groups[k])
            groups[k].items = []
            groups[k].preamble = []
            answers.append(builder.build())
        }
        return EssayDocument(source: source, answers: answers)
    }
}

/// Groups lines into blocks and scans each block's inline markup.
enum BlockReader {
    enum Item {
        case block(Block)
        case marker(page: Int?, position: SourcePosition)
    }

    static func read(_ lines: [SourceLine]) -> [Item] {
        var items: [Item] = []
        var pending: [SourceLine] = []
        var markers: [(after: Int, page: Int?, position: SourcePosition)] = []
        var held: [(page: Int?, position: SourcePosition)] = []

        func flush() {
            if !pending.isEmpty { items.append(.block(scan(pending, markers))) }
            for marker in held { items.append(.marker(page: marker.page, position: marker.position)) }
            pending.removeAll()
            markers.removeAll()
            held.removeAll()
        }

        for line in lines {
            if let page = PageMarker.match(line) {
                let column = (line.firstVisible ?? 0) + 1
                let position = SourcePosition(line: line.number, column: column)
                if pending.isEmpty {
                    items.append(.marker(page: page, position: position))
                } else {
                    held.append((page, position))
                }
            } else if line.isBlank {
                flush()
            } else {
                // A question line starts an answer even with no blank line above it (files run together).
                if !pending.isEmpty, opensAnswer(line) { flush() }
                for marker in held { markers.append((pending.count - 1, marker.page, marker.position)) }
                held.removeAll()
                pending.append(line)
            }
        }
        flush()
        return items
    }

    /// True when a line inside a block opens an answer: its first mark is a capital `Q` (a cheap test
    /// that rules out nearly every line) and it reads as a question line.
    static func opensAnswer(_ line: SourceLine) -> Bool {
        var k = 0
        let n = line.count
        while k < n {
            let c = line.scalar(at: k)
            guard c.isTranscriptSpace || c == "*" || c == "#" else { break }
            k += 1
        }
        guard k < n, line.scalar(at: k) == "Q" else { return false }
        return EssayParser.opensAnswer(line.text, afterBlank: false)
    }

    static func scan(_ lines: [SourceLine], _ markers: [(after: Int, page: Int?, position: SourcePosition)]) -> Block {
        var block = Block()
        block.markers = markers
        var readings: [(line: Int, reading: ParagraphSplitter.LineReading)] = []
        block.standalone = ParagraphSplitter.standaloneLines(lines, readings: &readings)
        block.lines.reserveCapacity(lines.count)
        // The next reading not yet passed: segments come in order of line, and so do the readings.
        var next = 0
        // Markup pairs only inside a paragraph: scan each run between standalone lines on its own.
        for segment in ParagraphSplitter.Segments(count: lines.count, standalone: block.standalone) {
            while next < readings.count, readings[next].line < segment.lowerBound { next += 1 }
            if segment.count == 1, next < readings.count, readings[next].line == segment.lowerBound {
                // A segment of one line read on its own: its scan, fair copy and heading reading are taken as made.
                let reading = readings[next].reading
                add(reading.scan, to: &block)
                let line = lines[segment.lowerBound]
                block.lines.append(
                    ScannedLine(
                        line: line, inlines: reading.inlines, fair: reading.fair,
                        firstColumn: (line.firstVisible ?? 0) + 1))
                if let heading = reading.heading { block.headings.append((segment.lowerBound, heading)) }
                continue
            }
            let part = segment.count == lines.count ? lines : Array(lines[segment])
            let result = InlineScanner.scan(part)
            add(result, to: &block)
            for (line, inlines) in zip(part, result.lines) {
                let first = (line.firstVisible ?? 0) + 1
                block.lines.append(
                    ScannedLine(
                        line: line, inlines: inlines, fair: FairCopyWriter.text(of: inlines), firstColumn: first))
            }
        }
        return block
    }

    /// Adds a segment's markup to its block. Most segments have none: appending their empty lists would still
    /// cost a call each.
    private static func add(_ result: InlineScanner.Result, to block: inout Block) {
        if !result.edits.isEmpty { block.edits += result.edits }
        if !result.comments.isEmpty { block.comments += result.comments }
        if !result.visuals.isEmpty { block.visuals += result.visuals }
        if !result.diagnostics.isEmpty { block.diagnostics += result.diagnostics }
    }
}

/// Splits the file's items into answers at question lines.
enum AnswerSplitter {
    struct Group {
        var question: (match: QuestionRecognizer.Match, lines: Int)?
        var items: [BlockReader.Item]
        var line: Int
        var preamble: [BlockReader.Item] = []
    }

    static func split(_ items: [BlockReader.Item]) -> [Group] {
        var groups: [Group] = []
        var before: [BlockReader.Item] = []
        for item in items {
            if case .block(let block) = item, let first = block.lines.first,
                let match = QuestionRecognizer.match(first.fair)
            {
                var consumed = 1
                var text = match.text
                while consumed < block.lines.count, !TextShape.endsSentence(text) {
                    let next = block.lines[consumed]
                    if isStructural(next) { break }
                    text += " " + next.fair
                    consumed += 1
                }
                var m = match
                m.text = tidy(text)
                groups.append(Group(question: (m, consumed), items: [item], line: first.line.number))
            } else if groups.isEmpty {
                before.append(item)
            } else {
                groups[groups.count - 1].items.append(item)
            }
        }
        if groups.isEmpty {
            return before.isEmpty ? [] : [Group(question: nil, items: before, line: firstLine(before))]
        }
        let words = before.reduce(0) { total, item in
            if case .block(let b) = item { return total + b.lines.reduce(0) { $0 + $1.words } }
            return total
        }
        if words >= 40 {
            groups.insert(Group(question: nil, items: before, line: firstLine(before)), at: 0)
        } else {
            groups[0].preamble = before
        }
        return groups
    }

    private static func firstLine(_ items: [BlockReader.Item]) -> Int {
        switch items.first {
        case .block(let b)?: b.lines.first?.line.number ?? 1
        case .marker(_, let p)?: p.line
        case nil: 1
        }
    }

    private static func isStructural(_ line: ScannedLine) -> Bool {
        HeadingRecognizer.match(line.fair, underlined: false, opensBlock: true, roleWords: SectionRoles.isRoleName)
            != nil
            || Bullet.length(line.fair) != nil
    }
}

/// Recognises bullet points: `-`, `*`, `•`, `o`, `→`, `>`, `✓`, `✔`, `–` followed by a space.
enum Bullet {
    /// True for a bullet mark. (A switch, not a set: a set of scalars would be a type of its own for the start
    /// to make.)
    static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "-", "*", "•", "o", "→", ">", "✓", "✔", "–",
            "▪", "●", "◦", "⇒", "➢", "►":
            return true
        default: return false
        }
    }

    /// The number of scalars the bullet and its spaces take, or nil when the text is not a bullet point.
    static func length(_ text: String) -> Int? {
        // An ASCII first character must be one of the ASCII marks: most lines are ruled out on one byte.
        if let first = text.utf8.first, first < 0x80,
            first != UInt8(ascii: "-"), first != UInt8(ascii: "*"), first != UInt8(ascii: "o"),
            first != UInt8(ascii: ">")
        {
            return nil
        }
        let s = Array(text.unicodeScalars)
        guard s.count >= 3, isMark(s[0]), s[1].isTranscriptSpace else { return nil }
        if s[0] == "-", s.count > 2, s[2] == "-" { return nil }
        var k = 1
        while k < s.count, s[k].isTranscriptSpace { k += 1 }
        guard k < s.count else { return nil }
        return k
    }
}
