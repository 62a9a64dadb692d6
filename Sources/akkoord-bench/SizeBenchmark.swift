import AkkoordCore
import Foundation
import Yams

/// Measures one synthetic rule base in this process: load, evaluate, render and plain YAML parsing. The check is
/// measured in a child process (see ``CheckBenchmark``), because it can run for a very long time.
struct SizeBenchmark {
    /// The medians of one size.
    struct Result {
        /// Size of the rule base.
        var fiches: Int
        var decisions: Int
        var options: Int
        var rules: Int
        /// Bytes of YAML in the rule base.
        var bytes: Int
        /// How many times each step ran (the medians are over these runs).
        var runs: Int
        /// `RuleBaseLoader.load(files:dossierPath:)`.
        var load: Double
        /// `ScenarioLoader.load(data:path:ruleBase:)` + `Evaluator.evaluate`.
        var evaluate: Double
        /// `ReportBuilder.build` + Markdown + JSON.
        var render: Double
        /// `HTMLReportRenderer.render` (not part of the targets).
        var html: Double
        /// `RuleBaseAudit.findings()`, measured by ``CheckBenchmark``.
        var check: CheckBenchmark.Result?
        /// `Yams.compose` of every file, including the scenario, with Yams' default resolver (the reference).
        var compose: Double
        /// The same with `Resolver.basic`, as the loader parses: the floor Yams sets for loading.
        var composeBasic: Double
        /// Only pulling libyaml's events out of every file, on one thread: the floor for any libyaml-based loader.
        var events: Double
        /// Process peak resident memory after this size, in MiB.
        var peakMegabytes: Double
        /// What was generated and what the scenario and the check found (a sanity check on the generator).
        var summary: String

        /// Load + evaluate + render: what `akkoord report` does after reading the files.
        var pipeline: Double { load + evaluate + render }
        /// Pipeline time per fiche.
        var perFiche: Double { pipeline / Double(fiches) }
        /// Pipeline time relative to parsing alone.
        var ratio: Double { compose > 0 ? pipeline / compose : 0 }
    }

    /// Why a generated rule base could not be measured.
    struct Unusable: Error {
        var fiches: Int
        /// "de regelbasis" or "het scenario".
        var what: String
        /// Everything the loader reported.
        var diagnostics: [Diagnostic]
    }

    /// The generated rule base to measure.
    let base: SyntheticRuleBase
    /// Runs per step.
    let runs: Int

