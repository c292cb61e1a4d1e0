/// One marked answer from a tutor's MARKS file.
public struct MarkRecord: Sendable, Hashable {
    /// The line of the file where the row or record begins (the CSV header is line 1).
    public var line: Int
    /// The transcript's path as written (relative to the MARKS file's folder unless absolute).
    public var path: String?
    /// With `text`, an answer given inline.
    public var id: String?
    /// The answer's text, when given inline.
    public var text: String?
    /// Which answer of the transcript (1-based), when it holds more than one.
    public var answer: Int?
    /// A question for an answer that carries none.
    public var question: String?
    /// The tutor's total, on the tutor's scale.
    public var marks: Double
    /// The tutor's marks by criterion id, on the rubric's criterion marks.
    public var criteria: [String: Double] = [:]

    /// How the report names the answer.
    public var name: String {
        let base = path ?? id ?? "line \(line)"
        return answer.map { "\(base)#\($0)" } ?? base
    }
}

/// A problem with one row of a MARKS file (or with its header), named by file and line.
public struct MarksProblem: Sendable, Hashable, Error {
    /// The line it is on.
    public var line: Int
    /// `class.csv:5: marks 'abc' is not a number`.
    public var message: String
}

/// A MARKS file read: its usable records and the problems of the rest.
public struct MarksTable: Sendable {
    /// The rows that can be used.
    public var records: [MarkRecord] = []
    /// Every row, column or record that could not be used, in file order.
    public var problems: [MarksProblem] = []
    /// The criterion ids the file gives marks for, in the rubric's order.
    public var criteria: [String] = []
}

/// Reads a tutor's marks: CSV with a header, or JSON Lines (see docs/calibration.md).
public enum MarksReader {
    /// The columns (keys) a MARKS file may hold besides the criterion ids.
    public static let columns = ["path", "id", "text", "answer", "question", "marks"]

    /// Reads `bytes`; JSON Lines when the name ends in `.jsonl` or `.ndjson` or the text starts with `{`.
    /// Throws when nothing can be read at all (no header, no `marks` column); else each bad row is a
    /// problem and every other row is kept.
    public static func read(_ bytes: [UInt8], file: String, criteria: [String]) throws(MarksProblem) -> MarksTable {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let first = body.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        let lower = file.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || (!lower.hasSuffix(".csv") && first == 0x7B) {
            return try JSONLinesMarks(file: file, criteria: criteria).read(body)
        }
        return try CSVMarks(file: file, criteria: criteria).read(body)
    }

    /// A number as a tutor writes it: `14`, `14.5`, ` 14 `; nil for anything else.
    static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty, let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }

    /// Builds a record from named fields, or says what is wrong with them.
    static func record(
        _ fields: [(String, String?)], line: Int, file: String, criteria: [String]
    ) -> Result<MarkRecord, MarksProblem> {
        let fail = { (m: String) in
            Result<MarkRecord, MarksProblem>.failure(.init(line: line, message: "\(file):\(line): \(m)"))
        }
        var values: [String: String] = [:]
        for (key, value) in fields { if let value, !value.trimmingSpaces().isEmpty { values[key] = value } }
        guard let raw = values["marks"] else { return fail("no marks") }
        guard let marks = number(raw) else { return fail("marks '\(raw)' is not a number") }
        var record = MarkRecord(line: line, marks: marks)
        record.path = values["path"]?.trimmingSpaces()
        record.id = values["id"]
        record.text = values["text"]
        record.question = values["question"]
        if record.path == nil, record.text == nil { return fail("no answer: give a path, or an id and a text") }
        if record.path != nil, record.text != nil { return fail("both a path and a text: give one") }
        if let raw = values["answer"] {
            guard let n = number(raw), n >= 1, n <= 100_000, n == n.rounded() else {
                return fail("answer '\(raw)' is not a whole number from 1")
            }
            record.answer = Int(n)
        }
        for id in criteria {
            guard let raw = values[id] else { continue }
            guard let value = number(raw) else { return fail("\(id) '\(raw)' is not a number") }
            record.criteria[id] = value
        }
        return .success(record)
    }

    /// A problem with a column the file names but pakessay does not know.
    static func unknownColumn(_ name: String, file: String, line: Int, criteria: [String]) -> MarksProblem {
        let known = columns + criteria
        var message = "\(file):\(line): unknown column '\(name)' (ignored; known: \(known.joined(separator: ", ")))"
        if let near = nearestName(name, among: known) { message += "; did you mean '\(near)'?" }
        return MarksProblem(line: line, message: message)
    }

    static func nearestName(_ word: String, among candidates: [String]) -> String? {
        var best: (String, Int)?
        for c in candidates {
            let d = editDistance(word.lowercased(), c.lowercased())
            if d <= max(2, c.count / 3), best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }
}

/// CSV: RFC 4180 quoting (a quoted field may hold commas, doubled quotes and line breaks), CRLF or
/// LF line ends, blank lines skipped.
struct CSVMarks {
    let file: String
    let criteria: [String]

