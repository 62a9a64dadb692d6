import Foundation
import Testing

@testable import AkkoordCore

/// The compiled evaluator agrees exactly with the reference ``Evaluator``: every total, every error, every fired rule.
@Suite("Compiled evaluator: equal to the reference evaluator")
struct CompiledEvaluatorTests {
    /// A random scenario: some decisions on a random option, some assumptions on a random value.
    static func randomScenario(_ ruleBase: RuleBase, using random: inout SplitMix) -> Scenario {
        var choices: [DecisionRef: Located<String>] = [:]
        let location = AkkoordCore.SourceLocation(file: "willekeurig.yaml", line: 1, column: 1)
        let density = Double.random(in: 0...1, using: &random)
        for (ref, _, decision) in ruleBase.allDecisions where Double.random(in: 0...1, using: &random) < density {
            if let option = decision.options.randomElement(using: &random) { choices[ref] = Located(option.id, at: location) }
        }
        var assumptions: [String: Located<Bool>] = [:]
        for assumption in ruleBase.assumptions where Bool.random(using: &random) {
            assumptions[assumption.id] = Located(Bool.random(using: &random), at: location)
        }
        return Scenario(
            title: "willekeurig", description: nil, referenceDate: ruleBase.info.coalitionStart, choices: choices,
            assumptions: assumptions, frame: nil, file: "willekeurig.yaml")
    }

    /// Compares one scenario; returns a description of the first difference, or `nil`.
    static func difference(_ scenario: Scenario, _ ruleBase: RuleBase, _ compiled: CompiledRuleBase) throws -> String? {
        let reference = try Evaluator().evaluate(scenario, in: ruleBase)
        var outcome = compiled.makeOutcome()
        let (choices, assumptions) = compiled.vectors(for: scenario)
        try compiled.evaluate(choices: choices, assumptions: assumptions, into: &outcome)
        let totals = outcome.summary(compiled.layout)

        for year in reference.budget.years {
            let pairs: [(String, AmountTotal, AmountTotal)] = [
                ("lasten", year.lasten, totals.total(.lasten, year: year.year)),
                ("baten", year.baten, totals.total(.baten, year: year.year)),
                ("structureel", year.structural, totals.total(.structural, year: year.year)),
                ("incidenteel", year.incidental, totals.total(.incidental, year: year.year)),
                ("nadeel", year.burden, try totals.burden(year: year.year)),
                ("structurele lasten", year.structuralBurdens, totals.total(.structuralBurdens, year: year.year)),
                ("structurele dekking", year.structuralMeans, totals.total(.structuralMeans, year: year.year)),
            ]
            for (name, expected, actual) in pairs where expected != actual {
                return "\(name) \(year.year): \(expected) ≠ \(actual)"
            }
        }
        if reference.budget.structuralRunRate != totals.structuralRunRate { return "structureel na de periode" }
        if reference.budget.periodBurden != (try totals.periodBurden()) { return "saldo periode" }
        if reference.budget.unknownEffects != totals.unknownEffects { return "onbekende bedragen per richting" }
        if reference.budget.unknownEffectCount != totals.unknownEffectCount { return "onbekende bedragen" }

        let fired = zip(compiled.ruleIDs, outcome.fired).filter(\.1).map(\.0)
        if fired != reference.firedRules.map(\.id) { return "regels: \(fired) ≠ \(reference.firedRules.map(\.id))" }

        // Every `fout` message of the reference, as (kind, origin, location), against the compiled errors.
        let expected = reference.messages.filter { $0.level == .fout }.map { message in
            "\(message.kind.rawValue) \(message.origin.description) \(message.location.map(\.description) ?? "")"
        }
        var actual: [String] = []
        for error in outcome.errors {
            let origin: Origin, location: AkkoordCore.SourceLocation
            switch error.source {
            case .option(let option):
                let ref = compiled.optionRefs[option]
                origin = .option(ref)
                guard let option = ruleBase.option(ref) else { return "optie \(ref) ontbreekt" }
                location = option.location
            case .rule(let rule):
                origin = .rule(ruleBase.rules[rule].id)
                location = ruleBase.rules[rule].location
            }
            let kind: MessageKind =
                switch error.kind {
                case .requires: .vereist
                case .excludes: .sluitUit
                case .ruleMessage: .regel
                }
            actual.append("\(kind.rawValue) \(origin.description) \(location.description)")
            // The target the compiled error names is the one the reference message names.
            let target: OptionRef? =
                switch error.kind {
                case .requires(let option): option.map { compiled.optionRefs[$0] }
                case .excludes(let option): compiled.optionRefs[option]
                case .ruleMessage: nil
                }
            if let target,
                !reference.messages.contains(where: { $0.origin == origin && $0.text.contains(" \(target) (") })
            {
                return "fout zonder tegenhanger: \(origin.description) → \(target)"
            }
        }
        if expected.sorted() != actual.sorted() { return "fouten: \(expected.sorted()) ≠ \(actual.sorted())" }
        return nil
    }

