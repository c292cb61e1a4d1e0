/// Walks an answer in reading order. Every method's default walks into the node's children,
/// so a walker overrides only what it cares about and calls the `walk…` helpers to descend.
public protocol EssayWalker {
    /// Visits an answer; by default its sections.
    mutating func visitAnswer(_ answer: Answer)
    /// Visits a section; by default its heading, outline, paragraphs and subsections.
    mutating func visitSection(_ section: Section)
    /// Visits an outline point; by default its content.
    mutating func visitOutlineItem(_ item: OutlineItem)
    /// Visits a paragraph; by default its content.
    mutating func visitParagraph(_ paragraph: Paragraph)
    /// Visits one inline; by default the inlines it contains.
    mutating func visitInline(_ inline: Inline)
}

extension EssayWalker {
    public mutating func visitAnswer(_ answer: Answer) { walkAnswer(answer) }
    public mutating func visitSection(_ section: Section) { walkSection(section) }
    public mutating func visitOutlineItem(_ item: OutlineItem) { walkInlines(item.content) }
    public mutating func visitParagraph(_ paragraph: Paragraph) { walkInlines(paragraph.content) }
    public mutating func visitInline(_ inline: Inline) { walkInline(inline) }

    /// Visits the answer's outline, then each of its sections.
    public mutating func walkAnswer(_ answer: Answer) {
        for item in answer.outline { visitOutlineItem(item) }
        for section in answer.sections { visitSection(section) }
    }

    /// Visits the heading's inlines, the outline, the paragraphs and the subsections.
    public mutating func walkSection(_ section: Section) {
        walkInlines(section.heading)
        for item in section.outline { visitOutlineItem(item) }
        for paragraph in section.paragraphs { visitParagraph(paragraph) }
        for child in section.sections { visitSection(child) }
    }

    /// Visits each inline of a list.
    public mutating func walkInlines(_ inlines: [Inline]) {
        for inline in inlines { visitInline(inline) }
    }

    /// Visits the inlines inside a container inline.
    public mutating func walkInline(_ inline: Inline) {
        switch inline {
        case .struck(let children, _), .inserted(let children, _), .highlighted(let children, _):
            walkInlines(children)
        default:
            break
        }
    }
}

/// Writes the fair copy: cuttings removed, insertions in place, illegible spots as `…`, white space tidied.
public struct FairCopyWriter: EssayWalker {
    private var bytes: [UInt8] = []

    /// Creates an empty writer.
    public init() {}

    /// The text written so far, tidied.
    public var text: String {
        var copy = bytes
        return String(decoding: tidyBytes(&copy), as: UTF8.self)
    }

    /// The fair copy of a list of inlines.
    public static func text(of inlines: [Inline]) -> String {
        // One run of tidy text (the commonest line) is its own fair copy.
        if inlines.count == 1, case .text(let text, _) = inlines[0], isTidy(text) { return text }
        var writer = FairCopyWriter()
        writer.walkInlines(inlines)
        return String(decoding: tidyBytes(&writer.bytes), as: UTF8.self)
    }

    /// True when the text is ASCII with no control characters, no space at either end and no two
    /// spaces together: the white-space tidy would leave it as it is.
    static func isTidyASCII(_ text: String) -> Bool {
        // Read in place: a string's UTF-8 view walked byte by byte costs several times a buffer's loop.
        text.utf8.withContiguousStorageIfAvailable(isTidyASCII) ?? isTidyASCII(Array(text.utf8))
    }

    /// True when the white-space tidy would leave the text as it is: its only white space is single spaces
    /// (U+0020) between other characters. `isTidyASCII` for any text: a scalar past ASCII is decoded as the
    /// tidy decodes it and must not be white space (a line with an accent or an Urdu word is its own fair copy).
    static func isTidy(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { isTidy(bytes: $0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { isTidy(bytes: $0) }
    }

    private static func isTidy(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousSpace = true
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                if b == 0x20 {
                    if previousSpace { return false }
                    previousSpace = true
                } else if b < 0x20 || b == 0x7F {
                    return false
                } else {
                    previousSpace = false
                }
                continue
            }
            // As `tidyBytes` reads it: the lead byte gives the length, cut short at the end of the text.
            var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            if i + length > n { length = n - i }
            if length >= 2 {
                var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                if Unicode.Scalar(value)?.isTranscriptSpace ?? false { return false }
            }
            previousSpace = false
            i += length
        }
        return !previousSpace
    }

    private static func isTidyASCII<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var previousSpace = true
        for b in bytes {
            if b == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else if b < 0x20 || b >= 0x7F {
                return false
            } else {
                previousSpace = false
            }
        }
        return !previousSpace
    }

    private mutating func write(_ s: String) { bytes.append(contentsOf: s.utf8) }

    public mutating func visitInline(_ inline: Inline) {
        switch inline {
        case .text(let text, _): write(text)
        case .struck: break
        case .illegible: write(" … ")
        case .guess(let guess, _): write(guess)
        case .visual, .lineBreak, .pageBreak: bytes.append(0x20)
        default: walkInline(inline)
        }
    }

    public mutating func visitAnswer(_ answer: Answer) {
        for item in answer.outline { write("- " + item.text + "\n") }
        for section in answer.sections { visitSection(section) }
    }

    public mutating func visitSection(_ section: Section) {
        if section.title != nil {
            write((section.number.map { $0 + " " } ?? "") + (section.title ?? "") + "\n")
        }
        for item in section.outline { write("- " + item.text + "\n") }
        for paragraph in section.paragraphs { write(paragraph.text + "\n") }
        for child in section.sections { visitSection(child) }
    }

    /// The fair copy of a whole answer, one block a line, blocks separated by blank lines.
    public static func text(of answer: Answer) -> String {
        var writer = FairCopyWriter()
        writer.visitAnswer(answer)
        let blocks = String(decoding: writer.bytes, as: UTF8.self).split(separator: "\n").map { tidy(String($0)) }
        var out = ""
        if let question = answer.question {
            out += tidy(question.label + " " + question.text) + "\n\n"
        }
        out += blocks.filter { !$0.isEmpty }.joined(separator: "\n\n")
        return out.isEmpty ? out : out + "\n"
    }
}

/// Counts words: maximal runs of letters and digits of any script, joined by an apostrophe or hyphen.
public func countWords(_ text: String) -> Int {
    var count = 0
    var inWord = false
    var joinPending = false
    var text = text
    text.withUTF8 { bytes in
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                // ASCII, judged on the byte: letters and digits make words, ' and - may join them.
                i += 1
                if (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26 {
                    if !inWord { count += 1 }
                    inWord = true
                    joinPending = false
                } else if inWord, !joinPending, b == 0x27 || b == 0x2D {
                    joinPending = true
                } else {
                    inWord = false
                    joinPending = false
                }
                continue
            }
            let (c, width) = decodeScalar(bytes, at: i)
            i += width
            if c.isWordScalar {
                if !inWord { count += 1 }
                inWord = true
                joinPending = false
            } else if inWord, !joinPending, c == "'" || c == "’" || c == "-" {
                joinPending = true
            } else {
                inWord = false
                joinPending = false
            }
        }
    }
    return count
}

/// The scalar that starts at byte `i` of valid UTF-8, and how many bytes it takes.
@inline(__always)
func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
    let b = bytes[i]
    if b < 0x80 { return (Unicode.Scalar(b), 1) }
    let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
    var value = UInt32(b) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
    var k = 1
    while k < width, i + k < bytes.count {
        value = value << 6 | (UInt32(bytes[i + k]) & 0x3F)
        k += 1
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
}
