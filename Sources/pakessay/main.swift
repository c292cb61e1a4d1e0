#if canImport(Glibc)
    import Glibc
#endif

// Writing into a closed pipe must end quietly, not kill the process with SIGPIPE.
signal(SIGPIPE, SIG_IGN)
let status = CommandLineTool().run(Array(CommandLine.arguments.dropFirst()))
exit(status)