    /// Runs the measurements; throws ``Unusable`` when the generated files do not load cleanly.
    func run() throws(Unusable) -> Result {
        var load: [Double] = [], evaluate: [Double] = [], render: [Double] = [], html: [Double] = []
        var compose: [Double] = [], composeBasic: [Double] = [], events: [Double] = []
        var ruleBase: RuleBase?
        var summary = ""
        var sink = 0
        for run in 0..<runs {
            let loaded: Loaded<RuleBase>
            do {
                let timed = try Stopwatch.measure { () throws(LoadError) in
                    try RuleBaseLoader().load(files: base.files, dossierPath: base.dossierPath)
                }
                loaded = timed.value
                load.append(timed.seconds)
            } catch {
                throw Unusable(fiches: base.ficheCount, what: "de regelbasis", diagnostics: error.diagnostics)
            }
            let evaluation: Evaluation
            do {
                let timed = try Stopwatch.measure { () throws(LoadError) in
                    let scenario = try ScenarioLoader().load(data: base.scenario, path: base.scenarioPath, ruleBase: loaded.value)
                    do throws(MoneyOverflow) {
                        return try Evaluator().evaluate(scenario.value, in: loaded.value)
                    } catch {
                        throw LoadError(diagnostics: [
                            Diagnostic(
                                .boundsOverflow, .error, SourceLocation(file: base.scenarioPath, line: 1, column: 1),
                                error.description)
                        ])
                    }
                }
                evaluation = timed.value
                evaluate.append(timed.seconds)
            } catch {
                throw Unusable(fiches: base.ficheCount, what: "het scenario", diagnostics: error.diagnostics)
            }
            let report: ConsequenceReport, reportSeconds: Double
            do {
                (report, reportSeconds) = try Stopwatch.measure { () throws(MoneyOverflow) in
                    let report = try ReportBuilder().build(evaluation)
                    sink &+= MarkdownRenderer().render(report).utf8.count &+ JSONRenderer().render(report).utf8.count
                    return report
                }
            } catch {
                throw Unusable(
                    fiches: base.ficheCount, what: "het rapport",
                    diagnostics: [
                        Diagnostic(.boundsOverflow, .error, SourceLocation(file: base.scenarioPath, line: 1, column: 1), error.description)
                    ])
            }
            render.append(reportSeconds)
            html.append(Stopwatch.measure { sink &+= HTMLReportRenderer().render(report).utf8.count }.seconds)
            if run == 0 { summary = Self.describe(base, loaded, evaluation) }
            compose.append(Stopwatch.measure { sink &+= composeAll(.default) }.seconds)
            composeBasic.append(Stopwatch.measure { sink &+= composeAll(.basic) }.seconds)
            events.append(Stopwatch.measure { sink &+= LibyamlEvents.count(Array(base.files.values) + [base.scenario]) }.seconds)
            ruleBase = loaded.value
        }
        precondition(sink != 0, "the measured work produced no output")
        let loadedBase = ruleBase!
        return Result(
            fiches: base.ficheCount, decisions: loadedBase.allDecisions.count,
            options: loadedBase.allDecisions.reduce(0) { $0 + $1.decision.options.count },
            rules: loadedBase.rules.count, bytes: base.ruleBaseBytes, runs: runs,
            load: Statistics.median(load), evaluate: Statistics.median(evaluate), render: Statistics.median(render),
            html: Statistics.median(html), check: nil, compose: Statistics.median(compose),
            composeBasic: Statistics.median(composeBasic), events: Statistics.median(events),
            peakMegabytes: PeakMemory.megabytes(), summary: summary)
    }

    /// Parses every file with `Yams.compose` (no interpretation); returns the number of top-level entries.
    private func composeAll(_ resolver: Resolver) -> Int {
        var count = 0
        for data in base.files.values + [base.scenario] {
            if case .mapping(let mapping)? = try? Yams.compose(yaml: String(decoding: data, as: UTF8.self), resolver) {
                count += mapping.count
            }
        }
        return count
    }

    /// A one-line description of what was measured: the rule base and the scenario's outcome.
    private static func describe(_ base: SyntheticRuleBase, _ loaded: Loaded<RuleBase>, _ evaluation: Evaluation) -> String {
        let decisions = loaded.value.allDecisions
        let options = decisions.flatMap(\.decision.options)
        let constrained = options.filter { !$0.requires.isEmpty || !$0.excludes.isEmpty }.count
        let effects = options.reduce(0) { $0 + $1.effects.count }
        let megabytes = String(format: "%.1f", Double(base.ruleBaseBytes) / 1_048_576)
        return "\(base.ficheCount) fiches: \(decisions.count) beslissingen, \(options.count) opties (\(effects) effecten, "
            + "\(constrained) met vereist/sluit_uit), \(loaded.value.rules.count) regels, \(loaded.value.assumptions.count) aannames, "
            + "\(megabytes) MiB YAML, \(loaded.warnings.count) laadwaarschuwingen; scenario: \(evaluation.deviations.count) afwijkingen, "
            + "\(evaluation.firedRules.count) regels afgegaan, \(evaluation.effects.count) effecten, meldingen "
            + "\(evaluation.count(.fout)) fout / \(evaluation.count(.waarschuwing)) waarschuwing / \(evaluation.count(.info)) info"
    }
}
