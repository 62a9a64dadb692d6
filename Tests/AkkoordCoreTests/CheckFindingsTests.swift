import Foundation
import Testing

@testable import AkkoordCore

/// One small broken rule base per kind of finding of `akkoord check`, asserting the exact finding and its place.
@Suite("Consistency findings of akkoord check")
struct CheckFindingsTests {
    func source(_ file: String) throws -> String {
        try String(contentsOf: Fixture.examples.appendingPathComponent("regels/fiches/\(file)"), encoding: .utf8)
    }

    func edited(_ file: String, _ edits: [(String, String)]) throws -> String {
        var text = try source(file)
        for (old, new) in edits {
            #expect(text.contains(old), "fixture text not found: \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    /// Loads a modified tutorial rule base and returns the audit findings (the loader must accept it).
    func findings(_ files: [String: String]) throws -> [Diagnostic] {
        let loaded = try RuleBaseLoader().load(directory: Fixture.ruleBase(replacing: files).path)
        return loaded.warnings + RuleBaseAudit(ruleBase: loaded.value).findings()
    }

    @Test func cleanTutorialHasNoFindings() throws {
        #expect(try findings([:]).isEmpty)
    }

    @Test func optionThatRequiresWhatItExcludes() throws {
        let text = try edited(
            "2A-bibliotheek.yaml",
            [("vereist: [1A.renovatie.renoveren]", "vereist: [1A.renovatie.renoveren]\n        sluit_uit: [1A.renovatie.renoveren]")])
        let found = try #require(try findings(["fiches/2A-bibliotheek.yaml": text]).first { $0.id == .constraintRequiresAndExcludes })
        #expect(found.severity == .error)
        #expect(found.location.file.hasSuffix("2A-bibliotheek.yaml"))
        #expect(found.location.line == 17)
        #expect(found.message == "optie 2A.bibliotheek.uitbreiden vereist én sluit uit: 1A.renovatie.renoveren")
    }

    @Test func optionThatCanNeverBeChosenReportsTheChain() throws {
        let pool = try edited(
            "1A-zwembad.yaml",
            [
                (
                    "        titel: Renoveren\n        huidige_lijn: ja\n",
                    "        titel: Renoveren\n        huidige_lijn: ja\n        vereist: [1A.exploitant.verlengen]\n"
                ),
                (
                    "        titel: Contract verlengen\n",
                    "        titel: Contract verlengen\n        sluit_uit: [2A.bibliotheek.uitbreiden]\n"
                ),
            ])
        let found = try findings(["fiches/1A-zwembad.yaml": pool])
        let dead = try #require(
            found.first { $0.id == .constraintUnchoosable })
        #expect(dead.severity == .warning)
        #expect(dead.location.line == 17)
        #expect(
            dead.message.hasSuffix(
                ": 2A.bibliotheek.uitbreiden vereist 1A.renovatie.renoveren; 1A.renovatie.renoveren vereist 1A.exploitant.verlengen; 1A.exploitant.verlengen sluit 2A.bibliotheek.uitbreiden uit"
            ))
        // Every other option can still be chosen: nothing else is reported as dead.
        #expect(found.filter { $0.id == .constraintUnchoosable }.count == 1)
    }

