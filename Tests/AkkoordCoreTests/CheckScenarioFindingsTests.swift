import Foundation
import Testing

@testable import AkkoordCore

/// `check SCENARIO` reports what the scenario's report reports, at the place in the scenario where it can be fixed.
@Suite("check and report agree on a scenario", .serialized)
struct CheckScenarioFindingsTests {
    static let conflicting = "titel: x\npeildatum: 2026-06-15\nkeuzes:\n  2A.bibliotheek: uitbreiden\n  1A.renovatie: sluiten\n"

    @Test func aConflictBetweenChoicesIsLocatedInTheScenarioWithANoteAtTheFiche() throws {
        let directory = Fixture.temporaryDirectory()
        let path = directory.appendingPathComponent("botsing.yaml").path
        try Data(Self.conflicting.utf8).write(to: URL(fileURLWithPath: path))
        let result = try CLI.run(["check", "--rules", "examples/regels", path])
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let requires = try #require(lines.firstIndex { $0.hasPrefix(path + ":4:") && $0.contains(": error: ") && $0.contains("vereist") })
        #expect(lines[requires + 1].hasPrefix("examples/regels/fiches/2A-bibliotheek.yaml:"), "\(lines)")
        #expect(lines[requires + 1].contains(": note: "))
        let excludes = try #require(lines.firstIndex { $0.hasPrefix(path + ":5:") && $0.contains(": error: ") && $0.contains("sluit") })
        #expect(lines[excludes + 1].hasPrefix("examples/regels/fiches/1A-zwembad.yaml:"), "\(lines)")
    }

    @Test func checkShowsTheWarningsTheReportShows() throws {
        let ruleBase = try Fixture.exampleRuleBase()
        let scenario = try Fixture.scenario(Self.conflicting, in: ruleBase)
        let evaluation = try Evaluator().evaluate(scenario, in: ruleBase)
        let warnings = evaluation.messages.filter { $0.level == .waarschuwing }
        #expect(!warnings.isEmpty, "the scenario's steering moment has passed: the report warns")
        let diagnostics = evaluation.diagnostics
        #expect(diagnostics.filter { $0.severity == .warning }.count == warnings.count)
        #expect(diagnostics.filter { $0.severity == .error }.count == evaluation.count(.fout))
        for warning in warnings {
            #expect(diagnostics.contains { $0.message.hasSuffix(warning.text) })
        }
    }
}