    @Test func agreesWithTheReferenceOnRandomEnschedeScenarios() throws {
        let ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value
        let compiled = try CompiledRuleBase(ruleBase)
        #expect(compiled.decisions.count > 50)
        var random = SplitMix(seed: 17)
        var firedSomething = 0, withErrors = 0
        for index in 0..<2_000 {
            let scenario = Self.randomScenario(ruleBase, using: &random)
            if let difference = try Self.difference(scenario, ruleBase, compiled) {
                Issue.record("scenario \(index): \(difference)")
                return
            }
            var outcome = compiled.makeOutcome()
            let (choices, assumptions) = compiled.vectors(for: scenario)
            try compiled.evaluate(choices: choices, assumptions: assumptions, into: &outcome)
            if outcome.fired.contains(true) { firedSomething += 1 }
            if !outcome.errors.isEmpty { withErrors += 1 }
        }
        // The sample exercises rules and errors, not only quiet scenarios.
        #expect(firedSomething > 1_000)
        #expect(withErrors > 100)
    }

    @Test func agreesOnTheBundledScenarios() throws {
        let ruleBase = try RuleBaseLoader().load(directory: Fixture.rules.path).value
        let compiled = try CompiledRuleBase(ruleBase)
        for name in ["bezuinigen", "economie-en-innovatie", "groen-en-sociaal", "huidige-lijn", "luchthaven-sluiten"] {
            let path = Fixture.scenarios.appendingPathComponent("\(name).yaml").path
            let scenario = try ScenarioLoader().load(path: path, ruleBase: ruleBase).value
            #expect(try Self.difference(scenario, ruleBase, compiled) == nil, "\(name)")
        }
    }

    @Test func agreesOnTheTutorialRuleBase() throws {
        let ruleBase = try Fixture.exampleRuleBase()
        let compiled = try CompiledRuleBase(ruleBase)
        var random = SplitMix(seed: 3)
        for index in 0..<500 {
            let scenario = Self.randomScenario(ruleBase, using: &random)
            if let difference = try Self.difference(scenario, ruleBase, compiled) {
                Issue.record("scenario \(index): \(difference)")
                return
            }
        }
    }
}

extension CompiledEvaluatorTests {
    /// Random rule bases with nested conditions (`alle`, `een_van`, `niet`), money on options and rules.
    @Test func agreesOnRandomRuleBasesWithNestedConditions() throws {
        let info = try Fixture.exampleRuleBase().info
        for seed in UInt64(0)..<40 {
            let ruleBase = ExplorationTests.ruleBase(seed: seed, info: info)
            let compiled = try CompiledRuleBase(ruleBase)
            var random = SplitMix(seed: seed &+ 1_000)
            for index in 0..<50 {
                let scenario = Self.randomScenario(ruleBase, using: &random)
                if let difference = try Self.difference(scenario, ruleBase, compiled) {
                    Issue.record("seed \(seed), scenario \(index): \(difference)")
                    return
                }
            }
        }
    }
}
