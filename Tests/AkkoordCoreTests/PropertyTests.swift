import Foundation
import PropertyBased
import Testing

@testable import AkkoordCore

/// Properties that must hold for any input, checked on generated values (x-sheep/swift-property-based).
@Suite("Properties of money, evaluation and comparison")
struct PropertyTests {
    /// The bundled rule base; every property below needs it, so not loading it stops the suite with the reason.
    static let enschede: RuleBase = {
        do {
            return try RuleBaseLoader().load(directory: Fixture.rules.path).value
        } catch {
            preconditionFailure("the bundled rule base does not load: \(error)")
        }
    }()
    static let location = SourceLocation(file: "gen.yaml", line: 1, column: 1)

    /// An effect from generated numbers: kind 0 exact, 1 range, 2 unknown; timing 0 years, 1 from, 2 per year.
    static func effect(_ numbers: [Int]) -> BudgetEffect {
        let a = Int64(numbers[1]) * 100 - 5_000_000, b = Int64(numbers[2]) * 100
        let amount: Amount =
            switch numbers[0] % 3 {
            case 0: .exact(Money(cents: a))
            case 1: .range(min: Money(cents: a), max: Money(cents: a + b))
            default: .unknown(numbers[1] % 2 == 0 ? .nadeel : .voordeel)
            }
        let year = 2026 + numbers[3] % 5
        let timing: EffectTiming =
            switch numbers[4] % 3 {
            case 0: .years([year])
            case 1: .from(year)
            default: .perYear(Dictionary([(year, amount), (2030, .exact(Money(cents: b)))], uniquingKeysWith: { first, _ in first }))
            }
        return BudgetEffect(
            description: "e", side: numbers[5] % 2 == 0 ? .lasten : .baten,
            nature: numbers[4] % 3 == 1 ? .structureel : .incidenteel,
            programme: ["aantrekkelijk", "open", "groen"][numbers[6] % 3], amount: amount, total: nil, share: nil,
            cofunders: [], timing: timing, provenance: .assumption("gegenereerd"), location: location)
    }

    static let effects = Gen.int(in: 0...100_000).array(of: 7).array(of: 0...12)

    @Test func totalsEqualTheSumOfTheirParts() async {
        await propertyCheck(input: Self.effects) { rows in
            let applied = rows.map { AppliedEffect(effect: Self.effect($0), origin: .scenario, fiche: "2F") }
            let budget = try BudgetSummary(effects: applied, ruleBase: Self.enschede)
            for year in budget.years {
                var lasten = AmountTotal.zero, baten = AmountTotal.zero
                for item in applied {
                    guard let amount = item.effect.amount(in: year.year) else { continue }
                    if item.effect.side == .lasten { try lasten.add(amount) } else { try baten.add(amount) }
                }
                #expect(year.lasten == lasten)
                #expect(year.baten == baten)
                // Structural plus incidental is the whole burden; programmes add up to the total as well.
                var parts = year.structural
                try parts.add(year.incidental)
                #expect(parts.minimum == year.burden.minimum && parts.maximum == year.burden.maximum)
                var programmes = AmountTotal.zero
                for perYear in budget.byProgramme.values { try programmes.add(perYear[year.year] ?? .zero) }
                #expect(programmes.minimum == year.burden.minimum && programmes.maximum == year.burden.maximum)
                #expect(programmes.unknownBurdens == year.lasten.unknownBurdens + year.baten.unknownBurdens)
                #expect(programmes.unknownBenefits == year.lasten.unknownBenefits + year.baten.unknownBenefits)
            }
            var sum = AmountTotal.zero
            for year in budget.years { try sum.add(year.burden) }
            #expect(budget.periodBurden == sum)
        }
    }

    @Test func rangesContainTheirExactCounterparts() async {
        await propertyCheck(input: Gen.int(in: -1_000_000...1_000_000).array(of: 3).array(of: 1...20)) { rows in
            var ranges = AmountTotal.zero, exact = AmountTotal.zero
            for row in rows {
                let low = Int64(min(row[0], row[1])), high = Int64(max(row[0], row[1]))
                let span = high - low
                let pick = span == 0 ? low : low + Int64(row[2].magnitude) % (span + 1)
                try ranges.add(.range(min: Money(cents: low), max: Money(cents: high)))
                try exact.add(.exact(Money(cents: pick)))
            }
            #expect(ranges.minimum <= exact.minimum && exact.maximum <= ranges.maximum)
            #expect(exact.isExact)
            // Negating and sharing keep a range ordered and around its exact value.
            let share = Share(basisPoints: Int(rows[0][2].magnitude % 10_001))
            let range = try Amount.range(min: ranges.minimum, max: ranges.maximum).applying(share)
            let value = try exact.minimum.applying(share)
            #expect(range.minimum! <= value && value <= range.maximum!)
            #expect(try Amount.range(min: ranges.minimum, max: ranges.maximum).negated().minimum! <= exact.minimum.negated())
        }
    }

