import Foundation
import Testing

@testable import AkkoordCore

/// Issue 16 part F: an effect can carry both `bron` (what the dossier says) and `aanname` (what was added, such as the
/// year or the share); the report shows both.
@Suite("An effect with a quote and an added assumption")
struct QuoteAndAssumptionTests {
    @Test func bothAreLoadedAndReported() throws {
        let ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value
        let both =
            ruleBase.fiches.flatMap { $0.decisions.flatMap { $0.options.flatMap(\.effects) } + $0.budgeted }
            + ruleBase.rules.flatMap(\.effects)
        let withBoth = both.filter { $0.provenance.citation != nil && $0.addedAssumption != nil }
        #expect(withBoth.count >= 40, "the effects whose year or share was only in the description: \(withBoth.count)")
        let scenario = try Fixture.scenario("titel: x\npeildatum: 2026-06-15\nkeuzes: {5J.twenteboard: afbouwen}\n", in: ruleBase)
        let report = try ReportBuilder().build(try Evaluator().evaluate(scenario, in: ruleBase))
        let line = try #require(report.effecten.first { $0.omschrijving.hasPrefix("Besparing (bedrag onbekend): lagere gemeentelijke") })
        #expect(line.bron?.citaat.hasPrefix("meer of minder financiële bijdrage") == true)
        #expect(line.aanname?.contains("structureel vanaf 2028") == true)
        let markdown = MarkdownRenderer().render(report)
        #expect(markdown.contains("\(line.nummer) — aanname: Het dossier noemt geen bedrag; aangenomen structureel vanaf 2028"))
        #expect(markdown.contains("| fiche 5J + aanname |"))
    }

    /// Elsewhere (a rule's own provenance) it stays one of the two.
    @Test func ruleProvenanceIsStillOneOfTheTwo() throws {
        let rule = """
            regels:
              - id: r
                titel: r
                als: {keuze: 1A.renovatie.sluiten}
                dan: {melding: {niveau: info, tekst: x}}
                bron: {fiche: 1A, citaat: x}
                aanname: x
            """
        let directory = Fixture.temporaryDirectory().appendingPathComponent("regels")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("regels"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Fixture.examples.appendingPathComponent("regels/fiches"), to: directory.appendingPathComponent("fiches"))
        try FileManager.default.copyItem(
            at: Fixture.examples.appendingPathComponent("regels/dossier.yaml"), to: directory.appendingPathComponent("dossier.yaml"))
        try Data(rule.utf8).write(to: directory.appendingPathComponent("regels/r.yaml"))
        #expect(Fixture.diagnostics(loading: directory).map(\.id).contains(.keyConflict))
    }
}
