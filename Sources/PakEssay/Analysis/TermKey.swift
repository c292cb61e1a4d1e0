/// Reduces words to comparable keys for matching question terms and titles: lowercase, plural
/// dropped, first five letters ("economic" and "economy" share `econo`).
public enum TermKey {
    /// The key of one lowercase word.
    public static func key(_ word: String) -> String {
        var w = word
        if w.hasSuffix("'s") || w.hasSuffix("’s") { w = String(w.dropLast(2)) }
        if w.hasSuffix("ies"), w.count > 4 {
            w = String(w.dropLast(3)) + "y"
        } else if w.hasSuffix("s"), !w.hasSuffix("ss"), w.count > 3 {
            w = String(w.dropLast())
        }
        return String(w.prefix(5))
    }

    /// The keys of a text's content words (not stop words, not bare numbers).
    public static func keys(_ text: String, stopWords: Set<String>) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for word in lowercaseWords(text) where !stopWords.contains(word) && word.unicodeScalars.contains(where: \.isAlphabeticScalar) {
            let k = key(word)
            if k.count >= 3, seen.insert(k).inserted { out.append(k) }
        }
        return out
    }
}
