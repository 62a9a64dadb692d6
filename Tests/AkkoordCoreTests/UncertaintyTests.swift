import Foundation
import Testing

@testable import AkkoordCore

/// `akkoord risico`: the simulation on the compiled evaluator, its exact enumeration, percentiles, tornado and
/// determinism.
@Suite("Uncertainty: risico")
struct UncertaintyTests {
    /// The tutorial base with "renoveren + uitbreiden" and the province's co-funding drawn at 30%.
    static func tutorialProblem(draws: Int = 1_000, seed: UInt64 = 7, enumerationLimit: Int = 20) throws -> UncertaintyProblem {
        let ruleBase = try Fixture.exampleRuleBase()
        let scenario = try Fixture.scenario(
            "titel: t\npeildatum: 2026-06-15\nkeuzes:\n  1A.renovatie: renoveren\n  2A.bibliotheek: uitbreiden\n", in: ruleBase)
        let model = try UncertaintyModel(ruleBase, compiled: try CompiledRuleBase(ruleBase))
        return UncertaintyProblem(
            model: model, scenario: scenario, probabilities: ["provincie-betaalt-mee": Share(basisPoints: 3_000)], draws: draws,
            seed: seed, enumerationLimit: enumerationLimit)
    }

    static func enschede(_ file: String, draws: Int = 2_000, seed: UInt64 = 1) throws -> (UncertaintyProblem, Scenario) {
        let ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value
        let scenario = try ScenarioLoader().load(path: Fixture.scenarios.appendingPathComponent(file).path, ruleBase: ruleBase).value
        let model = try UncertaintyModel(ruleBase, compiled: try CompiledRuleBase(ruleBase))
        return (UncertaintyProblem(model: model, scenario: scenario, draws: draws, seed: seed), scenario)
    }

    @Test("Enumeration equals the hand-computed distribution on the tutorial rule base")
    func enumerationMatchesHandComputation() throws {
        let problem = try Self.tutorialProblem()
        let result = try UncertaintySimulator().run(problem)
        // No range applies to renoveren + uitbreiden, so two combinations are the whole distribution. Uitbreiden adds
        // € 250.000 in 2028 and the capital charges of a € 1.000.000 investment (2028 € 70.000, 2029 € 69.000, 2030
        // € 68.000, after the period € 67.000). Province pays (30%): 2027 € 1.000.000, period € 1.457.000; it does not
        // (70%): 2027 € 2.000.000, period € 2.457.000. Mean 0,3 × 1.457.000 + 0,7 × 2.457.000 = € 2.157.000.
        #expect(result.method == .enumeration(combinations: 2, maxRangeDraws: 1))
        #expect(result.draws == 2)
        #expect(result.period.minimum == 145_700_000 && result.period.maximum == 245_700_000)
        #expect(result.period.p5 == 145_700_000)
        #expect(result.period.p50 == 245_700_000)
        #expect(result.period.p95 == 245_700_000)
        #expect(result.period.mean == 215_700_000)
        #expect(result.years[1].p5 == 100_000_000 && result.years[1].p95 == 200_000_000)
        #expect(result.years[2].p50 == 32_000_000)
        #expect(result.structural.p5 == 6_700_000 && result.structural.p95 == 6_700_000)
        #expect(result.reservePeriod == 30_000_000)
        let warning = try #require(result.rules.first)
        #expect(problem.model.compiled.ruleIDs[warning.rule] == "zwembad-zonder-provincie")
        #expect(abs(warning.probability - 0.7) < 1e-12)
        #expect(result.anyError == 0)
        #expect(result.dependsOnUnknown == 0)
        #expect(result.tornadoPeriod.count == 1)
        #expect(result.tornadoPeriod.first?.low == 245_700_000 && result.tornadoPeriod.first?.high == 145_700_000)
    }

    @Test("Sampling agrees with the enumeration within the statistical tolerance of the seed")
    func samplingMatchesEnumeration() throws {
        let problem = try Self.tutorialProblem(draws: 20_000, seed: 3, enumerationLimit: 0)
        let result = try UncertaintySimulator().run(problem)
        #expect(result.method == .sampling)
        #expect(result.draws == 20_000)
        // σ of a frequency at p = 0.7 over 20.000 draws is 0.0032; 5σ.
        let warning = try #require(result.rules.first)
        #expect(abs(warning.probability - 0.7) < 0.016)
        #expect(abs(Double(result.period.mean) - 215_700_000) < 0.016 * 100_000_000)
        #expect(result.period.p50 == 245_700_000)
    }

