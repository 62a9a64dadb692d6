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

    @ArgumentParser.Option(name: .long, help: "Uitvoerformaat: markdown, html, json of csv.")
    var format: ReportFormat = .markdown

    @ArgumentParser.Option(name: .long, help: "CSV-variant: excel-nl of rfc4180.")
    var csv: CSVRenderer.Dialect = .excelNL

    @ArgumentParser.Option(name: .long, help: "Markering op de HTML-pagina, bijv. concept of vertrouwelijk.")
    var markering: String?

    @ArgumentParser.Option(name: .shortAndLong, help: "Schrijf naar dit bestand (atomair).")
    var output: String?

    func validate() throws {
        guard scenarios.count >= 2 else { throw ValidationError("Geef minstens twee scenario's om te vergelijken.") }
    }

    func run() throws {
        let loaded = try loadRuleBase(ruleBase.rules)
        let evaluations = try evaluateScenarios(scenarios, in: loaded.value)
        let comparison = ScenarioComparison(reports: evaluations.map(ReportBuilder().build))
        let text = switch format {
        case .markdown: MarkdownComparisonRenderer().render(comparison)
        case .html: HTMLComparisonRenderer(marking: markering).render(comparison)
        case .json: JSONRenderer().render(encodable: comparison)
        case .csv: CSVRenderer(dialect: csv).render(comparison)
        }
        try emit(text, output: output)
    }
}
