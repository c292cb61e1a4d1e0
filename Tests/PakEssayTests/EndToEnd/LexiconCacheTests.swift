import Foundation
import Testing

@testable import PakEssay

/// The compiled lexicon (`Rubrics/.cache/lexicon-HASH.bin`): an edit to a word list takes effect on the
/// next run, the lists are validated whenever they are compiled, a damaged file is built again, and a
/// lexicon read back grades as one just built. Against the built binary.
@Suite(.serialized) struct LexiconCacheTests {
    static let answer = """
        The zarqoonistan reforms and the economy

        The government must act on the zarqoonistan reforms, because the economy of Pakistan depends on them.
        """

    /// A copy of the shipped rubrics and an answer to grade with them.
    static func setUp() throws -> (rubric: String, answer: String, rubrics: URL) {
        let rubrics = try TopicModelCacheTests.rubricCopy()
        let answer = rubrics.deletingLastPathComponent().appendingPathComponent("answer.txt")
        try Data(Self.answer.utf8).write(to: answer)
        return (rubrics.appendingPathComponent("css-current-affairs.json").path, answer.path, rubrics)
    }

    static func grade(_ rubric: String, _ answer: String) throws -> (code: Int32, out: String, err: String) {
        try runBinary(["grade", answer, "--rubric", rubric, "--format", "json"])
    }

    static func compiled(in rubrics: URL) -> [URL] {
        TopicModelCacheTests.compiledFiles(in: rubrics, prefix: "lexicon-").map {
            rubrics.appendingPathComponent(".cache").appendingPathComponent($0)
        }
    }

    static let flagged = "'zarqoonistan' is not in the dictionary"

    @Test func anEditedWordListIsReadOnTheNextRun() throws {
        let (rubric, answer, rubrics) = try Self.setUp()
        let before = try Self.grade(rubric, answer)
        #expect(before.code == 0, "\(before.err)")
        #expect(before.out.contains(Self.flagged))
        #expect(Self.compiled(in: rubrics).count == 1)
        try TopicModelCacheTests.append("zarqoonistan", to: rubrics.appendingPathComponent("lexicons/allowed.txt"))
        let after = try Self.grade(rubric, answer)
        #expect(after.code == 0, "\(after.err)")
        #expect(!after.out.contains(Self.flagged))
    }

    @Test func anEditedListIsValidatedAgainWithTheSameError() throws {
        let (rubric, answer, rubrics) = try Self.setUp()
        #expect(try Self.grade(rubric, answer).code == 0)
        let list = rubrics.appendingPathComponent("lexicons/misspellings.txt")
        try TopicModelCacheTests.append("no arrow on this line", to: list)
        let broken = try Self.grade(rubric, answer)
        // A fresh load in this process, with nothing compiled for the edited list, names the same problem.
        var fresh = ""
        do { _ = try RubricLoader.load(path: rubric) } catch { fresh = error.message }
        #expect(broken.code != 0)
        #expect(!fresh.isEmpty)
        #expect(fresh.contains("expected `wrong -> right`"))
        #expect(broken.err.contains(fresh))
    }

    /// A grammar pattern and a confusion set a tutor adds, both set off by the answer's made-up word.
    static let tutorPatterns = (
        grammar: "rule zz-tutor-grammar\nmatch <zarqoonistan> reforms\nfix Zarqoonia\nsay zz tutor grammar pattern",
        confusion: "rule zz-tutor-confusion\nmatch the <zarqoonistan>\nsay zz tutor confusion set"
    )

    /// Adds the tutor's patterns to the copy's pattern files.
    static func addTutorPatterns(_ rubrics: URL) throws {
        try TopicModelCacheTests.append(
            tutorPatterns.grammar, to: rubrics.appendingPathComponent("lexicons/grammar.txt"))
        try TopicModelCacheTests.append(
            tutorPatterns.confusion, to: rubrics.appendingPathComponent("lexicons/confusion-sets.txt"))
    }

