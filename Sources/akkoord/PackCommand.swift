import AkkoordCore
import ArgumentParser
import Foundation

struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Maak het briefingpakket: omslag, rapporten, vergelijking, tijdlijn, fiches, CSV en JSON.",
        aliases: ["dossier"]
    )

    @Argument(help: "De scenariobestanden.")
    var scenarios: [String]

    @OptionGroup var ruleBase: RuleBaseOptions

    @ArgumentParser.Option(name: .shortAndLong, help: "Map voor het pakket (of het HTML-bestand met --single-file).")
    var output: String

    @Flag(name: .long, help: "Schrijf één zelfstandig HTML-bestand in plaats van een map.")
    var singleFile = false

    @ArgumentParser.Option(name: .long, help: "Markering op elke pagina, bijv. concept of vertrouwelijk.")
    var markering: String?

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("Geef minstens één scenario.") }
    }

    func run() throws {
        let loaded = try loadRuleBase(ruleBase)
        let evaluations = try evaluateScenarios(scenarios, in: loaded.value)
        let pack = try checkedMoney(scenarios) { () throws(MoneyOverflow) in
            try BriefingPack(ruleBase: loaded.value, reports: evaluations.map(ReportBuilder().build),
                             digest: InputDigest(ruleDirectory: ruleBase.rules, scenarioPaths: scenarios), marking: markering)
        }
        if singleFile {
            try emit(pack.singleFile(), output: output)
        } else {
            do {
                try AtomicFileWriter.writeDirectory(pack.files(), to: output)
            } catch {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitStatus.unusableInput
            }
        }
    }
}
