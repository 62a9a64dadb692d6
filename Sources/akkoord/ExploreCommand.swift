import AkkoordCommandLine
import AkkoordCore
import ArgumentParser
import Foundation

/// Output formats of `verken`.
enum ExploreFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown
    case html
    case json
}

/// A euro amount on the command line (`2000000`, `2.000.000`, `-500000`).
struct EuroArgument: ExpressibleByArgument {
    var money: Money
    init?(argument: String) {
        guard let money = MoneyParser.parseEuros(argument.replacingOccurrences(of: "_", with: "")),
            money.cents.magnitude <= MoneyLimits.maxAmount.cents.magnitude
        else { return nil }
        self.money = money
    }
}

struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Zoek het beste pakket over de posities van de partijen heen, binnen het financiële kader.",
        discussion: """
            Elk scenariobestand is de positie van een partij. Een pakket kiest voor elke beslissing een optie; het is
            haalbaar zonder fouten (vereist, sluit_uit, regels met niveau fout), met elke 'moet' en geen 'nooit' van
            elke partij, en binnen het kader (bovenkant van bandbreedtes). Het beste pakket heeft de hoogste laagste
            tevredenheid, dan de hoogste totale tevredenheid, dan het laagste structurele nadeel.
            Exitcodes: 0 = pakket gevonden, 1 = geen haalbaar pakket (met de minimale tegenstrijdige eisen), 2 = onbruikbare invoer.
            """,
        aliases: ["verken"]
    )

    @Argument(help: "De posities: scenariobestanden (YAML), één per partij.")
    var positions: [String]

    @OptionGroup var ruleBase: RuleBaseOptions

    @Option(
        name: .customLong("aannames-van"), help: ArgumentHelp("Neem de aannames en peildatum van dit scenario over.", valueName: "scenario")
    )
    var assumptionsFrom: String?

    @Option(
        name: .customLong("kader-van"),
        help: ArgumentHelp(
            "Neem het kader (max_structureel_nadeel, max_nadeel_per_jaar) over uit het 'kader:' van dit scenario; --max-... gaat voor.",
            valueName: "scenario"))
    var frameFrom: String?

    @Option(
        name: .customLong("max-structureel"), parsing: .unconditional,
        help: ArgumentHelp(
            "Hoogstens dit structurele nadeel na de periode (euro; negatief: zoveel structurele ruimte moet overblijven, bijv. -1000000).",
            valueName: "euro"))
    var maxStructural: EuroArgument?

    @Option(
        name: .customLong("max-nadeel-per-jaar"), parsing: .unconditional,
        help: ArgumentHelp("Hoogstens dit nadeel in elk jaar (euro; negatief mag).", valueName: "euro"))
    var maxPerYear: EuroArgument?

    @Option(
        name: .customLong("max-onbekend"),
        help: ArgumentHelp("Hoogstens zoveel effecten met een onbekend nadeel (een onbekend voordeel telt niet).", valueName: "n"))
    var maxUnknown: Int?

    @Option(
        name: .customLong("alternatieven"), help: "Aantal pakketten (het beste en de volgende, verschillend in wat de posities noemen).")
    var alternatives = 3

    @Option(
        name: .customLong("tijdslimiet"),
        help: ArgumentHelp("Stop na zoveel seconden met het beste gevonden pakket en een bewezen grens.", valueName: "s"))
    var timeLimit: Double = 30

    @Option(
        name: .customLong("knooppuntlimiet"),
        help: ArgumentHelp(
            "Stop na zoveel zoekknopen (op elke machine gelijk) met het beste gevonden pakket en een bewezen grens.",
            valueName: "n"))
    var nodeLimit: Int?

    @Option(
        name: .customLong("pakket"), help: ArgumentHelp("Schrijf het beste pakket als scenario naar dit bestand.", valueName: "bestand"))
    var packageFile: String?

    @Option(name: .long, help: "Uitvoerformaat: markdown, html of json.")
    var format: ExploreFormat = .markdown

    @Option(name: .long, help: "Markering op de HTML-pagina, bijv. concept of vertrouwelijk.")
    var markering: String?

    @Option(name: .shortAndLong, help: "Schrijf naar dit bestand (atomair; nooit over een invoerbestand; - is standaarduitvoer).")
    var output: String?

    func validate() throws {
        guard !positions.isEmpty else { throw ValidationError("geef ten minste één positie (scenariobestand)") }
        guard alternatives >= 1 else { throw ValidationError("--alternatieven moet ten minste 1 zijn") }
        guard timeLimit > 0 else { throw ValidationError("--tijdslimiet moet positief zijn") }
        if let nodeLimit, nodeLimit < 1 { throw ValidationError("--knooppuntlimiet moet ten minste 1 zijn") }
        if let maxUnknown, maxUnknown < 0 { throw ValidationError("--max-onbekend mag niet negatief zijn") }
    }

    func run() throws {
        let scenarios = positions + (assumptionsFrom.map { [$0] } ?? []) + (frameFrom.map { [$0] } ?? [])
        let selection = try ruleBase.selection(for: scenarios)
        let loaded = try loadRuleBase(selection)
        let rules = loaded.value
        var diagnostics: [Diagnostic] = []
        var loadedScenarios: [Scenario] = []
        for path in scenarios {
            do {
                let scenario = try ScenarioLoader().load(path: path, ruleBase: rules)
                diagnostics += scenario.warnings
                loadedScenarios.append(scenario.value)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        printDiagnostics(diagnostics)
        guard loadedScenarios.count == scenarios.count else { throw ExitStatus.unusableInput }
        let compiled = try checkedMoney(scenarios) { () throws(MoneyOverflow) in try CompiledRuleBase(rules) }
        let base = assumptionsFrom != nil ? loadedScenarios[positions.count] : nil
        let fileFrame = frameFrom != nil ? loadedScenarios.last?.frame : nil
        func source(_ option: String, _ given: Bool, _ location: SourceLocation?) -> String {
            given ? "opdrachtregel (\(option))" : location?.description ?? "opdrachtregel (\(option))"
        }
        let assumptions = base.map { compiled.vectors(for: $0).assumptions } ?? compiled.assumptionDefaults
        let problem = ExplorationProblem(
            compiled: compiled, positions: loadedScenarios.prefix(positions.count).map(Position.init(scenario:)),
            assumptions: assumptions,
            frame: ExplorationProblem.Frame(
                maxStructural: maxStructural?.money ?? fileFrame?.maxStructuralBurden,
                maxPerYear: maxPerYear?.money ?? fileFrame?.maxBurdenPerYear, maxUnknown: maxUnknown),
            packages: alternatives, timeLimit: timeLimit, nodeLimit: nodeLimit)
        let result: ExplorationResult
        do {
            result = try ExplorationSolver().solve(problem)
        } catch {
            printDiagnostics([Self.diagnostic(error)])
            throw ExitStatus.unusableInput
        }
        let report = ExplorationReportBuilder().build(
            result, problem: problem, ruleBase: rules,
            frameSources: .init(
                structural: source("--max-structureel", maxStructural != nil, fileFrame?.maxStructuralBurdenLocation),
                perYear: source("--max-nadeel-per-jaar", maxPerYear != nil, fileFrame?.maxBurdenPerYearLocation),
                unknown: "opdrachtregel (--max-onbekend)"))
        let command = (["akkoord", "verken"] + CommandLine.arguments.dropFirst(2)).joined(separator: " ")
        let yaml = result.packages.first.map {
            PackageScenarioWriter().write(
                $0, report: report, problem: problem, referenceDate: base?.referenceDate ?? rules.info.coalitionStart,
                command: command)
        }
        let text =
            switch format {
            case .markdown: ExplorationMarkdownRenderer().render(report, packageYAML: yaml)
            case .html: ExplorationHTMLRenderer(marking: markering).render(report, packageYAML: yaml)
            case .json: JSONRenderer().render(encodable: report)
            }
        let inputs = selection.inputs(scenarios: scenarios)
        if let packageFile, let yaml { try emit(yaml, output: packageFile, inputs: inputs) }
        try emit(text, output: output, inputs: inputs)
        if result.packages.isEmpty {
            if case .infeasible(let conflict) = result.status {
                let lines = report.conflict.map { "\($0.locatie): \($0.soort): \($0.tekst)" }
                FileHandle.standardError.write(
                    Data(
                        ("geen haalbaar pakket; deze \(conflict.count) eisen gaan samen niet:\n" + lines.joined(separator: "\n") + "\n")
                            .utf8))
            } else {
                let limit = result.limit == .nodes ? "de knooppuntlimiet" : "de tijdslimiet"
                FileHandle.standardError.write(Data("geen pakket gevonden binnen \(limit)\n".utf8))
            }
            throw ExitStatus.findings
        }
    }

    static func diagnostic(_ error: ExplorationError) -> Diagnostic {
        switch error {
        case .unknownOption(let ref, let location):
            Diagnostic(.refUnknownOption, .error, location, "optie \(ref) bestaat niet of hoort bij een beslissing zonder huidige lijn")
        case .tooManyOptions(let ref):
            Diagnostic(
                .boundsOverflow, .error, SourceLocation(file: ref.description, line: 1, column: 1),
                "beslissing \(ref) heeft meer dan 64 opties")
        case .weightsTooLarge:
            Diagnostic(.boundsOverflow, .error, SourceLocation(file: "-", line: 1, column: 1), "de gewichten van de posities zijn te groot")
        }
    }
}