    @Test func anEditedPatternFileIsReadOnTheNextRun() throws {
        let (rubric, answer, rubrics) = try Self.setUp()
        let before = try Self.grade(rubric, answer)
        #expect(before.code == 0, "\(before.err)")
        #expect(!before.out.contains("zz tutor"))
        try Self.addTutorPatterns(rubrics)
        let edited = try Self.grade(rubric, answer)
        let again = try Self.grade(rubric, answer)
        #expect(edited.code == 0, "\(edited.err)")
        #expect(edited.out.contains("zz tutor grammar pattern"))
        #expect(edited.out.contains("zz tutor confusion set"))
        // The edit compiled a second file (the first stays until it is an hour old); the run after reads the
        // patterns from it, and grades alike.
        #expect(Self.compiled(in: rubrics).count == 2)
        #expect(again.out == edited.out)
    }

    @Test func anEditedPatternFileIsValidatedAgainWithTheSameError() throws {
        let (rubric, answer, rubrics) = try Self.setUp()
        #expect(try Self.grade(rubric, answer).code == 0)
        let edits = [
            ("lexicons/grammar.txt", "rule zz-broken\nmatch zarqoonistan\nsay broken\nfrobnicate now", "unknown key"),
            (
                "lexicons/confusion-sets.txt", "rule zz-broken\nmatch @nosuchclass\nsay broken",
                "cannot read the pattern"
            ),
        ]
        for (file, lines, problem) in edits {
            let list = rubrics.appendingPathComponent(file)
            let good = try Data(contentsOf: list)
            try TopicModelCacheTests.append(lines, to: list)
            let broken = try Self.grade(rubric, answer)
            var fresh = ""
            do { _ = try RubricLoader.load(path: rubric) } catch { fresh = error.message }
            #expect(broken.code != 0, "\(file)")
            #expect(fresh.contains(problem), "\(file): \(fresh)")
            #expect(broken.err.contains(fresh), "\(file)")
            try good.write(to: list)
            #expect(try Self.grade(rubric, answer).code == 0, "\(file) mended")
        }
    }

    /// Where a compiled file's index ends (the header's seventh field).
    static func indexEnd(_ bytes: Data) -> Int {
        guard bytes.count >= 56 else { return 0 }
        return (0..<8).reduce(0) { $0 | Int(bytes[bytes.startIndex + 48 + $1]) << (8 * $1) }
    }

    @Test func aDamagedCompiledFileIsBuiltAgain() throws {
        let (rubric, answer, rubrics) = try Self.setUp()
        try Self.addTutorPatterns(rubrics)
        let built = try Self.grade(rubric, answer)
        #expect(built.out.contains("zz tutor grammar pattern"))
        #expect(built.out.contains("zz tutor confusion set"))
        let files = Self.compiled(in: rubrics)
        #expect(files.count == 1)
        guard let file = files.first else { return }
        let good = try Data(contentsOf: file)
        // Where the patterns lie in the file: the grammar pattern's message.
        let inPatterns = good.range(of: Data("zz tutor grammar pattern".utf8))?.lowerBound ?? good.count / 2
        let index = Self.indexEnd(good)
        #expect(index > 100_000 && index < good.count / 2)
        let damages: [(String, Data)] = [
            ("cut inside the patterns", good.prefix(inPatterns + 5)),
            (
                "a pattern's bytes changed",
                { () -> Data in
                    var d = good
                    d[inPatterns + 3] ^= 0x20
                    return d
                }()
            ),
            ("cut in half", good.prefix(good.count / 2)),
            ("cut after the header", good.prefix(48)),
            ("empty", Data()),
            (
                "bytes changed in the middle of the index",
                { () -> Data in
                    var d = good
                    for k in 0..<64 { d[index / 2 + k] ^= 0x5A }
                    return d
                }()
            ),
            (
                "a table count changed",
                { () -> Data in
                    var d = good
                    d[index / 5] &+= 1
                    return d
                }()
            ),
            (
                "the index's last byte changed",
                { () -> Data in
                    var d = good
                    d[index - 1] ^= 0x01
                    return d
                }()
            ),
            (
                "where the index ends changed",
                { () -> Data in
                    var d = good
                    d[48] ^= 0x08
                    return d
                }()
            ),
        ]
        for (name, bytes) in damages {
            try bytes.write(to: file)
            let again = try Self.grade(rubric, answer)
            #expect(again.code == built.code, "\(name): \(again.err)")
            #expect(again.out == built.out, "\(name)")
            // Built again (the tables' slots may lie in another order: sets are hashed per process).
            let now = try Data(contentsOf: file)
            #expect(now.count == good.count && now != bytes, "\(name): not built again")
        }
    }