    @Test func deadCurrentLineIsAnError() throws {
        let text = try edited(
            "2A-bibliotheek.yaml",
            [("        titel: Zo laten\n", "        titel: Zo laten\n        vereist: [2A.bibliotheek.uitbreiden]\n")])
        let found = try #require(
            try findings(["fiches/2A-bibliotheek.yaml": text]).first { $0.id == .constraintUnchoosable && $0.severity == .error })
        #expect(found.location.line == 14)
        #expect(found.message.hasPrefix("optie 2A.bibliotheek.zo-laten kan nooit"))
    }

    @Test func ruleWhoseConditionCanNeverHold() throws {
        let rules =
            "regels:\n  - id: onmogelijk\n    titel: Twee opties tegelijk\n    als:\n      alle:\n        - keuze: 1A.renovatie.renoveren\n        - keuze: 1A.renovatie.sluiten\n    dan:\n      melding: {niveau: info, tekst: nooit}\n    aanname: test\n"
        let found = try #require(try findings(["regels/onmogelijk.yaml": rules]).first { $0.id == .constraintNeverHolds })
        #expect(found.severity == .warning)
        #expect(found.location.file.hasSuffix("regels/onmogelijk.yaml"))
        #expect(found.location.line == 2)
        #expect(found.location.column == 5)
        #expect(found.message == "de voorwaarde van regel 'onmogelijk' kan nooit gelden (bijv. twee opties van één beslissing tegelijk)")
    }

    @Test func satisfiableRuleIsNotReported() throws {
        #expect(!(try findings([:])).contains { $0.id == .constraintNeverHolds })
    }

    @Test func valueUsedPastItsEndDate() throws {
        let text = try edited(
            "1A-zwembad.yaml",
            [
                (
                    "        titel: Contract laten aflopen\n        huidige_lijn: ja\n",
                    "        titel: Contract laten aflopen\n        huidige_lijn: ja\n        effecten:\n          - omschrijving: Restbijdrage\n            soort: lasten\n            bedrag: 1000\n            vanaf: 2026\n            aanname: test\n"
                )
            ])
        let found = try #require(try findings(["fiches/1A-zwembad.yaml": text]).first { $0.id == .auditAfterLapse })
        #expect(found.severity == .warning)
        #expect(found.location.line == 47)
        #expect(found.message == "1A.exploitant: de huidige lijn loopt af op 'eind 2026', maar dit bedrag wordt nog gebruikt in 2027–2030")
    }

    @Test func steeringMomentBeforeTheDossierStarts() throws {
        let text = try edited("2A-bibliotheek.yaml", [("periode: begroting-2027", "periode: najaar 2025")])
        let found = try #require(try findings(["fiches/2A-bibliotheek.yaml": text]).first { $0.id == .auditMomentBeforePeriod })
        #expect(found.location.line == 7)
        #expect(found.message == "stuurmoment 'bij de begroting 2027' ligt vóór de start van de periode (2026)")
    }

    @Test func factStatedTwiceWithDifferentValues() throws {
        // 1A ends with its own `feiten` list; the fact is added to it.
        let pool = try source("1A-zwembad.yaml") + "  - {id: inwoners, waarde: \"200000\", citaat: a}\n"
        let library = try source("2A-bibliotheek.yaml") + "feiten:\n  - {id: inwoners, waarde: \"170000\", citaat: b}\n"
        let found = try findings(["fiches/1A-zwembad.yaml": pool, "fiches/2A-bibliotheek.yaml": library]).filter {
            $0.id == .auditFactConflict
        }
        #expect(found.count == 1)
        #expect(found.first?.location.file.hasSuffix("2A-bibliotheek.yaml") == true)
        #expect(found.first?.message == "feit 'inwoners' staat in het dossier met verschillende waarden (1A: 200000, 2A: 170000)")
    }

    @Test func recordedDoubtIsAWarning() throws {
        let text = try source("2A-bibliotheek.yaml") + "twijfels:\n  - tekst: Einddatum onleesbaar\n    citaat: \"31-12-207\"\n"
        let found = try #require(try findings(["fiches/2A-bibliotheek.yaml": text]).first { $0.id == .auditDoubt })
        #expect(found.severity == .warning)
        #expect(found.location.line == 42, "the appended doubt, after the 40 lines of the fiche and its twijfels key")
        #expect(found.message == "twijfel in fiche 2A: Einddatum onleesbaar")
    }

    @Test func junitAndJSONOutputs() throws {
        let result = CheckReportRenderer.Result(
            files: ["a.yaml", "b.yaml"],
            diagnostics: [
                Diagnostic(.yamlSyntax, .error, SourceLocation(file: "a.yaml", line: 3, column: 5), "kapot <&>"),
                Diagnostic(.auditDoubt, .warning, SourceLocation(file: "b.yaml", line: 1, column: 1), "let op"),
            ])
        let junit = CheckReportRenderer(format: .junit).render(result)
        #expect(junit.contains("<testsuites name=\"akkoord check\" tests=\"2\" failures=\"1\">"))
        #expect(
            junit.contains("<failure message=\"kapot &lt;&amp;&gt;\" type=\"yaml.syntax\">a.yaml:3:5: error: kapot &lt;&amp;&gt;</failure>")
        )
        #expect(junit.contains("<system-out>b.yaml:1:1: warning: let op</system-out>"))
        let json = try JSONSerialization.jsonObject(with: Data(CheckReportRenderer(format: .json).render(result).utf8)) as? [String: Any]
        #expect(json?["errors"] as? Int == 1)
        #expect(json?["warnings"] as? Int == 1)
        let ids = (json?["diagnostics"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == ["yaml.syntax", "audit.doubt"])
    }

    @Test func checkOnTheBundledRuleBaseFindsNoErrors() throws {
        let ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value
        let errors = RuleBaseAudit(ruleBase: ruleBase).findings().filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.prefix(3))")
    }
}

