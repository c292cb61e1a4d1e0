/// A JSON value with ordered keys, written byte for byte the same every time.
///
/// No case is boxed (arrays hold their elements on the heap already), so building a record allocates
/// once per array or object rather than once per value.
public enum JSONValue: Sendable, Hashable {
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
        out.reserveCapacity(4096)
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
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): JSONValue.writeInt(i, into: &out)
        case .number(let d): out.append(contentsOf: JSONValue.format(d).utf8)
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out.append(0x5B)
                out.append(0x5D)
                return
            }
            out.append(0x5B)
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(0x2C) }
                newline(&out, indent, depth + 1)
                item.write(into: &out, indent: indent, depth: depth + 1)
            }
            newline(&out, indent, depth)
            out.append(0x5D)
        case .object(let pairs):
            if pairs.isEmpty {
                out.append(0x7B)
                out.append(0x7D)
                return
            }
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
        for _ in 0..<(indent * depth) { out.append(0x20) }
    }

    /// Numbers as people write them: whole numbers without a point, others to at most two decimals.
    public static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        let r = (d * 100).rounded() / 100
        if r == r.rounded(), abs(r) < 1e15 { return String(Int(r)) }
        return "\(r)"
    }

    /// Writes a JSON string with the escapes RFC 8259 requires. Runs of bytes that need no escape
    /// are copied whole.
    public static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var run = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b >= 0x20, b != 0x22, b != 0x5C, b != 0x7F {
                    i += 1
                    continue
                }
                if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
                out.append(0x5C)
                switch b {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x0A: out.append(0x6E)
                case 0x0D: out.append(0x72)
                case 0x09: out.append(0x74)
                default:
                    out.append(0x75)
                    out.append(0x30)
                    out.append(0x30)
                    out.append(hexDigit(b >> 4))
                    out.append(hexDigit(b & 0xF))
                }
                i += 1
                run = i
            }
            if run < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<n])) }
        }
        out.append(0x22)
    }

    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x61 + v - 10 }

    /// Writes an integer's decimal digits without building a string: lowest digit first, then turned.
    static func writeInt(_ value: Int, into out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }
        let start = out.count
        var v = value.magnitude
        repeat {
            out.append(UInt8(v % 10) + 0x30)
            v /= 10
        } while v > 0
        out[start...].reverse()
    }
}