    /// The body after the index (the source lists, the open word classes) is not summed at start: damaged
    /// there, the file is graded with, and nothing crashes or hangs.
    @Test func aDamagedBodyIsGradedWithoutACrash() throws {
        let (rubric, answer, rubrics) = try Self.setUp()
        let built = try Self.grade(rubric, answer)
        #expect(built.code == 0, "\(built.err)")
        guard let file = Self.compiled(in: rubrics).first else {
            Issue.record("nothing compiled")
            return
        }
        let good = try Data(contentsOf: file)
        let index = Self.indexEnd(good)
        // The open classes' slots are the file's last bytes, their text before them.
        var slots = good
        for k in (good.count - 4096)..<good.count { slots[k] = 0xFF }
        // A line of the open classes' text, past the index.
        let line = good.range(of: Data("\neconomy\t".utf8))?.lowerBound ?? index
        #expect(line > index)
        var text = good
        for k in 0..<4096 { text[line + k] ^= 0x5A }
        for (name, bytes) in [("slots filled", slots), ("text changed", text)] {
            try bytes.write(to: file)
            let again = try Self.grade(rubric, answer)
            #expect(again.code == 0, "\(name): \(again.err)")
            #expect(again.out.contains(Self.flagged), "\(name)")
            #expect(try Data(contentsOf: file) == bytes, "\(name): read, not built again")
        }
    }

    @Test func aLexiconReadBackGradesAsOneJustBuilt() throws {
        let (rubric, _, rubrics) = try Self.setUp()
        let args = ["grade", Fixtures.samples.path, "--rubric", rubric, "--format", "json"]
        let built = try runBinary(args)
        #expect(Self.compiled(in: rubrics).count == 1)
        let read = try runBinary(args)
        #expect(built.code == read.code)
        #expect(!built.out.isEmpty)
        #expect(built.out == read.out)
    }
}

