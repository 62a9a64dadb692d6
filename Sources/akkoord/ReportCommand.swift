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

    @ArgumentParser.Option(name: .long, help: "Uitvoerformaat: markdown, html, json of csv.")
    var format: ReportFormat = .markdown

    @ArgumentParser.Option(name: .long, help: "CSV-variant: excel-nl (puntkomma, decimale komma, BOM) of rfc4180.")
    var csv: CSVRenderer.Dialect = .excelNL

    @ArgumentParser.Option(name: .long, help: "Markering op elke HTML-pagina, bijv. concept of vertrouwelijk.")
    var markering: String?

    @ArgumentParser.Option(name: .shortAndLong, help: "Schrijf naar dit bestand (atomair) in plaats van naar standaarduitvoer.")
    var output: String?

    func run() throws {
        let loaded = try loadRuleBase(ruleBase.rules)
        let evaluation = try evaluateScenarios([scenario], in: loaded.value)[0]
        let report = ReportBuilder().build(evaluation)
        let text = switch format {
        case .markdown: MarkdownRenderer().render(report)
        case .html: HTMLReportRenderer(marking: markering).render(report)
        case .json: JSONRenderer().render(report)
        case .csv: CSVRenderer(dialect: csv).render(report)
        }
        try emit(text, output: output)
        if evaluation.count(.fout) > 0 { throw ExitStatus.findings }
    }
}
