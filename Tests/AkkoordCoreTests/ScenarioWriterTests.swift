import Foundation
import Testing

@testable import AkkoordCore

/// `ScenarioWriter`: the YAML `akkoord serve` saves reads back to the same scenario, byte-identically each time.
@Suite("Scenario writer")
struct ScenarioWriterTests {
    let ruleBase: RuleBase

    init() throws { ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value }

    static func draft(choices: [(String, String)]) -> ScenarioDraft {
        ScenarioDraft(
            title: "Titel met \"aanhalingstekens\", een: dubbele punt,\nregeleinde, \\ en é — ja", description: "nee",
            referenceDate: Day(year: 2026, month: 11, day: 23)!,
            choices: choices.map { ScenarioDraft.Choice(decision: DecisionRef(parsing: $0.0)!, option: $0.1) },
            assumptions: ["provincie-cofinanciert-baan": false, "aanbesteding-luchthaven-slaagt": true],
            frame: BudgetFrame(maxStructuralBurden: Money(cents: -123_456_78), maxBurdenPerYear: Money(cents: 2_000_000_00)),
            ruleBaseFolder: "../rules")
    }

    @Test("Reads back to the same scenario")
    func roundTrip() throws {
        let draft = Self.draft(choices: [("3G.bijdrage", "bestendigen"), ("2F.doorgaan", "sluiten")])
        let yaml = ScenarioWriter(ruleBase: ruleBase).yaml(draft)
        let loaded = try ScenarioLoader().load(data: Data(yaml.utf8), path: "s.yaml", ruleBase: ruleBase)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        let scenario = loaded.value
        #expect(scenario.title == draft.title)
        #expect(scenario.description == "nee")
        #expect(scenario.referenceDate == draft.referenceDate)
        #expect(
            scenario.choices.mapValues(\.value) == [
                DecisionRef(parsing: "2F.doorgaan")!: "sluiten", DecisionRef(parsing: "3G.bijdrage")!: "bestendigen",
            ])
        #expect(scenario.assumptions.mapValues(\.value) == draft.assumptions)
        #expect(scenario.frame == draft.frame)
        #expect(
            ScenarioDraft(scenario, ruleBaseFolder: "../rules")
                == ScenarioDraft(
                    title: draft.title, description: draft.description, referenceDate: draft.referenceDate,
                    choices: draft.choices.sorted { $0.decision < $1.decision }, assumptions: draft.assumptions, frame: draft.frame,
                    ruleBaseFolder: "../rules"))
    }

    @Test("Deterministic: the order the choices were made in does not matter; the rule base's order is used")
    func deterministic() {
        let writer = ScenarioWriter(ruleBase: ruleBase)
        let one = writer.yaml(Self.draft(choices: [("3G.bijdrage", "bestendigen"), ("2F.doorgaan", "sluiten")]))
        let two = writer.yaml(Self.draft(choices: [("2F.doorgaan", "sluiten"), ("3G.bijdrage", "bestendigen")]))
        #expect(one == two)
        let lines = one.split(separator: "\n")
        #expect(lines.firstIndex(of: "  2F.doorgaan: sluiten")! < lines.firstIndex(of: "  3G.bijdrage: bestendigen")!)
        #expect(one.contains("  max_structureel_nadeel: \"-123456,78\"\n"))
        #expect(one.contains("  max_nadeel_per_jaar: 2000000\n"))
    }

    @Test("The structured choice form: status, note, weight, must and red lines read back; an empty choice is left out")
    func structuredForm() throws {
        var draft = Self.draft(choices: [])
        draft.choices = [
            ScenarioDraft.Choice(
                decision: DecisionRef(parsing: "2F.doorgaan")!, option: "sluiten", status: .voorlopig, note: "eerst: \"fracties\""),
            ScenarioDraft.Choice(decision: DecisionRef(parsing: "3G.bijdrage")!, option: "bestendigen", weight: 3, isMust: true),
            ScenarioDraft.Choice(decision: DecisionRef(parsing: "2F.exploitatie")!, option: nil, never: ["niet-uitbesteden"]),
            ScenarioDraft.Choice(decision: DecisionRef(parsing: "3C.structurele-middelen")!, option: nil),
        ]
        let yaml = ScenarioWriter(ruleBase: ruleBase).yaml(draft)
        #expect(yaml.contains("  2F.doorgaan: {optie: sluiten, status: voorlopig, notitie: \"eerst: \\\"fracties\\\"\"}\n"), "\(yaml)")
        #expect(!yaml.contains("3C.structurele-middelen"))
        let scenario = try ScenarioLoader().load(data: Data(yaml.utf8), path: "s.yaml", ruleBase: ruleBase).value
        let reread = ScenarioDraft(scenario, ruleBaseFolder: "../rules")
        #expect(reread.choices == draft.choices.dropLast().sorted { $0.decision < $1.decision })
        #expect(ScenarioWriter(ruleBase: ruleBase).yaml(reread) == yaml)
    }

    @Test("Ids that YAML would read as something else are quoted")
    func scalars() {
        #expect(ScenarioWriter.scalar("sluiten") == "sluiten")
        #expect(ScenarioWriter.scalar("2F.doorgaan") == "2F.doorgaan")
        #expect(ScenarioWriter.scalar("ja") == "\"ja\"")
        #expect(ScenarioWriter.scalar("2027") == "\"2027\"")
        #expect(ScenarioWriter.scalar("a: b") == "\"a: b\"")
        #expect(ScenarioWriter.quoted("a\u{7}b") == "\"a\\u0007b\"")
    }

    @Test("Saved over a file, the file's comment block, verwachtingen and risico stay; the rest is the draft's")
    func keepsWhatTheDraftDoesNotHold() throws {
        let existing = """
            # Ronde 2, opgesteld door de griffie.
            # Niet verspreiden.

            titel: Oud
            keuzes:
              2F.doorgaan: verkopen   # gaat verloren: keuzes komen uit de pagina
            verwachtingen:
              # zoals afgesproken
              fouten: 0

              keuzes:
                2F.doorgaan: verkopen
            # over de aannames
            aannames:
              provincie-cofinanciert-baan: ja
            risico:
              vast: [aanbesteding-luchthaven-slaagt]

            """
        let draft = Self.draft(choices: [("2F.doorgaan", "sluiten")])
        let yaml = ScenarioWriter(ruleBase: ruleBase).yaml(draft)
        let kept = ScenarioWriter.keeping(yaml, from: existing)
        #expect(kept.hasPrefix("# Ronde 2, opgesteld door de griffie.\n# Niet verspreiden.\nregelbasis: \"../rules\"\n"))
        #expect(
            kept.hasSuffix(
                "verwachtingen:\n  # zoals afgesproken\n  fouten: 0\n\n  keuzes:\n    2F.doorgaan: verkopen\n"
                    + "risico:\n  vast: [aanbesteding-luchthaven-slaagt]\n"))
        #expect(!kept.contains("over de aannames"), "a comment before the next section belongs to that section")
        #expect(!kept.contains("# Scenario, bewaard aan tafel"))
        let loaded = try ScenarioLoader().load(data: Data(kept.utf8), path: "s.yaml", ruleBase: ruleBase).value
        #expect(loaded.choices[DecisionRef(parsing: "2F.doorgaan")!]?.value == "sluiten")
        #expect(loaded.expectations != nil)
        #expect(loaded.risk != ScenarioRisk())
        let plain = try ScenarioLoader().load(data: Data(yaml.utf8), path: "s.yaml", ruleBase: ruleBase).value
        #expect(loaded.choices.mapValues(\.value) == plain.choices.mapValues(\.value))
        #expect(loaded.assumptions.mapValues(\.value) == plain.assumptions.mapValues(\.value))
        #expect(loaded.frame == plain.frame && loaded.title == plain.title && loaded.referenceDate == plain.referenceDate)
        #expect(plain.expectations == nil)
        // Without a comment block or kept sections the draft's YAML is written as it is.
        #expect(ScenarioWriter.keeping(yaml, from: "titel: x\n") == yaml)
    }
}