@Suite("Scenario expectations and akkoord test")
struct ScenarioExpectationTests {
    let ruleBase: RuleBase
    init() throws { ruleBase = try Fixture.exampleRuleBase() }

    @Test func metExpectationsPassAndUnmetOnesReportExpectedVersusActual() throws {
        let text = """
            titel: x
            peildatum: 2026-06-15
            keuzes: {1A.renovatie: sluiten}
            verwachtingen:
              keuzes: {1A.renovatie: sluiten, 2A.bibliotheek: uitbreiden}
              nadeel_per_jaar:
                2027: 0
                2028: {min: -450000, max: -350000}
              structureel_na_periode: {min: -450000, max: -350000, onbekend: 0}
              meldingen_aanwezig:
                - {niveau: waarschuwing, bevat: "Logisch moment verstreken"}
                - {regel: zwembad-zonder-provincie}
              meldingen_afwezig:
                - {niveau: fout}
              regels_niet_afgegaan: [zwembad-zonder-provincie]
              fouten: 0
            """
        let scenario = try Fixture.scenario(text, in: ruleBase)
        let failures = ExpectationCheck().failures(try Evaluator().evaluate(scenario, in: ruleBase))
        #expect(failures.count == 2, "\(failures)")
        let choice = try #require(failures.first { $0.what == "keuze 2A.bibliotheek" })
        #expect(choice.expected == "uitbreiden")
        #expect(choice.actual == "zo-laten")
        #expect(choice.location.line == 5)
        #expect(choice.description.hasPrefix("scenario.yaml:5:"))
        let message = try #require(failures.first { $0.what == "melding" })
        #expect(message.expected == "aanwezig: regel zwembad-zonder-provincie")
        #expect(message.actual == "niet gevonden")
    }

    @Test func wrongTotalsAreReportedWithBothValues() throws {
        let scenario = try Fixture.scenario(
            "titel: x\npeildatum: 2026-06-15\nverwachtingen:\n  nadeel_per_jaar:\n    2027: 999\n", in: ruleBase)
        let failure = try #require(ExpectationCheck().failures(try Evaluator().evaluate(scenario, in: ruleBase)).first)
        #expect(failure.what == "nadeel 2027")
        #expect(failure.expected.hasPrefix("€ 999 "))
        #expect(failure.actual.hasPrefix("€ 1.000.000 "))
    }

    @Test func updateWritesExpectationsThatPass() throws {
        let original =
            "titel: x\n# commentaar blijft staan\npeildatum: 2026-06-15\nkeuzes: {1A.renovatie: sluiten}\nverwachtingen:\n  fouten: 3\n  # oud\nkader:\n  max_structureel_nadeel: 0\n"
        let evaluation = try Evaluator().evaluate(try Fixture.scenario(original, in: ruleBase), in: ruleBase)
        #expect(!ExpectationCheck().failures(evaluation).isEmpty)
        let updated = ExpectationWriter.replacingBlock(in: original, with: ExpectationWriter.block(for: evaluation))
        #expect(updated.contains("# commentaar blijft staan"))
        #expect(updated.contains("kader:\n  max_structureel_nadeel: 0\n"))
        #expect(!updated.contains("fouten: 3"))
        let again = try Evaluator().evaluate(try Fixture.scenario(updated, in: ruleBase), in: ruleBase)
        #expect(ExpectationCheck().failures(again).isEmpty)
        #expect(again.scenario.expectations?.burdenPerYear.count == 5)
    }

    @Test func coverageCountsWhatScenariosExercise() throws {
        let evaluations = try [
            "titel: a\npeildatum: 2026-06-15\n",
            "titel: b\npeildatum: 2026-06-15\nkeuzes: {1A.renovatie: sluiten}\naannames: {provincie-betaalt-mee: nee}\n",
        ]
        .map { try Evaluator().evaluate(try Fixture.scenario($0, in: ruleBase), in: ruleBase) }
        let coverage = ScenarioCoverage(ruleBase: ruleBase, evaluations: evaluations)
        #expect(coverage.decisionsDeviated == 1)
        #expect(coverage.decisions == 3)
        #expect(coverage.optionsChosen == 4)
        #expect(coverage.options == 6)
        #expect(coverage.rulesFired == 0)
        #expect(coverage.unfiredRules == ["zwembad-zonder-provincie"])
    }
}
