import AkkoordCommandLine
import AkkoordCore
import ArgumentParser
import Foundation

extension CheckReportRenderer.Format: ExpressibleByArgument {}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Controleer de regelbasis en (optioneel) scenario's: verwijzingen, tegenstrijdigheden, twijfels.",
        discussion: "Exitcodes: 0 geen fouten (waarschuwingen mogen), 1 fouten gevonden, 2 onbruikbare invoer.",
        aliases: ["controleer"]
    )

    @Argument(help: "Scenariobestanden (of mappen met scenario's) om mee te controleren.")
    var scenarios: [String] = []

    @OptionGroup var ruleBase: RuleBaseOptions

    @Option(name: .long, help: "Uitvoer: text (compilerstijl), json of junit.")
    var format: CheckReportRenderer.Format = .text

    @Option(
        name: .shortAndLong, help: "Schrijf het resultaat naar dit bestand (atomair; ook bij exitcode 2, zodat CI de bevindingen ziet).")
    var output: String?

    @OptionGroup var watch: WatchOptions

    func run() throws {
        try watch.run(directories: [ruleBase.watchedFolder(for: scenarios)] + scenarios.map { ($0 as NSString).deletingLastPathComponent })
        { () throws(ExitCode) in
            try once()
        }
    }

    func once() throws(ExitCode) {
        let scenarios = try scenarioFiles(self.scenarios)
        let ruleBase: RuleBaseSelection
        do {
            ruleBase = try self.ruleBase.resolve(for: scenarios)
        } catch {
            try finish(
                CheckReportRenderer.Result(files: scenarios, diagnostics: error.diagnostics), unusable: true,
                inputs: self.ruleBase.fallback.inputs(scenarios: scenarios))
            return
        }
        let inputs = ruleBase.inputs(scenarios: scenarios)
        let files = ((try? RuleBaseLayout(directory: ruleBase.rules))?.allFiles ?? []) + scenarios
        let loaded: Loaded<RuleBase>
        do {
            loaded = try RuleBaseLoader().load(directory: ruleBase.rules)
        } catch {
            try finish(
                CheckReportRenderer.Result(
                    files: files, diagnostics: ruleBase.explained(error.diagnostics) + scenariosAgainstBrokenRuleBase(scenarios, ruleBase)),
                unusable: true, inputs: inputs)
            return
        }
        let quotes = ruleBase.verifyQuotes(loaded.value)
        var diagnostics = loaded.warnings + RuleBaseAudit(ruleBase: loaded.value).findings() + quotes.diagnostics
        var unusable = false
        for path in scenarios {
            do {
                let scenario = try ScenarioLoader().load(path: path, ruleBase: loaded.value)
                diagnostics += scenario.warnings
                let evaluation: Evaluation
                do throws(MoneyOverflow) {
                    evaluation = try Evaluator().evaluate(scenario.value, in: loaded.value)
                } catch {
                    diagnostics.append(moneyDiagnostic(error, path: path))
                    unusable = true
                    continue
                }
                diagnostics += evaluation.diagnostics
            } catch {
                diagnostics += error.diagnostics
                unusable = true
            }
        }
        let result = CheckReportRenderer.Result(files: files, diagnostics: diagnostics)
        let summary =
            "\(loaded.value.fiches.count) fiches, \(loaded.value.allDecisions.count) beslissingen, \(loaded.value.rules.count) regels, \(scenarios.count == 1 ? "1 scenario" : "\(scenarios.count) scenario's"), \(quotes.verified) van \(loaded.value.citations.count) citaten geverifieerd: \(result.errors) fout(en), \(result.warnings) waarschuwing(en)\n"
        try finish(result, unusable: unusable, summary: summary, inputs: inputs)
    }

    /// The scenarios' own errors when the rule base has errors (docs/checks.md, "Scenario's bij een regelbasis met
    /// fouten"): each scenario is read against what could be read of the rule base; references into it are left out
    /// (they may follow from the rule base's errors) and nothing is evaluated. One warning per scenario says so.
    private func scenariosAgainstBrokenRuleBase(_ scenarios: [String], _ ruleBase: RuleBaseSelection) -> [Diagnostic] {
        guard !scenarios.isEmpty else { return [] }
        let partial = RuleBaseLoader().loadPartially(directory: ruleBase.rules).ruleBase
        var diagnostics: [Diagnostic] = []
        for path in scenarios {
            let start = SourceLocation(file: path, line: 1, column: 1)
            guard let partial else {
                diagnostics.append(
                    Diagnostic(
                        .scenarioNotChecked, .warning, start,
                        "scenario niet gecontroleerd: de regelbasis is niet te lezen (zie de fouten hierboven); los die op en draai check opnieuw"
                    ))
                continue
            }
            do {
                diagnostics += try ScenarioLoader().load(path: path, ruleBase: partial).warnings
            } catch {
                diagnostics += error.diagnostics.filter { !$0.id.rawValue.hasPrefix("ref.") }
            }
            diagnostics.append(
                Diagnostic(
                    .scenarioNotChecked, .warning, start,
                    "verwijzingen naar de regelbasis en de berekening van dit scenario niet gecontroleerd: de regelbasis heeft fouten; los die op en draai check opnieuw"
                ))
        }
        return diagnostics
    }

    private func finish(
        _ result: CheckReportRenderer.Result, unusable: Bool, summary: String? = nil, inputs: InputFiles
    ) throws(ExitCode) {
        let text = CheckReportRenderer(format: format).render(result)
        if format == .text, output == nil {
            FileHandle.standardError.write(Data(text.utf8))
        } else {
            try emit(text, output: output, inputs: inputs)
        }
        if let summary { FileHandle.standardError.write(Data(summary.utf8)) }
        if unusable { throw ExitStatus.unusableInput }
        if result.errors > 0 { throw ExitStatus.findings }
    }
}
