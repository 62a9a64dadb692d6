import AkkoordCore
import Foundation

/// Measures `RuleBaseAudit.findings()` (the analysis `akkoord check` adds to loading) in a child process with a time
/// limit. The exact dead-option analysis searches combinations of decisions and assumptions, so on a large rule
/// base it can run for a very long time; a child process can be stopped without disturbing the other measurements.
enum CheckBenchmark {
    /// The outcome for one size.
    enum Result {
        /// Median seconds of the runs, with the number of findings and of errors among them.
        case measured(seconds: Double, findings: Int, errors: Int)
        /// Stopped after this many seconds (generation, loading and all runs together).
        case timedOut(after: Double)
        /// The child could not be run or reported nonsense.
        case failed(String)
    }

    /// The child's side (`akkoord-bench --measure-check N`): generates and loads the rule base, runs the check
    /// `runs` times and prints `check <median seconds> <findings> <errors>`.
    static func runChild(fiches: Int, seed: UInt64, runs: Int) -> Int32 {
        let base = SyntheticRuleBase(fiches: fiches, seed: seed)
        guard let loaded = try? RuleBaseLoader().load(files: base.files, dossierPath: base.dossierPath) else {
            print("laadt-niet")
            return 2
        }
        var times: [Double] = []
        var findings: [Diagnostic] = []
        for _ in 0..<runs {
            let timed = Stopwatch.measure { RuleBaseAudit(ruleBase: loaded.value).findings() }
            times.append(timed.seconds)
            findings = timed.value
        }
        print("check \(Statistics.median(times)) \(findings.count) \(findings.filter { $0.severity == .error }.count)")
        return 0
    }

    /// The parent's side: runs the child and waits at most `timeout` seconds.
    static func measure(fiches: Int, seed: UInt64, runs: Int, timeout: Double) -> Result {
        let process = Process()
        process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--measure-check", "\(fiches)", "--seed", "\(seed)", "--runs", "\(runs)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .failed("kan akkoord-bench niet opnieuw starten: \(error)")
        }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(timeout))
        while process.isRunning, clock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return .timedOut(after: timeout)
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let fields = output.split(whereSeparator: \.isWhitespace)
        guard fields.count == 4, fields[0] == "check", let seconds = Double(fields[1]), let findings = Int(fields[2]),
            let errors = Int(fields[3])
        else {
            return .failed("onverwachte uitvoer van de check-meting: '\(output.prefix(80))' (exitcode \(process.terminationStatus))")
        }
        return .measured(seconds: seconds, findings: findings, errors: errors)
    }
}