    @Test("Ranges are drawn within their bounds and unknown amounts are counted, never drawn as 0")
    func rangesAndUnknowns() throws {
        let ruleBase = try Fixture.exampleRuleBase()
        let scenario = try Fixture.scenario(
            "titel: t\npeildatum: 2026-06-15\nkeuzes:\n  1A.renovatie: sluiten\n  1A.exploitant: verlengen\n", in: ruleBase)
        let model = try UncertaintyModel(ruleBase, compiled: try CompiledRuleBase(ruleBase))
        let problem = UncertaintyProblem(model: model, scenario: scenario, draws: 4_000, seed: 11)
        let result = try UncertaintySimulator().run(problem)
        // No assumption has a probability: one combination, the saving drawn 4.000 times in [-450.000, -350.000].
        #expect(result.method == .enumeration(combinations: 1, maxRangeDraws: 4_000))
        #expect(result.structural.minimum >= -45_000_000 && result.structural.maximum <= -35_000_000)
        #expect(result.structural.p5 < result.structural.p50 && result.structural.p50 < result.structural.p95)
        // The year 2028 holds one draw of the same saving as the run-rate.
        #expect(result.years[2].minimum >= -45_000_000 && result.years[2].maximum <= -35_000_000)
        // The contract's amount is unknown in every year from 2027: every outcome depends on it.
        #expect(abs(result.dependsOnUnknown - 1) < 1e-9)
        #expect(result.structural.maxUnknown == 1)
        #expect(result.period.maxUnknown == 4)
        #expect(result.years[0].maxUnknown == 0)
        #expect(result.tornadoStructural.count == 1)
        #expect(result.tornadoStructural.first?.swing == 10_000_000)
    }

    @Test("Percentiles on a constructed case: the lower inverse of the distribution")
    func percentiles() {
        let values = (1...100).map { Int64($0) }.reversed().map { $0 }
        let order = values.indices.sorted { values[$0] < values[$1] }
        let distribution = UncertaintySimulator.distribution(
            order: order, value: { values[$0] }, unknown: { $0 == 0 ? 2 : 0 },
            weights: [Double](repeating: 0.01, count: 100), normalise: 1)
        #expect(distribution.p5 == 5)
        #expect(distribution.p50 == 50)
        #expect(distribution.p90 == 90)
        #expect(distribution.p95 == 95)
        #expect(distribution.mean == 51)  // 50,5 rounded away from zero
        #expect(distribution.minimum == 1 && distribution.maximum == 100)
        #expect(abs(distribution.dependsOnUnknown - 0.01) < 1e-12)
        #expect(distribution.maxUnknown == 2)
        // Unequal weights: 90% on 10, 10% on 20.
        let weighted = UncertaintySimulator.distribution(
            order: [0, 1], value: { [10, 20][$0] }, unknown: { _ in 0 }, weights: [0.9, 0.1], normalise: 1)
        #expect(weighted.p50 == 10 && weighted.p90 == 10 && weighted.p95 == 20)
    }

    @Test("The same seed gives the same result and the same bytes; another seed other draws")
    func determinism() throws {
        let (problem, scenario) = try Self.enschede("huidige-lijn.yaml", draws: 3_000, seed: 1)
        let first = try UncertaintySimulator().run(problem)
        let second = try UncertaintySimulator().run(problem)
        #expect(first == second)
        let render = { (result: UncertaintyResult) in
            JSONRenderer().render(encodable: RiskReportBuilder().build(result, problem: problem, scenario: scenario))
        }
        #expect(render(first) == render(second))
        var other = problem
        other.seed = 2
        #expect(try UncertaintySimulator().run(other).period != first.period)
    }

