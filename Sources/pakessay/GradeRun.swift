import Dispatch
import PakEssay

#if canImport(Glibc)
    import Glibc
#endif

/// What `grade` keeps while results come in, in input order: the exit status, the items a whole-batch
/// format holds, the lines on standard error and the progress line. Only the pipeline's delivery
/// touches it, one input at a time.
final class GradeRun: @unchecked Sendable {
    private let out: Output
    private let streaming: Bool
    private let failUnder: Double?
    private let progress: ProgressLine?
    /// The items held for a whole-batch format (empty when streaming).
    private(set) var collected: [GradeBatch.Item] = []
    /// An input could not be used.
    private(set) var anyError = false
    /// An answer scored under `--fail-under`.
    private(set) var below = false

    init(out: Output, streaming: Bool, failUnder: Double?, progress: ProgressLine?) {
        self.out = out
        self.streaming = streaming
        self.failUnder = failUnder
        self.progress = progress
    }

    /// One input's items and, for a streaming format, its rendered records: written and flushed now.
    func deliver(_ items: [GradeBatch.Item], _ texts: [String]) {
        for item in items {
            switch item {
            case .failed(_, let e):
                anyError = true
                note("pakessay: error: \(e.message) [\(e.code)]")
            case .graded(let g):
                if let failUnder, g.marks < failUnder {
                    below = true
                    let marks = JSONValue.format(g.marks)
                    let threshold = JSONValue.format(failUnder)
                    let answer = "\(g.source) (answer \(g.answer.index))"
                    note("pakessay: note: \(answer): \(marks) is under --fail-under \(threshold)")
                }
            }
            if !streaming { collected.append(item) }
        }
        if streaming {
            progress?.clear()
            for text in texts { out.write(text) }
            out.flush()
        }
        progress?.advance(answers: items.count)
    }

    /// Clears the progress line for good, before the report of a whole-batch format is written.
    func finish() {
        progress?.clear()
    }

    private func note(_ line: String) {
        progress?.clear()
        printError(line)
    }
}

/// The progress of a long batch on standard error, redrawn in place with `\r`: inputs done (of how
/// many, when that is known), answers, the rate and the time left. Cleared when the batch ends.
final class ProgressLine {
    private let total: Int?
    private let start = DispatchTime.now().uptimeNanoseconds
    private var inputs = 0
    private var answers = 0
    private var lastDraw: UInt64 = 0
    private var shown = 0

    /// Whether to show progress: `always`, `never`, or `auto` (only when standard error is a terminal).
    static func wanted(_ mode: String) -> Bool {
        mode == "always" || (mode == "auto" && isatty(2) == 1)
    }

    /// Creates the line; `total` is the number of inputs, when known.
    init(total: Int?) { self.total = total }

    /// Counts one input done and redraws: at once when the line is not shown (at the start, after a
    /// record or a message), else at most ten times a second.
    func advance(answers count: Int) {
        inputs += 1
        answers += count
        let now = DispatchTime.now().uptimeNanoseconds
        guard shown == 0 || now - lastDraw >= 100_000_000 else { return }
        lastDraw = now
        draw(elapsed: Double(now - start) / 1e9)
    }

    /// Removes the line, leaving the cursor where it began.
    func clear() {
        guard shown > 0 else { return }
        write("\r" + String(repeating: " ", count: shown) + "\r")
        shown = 0
    }

    private func draw(elapsed: Double) {
        var text = "pakessay: \(inputs)" + (total.map { $0 >= inputs ? " of \($0)" : "" } ?? "") + " inputs, "
        text += "\(answers) answer\(answers == 1 ? "" : "s")"
        if elapsed > 0.05 {
            text += String(format1: Double(answers) / elapsed, suffix: " answers/s")
            if let total, total > inputs {
                let left = Int((Double(total - inputs) * elapsed / Double(inputs)).rounded(.up))
                text += ", about \(left / 60 > 0 ? "\(left / 60) min " : "")\(left % 60) s left"
            }
        }
        let padding = max(0, shown - text.unicodeScalars.count)
        write("\r" + text + String(repeating: " ", count: padding))
        shown = text.unicodeScalars.count + padding
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}

extension String {
    /// `, 12.3 answers/s`: one decimal, without Foundation.
    fileprivate init(format1 value: Double, suffix: String) {
        let tenths = Int((value * 10).rounded())
        self = ", \(tenths / 10).\(tenths % 10)\(suffix)"
    }
}
