import AkkoordCore
import ArgumentParser
import Foundation

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Vergelijk scenario's naast elkaar; verschillen ten opzichte van het eerste.",
        aliases: ["vergelijk"]
    )

    @Argument(help: "Twee of meer scenariobestanden; het eerste is de referentie.")
    var scenarios: [String]

    @OptionGroup var ruleBase: RuleBaseOptions

    @OptionGroup var out: OutputOptions

    func validate() throws {
        guard scenarios.count >= 2 else { throw ValidationError("Geef minstens twee scenario's om te vergelijken.") }
    }

    func run() throws {
        let ruleBase = try self.ruleBase.selection(for: scenarios)
        let loaded = try loadRuleBase(ruleBase)
        let evaluations = try evaluateScenarios(scenarios, in: loaded.value)
        let comparison = try checkedMoney(scenarios) { () throws(MoneyOverflow) in
            try ScenarioComparison(evaluations: evaluations)
        }
        let text =
            switch out.format {
            case .markdown: MarkdownComparisonRenderer().render(comparison)
            case .html: HTMLComparisonRenderer(marking: out.markering).render(comparison)
            case .json: JSONRenderer().render(encodable: comparison)
            case .csv: CSVRenderer(dialect: out.csv).render(comparison)
            }
        try emit(text, output: out.output, inputs: ruleBase.inputs(scenarios: scenarios))
    }
}
