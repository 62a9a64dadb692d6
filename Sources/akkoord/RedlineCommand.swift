import AkkoordCommandLine
import AkkoordCore
import ArgumentParser
import Foundation

/// Output formats of a redline.
enum RedlineFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown
    case html
    case json
}

struct RedlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redline",
        abstract: "Wat er bewoog tussen twee onderhandelingsrondes: keuzes, status, geld en conflicten.",
        aliases: ["rondeverschil"]
    )

    @Argument(help: "Het scenario van de vorige ronde (YAML).")
    var vorige: String

    @Argument(help: "Het scenario van deze ronde (YAML).")
    var huidige: String

    @OptionGroup var ruleBase: RuleBaseOptions

    @Option(name: .long, help: "Uitvoerformaat: markdown, html of json.")
    var format: RedlineFormat = .markdown

    @Option(name: .long, help: "Markering op de HTML-pagina, bijv. concept of vertrouwelijk.")
    var markering: String?

    @Option(name: .shortAndLong, help: "Schrijf naar dit bestand (atomair; nooit over een invoerbestand; - is standaarduitvoer).")
    var output: String?

    func run() throws {
        let paths = [vorige, huidige]
        let selection = try ruleBase.selection(for: paths)
        let loaded = try loadRuleBase(selection)
        let evaluations = try evaluateScenarios(paths, in: loaded.value)
        let redline = try checkedMoney(paths) { () throws(MoneyOverflow) in
            let reports = try evaluations.map { evaluation throws(MoneyOverflow) in try ReportBuilder().build(evaluation) }
            return try RoundRedline(
                previous: (evaluations[0].scenario, reports[0]), current: (evaluations[1].scenario, reports[1]), ruleBase: loaded.value)
        }
        let text =
            switch format {
            case .markdown: RedlineRenderer().markdown(redline)
            case .html: RedlineRenderer(marking: markering).html(redline)
            case .json: JSONRenderer().render(encodable: redline)
            }
        try emit(text, output: output, inputs: selection.inputs(scenarios: paths))
    }
}
