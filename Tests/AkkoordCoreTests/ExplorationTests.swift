import Foundation
import Testing

@testable import AkkoordCore

/// `akkoord verken`'s solver against trying every package on small random rule bases.
@Suite("Exploration: branch and bound equals brute force")
struct ExplorationTests {
    let info: DossierInfo
    init() throws { info = try Fixture.exampleRuleBase().info }

    /// A small random rule base with random money on its options and rules.
    static func ruleBase(seed: UInt64, info: DossierInfo) -> RuleBase {
        let base = RandomRuleBase(seed: seed, shape: .small, info: info).ruleBase
        var random = SplitMix(seed: seed &* 31 &+ 7)
        let location = AkkoordCore.SourceLocation(file: "geld.yaml", line: 1, column: 1)
        func effects() -> [BudgetEffect] {
            (0..<Int.random(in: 0...2, using: &random)).map { _ in
                let low = Int64.random(in: -5...8, using: &random) * 100_000
                let amount: Amount =
                    switch Int.random(in: 0..<6, using: &random) {
                    case 0: .unknown(Bool.random(using: &random) ? .nadeel : .voordeel)
                    case 1: .range(min: Money(cents: low), max: Money(cents: low + 50_000))
                    default: .exact(Money(cents: low))
                    }
                let year = Int.random(in: info.years, using: &random)
                let structural = Bool.random(using: &random)
                return BudgetEffect(
                    description: "geld", side: Bool.random(using: &random) ? .lasten : .baten,
                    nature: structural ? .structureel : .incidenteel, programme: "p", amount: amount, total: nil, share: nil,
                    cofunders: [], timing: structural ? .from(year) : .years([year]), provenance: .assumption("test"),
                    location: location)
            }
        }
        var fiches = base.fiches
        for fiche in fiches.indices {
            for decision in fiches[fiche].decisions.indices {
                for option in fiches[fiche].decisions[decision].options.indices {
                    fiches[fiche].decisions[decision].options[option].effects = effects()
                }
            }
        }
        var rules = base.rules
        for rule in rules.indices { rules[rule].effects = effects() }
        return RuleBase(info: base.info, fiches: fiches, assumptions: base.assumptions, rules: rules)
    }

    /// Random positions: wishes of weight 1–3, sometimes a must-have or a red line.
    static func positions(_ compiled: CompiledRuleBase, seed: UInt64) -> [Position] {
        var random = SplitMix(seed: seed &+ 99)
        let location = AkkoordCore.SourceLocation(file: "positie.yaml", line: 1, column: 1)
        return (0..<Int.random(in: 2...3, using: &random)).map { index in
            var wishes: [Position.Wish] = [], redLines: [Position.RedLine] = []
            for decision in compiled.decisions {
                let option = OptionRef(decision: decision.ref, option: decision.options.randomElement(using: &random) ?? "")
                switch Int.random(in: 0..<10, using: &random) {
                case 0..<5:
                    wishes.append(
                        Position.Wish(
                            option: option, weight: Int.random(in: 1...3, using: &random),
                            isMust: Int.random(in: 0..<8, using: &random) == 0,
                            location: location))
                case 5: redLines.append(Position.RedLine(option: option, location: location))
                default: break
                }
            }
            return Position(name: "partij \(index)", file: "positie-\(index).yaml", wishes: wishes, redLines: redLines)
        }
    }

