/// Finds options that can never be chosen without an error and rules whose condition can never hold, exactly:
/// by searching the combinations of the decisions and assumptions involved (each decision has exactly one option,
/// assumptions are free), with pruning. For a dead option it reports the minimal chain of constraints that forbids it.
///
/// The constraints become a network of numbered variables split into independent components (`Network`); per
/// component one consistent assignment serves as a witness for every option it chooses, and an option no witness
/// covers gets a search that repairs only what it breaks (`Solver`, `RepairSearch`). Budgets per search and for the
/// whole analysis keep it bounded; what they cut short is reported in a note.
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
                    constraints.append(
                        Constraint(
                            violation: .all([.chosen(me), .not(.chosen(required))]),
                            description: "\(me) vereist \(required)", location: option.location))
                }
                for excluded in option.excludes {
                    constraints.append(
                        Constraint(
                            violation: .all([.chosen(me), .chosen(excluded)]),
                            description: "\(me) sluit \(excluded) uit", location: option.location))
                }
            }
        }
        for rule in ruleBase.rules {
            if rule.message?.level == .fout {
                constraints.append(
                    Constraint(
                        violation: rule.condition, description: "regel \(rule.id) geeft een fout als haar voorwaarde geldt",
                        location: rule.location))
            }
            for required in rule.requires {
                constraints.append(
                    Constraint(
                        violation: .all([rule.condition, .not(.chosen(required))]),
                        description: "regel \(rule.id) vereist dan \(required)", location: rule.location))
            }
            for excluded in rule.excludes {
                constraints.append(
                    Constraint(
                        violation: .all([rule.condition, .chosen(excluded)]),
                        description: "regel \(rule.id) sluit dan \(excluded) uit", location: rule.location))
            }
        }
        self.constraints = constraints
    }

    /// Every finding: self-contradicting options, dead options with their chain, rules that can never fire.
    public func findings() -> [Diagnostic] { findings(limits: .standard) }

    /// The findings with other search limits (for tests of what happens when they are reached).
    func findings(limits: Limits) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var solver = Solver(
            network: Network(ruleBase: ruleBase, constraints: constraints),
            budget: SearchBudget(total: limits.options, perSearch: limits.perSearch))
        var unfinished = UnfinishedTally(limits: limits)
        for (ref, _, decision) in ruleBase.allDecisions {
            for option in decision.options {
                let me = OptionRef(decision: ref, option: option.id)
                let both = Set(option.requires).intersection(option.excludes)
                if !both.isEmpty {
                    findings.append(
                        Diagnostic(
                            .constraintRequiresAndExcludes, .error, option.location,
                            "optie \(me) vereist én sluit uit: \(both.sorted().map(\.description).joined(separator: ", "))"))
                    continue
                }
                // An option of a decision no constraint mentions can always be chosen.
                guard solver.network.isConstrained(ref) else { continue }
                let numbers: [Int]
                switch solver.verdict(for: me) {
                case .possible:
                    continue
                case .unfinished(let limit):
                    unfinished.add(option.location, limit)
                    continue
                case .forbidden(let chain, let limit):
                    if let limit { unfinished.add(option.location, limit) }
                    numbers = chain
                }
                let chain = ordered(numbers.map { constraints[$0] }, from: [me.decision])
                // A dead current line makes every scenario erroneous; a dead alternative may be deliberate (an option
                // the law forbids, kept visible for the negotiators), so it is a warning.
                findings.append(
                    Diagnostic(
                        .constraintUnchoosable, option.isCurrentLine ? .error : .warning, option.location,
                        "optie \(me) kan nooit zonder fout gekozen worden: \(chain.map(\.description).joined(separator: "; "))"))
            }
        }
        if let note = unfinished.note() { findings.append(note) }
        var ruleBudget = SearchBudget(total: limits.rules, perSearch: limits.perSearch)
        var unfinishedRules: [SourceLocation] = []
        for (index, rule) in ruleBase.rules.enumerated() {
            ruleBudget.startSearch()
            switch solver.ruleCanHold(index, budget: &ruleBudget) {
            case false?:
                findings.append(
                    Diagnostic(
                        .constraintNeverHolds, .warning, rule.location,
                        "de voorwaarde van regel '\(rule.id)' kan nooit gelden (bijv. twee opties van één beslissing tegelijk)"))
            case nil:
                unfinishedRules.append(rule.location)
            case true?:
                break
            }
        }
        if let first = unfinishedRules.first {
            findings.append(
                Diagnostic(
                    .constraintIncomplete, .note, first,
                    "\(unfinishedRules.count) regel(s) niet volledig geanalyseerd: te veel combinaties (meer dan \(limits.perSearch) per regel, of meer dan \(limits.rules) voor alle regels samen)"
                ))
        }
        return findings
    }

    /// How many search steps the analysis may spend (a step is one value tried for one variable). What a limit
    /// cuts short is reported in a note, never silently dropped.
    struct Limits: Sendable {
        /// Most steps for one search: one option, one step of making its chain minimal, or one rule.
        var perSearch: Int
        /// Most steps for all options together: beyond it, options no earlier search showed possible are not
        /// analysed. Keeps `akkoord check` on a very large rule base to seconds.
        var options: Int
        /// Most steps for the conditions of all rules together.
        var rules: Int

        static let standard = Limits(perSearch: 200_000, options: 5_000_000, rules: 1_000_000)
    }

    /// Options whose analysis did not finish, for the closing note.
    private struct UnfinishedTally {
        let limits: Limits
        var count = 0
        var first: SourceLocation?
        /// How many of them stopped because all options together had used up `limits.options`.
        var stoppedByTotal = 0

        mutating func add(_ location: SourceLocation, _ limit: SearchBudget.Limit) {
            count += 1
            if first == nil { first = location }
            if limit == .total { stoppedByTotal += 1 }
        }

        func note() -> Diagnostic? {
            guard let first else { return nil }
            guard stoppedByTotal > 0 else {
                return Diagnostic(
                    .constraintIncomplete, .note, first,
                    "\(count) optie(s) niet volledig geanalyseerd: te veel combinaties (meer dan \(limits.perSearch) per optie)")
            }
            return Diagnostic(
                .constraintIncomplete, .note, first,
                "\(count) optie(s) niet volledig geanalyseerd: te veel combinaties (meer dan \(limits.perSearch) per optie, of meer dan \(limits.options) voor alle opties samen; \(stoppedByTotal) daarvan daardoor niet of niet helemaal onderzocht)"
            )
        }
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
}
