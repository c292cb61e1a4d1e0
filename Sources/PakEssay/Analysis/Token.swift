/// One token of an answer's fair copy: a word, a number or a punctuation mark, with its place.
public struct Token: Sendable, Hashable {
    /// What kind of token it is.
    public enum Kind: Sendable, Hashable {
        case word
        case number
        case punctuation
    }

    /// The token as written.
    public var text: String
    /// Lowercase, for matching.
    public var lower: String
    /// What kind it is.
    public var kind: Kind
    /// Where its first scalar stands in the file.
    public var position: SourcePosition
    /// One past its last scalar.
    public var end: SourcePosition
    /// True when white space (or a line end) came before it.
    public var spaceBefore: Bool
    /// The `WordKey` of `lower`, for lookups.
    public var key: UInt64
    /// The `WordKey` of `text` as written, for case-sensitive lookups.
    public var exactKey: UInt64

    /// True when the token's first letter is a capital.
    public var isCapitalized: Bool { text.unicodeScalars.first?.properties.isUppercase ?? false }
}

/// Splits an inline list into tokens in fair-copy order, keeping each token's source position.
/// Struck text is skipped; inserted and highlighted text is read; illegible spots and visuals split words.
struct Tokenizer: EssayWalker {
    var tokens: [Token] = []
    private var current = String.UnicodeScalarView()
    private var currentKind: Token.Kind = .word
    private var start = SourcePosition(line: 1, column: 1)
    private var last = SourcePosition(line: 1, column: 1)
    private var pendingSpace = true
    private var pendingJoin: (Unicode.Scalar, SourcePosition)?

    static func tokens(of inlines: [Inline]) -> [Token] {
        var t = Tokenizer()
        t.walkInlines(inlines)
        t.finish()
        return t.tokens
    }

    mutating func visitInline(_ inline: Inline) {
        switch inline {
        case .text(let text, let at):
            var column = at.column
            for c in text.unicodeScalars {
                feed(c, SourcePosition(line: at.line, column: column))
                column += 1
            }
        case .struck:
            break
        case .guess(let guess, let at):
            finish()
            for c in guess.unicodeScalars { feed(c, at) }
            finish()
        case .illegible, .visual, .lineBreak, .pageBreak:
            finish()
            pendingSpace = true
        default:
            walkInline(inline)
        }
    }

    private mutating func feed(_ c: Unicode.Scalar, _ position: SourcePosition) {
        if c.isTranscriptSpace {
            finish()
            pendingSpace = true
            return
        }
        let isDigit = c.value >= 48 && c.value <= 57
        if c.isWordScalar {
            if let (join, _) = pendingJoin {
                // A joiner between two word scalars stays inside the word: "Zarb-e-Azb", "Pakistan's", "2,640", "2.5".
                current.append(join)
                pendingJoin = nil
                if !isDigit, currentKind == .number, join != "," && join != "." { currentKind = .word }
            }
            if current.isEmpty {
                start = position
                currentKind = isDigit ? .number : .word
            } else if !isDigit && currentKind == .number {
                currentKind = .word
            }
            current.append(c)
            last = position
            return
        }
        if !current.isEmpty, pendingJoin == nil, c == "-" || c == "'" || c == "’" || ((c == "," || c == ".") && currentKind == .number) {
            pendingJoin = (c, position)
            return
        }
        finish()
        start = position
        last = position
        current.append(c)
        currentKind = .punctuation
        finish()
    }

    mutating func finish() {
        let join = pendingJoin
        pendingJoin = nil
        if !current.isEmpty {
            let text = String(current)
            let lower = text.lowercased()
            tokens.append(Token(text: text, lower: lower, kind: currentKind, position: start,
                                end: SourcePosition(line: last.line, column: last.column + 1), spaceBefore: pendingSpace,
                                key: WordKey.of(lower), exactKey: WordKey.of(text)))
            current = String.UnicodeScalarView()
            pendingSpace = false
        }
        if let (c, at) = join {
            let key = WordKey.of(String(c))
            tokens.append(Token(text: String(c), lower: String(c), kind: .punctuation, position: at,
                                end: SourcePosition(line: at.line, column: at.column + 1), spaceBefore: false, key: key, exactKey: key))
        }
    }
}
