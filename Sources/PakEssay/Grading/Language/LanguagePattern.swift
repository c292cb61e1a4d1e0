/// A language pattern read from a rubric's pattern file (`grammar.txt`, `confusion-sets.txt`): a run of
/// token tests, the part to replace, the replacement, a message and examples. docs/rubric-format.md
/// describes the format.
public struct LanguagePattern: Sendable {
    /// A test on one token.
    indirect enum Test: Sendable {
        case words(WordKeyMap<Bool>)
        case exact(Set<UInt64>)
        case closed(UInt64)
        case derived(Derived)
        case not(Test)
        case all([Test])
        case any([Test])
    }

    /// Classes worked out from the open lexicon and the token itself.
    enum Derived: String, Sendable, CaseIterable {
        case word, noun, verb, adj, adv, nsg, npl, vz, vd, cmp, proper, cap, lower, vowel, consonant, nonly, finite, ing
    }

    /// One place in the pattern.
    struct Element: Sendable {
        var test: Test
        var optional = false
        /// Tests the token before without taking it (true when there is none).
        var behind = false
        /// Matches no token: the start of a sentence (or, unless `sentenceOnly`, of a clause).
        var anchor = false
        var sentenceOnly = false
    }

    /// The pattern's name, unique in its file.
    public var id: String
    var elements: [Element]
    /// The marked elements: those the replacement stands for.
    var marked: Range<Int>
    /// The replacement template (empty when the pattern offers none).
    var fix: String
    /// Why it is wrong.
    public var message: String
    /// Sentence conditions: `not-question`, `no-comma`, `clause-before`.
    var conditions: [String]
    /// Examples: a sentence, the wrong text (nil when it must not fire) and the replacement expected.
    public var examples: [(sentence: String, wrong: String?, fix: String?)]
    /// The line of the file where it starts.
    var line: Int
}

/// Which patterns can match in a sentence: those whose required word is in it, and those with none.
public struct PatternTriggers: Sendable {
    /// Patterns (as bits) by the key of a word one of their places requires.
    var byWord = WordKeyMap<UInt64>()
    /// Patterns that require no particular word.
    var always: UInt64 = 0

    /// Creates the triggers of up to 64 patterns (any past the 64th are always tried).
    init(_ patterns: [LanguagePattern] = []) {
        for (n, p) in patterns.enumerated() {
            guard n < 64,
                let required = p.elements.first(where: { !$0.optional && !$0.behind && !$0.anchor }),
                case .words(let map) = required.test
            else {
                always |= n < 64 ? UInt64(1) << UInt64(n) : 0
                continue
            }
            for (key, _) in map.entries { byWord[key] = (byWord[key] ?? 0) | UInt64(1) << UInt64(n) }
        }
    }
}

/// Reads pattern files.
enum LanguagePatternReader {
    static let conditions: Set<String> = ["not-question", "no-comma", "clause-before"]

    /// The patterns of a file's lines, checked against the closed classes known.
    static func read(
        _ entries: [(line: Int, text: String)], classes: WordClasses, file: String, at: String
    ) throws(RubricError) -> [LanguagePattern] {
        var out: [LanguagePattern] = []
        func fail(_ line: Int, _ problem: String) -> RubricError {
            RubricError(file: file, path: at, "line \(line): \(problem)")
        }
        for (line, text) in entries {
            let (key, rest) = split(text)
            if key == "rule" {
                out.append(
                    LanguagePattern(
                        id: rest, elements: [], marked: 0..<0, fix: "", message: "", conditions: [], examples: [],
                        line: line))
                continue
            }
            guard !out.isEmpty else { throw fail(line, "expected `rule NAME` first") }
            switch key {
            case "match":
                guard let parsed = elements(rest, classes: classes) else {
                    throw fail(line, "cannot read the pattern `\(rest)`")
                }
                out[out.count - 1].elements = parsed.0
                out[out.count - 1].marked = parsed.1
            case "fix":
                let old = out[out.count - 1].fix
                out[out.count - 1].fix = rest == "-" ? "" : old.isEmpty ? rest : old + " " + rest
            case "say": out[out.count - 1].message = rest
            case "when":
                for c in rest.split(separator: " ").map(String.init) {
                    guard conditions.contains(c) else { throw fail(line, "unknown condition `\(c)`") }
                    out[out.count - 1].conditions.append(c)
                }
            case "fires", "passes": out[out.count - 1].examples.append(example(rest, fires: key == "fires"))
            default: throw fail(line, "unknown key `\(key)` (known: rule, match, fix, say, when, fires, passes)")
            }
        }
        for p in out where p.elements.isEmpty || p.message.isEmpty {
            throw fail(p.line, "the rule `\(p.id)` needs `match` and `say`")
        }
        return out
    }

