import AkkoordCommandLine
import AkkoordCore
import ArgumentParser

/// Output formats of `risico`.
enum RiskFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown
    case html
    case json
}

struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risico",
        abstract: "Wat de aannames en bandbreedtes met een scenario doen: kansen, een risicoreserve en een tornado.",
        discussion: """
            Aannames met een kans (kans: in dossier.yaml) worden getrokken, bandbreedtes uniform tussen onder- en
            bovengrens; onbekende bedragen worden nooit als € 0 getrokken maar apart geteld. Bij hoogstens 20 getrokken
            aannames worden alle combinaties exact opgesomd. Hetzelfde zaad geeft byte voor byte dezelfde uitvoer, op elk
            aantal kernen. Exitcodes: 0 = gelukt, 2 = onbruikbare invoer.
            """,
        aliases: ["risk"]
    )

    @Argument(help: "Het scenariobestand (YAML).")
    var scenario: String

    @OptionGroup var ruleBase: RuleBaseOptions

    @Option(name: .customLong("trekkingen"), help: ArgumentHelp("Aantal trekkingen.", valueName: "n"))
    var draws = 10_000

    @Option(name: .customLong("zaad"), help: ArgumentHelp("Zaad van de toevalsgenerator.", valueName: "s"))
    var seed: UInt64 = 1

    @Option(
        name: .customLong("max-opsomming"),
        help: ArgumentHelp("Som alle combinaties exact op bij hoogstens zoveel getrokken aannames (0: altijd trekken).", valueName: "n"))
    var enumerationLimit = 20

    @Option(name: .long, help: "Uitvoerformaat: markdown, html of json.")
    var format: RiskFormat = .markdown

    @Option(name: .long, help: "Markering op de HTML-pagina, bijv. concept of vertrouwelijk.")
    var markering: String?

    @Option(name: .shortAndLong, help: "Schrijf naar dit bestand (atomair; nooit over een invoerbestand; - is standaarduitvoer).")
    var output: String?

    func validate() throws {
        guard (1...1_000_000).contains(draws) else { throw ValidationError("--trekkingen moet tussen 1 en 1.000.000 liggen") }
        guard (0...20).contains(enumerationLimit) else { throw ValidationError("--max-opsomming moet tussen 0 en 20 liggen") }
    }

    func run() throws {
        let selection = try ruleBase.selection(for: [scenario])
        let rules = try loadRuleBase(selection).value
        let loaded: Scenario
        do {
            let result = try ScenarioLoader().load(path: scenario, ruleBase: rules)
            printDiagnostics(result.warnings)
            loaded = result.value
        } catch {
            printDiagnostics(error.diagnostics)
            throw ExitStatus.unusableInput
        }
        let report = try checkedMoney([scenario]) { () throws(MoneyOverflow) in
            let model = try UncertaintyModel(rules, compiled: try CompiledRuleBase(rules))
            let problem = UncertaintyProblem(model: model, scenario: loaded, draws: draws, seed: seed, enumerationLimit: enumerationLimit)
            return RiskReportBuilder().build(try UncertaintySimulator().run(problem), problem: problem, scenario: loaded)
        }
        let text =
            switch format {
            case .markdown: RiskMarkdownRenderer().render(report)
            case .html: RiskHTMLRenderer(marking: markering).render(report)
            case .json: JSONRenderer().render(encodable: report)
            }
        try emit(text, output: output, inputs: selection.inputs(scenarios: [scenario]))
    }
}
