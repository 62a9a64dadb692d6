import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the release `akkoord` binary as a separate process, repeatedly, and times each run from launch to exit:
/// start-up, reading `rules/`, the work and writing the output (to `/dev/null`).
struct ProcessBenchmark {
    /// Timings of one command line.
    struct Result {
        /// The command line as shown in the table.
        var label: String
        var runs: Int
        /// Wall-clock seconds: median, 90th percentile and fastest run.
        var median: Double
        var p90: Double
        var minimum: Double
        /// Exit statuses seen (should be one value).
        var statuses: Set<Int32>
    }

    /// Why the processes could not be run.
    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    /// The program to run.
    let executable: URL
    /// Timed runs per command line (after one warm-up run).
    let runs: Int

    /// The `akkoord` binary next to this one.
    static func siblingExecutable() -> URL {
        let me = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return me.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("akkoord")
    }

    /// Times `arguments` `runs` times after one untimed warm-up run (which fills the file cache).
    func measure(_ label: String, _ arguments: [String]) throws(Unavailable) -> Result {
        var times: [Double] = []
        var statuses: Set<Int32> = []
        for run in 0...runs {
            let (status, seconds) = try once(arguments)
            if run > 0 {
                times.append(seconds)
                statuses.insert(status)
            }
        }
        return Result(
            label: label, runs: runs, median: Statistics.median(times), p90: Statistics.percentile(times, 90),
            minimum: times.min() ?? 0, statuses: statuses)
    }

    /// One run via `posix_spawn` and `waitpid`, with standard output and error on `/dev/null`. Foundation's
    /// `Process.waitUntilExit()` is not used: on Linux it polls the run loop every 50 ms, which would round every
    /// measurement up to a multiple of 50 ms.
    private func once(_ arguments: [String]) throws(Unavailable) -> (Int32, Double) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        var status: Int32 = 0
        let timed = Stopwatch.measure { () -> Int32 in
            let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
            guard spawned == 0 else { return spawned }
            while waitpid(pid, &status, 0) == -1, errno == EINTR {}
            return 0
        }
        guard timed.value == 0 else {
            throw Unavailable(description: "kan \(executable.path) niet starten (posix_spawn: \(String(cString: strerror(timed.value))))")
        }
        // WIFEXITED / WEXITSTATUS, spelled out: the C macros are not imported into Swift.
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (exitStatus, timed.seconds)
    }
}
