import AkkoordCommandLine
import AkkoordCore
import ArgumentParser
import Foundation

/// Output formats of a single-scenario report.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown
    case html
    case json
    case csv
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

    @OptionGroup var out: OutputOptions

    func run() throws {
        let ruleBase = try self.ruleBase.selection(for: [scenario])
        let loaded = try loadRuleBase(ruleBase)
        let evaluation = try evaluateScenarios([scenario], in: loaded.value)[0]
        let report = try checkedMoney([scenario]) { () throws(MoneyOverflow) in try ReportBuilder().build(evaluation) }
        let text =
            switch out.format {
            case .markdown: MarkdownRenderer().render(report)
            case .html: HTMLReportRenderer(marking: out.markering).render(report)
            case .json: JSONRenderer().render(report)
            case .csv: CSVRenderer(dialect: out.csv).render(report)
            }
        try emit(text, output: out.output, inputs: ruleBase.inputs(scenarios: [scenario]))
        if evaluation.count(.fout) > 0 { throw ExitStatus.findings }
    }
}
