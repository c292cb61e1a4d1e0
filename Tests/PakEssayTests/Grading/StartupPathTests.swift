import Foundation
import Testing

@testable import PakEssay

/// The start path's short cuts (issue 17) against the plain versions they replace.
struct StartupPathTests {
    @Test func aRuleIsFoundByItsIdAsByAScanOfTheRegistry() {
        #expect(RuleRegistry.all.count >= 40)
        for type in RuleRegistry.all {
            let id = type.description.id
            let scanned = RuleRegistry.all.first { $0.description.id == id }
            #expect(RuleRegistry.rule(id).map(ObjectIdentifier.init) == scanned.map(ObjectIdentifier.init), "\(id)")
        }
        #expect(RuleRegistry.rule("no-such-rule") == nil)
        #expect(RuleRegistry.rule("") == nil)
    }

    /// A run makes each rule once: the grader takes the rules the rubric's loading made to check their
    /// parameters. A catalogue that makes every use as `answer-too-short` shows which were taken.
    @Test func theGraderTakesTheRulesTheLoadingMade() throws {
        let path = Fixtures.root.appendingPathComponent("Rubrics/css-current-affairs.json").path
        let stand = RuleCatalogue.registry
        let swapped = RuleCatalogue(ids: stand.ids, parameters: stand.parameters) { use in
            var other = use
            other.id = "answer-too-short"
            other.parameters = .defaults
            return stand.make(use).flatMap { _ in stand.make(other) }
        }
        let rubric = try RubricLoader.load(path: path, rules: swapped)
        let made = Grader(rubric: rubric).rules.joined().map { type(of: $0).description.id }
        #expect(made.count > 30)
        #expect(made.allSatisfy { $0 == "answer-too-short" })
        // A use whose parameters change after loading is made again, from them.
        var changed = rubric
        changed.criteria[0].rules[0].parameters = .defaults
        let again = Grader(rubric: changed).rules[0][0]
        #expect(type(of: again).description.id == rubric.criteria[0].rules[0].id)
        // The registry's catalogue keeps what it made, and its check gives the same errors as before.
        let loaded = try RubricLoader.load(path: path)
        #expect(loaded.criteria.allSatisfy { $0.rules.allSatisfy { $0.made is MadeRule } })
        let bad = RuleUse(id: "no-such-rule", weight: 1, gate: false, parameters: .defaults)
        #expect(stand.check(bad)?.message.contains("unknown rule id") == true)
    }

