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

    @Test func aDamagedCompiledFileIsBuiltAgain() throws {
        let (rubric, answer, rubrics) = try Self.setUp()
        let built = try Self.grade(rubric, answer)
        let files = Self.compiled(in: rubrics)
        #expect(files.count == 1)
        guard let file = files.first else { return }
        let good = try Data(contentsOf: file)
        let damages: [(String, Data)] = [
            ("cut in half", good.prefix(good.count / 2)),
            ("cut after the header", good.prefix(48)),
            ("empty", Data()),
            (
                "bytes changed in the middle",
                { () -> Data in
                    var d = good
                    for k in 0..<64 { d[d.count / 3 + k] ^= 0x5A }
                    return d
                }()
            ),
            (
                "a table count changed",
                { () -> Data in
                    var d = good
                    d[d.count / 5] &+= 1
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

/// The compiled form read back in this process: damaged bytes are refused, the tables come back whole.
struct LexiconStoreTests {
    @Test func truncatedOrChangedBytesAreRefused() {
        let bytes = LexiconStore.compiled(Fixtures.rubric.lexicon, key: 7)
        #expect(LexiconStore.decode(ByteStore(bytes), key: 7) != nil)
        #expect(LexiconStore.decode(ByteStore(bytes), key: 8) == nil)
        for length in [0, 8, 47, 48, 100, bytes.count / 2, bytes.count - 1] {
            #expect(LexiconStore.decode(ByteStore(Array(bytes.prefix(length))), key: 7) == nil, "\(length)")
        }
        for at in stride(from: 48, to: bytes.count, by: bytes.count / 13) {
            var changed = bytes
            changed[at] ^= 0x01
            #expect(LexiconStore.decode(ByteStore(changed), key: 7) == nil, "\(at)")
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
