import AkkoordCommandLine
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
            do throws(MoneyOverflow) {
                evaluations.append(try Evaluator().evaluate(loaded.value, in: ruleBase))
            } catch {
                diagnostics.append(moneyDiagnostic(error, path: path))
                unusable = true
            }
        } catch {
            diagnostics += error.diagnostics
            unusable = true
        }
    }
    printDiagnostics(diagnostics)
    if unusable { throw ExitStatus.unusableInput }
    return evaluations
}

/// The diagnostic for money that does not fit in cents; the loader's ceilings make it unreachable for loaded input.
func moneyDiagnostic(_ error: MoneyOverflow, path: String) -> Diagnostic {
    Diagnostic(.boundsOverflow, .error, SourceLocation(file: path, line: 1, column: 1), error.description)
}

/// Runs money arithmetic over several scenarios; an overflow is reported like unusable input (exit code 2).
func checkedMoney<T>(_ paths: [String], _ body: () throws(MoneyOverflow) -> T) throws(ExitCode) -> T {
    do {
        return try body()
    } catch {
        printDiagnostics([moneyDiagnostic(error, path: paths.last ?? "-")])
        throw ExitStatus.unusableInput
    }
}

/// CSV dialect option shared by commands.
extension CSVRenderer.Dialect: ExpressibleByArgument {}
