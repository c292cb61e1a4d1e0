/// A JSON value with its key path, so that every complaint about a rubric names where it is.
struct JSONNode {
    let value: JSONValue?
    let file: String
    /// Where the value lies, spelt out only when it is asked for (a complaint, a list's place): writing out
    /// the key path of every node read cost about 0.3 M instructions at every start.
    private let place: Place

    /// The key path (`criteria[2].marks`); empty at the root.
    var path: String { place.text }

    init(value: JSONValue?, path: String, file: String) {
        self.init(value: value, place: .text(path), file: file)
    }

    private init(value: JSONValue?, place: Place, file: String) {
        self.value = value
        self.place = place
        self.file = file
    }

    /// A node's key path, as its parent's path and the key or index that leads to it.
    private indirect enum Place {
        case text(String)
        case key(Place, String)
        case index(Place, Int)

        var text: String {
            switch self {
            case .text(let path):
                return path
            case .key(let parent, let key):
                let above = parent.text
                return above.isEmpty ? key : "\(above).\(key)"
            case .index(let parent, let n):
                return "\(parent.text)[\(n)]"
            }
        }
    }

    func error(_ problem: String) -> RubricError { RubricError(file: file, path: path, problem) }

    func child(_ key: String) -> JSONNode {
        JSONNode(value: value?[key], place: .key(place, key), file: file)
    }

    var exists: Bool {
        if case .null? = value { return false }
        return value != nil
    }

    private var missing: String { exists ? "" : "missing" }

    func keys() throws(RubricError) -> [String] {
        guard case .object(let pairs)? = value else { throw error(exists ? "expected an object" : "missing") }
        return pairs.map(\.0)
    }

    func array() throws(RubricError) -> [JSONNode] {
        guard case .array(let items)? = value else { throw error(exists ? "expected a list" : "missing") }
        return items.enumerated().map { JSONNode(value: $0.element, place: .index(place, $0.offset), file: file) }
    }

    func string() throws(RubricError) -> String {
        guard case .string(let s)? = value else { throw error(exists ? "expected a string" : "missing") }
        return s
    }

    func optionalString() throws(RubricError) -> String? { exists ? try string() : nil }

    func number() throws(RubricError) -> Double {
        switch value {
        case .int(let n)?: return Double(n)
        case .number(let d)?: return d
        default: throw error(exists ? "expected a number" : "missing")
        }
    }

    func bool() throws(RubricError) -> Bool {
        guard case .bool(let b)? = value else { throw error(exists ? "expected true or false" : "missing") }
        return b
    }

    func strings() throws(RubricError) -> [String] {
        var out: [String] = []
        for item in try array() { out.append(try item.string()) }
        return out
    }

    /// Parses a rubric file's bytes, or names the file and what is wrong.
    static func parse(_ bytes: [UInt8], file: String) throws(RubricError) -> JSONNode {
        do {
            return JSONNode(value: try JSONReader.parse(bytes), path: "", file: file)
        } catch {
            throw RubricError(file: file, path: "", "not valid JSON: \(error.message)")
        }
    }
}