    @Test("The tornado of a scenario that continues the airport has the province's co-funding among the three largest")
    func tornadoOrder() throws {
        let (problem, _) = try Self.enschede("huidige-lijn.yaml")
        let result = try UncertaintySimulator().run(problem)
        let swings = result.tornadoPeriod.map(\.swing)
        #expect(swings == swings.sorted(by: >))
        let top = result.tornadoPeriod.prefix(3).compactMap { bar -> String? in
            if case .assumption(let index) = bar.subject { return problem.model.assumptions[index].id }
            return nil
        }
        #expect(top.contains("provincie-cofinanciert-baan"))
    }

    @Test("Property: P5 ≤ P50 ≤ P95 everywhere, and a fixed assumption is never drawn")
    func properties() throws {
        let ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value
        let model = try UncertaintyModel(ruleBase, compiled: try CompiledRuleBase(ruleBase))
        var random = SplitMix(seed: 12)
        for round in 0..<12 {
            let scenario = CompiledEvaluatorTests.randomScenario(ruleBase, using: &random)
            var overrides: [String: Share] = [:], fixed: Set<String> = []
            for assumption in ruleBase.assumptions {
                switch Int.random(in: 0..<4, using: &random) {
                case 0: overrides[assumption.id] = Share(basisPoints: Int.random(in: 0...10_000, using: &random))
                case 1: fixed.insert(assumption.id)
                default: break
                }
            }
            let problem = UncertaintyProblem(
                model: model, scenario: scenario, fixed: fixed, probabilities: overrides, draws: 500, seed: UInt64(round),
                enumerationLimit: round.isMultiple(of: 2) ? 10 : 0)
            let result = try UncertaintySimulator().run(problem)
            let drawnIDs = Set(result.drawn.map { ruleBase.assumptions[$0].id })
            #expect(drawnIDs.isDisjoint(with: fixed))
            for distribution in result.years + [result.period, result.structural] {
                #expect(distribution.minimum <= distribution.p5)
                #expect(distribution.p5 <= distribution.p50 && distribution.p50 <= distribution.p90)
                #expect(distribution.p90 <= distribution.p95 && distribution.p95 <= distribution.maximum)
            }
            #expect(result.reservePeriod >= 0)
        }
    }

    @Test("A scenario fixes an assumption (never drawn) or sets its probability under 'risico'")
    func scenarioSettings() throws {
        let ruleBase = try Fixture.exampleRuleBase()
        let model = try UncertaintyModel(ruleBase, compiled: try CompiledRuleBase(ruleBase))
        let drawn = try Fixture.scenario(
            "titel: t\npeildatum: 2026-06-15\nkeuzes:\n  1A.renovatie: renoveren\nrisico:\n  kansen:\n    provincie-betaalt-mee: 30%\n",
            in: ruleBase)
        let drawnProblem = UncertaintyProblem(model: model, scenario: drawn, draws: 10, seed: 1)
        #expect(drawnProblem.drawn.map { ruleBase.assumptions[$0].id } == ["provincie-betaalt-mee"])
        #expect(drawnProblem.probabilities[drawnProblem.drawn[0]] == 3_000)
        #expect(drawnProblem.probabilityFromScenario[drawnProblem.drawn[0]])

        let fixed = try Fixture.scenario(
            "titel: t\npeildatum: 2026-06-15\naannames:\n  provincie-betaalt-mee: nee\nrisico:\n  vast: [provincie-betaalt-mee]\n  kansen:\n    provincie-betaalt-mee: 30%\n",
            in: ruleBase)
        let fixedProblem = UncertaintyProblem(model: model, scenario: fixed, draws: 10, seed: 1)
        #expect(fixedProblem.drawn.isEmpty)
        #expect(fixedProblem.held == [.fixed])
        let result = try UncertaintySimulator().run(fixedProblem)
        // Held at the scenario's `nee`: the warning always fires.
        #expect(result.rules.map(\.probability) == [1])

        do {
            _ = try Fixture.scenario(
                "titel: t\npeildatum: 2026-06-15\nrisico:\n  vast: [bestaat-niet]\n  kansen:\n    provincie-betaalt-mee: veel\n",
                in: ruleBase)
            Issue.record("an unknown assumption under risico.vast must be an error")
        } catch {
            let found = error.diagnostics.map { "\($0.id.rawValue) \($0.location.line):\($0.location.column)" }
            #expect(found == ["ref.unknown-assumption 4:10", "value.percentage 6:28"])
        }
    }

