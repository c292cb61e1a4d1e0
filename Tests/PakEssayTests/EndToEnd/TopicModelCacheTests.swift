import Foundation
import Testing

@testable import PakEssay

/// The compiled topic model (`Rubrics/.cache/topics-HASH.bin`): a tutor's edit to the relevance files
/// takes effect on the next run, and a model read back grades as one just built. Against the built binary.
@Suite(.serialized) struct TopicModelCacheTests {
    /// A copy of the shipped rubric folder, so that its files can be edited.
    static func rubricCopy() throws -> URL {
        let folder = try CommandLineTests.tempFolder()
        let copy = folder.appendingPathComponent("Rubrics")
        // Entry by entry, without the cache: another test's run may be writing and renaming a compiled file
        // in it while the folder is copied.
        let fm = FileManager.default
        let source = Fixtures.root.appendingPathComponent("Rubrics")
        try fm.createDirectory(at: copy, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: source.path) where name != ".cache" {
            try fm.copyItem(at: source.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        return copy
    }

    static func append(_ line: String, to file: URL) throws {
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(("\n" + line + "\n").utf8))
        try handle.close()
    }

    /// The compiled files of one kind (the topic models unless told) in a rubric folder's cache.
    static func compiledFiles(in rubrics: URL, prefix: String = "topics-") -> [String] {
        let cache = rubrics.appendingPathComponent(".cache").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).filter {
            $0.hasPrefix(prefix) && $0.hasSuffix(".bin")
        }
    }

    @Test func anEditedQuestionFileIsReadOnTheNextRun() throws {
        let rubrics = try Self.rubricCopy()
        let rubric = rubrics.appendingPathComponent("css-current-affairs.json").path
        let question = "Evaluate the new SCO question that a tutor has just added to the bank."
        let before = try runBinary(["questions", "--rubric", rubric, "--topic", "sco"])
        #expect(before.code == 0, "\(before.err)")
        #expect(!before.out.contains(question))
        #expect(Self.compiledFiles(in: rubrics).count == 1)
        try Self.append(
            "zz-001 | current-affairs | written | sco | \(question)",
            to: rubrics.appendingPathComponent("questions.txt"))
        let after = try runBinary(["questions", "--rubric", rubric, "--topic", "sco"])
        #expect(after.code == 0, "\(after.err)")
        #expect(after.out.contains(question))
    }

    @Test func anEditedThesaurusIsReadOnTheNextRun() throws {
        let rubrics = try Self.rubricCopy()
        let rubric = rubrics.appendingPathComponent("css-current-affairs.json").path
        let before = try runBinary(["questions", "--rubric", rubric, "--topic", "zz-tutor-topic"])
        #expect(before.code == 64)
        try Self.append(
            "[zz-tutor-topic] A topic a tutor added\nterms: quokka husbandry, wombat census",
            to: rubrics.appendingPathComponent("lexicons/topics.txt"))
        let after = try runBinary(["questions", "--rubric", rubric, "--topic", "zz-tutor-topic"])
        #expect(after.code == 0, "\(after.err)")
    }

    @Test func aModelReadBackGradesAsOneJustBuilt() throws {
        let rubrics = try Self.rubricCopy()
        let rubric = rubrics.appendingPathComponent("css-current-affairs.json").path
        let args = ["grade", "SampleEssays", "--rubric", rubric, "--format", "json"]
        let built = try runBinary(args)
        #expect(Self.compiledFiles(in: rubrics).count == 1)
        let read = try runBinary(args)
        #expect(built.code == read.code)
        #expect(!built.out.isEmpty)
        #expect(built.out == read.out)
    }
}

/// The model's tables worked out once (when it is prepared, kept in the compiled form) against the
/// plain computations they replace.
struct TopicModelTablesTests {
    @Test func relatedTopicsAreThoseOfThePlainComputation() {
        let model = Fixtures.rubric.lexicon.topicModel
        #expect(!model.topics.isEmpty)
        for (k, topic) in model.topics.enumerated() {
            var plain: Set<String> = [topic.id]
            for q in model.bank where q.topics.contains(topic.id) { plain.formUnion(q.topics) }
            for (j, other) in model.topics.enumerated()
            where model.topicProfiles[k].similarity(model.topicProfiles[j]) >= model.settingsRelated {
                plain.insert(other.id)
            }
            #expect(model.related(to: [topic.id]) == plain, "\(topic.id)")
        }
    }

    @Test func acronymsKeepTheirFullNamesInTheCompiledForm() {
        let model = Fixtures.rubric.lexicon.topicModel
        let sco = model.acronyms.first { $0.short == "SCO" }
        #expect(sco?.names == ["Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"])
    }

    @Test func topicFeaturesAreSortedForTheirBinarySearch() {
        let model = Fixtures.rubric.lexicon.topicModel
        for (k, topic) in model.topics.enumerated() {
            #expect(topic.featureList == topic.featureList.sorted())
            #expect(model.titleFeatures[k] == model.titleFeatures[k].sorted())
            for f in topic.featureList.prefix(20) { #expect(topic.has(f)) }
            #expect(!topic.has(0x1234_5678))
        }
    }

    @Test func keyTermsAreWorkedOutAgainWhenTheStopWordsChange() {
        var lexicon = Fixtures.rubric.lexicon
        let text = "Examine the pipelines and the trade of the SCO."
        let first = GradingContext.cachedKeyTerms(of: text, lexicon: lexicon)
        #expect(first.keys == GradingContext.keyTerms(of: text, lexicon: lexicon).keys)
        guard let k = first.keys.firstIndex(where: { !$0.hasPrefix("acronym:") }) else {
            Issue.record("no word among the key terms: \(first.keys)")
            return
        }
        lexicon.stopWords.insert(first.terms[k])
        let second = GradingContext.cachedKeyTerms(of: text, lexicon: lexicon)
        #expect(!second.keys.contains(first.keys[k]))
        #expect(second.keys == GradingContext.keyTerms(of: text, lexicon: lexicon).keys)
    }
}
