// A libFuzzer target over parsing, grading and reporting. Built by scripts/fuzz.sh with
// `swiftc -sanitize=fuzzer,address` together with the library's sources (not by SwiftPM).

/// The default rubric, read once from ./Rubrics (the script runs from the project's root).
let fuzzRubric: Rubric? = try? RubricLoader.load(path: "Rubrics/css-current-affairs.json")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParseGrade(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let rubric = fuzzRubric else {
        fatalError("run from the project's root: Rubrics/css-current-affairs.json not found")
    }
    let session = GradingSession(grader: Grader(rubric: rubric), limits: .init(maxAnswers: 50))
    let items = session.grade(bytes: bytes, source: "fuzz.txt")
    let batch = GradeBatch(rubric: rubric, items: items)
    for item in items {
        guard case .graded(let g) = item else { continue }
        // The invariants every graded answer keeps.
        precondition(g.marks >= 0 && g.marks <= g.maxMarks + 1e-9, "marks out of range")
        for c in g.criteria { precondition(c.score >= 0 && c.score <= c.max + 1e-9, "criterion out of range") }
        for f in g.findings {
            precondition(f.range.start.line >= 1 && f.range.start.column >= 1 && f.marksLost >= 0, "bad finding")
        }
        let s = g.answer.stats
        precondition(s.words >= 0 && s.cuttings >= 0 && s.insertions >= 0 && s.paragraphs >= 0, "negative count")
    }
    _ = JSONReporter().render(batch)
    _ = TextReporter().render(batch)
    _ = HTMLReporter().render(batch)
    if let document = try? EssayParser.parse(bytes: bytes, source: "fuzz.txt") {
        _ = ModelJSON.document(document).compact()
        _ = TreeDump.render(document)
        if let decoded = try? TranscriptDecoder.decode(bytes, source: "fuzz.txt") {
            _ = ScriptRenderer.render(utf8: decoded.utf8)
        }
    }
    return 0
}
