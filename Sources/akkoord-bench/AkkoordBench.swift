import AkkoordCommandLine
import ArgumentParser
import Foundation

/// Entry point of `akkoord-bench`: parses the options and runs ``Bench``.
@main
struct AkkoordBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "akkoord-bench",
        abstract: "Meet laden, evalueren, rapporteren en controleren op synthetische regelbases en op de meegeleverde.",
        discussion: """
            Draai vanuit de map van de repository: de procesmeting gebruikt rules/ en scenarios/huidige-lijn.yaml en de
            release-binary 'akkoord' naast akkoord-bench.
            """
    )

    @OptionGroup var options: BenchOptions

    /// Keeps the project's exit codes: a usage error is unusable input (2), with a Dutch message.
    static func main() { runKeepingExitCodes() }

    func run() throws {
        if let fiches = options.measureCheck {
            throw ExitCode(CheckBenchmark.runChild(fiches: fiches, seed: options.seed, runs: options.runs(for: fiches)))
        }
        if options.evaluatie {
            let rates = try EvaluationBenchmark.run(rules: "rules", seed: options.seed, seconds: 2)
            print("| evaluator | evaluaties/s per CPU-seconde van de thread | evaluaties/s wandklok |")
            print("| --- | ---: | ---: |")
            print("| referentie (`Evaluator`) | \(Int(rates.referenceCPU)) | \(Int(rates.reference)) |")
            print("| gecompileerd (`CompiledRuleBase`) | \(Int(rates.compiledCPU)) | \(Int(rates.compiled)) |")
            print("")
            print(
                "\(rates.scenarios) willekeurige scenario's (seed \(options.seed)); factor \(Int(rates.compiledCPU / rates.referenceCPU)); één thread."
            )
            return
        }
        if options.verken {
            try ExplorationBenchmark.run(
                sizes: options.sizes, seed: options.seed, timeLimit: options.verkenTimeLimit, nodeLimit: options.verkenNodeLimit,
                export: options.verkenExport)
            return
        }
        throw ExitCode(Bench(options: options).run())
    }
}
