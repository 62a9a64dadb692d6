import AkkoordCommandLine
import AkkoordCore
import ArgumentParser
import Foundation

struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Maak het briefingpakket: omslag, rapporten, vergelijking, tijdlijn, fiches, bronteksten, CSV en JSON.",
        aliases: ["dossier"]
    )

    @Argument(help: "De scenariobestanden.")
    var scenarios: [String]

    @OptionGroup var ruleBase: RuleBaseOptions

    @Option(
        name: .shortAndLong,
        help: "Nieuwe map voor het pakket, of een map die pack eerder maakte (of het HTML-bestand met --single-file, de PDF met --pdf).")
    var output: String

    @Flag(name: .long, help: "Schrijf één zelfstandig HTML-bestand in plaats van een map.")
    var singleFile = false

    @Flag(name: .long, help: "Schrijf één PDF (A4, met omslag, inhoud en paginanummers) naar --output; maakt die met headless Chromium.")
    var pdf = false

    @Option(name: .long, help: "Markering op elke pagina, bijv. concept of vertrouwelijk.")
    var markering: String?

    @Option(
        name: .customLong("pdf-tijdslimiet"),
        help: ArgumentHelp(
            "Hoeveel seconden Chromium met --pdf mag doen over de PDF; daarna stopt pack (exitcode 2).", valueName: "seconden"))
    var pdfTimeLimit: Int = 300

    @Flag(name: .long, help: "Voeg bij elk scenario de risicoanalyse toe (akkoord risico, 10.000 trekkingen, zaad 1).")
    var risico = false

    @Option(
        name: .customLong("vorige-ronde"),
        help: ArgumentHelp(
            "Het scenario van de vorige onderhandelingsronde: het pakket krijgt de redline (akkoord redline) van dit bestand naar het eerste scenario.",
            valueName: "bestand"))
    var vorigeRonde: String?

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("Geef minstens één scenario.") }
        guard !(singleFile && pdf) else { throw ValidationError("kies --single-file of --pdf, niet allebei.") }
        guard (1...86_400).contains(pdfTimeLimit) else { throw ValidationError("--pdf-tijdslimiet moet 1 tot 86400 seconden zijn.") }
        guard output != "-" || singleFile || pdf else {
            throw ValidationError("--output - (standaarduitvoer) kan alleen met --single-file of --pdf.")
        }
    }

    func run() throws {
        let paths = scenarios + (vorigeRonde.map { [$0] } ?? [])
        let ruleBase = try self.ruleBase.selection(for: paths)
        let (loaded, quotes) = try loadVerifiedRuleBase(ruleBase)
        let evaluations = try evaluateScenarios(paths, in: loaded.value)
        let pack = try checkedMoney(paths) { () throws(MoneyOverflow) in
            let reports = try evaluations.map { evaluation throws(MoneyOverflow) in try ReportBuilder().build(evaluation) }
            var pack = try BriefingPack(
                ruleBase: loaded.value, reports: Array(reports.prefix(scenarios.count)),
                digest: InputDigest(ruleDirectory: ruleBase.rules, scenarioPaths: paths), marking: markering,
                sources: PackSource.all(quotes))
            if risico {
                pack.risks = try RiskReportBuilder.reports(for: evaluations.prefix(scenarios.count).map(\.scenario), in: loaded.value)
            }
            if vorigeRonde != nil, let previous = evaluations.last, let current = evaluations.first {
                pack.redline = try RoundRedline(
                    previous: (previous.scenario, reports[reports.count - 1]), current: (current.scenario, reports[0]),
                    ruleBase: loaded.value)
            }
            return pack
        }
        let inputs = ruleBase.inputs(scenarios: paths)
        if pdf {
            try writePDF(pack, inputs: inputs)
        } else if singleFile {
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

    /// Prints the single-file pack to PDF with headless Chromium and writes it like `--single-file`: atomically, never
    /// over an input, replacing only an empty file or an earlier PDF pack (recognised by its document title).
    private func writePDF(_ pack: BriefingPack, inputs: InputFiles) throws {
        let existing = AtomicFileWriter.Existing.replaceIfContainsAny(
            PackMarker.pdfMarkers,
            refusal:
                "bestaat al en is geen eerder PDF-briefingpakket van akkoord pack; pack overschrijft het niet. Kies een andere naam of verplaats het bestand."
        )
        if output != "-" {
            // Refuse the target before the browser spends seconds on it; the check leaves nothing behind.
            try reportingWriteErrors { () throws(WriteError) in
                try AtomicFileWriter.prepare(Data(), to: output, inputs: inputs, existing: existing).discard()
            }
        }
        guard var printer = ChromiumPrinter.find() else {
            FileHandle.standardError.write(Data(ChromiumPrinter.missingMessage.utf8))
            throw ExitStatus.unusableInput
        }
        printer.deadline = Date().addingTimeInterval(TimeInterval(pdfTimeLimit))
        printer.limit = pdfTimeLimit
        let data: Data
        do {
            data = try Self.numberedPDF(pack, printer: printer)
        } catch {
            FileHandle.standardError.write(Data("akkoord: error: \(error.message)\n".utf8))
            throw ExitStatus.unusableInput
        }
        if output == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        try reportingWriteErrors { () throws(WriteError) in
            try AtomicFileWriter.prepare(data, to: output, inputs: inputs, existing: existing).commit()
        }
    }

    /// Prints the pack with page numbers in its contents. Chromium cannot compute them (no `target-counter`), so the
    /// pack is printed first with blank numbers of the same width, the page of every section is read from the PDF's
    /// named destinations (``PDFDestinations``), and the pack is printed again with them. When that print puts a
    /// section on another page (the numbers changed the contents' layout), it is printed once more; the time limit
    /// covers all prints.
    static func numberedPDF(_ pack: BriefingPack, printer: ChromiumPrinter) throws(ChromiumPrinter.Failure) -> Data {
        let title = pack.title + PackMarker.pdfTitleSuffix
        var numbers: [String: Int] = [:]
        var data = try printer.pdf(of: pack.singleFile(title: title, pageNumbers: numbers))
        for _ in 0..<2 {
            let found = PDFDestinations.pages(in: [UInt8](data))
            let wanted = found.filter { pack.contentsTargets.contains($0.key) }
            // No destinations found (another PDF writer): the contents keep blank numbers rather than wrong ones.
            if wanted.isEmpty || wanted == numbers { break }
            numbers = wanted
            data = try printer.pdf(of: pack.singleFile(title: title, pageNumbers: numbers))
        }
        return data
    }
}
