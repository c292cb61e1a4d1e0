/// Writes a fitted rubric: a file that extends the rubric it was fitted from (or that rubric's own
/// base, when it extends one, carrying the rubric's own keys), with the fitted weights, exponent and
/// ceiling. Every other key, rule parameter and word list is the rubric's own.
public enum FittedRubric {
    /// Why a fitted rubric cannot be made.
    public struct Failure: Error, Sendable {
        /// What went wrong.
        public var message: String
    }

    /// The fitted rubric's text, to be saved in `folder`. The same inputs give the same bytes.
    public static func text(
        _ rubric: Rubric, _ p: ScaleParameters, answers: Int, folder: String
    ) throws(Failure) -> String {
        let own = try object(at: rubric.path)
        let rubricFolder = Path.deletingLastComponent(rubric.path)
        let fileName = Path.deletingExtension(Path.lastComponent(rubric.path))
        var base = fileName
        var criteria = value(own, "criteria")
        if case .string(let parent)? = value(own, "extends") {
            base = parent
            if criteria == nil {
                let parentFile = parent.hasSuffix(".json") ? parent : parent + ".json"
                criteria = value(try object(at: join(rubricFolder, parentFile)), "criteria")
            }
        }
        guard case .array(let list)? = criteria else { throw Failure(message: "\(rubric.path): no criteria to fit") }
        var pairs: [(String, JSONValue)] = [
            ("format", .int(1)), ("extends", .string(base)), ("id", .string(rubric.id + "-fitted")),
            ("version", .string(rubric.version + "-fitted")),
            ("title", .string("\(rubric.title), fitted to \(answers) marked answers")),
        ]
        // The rubric's own keys, when it extends a base: the fitted file takes its place.
        if value(own, "extends") != nil {
            let skipped: Set<String> = ["format", "extends", "id", "version", "title", "scale", "criteria"]
            for (key, v) in own where !skipped.contains(key) {
                pairs.append((key, key == "lexicons" && folder != rubricFolder ? absolute(v, rubricFolder) : v))
            }
        }
        pairs.append(("scale", .object([("ceiling", .number(p.ceiling)), ("exponent", .number(p.exponent))])))
        pairs.append(("criteria", .array(try fitted(list, rubric, p))))
        let out = JSONValue.object(pairs)
        guard exact(out) else {
            throw Failure(message: "\(rubric.path): a number with more than two decimals cannot be copied exactly")
        }
        return out.pretty()
    }

    /// The criteria's JSON with each weighted rule's weight replaced by the fitted one.
    static func fitted(_ list: [JSONValue], _ rubric: Rubric, _ p: ScaleParameters) throws(Failure) -> [JSONValue] {
        guard list.count == rubric.criteria.count else {
            throw Failure(message: "the criteria do not match the rubric")
        }
        var out: [JSONValue] = []
        for (i, node) in list.enumerated() {
            // The rubric's `gates` entry places its rules first in each criterion it names; the file
            // writes them once, apart from the criteria's own rules.
            let placed = rubric.criteria[i].rules.prefix { $0.fromGates }.count
            guard case .object(var pairs) = node, case .array(let rules)? = value(pairs, "rules"),
                rules.count + placed == rubric.criteria[i].rules.count
            else { throw Failure(message: "criterion \(i + 1) does not match the rubric") }
            var written: [JSONValue] = []
            for (n, rule) in rules.enumerated() {
                let k = n + placed
                guard case .object(var fields) = rule, case .string(let id)? = value(fields, "rule"),
                    id == rubric.criteria[i].rules[k].id
                else { throw Failure(message: "criterion \(i + 1), rule \(k + 1) does not match the rubric") }
                if !rubric.criteria[i].rules[k].gate {
                    let weight = JSONValue.number(p.weights[i][k])
                    if let at = fields.firstIndex(where: { $0.0 == "weight" }) {
                        fields[at].1 = weight
                    } else {
                        fields.insert(("weight", weight), at: 1)
                    }
                }
                written.append(.object(fields))
            }
            pairs[pairs.firstIndex { $0.0 == "rules" }!].1 = .array(written)
            out.append(.object(pairs))
        }
        return out
    }

    static func object(at path: String) throws(Failure) -> [(String, JSONValue)] {
        guard let data = FileSystem.read(path) else {
            throw Failure(message: "\(path): cannot read the rubric file")
        }
        let parsed: JSONValue
        do { parsed = try JSONReader.parse([UInt8](data)) } catch {
            throw Failure(message: "\(path): \(error.message)")
        }
        guard case .object(let pairs) = parsed else { throw Failure(message: "\(path): not a JSON object") }
        return pairs
    }

    static func value(_ pairs: [(String, JSONValue)], _ key: String) -> JSONValue? {
        pairs.first { $0.0 == key }?.1
    }

    /// True when every number is written as it is (pakessay writes numbers to two decimals).
    static func exact(_ v: JSONValue) -> Bool {
        switch v {
        case .number(let d): return Double(JSONValue.format(d)) == d
        case .array(let items): return items.allSatisfy(exact)
        case .object(let pairs): return pairs.allSatisfy { exact($0.1) }
        default: return true
        }
    }

    static func join(_ folder: String, _ name: String) -> String { folder.isEmpty ? name : folder + "/" + name }

    /// Word-list paths made absolute, for a file saved away from the rubric they were relative to.
    static func absolute(_ v: JSONValue, _ folder: String) -> JSONValue {
        let root = folder.hasPrefix("/") ? folder : join(FileSystem.currentFolder, folder)
        let fix = { (s: String) in s.hasPrefix("/") ? s : join(root, s) }
        switch v {
        case .object(let pairs):
            return .object(
                pairs.map { key, inner in
                    switch inner {
                    case .string(let s): return (key, .string(fix(s)))
                    case .array(let items):
                        return (key, .array(items.map { if case .string(let s) = $0 { .string(fix(s)) } else { $0 } }))
                    default: return (key, inner)
                    }
                })
        default: return v
        }
    }
}
