import Dispatch
import Foundation
import PakEssay

#if canImport(Glibc)
    import Glibc
#endif

// pakessay-bench: measures parsing and grading throughput, latency, memory and how time grows with
// size, on a deterministic synthetic corpus built from SampleEssays/. Run in a release build:
//   swift run -c release pakessay-bench [--quick] [--json PATH] [--binary PATH] [--write-corpus DIR]

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
let quick = arguments.contains("--quick")
let samples = option("--samples") ?? "SampleEssays"
let rubric: Rubric
do { rubric = try RubricLoader.load(option("--rubric") ?? "css-current-affairs") } catch {
    FileHandle.standardError.write(Data("pakessay-bench: \(error.message)\n".utf8))
    exit(2)
}
let cores = ProcessInfo.processInfo.activeProcessorCount
let corpusAnswers = quick ? 1_000 : 10_000
let corpusBytes = quick ? 5_000_000 : 50_000_000

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func peakRSSMegabytes(children: Bool = false) -> Double {
    var usage = rusage()
    getrusage(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// Pads or right-aligns a cell.
func cell(_ s: String, _ width: Int, right: Bool = true) -> String {
    let pad = String(repeating: " ", count: max(0, width - s.count))
    return right ? pad + s : s + pad
}
func fixed(_ d: Double, _ places: Int) -> String { String(format: "%.\(places)f", d) }

func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

struct Row {
    var name: String
    var megabytes: Double
    var answers: Int
    var seconds: Double
    var p50: Double?
    var p99: Double?
    var mbPerSecond: Double { seconds > 0 ? megabytes / seconds : 0 }
    var answersPerSecond: Double { seconds > 0 ? Double(answers) / seconds : 0 }
}

if arguments.contains("--growth-check") { exit(growthCheck()) }

print(
    "pakessay-bench \(PakEssayVersion.string): building the corpus (\(corpusAnswers) answers, "
        + "at least \(corpusBytes / 1_000_000) MB)…"
)
let corpus = try Corpus.make(answers: corpusAnswers, minimumBytes: corpusBytes, samples: samples)
let corpusMB = Double(corpus.bytes) / 1e6
print(String(format: "corpus: %d answers, %.1f MB", corpus.answers.count, corpusMB))

if let dir = option("--write-corpus") {
    try FileManager.default.createDirectory(atPath: dir + "/files", withIntermediateDirectories: true)
    try Data(corpus.answers.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: dir + "/corpus.txt"))
    for (k, answer) in corpus.answers.enumerated() {
        try Data(answer.utf8).write(to: URL(fileURLWithPath: dir + String(format: "/files/%05d.txt", k)))
    }
    print("wrote \(dir)/corpus.txt and \(corpus.answers.count) files in \(dir)/files")
    exit(0)
}

let grader = Grader(rubric: rubric)
let inputs = corpus.answers.map { Array($0.utf8) }

/// Runs `work` over every input on `jobs` threads; returns the row with per-answer latencies.
func measure(_ name: String, jobs: Int, _ work: @escaping @Sendable ([UInt8]) -> Int) -> Row {
    // Each worker writes only its own slots of a raw buffer: no shared array, no copy-on-write checks.
    let latencies = UnsafeMutableBufferPointer<Double>.allocate(capacity: inputs.count)
    defer { latencies.deallocate() }
    nonisolated(unsafe) let slots = latencies
    let start = now()
    DispatchQueue.concurrentPerform(iterations: jobs) { worker in
        var k = worker
        var sink = 0
        while k < inputs.count {
            let t = now()
            sink &+= work(inputs[k])
            slots[k] = now() - t
            k += jobs
        }
        if sink == 42 { print("") }
    }
    let seconds = now() - start
    let all = Array(latencies)
    return Row(
        name: name, megabytes: corpusMB, answers: inputs.count, seconds: seconds,
        p50: percentile(all, 0.5) * 1000, p99: percentile(all, 0.99) * 1000)
}

/// Runs the binary with arguments, standard input from a file; returns wall seconds and the child's peak RSS in MB.
func spawn(_ binary: String, _ args: [String], stdin path: String?, watchMemory: Bool = false) -> (
    seconds: Double, peakMB: Double
) {
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let path { posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let argv = ([binary] + args).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    let t = now()
    guard posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0 else { return (0, 0) }
    // The child's own peak (VmHWM of its address space after exec), read while it runs: rusage would
    // also count the pages it shared with this process before exec.
    var status: Int32 = 0
    var peakKB = 0.0
    if !watchMemory {
        waitpid(pid, &status, 0)
        return (now() - t, 0)
    }
    while waitpid(pid, &status, WNOHANG) == 0 {
        if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        {
            peakKB = max(peakKB, kb)
        }
        usleep(5_000)
    }
    return (now() - t, peakKB / 1024)
}

let parseOnly: @Sendable ([UInt8]) -> Int = { bytes in
    (try? EssayParser.parse(bytes: bytes, source: "bench.txt"))?.answers.count ?? 0
}
let fullGrade: @Sendable ([UInt8]) -> Int = { bytes in
    guard let document = try? EssayParser.parse(bytes: bytes, source: "bench.txt") else { return 0 }
    var n = 0
    for answer in document.answers {
        let graded = grader.grade(answer, source: "bench.txt")
        n &+= JSONReporter.answer(graded, rubric: rubric.id).compact().utf8.count
    }
    return n
}

var rows: [Row] = []
rows.append(measure("parse, 1 core", jobs: 1, parseOnly))
rows.append(measure("parse, \(cores) cores", jobs: cores, parseOnly))
rows.append(measure("grade + JSONL, 1 core", jobs: 1, fullGrade))
rows.append(measure("grade + JSONL, \(cores) cores", jobs: cores, fullGrade))
let peakInProcess = peakRSSMegabytes()

print("")
print("throughput (\(cores) cores available)")
print(cell("run", 26, right: false) + cell("MB/s", 9) + cell("answers/s", 11) + cell("p50 ms", 9) + cell("p99 ms", 9))
for r in rows {
    print(
        cell(r.name, 26, right: false) + cell(fixed(r.mbPerSecond, 2), 9) + cell(fixed(r.answersPerSecond, 0), 11)
            + cell(fixed(r.p50 ?? 0, 2), 9) + cell(fixed(r.p99 ?? 0, 2), 9))
}
let speedup = rows[3].mbPerSecond / max(rows[2].mbPerSecond, 1e-9)
print(
    String(
        format: "speed-up on %d cores: %.2fx; peak resident memory of this process: %.0f MB", cores, speedup,
        peakInProcess))

// Where the time of full grading goes, on one core: parsing, the analysis every rule reads (tokens,
// sentences, evidence, keys), the rules with scores and findings, and the JSON Lines record.
var phases = [0.0, 0.0, 0.0, 0.0]
var phaseSink = 0
for bytes in inputs {
    var t = now()
    guard let document = try? EssayParser.parse(bytes: bytes, source: "bench.txt") else { continue }
    phases[0] += now() - t
    for answer in document.answers {
        t = now()
        let context = GradingContext(answer: answer, lexicon: rubric.lexicon, expectedWords: rubric.expectedWords)
        phases[1] += now() - t
        phaseSink &+= context.tokens.count
        t = now()
        let graded = grader.grade(answer, source: "bench.txt")
        phases[2] += now() - t
        t = now()
        _ = JSONReporter.answer(graded, rubric: rubric.id).compact()
        phases[3] += now() - t
    }
}
// `grade` builds its own analysis: what is left of it once the analysis is taken off is the rules.
phases[2] = max(0, phases[2] - phases[1])
let phaseTotal = phases.reduce(0, +)
let phaseNames = [
    "parse", "analysis (tokens, sentences, evidence, keys)", "rules, scores and findings", "JSON Lines record",
]
if phaseSink == 42 { print("") }
print("")
print("where full grading spends its time (1 core)")
print(cell("phase", 46, right: false) + cell("share", 7) + cell("MB/s", 9))
for (name, seconds) in zip(phaseNames, phases) {
    print(
        cell(name, 46, right: false) + cell(fixed(100 * seconds / max(phaseTotal, 1e-9), 0) + "%", 7)
            + cell(fixed(corpusMB / max(seconds, 1e-9), 1), 9))
}

// How time grows with size: each shape timed three times and the best kept (the machine's cores are
// shared, and one slow run says nothing about growth), reported as seconds per MB against the per-MB
// time of ordinary answers (1 core, full grading).
let ordinaryPerMB = rows[2].seconds / corpusMB
func shape(_ name: String, _ text: String) -> (String, Double, Double, Double) {
    let bytes = Array(text.utf8)
    var seconds = Double.infinity
    for _ in 0..<3 {
        let t = now()
        _ = fullGrade(bytes)
        seconds = min(seconds, now() - t)
    }
    let mb = Double(bytes.count) / 1e6
    return (name, mb, seconds, seconds / mb / ordinaryPerMB)
}
let one = corpus.answers[0]
var shapes: [(String, Double, Double, Double)] = []
let scale = quick ? 10 : 1
for growth in GrowthShape.all(answer: one) {
    if growth.name == "one answer repeated" {
        for factor in quick ? [1, 10] : [1, 10, 100] {
            shapes.append(shape("one answer × \(factor)", growth.make(factor)))
        }
    } else {
        let n = growth.tableSize / scale
        shapes.append(shape("\(growth.name), \(n) \(growth.unit)", growth.make(n)))
    }
}

print("")
print("growth with size (full grading, 1 core; ratio = seconds per MB ÷ that of ordinary answers)")
print(cell("shape", 48, right: false) + cell("MB", 8) + cell("seconds", 9) + cell("ratio", 7))
for (name, mb, seconds, ratio) in shapes {
    print(cell(name, 48, right: false) + cell(fixed(mb, 2), 8) + cell(fixed(seconds, 3), 9) + cell(fixed(ratio, 2), 7))
}

// Process start to exit for one typical answer, and peak memory streaming the corpus through JSONL.
var startToExit: Double?
var streamingPeak: Double?
if let binary = option("--binary") {
    let sample = samples + "/average-extremism.txt"
    let times = (0..<20).map { _ in spawn(binary, ["grade", sample, "--format", "json"], stdin: nil).seconds }
    startToExit = percentile(times, 0.5) * 1000
    let file = NSTemporaryDirectory() + "pakessay-bench-corpus.txt"
    try Data(corpus.answers.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: file))
    let run = spawn(binary, ["grade", "-", "--format", "jsonl"], stdin: file, watchMemory: true)
    streamingPeak = run.peakMB
    try? FileManager.default.removeItem(atPath: file)
    print("")
    print(String(format: "one typical answer, process start to exit (median of 20): %.1f ms", startToExit!))
    print(
        String(
            format: "streaming the corpus through `grade - --format jsonl`: %.1f s (%.2f MB/s), "
                + "peak resident memory %.0f MB",
            run.seconds, corpusMB / max(run.seconds, 1e-9), run.peakMB))
}

/// `--growth-check`: every growth shape at n and 4n, in this process (parse, grade, JSON Lines record)
/// and, with `--binary`, through the binary's standard input; the exit status is 1 when any shape fails.
func growthCheck() -> Int32 {
    let made = try? Corpus.make(answers: 1, minimumBytes: 5_000, samples: samples)
    let one = made?.answers.first ?? "Q.1 Discuss.\n\nText."
    var shapes = GrowthShape.all(answer: one)
    if let names = option("--shapes")?.split(separator: ",") {
        shapes = shapes.filter { names.contains(Substring($0.name)) }
    }
    let grader = Grader(rubric: rubric)
    var failures = 0
    var library = GrowthCheck { text in
        let bytes = Array(text.utf8)
        let t = now()
        let limits = EssayParser.Limits(maxAnswers: 100_000)
        if let document = try? EssayParser.parse(bytes: bytes, source: "growth.txt", limits: limits) {
            for answer in document.answers {
                _ = JSONReporter.answer(grader.grade(answer, source: "growth.txt"), rubric: rubric.id).compact()
            }
        }
        return now() - t
    }
    if let target = option("--target").flatMap(Double.init) { library.target = target }
    failures += library.run(shapes, label: "parse, grade and record in this process")
    if let binary = option("--binary") {
        let file = NSTemporaryDirectory() + "pakessay-growth-\(getpid()).txt"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let piped = GrowthCheck { text in
            guard (try? Data(text.utf8).write(to: URL(fileURLWithPath: file))) != nil else { return .infinity }
            let args = ["grade", "-", "--format", "jsonl", "--jobs", "1", "--max-bytes", "1000000000"]
            return spawn(binary, args, stdin: file).seconds
        }
        print("")
        failures += piped.run(shapes, label: "`\(binary) grade - --format jsonl` on standard input")
    }
    if arguments.contains("--self-test") {
        // A deliberately quadratic grading: the check must catch it.
        let quadratic = GrowthCheck { text in
            let t = now()
            let bytes = Array(text.utf8)
            var sum = 0
            for i in bytes.indices { for j in 0...i { sum &+= Int(bytes[j]) ^ i } }
            if sum == 42 { print("") }
            return now() - t
        }
        print("")
        let shape = GrowthShape(name: "deliberately quadratic (self-test)", unit: "bytes", tableSize: 0) { n in
            String(repeating: "a", count: n)
        }
        let caught = quadratic.run([shape], label: "self-test: a quadratic loop, which must fail")
        if caught == 0 {
            print("growth check self-test failed: the quadratic shape passed")
            failures += 1
        }
    }
    print(failures == 0 ? "growth check passed" : "growth check failed: \(failures) shape(s) grow faster than linearly")
    return failures == 0 ? 0 : 1
}

if let path = option("--json") {
    var pairs: [(String, JSONValue)] = [
        ("pakessay", .string(PakEssayVersion.string)), ("cores", .int(cores)),
        ("corpus", .object([("answers", .int(corpus.answers.count)), ("megabytes", .number(corpusMB))])),
        (
            "throughput",
            .array(
                rows.map {
                    .object([
                        ("run", .string($0.name)), ("mbPerSecond", .number($0.mbPerSecond)),
                        ("answersPerSecond", .number($0.answersPerSecond)),
                        ("p50ms", .number($0.p50 ?? 0)), ("p99ms", .number($0.p99 ?? 0)),
                    ])
                })
        ),
        ("speedup", .number(speedup)), ("peakRSSMegabytes", .number(peakInProcess)),
        (
            "phases",
            .array(
                zip(phaseNames, phases).map {
                    .object([
                        ("phase", .string($0.0)), ("share", .number($0.1 / max(phaseTotal, 1e-9))),
                        ("mbPerSecond", .number(corpusMB / max($0.1, 1e-9))),
                    ])
                })
        ),
        (
            "growth",
            .array(
                shapes.map {
                    .object([
                        ("shape", .string($0.0)), ("megabytes", .number($0.1)), ("seconds", .number($0.2)),
                        ("ratio", .number($0.3)),
                    ])
                })
        ),
    ]
    if let startToExit { pairs.append(("startToExitMs", .number(startToExit))) }
    if let streamingPeak { pairs.append(("streamingPeakRSSMegabytes", .number(streamingPeak))) }
    try Data(JSONValue.object(pairs).pretty().utf8).write(to: URL(fileURLWithPath: path))
    print("wrote \(path)")
}
