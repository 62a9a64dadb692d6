import Foundation

/// Exact branch and bound over the compiled rule base (see docs/decisions.md and `akkoord verken`).
///
/// Decisions are taken in a fixed order (named by the positions first); the options of a decision with wishes are
/// tried by the satisfaction bound with that option (so the search balances the positions), the rest in a fixed order
/// (most wanted, then the lowest structural burden). Every choice propagates the rule base as clauses over the
/// decision domains (see ``Search``). A node is cut when its bound cannot beat the k-th best package (and, for the
/// front, is dominated by a front point). Bounds: per position, pair of positions and all positions the weight of the
/// wishes still possible; per money total the sum per decision of the lowest contribution among its remaining
/// options, plus every rule that surely fires and the negative part of every rule that may fire. Every package found
/// is checked with the compiled evaluator. Deterministic without a time limit (a node limit is deterministic too).
public struct ExplorationSolver: Sendable {
    public init() {}

    /// Solves the problem; when no package is feasible, finds a minimal conflict.
    public func solve(_ problem: ExplorationProblem) throws(ExplorationError) -> ExplorationResult {
        let model = try Model(problem)
        let deadline = problem.timeLimit.map { ContinuousClock.now + .milliseconds(Int64($0 * 1000)) }
        var search = Search(model: model, enabled: model.allConstraints, mode: .optimise, deadline: deadline, nodeLimit: problem.nodeLimit)
        search.run()
        var nodes = search.nodes
        var limit: ExplorationResult.Limit? = search.stopped ? (search.stoppedByNodes ? .nodes : .time) : nil
        let status: ExplorationResult.Status
        if !search.packages.isEmpty {
            status =
                search.stopped ? .stopped(bound: max(search.openBound ?? search.packages[0].score, search.packages[0].score)) : .optimal
        } else if search.stopped {
            status = .unknown
        } else {
            let budget = problem.nodeLimit.map { max(0, $0 - nodes) }
            let (conflict, used, stoppedBy) = minimalConflict(model, deadline: deadline, nodeLimit: budget)
            nodes += used
            limit = stoppedBy
            status = conflict.map { .infeasible(conflict: $0) } ?? .unknown
        }
        return ExplorationResult(
            status: status, packages: search.packages,
            front: search.front.sorted { $0.score.lowest < $1.score.lowest }.map { ExplorationResult.FrontPoint(package: $0) },
            frontIsComplete: problem.paretoFront && !search.stopped, scale: model.scale, weights: model.weights, nodes: nodes,
            limit: limit)
    }

    /// A minimal conflict by QuickXplain (each constraint of the result is needed). The rule base's own constraints
    /// are first tried as one block, so that the demands of the positions and the frame show when they alone conflict.
    /// `nil` when a limit stops it (with the limit).
    func minimalConflict(
        _ model: Model, deadline: ContinuousClock.Instant?, nodeLimit: Int?
    ) -> ([ExplorationConstraint]?, Int, ExplorationResult.Limit?) {
        var nodes = 0
        var stoppedBy: ExplorationResult.Limit?
        func feasible(_ enabled: Set<ExplorationConstraint>) -> Bool? {
            var search = Search(
                model: model, enabled: enabled, mode: .feasibility, deadline: deadline,
                nodeLimit: nodeLimit.map { max(1, $0 - nodes) })
            search.run()
            nodes += search.nodes
            if !search.packages.isEmpty { return true }
            if search.stopped { stoppedBy = search.stoppedByNodes ? .nodes : .time }
            return search.stopped ? nil : false
        }
        var kept = model.allConstraints
        let ruleBase = kept.filter(\.isRuleBase)
        if !ruleBase.isEmpty {
            switch feasible(kept.subtracting(ruleBase)) {
            case false?: kept.subtract(ruleBase)
            case true?: break
            case nil: return (nil, nodes, stoppedBy)
            }
        }
        // QuickXplain (Junker 2004): the background is known feasible unless `check`; `candidates` are infeasible
        // together with it.
        func explain(_ background: [ExplorationConstraint], check: Bool, _ candidates: ArraySlice<ExplorationConstraint>)
            -> [ExplorationConstraint]?
        {
            if check {
                guard let isFeasible = feasible(Set(background)) else { return nil }
                if !isFeasible { return [] }
            }
            if candidates.count <= 1 { return Array(candidates) }
            let middle = candidates.startIndex + candidates.count / 2
            let first = candidates[..<middle], second = candidates[middle...]
            guard let fromSecond = explain(background + first, check: true, second) else { return nil }
            guard let fromFirst = explain(background + fromSecond, check: !fromSecond.isEmpty, first) else { return nil }
            return fromFirst + fromSecond
        }
        guard let conflict = explain([], check: false, kept.sorted()[...]) else { return (nil, nodes, stoppedBy) }
        return (conflict.sorted(), nodes, nil)
    }
}

