import Foundation
import Testing

@testable import AkkoordCore

/// The relation-table risk in 2F ("Geen oplossing voor netcongestie / stikstof: verslechtering grondexploitatie
/// (enkele miljoenen)") is a risk, not a decided cost (issue 16, docs/decisions.md 27): the report shows it with its
/// estimated probability and range but does not book it; `akkoord risico` draws it.
@Suite("2F: the worsening of the Technology Base land development is a risk")
struct TechnologyBaseRiskTests {
    let ruleBase: RuleBase

    init() throws { ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value }

    func evaluate(file: String) throws -> Evaluation {
        let path = Fixture.scenarios.appendingPathComponent(file).path
        return try Evaluator().evaluate(try ScenarioLoader().load(path: path, ruleBase: ruleBase).value, in: ruleBase)
    }

    /// The risk is an assumption that holds with an estimated 50%, by default not.
    @Test func theRiskIsAnEstimatedAssumption() throws {
        let risk = try #require(ruleBase.assumptions.first { $0.id == "2F-grex-verslechtert" })
        #expect(risk.defaultValue == false)
        #expect(risk.probability == Share(basisPoints: 5_000))
        #expect(risk.probabilityBasis == .estimate)
        #expect(risk.provenance?.citation?.text.contains("enkele miljoenen") == true)
    }

    /// The current line, and every bundled scenario, no longer books the € 1–4,5 million; the risk warning says what
    /// it would cost, how likely it is, and that the probability is an estimate.
    @Test(arguments: [
        "huidige-lijn.yaml", "bezuinigen.yaml", "economie-en-innovatie.yaml", "luchthaven-sluiten.yaml", "groen-en-sociaal.yaml",
    ])
    func noScenarioBooksTheRiskAsACost(file: String) throws {
        let evaluation = try evaluate(file: file)
        let fired = evaluation.firedRules.map(\.id)
        #expect(!fired.contains("2F-grex-zonder-doorbraak"), "\(file)")
        #expect(!evaluation.effects.contains { $0.origin == .rule("2F-grex-zonder-doorbraak") }, "\(file)")
        let warning = try #require(evaluation.messages.first { $0.origin == .rule("2F-grex-risico-zonder-doorbraak") })
        #expect(warning.level == .waarschuwing)
        for part in ["Risico, geen besloten kosten", "Kans 50%: een schatting", "€ 1.000.000 – € 4.500.000", "in 2027"] {
            #expect(warning.text.contains(part), "\(part)")
        }
    }

    /// A scenario that counts the risk (the assumption on ja) books the range in 2027, with both the quote and the
    /// labelled assumption, and the risk warning gives way to the cost.
    @Test func aScenarioCanCountTheRisk() throws {
        let scenario = try Fixture.scenario("titel: x\npeildatum: 2026-06-15\naannames: {2F-grex-verslechtert: ja}\n", in: ruleBase)
        let evaluation = try Evaluator().evaluate(scenario, in: ruleBase)
        let applied = try #require(evaluation.effects.first { $0.origin == .rule("2F-grex-zonder-doorbraak") })
        #expect(applied.effect.years(within: ruleBase.info.years) == [2027])
        #expect(applied.effect.provenance.citation != nil && applied.effect.addedAssumption != nil)
        #expect(!evaluation.firedRules.contains { $0.id == "2F-grex-risico-zonder-doorbraak" })
        // A breakthrough in both removes the risk altogether.
        let both = try Fixture.scenario(
            "titel: x\npeildatum: 2026-06-15\naannames: {2F-grex-verslechtert: ja, netcongestie-doorbraak: ja, stikstof-doorbraak: ja}\n",
            in: ruleBase)
        let none = try Evaluator().evaluate(both, in: ruleBase).firedRules.map(\.id)
        #expect(!none.contains("2F-grex-zonder-doorbraak") && !none.contains("2F-grex-risico-zonder-doorbraak"))
    }

    /// `akkoord risico` on the current line draws the risk with its estimated probability: the cost rule fires in half
    /// of the outcomes, and the assumption is in the tornado.
    @Test func risicoDrawsTheRisk() throws {
        let scenario = try ScenarioLoader().load(
            path: Fixture.scenarios.appendingPathComponent("huidige-lijn.yaml").path, ruleBase: ruleBase
        ).value
        let model = try UncertaintyModel(ruleBase, compiled: try CompiledRuleBase(ruleBase))
        let problem = UncertaintyProblem(model: model, scenario: scenario, draws: 2_000, seed: 1)
        let result = try UncertaintySimulator().run(problem)
        let cost = try #require(result.rules.first { model.compiled.ruleIDs[$0.rule] == "2F-grex-zonder-doorbraak" })
        #expect(abs(cost.probability - 0.5) < 1e-9)
        let swung = result.tornadoPeriod.compactMap { bar -> String? in
            if case .assumption(let index) = bar.subject { return model.assumptions[index].id }
            return nil
        }
        #expect(swung.contains("2F-grex-verslechtert"))
        let json = JSONRenderer().render(encodable: RiskReportBuilder().build(result, problem: problem, scenario: scenario))
        #expect(json.contains("\"id\" : \"2F-grex-verslechtert\"") || json.contains("\"id\":\"2F-grex-verslechtert\""))
    }
}
