import Foundation

/// Exact branch and bound over the compiled rule base (see docs/decisions.md and `akkoord verken`).
///
/// Decisions are taken in a fixed order (named by the positions first), options in a fixed order (most wanted first,
/// then the lowest structural burden); every assignment filters the other decisions' options through `vereist` and
/// `sluit_uit` (and assigns a decision that has one option left), and checks the error rules three-valued. A node is
/// cut when its bound cannot beat the k-th best package (and, for the front, is dominated by a front point). Bounds:
/// per position the weight of the wishes still possible; per money total the sum per decision of the lowest
/// contribution among its remaining options, plus every rule that surely fires and the negative part of every rule
/// that may fire. Every package found is checked with the compiled evaluator. Deterministic without a time limit.
public struct ExplorationSolver: Sendable {
    public init() {}

    /// Solves the problem; when no package is feasible, finds a minimal conflict by deletion.
    public func solve(_ problem: ExplorationProblem) throws(ExplorationError) -> ExplorationResult {
        let model = try Model(problem)
        let deadline = problem.timeLimit.map { ContinuousClock.now + .milliseconds(Int64($0 * 1000)) }
        var search = Search(model: model, enabled: model.allConstraints, mode: .optimise, deadline: deadline, nodeLimit: problem.nodeLimit)
        search.run()
        var nodes = search.nodes
        let status: ExplorationResult.Status
        if !search.packages.isEmpty {
            status =
                search.stopped ? .stopped(bound: max(search.openBound ?? search.packages[0].score, search.packages[0].score)) : .optimal
        } else if search.stopped {
            status = .unknown
        } else {
            let (conflict, used) = minimalConflict(model, deadline: deadline, nodeLimit: problem.nodeLimit)
            nodes += used
            status = conflict.map { .infeasible(conflict: $0) } ?? .unknown
        }
        return ExplorationResult(
            status: status, packages: search.packages,
            front: search.front.sorted { $0.score.lowest < $1.score.lowest }.map { ExplorationResult.FrontPoint(package: $0) },
            frontIsComplete: problem.paretoFront && !search.stopped, scale: model.scale, weights: model.weights, nodes: nodes)
    }

    /// Deletion-based minimisation: drops each constraint whose removal keeps the rest infeasible. The rule base's own
    /// constraints are first tried as one block. `nil` when a limit stops it.
    func minimalConflict(_ model: Model, deadline: ContinuousClock.Instant?, nodeLimit: Int?) -> ([ExplorationConstraint]?, Int) {
        var nodes = 0
        func feasible(_ enabled: Set<ExplorationConstraint>) -> Bool? {
            var search = Search(model: model, enabled: enabled, mode: .feasibility, deadline: deadline, nodeLimit: nodeLimit)
            search.run()
            nodes += search.nodes
            if !search.packages.isEmpty { return true }
            return search.stopped ? nil : false
        }
        var kept = model.allConstraints
        let ruleBase = kept.filter(\.isRuleBase)
        if !ruleBase.isEmpty {
            switch feasible(kept.subtracting(ruleBase)) {
            case false?: kept.subtract(ruleBase)
            case true?: break
            case nil: return (nil, nodes)
            }
        }
        for constraint in kept.sorted() {
            var without = kept
            without.remove(constraint)
            switch feasible(without) {
            case false?: kept = without
            case true?: break
            case nil: return (nil, nodes)
            }
        }
        return (kept.sorted(), nodes)
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
            result.append(vector[layout.unknownEffectCountSlot])
            return result
        }
        optionMetric = compiled.optionTerms.flatMap(metrics)
        var moneyRules: [(rule: Int, metrics: [Int64])] = []
        for rule in 0..<compiled.ruleCount {
            let vector = metrics(compiled.ruleTerms[rule])
            if vector.contains(where: { $0 != 0 }) { moneyRules.append((rule, vector)) }
        }
        self.moneyRules = moneyRules
        errorRules = (0..<compiled.ruleCount).compactMap { rule in
            let isFout = compiled.ruleIsError[rule]
            let requires = compiled.ruleRequires[rule], excludes = compiled.ruleExcludes[rule]
            return isFout || !requires.isEmpty || !excludes.isEmpty ? (rule, isFout, requires, excludes) : nil
        }

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

/// One depth-first search.
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
    let enabled: Set<ExplorationConstraint>
    let enabledRules: [Bool]
    /// Per global option: (decision, mask of options kept) applied when the option is chosen.
    let removals: [[(decision: Int, keep: UInt64)]]
    let rootDomains: [UInt64]
    let assumptionBits: [Bool]
    let optionBitCount: Int