    /// A scenario choosing an option per decision from generated numbers.
    static func scenario(_ picks: [Int], assumptions: [Int]) -> Scenario {
        var choices: [DecisionRef: Located<String>] = [:]
        for (index, entry) in enschede.allDecisions.enumerated() where picks[index % picks.count] % 3 == 0 {
            let options = entry.decision.options
            choices[entry.ref] = Located(options[picks[(index + 1) % picks.count] % options.count].id, at: location)
        }
        var values: [String: Located<Bool>] = [:]
        for (index, assumption) in enschede.assumptions.enumerated() where assumptions[index % assumptions.count] % 3 != 0 {
            values[assumption.id] = Located(assumptions[index % assumptions.count] % 2 == 0, at: location)
        }
        return Scenario(
            title: "gegenereerd", description: nil, referenceDate: Day(year: 2026, month: 6 + picks[0] % 6, day: 15)!,
            choices: choices, assumptions: values, frame: nil, file: "gen.yaml")
    }

    static let picks = Gen.int(in: 0...999).array(of: 1...40)

    @Test func evaluationDoesNotDependOnFileOrRuleOrder() async {
        await propertyCheck(count: 25, input: Self.picks, Self.picks) { picks, assumptions in
            let scenario = Self.scenario(picks, assumptions: assumptions)
            var generator = SplitMix(seed: UInt64(truncatingIfNeeded: picks.reduce(7, { $0 &* 31 &+ $1 })))
            let base = Self.enschede
            let render = { (ruleBase: RuleBase) in
                JSONRenderer().render(try ReportBuilder().build(try Evaluator().evaluate(scenario, in: ruleBase)))
            }
            let expected = try render(base)
            // A rule base made from the same parts in any order is the same rule base.
            let resorted = RuleBase(
                info: base.info, fiches: base.fiches.shuffled(using: &generator),
                assumptions: base.assumptions.shuffled(using: &generator), rules: base.rules.shuffled(using: &generator))
            #expect(resorted == base)
            #expect(try render(resorted) == expected)
        }
    }

    /// The marginal effects of the deviations plus the interaction are exactly the change against the baseline, and
    /// that change and each marginal equal separate evaluations of the scenarios involved.
    @Test func marginalsAndInteractionAddUpToTheChangeFromTheBaseline() async {
        await propertyCheck(count: 25, input: Self.picks, Self.picks) { picks, assumptions in
            let scenario = Self.scenario(picks, assumptions: assumptions)
            let evaluation = try Evaluator().evaluate(scenario, in: Self.enschede)
            let changes = try ReportBuilder().build(evaluation).wijzigingen
            #expect(changes.bijsturingen.map(\.beslissing) == evaluation.deviations.map(\.ref))
            var baselineScenario = scenario
            baselineScenario.choices = [:]
            let baseline = try Evaluator().evaluate(baselineScenario, in: Self.enschede)
            #expect(changes.totaal == ConsequenceReport.Change(try BudgetChange(evaluation.budget, minus: baseline.budget)))
            for decision in changes.bijsturingen {
                var reverted = scenario
                reverted.choices[decision.beslissing] = nil
                let without = try Evaluator().evaluate(reverted, in: Self.enschede)
                #expect(decision.marginaal == ConsequenceReport.Change(try BudgetChange(evaluation.budget, minus: without.budget)))
            }
            func sum(_ measure: (ConsequenceReport.Change) -> ConsequenceReport.Delta) -> [Int64] {
                var low: Int64 = 0, high: Int64 = 0, burdens: Int64 = 0, benefits: Int64 = 0
                for change in changes.bijsturingen.map(\.marginaal) + [changes.interactie].compactMap({ $0 }) {
                    let delta = measure(change)
                    low += delta.laagCent
                    high += delta.hoogCent
                    burdens += Int64(delta.onbekendNadeel)
                    benefits += Int64(delta.onbekendVoordeel)
                }
                return [low, high, burdens, benefits]
            }
            func parts(_ delta: ConsequenceReport.Delta) -> [Int64] {
                [delta.laagCent, delta.hoogCent, Int64(delta.onbekendNadeel), Int64(delta.onbekendVoordeel)]
            }
            for (index, year) in changes.totaal.perJaar.enumerated() {
                #expect(sum { $0.perJaar[index].verschil } == parts(year.verschil), "\(year.jaar)")
            }
            #expect(sum(\.saldoPeriode) == parts(changes.totaal.saldoPeriode))
            #expect(sum(\.structureelNaPeriode) == parts(changes.totaal.structureelNaPeriode))
        }
    }

    @Test func comparingAScenarioWithItselfShowsNoDifferences() async {
        await propertyCheck(count: 25, input: Self.picks, Self.picks) { picks, assumptions in
            let report = try ReportBuilder().build(
                try Evaluator().evaluate(Self.scenario(picks, assumptions: assumptions), in: Self.enschede))
            let comparison = try ScenarioComparison(reports: [report, report])
            #expect(comparison.verschillendeKeuzes.isEmpty)
            #expect(comparison.verschillendeMeldingen.isEmpty)
            #expect(comparison.stuurmomentenNietInAlle.isEmpty)
            let zero = ConsequenceReport.Total(.zero)
            #expect(comparison.geld.allSatisfy { $0.nadeel[1].verschil == zero })
            #expect(comparison.structureelNaPeriode[1].verschil == zero)
            #expect(comparison.saldoPeriode[1].verschil == zero)
        }
    }
}

/// A small seeded generator for shuffling (SplitMix64).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
