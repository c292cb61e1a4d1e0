import Foundation
import Testing

@testable import PakEssay

/// Streaming formats write each record as soon as it and those before it are graded (issue 11,
/// item 19): standard input is fed one answer at a time, and the next is written only once the
/// record of the last has come out. Before, records waited for a window of jobs × 32 inputs, so this
/// waited for ever; a 30-second guard per record ends the process and fails instead of hanging.
@Suite(.serialized) struct StreamingTests {
    /// A running `pakessay` whose standard output is gathered on a thread of its own.
    final class Running: @unchecked Sendable {
        let process = Process()
        let input = Pipe()
        private let output = Pipe()
        private let condition = NSCondition()
        private var data = Data()
        private var ended = false

        init(_ args: [String]) throws {
            process.executableURL = Fixtures.binary
            process.arguments = args
            process.currentDirectoryURL = Fixtures.root
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let thread = Thread { [self] in
                while true {
                    let chunk = output.fileHandleForReading.availableData
                    condition.lock()
                    if chunk.isEmpty { ended = true } else { data.append(chunk) }
                    condition.broadcast()
                    condition.unlock()
                    if chunk.isEmpty { return }
                }
            }
            thread.start()
        }

        func send(_ text: String) {
            input.fileHandleForWriting.write(Data(text.utf8))
        }

        /// Waits until the complete lines (LF or CRLF ended) so far satisfy `done`; false after 30 seconds.
        func waitUntil(_ done: ([String]) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(30)
            condition.lock()
            defer { condition.unlock() }
            while !done(completeLines) {
                if ended || !condition.wait(until: deadline) { return done(completeLines) }
            }
            return true
        }

        /// The complete lines so far.
        var lines: [String] {
            condition.lock()
            defer { condition.unlock() }
            return completeLines
        }

        private var completeLines: [String] {
            // Cut on the LF byte: a CSV row ends in CRLF, which is one Character.
            data.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map {
                String(decoding: $0, as: UTF8.self)
            }
        }

        /// Closes standard input and waits for the end, killing the process if it does not come.
        func finish() -> Int32 {
            try? input.fileHandleForWriting.close()
            if !waitForEnd() {
                process.terminate()
                Issue.record("pakessay did not end after its input was closed")
            }
            process.waitUntilExit()
            return process.terminationStatus
        }

        private func waitForEnd() -> Bool {
            let deadline = Date().addingTimeInterval(30)
            condition.lock()
            defer { condition.unlock() }
            while !ended { if !condition.wait(until: deadline) { return false } }
            return true
        }

        /// Ends a run that is stuck and records why.
        func fail(_ why: String) {
            process.terminate()
            try? input.fileHandleForWriting.close()
            Issue.record(Comment(rawValue: why))
        }
    }

    static func record(_ n: Int) -> String {
        JSONValue.object([
            ("id", .string("answer-\(n)")),
            ("text", .string("Q.\(n) Discuss inflation.\n\nPrices rose in year \(n).\n")),
        ]).compact() + "\n"
    }

    @Test(arguments: ["jsonl", "csv", "github"])
    func jsonLinesRecordsComeOutOneByOne(_ format: String) throws {
        let run = try Running(["grade", "--input", "jsonl", "--format", format, "--jobs", "2"])
        for n in 1...5 {
            run.send(Self.record(n))
            guard run.waitUntil({ $0.contains { $0.contains("answer-\(n)") } }) else {
                run.fail("\(format): no record for answer \(n) within 30 s of sending it")
                return
            }
            #expect(!run.lines.contains { $0.contains("answer-\(n + 1)") })
        }
        #expect(run.finish() == 0)
        // One record per answer: a JSON line, a CSV row, or the answer's ::notice with its marks.
        let records = run.lines.filter { $0.hasPrefix("{") || $0.hasPrefix("answer-") || $0.contains("::answer ") }
        #expect(records.count == 5, "\(format): \(records)")
    }

    @Test func textStreamAnswersComeOutOnceTheNextOneStarts() throws {
        let run = try Running(["grade", "-", "--format", "jsonl", "--jobs", "2"])
        run.send("Q.1 Discuss inflation.\n\nPrices rose.\n")
        for n in 2...4 {
            // An answer ends where the next question line starts.
            run.send("\nQ.\(n) Discuss unemployment.\n\nJobs fell in year \(n).\n")
            guard run.waitUntil({ $0.count >= n - 1 }) else {
                run.fail("no record for answer \(n - 1) once answer \(n) had started")
                return
            }
            let lines = run.lines
            #expect(lines.count >= n - 1 && lines[n - 2].contains("\"index\":\(n - 1)"))
        }
        #expect(run.finish() == 0)
        #expect(run.lines.count == 4)
    }
}
