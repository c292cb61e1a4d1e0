import Foundation

/// A JSON value with ordered keys, written byte for byte the same every time.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.compact() == rhs.compact() }
    public func hash(into hasher: inout Hasher) { hasher.combine(compact()) }

    /// An optional string, or null.
    public static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
    /// An optional integer, or null.
    public static func int(_ value: Int?) -> JSONValue { value.map { .int($0) } ?? .null }

    /// The value on one line, as JSON Lines wants it.
    public func compact() -> String {
        var out: [UInt8] = []
        write(into: &out, indent: nil, depth: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// The value indented by two spaces, with a final newline.
    public func pretty() -> String {
        var out: [UInt8] = []
        write(into: &out, indent: 2, depth: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    func write(into out: inout [UInt8], indent: Int?, depth: Int) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .int(let i): out += Array(String(i).utf8)
        case .number(let d): out += Array(JSONValue.format(d).utf8)
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += [0x5B, 0x5D]; return }
            out.append(0x5B)
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(0x2C) }
                newline(&out, indent, depth + 1)
                item.write(into: &out, indent: indent, depth: depth + 1)
            }
            newline(&out, indent, depth)
            out.append(0x5D)
        case .object(let pairs):
            if pairs.isEmpty { out += [0x7B, 0x7D]; return }
            out.append(0x7B)
            for (k, pair) in pairs.enumerated() {
                if k > 0 { out.append(0x2C) }
                newline(&out, indent, depth + 1)
                JSONValue.writeString(pair.0, into: &out)
                out.append(0x3A)
                if indent != nil { out.append(0x20) }
                pair.1.write(into: &out, indent: indent, depth: depth + 1)
            }
            newline(&out, indent, depth)
            out.append(0x7D)
        }
    }

    private func newline(_ out: inout [UInt8], _ indent: Int?, _ depth: Int) {
        guard let indent else { return }
        out.append(0x0A)
        out += [UInt8](repeating: 0x20, count: indent * depth)
    }

    /// Numbers as people write them: whole numbers without a point, others to at most two decimals.
    public static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        let r = (d * 100).rounded() / 100
        if r == r.rounded(), abs(r) < 1e15 { return String(Int(r)) }
        return "\(r)"
    }

    /// Writes a JSON string with the escapes RFC 8259 requires.
    public static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x00..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: out.append(b)
            }
        }
        out.append(0x22)
    }
}
