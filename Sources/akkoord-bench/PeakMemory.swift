#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's peak resident set size so far (`getrusage(RUSAGE_SELF).ru_maxrss`).
enum PeakMemory {
    /// Peak resident memory in megabytes (MiB). It only grows: it is the high-water mark of the whole process.
    static func megabytes() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
            let who = __rusage_who_t(RUSAGE_SELF.rawValue)
        #else
            let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        #if canImport(Darwin)
            return Double(usage.ru_maxrss) / 1_048_576  // bytes on macOS
        #else
            return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
        #endif
    }
}
