/// Finds options that can never be chosen without an error and rules whose condition can never hold, exactly:
/// by searching all combinations of the decisions and assumptions involved (each decision has exactly one option,
/// assumptions are free), with pruning. For a dead option it reports the minimal chain of constraints that forbids it.
public struct ConstraintAnalysis: Sendable {
    /// Something that makes a scenario erroneous when its condition holds.
    struct Constraint: Hashable {
        var violation: Condition
        var description: String
        var location: SourceLocation
    }

    public var ruleBase: RuleBase
    let constraints: [Constraint]

    public init(ruleBase: RuleBase) {
        self.ruleBase = ruleBase
        var constraints: [Constraint] = []
        for (ref, _, decision) in ruleBase.allDecisions {
            for option in decision.options {
                let me = OptionRef(decision: ref, option: option.id)
                for required in option.requires {
                    constraints.append(Constraint(violation: .all([.chosen(me), .not(.chosen(required))]),
                                                  description: "\(me) vereist \(required)", location: option.location))
                }
                for excluded in option.excludes {
                    constraints.append(Constraint(violation: .all([.chosen(me), .chosen(excluded)]),
                                                  description: "\(me) sluit \(excluded) uit", location: option.location))
                }
            }
        }
        for rule in ruleBase.rules {
            if rule.message?.level == .fout {
                constraints.append(Constraint(violation: rule.condition, description: "regel \(rule.id) geeft een fout als haar voorwaarde geldt",
                                              location: rule.location))
            }
            for required in rule.requires {
                constraints.append(Constraint(violation: .all([rule.condition, .not(.chosen(required))]),
                                              description: "regel \(rule.id) vereist dan \(required)", location: rule.location))
            }
            for excluded in rule.excludes {
                constraints.append(Constraint(violation: .all([rule.condition, .chosen(excluded)]),
                                              description: "regel \(rule.id) sluit dan \(excluded) uit", location: rule.location))
            }
        }
        self.constraints = constraints
    }

