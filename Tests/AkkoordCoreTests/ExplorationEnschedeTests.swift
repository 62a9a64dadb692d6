import Foundation
import Testing

@testable import AkkoordCore

/// `akkoord verken` on the bundled Enschede rule base with the three thematic scenarios as positions.
@Suite("Exploration on Enschede")
struct ExplorationEnschedeTests {
    static let positions = ["bezuinigen", "economie-en-innovatie", "groen-en-sociaal"]

    @Test func noSingleDecisionChangeGivesABetterFeasiblePackage() throws {
        let ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value
        let compiled = try CompiledRuleBase(ruleBase)
        let positions = try Self.positions.map { name in
            Position(
                scenario: try ScenarioLoader().load(path: Fixture.scenarios.appendingPathComponent("\(name).yaml").path, ruleBase: ruleBase)
                    .value)
        }
        let problem = ExplorationProblem(
            compiled: compiled, positions: positions, assumptions: compiled.assumptionDefaults,
            frame: .init(maxStructural: .zero, maxPerYear: Money(euros: 3_000_000)), packages: 1)
        let result = try ExplorationSolver().solve(problem)
        #expect(result.status == .optimal)
        let best = try #require(result.packages.first)
        let model = try Model(problem)
        var outcome = compiled.makeOutcome()
        #expect(try ExplorationTests.score(best.choices, problem, model, enabled: model.allConstraints, outcome: &outcome) == best.score)
        var neighbours = 0
        for (decision, entry) in compiled.decisions.enumerated() {
            for option in entry.options.indices where option != best.choices[decision] {
                var choices = best.choices
                choices[decision] = option
                neighbours += 1
                if let score = try ExplorationTests.score(choices, problem, model, enabled: model.allConstraints, outcome: &outcome) {
                    #expect(score <= best.score, "\(entry.ref).\(entry.options[option]) scores better")
                }
            }
        }
        #expect(neighbours > 150)
    }

    @Test func verkenWritesAPackageThatReportEvaluatesWithoutErrorsWithinTheFrame() throws {
        let directory = Fixture.temporaryDirectory()
        let package = directory.appendingPathComponent("pakket.yaml").path
        let arguments =
            ["verken"] + Self.positions.map { "scenarios/\($0).yaml" }
            + [
                // A negative limit (structural room that must remain) is read as a value, not as an option; it binds:
                // without it the optimum has no structural room.
                "--max-structureel", "-1000000", "--max-nadeel-per-jaar", "3000000", "--alternatieven", "1", "--tijdslimiet", "600",
                "--format",
                "json", "--pakket", package,
            ]
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"status\" : \"optimaal (bewezen)\""))
        let text = try String(contentsOfFile: package, encoding: .utf8)
        #expect(text.hasPrefix("# Gevonden met: akkoord verken scenarios/bezuinigen.yaml"))
        let report = try CLI.run(["report", package, "--rules", "rules", "--format", "json"])
        #expect(report.status == 0, "\(report.stderr)")
        // Within the frame: the report has no errors at all (the package carries the frame as `kader:`; the current line
        // breaks it, so the frame error appears only among the messages the package removes).
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let summary = try #require(json["samenvatting"] as? [String: Any])
        #expect(summary["fouten"] as? Int == 0)
        let messages = try #require(json["meldingen"] as? [[String: Any]])
        #expect(!messages.contains { $0["niveau"] as? String == "fout" })
        let structural = try #require(summary["structureel_na_periode"] as? [String: Any])
        #expect(try #require(structural["max_cent"] as? Int) <= -100_000_000, "at least € 1 mln structural room: \(structural)")
    }

    @Test func conflictingMustHavesGiveExitOneWithTheLocatedConflict() throws {
        let directory = Fixture.temporaryDirectory()
        let rules = Fixture.rules.path
        let first = directory.appendingPathComponent("a.yaml"), second = directory.appendingPathComponent("b.yaml")
        try Data(
            "titel: Partij A\npeildatum: 2026-06-15\nregelbasis: \(rules)\nkeuzes:\n  2F.doorgaan: {optie: sluiten, moet: ja}\n  3G.bijdrage: {optie: intensiveren, gewicht: 3}\n"
                .utf8
        ).write(to: first)
        try Data(
            "titel: Partij B\npeildatum: 2026-06-15\nregelbasis: \(rules)\nkeuzes:\n  2F.doorgaan: {optie: doorgaan, moet: ja}\n  3G.bijdrage: {nooit: [intensiveren]}\n"
                .utf8
        ).write(to: second)
        let result = try CLI.run(["verken", first.path, second.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(first.path):5:24: moet: Partij A eist 2F.doorgaan: sluiten"), "\(result.stderr)")
        #expect(result.stderr.contains("\(second.path):5:24: moet: Partij B eist 2F.doorgaan: doorgaan"))
        // Minimal: the weight and the red line on 3G are not part of it.
        #expect(!result.stderr.contains("3G"))
        #expect(result.stdout.contains("onhaalbaar"))
    }

    @Test func theFrameFromAScenarioFileIsLocatedInTheConflict() throws {
        let directory = Fixture.temporaryDirectory()
        let rules = Fixture.rules.path
        let position = directory.appendingPathComponent("a.yaml"), frame = directory.appendingPathComponent("kader.yaml")
        try Data("titel: Partij A\npeildatum: 2026-06-15\nregelbasis: \(rules)\nkeuzes:\n  2F.doorgaan: sluiten\n".utf8).write(to: position)
        try Data(
            "titel: Kader\npeildatum: 2026-06-15\nregelbasis: \(rules)\nkader:\n  max_structureel_nadeel: -1000000000\n".utf8
        ).write(to: frame)
        let result = try CLI.run(["verken", position.path, "--kader-van", frame.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(frame.path):5:27: kader: structureel nadeel"), "\(result.stderr)")
        // The command line goes first: a frame that every package meets.
        let loose = try CLI.run(["verken", position.path, "--kader-van", frame.path, "--max-structureel", "100000000"])
        #expect(loose.status == 0, "\(loose.stderr)")
    }
}