/// The compiled form read back in this process: a damaged header or index is refused, a damaged body is read
/// without a crash and found by `isWhole`, the tables come back whole.
struct LexiconStoreTests {
    static let compiled = LexiconStore.compiled(Fixtures.rubric.lexicon, key: 7)
    static var indexEnd: Int { compiled.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: 48, as: UInt64.self)) } }

    static func decodes(_ bytes: [UInt8]) -> Bool { LexiconStore.decode(ByteStore(bytes), key: 7) != nil }
    static func isWhole(_ bytes: [UInt8]) -> Bool { LexiconStore.isWhole(ByteStore(bytes), key: 7) }

    @Test func theIndexIsAQuarterOfTheFileAndTheBodyFollows() {
        let bytes = Self.compiled
        #expect(Self.decodes(bytes))
        #expect(Self.isWhole(bytes))
        #expect(Self.indexEnd > 64 && Self.indexEnd < bytes.count / 3)
    }

    @Test func truncatedBytesOrAChangedIndexAreRefused() {
        let bytes = Self.compiled
        #expect(LexiconStore.decode(ByteStore(bytes), key: 8) == nil)
        for length in [0, 8, 47, 48, 63, 64, 100, Self.indexEnd, bytes.count / 2, bytes.count - 1] {
            let cut = Array(bytes.prefix(length))
            #expect(!Self.decodes(cut), "\(length)")
            #expect(!Self.isWhole(cut), "\(length)")
        }
        for at in Array(stride(from: 48, to: Self.indexEnd, by: Self.indexEnd / 13)) + [Self.indexEnd - 1] {
            var changed = bytes
            changed[at] ^= 0x01
            #expect(!Self.decodes(changed), "\(at)")
            #expect(!Self.isWhole(changed), "\(at)")
        }
    }

    /// A change past the index is read (a start does not sum the body) and found by the whole file's sum.
    @Test func aChangedBodyIsReadAndFoundByTheWholeSum() {
        let bytes = Self.compiled
        for at in Array(stride(from: Self.indexEnd, to: bytes.count, by: (bytes.count - Self.indexEnd) / 13))
            + [bytes.count - 1]
        {
            var changed = bytes
            changed[at] ^= 0x01
            #expect(Self.decodes(changed), "\(at)")
            #expect(!Self.isWhole(changed), "\(at)")
        }
    }

    @Test func aChangeInAnyLaneOfTheChecksumsOrInTheirTailsIsFound() {
        let bytes = Self.compiled
        // Every byte of one 64-byte block of the index (the checksum's eight lanes), the index's last bytes.
        let block = 48 + 64 * 1000
        #expect(block + 64 < Self.indexEnd)
        for at in Array(block..<(block + 64)) + [Self.indexEnd - 64, Self.indexEnd - 1] {
            for bit: UInt8 in [0x01, 0x80] {
                var changed = bytes
                changed[at] ^= bit
                #expect(!Self.decodes(changed), "\(at) \(bit)")
            }
        }
        // The last full block of the file and its tail: the body's sum.
        let tail = bytes.count - (bytes.count - 64) % 64
        var places = [tail - 1, tail - 64, bytes.count - 1]
        if tail < bytes.count { places.append(tail) }
        for at in places {
            var changed = bytes
            changed[at] ^= 0x80
            #expect(!Self.isWhole(changed), "\(at)")
        }
        // The header's own fields: the length, the index's sum, the executable, the index's end and the body's
        // sum (both in the index's sum).
        for at in [24, 32, 40, 48, 56] {
            var changed = bytes
            changed[at] ^= 0x01
            #expect(!Self.isWhole(changed), "\(at)")
            #expect(!Self.decodes(changed), "\(at)")
        }
    }

    /// The open classes read from a damaged body give wrong classes, never a crash or a look-up that never
    /// ends: every slot full, or every slot pointing past the text.
    @Test func openClassesWithDamagedSlotsEndEveryLookUp() throws {
        let bytes = Self.compiled
        let slotCount = bytes.withUnsafeBytes { raw in
            Int(truncatingIfNeeded: raw.loadUnaligned(fromByteOffset: Self.openAt(bytes) + 8, as: UInt64.self))
        }
        #expect(slotCount >= 1024)
        let slotsAt = bytes.count - slotCount * 8
        for fill: UInt8 in [0xFF, 0x7F] {
            var changed = bytes
            for k in slotsAt..<bytes.count { changed[k] = fill }
            let read = try #require(LexiconStore.decode(ByteStore(changed), key: 7))
            let open = read.wordClasses.open
            for word in ["economy", "went", "zzqxnotaword", ""] {
                #expect(open.tags(word) == 0, "\(word)")
                #expect(open.lemma(word) == nil, "\(word)")
            }
        }
        let good = try #require(LexiconStore.decode(ByteStore(bytes), key: 7))
        #expect(good.wordClasses.open.tags("economy") & OpenClasses.noun != 0)
    }

    /// Where the open classes start: after the source lists, whose length is the index's last number.
    static func openAt(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { raw in
            let lists = Int(truncatingIfNeeded: raw.loadUnaligned(fromByteOffset: Self.indexEnd - 8, as: UInt64.self))
            return (Self.indexEnd + lists + 7) & ~7
        }
    }

    @Test func damagedListsComeBackEmpty() {
        var changed = Self.compiled
        changed[Self.indexEnd + 20] ^= 0x01
        guard let read = LexiconStore.decode(ByteStore(changed), key: 7) else {
            Issue.record("not read back")
            return
        }
        #expect(read.misspellings.isEmpty)
        #expect(read.properWords.isEmpty)
        guard let whole = LexiconStore.decode(ByteStore(Self.compiled), key: 7) else {
            Issue.record("not read back")
            return
        }
        #expect(whole.misspellings.count >= 1000)
    }

    /// A file mapped with every page at once holds the same bytes as one mapped page by page, and the compiled
    /// lexicon read from it is accepted.
    @Test func aFileMappedWholeIsTheFileMappedByPage() throws {
        let bytes = Self.compiled
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("populate-\(getpid()).bin").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole = try #require(ByteStore.map(path, populate: true))
        let paged = try #require(ByteStore.map(path))
        #expect(whole.raw.count == bytes.count)
        #expect(Array(whole.raw) == Array(paged.raw))
        #expect(LexiconStore.decode(whole, key: 7) != nil)
        #expect(LexiconStore.decode(paged, key: 7) != nil)
        #expect(LexiconStore.isWhole(paged, key: 7))
        #expect(ByteStore.map(path + ".missing", populate: true) == nil)
    }

    /// The checksum, word by word as it is defined: lane i starts at i + 1 and adds every 8-byte word at i
    /// modulo 8 of the whole 64-byte blocks past the first `from` bytes; the bytes after the last block are
    /// the tail.
    static func plainChecksum(_ bytes: [UInt8], from: Int = 48) -> UInt64 {
        var lanes: [UInt64] = [1, 2, 3, 4, 5, 6, 7, 8]
        var at = from
        while at + 64 <= bytes.count {
            for lane in 0..<8 {
                var word: UInt64 = 0
                for byte in 0..<8 { word |= UInt64(bytes[at + lane * 8 + byte]) << (8 * byte) }
                lanes[lane] &+= word
            }
            at += 64
        }
        var tail: UInt64 = 0
        for byte in bytes.dropFirst(at) { tail = tail &* 31 &+ UInt64(byte) }
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        return lanes.reduce(tail &* k) { ($0 ^ $1) &* k }
    }

    /// The checksum reads words on 16-byte boundaries 256 bytes at a time; it gives the plain sums there, and
    /// where the bytes do not start on a boundary (read 64 bytes at a time, unaligned), for every length of
    /// tail and of a last half block, from the compiled rubric's 48 bytes, the lexicon's 64 and the start.
    @Test func theChecksumIsThePlainSumAlignedOrNot() {
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        let bytes = (0..<(48 + 128 * 5 + 64 + 63)).map { _ -> UInt8 in
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: seed >> 56)
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count + 16, alignment: 16)
        defer { buffer.deallocate() }
        var checked = 0
        for length in [0, 47, 48, 111, 112, 175, 176, 200, 303, 304, 368, 559, 560, 624, bytes.count] {
            let part = Array(bytes.prefix(length))
            for offset in [0, 8, 1] {
                let place = UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<(offset + length)])
                place.copyBytes(from: part)
                let raw = UnsafeRawBufferPointer(place)
                #expect(LexiconStore.checksum(raw) == Self.plainChecksum(part), "\(length)")
                for from in [0, 64] {
                    #expect(LexiconStore.checksum(raw, from: from) == Self.plainChecksum(part, from: from), "\(length)")
                }
                checked += 1
            }
        }
        #expect(checked == 45)
        // A change in the last lane of the aligned loop's last 64 bytes (bytes 248 to 255 past the header).
        var changed = bytes
        changed[48 + 255] ^= 0x80
        #expect(Self.plainChecksum(changed) != Self.plainChecksum(bytes))
        #expect(changed.withUnsafeBytes { LexiconStore.checksum($0) } == Self.plainChecksum(changed))
    }

    @Test func thePatternsComeBackFromTheCompiledForm() {
        let lexicon = Fixtures.rubric.lexicon
        guard let read = LexiconStore.decode(ByteStore(LexiconStore.compiled(lexicon, key: 7)), key: 7) else {
            Issue.record("not read back")
            return
        }
        #expect(lexicon.grammarPatterns.count >= 10)
        #expect(lexicon.confusionPatterns.count >= 10)
        // Every field, the examples and the compiled triggers' tables alike.
        #expect(String(describing: read.grammarPatterns) == String(describing: lexicon.grammarPatterns))
        #expect(String(describing: read.confusionPatterns) == String(describing: lexicon.confusionPatterns))
        #expect(String(describing: read.grammarTriggers) == String(describing: lexicon.grammarTriggers))
        #expect(String(describing: read.confusionTriggers) == String(describing: lexicon.confusionTriggers))
        #expect(String(describing: read.grammarTriggers) == String(describing: PatternTriggers(read.grammarPatterns)))
    }

    @Test func patternsCutShortAreRefused() {
        let lexicon = Fixtures.rubric.lexicon
        var w = CompiledWriter()
        w.patterns(lexicon.confusionPatterns, lexicon.confusionTriggers)
        let bytes = w.bytes
        bytes.withUnsafeBytes { raw in
            var whole = CompiledReader(bytes: raw)
            #expect(whole.patterns()?.list.count == lexicon.confusionPatterns.count)
            #expect(whole.at == bytes.count)
            for length in stride(from: 0, to: bytes.count, by: 8) {
                var cut = CompiledReader(bytes: UnsafeRawBufferPointer(rebasing: raw[0..<length]))
                #expect(cut.patterns() == nil, "\(length)")
            }
        }
    }

    @Test func theSourceListsComeBackFromTheCompiledForm() {
        let lexicon = Fixtures.rubric.lexicon
        let bytes = LexiconStore.compiled(lexicon, key: 7)
        guard let read = LexiconStore.decode(ByteStore(bytes), key: 7) else {
            Issue.record("not read back")
            return
        }
        #expect(read.misspellings == lexicon.misspellings)
        #expect(read.misspellings.count >= 1000)
        #expect(read.properWords == lexicon.properWords)
        #expect(read.allowedWords == lexicon.allowedWords)
        #expect(read.capitalNames == lexicon.capitalNames)
        #expect(read.stopWords == lexicon.stopWords)
        #expect(read.questionStopWords == lexicon.questionStopWords)
        #expect(read.cueNames == lexicon.cueNames)
        #expect(read.allowedKeys.count == lexicon.allowedKeys.count)
        #expect(read.capitalKeys.count == lexicon.capitalKeys.count)
        #expect(read.wordClasses.classIndex == lexicon.wordClasses.classIndex)
    }
}