    /// The score of a package when it is feasible under the enabled constraints, else `nil`.
    static func score(
        _ choices: [Int], _ problem: ExplorationProblem, _ model: Model, enabled: Set<ExplorationConstraint>,
        outcome: inout CompiledRuleBase.Outcome
    ) throws -> ExplorationScore? {
        let compiled = problem.compiled, layout = compiled.layout
        try compiled.evaluate(choices: choices, assumptions: problem.assumptions, into: &outcome)
        for error in outcome.errors {
            let constraint: ExplorationConstraint =
                switch (error.source, error.kind) {
                case (.rule(let rule), _): .rule(rule)
                case (.option(let option), .requires(let target)): .requires(option: option, target: target)
                case (.option(let option), .excludes(let target)): .excludes(option: option, target: target)
                case (.option(let option), .ruleMessage): .requires(option: option, target: nil)
                }
            if enabled.contains(constraint) { return nil }
        }
        let totals = outcome.totals
        let structural = totals[layout.runRateSlot + 1]
        if enabled.contains(.frameStructural), let limit = problem.frame.maxStructural, structural > limit.cents { return nil }
        if enabled.contains(.framePerYear), let limit = problem.frame.maxPerYear {
            for year in layout.years
            where totals[layout.slot(.lasten, year: year) + 1] - totals[layout.slot(.baten, year: year)] > limit.cents {
                return nil
            }
        }
        if enabled.contains(.frameUnknown), let limit = problem.frame.maxUnknown, totals[layout.unknownEffectsSlot] > limit {
            return nil
        }
        var honoured = [Int64](repeating: 0, count: problem.positions.count)
        for (position, entry) in problem.positions.enumerated() {
            for (index, wish) in entry.wishes.enumerated() {
                let option = try #require(compiled.optionIndex(wish.option))
                let decision = compiled.optionDecision[option]
                let chosen = compiled.decisions[decision].firstOption + choices[decision] == option
                if wish.isMust && !chosen && enabled.contains(.must(position: position, wish: index)) { return nil }
                if chosen { honoured[position] += Int64(wish.weight) * (model.scale / Int64(model.weights[position])) }
            }
            for (index, line) in entry.redLines.enumerated() {
                let option = try #require(compiled.optionIndex(line.option))
                let decision = compiled.optionDecision[option]
                if compiled.decisions[decision].firstOption + choices[decision] == option
                    && enabled.contains(.redLine(position: position, index: index))
                {
                    return nil
                }
            }
        }
        let scaled = honoured.enumerated().map { model.weights[$0.offset] == 0 ? model.scale : $0.element }
        return ExplorationScore(lowest: scaled.min() ?? 0, total: scaled.reduce(0, +), structural: structural)
    }

    /// Every feasible package under the enabled constraints, with its score.
    static func bruteForce(_ problem: ExplorationProblem, enabled: Set<ExplorationConstraint>) throws -> [([Int], ExplorationScore)] {
        let model = try Model(problem)
        let compiled = problem.compiled
        var outcome = compiled.makeOutcome()
        var results: [([Int], ExplorationScore)] = []
        var choices = [Int](repeating: 0, count: compiled.decisions.count)
        func visit(_ index: Int) throws {
            if index < choices.count {
                for option in compiled.decisions[index].options.indices {
                    choices[index] = option
                    try visit(index + 1)
                }
                return
            }
            if let score = try score(choices, problem, model, enabled: enabled, outcome: &outcome) { results.append((choices, score)) }
        }
        try visit(0)
        return results
    }

