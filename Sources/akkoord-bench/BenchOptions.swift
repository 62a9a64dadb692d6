import ArgumentParser
import Foundation

/// Command-line options of `akkoord-bench`.
struct BenchOptions: ParsableArguments {
    @Option(
        name: .long, help: "Aantallen fiches van de synthetische regelbases, met komma's (standaard 50,500,5000).",
        transform: BenchOptions.parseSizes)
    var sizes: [Int] = [50, 500, 5_000]

    @Option(name: .long, help: "Metingen per grootte; de mediaan telt (standaard 5, vanaf 5000 fiches 3).")
    var runs: Int?

    @Option(name: .long, help: "Keren dat 'akkoord report' en 'akkoord check' als los proces draaien.")
    var processRuns = 20

    @Flag(name: .long, help: "Sla de procesmetingen op de meegeleverde regelbasis (rules/) over.")
    var skipProcess = false

    @Option(name: .long, help: "Startwaarde van de generator.")
    var seed: UInt64 = 2026

    @Option(
        name: .long,
        help: "Maximale duur in seconden van de check-meting per grootte; de check draait in een apart proces en wordt daarna afgebroken."
    )
    var checkTimeout: Double = 60

    /// Internal: measure only the check of this size and print the result (used by ``CheckBenchmark``).
    @Option(name: .long, help: .hidden)
    var measureCheck: Int?

    @Flag(
        name: .long,
        help: "Meet alleen evaluaties per seconde op rules/ (referentie-evaluator en gecompileerde regelbasis, één kern).")
    var evaluatie = false

    @Flag(name: .long, help: "Meet alleen 'verken' (Enschede met drie posities en de synthetische groottes van --sizes).")
    var verken = false

    @Option(name: .customLong("verken-export"), help: "Schrijf elk verken-model als JSON naar deze map (voor Benchmarks/cpsat/solve.py).")
    var verkenExport: String?

    @Option(name: .customLong("verken-tijdslimiet"), help: "Tijdslimiet per verken-geval in seconden (standaard 30).")
    var verkenTimeLimit: Double = 30

    @Option(name: .customLong("verken-knooppuntlimiet"), help: "Knooppuntlimiet per verken-geval (standaard geen).")
    var verkenNodeLimit: Int?

    @Option(
        name: .customLong("write"),
        help: "Schrijf de gegenereerde regelbases en scenario's ook naar deze map (om te bekijken of te controleren).")
    var writeDirectory: String?

    func validate() throws {
        for (name, value) in [("--runs", runs), ("--process-runs", processRuns), ("--measure-check", measureCheck)] {
            if let value, value <= 0 { throw ValidationError("\(name): '\(value)' is geen positief geheel getal") }
        }
        guard checkTimeout > 0 else { throw ValidationError("--check-timeout moet positief zijn") }
    }

    /// `50,500,5000` (underscores allowed) as sorted, distinct, positive sizes that fit the fiche code scheme.
    static func parseSizes(_ text: String) throws -> [Int] {
        let parts = text.split(separator: ",").map { Int($0.replacingOccurrences(of: "_", with: "")) }
        guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) > 0 }) else {
            throw ValidationError("--sizes: '\(text)' is geen lijst van positieve getallen")
        }
        let sizes = Array(Set(parts.compactMap { $0 })).sorted()
        if let tooLarge = sizes.first(where: { $0 > FicheCodeScheme.capacity }) {
            throw ValidationError("--sizes: \(tooLarge) fiches passen niet in het codeschema (maximaal \(FicheCodeScheme.capacity))")
        }
        return sizes
    }

    /// Runs for a rule base of `fiches` fiches.
    func runs(for fiches: Int) -> Int { runs ?? (fiches >= 5_000 ? 3 : 5) }
}
