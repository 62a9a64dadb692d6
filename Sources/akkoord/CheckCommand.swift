import AkkoordCore
import ArgumentParser
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Controleer de regelbasis en (optioneel) scenario's op fouten en twijfels.",
        aliases: ["controleer"]
    )

    @Argument(help: "Scenariobestanden om mee te controleren.")
    var scenarios: [String] = []

    @OptionGroup var ruleBase: RuleBaseOptions

    func run() throws {
        let loaded = try loadRuleBase(ruleBase.rules)
        var diagnostics = loaded.warnings + RuleBaseAudit(ruleBase: loaded.value).findings()
        var unusable = false
        var findings = false
        for path in scenarios {
            do {
                let scenario = try ScenarioLoader().load(path: path, ruleBase: loaded.value)
                diagnostics += scenario.warnings
                let evaluation = Evaluator().evaluate(scenario.value, in: loaded.value)
                for message in evaluation.messages where message.level == .fout {
                    findings = true
                    let location = message.location ?? SourceLocation(file: path, line: 1, column: 1)
                    diagnostics.append(Diagnostic(.error, location, "scenario \(path): \(message.text)"))
                }
            } catch {
                diagnostics += error.diagnostics
                unusable = true
            }
        }
        printDiagnostics(diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let summary = "\(loaded.value.fiches.count) fiches, \(loaded.value.allDecisions.count) beslissingen, \(loaded.value.rules.count) regels, \(scenarios.count) scenario's: \(errors) fout(en), \(warnings) waarschuwing(en)\n"
        FileHandle.standardError.write(Data(summary.utf8))
        if unusable { throw ExitStatus.unusableInput }
        if findings { throw ExitStatus.findings }
    }
}
