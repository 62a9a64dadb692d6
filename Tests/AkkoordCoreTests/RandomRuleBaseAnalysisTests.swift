import Foundation
import Testing

@testable import AkkoordCore

/// `akkoord check`'s dead-option analysis on seeded random rule bases (`RandomRuleBase`): it must finish every
/// option on small bases without touching its budget, and agree with trying every combination where that is
/// feasible.
@Suite("Constraint analysis on random rule bases")
struct RandomRuleBaseAnalysisTests {
    let info: DossierInfo
    init() throws { info = try Fixture.exampleRuleBase().info }

    static func unfinished(_ findings: [Diagnostic]) -> [String] {
        findings.map(\.message).filter { $0.contains("niet volledig geanalyseerd") }
    }

    /// The hostile tester's case, reproduced with the dense shape (9 fiches, 33 decisions, 3 rules, 56 kB as
    /// YAML): the `vereist`/`sluit_uit` links leave no consistent choice at all, so every option is dead, and
    /// each option's chain had to be made minimal with one full search per constraint, each repeating
    /// refutations earlier options had already found. The old code spent its whole budget (about 10 s) and
    /// reported "61 optie(s) niet volledig geanalyseerd".
    static let explosiveSeed: UInt64 = 12

    @Test func explosiveShapeIsAnalysedCompletely() throws {
        let base = RandomRuleBase(seed: Self.explosiveSeed, shape: .dense, info: info)
        #expect(base.ruleBase.fiches.count == 9)
        #expect(base.ruleBase.allDecisions.count == 33)
        #expect(base.ruleBase.rules.count == 3)
        let findings = ConstraintAnalysis(ruleBase: base.ruleBase).findings()
        #expect(Self.unfinished(findings).isEmpty)
        let dead = findings.filter { $0.message.contains("kan nooit zonder fout gekozen worden") }
        let options = base.ruleBase.allDecisions.reduce(0) { $0 + $1.decision.options.count }
        #expect(options == 117)
        #expect(dead.count == options)
    }

    @Test func generatedYAMLLoadsAndGivesTheSameFindings() throws {
        for seed: UInt64 in [1, 2, 3] {
            let base = RandomRuleBase(seed: seed, shape: .tester, info: info)
            let directory = Fixture.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            try base.write(to: directory)
            let loaded = try RuleBaseLoader().load(directory: directory.path).value
            #expect(loaded.allDecisions.count == base.ruleBase.allDecisions.count)
            let messages = { (ruleBase: RuleBase) in
                ConstraintAnalysis(ruleBase: ruleBase).findings().map(\.message).filter { !$0.contains("voorwaarde van regel") }
            }
            #expect(messages(loaded) == messages(base.ruleBase), "seed \(seed)")
        }
    }

    @Test func randomTesterSizedBasesAreAnalysedCompletely() throws {
        for seed: UInt64 in 1_000..<1_060 {
            let base = RandomRuleBase(seed: seed, shape: .tester, info: info)
            let findings = ConstraintAnalysis(ruleBase: base.ruleBase).findings()
            #expect(Self.unfinished(findings).isEmpty, "seed \(seed)")
        }
    }