/// The problem in the solver's terms; constraints can be switched off for the conflict search.
struct Model: Sendable {
    let compiled: CompiledRuleBase
    let problem: ExplorationProblem
    let decisionCount: Int
    /// Per decision: the options allowed by the positions' must-haves and red lines (bit per local option).
    let optionCounts: [Int]
    /// Money totals the solver bounds: 0 the structural run-rate (max), 1...years the burden per year (max), then
    /// the unknown count.
    let metricCount: Int
    /// `optionMetric[option * metricCount + m]`.
    let optionMetric: [Int64]
    /// Rules with a money contribution: (rule, metrics).
    let moneyRules: [(rule: Int, metrics: [Int64])]
    /// Rules that can make an error.
    let errorRules: [(rule: Int, isFout: Bool, requires: [Int], excludes: [Int])]
    /// Per decision, the wishes: (position, local option, scaled weight).
    let wishes: [[(position: Int, option: Int, weight: Int64)]]
    /// The must-haves and red lines: (constraint, decision, allowed mask).
    let unary: [(constraint: ExplorationConstraint, decision: Int, mask: UInt64)]
    let scale: Int64
    let weights: [Int]
    /// Decision order and, per decision, option order.
    let order: [Int]
    let optionOrder: [[Int]]
    /// Decisions any position names (their choices make a package distinct).
    let named: [Int]
    let allConstraints: Set<ExplorationConstraint>
    /// Sets of positions whose summed satisfaction bounds the lowest: each alone, each pair, all with weight.
    let combinations: [[Int]]
    /// Index in ``combinations`` of all positions with weight.
    let allWithWeight: Int?
    /// Named decisions that have wishes.
    let namedWithWishes: [Int]
    /// Per decision, every local option (bit per option).
    let fullMasks: [UInt64]
    /// The conditions of ``errorRules`` and of ``moneyRules`` (same order), for propagation and three-valued tests.
    let errorConditions: LiteralConditions
    let moneyConditions: LiteralConditions
    /// ``moneyRules``' metrics, flat: `moneyMetrics[index * metricCount + m]`.
    let moneyMetrics: [Int64]
    /// Per entry of ``namedWithWishes``, option and combination: the summed scaled weight of the combination's
    /// positions that want the option; `wishTable[(wishStart[i] + local) * combinations.count + c]`.
    let wishTable: [Int64]
    let wishStart: [Int]
    /// Per decision, its index in ``namedWithWishes`` or -1.
    let wishIndex: [Int]
    /// Per combination, how many positions it has.
    let combinationSizes: [Int64]
    /// Per decision, whether a money rule's condition reads it.
    let readByMoneyRules: [Bool]
    /// Per decision, whether a position names it.
    let isNamed: [Bool]

    /// The slot the frame's `maxUnknown` counts: effects with an unknown nadeel.
    static func unknownSlot(_ layout: CompiledTotals.Layout) -> Int { layout.unknownEffectsSlot }

