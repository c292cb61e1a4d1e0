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
    public var isCapitalized: Bool
    /// True when the token's first character is a digit or other number.
    public var startsWithNumber: Bool
    /// True when the transcriber guessed it (`[?guess?]`): not the candidate's own spelling to judge.
    public var isGuess: Bool = false
    /// True when it holds a hyphen ("Zarb-e-Azb"): noted as it is read, since asking its text costs a scan.
    public var hasHyphen: Bool = false
    /// How many scalars it has (what its columns span).
    public var length: Int

    /// How many characters it has, counted without building them when it is plain ASCII.
    public var characterCount: Int { text.utf8.count == length ? length : text.count }
}

/// Splits an inline list into tokens in fair-copy order, keeping each token's source position.
/// Struck text is skipped; inserted and highlighted text is read; illegible spots and visuals split words.
///
/// The text is read as UTF-8 bytes with an ASCII fast path; each token's bytes, lowercase bytes and
/// both keys are built as it is read, so a token costs at most its two strings.
struct Tokenizer: EssayWalker {
    var tokens: [Token] = []
    private var bytes = ByteRun()
    private var lowerBytes = ByteRun()
    private var scalars = 0
    private var hasUpper = false
    private var isPlainASCII = true
    private var currentKind: Token.Kind = .word
    private var start = SourcePosition(line: 1, column: 1)
    private var last = SourcePosition(line: 1, column: 1)
    private var pendingSpace = true
    private var pendingJoin: (Unicode.Scalar, SourcePosition)?
    private var inGuess = false
    private var hyphenated = false

    init() {}

    /// Room for `count` tokens, so that an answer's tokens are not moved as the list grows.
    mutating func reserve(_ count: Int) {
        tokens.reserveCapacity(count)
    }

    static func tokens(of inlines: [Inline]) -> [Token] {
        var t = Tokenizer()
        t.walkInlines(inlines)
        t.finish()
        return t.tokens
    }

    /// Tokenizes more inlines, appending to `tokens`; starts as if after white space.
    mutating func append(_ inlines: [Inline]) {
        pendingSpace = true
        walkInlines(inlines)
        finish()
    }

    mutating func visitInline(_ inline: Inline) {
        switch inline {
        case .text(let text, let at):
            feed(text, at)
        case .struck:
            break
        case .guess(let guess, let at):
            finish()
            inGuess = true
            for c in guess.unicodeScalars { feed(c, at) }
            finish()
            inGuess = false
        case .illegible, .visual, .lineBreak, .pageBreak:
            finish()
            pendingSpace = true
        default:
            walkInline(inline)
        }
    }

    /// Feeds a text run scalar by scalar, decoding its UTF-8 in place. ASCII letters and digits that
    /// carry on a word are appended straight away: most of a text is that.
    private mutating func feed(_ text: String, _ at: SourcePosition) {
        var column = at.column
        var text = text
        text.withUTF8 { utf8 in
            var i = 0
            let n = utf8.count
            while i < n {
                let b = utf8[i]
                let isDigit = b >= 0x30 && b <= 0x39
                let isUpper = b >= 0x41 && b <= 0x5A
                if b == 0x20 {
                    finish()
                    pendingSpace = true
                    i += 1
                    column += 1
                    continue
                }
                if pendingJoin == nil, isDigit || isUpper || (b >= 0x61 && b <= 0x7A) {
                    // The whole run of ASCII letters and digits is taken at once, copied in one step.
                    var j = i + 1
                    var letters = !isDigit
                    var upper = isUpper
                    while j < n {
                        let c = utf8[j]
                        if c >= 0x41 && c <= 0x5A {
                            upper = true
                            letters = true
                        } else if c >= 0x61 && c <= 0x7A {
                            letters = true
                        } else if c < 0x30 || c > 0x39 {
                            break
                        }
                        j += 1
                    }
                    // A run with a letter makes a word of what it starts or carries on; digits alone start a
                    // number.
                    if bytes.isEmpty {
                        start = SourcePosition(line: at.line, column: column)
                        currentKind = letters ? .word : .number
                    } else if letters {
                        currentKind = .word
                    }
                    let run = UnsafeBufferPointer(rebasing: utf8[i..<j])
                    bytes.append(run, lowercased: false)
                    lowerBytes.append(run, lowercased: true)
                    hasUpper = hasUpper || upper
                    scalars += j - i
                    column += j - i
                    last = SourcePosition(line: at.line, column: column - 1)
                    i = j
                    continue
                }
                let (c, width) = decodeScalar(utf8, at: i)
                feed(c, SourcePosition(line: at.line, column: column))
                i += width
                column += 1
            }
        }
    }