    @Test("akkoord risico --zaad 1 twice gives identical bytes; the JSON has per-year percentiles in cents")
    func commandLine() throws {
        let arguments = ["risico", "scenarios/huidige-lijn.yaml", "--zaad", "1", "--trekkingen", "2000", "--format", "json"]
        let first = try CLI.run(arguments), second = try CLI.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        // On one core the bytes are the same as on all of them (Linux: taskset).
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset") {
            let oneCore = try CLI.run(arguments, prefix: ["/usr/bin/taskset", "-c", "0"])
            #expect(oneCore.stdout == first.stdout)
        }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let years = try #require(object["per_jaar"] as? [[String: Any]])
        #expect(years.count == 5)
        #expect(years.allSatisfy { $0["p5_cent"] is Int && $0["p50_cent"] is Int && $0["p95_cent"] is Int })
        let frame = try #require(object["kader"] as? [String: Any])
        #expect(frame.keys.contains("kans_overschreden"))
        let html = try CLI.run(["risk", "scenarios/bezuinigen.yaml", "--format", "html", "--trekkingen", "500"])
        #expect(html.status == 0)
        #expect(html.stdout.contains("<svg") && html.stdout.contains("Tornado"))
        let bad = try CLI.run(["risico", "scenarios/huidige-lijn.yaml", "--trekkingen", "0"])
        #expect(bad.status == 2)
    }

    @Test("The pack has a risk section per scenario when asked")
    func packSection() throws {
        let ruleBase = try Fixture.exampleRuleBase()
        let scenarios = try ["scenario-renoveren.yaml", "scenario-sluiten.yaml"].map {
            try ScenarioLoader().load(path: Fixture.examples.appendingPathComponent($0).path, ruleBase: ruleBase).value
        }
        let reports = try scenarios.map { try ReportBuilder().build(try Evaluator().evaluate($0, in: ruleBase)) }
        var pack = try BriefingPack(ruleBase: ruleBase, reports: reports, digest: InputDigest(files: []))
        #expect(!pack.singleFile().contains("Risicoanalyse"))
        pack.risks = try RiskReportBuilder.reports(for: scenarios, in: ruleBase, draws: 200)
        #expect(pack.singleFile().components(separatedBy: "<h2>Risicoanalyse: ").count == 3)
        #expect(pack.files().keys.filter { $0.hasPrefix("data/risico-") }.count == 2)
    }

    @Test("A probability can say where it comes from: kans: {waarde, schatting | bron}")
    func probabilityBasis() throws {
        let enschede = try RuleBaseLoader().load(directory: Fixture.rules.path).value
        let province = try #require(enschede.assumptions.first { $0.id == "provincie-cofinanciert-baan" })
        #expect(province.probability == Share(basisPoints: 5_000) && province.probabilityBasis == .estimate)

        let dossier = try String(contentsOf: Fixture.examples.appendingPathComponent("regels/dossier.yaml"), encoding: .utf8)
        func load(_ kans: String) -> (RuleBase?, [Diagnostic]) {
            let text = dossier.replacingOccurrences(of: "    moment: juni 2026\n", with: "    kans: \(kans)\n    moment: juni 2026\n")
            let directory = Fixture.ruleBase(replacing: ["dossier.yaml": text])
            do {
                return (try RuleBaseLoader().load(directory: directory.path).value, [])
            } catch {
                return (nil, error.diagnostics)
            }
        }
        let sourced = try #require(load("{waarde: 40%, bron: \"Provinciale Staten, motie 12\"}").0)
        #expect(sourced.assumptions[0].probability == Share(basisPoints: 4_000))
        #expect(sourced.assumptions[0].probabilityBasis == .source("Provinciale Staten, motie 12"))
        #expect(try #require(load("25%").0).assumptions[0].probabilityBasis == .unstated)
        #expect(load("{waarde: veel}").1.map(\.id) == [.valuePercentage])
        #expect(load("{waarde: 10%, zeker: ja}").1.map(\.id.rawValue).contains("key.unknown"))
    }
}
