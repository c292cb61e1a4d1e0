#if canImport(Glibc)
    import Glibc
#endif

/// What the start path asks of the system, asked of the C library directly: Foundation's `ProcessInfo`
/// copies the whole environment into a dictionary (about 0.7 M instructions) and starts its own
/// machinery before it answers.
public enum Host {
    /// An environment variable, or nil when it is not set.
    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The processors online, at least one.
    public static var processorCount: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