    /// The compiled lexicon's hash walks the rubric's `words` table instead of writing it out as text: the
    /// same table gives the same hash, any change to a word, a list or a kind of value another.
    @Test func theLexiconsHashFollowsTheWordsTable() throws {
        let list = Fixtures.root.appendingPathComponent("Rubrics/lexicons/stopwords.txt").path
        let files = [(key: "stopWords", path: list)]
        let words = try JSONReader.parse(Array(#"{"connectives": ["however", "thus"], "units": ["km"]}"#.utf8))
        let same = try JSONReader.parse(Array(#"{ "connectives": ["however","thus"], "units": ["km"] }"#.utf8))
        let key = LexiconStore.key(files, words: words)
        #expect(key != nil && key == LexiconStore.key(files, words: same))
        for other in [
            #"{"connectives": ["however", "thus"], "units": ["kg"]}"#,
            #"{"connectives": ["however"], "units": ["km"]}"#,
            #"{"connectives": ["however", "thus"], "unit": ["km"]}"#,
            #"{"connectives": ["however", "thus"], "units": "km"}"#,
            #"{"connectives": ["however", "thus"], "units": [1]}"#,
            #"{"connectives": ["however", "thus"], "units": [1.5]}"#,
        ] {
            #expect(LexiconStore.key(files, words: try JSONReader.parse(Array(other.utf8))) != key, "\(other)")
        }
        #expect(LexiconStore.key(files, words: nil) != key)
    }

    @Test func anEnvironmentVariableIsReadAsFoundationReadsIt() {
        let environment = ProcessInfo.processInfo.environment
        for name in ["PATH", "HOME", "PAKESSAY_RUBRICS", "NO_SUCH_VARIABLE_17"] {
            #expect(RubricLoader.environment(name) == environment[name], "\(name)")
            #expect(Host.environment(name) == environment[name], "\(name)")
        }
    }

    /// The processors the kernel lists as online ("0-1,4"), counted.
    static func onlineProcessors() throws -> Int {
        let list = try String(contentsOfFile: "/sys/devices/system/cpu/online", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return list.split(separator: ",").reduce(0) { total, range in
            let ends = range.split(separator: "-").compactMap { Int($0) }
            return total + (ends.count == 2 ? ends[1] - ends[0] + 1 : 1)
        }
    }

    @Test func theDefaultJobsAreTheProcessorsOnline() throws {
        let online = try Self.onlineProcessors()
        #expect(online >= 1)
        #expect(Host.processorCount == online)
    }

    @Test func aDateWordLosesItsCommasAsFoundationCutsThem() {
        let words = [
            "March,", ",March", ",,2025,,", ",", ",,", "", "May", "a,b", ",\u{301}2025", "2025,\u{301}", "é,",
            ",\u{301},",
        ]
        for word in words {
            let line = "x " + word + " y"
            let sub = line.split(separator: " ", omittingEmptySubsequences: false)[1]
            #expect(String(HeadingRecognizer.trimmingCommas(sub)) == sub.trimmingCharacters(in: [","]), "\(word)")
        }
        // "15 March, 2025" is a date; "15 March Reforms" a numbered heading.
        let date = HeadingRecognizer.read(
            "15 March, 2025", underlined: false, opensBlock: true, roleWords: { _ in false })
        let heading = HeadingRecognizer.read(
            "15 March Reforms", underlined: false, opensBlock: true, roleWords: { _ in false })
        #expect(date == nil)
        #expect(heading?.form == .numbered)
    }

    /// The paths pakessay takes apart without Foundation read as `NSString` reads them.
    @Test func pathsAreTakenApartAsNSStringDoes() {
        let paths = [
            "a/b/c.json", "c.json", "/c.json", "/a/b/", "./x.json", "../r.json", "Rubrics/css-essay.json",
            "/tmp/x/.cache", ".hidden", "dir.d/file", "name.tar.gz", "a/.json",
        ]
        for path in paths {
            let ns = path as NSString
            #expect(Path.lastComponent(path) == ns.lastPathComponent, "\(path)")
            #expect(Path.deletingLastComponent(path) == ns.deletingLastPathComponent, "\(path)")
            let last = Path.lastComponent(path)
            #expect(Path.deletingExtension(last) == (last as NSString).deletingPathExtension, "\(path)")
        }
        // Where Foundation on Linux stops with a fatal error instead of answering, what NSString is documented
        // to give.
        #expect(Path.lastComponent("/") == "/" && Path.deletingLastComponent("/") == "/")
        #expect(Path.lastComponent("") == "" && Path.deletingLastComponent("") == "")
        #expect(Path.lastComponent("a/") == "a" && Path.deletingLastComponent("a/") == "")
        #expect(Path.lastComponent("a//b.json") == "b.json" && Path.deletingLastComponent("a//b.json") == "a")
    }

    /// Files and folders through the C library: what `FileManager` gave for the same questions.
    @Test func filesAreReadWrittenAndListedAsFileManagerDoes() throws {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("pakessay-fs-\(getpid())").path
        defer { try? manager.removeItem(atPath: folder) }
        let inner = folder + "/one/two"
        #expect(FileSystem.makeFolders(inner))
        #expect(FileSystem.exists(inner) && !FileSystem.exists(inner + "/none"))
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        #expect(FileSystem.writeReplacing(bytes, folder: inner, name: "f.bin"))
        #expect(FileSystem.read(inner + "/f.bin") == bytes)
        #expect(FileSystem.read(inner + "/f.bin") == manager.contents(atPath: inner + "/f.bin").map { [UInt8]($0) })
        #expect(FileSystem.writeReplacing([1, 2], folder: inner, name: "f.bin"))
        #expect(FileSystem.read(inner + "/f.bin") == [1, 2])
        #expect(FileSystem.read(inner) == nil && FileSystem.read(inner + "/none") == nil)
        #expect(FileSystem.list(inner) == ["f.bin"])
        #expect(FileSystem.list(folder)?.sorted() == (try manager.contentsOfDirectory(atPath: folder)).sorted())
        #expect(FileSystem.list(inner + "/none") == nil)
        #expect(FileSystem.isReadable(inner + "/f.bin") && !FileSystem.isReadable(inner + "/none"))
        #expect(FileSystem.currentFolder == manager.currentDirectoryPath)
        #expect(FileSystem.resolved("/bin/sh") == URL(fileURLWithPath: "/bin/sh").resolvingSymlinksInPath().path)
        #expect(!FileSystem.writeReplacing([1], folder: inner + "/f.bin", name: "x"))
    }

    /// The command links no Foundation at all (it is in no file of the library or the command): a start makes
    /// its generic types without looking their conformances up among Foundation's thousands.
    @Test func theCommandLinksNoFoundation() throws {
        let binary = try #require(FileManager.default.contents(atPath: Fixtures.binary.path))
        #expect(binary.count > 1000)
        for name in ["FoundationEssentials", "libFoundation"] {
            #expect(binary.firstRange(of: Data(name.utf8)) == nil, "\(name)")
        }
    }

    /// A string's `contains` of another answers as the search by whole characters does, on bytes when
    /// both are ASCII and the other holds no line break (what the rules ask), by characters otherwise.
    @Test func containsAnswersAsTheSearchByCharacters() {
        let texts = [
            "discuss the way forward for pakistan", "a\r\nb", "café au lait", "cafe\u{301} noir", "", "x",
            "what measures should be taken?", "naïve e\u{301}", "Way Forward",
        ]
        let needles = ["way forward", "\n", "\r", "a\r", "café", "e", "caf", "", "measures", "x", "forward", "é"]
        for text in texts {
            for needle in needles {
                #expect(text.contains(needle) == (text.firstRange(of: needle) != nil), "\(text) / \(needle)")
            }
        }
        #expect("discuss the way forward".asciiContains("way forward") == true)
        #expect("discuss the way forward".asciiContains("backward") == false)
        #expect("a\r\nb".asciiContains("\n") == nil)
        #expect("café".asciiContains("caf") == nil)
    }

    /// The relevance and part settings are set by name through a switch (issue 17, step 6), not key paths:
    /// each name sets the field of that name and nothing else, and every threshold has its name.
    @Test func everySettingIsSetByItsName() {
        func fields(_ value: Any) -> [String: Double] {
            var out: [String: Double] = [:]
            for child in Mirror(reflecting: value).children {
                guard let label = child.label else { continue }
                if let d = child.value as? Double { out[label] = d }
                if let n = child.value as? Int { out[label] = Double(n) }
            }
            return out
        }
        let standard = fields(RelevanceSettings())
        #expect(Set(RubricDecoder.relevanceKeys.map(\.0)) == Set(standard.keys).subtracting(["aspectsPerGroup"]))
        for (name, range) in RubricDecoder.relevanceKeys {
            var settings = RelevanceSettings()
            let value = (range.lowerBound + range.upperBound) / 3
            settings.set(name, to: value)
            var expected = standard
            expected[name] = value
            #expect(fields(settings) == expected, "\(name)")
            #expect(value != standard[name], "\(name)")
        }
        let parts = fields(PartSettings())
        #expect(Set(RubricDecoder.partKeys) == Set(parts.keys))
        for name in RubricDecoder.partKeys {
            var settings = PartSettings()
            settings.set(name, to: 7)
            var expected = parts
            expected[name] = 7
            #expect(fields(settings) == expected, "\(name)")
        }
    }

    /// Bullet marks and Roman digits are told by a switch, as the set and the table they replace told them.
    @Test func bulletMarksAndRomanDigitsAreThoseOfTheirTables() {
        let marks: Set<Unicode.Scalar> = [
            "-", "*", "•", "o", "→", ">", "✓", "✔", "–", "▪", "●", "◦", "⇒", "➢", "►",
        ]
        var found = 0
        for value in 0..<0x3000 {
            guard let s = Unicode.Scalar(value) else { continue }
            #expect(Bullet.isMark(s) == marks.contains(s), "\(value)")
            if Bullet.isMark(s) { found += 1 }
        }
        #expect(found == marks.count)
        let values: [Character: Int] = ["i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000]
        for c in "abcdefghijklmnopqrstuvwxyzIVX1é" { #expect(HeadingRecognizer.romanDigit(c) == values[c], "\(c)") }
        #expect(HeadingRecognizer.romanValue("xiv") == 14)
        #expect(HeadingRecognizer.romanValue("iiii") == nil)
    }

    /// A string is hashed on its bytes in one buffer, as byte by byte over its UTF-8 view.
    @Test func aStringIsHashedAsItsBytes() {
        let texts = [
            "", "SCO", "Zarb-e-Azb", "café", "پاکستان", "😀 emoji", String(repeating: "long ", count: 40),
        ]
        for text in texts {
            var fast = TopicModelStore.Hash()
            fast.add(text)
            var plain = TopicModelStore.Hash()
            for b in text.utf8 { plain.add(byte: b) }
            plain.add(byte: 0)
            #expect(fast.value == plain.value, "\(text)")
        }
    }
}