    init(_ problem: ExplorationProblem) throws(ExplorationError) {
        let compiled = problem.compiled
        self.compiled = compiled
        self.problem = problem
        decisionCount = compiled.decisions.count
        for decision in compiled.decisions where decision.options.count > 64 { throw .tooManyOptions(decision.ref) }
        optionCounts = compiled.decisions.map(\.options.count)
        let layout = compiled.layout
        metricCount = layout.years.count + 2
        func metrics(_ range: Range<Int>) -> [Int64] {
            var vector = [Int64](repeating: 0, count: layout.width)
            for term in range { vector[Int(compiled.termIndex[term])] += compiled.termValue[term] }
            var result = [vector[layout.runRateSlot + 1]]
            for year in layout.years {
                result.append(vector[layout.slot(.lasten, year: year) + 1] - vector[layout.slot(.baten, year: year)])
            }
            result.append(vector[Self.unknownSlot(layout)])
            return result
        }
        optionMetric = compiled.optionTerms.flatMap(metrics)
        var moneyRules: [(rule: Int, metrics: [Int64])] = []
        for rule in 0..<compiled.ruleCount {
            let vector = metrics(compiled.ruleTerms[rule])
            if vector.contains(where: { $0 != 0 }) { moneyRules.append((rule, vector)) }
        }
        self.moneyRules = moneyRules
        let errorRules: [(rule: Int, isFout: Bool, requires: [Int], excludes: [Int])] = (0..<compiled.ruleCount).compactMap { rule in
            let isFout = compiled.ruleIsError[rule]
            let requires = compiled.ruleRequires[rule], excludes = compiled.ruleExcludes[rule]
            return isFout || !requires.isEmpty || !excludes.isEmpty ? (rule, isFout, requires, excludes) : nil
        }
        self.errorRules = errorRules
        let fullMasks = compiled.decisions.map { $0.options.count == 64 ? UInt64.max : (1 << UInt64($0.options.count)) - 1 }
        self.fullMasks = fullMasks
        let optionCount = compiled.optionRefs.count, decisionCount = compiled.decisions.count
        errorConditions = LiteralConditions(
            compiled, rules: errorRules.map(\.rule), assumptions: problem.assumptions, fullMasks: fullMasks)
        moneyConditions = LiteralConditions(
            compiled, rules: moneyRules.map(\.rule), assumptions: problem.assumptions, fullMasks: fullMasks)
        moneyMetrics = moneyRules.flatMap(\.metrics)
        var readByMoneyRules = [Bool](repeating: false, count: decisionCount)
        for (rule, _) in moneyRules {
            for bit in compiled.conditions[rule].bitsRead where bit < optionCount + decisionCount {
                readByMoneyRules[bit < optionCount ? compiled.optionDecision[bit] : bit - optionCount] = true
            }
        }
        self.readByMoneyRules = readByMoneyRules

        // Positions: weights scaled to a common denominator.
        let weights = problem.positions.map(\.totalWeight)
        var scale: Int64 = 1
        for weight in weights where weight > 0 {
            let divisor = Self.gcd(scale, Int64(weight))
            let (product, overflow) = (scale / divisor).multipliedReportingOverflow(by: Int64(weight))
            if overflow || product > 1 << 40 { throw .weightsTooLarge }
            scale = product
        }
        self.scale = scale
        self.weights = weights
        var wishes = [[(position: Int, option: Int, weight: Int64)]](repeating: [], count: compiled.decisions.count)
        var unary: [(constraint: ExplorationConstraint, decision: Int, mask: UInt64)] = []
        var named = Set<Int>()
        for (position, entry) in problem.positions.enumerated() {
            for (index, wish) in entry.wishes.enumerated() {
                guard let option = compiled.optionIndex(wish.option) else { throw .unknownOption(wish.option, wish.location) }
                let decision = compiled.optionDecision[option], local = option - compiled.decisions[decision].firstOption
                named.insert(decision)
                wishes[decision].append((position, local, Int64(wish.weight) * (scale / Int64(weights[position]))))
                if wish.isMust { unary.append((.must(position: position, wish: index), decision, 1 << UInt64(local))) }
            }
            for (index, line) in entry.redLines.enumerated() {
                guard let option = compiled.optionIndex(line.option) else { throw .unknownOption(line.option, line.location) }
                let decision = compiled.optionDecision[option], local = option - compiled.decisions[decision].firstOption
                named.insert(decision)
                unary.append((.redLine(position: position, index: index), decision, ~(1 << UInt64(local))))
            }
        }
        self.wishes = wishes
        self.unary = unary
        self.named = named.sorted()
        isNamed = (0..<compiled.decisions.count).map { named.contains($0) }
        namedWithWishes = (0..<compiled.decisions.count).filter { !wishes[$0].isEmpty }
        let weighted = (0..<weights.count).filter { weights[$0] > 0 }
        var combinations = (0..<weights.count).map { weights[$0] > 0 ? [$0] : [] }
        if weighted.count <= 8 {
            for (index, first) in weighted.enumerated() {
                for second in weighted[(index + 1)...] { combinations.append([first, second]) }
            }
        }
        allWithWeight = weighted.isEmpty ? nil : combinations.count
        if !weighted.isEmpty { combinations.append(weighted) }
        self.combinations = combinations
        var wishTable: [Int64] = [], wishStart: [Int] = []
        for decision in namedWithWishes {
            wishStart.append(wishTable.count / max(1, combinations.count))
            for local in 0..<compiled.decisions[decision].options.count {
                var values = [Int64](repeating: 0, count: weights.count)
                for wish in wishes[decision] where wish.option == local { values[wish.position] += wish.weight }
                for combination in combinations { wishTable.append(combination.reduce(0) { $0 + values[$1] }) }
            }
        }
        self.wishTable = wishTable
        combinationSizes = combinations.map { Int64($0.count) }
        var wishIndex = [Int](repeating: -1, count: compiled.decisions.count)
        for (index, decision) in namedWithWishes.enumerated() { wishIndex[decision] = index }
        self.wishIndex = wishIndex
        self.wishStart = wishStart

        var all = Set(unary.map(\.constraint))
        if problem.frame.maxStructural != nil { all.insert(.frameStructural) }
        if problem.frame.maxPerYear != nil { all.insert(.framePerYear) }
        if problem.frame.maxUnknown != nil { all.insert(.frameUnknown) }
        var involved = Set<Int>()
        for option in 0..<compiled.optionRefs.count {
            for target in compiled.optionRequires[option] {
                all.insert(.requires(option: option, target: target < 0 ? nil : target))
                involved.insert(compiled.optionDecision[option])
            }
            for target in compiled.optionExcludes[option] {
                all.insert(.excludes(option: option, target: target))
                involved.insert(compiled.optionDecision[option])
            }
        }
        for rule in errorRules { all.insert(.rule(rule.rule)) }
        allConstraints = all

        // Order: decisions the positions name (most wanted first), then those with links, then by money spread.
        let metricCount = self.metricCount, optionMetric = self.optionMetric
        func structural(_ decision: Int, _ local: Int) -> Int64 {
            optionMetric[(compiled.decisions[decision].firstOption + local) * metricCount]
        }
        order = (0..<compiled.decisions.count).sorted { lhs, rhs in
            func key(_ decision: Int) -> (Int, Int64, Int, Int64) {
                let wanted = wishes[decision].reduce(Int64(0)) { $0 + $1.weight }
                let values = (0..<compiled.decisions[decision].options.count).map { structural(decision, $0) }
                let spread = (values.max() ?? 0) - (values.min() ?? 0)
                return (named.contains(decision) ? 0 : 1, -wanted, involved.contains(decision) ? 0 : 1, -spread)
            }
            let (a, b) = (key(lhs), key(rhs))
            return a != b ? a < b : lhs < rhs
        }
        optionOrder = (0..<compiled.decisions.count).map { decision in
            (0..<compiled.decisions[decision].options.count).sorted { lhs, rhs in
                func key(_ local: Int) -> (Int64, Int64, Int) {
                    (
                        -wishes[decision].filter { $0.option == local }.reduce(Int64(0)) { $0 + $1.weight },
                        structural(decision, local), local == compiled.decisions[decision].currentLine ? 0 : 1
                    )
                }
                let (a, b) = (key(lhs), key(rhs))
                return a != b ? a < b : lhs < rhs
            }
        }
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? a : gcd(b, a % b) }

    /// The limit on a money total, if its constraint is enabled.
    func limits(_ enabled: Set<ExplorationConstraint>) -> [Int64?] {
        let frame = problem.frame
        var limits: [Int64?] = [enabled.contains(.frameStructural) ? frame.maxStructural?.cents : nil]
        for _ in compiled.layout.years { limits.append(enabled.contains(.framePerYear) ? frame.maxPerYear?.cents : nil) }
        limits.append(enabled.contains(.frameUnknown) ? frame.maxUnknown.map(Int64.init) : nil)
        return limits
    }
}

