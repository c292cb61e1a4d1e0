#if canImport(Glibc)
    import Glibc
#endif

/// Files and folders through the C library, in place of Foundation's `FileManager`, `URL` and `NSString`
/// paths: with no file of the library importing Foundation, the static binary links none of it, and every
/// generic type the start makes no longer looks its conformances up among Foundation's thousands
/// (docs/performance.md, "Issue 17, step 5").
public enum FileSystem {
    /// The whole file, or nil when it cannot be opened or read (a folder, a missing file).
    public static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(max(0, Int(info.st_size)) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { return out }
            out.append(contentsOf: chunk[0..<n])
        }
    }

    /// True when something is at the path (a link is followed).
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// True when the file can be read by this process.
    public static func isReadable(_ path: String) -> Bool { access(path, R_OK) == 0 }

    /// True when the file can be run by this process and is not a folder.
    public static func isExecutable(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { return false }
        return access(path, X_OK) == 0
    }

    /// The names in a folder (without `.` and `..`), in the order the system gives them, or nil.
    public static func list(_ folder: String) -> [String]? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { out.append(name) }
        }
        return out
    }

    /// The current folder ("." when the system cannot say).
    public static var currentFolder: String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    /// The path made absolute (against the current folder) with its links resolved; made absolute only
    /// when it does not exist.
    public static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : currentFolder + "/" + path
        guard let real = realpath(absolute, nil) else { return absolute }
        defer { free(real) }
        return String(cString: real)
    }

    /// Makes the folder and any missing folder above it; false when it is not there afterwards.
    public static func makeFolders(_ folder: String) -> Bool {
        if isFolder(folder) { return true }
        let parent = Path.deletingLastComponent(folder)
        if !parent.isEmpty && parent != folder && !isFolder(parent) { _ = makeFolders(parent) }
        return mkdir(folder, 0o755) == 0 || isFolder(folder)
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Writes the bytes to `folder/name` through a temporary name in the same folder and a rename, so that
    /// a reader never sees half of the file. False when the folder cannot be made or written.
    public static func writeReplacing(_ bytes: [UInt8], folder: String, name: String) -> Bool {
        guard makeFolders(folder) else { return false }
        let temporary = folder + "/." + name + "." + String(getpid())
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        var written = 0
        let complete = bytes.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let n = write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                written += n
            }
            return true
        }
        guard close(fd) == 0, complete, rename(temporary, folder + "/" + name) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}

/// Path text as `NSString` reads it, for the few parts pakessay takes: the last component, the folder
/// above it and a name without its extension.
public enum Path {
    /// The path without the slashes that end it (a lone `/` stays).
    private static func trimmed(_ path: String) -> Substring {
        var s = Substring(path)
        while s.count > 1, s.hasSuffix("/") { s = s.dropLast() }
        return s
    }

    /// The last component: `c.json` of `a/b/c.json`, `b` of `/a/b/`, `/` of `/`.
    public static func lastComponent(_ path: String) -> String {
        let s = trimmed(path)
        if s == "/" { return "/" }
        guard let slash = s.lastIndex(of: "/") else { return String(s) }
        return String(s[s.index(after: slash)...])
    }

    /// The folder above the last component: `a/b` of `a/b/c.json`, `` of `c.json`, `/` of `/c.json`.
    public static func deletingLastComponent(_ path: String) -> String {
        let s = trimmed(path)
        if s == "/" { return "/" }
        guard let slash = s.lastIndex(of: "/") else { return "" }
        var folder = s[..<slash]
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(folder)
    }

    /// The last component without its extension: `name` of `name.json`; a leading dot is no extension.
    public static func deletingExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, !name[dot...].contains("/") else {
            return name
        }
        return String(name[..<dot])
    }
}