    /// Every finding: self-contradicting options, dead options with their chain, rules that can never fire.
    public func findings() -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let constrained = Set(constraints.flatMap(\.violation.decisionRefs))
        var unfinished: [SourceLocation] = []
        for (ref, _, decision) in ruleBase.allDecisions {
            for option in decision.options {
                let me = OptionRef(decision: ref, option: option.id)
                let both = Set(option.requires).intersection(option.excludes)
                if !both.isEmpty {
                    findings.append(Diagnostic(.error, option.location, "optie \(me) vereist én sluit uit: \(both.sorted().map(\.description).joined(separator: ", "))"))
                    continue
                }
                // An option of a decision no constraint mentions can always be chosen.
                guard constrained.contains(ref) else { continue }
                let outcome = forbiddingChain(for: .chosen(me), among: constraints)
                guard case .forbidden(let chain) = outcome else {
                    if case .unfinished = outcome { unfinished.append(option.location) }
                    continue
                }
                // A dead current line makes every scenario erroneous; a dead alternative may be deliberate (an option
                // the law forbids, kept visible for the negotiators), so it is a warning.
                findings.append(Diagnostic(option.isCurrentLine ? .error : .warning, option.location,
                                           "optie \(me) kan nooit zonder fout gekozen worden: \(chain.map(\.description).joined(separator: "; "))"))
            }
        }
        if let first = unfinished.first {
            findings.append(Diagnostic(.note, first, "\(unfinished.count) optie(s) niet volledig geanalyseerd: te veel combinaties (meer dan \(Self.nodeBudget) per optie)"))
        }
        for rule in ruleBase.rules where Search(ruleBase: ruleBase, constraints: []).satisfiable(rule.condition) == false {
            findings.append(Diagnostic(.warning, rule.location, "de voorwaarde van regel '\(rule.id)' kan nooit gelden (bijv. twee opties van één beslissing tegelijk)"))
        }
        return findings
    }

    /// Most search nodes spent on one goal before the analysis gives up on it (and says so).
    static let nodeBudget = 200_000

    enum Outcome {
        case possible
        case forbidden([Constraint])
        case unfinished
    }

    /// The minimal set of constraints that makes `goal` impossible, if it is.
    func forbiddingChain(for goal: Condition, among candidates: [Constraint]) -> Outcome {
        // Only constraints that share variables (transitively) with the goal can matter.
        var decisions = Set(goal.decisionRefs), assumptions = Set(goal.assumptionIDs)
        var component: [Constraint] = []
        var remaining = candidates
        var grew = true
        while grew {
            grew = false
            remaining.removeAll { constraint in
                let touches = !Set(constraint.violation.decisionRefs).isDisjoint(with: decisions)
                    || !Set(constraint.violation.assumptionIDs).isDisjoint(with: assumptions)
                if touches {
                    component.append(constraint)
                    decisions.formUnion(constraint.violation.decisionRefs)
                    assumptions.formUnion(constraint.violation.assumptionIDs)
                    grew = true
                }
                return touches
            }
        }
        switch Search(ruleBase: ruleBase, constraints: component).satisfiable(goal) {
        case true?: return .possible
        case nil: return .unfinished
        case false?: break
        }
        // Deletion-based minimisation: drop every constraint that is not needed for the contradiction.
        var chain = component
        for constraint in component {
            let without = chain.filter { $0 != constraint }
            if Search(ruleBase: ruleBase, constraints: without).satisfiable(goal) == false { chain = without }
        }
        return .forbidden(ordered(chain, from: Set(goal.decisionRefs)))
    }

    /// Orders a chain as a path: first the constraint whose subject is the goal, then each one that continues from
    /// the decisions the previous one brought in.
    private func ordered(_ chain: [Constraint], from start: Set<DecisionRef>) -> [Constraint] {
        var remaining = chain.sorted { $0.description < $1.description }
        var result: [Constraint] = []
        var frontier = start, seen = start
        while !remaining.isEmpty {
            let touching = remaining.indices.filter { !Set(remaining[$0].violation.decisionRefs).isDisjoint(with: frontier) }
            let subject = touching.first { index in frontier.contains { remaining[index].description.hasPrefix($0.description + ".") } }
            let next = remaining.remove(at: subject ?? touching.first ?? 0)
            result.append(next)
            let brought = Set(next.violation.decisionRefs).subtracting(seen)
            frontier = brought.isEmpty ? Set(next.violation.decisionRefs) : brought
            seen.formUnion(next.violation.decisionRefs)
        }
        return result
    }

    /// Backtracking search over the decisions and assumptions a goal and its constraints mention.
    struct Search {
        let ruleBase: RuleBase
        let constraints: [Constraint]

        /// `nil` when the node budget ran out before an answer.
        func satisfiable(_ goal: Condition) -> Bool? {
            let decisions = Array(Set(goal.decisionRefs + constraints.flatMap(\.violation.decisionRefs))).sorted()
            let assumptions = Array(Set(goal.assumptionIDs + constraints.flatMap(\.violation.assumptionIDs))).sorted()
            var partial = Partial()
            var budget = ConstraintAnalysis.nodeBudget
            let found = assign(decisions[...], assumptions[...], &partial, goal, &budget)
            return found ? true : (budget < 0 ? nil : false)
        }

        private func consistent(_ partial: Partial, _ goal: Condition) -> Bool {
            if partial.evaluate(goal, ruleBase) == false { return false }
            return !constraints.contains { partial.evaluate($0.violation, ruleBase) == true }
        }

        private func assign(_ decisions: ArraySlice<DecisionRef>, _ assumptions: ArraySlice<String>, _ partial: inout Partial,
                            _ goal: Condition, _ budget: inout Int) -> Bool {
            budget -= 1
            guard budget >= 0, consistent(partial, goal) else { return false }
            if let decision = decisions.first {
                for option in ruleBase.decision(decision)?.options ?? [] {
                    partial.choices[decision] = option
                    if assign(decisions.dropFirst(), assumptions, &partial, goal, &budget) { return true }
                }
                partial.choices[decision] = nil
                return false
            }
            if let assumption = assumptions.first {
                for value in [true, false] {
                    partial.assumptions[assumption] = value
                    if assign(decisions, assumptions.dropFirst(), &partial, goal, &budget) { return true }
                }
                partial.assumptions[assumption] = nil
                return false
            }
            return partial.evaluate(goal, ruleBase) == true
        }
    }

    /// A partial assignment with three-valued evaluation: `nil` means "not decided yet".
    struct Partial {
        var choices: [DecisionRef: Option] = [:]
        var assumptions: [String: Bool] = [:]

        func evaluate(_ condition: Condition, _ ruleBase: RuleBase) -> Bool? {
            switch condition {
            case .chosen(let ref):
                return choices[ref.decision].map { $0.id == ref.option }
            case .deviates(let ref):
                return choices[ref].map { !$0.isCurrentLine }
            case .assumption(let id, let value):
                return assumptions[id].map { $0 == value }
            case .all(let parts):
                var unknown = false
                for part in parts {
                    switch evaluate(part, ruleBase) {
                    case false?: return false
                    case nil: unknown = true
                    case true?: break
                    }
                }
                return unknown ? nil : true
            case .any(let parts):
                var unknown = false
                for part in parts {
                    switch evaluate(part, ruleBase) {
                    case true?: return true
                    case nil: unknown = true
                    case false?: break
                    }
                }
                return unknown ? nil : false
            case .not(let inner):
                return evaluate(inner, ruleBase).map { !$0 }
            }
        }
    }
}