/// One depth-first search with propagation.
///
/// Every constraint of the rule base becomes a clause over decisions: at least one of its literals `x_d ∈ mask` holds
/// (an option's `vereist`/`sluit_uit`, and each conjunction of an error rule's condition in disjunctive normal form
/// with the assumptions filled in, negated, or'ed with what the rule requires or excludes). Clauses propagate by
/// occurrence lists: a clause with one literal left narrows that decision's domain. Error rules too large for that form
/// are checked three-valued at every node. Domains change on a trail, undone on backtracking. Decisions that nothing
/// but money touches (no position, clause or rule reads them) keep only their options not dominated in every money
/// total. With a frame, every node removes options whose money alone would break a limit.
struct Search {
    enum Mode {
        case optimise
        case feasibility
    }

    let model: Model
    let compiled: CompiledRuleBase
    let mode: Mode
    let deadline: ContinuousClock.Instant?
    let nodeLimit: Int?
    let limits: [Int64?]
    /// Metrics with a limit.
    let limited: [(metric: Int, limit: Int64)]
    let enabled: Set<ExplorationConstraint>
    /// Error rules checked three-valued (their condition has no small disjunctive normal form).
    let fallbackRules: [(index: Int, rule: Int, isFout: Bool, requires: [Int], excludes: [Int])]
    let clauseStart: [Int]
    let clauseDecision: [Int]
    let clauseMask: [UInt64]
    /// Per decision, the clauses with a literal on it.
    let occurrences: [[Int]]
    let assumptionBits: [Bool]
    let optionBitCount: Int
    let decisionCount: Int

    var domains: [UInt64]
    /// Per decision and money total, the lowest contribution among its remaining options; and their sums.
    var lowest: [Int64]
    var lowestSum: [Int64]
    var trail: [(decision: Int, domain: UInt64)] = []
    /// Scratch for the satisfaction bound (see ``computeReach()``).
    var reach: [Int64]
    var decisionBest: [Int64]
    /// Per combination, what the disjoint two-literal clauses between wished decisions cost at least; per wished
    /// decision and combination, the cost of the clause it was matched in (0 when none).
    var loss: [Int64]
    var pairLoss: [Int64]
    /// Clauses of two literals on decisions that positions want something of.
    let pairClauses: [(first: Int, firstMask: UInt64, second: Int, secondMask: UInt64)]
    var queue: [Int] = []
    var nodes = 0
    var stopped = false
    var stoppedByNodes = false
    var rootInfeasible = false
    var openBound: ExplorationScore?
    var packages: [ExplorationResult.Package] = []
    var front: [ExplorationResult.Package] = []
    var outcome: CompiledRuleBase.Outcome

