import Foundation
import Testing

@testable import AkkoordCore

/// `check` warns when a current line lapses before the moment to decide on it, and checks scenarios as far as a
/// rule base with errors allows (docs/checks.md).
@Suite("check: lapse before the steering moment, scenarios beside a broken rule base", .serialized)
struct CheckOrderAndBrokenRuleBaseTests {
    static let fiche = Fixture.examples.appendingPathComponent("regels/fiches/1A-zwembad.yaml")

    func ficheText() throws -> String { try String(contentsOf: Self.fiche, encoding: .utf8) }

    func audit(_ fiche: String) throws -> [Diagnostic] {
        let directory = Fixture.ruleBase(replacing: ["fiches/1A-zwembad.yaml": fiche])
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let ruleBase = try RuleBaseLoader().load(directory: directory.path).value
        return RuleBaseAudit(ruleBase: ruleBase).findings().filter { $0.id == .auditLapseBeforeMoment }
    }

    /// The tutorial's lapse (eind 2026) follows its steering moment (voorjaar 2026): in order, no warning.
    @Test func aLapseAfterTheSteeringMomentIsInOrder() throws {
        #expect(try audit(try ficheText()).isEmpty)
    }

    /// The contract lapses at the end of 2025, before the fiche's steering moment (voorjaar 2026) begins: one warning at
    /// the steering moment (line 7–9), with a note at the decision that holds `verloopt` (line 36).
    @Test func aLapseBeforeTheSteeringMomentIsAWarningAtTheMoment() throws {
        let text = try ficheText().replacingOccurrences(of: "      moment: eind 2026", with: "      moment: eind 2025")
        let findings = try audit(text)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.severity == .warning)
        #expect(finding.location.file.hasSuffix("fiches/1A-zwembad.yaml"))
        #expect((7...9).contains(finding.location.line), "\(finding.location)")
        #expect(finding.notes.map(\.location.line) == [36])
    }

    /// The steering moment is in time, but the last practical moment (`uiterlijk`, november 2026) lies after the lapse
    /// (juni 2026): the warning is at `uiterlijk`.
    @Test func aLapseBeforeTheLatestMomentIsAWarningAtUiterlijk() throws {
        let text = try ficheText()
            .replacingOccurrences(
                of: "  periode: voorjaar 2026\n",
                with:
                    "  periode: voorjaar 2026\n  uiterlijk:\n    tekst: begroting 2027\n    periode: november 2026\n    aanname: Zo laat kan het nog.\n"
            )
            .replacingOccurrences(of: "      moment: eind 2026", with: "      moment: juni 2026")
        let findings = try audit(text)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect((10...13).contains(finding.location.line), "\(finding.location)")
        #expect(finding.notes.map(\.location.line) == [40])
    }

    /// A bad default (`standaard: misschien`) is one error, at the default; the rule that uses the assumption does
    /// not also get "onbekende aanname". A misspelt reference to an assumption is still reported.
    @Test func aBadAssumptionDefaultIsOneErrorAtTheCause() throws {
        let dossier = try String(contentsOf: Fixture.examples.appendingPathComponent("regels/dossier.yaml"), encoding: .utf8)
        let broken = dossier.replacingOccurrences(
            of: "    standaard: ja\n    moment: juni 2026", with: "    standaard: misschien\n    moment: juni 2026")
        try #require(broken != dossier)
        let directory = Fixture.ruleBase(replacing: ["dossier.yaml": broken])
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let diagnostics = Fixture.diagnostics(loading: directory)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        let error = try #require(errors.first)
        #expect(error.location.file.hasSuffix("dossier.yaml"))
        #expect(error.location.line == 24, "\(error)")
        #expect(!diagnostics.contains { $0.id == .refUnknownAssumption })

        // A reference to an id that was never declared is still an unknown assumption.
        let rules = try String(contentsOf: Fixture.examples.appendingPathComponent("regels/regels/samenhang.yaml"), encoding: .utf8)
        let misspelt = Fixture.ruleBase(replacing: [
            "regels/samenhang.yaml": rules.replacingOccurrences(
                of: "aanname: provincie-betaalt-mee", with: "aanname: provincie-betaald-mee")
        ])
        defer { try? FileManager.default.removeItem(at: misspelt.deletingLastPathComponent()) }
        let unknown = Fixture.diagnostics(loading: misspelt)
        #expect(unknown.map(\.id) == [.refUnknownAssumption])
        // At the use in the rule's condition (line 7), not at the rule's first line.
        #expect(unknown.first.map { [$0.location.line, $0.location.column] } == [7, 20], "\(unknown)")
    }

    /// An unknown option in a rule's `vereist` is reported at that list item.
    @Test func anUnknownOptionInARuleIsReportedWhereItIsWritten() throws {
        let rules = try String(contentsOf: Fixture.examples.appendingPathComponent("regels/regels/samenhang.yaml"), encoding: .utf8)
        let changed = rules.replacingOccurrences(
            of: "        tekst: De provincie betaalt niet mee; de gemeente draagt de hele renovatie.\n",
            with:
                "        tekst: De provincie betaalt niet mee; de gemeente draagt de hele renovatie.\n      vereist:\n        - 2A.bibliotheek.uitbouwen\n"
        )
        try #require(changed != rules)
        let directory = Fixture.ruleBase(replacing: ["regels/samenhang.yaml": changed])
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let diagnostics = Fixture.diagnostics(loading: directory)
        let unknown = diagnostics.filter { $0.id == .refUnknownOption }
        #expect(unknown.count == 1, "\(diagnostics)")
        #expect(unknown.first.map { [$0.location.line, $0.location.column] } == [14, 11], "\(unknown)")
        #expect(unknown.first?.location.file.hasSuffix("regels/samenhang.yaml") == true)
    }

    struct CheckJSON: Decodable { var diagnostics: [Diagnostic] }

    /// With an error in the rule base, a scenario's own errors are still shown (its date), references into the rule
    /// base are not (they may follow from the rule base's error), and one warning says what was not checked.
    @Test func aScenarioIsCheckedAsFarAsABrokenRuleBaseAllows() throws {
        let directory = Fixture.ruleBase(replacing: [
            "fiches/2A-bibliotheek.yaml": try String(
                contentsOf: Fixture.examples.appendingPathComponent("regels/fiches/2A-bibliotheek.yaml"), encoding: .utf8)
                + "onbekende_sleutel: x\n"
        ])
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let scenario = directory.deletingLastPathComponent().appendingPathComponent("scenario.yaml")
        try Data("titel: x\npeildatum: 2026-13-45\nkeuzes:\n  1A.renovatie: sloop\n".utf8).write(to: scenario)
        let result = try CLI.run(["check", "--rules", directory.path, scenario.path, "--format", "json"])
        #expect(result.status == 2, "\(result.stderr)")
        let diagnostics = try JSONDecoder().decode(CheckJSON.self, from: Data(result.stdout.utf8)).diagnostics
        #expect(diagnostics.contains { $0.id == .keyUnknown && $0.location.file.hasSuffix("2A-bibliotheek.yaml") })
        let inScenario = diagnostics.filter { $0.location.file == scenario.path }
        #expect(inScenario.contains { $0.id == .valueDate && $0.location.line == 2 }, "\(inScenario)")
        #expect(!inScenario.contains { $0.id.rawValue.hasPrefix("ref.") }, "\(inScenario)")
        let notChecked = inScenario.filter { $0.id == .scenarioNotChecked }
        #expect(notChecked.count == 1)
        #expect(notChecked.first?.severity == .warning)
        #expect(notChecked.first?.location.line == 1)
    }

    /// Without a readable dossier nothing of a scenario can be checked; it says so.
    @Test func withoutADossierTheScenarioIsNotCheckedAndSaysSo() throws {
        let directory = Fixture.ruleBase(replacing: ["dossier.yaml": "gemeente: [\n"])
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let scenario = directory.deletingLastPathComponent().appendingPathComponent("scenario.yaml")
        try Data("titel: x\npeildatum: 2026-13-45\n".utf8).write(to: scenario)
        let result = try CLI.run(["check", "--rules", directory.path, scenario.path, "--format", "json"])
        #expect(result.status == 2)
        let diagnostics = try JSONDecoder().decode(CheckJSON.self, from: Data(result.stdout.utf8)).diagnostics
        #expect(diagnostics.contains { $0.id == .yamlSyntax })
        let inScenario = diagnostics.filter { $0.location.file == scenario.path }
        #expect(inScenario.map(\.id) == [.scenarioNotChecked])
    }
}