/// The open classes' hashed table against the file it is built from, line by line.
struct OpenClassesTableTests {
    static func plain(_ path: String) -> [(word: String, tags: String, lemma: String?)] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return (fields[0], fields.count > 1 ? fields[1] : "", fields.count > 2 ? fields[2] : nil)
        }
    }

    @Test func everyWordHasItsClassesAndLemma() throws {
        let path = Fixtures.root.appendingPathComponent("Rubrics/lexicons/pos-open.txt").path
        let open = Fixtures.rubric.lexicon.wordClasses.open
        let lines = Self.plain(path)
        #expect(lines.count > 50_000)
        let letters: [Character: UInt8] = [
            "n": OpenClasses.noun, "v": OpenClasses.verb, "a": OpenClasses.adjective, "r": OpenClasses.adverb,
            "N": OpenClasses.plural, "D": OpenClasses.past, "C": OpenClasses.comparative,
        ]
        var wrong: [String] = []
        for line in lines {
            let tags = line.tags.reduce(UInt8(0)) { $0 | (letters[$1] ?? 0) }
            if open.tags(line.word) != tags || open.lemma(line.word) != line.lemma { wrong.append(line.word) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
        #expect(open.tags("zzqxnotaword") == 0)
        #expect(open.lemma("zzqxnotaword") == nil)
        #expect(open.tags("policies", drop: 3, add: "y") & OpenClasses.noun != 0)
        #expect(open.tags("polic", drop: 0, add: "y") == open.tags("policy"))
    }

    @Test func theSharedTableOfAFileIsTheCompiledOnesTwin() {
        let path = Fixtures.root.appendingPathComponent("Rubrics/lexicons/pos-open.txt").path
        let shared = OpenClasses.shared(path)
        let compiled = Fixtures.rubric.lexicon.wordClasses.open
        for word in ["went", "policies", "economy", "run", "better", "quickly", "zzqx"] {
            #expect(shared.tags(word) == compiled.tags(word), "\(word)")
            #expect(shared.lemma(word) == compiled.lemma(word), "\(word)")
        }
    }
}
