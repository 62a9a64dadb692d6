import Foundation
import Testing

@testable import AkkoordCore

/// Paths and helpers shared by the tests.
enum Fixture {
    /// The package root, found from this file's location.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let examples = root.appendingPathComponent("examples")
    static let rules = root.appendingPathComponent("rules")
    static let scenarios = root.appendingPathComponent("scenarios")
    /// The folder with the Enschede source texts, from `AKKOORD_BRONNEN`, if it holds the dossier text; tests of the
    /// bundled rule base's quotes need it (the texts are the municipality's publications, not in the repository).
    static var enschedeSources: URL? {
        guard let path = ProcessInfo.processInfo.environment["AKKOORD_BRONNEN"], !path.isEmpty else { return nil }
        let url = URL(fileURLWithPath: path)
        return FileManager.default.fileExists(atPath: url.appendingPathComponent(enschedeDossierFile).path) ? url : nil
    }

    /// The file name of the Enschede dossier text, as `rules/dossier.yaml` declares it.
    static let enschedeDossierFile = "004_911975feb7864931.txt"

    /// The tutorial's source texts (`examples/bronnen`).
    static let exampleSources = examples.appendingPathComponent("bronnen")

    /// The tutorial rule base.
    static func exampleRuleBase() throws -> RuleBase {
        try RuleBaseLoader().load(directory: examples.appendingPathComponent("regels").path).value
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("akkoord-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies the tutorial rule base to a temporary directory and replaces or adds files (relative path → text).
    static func ruleBase(replacing files: [String: String]) -> URL {
        let directory = temporaryDirectory().appendingPathComponent("regels")
        try? FileManager.default.copyItem(at: examples.appendingPathComponent("regels"), to: directory)
        // The source texts go beside the copy, where Akkoord looks for them by default.
        try? FileManager.default.copyItem(at: exampleSources, to: directory.deletingLastPathComponent().appendingPathComponent("bronnen"))
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: url)
        }
        return directory
    }

    /// Loads a scenario from text against a rule base.
    static func scenario(_ text: String, in ruleBase: RuleBase, path: String = "scenario.yaml") throws(LoadError) -> Scenario {
        try ScenarioLoader().load(data: Data(text.utf8), path: path, ruleBase: ruleBase).value
    }

    /// The diagnostics from loading a rule-base folder (empty when it loads).
    static func diagnostics(loading directory: URL) -> [Diagnostic] {
        do {
            return try RuleBaseLoader().load(directory: directory.path).warnings
        } catch {
            return error.diagnostics
        }
    }
}

/// Runs the built `akkoord` binary.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether the process ended by a signal (a crash) rather than an exit code.
        var signalled = false
    }

    static var binary: URL? {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent("akkoord"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("akkoord"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("akkoord"))
        for build in ["debug", "release"] {
            candidates.append(Fixture.root.appendingPathComponent(".build/\(build)/akkoord"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs the binary with this process's environment, except `AKKOORD_BRONNEN` (which CI sets for the Enschede texts):
    /// a test that wants it passes it in `environment`.
    static func run(
        _ arguments: [String], in directory: URL = Fixture.root, prefix: [String] = [],
        environment: [String: String] = [:]
    ) throws -> Result {
        guard let binary else { throw CocoaError(.fileNoSuchFile) }
        var inherited = ProcessInfo.processInfo.environment
        inherited["AKKOORD_BRONNEN"] = nil
        // `prefix` runs the binary through another program, e.g. `setpriv` to drop root rights.
        let (program, fullArguments) =
            prefix.first.map { (URL(fileURLWithPath: $0), Array(prefix.dropFirst()) + [binary.path] + arguments) }
            ?? (binary, arguments)
        return try Subprocess.run(
            program, fullArguments, in: directory, environment: inherited.merging(environment) { _, new in new })
    }
}

/// Runs other programs for the tests.
enum Subprocess {
    /// Runs `executable` with exactly `environment`, reading both pipes to their end.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String]) throws -> CLI.Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Standard error is read on another thread: a child that fills one pipe while we wait on the other would
        // otherwise block for ever.
        let errorReader = PipeReader(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errorReader.finish()
        process.waitUntilExit()
        return CLI.Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self),
            signalled: process.terminationReason == .uncaughtSignal)
    }

    /// The standard output of a tool (pdfinfo, chromium, python3), recording an issue when it does not exit 0.
    static func output(_ executable: String, _ arguments: [String]) throws -> String {
        let result = try run(
            URL(fileURLWithPath: executable), arguments, in: Fixture.root, environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "\(executable) \(arguments.prefix(3)) exited with \(result.status)")
        return result.stdout
    }
}

/// Reads a pipe to its end on a background thread.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Waits for the end of the pipe and returns what was read.
    func finish() -> Data {
        done.wait()
        return data
    }
}

/// Runs the built binary as a child of its own and reads that child's resource use, not that of every child the test
/// process ever had (`RUSAGE_CHILDREN` would include browsers and scripts started by other tests).
enum ChildUsage {
    struct Outcome {
        var status: Int32
        /// Peak resident memory of the child, in kilobytes.
        var peakKilobytes: Int
    }

    static func run(_ arguments: [String]) throws -> Outcome {
        guard let binary = CLI.binary else { throw CocoaError(.fileNoSuchFile) }
        let argv = [binary.path] + arguments
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let spawned = posix_spawn(&pid, binary.path, &actions, nil, cArguments, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        return Outcome(status: status, peakKilobytes: usage.ru_maxrss)
    }
}
