/// Rule conditions for three-valued evaluation under the solver's domains: each as a disjunction of conjunctions of
/// literals `x_d ∈ mask` with the assumptions filled in, or (when that form is too large) as the compiled tree.
struct LiteralConditions: Sendable {
    /// Per condition, its terms `termStart[c] ..< termStart[c + 1]`.
    var termStart: [Int] = [0]
    /// Per term, its literals.
    var literalStart: [Int] = [0]
    var literalDecision: [Int] = []
    var literalMask: [UInt64] = []
    /// Per condition, the tree when it has no small disjunctive normal form.
    var trees: [CompiledCondition.Node?] = []
    /// Per option or deviation bit, the decision and the options for which the bit is set.
    var bitDecision: [Int] = []
    var bitHolds: [UInt64] = []
    var assumptions: [Bool] = []
    var count: Int { trees.count }

    init(_ compiled: CompiledRuleBase, rules: [Int], assumptions: [Bool], fullMasks: [UInt64]) {
        let optionCount = compiled.optionRefs.count
        for option in 0..<optionCount {
            let decision = compiled.optionDecision[option]
            bitDecision.append(decision)
            bitHolds.append(1 << UInt64(option - compiled.decisions[decision].firstOption))
        }
        for (decision, entry) in compiled.decisions.enumerated() {
            bitDecision.append(decision)
            bitHolds.append(fullMasks[decision] & ~(1 << UInt64(entry.currentLine)))
        }
        self.assumptions = assumptions
        for rule in rules {
            let condition = compiled.conditions[rule]
            guard let terms = condition.disjunctiveNormalForm() else {
                trees.append(condition.node)
                termStart.append(literalStart.count - 1)
                continue
            }
            trees.append(nil)
            term: for term in terms {
                var masks: [Int: UInt64] = [:]
                for (bit, value) in term {
                    if bit >= bitDecision.count {
                        if assumptions[bit - bitDecision.count] != value { continue term }
                        continue
                    }
                    let decision = bitDecision[bit]
                    let mask = value ? bitHolds[bit] : fullMasks[decision] & ~bitHolds[bit]
                    masks[decision] = (masks[decision] ?? fullMasks[decision]) & mask
                    if masks[decision] == 0 { continue term }
                }
                for (decision, mask) in masks.sorted(by: { $0.key < $1.key }) {
                    literalDecision.append(decision)
                    literalMask.append(mask)
                }
                literalStart.append(literalDecision.count)
            }
            termStart.append(literalStart.count - 1)
        }
    }

    /// The condition's conjunctions (decision, allowed options), or `nil` for a tree.
    func conjunctions(_ condition: Int) -> [[(decision: Int, mask: UInt64)]]? {
        guard trees[condition] == nil else { return nil }
        return (termStart[condition]..<termStart[condition + 1]).map { term in
            (literalStart[term]..<literalStart[term + 1]).map { (literalDecision[$0], literalMask[$0]) }
        }
    }

    /// The condition's value under the domains, `nil` when undecided.
    func value(_ condition: Int, _ domains: UnsafeBufferPointer<UInt64>) -> Bool? {
        if let tree = trees[condition] { return value(tree, domains) }
        var result: Bool? = false
        for term in termStart[condition]..<termStart[condition + 1] {
            var holds: Bool? = true
            for literal in literalStart[term]..<literalStart[term + 1] {
                let domain = domains[literalDecision[literal]], mask = literalMask[literal]
                if domain & mask == 0 {
                    holds = false
                    break
                }
                if domain & ~mask != 0 { holds = nil }
            }
            if holds == true { return true }
            if holds == nil { result = nil }
        }
        return result
    }

    private func value(_ node: CompiledCondition.Node, _ domains: UnsafeBufferPointer<UInt64>) -> Bool? {
        switch node {
        case .constant(let value): return value
        case .literal(let bit, let value):
            guard bit < bitDecision.count else { return assumptions[bit - bitDecision.count] == value }
            let domain = domains[bitDecision[bit]], holds = bitHolds[bit]
            if domain & holds == 0 { return !value }
            return domain & ~holds == 0 ? value : nil
        case .all(let parts):
            var result: Bool? = true
            for part in parts {
                switch value(part, domains) {
                case false?: return false
                case nil: result = nil
                case true?: break
                }
            }
            return result
        case .any(let parts):
            var result: Bool? = false
            for part in parts {
                switch value(part, domains) {
                case true?: return true
                case nil: result = nil
                case false?: break
                }
            }
            return result
        case .not(let inner): return value(inner, domains).map { !$0 }
        }
    }
}
