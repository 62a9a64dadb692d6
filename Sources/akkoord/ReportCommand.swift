import AkkoordCore
import ArgumentParser
import Foundation

/// Output formats of a single-scenario report.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown
    case json
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Evalueer een scenario en maak het consequentierapport.",
        aliases: ["rapport"]
    )

    @Argument(help: "Het scenariobestand (YAML).")
    var scenario: String

    @OptionGroup var ruleBase: RuleBaseOptions

    @ArgumentParser.Option(name: .long, help: "Uitvoerformaat: markdown of json.")
    var format: ReportFormat = .markdown

    @ArgumentParser.Option(name: .shortAndLong, help: "Schrijf naar dit bestand (atomair) in plaats van naar standaarduitvoer.")
    var output: String?

    func run() throws {
        let loaded = try loadRuleBase(ruleBase.rules)
        let scenario: Loaded<Scenario>
        do {
            scenario = try ScenarioLoader().load(path: self.scenario, ruleBase: loaded.value)
        } catch {
            printDiagnostics(error.diagnostics)
            throw ExitStatus.unusableInput
        }
        printDiagnostics(scenario.warnings)
        let evaluation = Evaluator().evaluate(scenario.value, in: loaded.value)
        let report = ReportBuilder().build(evaluation)
        let text = switch format {
        case .markdown: MarkdownRenderer().render(report)
        case .json: JSONRenderer().render(report)
        }
        try emit(text, output: output)
        if evaluation.count(.fout) > 0 { throw ExitStatus.findings }
    }
}
