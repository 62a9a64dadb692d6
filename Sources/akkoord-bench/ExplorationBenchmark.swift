import AkkoordCore
import Foundation

/// `akkoord verken`'s solver: Enschede with the three thematic scenarios as positions (with and without a frame), and
/// synthetic rule bases with three seeded random positions. Optionally writes each model as JSON for the CP-SAT
/// comparison (`Benchmarks/cpsat/solve.py`).
enum ExplorationBenchmark {
    struct Case {
        var name: String
        var problem: ExplorationProblem
    }

    static func cases(sizes: [Int], seed: UInt64) throws -> [Case] {
        let ruleBase = try RuleBaseLoader().load(directory: "rules").value
        let compiled = try CompiledRuleBase(ruleBase)
        let positions = try ["bezuinigen", "economie-en-innovatie", "groen-en-sociaal"].map { name in
            Position(scenario: try ScenarioLoader().load(path: "scenarios/\(name).yaml", ruleBase: ruleBase).value)
        }
        var cases = [
            Case(
                name: "Enschede, 3 posities, geen kader",
                problem: ExplorationProblem(
                    compiled: compiled, positions: positions, assumptions: compiled.assumptionDefaults, frame: .init())),
            Case(
                name: "Enschede, 3 posities, kader 0 / 3 mln",
                problem: ExplorationProblem(
                    compiled: compiled, positions: positions, assumptions: compiled.assumptionDefaults,
                    frame: .init(maxStructural: .zero, maxPerYear: Money(euros: 3_000_000)))),
        ]
        for size in sizes {
            let base = SyntheticRuleBase(fiches: size, seed: seed)
            let loaded = try RuleBaseLoader().load(files: base.files, dossierPath: base.dossierPath).value
            let compiled = try CompiledRuleBase(loaded)
            var random = SeededGenerator(seed: seed &+ UInt64(size))
            let location = SourceLocation(file: "synthetisch", line: 1, column: 1)
            let positions = (0..<3).map { party in
                var wishes: [Position.Wish] = []
                for decision in compiled.decisions where random.chance(0.3) {
                    wishes.append(
                        Position.Wish(
                            option: OptionRef(decision: decision.ref, option: random.pick(decision.options)), weight: random.int(1...3),
                            isMust: false, location: location))
                }
                return Position(name: "partij \(party + 1)", file: "synthetisch", wishes: wishes, redLines: [])
            }
            cases.append(
                Case(
                    name: "synthetisch, \(size) fiches, 3 posities",
                    problem: ExplorationProblem(
                        compiled: compiled, positions: positions, assumptions: compiled.assumptionDefaults, frame: .init())))
        }
        return cases
    }

    /// Runs every case with this time limit; writes `<n>.json` per case into `export` when given.
    static func run(sizes: [Int], seed: UInt64, timeLimit: Double, nodeLimit: Int?, export: String?) throws {
        print("| geval | beslissingen | status | laagste / som / structureel | knopen | tijd (s) |")
        print("| --- | ---: | --- | --- | ---: | ---: |")
        var runs: [(String, ExplorationProblem)] = []
        for entry in try cases(sizes: sizes, seed: seed) {
            // The optimum only (what CP-SAT computes), and for Enschede also what `verken` does by default.
            var optimumOnly = entry.problem
            optimumOnly.packages = 1
            optimumOnly.paretoFront = false
            runs.append((entry.name + ", alleen optimum", optimumOnly))
            if entry.name.hasPrefix("Enschede") { runs.append((entry.name + ", 3 pakketten + paretofront", entry.problem)) }
        }
        var exported = 0
        for (name, base) in runs {
            var problem = base
            problem.timeLimit = timeLimit
            problem.nodeLimit = nodeLimit
            let (result, seconds) = try Stopwatch.measure { () throws(ExplorationError) in try ExplorationSolver().solve(problem) }
            let status: String
            var optimum: ExplorationScore?
            switch result.status {
            case .optimal:
                status = "optimaal (bewezen)"
                optimum = result.packages.first?.score
            case .stopped(let bound):
                status = "gestopt (\(result.limit == .nodes ? "knooppunten" : "tijd")), grens \(bound.lowest)/\(bound.total)"
            case .infeasible: status = "onhaalbaar"
            case .unknown: status = "onbeslist (\(result.limit == .nodes ? "knooppunten" : "tijd"))"
            }
            let score = result.packages.first.map { "\($0.score.lowest) / \($0.score.total) / \($0.score.structural)" } ?? "-"
            print(
                "| \(name) | \(problem.compiled.decisions.count) | \(status) | \(score) (schaal \(result.scale)) | \(result.nodes) | \(String(format: "%.3f", seconds)) |"
            )
            if let export, !problem.paretoFront {
                exported += 1
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                encoder.keyEncodingStrategy = .convertToSnakeCase
                let data = try encoder.encode(try ExplorationModelExport(problem, optimum: optimum))
                try FileManager.default.createDirectory(atPath: export, withIntermediateDirectories: true)
                try data.write(to: URL(fileURLWithPath: export).appendingPathComponent("\(exported).json"))
            }
        }
    }
}
