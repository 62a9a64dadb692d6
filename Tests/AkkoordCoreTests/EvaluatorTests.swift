import Testing

@testable import AkkoordCore

@Suite("Evaluation: choices, constraints, rules, money and steering moments")
struct EvaluatorTests {
    let ruleBase: RuleBase

    init() throws { ruleBase = try Fixture.exampleRuleBase() }

    func evaluate(_ text: String) throws -> Evaluation {
        try Evaluator().evaluate(try Fixture.scenario(text, in: ruleBase), in: ruleBase)
    }

    func year(_ evaluation: Evaluation, _ year: Int) throws -> BudgetSummary.YearTotals {
        try #require(evaluation.budget.years.first { $0.year == year })
    }

    @Test func missingChoicesStayOnTheCurrentLineAndAreReported() throws {
        let evaluation = try evaluate("titel: leeg\npeildatum: 2026-06-15\n")
        #expect(evaluation.choices.count == 3)
        #expect(evaluation.choices.allSatisfy { !$0.isExplicit && !$0.isDeviation })
        let report = try ReportBuilder().build(evaluation)
        #expect(report.samenvatting.standaardKeuzes == 3)
        #expect(report.samenvatting.bijsturingen == 0)
    }

    @Test func shareOfATotalIsExact() throws {
        let evaluation = try evaluate("titel: x\npeildatum: 2026-06-15\n")
        let year2027 = try year(evaluation, 2027)
        #expect(
            year2027.lasten
                == AmountTotal(minimum: Money(euros: 1_000_000), maximum: Money(euros: 1_000_000), unknownBurdens: 0, unknownBenefits: 0))
        #expect(year2027.incidental.minimum == Money(euros: 1_000_000))
        #expect(try year(evaluation, 2026).lasten.isZero)
    }

    @Test func ruleFiresOnlyWhenItsConditionHolds() throws {
        let withProvince = try evaluate("titel: x\npeildatum: 2026-06-15\naannames: {provincie-betaalt-mee: ja}\n")
        #expect(withProvince.firedRules.isEmpty)
        let without = try evaluate("titel: x\npeildatum: 2026-06-15\naannames: {provincie-betaalt-mee: nee}\n")
        #expect(without.firedRules.map(\.id) == ["zwembad-zonder-provincie"])
        #expect(try year(without, 2027).lasten.minimum == Money(euros: 2_000_000))
        #expect(without.messages.contains { $0.level == .waarschuwing && $0.origin == .rule("zwembad-zonder-provincie") })
        // The same rule does not fire when the pool closes: conditions combine choices and assumptions.
        let closed = try evaluate(
            "titel: x\npeildatum: 2026-06-15\nkeuzes: {1A.renovatie: sluiten}\naannames: {provincie-betaalt-mee: nee}\n")
        #expect(closed.firedRules.isEmpty)
    }

    @Test func excludesIsViolatedWhenBothAreChosen() throws {
        let evaluation = try evaluate("titel: x\npeildatum: 2026-06-15\nkeuzes:\n  1A.renovatie: sluiten\n  2A.bibliotheek: uitbreiden\n")
        let errors = evaluation.messages.filter { $0.level == .fout }
        #expect(errors.contains { $0.kind == .sluitUit && $0.text.contains("sluit 2A.bibliotheek.uitbreiden") })
        #expect(
            errors.contains {
                $0.kind == .vereist && $0.text.contains("vereist 1A.renovatie.renoveren")
                    && $0.text.contains("gekozen is 1A.renovatie.sluiten")
            })
    }

    @Test func requiresIsSatisfiedWhenTheRequiredOptionIsChosen() throws {
        let evaluation = try evaluate("titel: x\npeildatum: 2026-06-15\nkeuzes: {2A.bibliotheek: uitbreiden}\n")
        #expect(evaluation.count(.fout) == 0)
    }

    @Test func rangesAndUnknownsAreKeptApartAndStructuralRunRateIsComputed() throws {
        let evaluation = try evaluate("titel: x\npeildatum: 2026-06-15\nkeuzes:\n  1A.renovatie: sluiten\n  1A.exploitant: verlengen\n")
        let year2028 = try year(evaluation, 2028)
        #expect(year2028.lasten.minimum == Money(euros: -450_000))
        #expect(year2028.lasten.maximum == Money(euros: -350_000))
        #expect(year2028.lasten.unknownCount == 1, "the operator's unknown contribution is counted, not zero")
        #expect(try year(evaluation, 2027).lasten == AmountTotal(minimum: .zero, maximum: .zero, unknownBurdens: 1, unknownBenefits: 0))
        #expect(
            evaluation.budget.structuralRunRate
                == AmountTotal(minimum: Money(euros: -450_000), maximum: Money(euros: -350_000), unknownBurdens: 1, unknownBenefits: 0))
        #expect(evaluation.budget.unknownEffects == [.nadeel: 1])
        #expect(evaluation.budget.unknownEffectCount == 1)
    }

    @Test func steeringMomentPassedIsAWarning() throws {
        // 1A's moment is voorjaar 2026 (ends 31 May 2026).
        let early = try evaluate("titel: x\npeildatum: 2026-05-01\nkeuzes: {1A.renovatie: sluiten}\n")
        #expect(!early.messages.contains { $0.kind == .momentVerstreken })
        let late = try evaluate("titel: x\npeildatum: 2026-06-15\nkeuzes: {1A.renovatie: sluiten}\n")
        let warning = try #require(late.messages.first { $0.kind == .momentVerstreken })
        #expect(warning.level == .waarschuwing)
        #expect(warning.text.contains("Logisch moment verstreken"))
        #expect(late.timeline.contains { $0.kind == .bijsturing && $0.isPast })
    }

    @Test func dependencyOnALaterMomentIsAWarning() throws {
        let base = Fixture.ruleBase(replacing: [:])
        let fiche = base.appendingPathComponent("fiches/1A-zwembad.yaml")
        var text = try String(contentsOf: fiche, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "        sluit_uit: [2A.bibliotheek.uitbreiden]\n", with: "        vereist: [2A.bibliotheek.uitbreiden]\n")
        try text.write(to: fiche, atomically: true, encoding: .utf8)
        let loaded = try RuleBaseLoader().load(directory: base.path).value
        let scenario = try Fixture.scenario(
            "titel: x\npeildatum: 2026-01-15\nkeuzes:\n  1A.renovatie: sluiten\n  2A.bibliotheek: uitbreiden\n", in: loaded)
        let evaluation = try Evaluator().evaluate(scenario, in: loaded)
        #expect(
            evaluation.messages.contains {
                $0.kind == .afhankelijkheidLater && $0.text.contains("1A.renovatie hangt af van 2A.bibliotheek")
            })
    }

    @Test func lapsesOnTheCurrentLineAreReported() throws {
        let evaluation = try evaluate("titel: x\npeildatum: 2026-06-15\n")
        #expect(evaluation.messages.contains { $0.kind == .verloopt && $0.text.contains("Het contract met de exploitant loopt af") })
        #expect(evaluation.timeline.contains { $0.kind == .verloop && $0.planning?.id == "begroting-2027" })
    }

    @Test func budgetFrameIsChecked() throws {
        let over = try evaluate("titel: x\npeildatum: 2026-06-15\nkeuzes: {1A.exploitant: verlengen}\nkader: {max_structureel_nadeel: 0}\n")
        #expect(over.messages.contains { $0.kind == .kader && $0.level == .waarschuwing && $0.text.contains("onbekend") })
        let perYear = try evaluate("titel: x\npeildatum: 2026-06-15\nkader: {max_nadeel_per_jaar: 500000}\n")
        #expect(perYear.messages.contains { $0.kind == .kader && $0.level == .fout && $0.text.contains("2027") })
    }

    @Test func evaluationDoesNotDependOnRuleOrder() throws {
        let reordered = RuleBase(
            info: ruleBase.info, fiches: ruleBase.fiches.reversed(), assumptions: ruleBase.assumptions.reversed(),
            rules: ruleBase.rules.reversed())
        let scenario = try Fixture.scenario("titel: x\npeildatum: 2026-06-15\naannames: {provincie-betaalt-mee: nee}\n", in: ruleBase)
        let first = JSONRenderer().render(try ReportBuilder().build(try Evaluator().evaluate(scenario, in: ruleBase)))
        let second = JSONRenderer().render(try ReportBuilder().build(try Evaluator().evaluate(scenario, in: reordered)))
        #expect(first == second)
    }
}
