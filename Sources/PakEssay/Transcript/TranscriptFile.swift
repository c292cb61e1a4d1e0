import Foundation

/// Reads transcript files and standard input, refusing what cannot be a transcript with a clear error.
public enum TranscriptFile {
    /// The default largest input, in bytes (20 MB).
    public static let defaultMaxBytes = 20_000_000

    /// Reads the bytes of `path`, or throws `not-found`, `is-directory`, `unreadable` or `too-large`.
    public static func read(path: String, maxBytes: Int = defaultMaxBytes) throws(InputError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(code: "not-found", message: "\(path): no such file")
        }
        if isDirectory.boolValue {
            throw InputError(code: "is-directory", message: "\(path): is a folder; expected a transcript file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(code: "unreadable", message: "\(path): cannot be read (permission denied)")
        }
        defer { try? handle.close() }
        do {
            guard let data = try handle.read(upToCount: maxBytes + 1) else { return [] }
            if data.count > maxBytes {
                throw InputError(code: "too-large", message: "\(path): larger than the limit of \(maxBytes) bytes (see --max-bytes)")
            }
            return [UInt8](data)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(code: "unreadable", message: "\(path): cannot be read (\(error.localizedDescription))")
        }
    }

    /// Reads all of standard input, up to `maxBytes`.
    public static func readStandardInput(maxBytes: Int = defaultMaxBytes) throws(InputError) -> [UInt8] {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        if data.count > maxBytes {
            throw InputError(code: "too-large", message: "-: standard input is larger than the limit of \(maxBytes) bytes (see --max-bytes)")
        }
        return [UInt8](data)
    }

    /// Every `*.txt` file below `folder`, recursively, in sorted order (paths joined to `folder`).
    public static func transcripts(in folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".txt") else { continue }
            let full = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(full)
            }
        }
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// True when `path` names a folder.
    public static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
