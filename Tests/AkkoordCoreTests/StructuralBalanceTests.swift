import Foundation
import Testing

@testable import AkkoordCore

/// Issue 15 item 6: structural burdens against structural means per year, a warning when structural costs lean on
/// incidental money, and the structural balance after the period in the summary (BBV "structureel en reëel evenwicht").
@Suite("Structural balance (BBV)")
struct StructuralBalanceTests {
    /// The example rule base with 1A.renovatie.sluiten changed to a structural cost from 2027 paid for by a one-off
    /// saving in 2027.
    static func craftedEvaluation() throws -> Evaluation {
        let base = try Fixture.exampleRuleBase()
        var fiches = base.fiches
        let f = try #require(fiches.firstIndex { $0.code == "1A" })
        let d = try #require(fiches[f].decisions.firstIndex { $0.id == "renovatie" })
        let o = try #require(fiches[f].decisions[d].options.firstIndex { $0.id == "sluiten" })
        var structural = try #require(fiches[f].decisions[d].options[o].effects.first)
        structural.amount = .exact(Money(euros: 100_000))
        structural.timing = .from(2027)
        structural.nature = .structureel
        var incidental = structural
        incidental.amount = .exact(Money(euros: -300_000))
        incidental.timing = .years([2027])
        incidental.nature = .incidenteel
        fiches[f].decisions[d].options[o].effects = [structural, incidental]
        let ruleBase = RuleBase(info: base.info, fiches: fiches, assumptions: base.assumptions, rules: base.rules)
        let scenario = try Fixture.scenario("titel: x\npeildatum: 2026-06-15\nkeuzes: {1A.renovatie: sluiten}\n", in: ruleBase)
        return try Evaluator().evaluate(scenario, in: ruleBase)
    }

    @Test func structuralCostsCoveredByAOneOffSavingWarn() throws {
        let evaluation = try Self.craftedEvaluation()
        let year2027 = try #require(evaluation.budget.years.first { $0.year == 2027 })
        #expect(year2027.structuralCostsCoveredIncidentally)
        #expect(year2027.burden.maximum < .zero, "the year as a whole is a voordeel, which hides the structural nadeel")
        let warnings = evaluation.messages.filter { $0.kind == .structureelEvenwicht }
        #expect(warnings.map(\.level) == [.waarschuwing])
        #expect(
            warnings.first?.text.hasPrefix("In 2027 staat een structureel nadeel (€ 100.000) tegenover een incidenteel voordeel") == true)
        #expect(evaluation.diagnostics.contains { $0.id == .scenarioStructuralBalance })
        let report = try ReportBuilder().build(evaluation)
        #expect(report.samenvatting.structureelIncidenteelGedekt == [2027])
        #expect(report.samenvatting.structureelEvenwicht == .nietInEvenwicht)
        let line = try #require(report.geld.jaren.first { $0.jaar == 2027 })
        #expect(line.structureelNadeel.minCent == 10_000_000)
        let markdown = MarkdownRenderer().render(report)
        #expect(
            markdown.contains(
                "| Structureel evenwicht na de periode (BBV) | niet in evenwicht: structureel nadeel; structurele lasten incidenteel gedekt in 2027 |"
            ))
    }

    /// Burdens plus means are the structural total, bound by bound; a range across zero is split at zero.
    @Test func splitAtZeroAddsUp() throws {
        let cases: [Amount] = [
            .exact(Money(euros: 5)), .exact(Money(euros: -5)), .range(min: Money(euros: -3), max: Money(euros: 7)),
            .range(min: Money(euros: 2), max: Money(euros: 9)), .range(min: Money(euros: -9), max: Money(euros: -2)),
            .unknown(.nadeel), .unknown(.voordeel),
        ]
        for amount in cases {
            let (burden, means) = BudgetSummary.YearTotals.split(amount)
            var sum = burden
            try sum.add(means)
            #expect(sum == AmountTotal(amount), "\(amount)")
            #expect(burden.minimum >= .zero && means.maximum <= .zero, "\(amount)")
        }
    }

    @Test func balanceAfterThePeriod() {
        func total(_ min: Int32, _ max: Int32, unknownBurdens: Int = 0) -> AmountTotal {
            AmountTotal(minimum: Money(euros: min), maximum: Money(euros: max), unknownBurdens: unknownBurdens, unknownBenefits: 0)
        }
        #expect(StructuralBalance(total(-10, -5)) == .inEvenwicht)
        #expect(StructuralBalance(total(-10, -5, unknownBurdens: 1)) == .onzeker)
        #expect(StructuralBalance(total(-10, 5)) == .onzeker)
        #expect(StructuralBalance(total(1, 5)) == .nietInEvenwicht)
    }
}

/// Issue 15 item 8: comparing with a scenario on the current line does not repeat the dossier's current line as a column.
@Suite("Comparison with a current-line scenario")
struct CurrentLineComparisonTests {
    @Test func theDossierColumnIsLeftOutWhenAScenarioIsTheCurrentLine() throws {
        let ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value
        func report(_ name: String) throws -> ConsequenceReport {
            let path = Fixture.scenarios.appendingPathComponent("\(name).yaml").path
            return try ReportBuilder().build(
                try Evaluator().evaluate(try ScenarioLoader().load(path: path, ruleBase: ruleBase).value, in: ruleBase))
        }
        let withCurrentLine = MarkdownComparisonRenderer().render(
            try ScenarioComparison(reports: [try report("huidige-lijn"), try report("luchthaven-sluiten")]))
        #expect(!withCurrentLine.contains("Huidige lijn (dossier)"))
        #expect(withCurrentLine.contains("Huidige lijn volgt overal de huidige lijn van het dossier."))
        let withoutCurrentLine = MarkdownComparisonRenderer().render(
            try ScenarioComparison(reports: [try report("bezuinigen"), try report("luchthaven-sluiten")]))
        #expect(withoutCurrentLine.contains("| Beslissing | Huidige lijn (dossier) |"))
    }
}
