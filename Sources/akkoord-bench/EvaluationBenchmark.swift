import AkkoordCore
import Foundation

/// Evaluations per second on one core, on the bundled rule base (`rules/`, already loaded): the reference
/// ``Evaluator`` and the ``CompiledRuleBase``, on the same seeded random scenarios (random choices and assumptions).
enum EvaluationBenchmark {
    struct Rates {
        /// Evaluations per second of wall-clock time.
        var reference: Double
        var compiled: Double
        /// Evaluations per second of this thread's CPU time (what one core does, whatever else the machine runs).
        var referenceCPU: Double
        var compiledCPU: Double
        var scenarios: Int
    }

    /// This thread's CPU time in seconds.
    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func run(rules: String, seed: UInt64, seconds: Double) throws -> Rates {
        let ruleBase = try RuleBaseLoader().load(directory: rules).value
        let compiled = try CompiledRuleBase(ruleBase)
        var random = SeededGenerator(seed: seed)
        let location = SourceLocation(file: "bench.yaml", line: 1, column: 1)
        let scenarios: [Scenario] = (0..<1_000).map { _ in
            var choices: [DecisionRef: Located<String>] = [:]
            for decision in compiled.decisions where random.chance(0.5) {
                choices[decision.ref] = Located(random.pick(decision.options), at: location)
            }
            var assumptions: [String: Located<Bool>] = [:]
            for id in compiled.assumptionIDs where random.chance(0.5) { assumptions[id] = Located(random.chance(0.5), at: location) }
            return Scenario(
                title: "bench", description: nil, referenceDate: ruleBase.info.coalitionStart, choices: choices,
                assumptions: assumptions, frame: nil, file: "bench.yaml")
        }
        let vectors = scenarios.map { compiled.vectors(for: $0) }

        var referenceCount = 0
        let referenceCPUStart = threadCPUSeconds()
        let (_, referenceSeconds) = try Stopwatch.measure { () throws -> Void in
            let start = ContinuousClock.now
            while ContinuousClock.now - start < .milliseconds(Int64(seconds * 1000)) {
                for scenario in scenarios.prefix(50) {
                    _ = try Evaluator().evaluate(scenario, in: ruleBase)
                    referenceCount += 1
                }
            }
        }
        let referenceCPU = threadCPUSeconds() - referenceCPUStart
        var outcome = compiled.makeOutcome()
        var compiledCount = 0, checksum: Int64 = 0
        let compiledCPUStart = threadCPUSeconds()
        let (_, compiledSeconds) = try Stopwatch.measure { () throws -> Void in
            let start = ContinuousClock.now
            while ContinuousClock.now - start < .milliseconds(Int64(seconds * 1000)) {
                for (choices, assumptions) in vectors {
                    try compiled.evaluate(choices: choices, assumptions: assumptions, into: &outcome)
                    checksum &+= outcome.totals[compiled.layout.runRateSlot] &+ Int64(outcome.errors.count)
                }
                compiledCount += vectors.count
            }
        }
        let compiledCPU = threadCPUSeconds() - compiledCPUStart
        if checksum == 42 { print("") }  // keeps the work observable
        return Rates(
            reference: Double(referenceCount) / referenceSeconds, compiled: Double(compiledCount) / compiledSeconds,
            referenceCPU: Double(referenceCount) / referenceCPU, compiledCPU: Double(compiledCount) / compiledCPU,
            scenarios: scenarios.count)
    }
}
