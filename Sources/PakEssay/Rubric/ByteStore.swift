#if canImport(Glibc)
    import Glibc
#endif

/// Bytes that stay where they are for as long as the object lives: a file mapped into memory (its pages
/// come from the page cache as they are read, nothing is copied) or a copy of an array. Tables read in
/// place (the dictionary, the compiled lexicon, the open word classes) keep a reference to the store
/// their bytes lie in.
final class ByteStore: @unchecked Sendable {
    /// The bytes, valid until the store is released.
    let raw: UnsafeRawBufferPointer
    private let mapped: Bool

    /// A copy of `bytes`.
    init(_ bytes: [UInt8]) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 16)
        bytes.withUnsafeBytes { copy.copyMemory(from: $0) }
        raw = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(copy)[0..<bytes.count])
        mapped = false
    }

    private init(mapping: UnsafeRawBufferPointer) {
        raw = mapping
        mapped = true
    }

    /// The file mapped read-only (an empty file as an empty copy), or nil when it cannot be opened or
    /// is 1 GB or more. `populate` maps every page at once, for a file that will be read whole (the compiled
    /// lexicon, whose checksum reads every byte): one call instead of a page fault for every few pages.
    static func map(_ path: String, populate: Bool = false) -> ByteStore? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size >= 0, info.st_size < 1 << 30 else { return nil }
        if info.st_size == 0 { return ByteStore([]) }
        let size = Int(info.st_size)
        let flags = MAP_PRIVATE | (populate ? MAP_POPULATE : 0)
        guard let base = mmap(nil, size, PROT_READ, flags, fd, 0), base != MAP_FAILED else { return nil }
        return ByteStore(mapping: UnsafeRawBufferPointer(start: base, count: size))
    }

    deinit {
        guard let base = raw.baseAddress else { return }
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: base), raw.count)
        } else {
            UnsafeMutableRawPointer(mutating: base).deallocate()
        }
    }
}