    @Test(arguments: 0..<60)
    func optimumFrontAndConflictsEqualBruteForce(seed: UInt64) throws {
        let ruleBase = Self.ruleBase(seed: seed, info: info)
        let compiled = try CompiledRuleBase(ruleBase)
        var random = SplitMix(seed: seed &+ 5)
        let frame = ExplorationProblem.Frame(
            maxStructural: Bool.random(using: &random) ? Money(cents: Int64.random(in: -2...6, using: &random) * 100_000) : nil,
            maxPerYear: Bool.random(using: &random) ? Money(cents: Int64.random(in: 0...10, using: &random) * 100_000) : nil,
            maxUnknown: Bool.random(using: &random) ? Int.random(in: 0...2, using: &random) : nil)
        let assumptions = compiled.assumptionIDs.map { _ in Bool.random(using: &random) }
        let problem = ExplorationProblem(
            compiled: compiled, positions: Self.positions(compiled, seed: seed), assumptions: assumptions, frame: frame,
            packages: 3)
        let result = try ExplorationSolver().solve(problem)
        let model = try Model(problem)
        let all = try Self.bruteForce(problem, enabled: model.allConstraints)
        if let best = all.map(\.1).max() {
            #expect(result.status == .optimal)
            #expect(result.packages.first?.score == best, "seed \(seed)")
            // The next packages: the best score per distinct choice on the named decisions.
            var perSignature: [[Int]: ExplorationScore] = [:]
            for (choices, score) in all {
                let signature = model.named.map { choices[$0] }
                perSignature[signature] = max(perSignature[signature] ?? score, score)
            }
            let expected = Array(perSignature.values.sorted(by: >).prefix(3))
            #expect(result.packages.map(\.score) == expected, "seed \(seed)")
            // The front: the non-dominated (lowest satisfaction, structural) pairs.
            let points = Set(all.map { [$0.1.lowest, $0.1.structural] })
            let front = points.filter { point in
                !points.contains { $0 != point && $0[0] >= point[0] && $0[1] <= point[1] }
            }
            #expect(Set(result.front.map { [$0.package.score.lowest, $0.package.score.structural] }) == front, "seed \(seed)")
            // Without the front the solver filters options by the satisfaction the packages found so far need.
            var optimumOnly = problem
            optimumOnly.paretoFront = false
            let withoutFront = try ExplorationSolver().solve(optimumOnly)
            #expect(withoutFront.status == .optimal)
            #expect(withoutFront.packages.map(\.score) == expected, "seed \(seed), without the front")
            optimumOnly.packages = 1
            #expect(try ExplorationSolver().solve(optimumOnly).packages.map(\.score) == [best], "seed \(seed), one package")
            // Stopped early by the node limit, the proven bound is never below the optimum.
            for limit in [2, 5, 20] {
                optimumOnly.nodeLimit = limit
                let stopped = try ExplorationSolver().solve(optimumOnly)
                if case .stopped(let bound) = stopped.status { #expect(best <= bound, "seed \(seed), node limit \(limit)") }
                #expect(stopped.nodes <= limit)
            }
        } else {
            guard case .infeasible(let conflict) = result.status else {
                Issue.record("seed \(seed): expected infeasible, got \(result.status)")
                return
            }
            #expect(try Self.bruteForce(problem, enabled: Set(conflict)).isEmpty, "seed \(seed): the conflict is infeasible")
            for constraint in conflict {
                var without = Set(conflict)
                without.remove(constraint)
                #expect(try !Self.bruteForce(problem, enabled: without).isEmpty, "seed \(seed): \(constraint) is needed")
            }
        }
    }
}

extension ExplorationTests {
    /// A node limit stops the search the same way on every machine and says so; the bound stays above the best found.
    @Test func aNodeLimitStopsTheSearchAndSaysSo() throws {
        let base = try Fixture.exampleRuleBase()
        let compiled = try CompiledRuleBase(base)
        let problem = ExplorationProblem(
            compiled: compiled, positions: Self.positions(compiled, seed: 3), assumptions: compiled.assumptionDefaults,
            frame: .init(), nodeLimit: 2)
        let first = try ExplorationSolver().solve(problem)
        let second = try ExplorationSolver().solve(problem)
        #expect(first.limit == .nodes)
        #expect(first.nodes == 2)
        #expect(first.nodes == second.nodes)
        #expect(first.packages.map(\.choices) == second.packages.map(\.choices))
        switch first.status {
        case .stopped(let bound): #expect(first.packages.allSatisfy { $0.score <= bound })
        case .unknown: #expect(first.packages.isEmpty)
        case .optimal, .infeasible: Issue.record("expected a stop by the node limit, got \(first.status)")
        }
        var unlimited = problem
        unlimited.nodeLimit = nil
        let full = try ExplorationSolver().solve(unlimited)
        #expect(full.limit == nil)
        if case .stopped(let bound) = first.status, let best = full.packages.first { #expect(best.score <= bound) }
    }

    /// The seeds above cover both outcomes: packages with a front of several points, and conflicts.
    @Test func seedsCoverFeasibleAndInfeasibleProblems() throws {
        var infeasible = 0, richFront = 0, withMustOrFrameInConflict = 0
        for seed in UInt64(0)..<60 {
            let compiled = try CompiledRuleBase(Self.ruleBase(seed: seed, info: info))
            var random = SplitMix(seed: seed &+ 5)
            let frame = ExplorationProblem.Frame(
                maxStructural: Bool.random(using: &random) ? Money(cents: Int64.random(in: -2...6, using: &random) * 100_000) : nil,
                maxPerYear: Bool.random(using: &random) ? Money(cents: Int64.random(in: 0...10, using: &random) * 100_000) : nil,
                maxUnknown: Bool.random(using: &random) ? Int.random(in: 0...2, using: &random) : nil)
            let assumptions = compiled.assumptionIDs.map { _ in Bool.random(using: &random) }
            let result = try ExplorationSolver().solve(
                ExplorationProblem(
                    compiled: compiled, positions: Self.positions(compiled, seed: seed), assumptions: assumptions, frame: frame))
            if case .infeasible(let conflict) = result.status {
                infeasible += 1
                if conflict.contains(where: { !$0.isRuleBase }) { withMustOrFrameInConflict += 1 }
            }
            if result.front.count > 1 { richFront += 1 }
        }
        #expect(infeasible >= 5)
        #expect(withMustOrFrameInConflict >= 3)
        #expect(richFront >= 3)
    }
}