    @inline(__always)
    private mutating func append(_ c: Unicode.Scalar) {
        let v = c.value
        scalars += 1
        if v < 0x80 {
            var b = UInt8(v)
            bytes.append(b)
            if b >= 0x41 && b <= 0x5A {
                hasUpper = true
                b |= 0x20
            }
            lowerBytes.append(b)
        } else {
            isPlainASCII = false
            for b in UTF8.encode(c)! { bytes.append(b) }
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
                append(join)
                pendingJoin = nil
                if join == "-" { hyphenated = true }
                if !isDigit, currentKind == .number, join != "," && join != "." { currentKind = .word }
            }
            if bytes.isEmpty {
                start = position
                currentKind = isDigit ? .number : .word
            } else if !isDigit && currentKind == .number {
                currentKind = .word
            }
            append(c)
            last = position
            return
        }
        if !bytes.isEmpty, pendingJoin == nil,
            c == "-" || c == "'" || c == "’" || ((c == "," || c == ".") && currentKind == .number)
        {
            pendingJoin = (c, position)
            return
        }
        finish()
        start = position
        last = position
        append(c)
        currentKind = .punctuation
        finish()
    }

    mutating func finish() {
        let join = pendingJoin
        pendingJoin = nil
        if !bytes.isEmpty {
            let text = bytes.string
            let lower: String
            let key: UInt64
            let exactKey = bytes.key
            let capitalized: Bool
            let number: Bool
            if isPlainASCII {
                lower = hasUpper ? lowerBytes.string : text
                key = hasUpper ? lowerBytes.key : exactKey
                capitalized = bytes[0] >= 0x41 && bytes[0] <= 0x5A
                number = bytes[0] >= 0x30 && bytes[0] <= 0x39
            } else {
                lower = text.lowercased()
                key = WordKey.of(lower)
                let first = text.unicodeScalars.first!
                capitalized = first.isUppercaseScalar
                number =
                    first.value < 0x80 && (bytes.count == 1 || bytes[1] < 0x80)
                    ? (first.value >= 0x30 && first.value <= 0x39)
                    : text.first?.isNumber == true
            }
            tokens.append(
                Token(
                    text: text, lower: lower, kind: currentKind, position: start,
                    end: SourcePosition(line: last.line, column: last.column + 1), spaceBefore: pendingSpace,
                    key: key, exactKey: exactKey, isCapitalized: capitalized, startsWithNumber: number,
                    isGuess: inGuess, hasHyphen: hyphenated,
                    length: scalars)
            )
            bytes.empty()
            lowerBytes.empty()
            hyphenated = false
            scalars = 0
            hasUpper = false
            isPlainASCII = true
            pendingSpace = false
        }
        if let (c, at) = join {
            let text = String(c)
            let key = WordKey.of(text)
            tokens.append(
                Token(
                    text: text, lower: text, kind: .punctuation, position: at,
                    end: SourcePosition(line: at.line, column: at.column + 1), spaceBefore: false, key: key,
                    exactKey: key,
                    isCapitalized: false, startsWithNumber: false, length: 1))
        }
    }
}

/// A token's bytes as they are read, emptied by setting its count back: an array's `removeAll(keepingCapacity:)`
/// runs a generic range replacement, twice for every token.
private struct ByteRun {
    private var storage = [UInt8](repeating: 0, count: 32)
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    subscript(i: Int) -> UInt8 { storage[i] }

    mutating func append(_ b: UInt8) {
        if count < storage.count {
            storage[count] = b
        } else {
            storage.append(b)
        }
        count += 1
    }

    /// Appends a run of ASCII bytes, with capitals made lowercase when `lowercased`.
    mutating func append(_ run: UnsafeBufferPointer<UInt8>, lowercased: Bool) {
        let from = count
        let end = from + run.count
        if end > storage.count { storage.append(contentsOf: repeatElement(0, count: end - storage.count)) }
        storage.withUnsafeMutableBufferPointer { out in
            for k in 0..<run.count {
                let b = run[k]
                out[from + k] = lowercased && b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            }
        }
        count = end
    }

    mutating func empty() { count = 0 }

    /// The bytes read so far as a string.
    var string: String {
        storage.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[..<count]), as: UTF8.self) }
    }

    /// The `WordKey` of the bytes read so far (FNV-1a).
    var key: UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for i in 0..<count {
            hash ^= UInt64(storage[i])
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