    var domains: [UInt64]
    /// Per decision and money total, the lowest contribution among its remaining options; and their sums.
    var lowest: [Int64]
    var lowestSum: [Int64]
    var assigned: [Int]
    var nodes = 0
    var stopped = false
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
        compiled = model.compiled
        self.mode = mode
        self.deadline = deadline
        self.nodeLimit = nodeLimit
        limits = model.limits(enabled)
        self.enabled = enabled
        var enabledRules = [Bool](repeating: false, count: compiled.ruleCount)
        for rule in model.errorRules where enabled.contains(.rule(rule.rule)) { enabledRules[rule.rule] = true }
        self.enabledRules = enabledRules
        var domains = model.optionCounts.map { $0 == 64 ? UInt64.max : (1 << UInt64($0)) - 1 }
        for entry in model.unary where enabled.contains(entry.constraint) { domains[entry.decision] &= entry.mask }
        let compiled = model.compiled
        var removals = [[(decision: Int, keep: UInt64)]](repeating: [], count: compiled.optionRefs.count)
        func bit(_ option: Int) -> UInt64 { 1 << UInt64(option - compiled.decisions[compiled.optionDecision[option]].firstOption) }
        for option in 0..<compiled.optionRefs.count {
            let decision = compiled.optionDecision[option]
            for target in compiled.optionRequires[option]
            where enabled.contains(.requires(option: option, target: target < 0 ? nil : target)) {
                guard target >= 0 else {
                    domains[decision] &= ~bit(option)
                    continue
                }
                let other = compiled.optionDecision[target]
                removals[option].append((other, bit(target)))
                let first = compiled.decisions[other].firstOption
                for sibling in first..<(first + compiled.decisions[other].options.count) where sibling != target {
                    removals[sibling].append((decision, ~bit(option)))
                }
            }
            for target in compiled.optionExcludes[option] where enabled.contains(.excludes(option: option, target: target)) {
                removals[option].append((compiled.optionDecision[target], ~bit(target)))
                removals[target].append((decision, ~bit(option)))
            }
        }
        self.removals = removals
        rootDomains = domains
        self.domains = domains
        let metricCount = model.metricCount
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
        assigned = [Int](repeating: -1, count: compiled.decisions.count)
        assumptionBits = model.problem.assumptions
        optionBitCount = compiled.optionRefs.count
        outcome = compiled.makeOutcome()
    }

    mutating func run() {
        if domains.contains(0) { return }
        // Decisions with one option left are assigned first (propagating).
        for decision in 0..<compiled.decisions.count where assigned[decision] < 0 && domains[decision].nonzeroBitCount == 1 {
            if !assign(decision, domains[decision].trailingZeroBitCount) { return }
        }
        if !errorRulesHold() { return }
        dive(0)
    }

    /// The value of a condition bit under the current domains, or `nil` when undecided.
    func known(_ bit: Int) -> Bool? {
        if bit < optionBitCount {
            let decision = compiled.optionDecision[bit]
            let mask: UInt64 = 1 << UInt64(bit - compiled.decisions[decision].firstOption)
            if domains[decision] & mask == 0 { return false }
            return domains[decision] == mask ? true : nil
        }
        let decisionBit = bit - optionBitCount
        if decisionBit < compiled.decisions.count {
            let current: UInt64 = 1 << UInt64(compiled.decisions[decisionBit].currentLine)
            if domains[decisionBit] & current == 0 { return true }
            return domains[decisionBit] == current ? false : nil
        }
        return assumptionBits[decisionBit - compiled.decisions.count]
    }

    /// Whether no enabled error rule surely makes an error.
    func errorRulesHold() -> Bool {
        for rule in model.errorRules where enabledRules[rule.rule] {
            guard compiled.conditions[rule.rule].value(known) == true else { continue }
            if rule.isFout { return false }
            for target in rule.requires where target < 0 || known(target) == false { return false }
            for target in rule.excludes where known(target) == true { return false }
        }
        return true
    }

    /// Chooses an option and propagates; `false` on a contradiction (the caller restores the state).
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

    mutating func assign(_ decision: Int, _ local: Int) -> Bool {
        var queue = [(decision, local)]
        while let (decision, local) = queue.popLast() {
            let mask: UInt64 = 1 << UInt64(local)
            if assigned[decision] >= 0 {
                if assigned[decision] != local { return false }
                continue
            }
            if domains[decision] & mask == 0 { return false }
            assigned[decision] = local
            if domains[decision] != mask {
                domains[decision] = mask
                domainChanged(decision)
            }
            for (other, keep) in removals[compiled.decisions[decision].firstOption + local] {
                if assigned[other] >= 0 {
                    if keep & (1 << UInt64(assigned[other])) == 0 { return false }
                    continue
                }
                let domain = domains[other] & keep
                if domain == 0 { return false }
                if domain != domains[other] {
                    domains[other] = domain
                    domainChanged(other)
                    if domain.nonzeroBitCount == 1 { queue.append((other, domain.trailingZeroBitCount)) }
                }
            }
        }
        return true
    }

    /// Lower bounds of the money totals, or `nil` when one exceeds its limit.
    func moneyBounds() -> [Int64]? {
        let count = model.metricCount
        var bounds = lowestSum
        for (rule, metrics) in model.moneyRules {
            switch compiled.conditions[rule].value(known) {
            case true?: for metric in 0..<count { bounds[metric] += metrics[metric] }
            case nil: for metric in 0..<count where metrics[metric] < 0 { bounds[metric] += metrics[metric] }
            case false?: break
            }
        }
        for (metric, limit) in limits.enumerated() {
            if let limit, bounds[metric] > limit { return nil }
        }
        return bounds
    }

    /// The best score any completion can reach. Per position, the weight of the wishes still possible; for the
    /// total, per decision the option with the most weight over all positions; for the lowest, also the average of
    /// every pair and of all positions with weight (the lowest is never above an average), each per decision at its
    /// best option. The positions' wishes conflict on the same decision, which the pair and average bounds see.
    func upperBound(structural: Int64) -> ExplorationScore {
        let parties = model.weights.count
        let combinations = model.combinations
        var sums = [Int64](repeating: 0, count: combinations.count)
        var values = [Int64](repeating: 0, count: parties)
        var best = [Int64](repeating: 0, count: combinations.count)
        for decision in model.namedWithWishes {
            let wishes = model.wishes[decision]
            for index in best.indices { best[index] = 0 }
            var rest = domains[decision]
            while rest != 0 {
                let local = rest.trailingZeroBitCount
                rest &= rest - 1
                for party in values.indices { values[party] = 0 }
                for wish in wishes where wish.option == local { values[wish.position] += wish.weight }
                for (index, combination) in combinations.enumerated() {
                    var sum: Int64 = 0
                    for party in combination { sum += values[party] }
                    best[index] = max(best[index], sum)
                }
            }
            for index in sums.indices { sums[index] += best[index] }
        }
        // Combinations: one per party (its own reachable weight), then the pairs and all parties with weight.
        var lowest = Int64.max, total: Int64 = 0
        for party in 0..<parties {
            let value = model.weights[party] == 0 ? model.scale : sums[party]
            lowest = min(lowest, value)
            if model.weights[party] == 0 { total += model.scale }
        }
        for index in parties..<combinations.count where !combinations[index].isEmpty {
            lowest = min(lowest, sums[index] / Int64(combinations[index].count))
        }
        if let all = model.allWithWeight { total += sums[all] }
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
        for decision in model.named where assigned[decision] < 0 { return false }
        return packages.contains { entry in
            entry.score >= bound && model.named.allSatisfy { entry.choices[$0] == assigned[$0] }
        }
    }

    var finished: Bool { mode == .feasibility && !packages.isEmpty }

    mutating func dive(_ depth: Int) {
        if stopped || finished { return }
        nodes += 1
        guard let bounds = moneyBounds() else { return }
        let bound = upperBound(structural: bounds[0])
        if prunable(bound) { return }
        if nodes & 255 == 0 {
            if let nodeLimit, nodes >= nodeLimit { stopped = true }
            if let deadline, ContinuousClock.now >= deadline { stopped = true }
            if stopped {
                openBound = max(openBound ?? bound, bound)
                return
            }
        }
        var depth = depth
        while depth < model.order.count, assigned[model.order[depth]] >= 0 { depth += 1 }
        guard depth < model.order.count else {
            record()
            return
        }
        let decision = model.order[depth]
        let savedDomains = domains, savedAssigned = assigned, savedLowest = lowest, savedSum = lowestSum
        for local in model.optionOrder[decision] where savedDomains[decision] & (1 << UInt64(local)) != 0 {
            if stopped || finished {
                if stopped { openBound = max(openBound ?? bound, bound) }
                return
            }
            if assign(decision, local) && errorRulesHold() { dive(depth + 1) }
            domains = savedDomains
            assigned = savedAssigned
            lowest = savedLowest
            lowestSum = savedSum
        }
    }

    /// Records a complete assignment, checked with the compiled evaluator.
    mutating func record() {
        let choices = assigned
        do {
            try compiled.evaluate(choices: choices, assumptions: assumptionBits, into: &outcome)
        } catch {
            return
        }
        let layout = compiled.layout, totals = outcome.totals
        let structural = totals[layout.runRateSlot + 1]
        let perYear = layout.years.map { totals[layout.slot(.lasten, year: $0) + 1] - totals[layout.slot(.baten, year: $0)] }
        let unknown = totals[layout.unknownEffectCountSlot]
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
