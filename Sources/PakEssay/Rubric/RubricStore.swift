#if canImport(Glibc)
    import Glibc
#endif

/// Where a rubric's JSON is kept between runs in a compiled form: the tree the rubric file gives once its
/// base (`extends`) is merged in and its keys have been checked, as tagged binary values, in one file beside
/// the rubric (`.cache/rubric-HASH.bin`, named by the rubric's path and the executable). A run that finds it
/// current reads that tree instead of parsing the JSON text, checking its keys and merging its base; the
/// rest of the load (the rules made and checked, the word lists, the settings) goes as before. The file holds
/// the size, change times and inode of the rubric file and of its base, so an edit to either takes effect
/// on the next run, with the same errors, and is compiled again once it loads. Only a rubric that loads is
/// written; one whose base is found among the shipped rubrics rather than beside it is not compiled.
enum RubricStore {
    /// Bumped whenever this format changes, so that old files are never read.
    static let format: UInt64 = 1
    private static let magic: UInt64 = 0x5041_4B52_5542_5249  // "PAKRUBRI"

    /// The file the compiled form of the rubric at `path` is kept in, in the first cache folder.
    static func name(_ path: String) -> String {
        var hash = TopicModelStore.Hash()
        hash.add(format)
        hash.add(LexiconStore.executable)
        hash.add(path)
        return "rubric-" + String(hash.value, radix: 16) + ".bin"
    }

    /// The rubric file and its base as the file system describes them (path and stamp), in that order.
    typealias Sources = [(path: String, stamp: [UInt64])]

    /// The merged tree compiled for `path`, when the files it was made from are unchanged, or nil.
    static func cached(_ path: String, folder: String) -> JSONValue? {
        guard let stamp = LexiconStore.fileStamp(path) else { return nil }
        let place = TopicModelStore.cacheFolders(rubricFolder: folder, userCache: false)[0]
        guard let store = ByteStore.map(place + "/" + name(path)) else { return nil }
        return decode(store.raw, path: path, stamp: stamp)
    }

    /// Writes the merged tree of a rubric that loaded, with the stamps of the files it came from.
    static func store(_ tree: JSONValue, sources: [String], folder: String, path: String) {
        var stamped: Sources = []
        for source in sources {
            guard let stamp = LexiconStore.fileStamp(source) else { return }
            stamped.append((source, stamp))
        }
        let bytes = compiled(tree, sources: stamped)
        let place = TopicModelStore.cacheFolders(rubricFolder: folder, userCache: false)[0]
        _ = TopicModelStore.write(bytes, to: place, name: name(path))
    }

    /// The compiled bytes: magic, format, executable, length, checksum, the sources, then the tree.
    static func compiled(_ tree: JSONValue, sources: Sources) -> [UInt8] {
        var w = CompiledWriter()
        for v in [magic, format, LexiconStore.executable, 0, 0] { w.u64(v) }
        w.int(sources.count)
        for source in sources {
            w.string(source.path)
            w.u64s(source.stamp)
        }
        w.value(tree)
        w.bytes.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: UInt64(raw.count).littleEndian, toByteOffset: 24, as: UInt64.self)
            let sum = LexiconStore.checksum(UnsafeRawBufferPointer(raw))
            raw.storeBytes(of: sum.littleEndian, toByteOffset: 32, as: UInt64.self)
        }
        return w.bytes
    }

    /// The tree in compiled bytes made for the rubric at `path` with this stamp, when every other source it
    /// names is unchanged too; nil for another format or executable, a damaged file or a changed source.
    static func decode(_ raw: UnsafeRawBufferPointer, path: String, stamp: [UInt64]) -> JSONValue? {
        var r = CompiledReader(bytes: raw)
        guard raw.count >= 48, r.u64() == magic, r.u64() == format, r.u64() == LexiconStore.executable,
            r.u64() == UInt64(raw.count), let sum = r.u64(), sum == LexiconStore.checksum(raw),
            let n = r.count(), n >= 1
        else { return nil }
        for k in 0..<n {
            guard let source = r.string(), let recorded = r.u64s() else { return nil }
            let now = k == 0 ? (source == path ? stamp : nil) : LexiconStore.fileStamp(source)
            guard recorded == now else { return nil }
        }
        guard let tree = r.value(depth: 0), r.at == raw.count else { return nil }
        return tree
    }
}

extension CompiledWriter {
    /// A JSON value as a tag (0 null, 1 false, 2 true, 3 whole number, 4 number, 5 string, 6 list, 7 object)
    /// and its contents.
    mutating func value(_ v: JSONValue) {
        switch v {
        case .null: u64(0)
        case .bool(let b): u64(b ? 2 : 1)
        case .int(let n):
            u64(3)
            int(n)
        case .number(let d):
            u64(4)
            double(d)
        case .string(let s):
            u64(5)
            string(s)
        case .array(let items):
            u64(6)
            int(items.count)
            for item in items { value(item) }
        case .object(let pairs):
            u64(7)
            int(pairs.count)
            for (key, item) in pairs {
                string(key)
                value(item)
            }
        }
    }
}

extension CompiledReader {
    /// A JSON value as `CompiledWriter.value` wrote it, nested at most as deep as the JSON reader allows.
    mutating func value(depth: Int) -> JSONValue? {
        guard depth <= 64, let tag = u64() else { return nil }
        switch tag {
        case 0: return .null
        case 1: return .bool(false)
        case 2: return .bool(true)
        case 3: return int().map { .int($0) }
        case 4: return double().map { .number($0) }
        case 5: return string().map { .string($0) }
        case 6:
            guard let n = count() else { return nil }
            var items: [JSONValue] = []
            items.reserveCapacity(n)
            for _ in 0..<n {
                guard let item = value(depth: depth + 1) else { return nil }
                items.append(item)
            }
            return .array(items)
        case 7:
            guard let n = count() else { return nil }
            var pairs: [(String, JSONValue)] = []
            pairs.reserveCapacity(n)
            for _ in 0..<n {
                guard let key = string(), let item = value(depth: depth + 1) else { return nil }
                pairs.append((key, item))
            }
            return .object(pairs)
        default: return nil
        }
    }
}
