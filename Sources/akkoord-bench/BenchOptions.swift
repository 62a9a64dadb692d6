import Foundation

/// Command-line options of `akkoord-bench`.
struct BenchOptions {
    /// Rule-base sizes in fiches, measured in increasing order.
    var sizes = [50, 500, 5_000]
    /// Runs per size; `nil` means 5 for sizes below 5,000 fiches and 3 from 5,000 on.
    var runs: Int?
    /// Runs of each whole-process command on the bundled rule base.
    var processRuns = 20
    /// Skip the whole-process measurements of the bundled rule base.
    var skipProcess = false
    /// Seed of the generator.
    var seed: UInt64 = 2026
    /// Time limit in seconds for the check measurement of one size (generation, loading and all runs).
    var checkTimeout: Double = 60
    /// Internal: measure only the check of this size and print the result (used by ``CheckBenchmark``).
    var measureCheck: Int?
    /// When set, the generated rule bases and scenarios are also written under this folder, for inspection.
    var writeDirectory: String?

    static let usage = """
        gebruik: akkoord-bench [--sizes 50,500,5000] [--runs N] [--process-runs N] [--skip-process] [--check-timeout S] [--seed N]
                             [--write MAP]

          --sizes          aantallen fiches van de synthetische regelbases (standaard 50,500,5000)
          --runs           metingen per grootte; de mediaan telt (standaard 5, vanaf 5000 fiches 3)
          --process-runs   keren dat 'akkoord report' en 'akkoord check' als los proces draaien (standaard 20)
          --skip-process   sla de procesmetingen op de meegeleverde regelbasis (rules/) over
          --check-timeout  maximale duur in seconden van de check-meting per grootte (standaard 60); de check draait
                           in een apart proces en wordt daarna afgebroken
          --seed           startwaarde van de generator (standaard 2026)
          --write          schrijf de gegenereerde regelbases en scenario's ook naar deze map (om te bekijken of
                           met 'akkoord check --rules MAP/synthetisch-50' te controleren)

        Draai vanuit de map van de repository: de procesmeting gebruikt rules/ en scenarios/huidige-lijn.yaml en de
        release-binary 'akkoord' naast akkoord-bench.
        """

    /// Why the arguments could not be used.
    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    init() {}

    /// Parses the arguments (without the program name). `--help` throws a usage error with an empty message.
    init(arguments: [String]) throws(UsageError) {
        var remaining = arguments[...]
        func value(_ name: String) throws(UsageError) -> String {
            guard let next = remaining.popFirst() else { throw UsageError(description: "\(name) heeft een waarde nodig") }
            return next
        }
        func positive(_ name: String) throws(UsageError) -> Int {
            let text = try value(name)
            guard let number = Int(text), number > 0 else {
                throw UsageError(description: "\(name): '\(text)' is geen positief geheel getal")
            }
            return number
        }
        while let argument = remaining.popFirst() {
            switch argument {
            case "--sizes":
                let text = try value(argument)
                let parts = text.split(separator: ",").map { Int($0.replacingOccurrences(of: "_", with: "")) }
                guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) > 0 }) else {
                    throw UsageError(description: "--sizes: '\(text)' is geen lijst van positieve getallen")
                }
                let sizes = Array(Set(parts.compactMap { $0 })).sorted()
                if let tooLarge = sizes.first(where: { $0 > FicheCodeScheme.capacity }) {
                    throw UsageError(
                        description: "--sizes: \(tooLarge) fiches passen niet in het codeschema (maximaal \(FicheCodeScheme.capacity))")
                }
                self.sizes = sizes
            case "--runs": runs = try positive(argument)
            case "--process-runs": processRuns = try positive(argument)
            case "--skip-process": skipProcess = true
            case "--seed":
                let text = try value(argument)
                guard let seed = UInt64(text) else { throw UsageError(description: "--seed: '\(text)' is geen getal") }
                self.seed = seed
            case "--write": writeDirectory = try value(argument)
            case "--check-timeout": checkTimeout = Double(try positive(argument))
            case "--measure-check": measureCheck = try positive(argument)
            case "--help", "-h": throw UsageError(description: "")
            default: throw UsageError(description: "onbekende optie '\(argument)'")
            }
        }
    }

    /// Runs for a rule base of `fiches` fiches.
    func runs(for fiches: Int) -> Int { runs ?? (fiches >= 5_000 ? 3 : 5) }
}