    func read(_ bytes: ArraySlice<UInt8>) throws(MarksProblem) -> MarksTable {
        var table = MarksTable()
        var rows = CSVRows(bytes)
        guard let header = rows.next(table: &table, file: file) else {
            throw MarksProblem(line: 1, message: "\(file): empty; expected a header row naming path and marks")
        }
        var names: [String?] = []
        for raw in header.fields {
            let name = raw.trimmingSpaces()
            if names.contains(name) {
                table.problems.append(
                    .init(
                        line: header.line, message: "\(file):\(header.line): column '\(name)' appears twice (ignored)"))
                names.append(nil)
            } else if MarksReader.columns.contains(name) || criteria.contains(name) {
                names.append(name)
            } else {
                table.problems.append(
                    MarksReader.unknownColumn(name, file: file, line: header.line, criteria: criteria))
                names.append(nil)
            }
        }
        try checkHeader(names, line: header.line)
        table.criteria = criteria.filter { names.contains($0) }
        while let row = rows.next(table: &table, file: file) {
            guard row.fields.count == header.fields.count else {
                let message = "has \(row.fields.count) fields; the header has \(header.fields.count)"
                table.problems.append(.init(line: row.line, message: "\(file):\(row.line): \(message)"))
                continue
            }
            let named = zip(names, row.fields).compactMap { n, v in n.map { ($0, Optional(v)) } }
            switch MarksReader.record(named, line: row.line, file: file, criteria: criteria) {
            case .success(let r): table.records.append(r)
            case .failure(let p): table.problems.append(p)
            }
        }
        return table
    }

    private func checkHeader(_ names: [String?], line: Int) throws(MarksProblem) {
        guard names.contains("marks") else {
            throw MarksProblem(line: line, message: "\(file):\(line): no 'marks' column (the tutor's total)")
        }
        guard names.contains("path") || names.contains("text") else {
            throw MarksProblem(
                line: line, message: "\(file):\(line): no 'path' column (or 'id' and 'text'): nothing names the answers"
            )
        }
    }
}

/// Splits CSV bytes into rows of fields.
struct CSVRows {
    let bytes: ArraySlice<UInt8>
    var i: Int
    var line = 1

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        i = bytes.startIndex
    }

    /// The next non-blank row, with the line it starts on; an unclosed quote is a problem, and the rest
    /// of the file after it is that row.
    mutating func next(table: inout MarksTable, file: String) -> (line: Int, fields: [String])? {
        while i < bytes.endIndex {
            let start = line
            var fields: [String] = []
            var field: [UInt8] = []
            var quoted = false
            var wasQuoted = false
            var ended = false
            while i < bytes.endIndex, !ended {
                let b = bytes[i]
                i += 1
                if quoted {
                    if b == 0x22 {
                        if i < bytes.endIndex, bytes[i] == 0x22 {
                            field.append(0x22)
                            i += 1
                        } else {
                            quoted = false
                        }
                    } else {
                        if b == 0x0A { line += 1 }
                        field.append(b)
                    }
                    continue
                }
                switch b {
                case 0x22 where field.allSatisfy({ $0 == 0x20 }) && !wasQuoted:
                    field = []
                    quoted = true
                    wasQuoted = true
                case 0x2C:
                    fields.append(String(decoding: field, as: UTF8.self))
                    field = []
                    wasQuoted = false
                case 0x0A:
                    line += 1
                    ended = true
                case 0x0D:
                    if i < bytes.endIndex, bytes[i] == 0x0A { i += 1 }
                    line += 1
                    ended = true
                default: field.append(b)
                }
            }
            if quoted {
                table.problems.append(
                    .init(
                        line: start,
                        message: "\(file):\(start): a quoted field is never closed (the rest of the file is lost)"))
                return nil
            }
            fields.append(String(decoding: field, as: UTF8.self))
            if fields.count == 1, fields[0].trimmingSpaces().isEmpty, !wasQuoted { continue }
            return (start, fields)
        }
        return nil
    }
}

/// JSON Lines: one object a line, with the same keys as the CSV columns; marks are numbers.
struct JSONLinesMarks {
    let file: String
    let criteria: [String]

    func read(_ bytes: ArraySlice<UInt8>) throws(MarksProblem) -> MarksTable {
        var table = MarksTable()
        var seen: Set<String> = []
        var line = 0
        var any = false
        for raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            line += 1
            var text = raw
            if text.last == 0x0D { text = text.dropLast() }
            guard text.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            any = true
            let value: JSONValue
            do { value = try JSONReader.parse(Array(text)) } catch {
                table.problems.append(
                    .init(line: line, message: "\(file):\(line): not a JSON record (\(error.message))"))
                continue
            }
            guard case .object(let pairs) = value else {
                table.problems.append(.init(line: line, message: "\(file):\(line): not a JSON object"))
                continue
            }
            var fields: [(String, String?)] = []
            var bad: String?
            for (key, v) in pairs {
                guard MarksReader.columns.contains(key) || criteria.contains(key) else {
                    if seen.insert(key).inserted {
                        table.problems.append(
                            MarksReader.unknownColumn(key, file: file, line: line, criteria: criteria))
                    }
                    continue
                }
                switch v {
                case .string(let s): fields.append((key, s))
                case .int(let n): fields.append((key, String(n)))
                case .number(let d): fields.append((key, String(d)))
                case .null: fields.append((key, nil))
                default: bad = bad ?? "\"\(key)\" must be a string or a number"
                }
            }
            if let bad {
                table.problems.append(.init(line: line, message: "\(file):\(line): \(bad)"))
                continue
            }
            switch MarksReader.record(fields, line: line, file: file, criteria: criteria) {
            case .success(let r):
                table.records.append(r)
                for id in criteria where r.criteria[id] != nil && !table.criteria.contains(id) {
                    table.criteria.append(id)
                }
            case .failure(let p): table.problems.append(p)
            }
        }
        guard any else { throw MarksProblem(line: 1, message: "\(file): no records") }
        table.criteria = criteria.filter(table.criteria.contains)
        return table
    }
}
