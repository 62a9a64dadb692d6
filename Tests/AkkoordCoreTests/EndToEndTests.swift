import Foundation
import Testing

@testable import AkkoordCore

@Suite("The built akkoord binary", .serialized)
struct EndToEndTests {
    @Test func reportsTheBundledCurrentLineScenario() throws {
        let result = try CLI.run(["report", "scenarios/huidige-lijn.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# Consequentierapport: Huidige lijn"))
        for section in [
            "## Samenvatting", "## Keuzes", "## Geld", "## Afhankelijkheden en meldingen", "## Tijdlijn van stuurmomenten",
            "## Kansen en risico's", "## Partners", "## Bronnen",
        ] {
            #expect(result.stdout.contains(section), "missing \(section)")
        }
    }

    @Test func jsonReportHasASchemaVersionAndIsDeterministic() throws {
        let first = try CLI.run(["rapport", "scenarios/huidige-lijn.yaml", "--format", "json"])
        let second = try CLI.run(["report", "scenarios/huidige-lijn.yaml", "--format", "json"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let object = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
        #expect(object?["schema_version"] as? Int == ConsequenceReport.currentSchemaVersion)
        let summary = object?["samenvatting"] as? [String: Any]
        #expect(summary?["beslissingen"] as? Int ?? 0 > 100)
    }

    @Test func checkIsCleanOnTheBundledRules() throws {
        let result = try CLI.run(["check"])
        #expect(result.status == 0, "\(result.stderr.split(separator: "\n").filter { $0.contains("error") }.prefix(5))")
        #expect(!result.stderr.contains(": error:"))
        #expect(result.stderr.contains("49 fiches"))
    }

    @Test func badScenarioGivesExitCode2AndALocatedDiagnostic() throws {
        let directory = Fixture.temporaryDirectory()
        let scenario = directory.appendingPathComponent("kapot.yaml")
        try "titel: x\npeildatum: 2026-06-15\nkeuzes:\n  1A.renovatie: slopen\n".write(to: scenario, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("rapport.md")
        let result = try CLI.run(["report", scenario.path, "--rules", "examples/regels", "--output", output.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("kapot.yaml:4:17: error:"))
        #expect(!FileManager.default.fileExists(atPath: output.path), "no output file for unusable input")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["kapot.yaml"], "no temporary files left")
    }

    @Test func findingsGiveExitCode1AndOutputIsWrittenAtomically() throws {
        let directory = Fixture.temporaryDirectory()
        let output = directory.appendingPathComponent("rapport.json")
        try "oud".write(to: output, atomically: true, encoding: .utf8)
        let result = try CLI.run([
            "report", "examples/scenario-sluiten.yaml", "--rules", "examples/regels", "--format", "json", "-o", output.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try String(contentsOf: output, encoding: .utf8)
        #expect(written.contains("\"schema_version\" : \(ConsequenceReport.currentSchemaVersion)"))
        let conflicting = directory.appendingPathComponent("conflict.yaml")
        try "titel: x\npeildatum: 2026-06-15\nkeuzes:\n  1A.renovatie: sluiten\n  2A.bibliotheek: uitbreiden\n".write(
            to: conflicting, atomically: true, encoding: .utf8)
        let findings = try CLI.run(["report", conflicting.path, "--rules", "examples/regels"])
        #expect(findings.status == 1)
        #expect(findings.stdout.contains("**fout**"))
    }

    @Test func missingRulesFolderIsUnusableInput() throws {
        let result = try CLI.run(["check", "--rules", "bestaat-niet"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bestaat-niet:1:1: error:"))
    }
}
