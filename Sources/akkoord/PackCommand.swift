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

    @Option(
        name: .shortAndLong, help: "Nieuwe map voor het pakket, of een map die pack eerder maakte (of het HTML-bestand met --single-file).")
    var output: String

    @Flag(name: .long, help: "Schrijf één zelfstandig HTML-bestand in plaats van een map.")
    var singleFile = false

    @Option(name: .long, help: "Markering op elke pagina, bijv. concept of vertrouwelijk.")
    var markering: String?

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("Geef minstens één scenario.") }
        guard output != "-" || singleFile else { throw ValidationError("--output - (standaarduitvoer) kan alleen met --single-file.") }
    }

    func run() throws {
        let loaded = try loadRuleBase(ruleBase)
        let evaluations = try evaluateScenarios(scenarios, in: loaded.value)
        let pack = try checkedMoney(scenarios) { () throws(MoneyOverflow) in
            try BriefingPack(
                ruleBase: loaded.value, reports: try evaluations.map(ReportBuilder().build),
                digest: InputDigest(ruleDirectory: ruleBase.rules, scenarioPaths: scenarios), marking: markering)
        }
        let inputs = ruleBase.inputs(scenarios: scenarios)
        if singleFile {
            // Replaces only an earlier single-file pack (recognised by its generator tag), never another file.
            try emit(
                pack.singleFile(), output: output, inputs: inputs,
                existing: .replaceIfContains(
                    PackMarker.generatorTag,
                    refusal:
                        "bestaat al en is geen eerder briefingpakket van akkoord pack; pack overschrijft het niet. Kies een andere naam of verplaats het bestand."
                ))
        } else {
            try reportingWriteErrors { () throws(WriteError) in try PackFolderWriter.write(pack.files(), to: output, inputs: inputs) }
        }
    }
}