    private static func split(_ text: String) -> (String, String) {
        guard let space = text.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return (text, "") }
        let rest = text[space...].drop(while: { $0 == " " || $0 == "\t" })
        return (String(text[..<space]), String(rest))
    }

    /// `The reform may [annoys] the traders. => annoy`: the sentence, the bracketed wrong text, the fix.
    private static func example(_ text: String, fires: Bool) -> (String, String?, String?) {
        var sentence = text
        var fix: String?
        if let arrow = text.range(of: " => ") {
            sentence = String(text[..<arrow.lowerBound])
            fix = String(text[arrow.upperBound...])
        }
        guard fires, let open = sentence.firstIndex(of: "["), let close = sentence.firstIndex(of: "]") else {
            return (sentence, nil, nil)
        }
        let wrong = String(sentence[sentence.index(after: open)..<close])
        sentence.removeSubrange(close...close)
        sentence.removeSubrange(open...open)
        return (sentence, wrong, fix)
    }

    private static func elements(_ text: String, classes: WordClasses) -> ([LanguagePattern.Element], Range<Int>)? {
        var out: [LanguagePattern.Element] = []
        var markStart: Int?
        var markEnd: Int?
        for raw in text.split(separator: " ") {
            var item = Substring(raw)
            if item.hasPrefix("<") {
                markStart = out.count
                item = item.dropFirst()
            }
            var closes = false
            if item.hasSuffix(">") {
                closes = true
                item = item.dropLast()
            }
            var element = LanguagePattern.Element(test: .all([]))
            if item == "^" || item == "^." {
                element.anchor = true
                element.sentenceOnly = item == "^."
            } else {
                if item.hasPrefix("[") && item.hasSuffix("]") {
                    element.optional = true
                    item = item.dropFirst().dropLast()
                }
                if item.hasPrefix("-") && item.count > 1 {
                    element.behind = true
                    item = item.dropFirst()
                }
                guard let test = self.test(item, classes: classes) else { return nil }
                element.test = test
            }
            out.append(element)
            if closes { markEnd = out.count }
        }
        let marked = (markStart ?? 0)..<(markEnd ?? out.count)
        guard !out.isEmpty, marked.lowerBound < marked.upperBound else { return nil }
        return (out, marked)
    }

    private static func test(_ text: Substring, classes: WordClasses) -> LanguagePattern.Test? {
        var anyOf: [LanguagePattern.Test] = []
        var words = WordKeyMap<Bool>()
        var hasWords = false
        for alternative in text.split(separator: "|") {
            if !alternative.contains("&"), !alternative.hasPrefix("@"), !alternative.hasPrefix("!"),
                !alternative.hasPrefix("=")
            {
                for form in variants(alternative.lowercased()) { words[WordKey.of(form)] = true }
                hasWords = true
                continue
            }
            var allOf: [LanguagePattern.Test] = []
            for atom in alternative.split(separator: "&") {
                guard let t = self.atom(atom, classes: classes) else { return nil }
                allOf.append(t)
            }
            anyOf.append(allOf.count == 1 ? allOf[0] : .all(allOf))
        }
        if hasWords { anyOf.append(.words(words)) }
        guard !anyOf.isEmpty else { return nil }
        return anyOf.count == 1 ? anyOf[0] : .any(anyOf)
    }

    private static func atom(_ text: Substring, classes: WordClasses) -> LanguagePattern.Test? {
        if text.hasPrefix("!") { return self.atom(text.dropFirst(), classes: classes).map { .not($0) } }
        if text.hasPrefix("=") { return .exact(Set(variants(String(text.dropFirst())).map(WordKey.of))) }
        if text.hasPrefix("@") {
            let name = String(text.dropFirst())
            if let d = LanguagePattern.Derived(rawValue: name) { return .derived(d) }
            return classes.hasClosed(name) ? .closed(classes.bit(name)) : nil
        }
        guard !text.isEmpty else { return nil }
        var map = WordKeyMap<Bool>()
        for form in variants(text.lowercased()) { map[WordKey.of(form)] = true }
        return .words(map)
    }

    /// A word and, when it has an apostrophe, its form with a curly one.
    private static func variants(_ word: String) -> [String] {
        word.contains("'") ? [word, word.replacingOccurrences(of: "'", with: "’")] : [word]
    }
}

import Foundation
