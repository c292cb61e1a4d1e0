#if canImport(Glibc)
    import Glibc
#endif

/// Loads and validates rubric files, and finds the ones that ship.
public enum RubricLoader {
    /// The rubric ids that ship, in the order `pakessay rubrics` lists them.
    public static let shipped = ["css-current-affairs", "css-pakistan-affairs", "css-essay", "general-essay"]

    /// The folders searched for shipped rubrics: `$PAKESSAY_RUBRICS`, then `Rubrics/` beside or above the
    /// executable (a build folder inside the project), then `share/pakessay/Rubrics` of an install, then `./Rubrics`.
    public static func searchFolders(executable: String = CommandLine.arguments.first ?? "") -> [String] {
        var folders: [String] = []
        if let env = environment("PAKESSAY_RUBRICS"), !env.isEmpty { folders.append(env) }
        var exe = FileSystem.resolved(executable)
        if !executable.contains("/"), let path = environment("PATH") {
            for dir in path.split(separator: ":") {
                let candidate = FileSystem.resolved(String(dir)) + "/" + executable
                if FileSystem.isExecutable(candidate) {
                    exe = FileSystem.resolved(candidate)
                    break
                }
            }
        }
        var dir = Path.deletingLastComponent(exe)
        for _ in 0..<6 {
            let base = dir.hasSuffix("/") ? dir : dir + "/"
            folders.append(base + "Rubrics")
            folders.append(base + "share/pakessay/Rubrics")
            dir = Path.deletingLastComponent(dir)
        }
        folders.append(FileSystem.currentFolder + "/Rubrics")
        return folders
    }

    /// An environment variable, read with `getenv`: Foundation's `environment` copies every variable into a
    /// dictionary first (about 0.7 M instructions at every start).
    static func environment(_ name: String) -> String? { Host.environment(name) }

    /// The folder that holds the shipped rubrics, if found.
    public static func shippedFolder() -> String? {
        searchFolders().first { FileSystem.exists($0 + "/css-current-affairs.json") }
    }

    /// The file the default rubric (css-current-affairs) names for each list of its `lexicons` table, as
    /// written there (relative to the rubric's folder); empty when the shipped rubrics are not found.
    public static func defaultListFiles() -> [String: String] {
        guard let folder = shippedFolder(),
            let data = FileSystem.read(folder + "/css-current-affairs.json"),
            case .object(let pairs)? = (try? JSONReader.parse(Array(data)))?["lexicons"]
        else { return [:] }
        var out: [String: String] = [:]
        for (key, value) in pairs { if case .string(let file) = value { out[key] = file } }
        return out
    }

    /// Loads a rubric by id (a shipped one) or by path (a file ending in .json or containing a slash),
    /// checking its rules against `rules`.
    public static func load(_ idOrPath: String, rules: RuleCatalogue) throws(RubricError) -> Rubric {
        if idOrPath.hasSuffix(".json") || idOrPath.contains("/") {
            return try load(path: idOrPath, rules: rules)
        }
        guard let folder = shippedFolder() else {
            throw RubricError(
                message:
                    """
                    cannot find the shipped rubrics (looked for Rubrics/ beside the executable and in the current \
                    folder; set PAKESSAY_RUBRICS)
                    """
            )
        }
        let path = folder + "/" + idOrPath + ".json"
        guard FileSystem.exists(path) else {
            let known =
                FileSystem.list(folder)?.filter { $0.hasSuffix(".json") }.map {
                    String($0.dropLast(5))
                }.sorted() ?? []
            throw RubricError(message: "unknown rubric '\(idOrPath)' (known: \(known.joined(separator: ", ")))")
        }
        return try load(path: path, rules: rules)
    }

    /// Loads and validates a rubric file, checking its rules against `rules`.
    /// A rubric whose compiled form is current (see `RubricStore`) is read from it, without parsing its JSON.
    public static func load(path: String, rules: RuleCatalogue) throws(RubricError) -> Rubric {
        let file = Path.lastComponent(path)
        let folder = Path.deletingLastComponent(path)
        if let tree = RubricStore.cached(path, folder: folder) {
            let root = JSONNode(value: tree, path: "", file: file)
            let decoder = RubricDecoder(root: root, folder: folder, file: file, path: path, rules: rules)
            return try decoder.decode(merged: root)
        }
        guard let data = FileSystem.read(path) else {
            throw RubricError(message: "\(path): cannot read the rubric file")
        }
        guard data.count <= 5_000_000 else {
            throw RubricError(message: "\(path): the rubric file is larger than 5 MB")
        }
        let root = try JSONNode.parse([UInt8](data), file: file)
        let decoder = RubricDecoder(root: root, folder: folder, file: file, path: path, rules: rules)
        let merged = try decoder.merged()
        let rubric = try decoder.decode(merged: merged.node)
        if !merged.shipped, let tree = merged.node.value {
            RubricStore.store(tree, sources: [path] + (merged.base.map { [$0] } ?? []), folder: folder, path: path)
        }
        return rubric
    }
}
