import AkkoordCore
import Foundation

/// The whole benchmark: synthetic rule bases in this process, the bundled rule base as separate processes, then the
/// targets. Returns the exit status: 0 after measuring (also when a target fails), 2 when a generated rule base does
/// not load (the generator or the loader is wrong, and the numbers would measure error paths).
struct Bench {
    let options: BenchOptions

    /// Measures everything, prints the Markdown report to standard output (progress to standard error) and returns
    /// the exit status.
    func run() -> Int32 {
        print("# akkoord-bench")
        print("")
        print("Machine: \(Self.cpuModel()), \(ProcessInfo.processInfo.activeProcessorCount) cores (nproc); seed \(options.seed).")
        #if DEBUG
            print("")
            print("**LET OP: dit is een debug-build; meet met `swift build -c release`.**")
        #endif
        print("")

        var results: [SizeBenchmark.Result] = []
        var unusable: [SizeBenchmark.Unusable] = []
        for fiches in options.sizes {
            let (base, generation) = Stopwatch.measure { SyntheticRuleBase(fiches: fiches, seed: options.seed) }
            if let directory = options.writeDirectory {
                do {
                    try base.write(to: directory)
                } catch {
                    log("kan de gegenereerde bestanden niet schrijven naar \(directory): \(error)")
                }
            }
            log("\(fiches) fiches gegenereerd in \(ResultTable.ms(generation)) ms; meten (\(options.runs(for: fiches))×)…")
            do {
                var result = try SizeBenchmark(base: base, runs: options.runs(for: fiches)).run()
                log("check meten in een apart proces (hoogstens \(Int(options.checkTimeout)) s)…")
                result.check = CheckBenchmark.measure(
                    fiches: fiches, seed: options.seed, runs: options.runs(for: fiches),
                    timeout: options.checkTimeout)
                results.append(result)
                print("- \(result.summary); check: \(Self.describe(result.check))")
            } catch {
                unusable.append(error)
                explain(error)
            }
        }
        print("")
        print("## Synthetische regelbases (in één proces, mediaan van N)")
        print("")
        print(ResultTable.sizes(results, unusable: unusable))
        print("")
        print(
            "L+E+R = laden + evalueren (scenario lezen + doorrekenen) + rapport (ReportBuilder + Markdown + JSON). "
                + "Piekgeheugen is ru_maxrss van het hele proces na die grootte (inclusief de gegenereerde YAML).")

        var reportResult: ProcessBenchmark.Result?
        if !options.skipProcess {
            print("")
            print("## Meegeleverde regelbasis Enschede (rules/) als los proces")
            print("")
            do {
                let measured = try measureProcesses()
                reportResult = measured.first
                print(ResultTable.processes(measured))
            } catch {
                print("Niet gemeten: \(error.description)")
            }
        }

        print("")
        print("## Doelen")
        print("")
        for line in TargetCheck.verdicts(report: reportResult, sizes: results, unusable: unusable) {
            print("- " + line)
        }
        if !unusable.isEmpty {
            print("")
            print(
                "FOUT: \(unusable.map { "\($0.fiches)" }.joined(separator: ", ")) fiches: de gegenereerde regelbasis laadt niet (zie de meldingen hierboven)."
            )
            return 2
        }
        return 0
    }

    /// Runs `akkoord report` and `akkoord check` on `rules/` in the current directory.
    private func measureProcesses() throws(ProcessBenchmark.Unavailable) -> [ProcessBenchmark.Result] {
        let executable = ProcessBenchmark.siblingExecutable()
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw ProcessBenchmark.Unavailable(description: "\(executable.path) ontbreekt; bouw ook `--product akkoord` in release")
        }
        guard FileManager.default.fileExists(atPath: "rules/dossier.yaml"),
            FileManager.default.fileExists(atPath: "scenarios/huidige-lijn.yaml")
        else {
            throw ProcessBenchmark.Unavailable(
                description: "rules/ of scenarios/huidige-lijn.yaml niet gevonden; draai vanuit de repository")
        }
        let bench = ProcessBenchmark(executable: executable, runs: options.processRuns)
        log("akkoord als los proces meten (\(options.processRuns)× per commando)…")
        return [
            try bench.measure("akkoord report scenarios/huidige-lijn.yaml", ["report", "scenarios/huidige-lijn.yaml"]),
            try bench.measure(
                "akkoord report scenarios/huidige-lijn.yaml --format json", ["report", "scenarios/huidige-lijn.yaml", "--format", "json"]),
            try bench.measure("akkoord check", ["check"]),
            try bench.measure("akkoord --version", ["--version"]),
            try ProcessBenchmark(executable: URL(fileURLWithPath: "/bin/true"), runs: options.processRuns).measure("/bin/true", []),
        ]
    }

    /// Prints why a generated rule base could not be measured: the first errors and how many there are.
    private func explain(_ error: SizeBenchmark.Unusable) {
        let errors = error.diagnostics.filter { $0.severity == .error }
        log("FOUT: \(error.what) van \(error.fiches) fiches laadt niet: \(errors.count) fouten. De eerste:")
        for diagnostic in errors.prefix(10) { log("  \(diagnostic)") }
        print("- \(error.fiches) fiches: laadt niet (\(errors.count) fouten, bijv. \(errors.first.map { "'\($0.message)'" } ?? "?"))")
    }

    /// What the check measurement found, for the per-size summary line.
    private static func describe(_ check: CheckBenchmark.Result?) -> String {
        switch check {
        case .measured(_, let findings, let errors)?: "\(findings) bevindingen, waarvan \(errors) fouten"
        case .timedOut(let seconds)?: "afgebroken na \(Int(seconds)) s"
        case .failed(let why)?: "niet gemeten (\(why))"
        case nil: "niet gemeten"
        }
    }

    /// Progress and errors go to standard error, so standard output stays a clean Markdown report.
    private func log(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// The CPU model from `/proc/cpuinfo`, or "onbekende CPU".
    static func cpuModel() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
            let value = line.split(separator: ":", maxSplits: 1).last
        else { return "onbekende CPU" }
        return value.trimmingCharacters(in: .whitespaces)
    }
}