    @Test func randomSmallBasesAgreeWithEveryCombination() throws {
        var compared = 0, deadSeen = 0
        for seed: UInt64 in 5_000..<5_300 {
            let base = RandomRuleBase(seed: seed, shape: .small, info: info)
            let ruleBase = base.ruleBase
            let analysis = ConstraintAnalysis(ruleBase: ruleBase)
            let findings = analysis.findings()
            #expect(Self.unfinished(findings).isEmpty, "seed \(seed)")
            guard let oracle = Combinations(ruleBase: ruleBase, constraints: analysis.constraints, limit: 5_000) else { continue }
            compared += 1
            for (ref, _, decision) in ruleBase.allDecisions {
                for option in decision.options where Set(option.requires).isDisjoint(with: option.excludes) {
                    let me = OptionRef(decision: ref, option: option.id)
                    let dead = findings.first { $0.message.hasPrefix("optie \(me) kan nooit zonder fout gekozen worden: ") }
                    let all = Array(analysis.constraints.indices)
                    #expect(oracle.satisfiable(.chosen(me), all) == (dead == nil), "seed \(seed): \(me)")
                    guard let dead else { continue }
                    deadSeen += 1
                    // The chain forbids the option, and each link is needed.
                    let texts = dead.message.components(separatedBy: "gekozen worden: ").last?.components(separatedBy: "; ") ?? []
                    let chain = all.filter { texts.contains(analysis.constraints[$0].description) }
                    #expect(!oracle.satisfiable(.chosen(me), chain), "seed \(seed): \(dead.message)")
                    for link in chain {
                        let without = chain.filter { analysis.constraints[$0] != analysis.constraints[link] }
                        #expect(
                            oracle.satisfiable(.chosen(me), without),
                            "seed \(seed): \(dead.message) without \(analysis.constraints[link].description)")
                    }
                }
            }
            for rule in ruleBase.rules {
                let never = findings.contains { $0.message.hasPrefix("de voorwaarde van regel '\(rule.id)' kan nooit gelden") }
                #expect(never == !oracle.satisfiable(rule.condition, []), "seed \(seed): \(rule.id)")
            }
        }
        // Not vacuous: most bases are small enough to compare, and they have dead options.
        #expect(compared > 200)
        #expect(deadSeen > 100)
    }
}

/// Every combination of options (one per decision) and assumption values of a small rule base, with the
/// constraints each one violates, to decide satisfiability by looking.
private struct Combinations {
    private let ruleBase: RuleBase
    private var rows: [(chosen: [DecisionRef: String], values: [String: Bool], violated: Set<Int>)] = []

    /// `nil` when there are more than `limit` combinations.
    init?(ruleBase: RuleBase, constraints: [ConstraintAnalysis.Constraint], limit: Int) {
        self.ruleBase = ruleBase
        let decisions = ruleBase.allDecisions.map { ($0.ref, $0.decision.options.map(\.id)) }
        let assumptions = ruleBase.assumptions.map(\.id)
        let count = decisions.reduce(1 << assumptions.count) { $0 * max($1.1.count, 1) }
        guard count <= limit, decisions.allSatisfy({ !$0.1.isEmpty }) else { return nil }
        for number in 0..<count {
            var rest = number
            var chosen: [DecisionRef: String] = [:], values: [String: Bool] = [:]
            for (ref, options) in decisions {
                chosen[ref] = options[rest % options.count]
                rest /= options.count
            }
            for id in assumptions {
                values[id] = rest % 2 == 0
                rest /= 2
            }
            let violated = Set(constraints.indices.filter { Self.holds(constraints[$0].violation, chosen, values, ruleBase) })
            rows.append((chosen, values, violated))
        }
    }

    /// Whether some combination makes `goal` hold and violates none of the constraints with these numbers.
    func satisfiable(_ goal: Condition, _ constraints: [Int]) -> Bool {
        rows.contains { row in row.violated.isDisjoint(with: constraints) && Self.holds(goal, row.chosen, row.values, ruleBase) }
    }

    private static func holds(_ condition: Condition, _ chosen: [DecisionRef: String], _ values: [String: Bool], _ ruleBase: RuleBase)
        -> Bool
    {
        switch condition {
        case .chosen(let ref): return chosen[ref.decision] == ref.option
        case .deviates(let ref):
            guard let id = chosen[ref] else { return false }
            return ruleBase.decision(ref)?.options.first { $0.id == id }?.isCurrentLine == false
        case .assumption(let id, let value): return values[id] == value
        case .all(let parts): return parts.allSatisfy { holds($0, chosen, values, ruleBase) }
        case .any(let parts): return parts.contains { holds($0, chosen, values, ruleBase) }
        case .not(let inner): return !holds(inner, chosen, values, ruleBase)
        }
    }
}
