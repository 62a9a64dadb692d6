import AkkoordCore
import ArgumentParser
import Foundation

/// Loads and evaluates scenarios, or exits with code 2 after printing every diagnostic.
func evaluateScenarios(_ paths: [String], in ruleBase: RuleBase) throws(ExitCode) -> [Evaluation] {
    var evaluations: [Evaluation] = []
    var diagnostics: [Diagnostic] = []
    var unusable = false
    for path in paths {
        do {
            let loaded = try ScenarioLoader().load(path: path, ruleBase: ruleBase)
            diagnostics += loaded.warnings
            evaluations.append(Evaluator().evaluate(loaded.value, in: ruleBase))
        } catch {
            diagnostics += error.diagnostics
            unusable = true
        }
    }
    printDiagnostics(diagnostics)
    if unusable { throw ExitStatus.unusableInput }
    return evaluations
}

/// CSV dialect option shared by commands.
extension CSVRenderer.Dialect: ExpressibleByArgument {}