    init(
        model: Model, enabled: Set<ExplorationConstraint>, mode: Mode, deadline: ContinuousClock.Instant?,
        nodeLimit: Int?
    ) {
        self.model = model
        let compiled = model.compiled
        self.compiled = compiled
        self.mode = mode
        self.deadline = deadline
        self.nodeLimit = nodeLimit
        let limits = model.limits(enabled)
        self.limits = limits
        limited = limits.enumerated().compactMap { metric, limit in limit.map { (metric, $0) } }
        self.enabled = enabled
        decisionCount = compiled.decisions.count
        optionBitCount = compiled.optionRefs.count
        assumptionBits = model.problem.assumptions
        let full = model.fullMasks
        var domains = full
        for entry in model.unary where enabled.contains(entry.constraint) { domains[entry.decision] &= entry.mask }
        func bit(_ option: Int) -> UInt64 { 1 << UInt64(option - compiled.decisions[compiled.optionDecision[option]].firstOption) }

        var clauseStart = [0], clauseDecision: [Int] = [], clauseMask: [UInt64] = []
        var rootInfeasible = false
        func addClause(_ literals: [(decision: Int, mask: UInt64)]) {
            var merged: [Int: UInt64] = [:]
            for (decision, mask) in literals { merged[decision, default: 0] |= mask }
            if merged.contains(where: { $0.value & full[$0.key] == full[$0.key] }) { return }
            let sorted = merged.sorted { $0.key < $1.key }
            if sorted.isEmpty {
                rootInfeasible = true
            } else if sorted.count == 1 {
                domains[sorted[0].key] &= sorted[0].value
            } else {
                for (decision, mask) in sorted {
                    clauseDecision.append(decision)
                    clauseMask.append(mask)
                }
                clauseStart.append(clauseDecision.count)
            }
        }
        for option in 0..<compiled.optionRefs.count {
            let decision = compiled.optionDecision[option]
            for target in compiled.optionRequires[option]
            where enabled.contains(.requires(option: option, target: target < 0 ? nil : target)) {
                if target < 0 {
                    addClause([(decision, full[decision] & ~bit(option))])
                } else {
                    addClause([(decision, full[decision] & ~bit(option)), (compiled.optionDecision[target], bit(target))])
                }
            }
            for target in compiled.optionExcludes[option] where enabled.contains(.excludes(option: option, target: target)) {
                let other = compiled.optionDecision[target]
                addClause([(decision, full[decision] & ~bit(option)), (other, full[other] & ~bit(target))])
            }
        }
        var fallbackRules: [(index: Int, rule: Int, isFout: Bool, requires: [Int], excludes: [Int])] = []
        for (index, rule) in model.errorRules.enumerated() where enabled.contains(.rule(rule.rule)) {
            guard let conjunctions = model.errorConditions.conjunctions(index) else {
                fallbackRules.append((index, rule.rule, rule.isFout, rule.requires, rule.excludes))
                continue
            }
            for conjunction in conjunctions {
                let negated = conjunction.map { (decision: $0.decision, mask: full[$0.decision] & ~$0.mask) }
                if rule.isFout || rule.requires.contains(where: { $0 < 0 }) { addClause(negated) }
                for target in rule.requires where target >= 0 {
                    addClause(negated + [(compiled.optionDecision[target], bit(target))])
                }
                for target in rule.excludes {
                    let other = compiled.optionDecision[target]
                    addClause(negated + [(other, full[other] & ~bit(target))])
                }
            }
        }
        self.fallbackRules = fallbackRules
        var occurrences = [[Int]](repeating: [], count: compiled.decisions.count)
        for clause in 0..<(clauseStart.count - 1) {
            for index in clauseStart[clause]..<clauseStart[clause + 1] { occurrences[clauseDecision[index]].append(clause) }
        }
        self.clauseStart = clauseStart
        self.clauseDecision = clauseDecision
        self.clauseMask = clauseMask
        self.occurrences = occurrences
        self.rootInfeasible = rootInfeasible

        // Decisions only money touches: drop the options another option beats (or equals, earlier) in every total.
        var read = model.readByMoneyRules
        for rule in fallbackRules {
            for bit in compiled.conditions[rule.rule].bitsRead where bit < optionBitCount + decisionCount {
                read[bit < optionBitCount ? compiled.optionDecision[bit] : bit - optionBitCount] = true
            }
        }
        let metricCount = model.metricCount
        for decision in 0..<compiled.decisions.count
        where occurrences[decision].isEmpty && !read[decision] && !model.isNamed[decision] && domains[decision].nonzeroBitCount > 1 {
            let first = compiled.decisions[decision].firstOption
            let candidates = model.optionOrder[decision].filter { domains[decision] & (1 << UInt64($0)) != 0 }
            var keep: UInt64 = 0
            for (rank, local) in candidates.enumerated() {
                let beaten = candidates.enumerated().contains { otherRank, other in
                    guard other != local else { return false }
                    var allBelow = true, someStrict = false
                    for metric in 0..<metricCount {
                        let mine = model.optionMetric[(first + local) * metricCount + metric]
                        let theirs = model.optionMetric[(first + other) * metricCount + metric]
                        if theirs > mine { allBelow = false }
                        if theirs < mine { someStrict = true }
                    }
                    return allBelow && (someStrict || otherRank < rank)
                }
                if !beaten { keep |= 1 << UInt64(local) }
            }
            domains[decision] = keep
        }

        self.domains = domains
        var lowest = [Int64](repeating: 0, count: compiled.decisions.count * metricCount)
        var lowestSum = [Int64](repeating: 0, count: metricCount)
        for decision in compiled.decisions.indices {
            for metric in 0..<metricCount {
                let value = Self.lowest(model, compiled, decision, domains[decision], metric)
                lowest[decision * metricCount + metric] = value
                lowestSum[metric] += value
            }
        }
        self.lowest = lowest
        self.lowestSum = lowestSum
        reach = Array(repeating: 0, count: model.combinations.count)
        decisionBest = Array(repeating: 0, count: model.combinations.count * model.namedWithWishes.count)
        loss = Array(repeating: 0, count: model.combinations.count)
        pairLoss = decisionBest
        let pairs: [(first: Int, firstMask: UInt64, second: Int, secondMask: UInt64)] = (0..<(clauseStart.count - 1)).compactMap {
            clause in
            let start = clauseStart[clause]
            guard clauseStart[clause + 1] - start == 2, model.wishIndex[clauseDecision[start]] >= 0,
                model.wishIndex[clauseDecision[start + 1]] >= 0
            else { return nil }
            return (clauseDecision[start], clauseMask[start], clauseDecision[start + 1], clauseMask[start + 1])
        }
        // The greedy matching takes the clauses that cost all positions together the most first (costs at the root).
        func rootCost(_ decision: Int, _ mask: UInt64) -> Int64 {
            guard let all = model.allWithWeight else { return 0 }
            let count = model.combinations.count, base = model.wishStart[model.wishIndex[decision]]
            var best = Int64.min, within = Int64.min
            for local in 0..<model.optionCounts[decision] where domains[decision] & (1 << UInt64(local)) != 0 {
                let value = model.wishTable[(base + local) * count + all]
                best = max(best, value)
                if mask & (1 << UInt64(local)) != 0 { within = max(within, value) }
            }
            return within == Int64.min ? 0 : best - within
        }
        let costs = pairs.map { min(rootCost($0.first, $0.firstMask), rootCost($0.second, $0.secondMask)) }
        pairClauses = pairs.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }.map { pairs[$0] }
        outcome = compiled.makeOutcome()
    }

    mutating func run() {
        if rootInfeasible || domains.contains(0) { return }
        queue = Array(0..<decisionCount)
        if !propagate() || !fallbackRulesHold() { return }
        dive(0)
    }

    /// Whether an option (global index) is surely chosen (`true`), surely not (`false`), or open.
    func chosen(_ option: Int) -> Bool? {
        let decision = compiled.optionDecision[option]
        let mask: UInt64 = 1 << UInt64(option - compiled.decisions[decision].firstOption)
        if domains[decision] & mask == 0 { return false }
        return domains[decision] == mask ? true : nil
    }

    /// Whether no error rule checked three-valued surely makes an error.
    func fallbackRulesHold() -> Bool {
        if fallbackRules.isEmpty { return true }
        return domains.withUnsafeBufferPointer { domains in
            for rule in fallbackRules {
                guard model.errorConditions.value(rule.index, domains) == true else { continue }
                if rule.isFout { return false }
                for target in rule.requires where target < 0 || chosen(target) == false { return false }
                for target in rule.excludes where chosen(target) == true { return false }
            }
            return true
        }
    }

    /// The lowest contribution to a money total among the options in `domain`.
    static func lowest(_ model: Model, _ compiled: CompiledRuleBase, _ decision: Int, _ domain: UInt64, _ metric: Int) -> Int64 {
        var lowest = Int64.max
        var rest = domain
        let first = compiled.decisions[decision].firstOption
        while rest != 0 {
            let local = rest.trailingZeroBitCount
            rest &= rest - 1
            lowest = min(lowest, model.optionMetric[(first + local) * model.metricCount + metric])
        }
        return lowest == Int64.max ? 0 : lowest
    }

    /// Keeps ``lowest`` and ``lowestSum`` in step with a decision's new domain.
    mutating func domainChanged(_ decision: Int) {
        let count = model.metricCount
        for metric in 0..<count {
            let value = Self.lowest(model, compiled, decision, domains[decision], metric)
            lowestSum[metric] += value - lowest[decision * count + metric]
            lowest[decision * count + metric] = value
        }
    }

    /// Narrows a decision's domain (on the trail); `false` when nothing is left.
    mutating func narrow(_ decision: Int, _ domain: UInt64) -> Bool {
        if domain == domains[decision] { return true }
        if domain == 0 { return false }
        trail.append((decision, domains[decision]))
        domains[decision] = domain
        domainChanged(decision)
        queue.append(decision)
        return true
    }

    /// Undoes the trail down to `mark`.
    mutating func undo(_ mark: Int) {
        while trail.count > mark {
            let (decision, domain) = trail.removeLast()
            domains[decision] = domain
            domainChanged(decision)
        }
    }

    /// Propagates the clauses of the queued decisions; `false` on a contradiction.
    mutating func propagate() -> Bool {
        while let decision = queue.popLast() {
            for clause in occurrences[decision] {
                var open = 0, candidate = -1, satisfied = false
                for index in clauseStart[clause]..<clauseStart[clause + 1] {
                    let domain = domains[clauseDecision[index]], mask = clauseMask[index]
                    if domain & ~mask == 0 {
                        satisfied = true
                        break
                    }
                    if domain & mask != 0 {
                        open += 1
                        candidate = index
                    }
                }
                if satisfied || open > 1 { continue }
                if open == 0 || !narrow(clauseDecision[candidate], domains[clauseDecision[candidate]] & clauseMask[candidate]) {
                    queue.removeAll(keepingCapacity: true)
                    return false
                }
            }
        }
        return true
    }

    /// Lower bounds of the money totals, or `nil` when one exceeds its limit.
    func moneyBounds() -> [Int64]? {
        let count = model.metricCount
        var bounds = lowestSum
        domains.withUnsafeBufferPointer { domains in
            for index in 0..<model.moneyConditions.count {
                switch model.moneyConditions.value(index, domains) {
                case true?: for metric in 0..<count { bounds[metric] += model.moneyMetrics[index * count + metric] }
                case nil:
                    for metric in 0..<count where model.moneyMetrics[index * count + metric] < 0 {
                        bounds[metric] += model.moneyMetrics[index * count + metric]
                    }
                case false?: break
                }
            }
        }
        for (metric, limit) in limited where bounds[metric] > limit { return nil }
        return bounds
    }

    /// The bound of this node after filtering the domains (`nil` on a contradiction). With a frame, an option whose own
    /// money breaks a limit (the other decisions at their lowest) goes. When only the optimum counts (no front) and
    /// the packages asked for are found, an option goes when with it a position, a pair or all positions together
    /// cannot reach the lowest satisfaction of the last of them (a package below it cannot enter). Propagated, repeated
    /// until nothing changes.
    mutating func tighten() -> ExplorationScore? {
        let metricCount = model.metricCount
        let threshold: Int64? =
            mode == .optimise && !model.problem.paretoFront && packages.count >= max(1, model.problem.packages)
            ? packages.last?.score.lowest : nil
        while true {
            guard let bounds = moneyBounds() else { return nil }
            computeReach()
            let bound = upperBound(structural: bounds[0])
            var changed = false
            for decision in 0..<decisionCount where !limited.isEmpty {
                let domain = domains[decision]
                if domain & (domain - 1) == 0 { continue }
                let first = compiled.decisions[decision].firstOption
                var keep = domain, rest = domain
                while rest != 0 {
                    let local = rest.trailingZeroBitCount
                    rest &= rest - 1
                    for (metric, limit) in limited
                    where model.optionMetric[(first + local) * metricCount + metric] - lowest[decision * metricCount + metric]
                        > limit - bounds[metric]
                    {
                        keep &= ~(1 << UInt64(local))
                        break
                    }
                }
                if keep != domain {
                    if !narrow(decision, keep) { return nil }
                    changed = true
                }
            }
            if let threshold, bound.lowest >= threshold {
                let count = model.combinations.count
                for (index, decision) in model.namedWithWishes.enumerated() {
                    let domain = domains[decision]
                    if domain & (domain - 1) == 0 { continue }
                    let base = model.wishStart[index]
                    var keep = domain, rest = domain
                    while rest != 0 {
                        let local = rest.trailingZeroBitCount
                        rest &= rest - 1
                        for combination in 0..<count where model.combinationSizes[combination] > 0 {
                            let reachable =
                                reach[combination] - loss[combination] + pairLoss[index * count + combination]
                                - decisionBest[index * count + combination]
                                + model.wishTable[(base + local) * count + combination]
                            if reachable < model.combinationSizes[combination] * threshold {
                                keep &= ~(1 << UInt64(local))
                                break
                            }
                        }
                    }
                    if keep != domain {
                        if !narrow(decision, keep) { return nil }
                        changed = true
                    }
                }
            }
            if !changed { return bound }
            if !propagate() || !fallbackRulesHold() { return nil }
        }
    }

    /// Fills ``reach`` (per combination of positions, the weight still reachable) and ``decisionBest`` (per wished
    /// decision and combination, the most its remaining options give).
    mutating func computeReach() {
        let count = model.combinations.count
        for combination in 0..<count { reach[combination] = 0 }
        for (index, decision) in model.namedWithWishes.enumerated() {
            let base = model.wishStart[index]
            for combination in 0..<count { decisionBest[index * count + combination] = 0 }
            var rest = domains[decision]
            while rest != 0 {
                let local = rest.trailingZeroBitCount
                rest &= rest - 1
                for combination in 0..<count {
                    decisionBest[index * count + combination] = max(
                        decisionBest[index * count + combination], model.wishTable[(base + local) * count + combination])
                }
            }
            for combination in 0..<count { reach[combination] += decisionBest[index * count + combination] }
        }
        // A clause `d1 ∈ M1 or d2 ∈ M2` costs at least the smaller of what restricting either decision to its mask
        // costs; over clauses that share no decision (greedy, in clause order) these costs add up.
        for index in pairLoss.indices { pairLoss[index] = 0 }
        for combination in 0..<count {
            loss[combination] = 0
            guard model.combinationSizes[combination] > 0 else { continue }
            for clause in pairClauses {
                let first = model.wishIndex[clause.first], second = model.wishIndex[clause.second]
                if pairLoss[first * count + combination] != 0 || pairLoss[second * count + combination] != 0 { continue }
                let cost = min(
                    restrictionCost(first, clause.first, clause.firstMask, combination),
                    restrictionCost(second, clause.second, clause.secondMask, combination))
                if cost > 0 {
                    loss[combination] += cost
                    pairLoss[first * count + combination] = cost
                    pairLoss[second * count + combination] = cost
                }
            }
        }
    }

    /// How much a wished decision's best value for a combination drops when it is restricted to `mask` (0 when
    /// nothing of its domain is in the mask: propagation handles that).
    func restrictionCost(_ index: Int, _ decision: Int, _ mask: UInt64, _ combination: Int) -> Int64 {
        let count = model.combinations.count, base = model.wishStart[index]
        var rest = domains[decision] & mask
        if rest == 0 { return 0 }
        var best = Int64.min
        while rest != 0 {
            let local = rest.trailingZeroBitCount
            rest &= rest - 1
            best = max(best, model.wishTable[(base + local) * count + combination])
        }
        return decisionBest[index * count + combination] - best
    }

    /// The best score any completion can reach (after ``computeReach()``). Per position, the weight of the wishes
    /// still possible; for the total, per decision the option with the most weight over all positions; for the lowest,
    /// also the average of every pair and of all positions with weight (the lowest is never above an average), each
    /// per decision at its best option. The positions' wishes conflict on the same decision, which the pair and
    /// average bounds see.
    func upperBound(structural: Int64) -> ExplorationScore {
        let parties = model.weights.count
        var lowest = Int64.max, total: Int64 = 0
        for party in 0..<parties {
            let value = model.weights[party] == 0 ? model.scale : reach[party] - loss[party]
            lowest = min(lowest, value)
            if model.weights[party] == 0 { total += model.scale }
        }
        for index in parties..<model.combinations.count where model.combinationSizes[index] > 0 {
            lowest = min(lowest, (reach[index] - loss[index]) / model.combinationSizes[index])
        }
        if let all = model.allWithWeight { total += reach[all] - loss[all] }
        return ExplorationScore(lowest: parties == 0 ? 0 : lowest, total: total, structural: structural)
    }

    func score(_ honoured: [Int64], structural: Int64) -> ExplorationScore {
        var lowest = Int64.max, total: Int64 = 0
        for (position, value) in honoured.enumerated() {
            let scaled = model.weights[position] == 0 ? model.scale : value
            lowest = min(lowest, scaled)
            total += scaled
        }
        return ExplorationScore(lowest: honoured.isEmpty ? 0 : lowest, total: total, structural: structural)
    }

    /// Whether nothing below a node with these bounds can be recorded.
    func prunable(_ bound: ExplorationScore) -> Bool {
        switch mode {
        case .feasibility: return false
        case .optimise:
            let full = packages.count >= model.problem.packages && packages.last.map { bound <= $0.score } == true
            let settled = full || signatureSettled(bound)
            guard settled else { return false }
            guard model.problem.paretoFront else { return true }
            return front.contains { $0.score.lowest >= bound.lowest && $0.score.structural <= bound.structural }
        }
    }

    /// Whether every named decision is decided and a package with those choices already scores at least `bound`.
    func signatureSettled(_ bound: ExplorationScore) -> Bool {
        for decision in model.named where domains[decision].nonzeroBitCount != 1 { return false }
        return packages.contains { entry in
            entry.score >= bound && model.named.allSatisfy { 1 << UInt64(entry.choices[$0]) == domains[$0] }
        }
    }

    var finished: Bool { mode == .feasibility && !packages.isEmpty }

    /// Visits a node. A stop by the node limit happens before a node is counted (so exactly that many are visited);
    /// the parent then records its bound as open, which covers this node and the siblings not tried.
    mutating func dive(_ depth: Int) {
        if stopped || finished { return }
        if let nodeLimit, nodes >= nodeLimit {
            stopped = true
            stoppedByNodes = true
            return
        }
        nodes += 1
        guard let bound = tighten() else { return }
        if prunable(bound) { return }
        if nodes & 255 == 0, let deadline, ContinuousClock.now >= deadline {
            stopped = true
            openBound = max(openBound ?? bound, bound)
            return
        }
        var depth = depth
        while depth < model.order.count, domains[model.order[depth]].nonzeroBitCount == 1 { depth += 1 }
        guard depth < model.order.count else {
            record()
            return
        }
        let decision = model.order[depth]
        let domain = domains[decision]
        let mark = trail.count
        for local in optionOrder(decision, domain) {
            if narrow(decision, 1 << UInt64(local)) && propagate() && fallbackRulesHold() { dive(depth + 1) }
            queue.removeAll(keepingCapacity: true)
            undo(mark)
            if stopped || finished {
                if stopped { openBound = max(openBound ?? bound, bound) }
                return
            }
        }
    }

    /// The options to try, best first: by the satisfaction bound with the option chosen (lowest, then total), so the
    /// search balances the positions; ties (and decisions no position wants) in the fixed order.
    func optionOrder(_ decision: Int, _ domain: UInt64) -> [Int] {
        let fixed = model.optionOrder[decision].filter { domain & (1 << UInt64($0)) != 0 }
        let index = model.wishIndex[decision]
        guard index >= 0, fixed.count > 1 else { return fixed }
        let count = model.combinations.count, parties = model.weights.count, base = model.wishStart[index]
        func key(_ local: Int) -> (Int64, Int64) {
            var lowest = Int64.max
            for combination in 0..<count where model.combinationSizes[combination] > 0 {
                let value =
                    reach[combination] - loss[combination] + pairLoss[index * count + combination]
                    - decisionBest[index * count + combination]
                    + model.wishTable[(base + local) * count + combination]
                lowest = min(lowest, combination < parties ? value : value / model.combinationSizes[combination])
            }
            let total = model.allWithWeight.map {
                reach[$0] - loss[$0] + pairLoss[index * count + $0] - decisionBest[index * count + $0]
                    + model.wishTable[(base + local) * count + $0]
            }
            return (lowest, total ?? 0)
        }
        let keys = fixed.map(key)
        return fixed.indices.sorted { keys[$0] != keys[$1] ? keys[$0] > keys[$1] : $0 < $1 }.map { fixed[$0] }
    }

    /// Records a complete assignment, checked with the compiled evaluator.
    mutating func record() {
        let choices = domains.map(\.trailingZeroBitCount)
        do {
            try compiled.evaluate(choices: choices, assumptions: assumptionBits, into: &outcome)
        } catch {
            return
        }
        let layout = compiled.layout, totals = outcome.totals
        let structural = totals[layout.runRateSlot + 1]
        let perYear = layout.years.map { totals[layout.slot(.lasten, year: $0) + 1] - totals[layout.slot(.baten, year: $0)] }
        let unknown = totals[Model.unknownSlot(layout)]
        let values = [structural] + perYear + [unknown]
        for (metric, limit) in limits.enumerated() {
            if let limit, values[metric] > limit { return }
        }
        for error in outcome.errors {
            let constraint: ExplorationConstraint =
                switch (error.source, error.kind) {
                case (.rule(let rule), _): .rule(rule)
                case (.option(let option), .requires(let target)): .requires(option: option, target: target)
                case (.option(let option), .excludes(let target)): .excludes(option: option, target: target)
                case (.option(let option), .ruleMessage): .requires(option: option, target: nil)
                }
            if enabled.contains(constraint) { return }
        }
        var honoured = [Int64](repeating: 0, count: model.weights.count)
        var honouredWeight = [Int](repeating: 0, count: model.weights.count)
        for (position, entry) in model.problem.positions.enumerated() {
            for wish in entry.wishes {
                guard let option = compiled.optionIndex(wish.option) else { continue }
                let decision = compiled.optionDecision[option]
                if compiled.decisions[decision].firstOption + choices[decision] == option { honouredWeight[position] += wish.weight }
            }
        }
        for (decision, wishes) in model.wishes.enumerated() {
            for wish in wishes where choices[decision] == wish.option { honoured[wish.position] += wish.weight }
        }
        let package = ExplorationResult.Package(
            choices: choices, score: score(honoured, structural: structural), honoured: honouredWeight,
            structural: Money(cents: structural), perYear: perYear.map { Money(cents: $0) }, unknown: Int(unknown))
        insert(package)
        if mode == .optimise && model.problem.paretoFront { insertFront(package) }
    }

    /// Keeps the best packages, distinct in the named decisions.
    mutating func insert(_ package: ExplorationResult.Package) {
        let signature = model.named.map { package.choices[$0] }
        if let existing = packages.firstIndex(where: { entry in model.named.map { entry.choices[$0] } == signature }) {
            guard packages[existing].score < package.score else { return }
            packages.remove(at: existing)
        }
        let index = packages.firstIndex { $0.score < package.score } ?? packages.count
        packages.insert(package, at: index)
        if packages.count > max(1, model.problem.packages) { packages.removeLast() }
    }

    mutating func insertFront(_ package: ExplorationResult.Package) {
        let (lowest, structural) = (package.score.lowest, package.score.structural)
        if front.contains(where: { $0.score.lowest >= lowest && $0.score.structural <= structural }) { return }
        front.removeAll { $0.score.lowest <= lowest && $0.score.structural >= structural }
        front.append(package)
    }
}
