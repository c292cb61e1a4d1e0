#if canImport(Glibc)
    import Glibc
#endif

/// Reads transcript files and standard input, refusing what cannot be a transcript with a clear error.
///
/// Files are read with POSIX `open` and `read`, so that each failure has its precise reason (no such
/// file, permission denied, too many levels of symbolic links, an I/O error…) and `fstat` tells a
/// regular file from a pipe or a device before a byte is read.
public enum TranscriptFile {
    /// The default largest input, in bytes (20 MB).
    public static let defaultMaxBytes = 20_000_000

    /// What to do with a path that is not a regular file (a FIFO, a socket, a device).
    public enum Special: Sendable {
        /// Read it: the user named it. A FIFO is waited on until its writer opens it, as `cat` does.
        case read
        /// Refuse it with `not-regular`, without opening it for reading (files found in a folder).
        case refuse
    }

    /// A `*.txt` entry found in a folder: a regular file to grade, or the reason it cannot be.
    public struct Entry: Sendable, Hashable {
        /// The path, joined to the folder.
        public var path: String
        /// Why the entry cannot be graded: a dangling link, a loop, a FIFO, an unreadable folder…
        public var problem: InputError?
    }

    /// Reads the bytes of `path`, or throws `not-found`, `is-directory`, `unreadable`, `not-regular`
    /// or `too-large`.
    public static func read(
        path: String, maxBytes: Int = defaultMaxBytes,
        special: Special = .read
    ) throws(InputError) -> [UInt8] {
        let (fd, size) = try openForReading(path: path, special: special)
        defer { _ = Glibc.close(fd) }
        return try readAll(fd: fd, source: path, maxBytes: maxBytes, sizeHint: size) { maxBytes in
            "\(path): larger than the limit of \(maxBytes) bytes (see --max-bytes)"
        }
    }

    /// Opens `path` for reading and returns the descriptor and, for a regular file, its size. The
    /// caller closes the descriptor. Throws as `read(path:maxBytes:special:)` does.
    public static func openForReading(path: String, special: Special = .read) throws(InputError) -> (Int32, Int) {
        var info = stat()
        // A FIFO the user named is opened as `cat` opens it; anything else without blocking, so that
        // `fstat` can look at it first.
        let namedFIFO = special == .read && stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | (namedFIFO ? 0 : O_NONBLOCK))
        guard fd >= 0 else { throw failure(path, errno) }
        guard fstat(fd, &info) == 0 else {
            let code = errno
            _ = Glibc.close(fd)
            throw failure(path, code)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            return (fd, Int(info.st_size))
        case S_IFDIR:
            _ = Glibc.close(fd)
            throw failure(path, EISDIR)
        default:
            if special == .refuse {
                _ = Glibc.close(fd)
                throw notRegular(path, mode: info.st_mode)
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            return (fd, 0)
        }
    }

    /// Reads all of standard input, up to `maxBytes`: one byte past the limit is the most ever held.
    public static func readStandardInput(maxBytes: Int = defaultMaxBytes) throws(InputError) -> [UInt8] {
        try readAll(fd: 0, source: "-", maxBytes: maxBytes, sizeHint: 0) { maxBytes in
            "-: standard input is larger than the limit of \(maxBytes) bytes (see --max-bytes)"
        }
    }

    /// Every `*.txt` entry below `folder`, recursively, in sorted byte order (paths joined to
    /// `folder`). Regular files, and links to them, are to be graded. A `*.txt` entry that cannot be
    /// (a dangling link, a link loop, a FIFO, a socket, a device), and a subfolder that cannot be
    /// listed, come with their problem. Folders named `*.txt` are walked, not listed. Symbolic links
    /// to folders are not followed. The file whose resolved path is `excluding` (the report being
    /// written) is left out.
    public static func entries(in folder: String, excluding: String? = nil) -> [Entry] {
        var found: [Entry] = []
        walk(folder, into: &found)
        if let excluding {
            found.removeAll { $0.problem == nil && resolvedPath($0.path) == excluding }
        }
        return found.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// The regular `*.txt` files below `folder` (see `entries(in:excluding:)`), in sorted order.
    public static func transcripts(in folder: String) -> [String] {
        entries(in: folder).filter { $0.problem == nil }.map(\.path)
    }

    /// True when `path` names a folder.
    public static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The absolute path of `path` with every symbolic link, `.` and `..` resolved. A file that does
    /// not exist yet is resolved through its folder. Nil when even the folder does not exist.
    public static func resolvedPath(_ path: String) -> String? {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let folder = slash.map { $0 == path.utf8.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.utf8.index(after: $0)...]) } ?? path
        guard !name.isEmpty, name != ".", name != "..", let base = realpath(folder, nil) else { return nil }
        defer { free(base) }
        let resolvedFolder = String(cString: base)
        return resolvedFolder == "/" ? "/" + name : resolvedFolder + "/" + name
    }

    // MARK: - Reading

    private static func readAll(
        fd: Int32, source: String, maxBytes: Int, sizeHint: Int,
        tooLarge: (Int) -> String
    ) throws(InputError) -> [UInt8] {
        // One byte past the limit tells a file at the limit from one over it.
        let limit = maxBytes < Int.max ? maxBytes + 1 : Int.max
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(limit, max(sizeHint, 0) + 1))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < limit {
            let want = min(chunk.count, limit - bytes.count)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, want) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(source, errno)
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        if bytes.count > maxBytes { throw InputError(code: "too-large", message: tooLarge(maxBytes)) }
        return bytes
    }

    // MARK: - Folders

    private static func walk(_ folder: String, into found: inout [Entry]) {
        guard let dir = opendir(folder) else {
            found.append(Entry(path: folder, problem: failure(folder, errno)))
            return
        }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(dir)
        for name in names {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            var kind = info.st_mode & S_IFMT
            if kind == S_IFDIR {
                walk(path, into: &found)
                continue
            }
            guard name.hasSuffix(".txt") else { continue }
            if kind == S_IFLNK {
                guard stat(path, &info) == 0 else {
                    found.append(Entry(path: path, problem: failure(path, errno)))
                    continue
                }
                kind = info.st_mode & S_IFMT
                if kind == S_IFDIR { continue }
            }
            found.append(Entry(path: path, problem: kind == S_IFREG ? nil : notRegular(path, mode: info.st_mode)))
        }
    }

    // MARK: - Errors

    /// The input error for a failed system call on `path` (`code` is its `errno`), in plain English.
    public static func failure(_ path: String, _ code: Int32) -> InputError {
        switch code {
        case ENOENT, ENOTDIR:
            var info = stat()
            let dangling = lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
            return InputError(
                code: "not-found",
                message: "\(path): no such file"
                    + (dangling ? " (a symbolic link to a file that does not exist)" : ""))
        case EISDIR:
            return InputError(code: "is-directory", message: "\(path): is a folder; expected a transcript file")
        default:
            return InputError(code: "unreadable", message: "\(path): cannot be read (\(reason(code)))")
        }
    }

    /// `strerror` with a lower-case first letter, to sit inside a sentence.
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        guard let first = text.first else { return "error \(code)" }
        return first.lowercased() + text.dropFirst()
    }

    private static func notRegular(_ path: String, mode: mode_t) -> InputError {
        let kind: String
        switch mode & S_IFMT {
        case S_IFIFO: kind = "a named pipe (FIFO)"
        case S_IFSOCK: kind = "a socket"
        case S_IFCHR, S_IFBLK: kind = "a device"
        default: kind = "a special file"
        }
        let why = "\(path): \(kind), not a regular file; only regular files in a folder are graded"
        return InputError(code: "not-regular", message: why)
    }
}
