extension ConstraintAnalysis {
    /// Exact search for an assignment of one component's variables under which no active constraint is violated
    /// (and, optionally, a goal variable has one of the goal's values).
    ///
    /// It starts from a full default assignment — a known consistent one when there is one — and only fixes
    /// variables of constraints that are violated, trying every value of such a variable. So it touches the few
    /// variables around a goal where a plain search would assign them all, yet stays complete: every assignment
    /// that extends the fixed variables gives the branching variable some value. When all values of a variable
    /// fail, it jumps back to the latest fixed variable that took part in those failures (conflict-directed
    /// backjumping), instead of retrying unrelated choices. Only the constraints of the variable just fixed are
    /// evaluated (an index by variable), and the set of violated constraints is kept up to date as values change.
    struct RepairSearch: Sendable {
        /// What a search found.
        enum Result {
            /// A consistent assignment: these variables with these values, every other one at its default.
            case found([(variable: Int, value: Int)])
            /// None exists. `proof` lists the constraints that the refutation needed: every branch of the search
            /// that was not jumped over ended on one of them, so they are contradictory on their own (with the goal).
            case impossible(proof: [Int])
            /// The budget ran out first.
            case unfinished
        }

        /// What to do after fixing a variable.
        private enum Branch {
            /// Try the values of this variable next.
            case variable(Int)
            /// This violated constraint has all its variables fixed: the current value fails.
            case deadEnd(Int)
        }

        /// One fixed (or about to be fixed) variable.
        private struct Frame {
            var variable: Int
            /// Values still to try, in order.
            var choices: [Int]
            var next = 0
            var isSet = false
            /// Fixed variables of earlier frames that took part in the failures of this variable's values so far.
            var conflicts: Set<Int> = []
            /// The constraints that ruled out this variable's values so far, directly or deeper down: together they
            /// refute every value tried, given the values of `conflicts`.
            var reasons: Set<Int> = []
        }

        let network: Network
        /// Whether each constraint takes part; the minimisation of a chain switches some off for a while.
        private(set) var active: [Bool]
        /// The default value of every variable (a consistent assignment of a component once one is known).
        private(set) var defaults: [Int]
        private var assignment: Assignment
        /// Frame number of each fixed variable, `-1` for the others.
        private var depth: [Int]
        /// Whether each active constraint is violated by the current values; kept up to date as values change and
        /// between searches (for a component without a consistent default, some stay violated).
        private var violated: [Bool]
        /// Per component: its violated constraints, and each one's position there.
        private var violatedLists: [[Int]]
        private var violatedPosition: [Int]
        /// Whether a component's constraints have been evaluated once (`prepare`).
        private var prepared: [Bool]
        /// The component being searched.
        private var current = 0
        private var inProof: [Bool]
        private var proof: [Int] = []
        /// Whether the proof of the last impossible search needs the goal: `false` when the refutation did not
        /// depend on the goal's value, so the proof's constraints contradict each other on their own.
        private(set) var proofNeedsGoal = true
        private var trail: [Frame] = []

        /// Violated constraints looked at when choosing where to branch.
        private static let branchCandidates = 32

        init(network: Network) {
            self.network = network
            active = Array(repeating: true, count: network.violations.count)
            defaults = network.preferred
            assignment = Assignment(values: network.preferred, fixed: Array(repeating: false, count: network.domains.count))
            depth = Array(repeating: -1, count: network.domains.count)
            violated = Array(repeating: false, count: network.violations.count)
            violatedLists = Array(repeating: [], count: network.components.count)
            violatedPosition = Array(repeating: -1, count: network.violations.count)
            prepared = Array(repeating: false, count: network.components.count)
            inProof = Array(repeating: false, count: network.violations.count)
        }

        /// Switches constraints of one (prepared) component on or off between searches.
        mutating func setActive(_ constraints: [Int], _ isActive: Bool) {
            for constraint in constraints {
                active[constraint] = isActive
                current = network.componentOfConstraint[constraint]
                markViolated(constraint, isActive && assignment.holds(network.violations[constraint]))
            }
        }

        /// Evaluates every constraint of a component once with the defaults; needed before its first search.
        /// Charged to the budget, but done even when that has run out.
        mutating func prepare(_ component: Int, budget: inout SearchBudget) {
            guard !prepared[component] else { return }
            prepared[component] = true
            current = component
            let constraints = network.components[component].constraints
            _ = budget.spend(evaluating: constraints.count)
            for constraint in constraints where active[constraint] && assignment.holds(network.violations[constraint]) {
                markViolated(constraint, true)
            }
        }

        /// Searches a prepared component for a consistent assignment in which the goal variable (if any) takes one
        /// of the accepted values. With `adopt`, an assignment found becomes the new defaults.
        mutating func solve(
            in component: Int, goal: (variable: Int, accepted: [Int])?, adopt: Bool = false,
            budget: inout SearchBudget
        ) -> Result {
            for constraint in proof { inProof[constraint] = false }
            proof.removeAll(keepingCapacity: true)
            proofNeedsGoal = true
            current = component
            let members = network.components[component]
            // A decision without options can never be given a value: every constraint on it is unsatisfiable.
            if members.hasEmptyDomain,
                let blocked = members.constraints.first(where: { constraint in
                    active[constraint] && network.variablesOf[constraint].contains { network.domains[$0] == 0 }
                })
            {
                addToProof(blocked)
                return .impossible(proof: proof)
            }
            let result = run(goal: goal, budget: &budget)
            if adopt, case .found = result {
                // The found values become the defaults; nothing is violated under them.
                for frame in trail {
                    defaults[frame.variable] = assignment.values[frame.variable]
                    assignment.fixed[frame.variable] = false
                    depth[frame.variable] = -1
                }
                trail.removeAll(keepingCapacity: true)
            }
            while let frame = trail.popLast() {
                if frame.isSet { unfix(frame.variable) }
            }
            return result
        }

        private mutating func run(goal: (variable: Int, accepted: [Int])?, budget: inout SearchBudget) -> Result {
            if let goal {
                trail.append(Frame(variable: goal.variable, choices: goal.accepted))
            } else {
                guard !violatedLists[current].isEmpty else { return .found([]) }
                switch branch() {
                case .variable(let variable): trail.append(frame(for: variable))
                case .deadEnd(let constraint):
                    addToProof(constraint)
                    proofNeedsGoal = false
                    return .impossible(proof: proof)
                }
            }
            while let top = trail.indices.last {
                if trail[top].isSet {
                    unfix(trail[top].variable)
                    trail[top].isSet = false
                }
                guard trail[top].next < trail[top].choices.count else {
                    // Every value failed: go back to the latest variable that took part, keeping what it learnt.
                    // The frames jumped over are not needed for the refutation, nor are the constraints that ruled
                    // out their earlier values: only the exhausted frame's reasons go up, so the proof stays small.
                    let exhausted = trail.removeLast()
                    var conflicts = exhausted.conflicts
                    guard let target = conflicts.max(by: { depth[$0] < depth[$1] }) else {
                        // No fixed variable took part: unless this was the goal's own frame, the goal did not either.
                        proofNeedsGoal = goal != nil && trail.isEmpty
                        return impossible(exhausted.reasons)
                    }
                    while let last = trail.last, last.variable != target {
                        trail.removeLast()
                        if last.isSet { unfix(last.variable) }
                    }
                    conflicts.remove(target)
                    guard !trail.isEmpty else { return impossible(exhausted.reasons) }
                    trail[trail.count - 1].conflicts.formUnion(conflicts)
                    trail[trail.count - 1].reasons.formUnion(exhausted.reasons)
                    continue
                }
                let variable = trail[top].variable, value = trail[top].choices[trail[top].next]
                trail[top].next += 1
                guard budget.spend() else { return .unfinished }
                trail[top].isSet = true
                if let conflict = fix(variable, value, frame: top) {
                    noteConflict(conflict, at: top)
                    continue
                }
                if violatedLists[current].isEmpty {
                    return .found(trail.map { ($0.variable, assignment.values[$0.variable]) })
                }
                switch branch() {
                case .variable(let next): trail.append(frame(for: next))
                case .deadEnd(let constraint): noteConflict(constraint, at: top)
                }
            }
            return .impossible(proof: proof)
        }

        /// Records that `constraint` rules out the current value of frame `top`'s variable.
        private mutating func noteConflict(_ constraint: Int, at top: Int) {
            trail[top].reasons.insert(constraint)
            let variable = trail[top].variable
            for other in network.variablesOf[constraint] where other != variable && assignment.fixed[other] {
                trail[top].conflicts.insert(other)
            }
        }

        /// Where to branch: a variable of the violated constraint with the fewest unfixed variables (of the first
        /// few), preferring a variable few constraints mention, so repairs stay local.
        private func branch() -> Branch {
            var best: (constraint: Int, unfixed: Int)?
            for constraint in violatedLists[current].prefix(Self.branchCandidates) {
                let unfixed = network.variablesOf[constraint].count { !assignment.fixed[$0] }
                if unfixed == 0 { return .deadEnd(constraint) }
                if let current = best, current.unfixed <= unfixed { continue }
                best = (constraint, unfixed)
            }
            guard let best else { return .deadEnd(violatedLists[current].first ?? 0) }
            var chosen = -1
            for variable in network.variablesOf[best.constraint] where !assignment.fixed[variable] {
                if chosen < 0 || network.constraintsOf[variable].count < network.constraintsOf[chosen].count { chosen = variable }
            }
            return .variable(chosen)
        }

        /// A frame for `variable` trying the other values before its default.
        private func frame(for variable: Int) -> Frame {
            let preferred = defaults[variable]
            var choices = (0..<network.domains[variable]).filter { $0 != preferred }
            if preferred >= 0, preferred < network.domains[variable] { choices.append(preferred) }
            return Frame(variable: variable, choices: choices)
        }

        /// Fixes a variable; returns a constraint that is now certainly violated, if any.
        private mutating func fix(_ variable: Int, _ value: Int, frame: Int) -> Int? {
            let changed = assignment.values[variable] != value
            assignment.values[variable] = value
            assignment.fixed[variable] = true
            depth[variable] = frame
            var conflict: Int?
            for constraint in network.constraintsOf[variable] where active[constraint] {
                let isViolated = changed ? assignment.holds(network.violations[constraint]) : violated[constraint]
                if changed { markViolated(constraint, isViolated) }
                if isViolated, conflict == nil, assignment.settled(network.violations[constraint]) == true { conflict = constraint }
            }
            return conflict
        }

        /// Puts a variable back to its default.
        private mutating func unfix(_ variable: Int) {
            let changed = assignment.values[variable] != defaults[variable]
            assignment.values[variable] = defaults[variable]
            assignment.fixed[variable] = false
            depth[variable] = -1
            guard changed else { return }
            for constraint in network.constraintsOf[variable] where active[constraint] {
                markViolated(constraint, assignment.holds(network.violations[constraint]))
            }
        }

        private mutating func markViolated(_ constraint: Int, _ isViolated: Bool) {
            guard violated[constraint] != isViolated else { return }
            violated[constraint] = isViolated
            if isViolated {
                violatedPosition[constraint] = violatedLists[current].count
                violatedLists[current].append(constraint)
            } else {
                let position = violatedPosition[constraint]
                let last = violatedLists[current].removeLast()
                if last != constraint {
                    violatedLists[current][position] = last
                    violatedPosition[last] = position
                }
            }
        }

        /// The result "impossible" with these constraints (in ascending order) as its proof.
        private mutating func impossible(_ reasons: Set<Int>) -> Result {
            for constraint in reasons.sorted() { addToProof(constraint) }
            return .impossible(proof: proof)
        }

        private mutating func addToProof(_ constraint: Int) {
            guard !inProof[constraint] else { return }
            inProof[constraint] = true
            proof.append(constraint)
        }

        /// Recursive model rotation, for making a chain minimal. `model` (values of a found search, the rest at
        /// the defaults) satisfies the goal and every active constraint, and breaks the switched-off constraints
        /// `group` (all equal), which are therefore needed. Changing one variable of the group at a time, a model
        /// that satisfies the goal and breaks exactly one other constraint (or group of equal ones) among the
        /// active ones and `group` shows that one to be needed as well, for this set and every subset of it that
        /// still contains it; the rotation then continues from there. Returns the representatives found needed.
        /// Leaves the assignment as it found it.
        mutating func neededByRotation(
            from model: [(variable: Int, value: Int)], breaking group: [Int],
            goal: (variable: Int, accepted: [Int])
        ) -> Set<Int> {
            guard let first = group.first else { return [] }
            for (variable, value) in model { assignment.values[variable] = value }
            defer { for (variable, _) in model { assignment.values[variable] = defaults[variable] } }
            var needed: Set<Int> = [network.representative[first]]
            var found: Set<Int> = []
            var evaluations = 0
            let limit = Self.rotationEvaluations + 4 * network.violations.count
            let switchedOff = Set(group)
            func rotate(around constraint: Int) {
                for variable in network.variablesOf[constraint] {
                    let original = assignment.values[variable]
                    for value in 0..<network.domains[variable] where value != original {
                        if variable == goal.variable, !goal.accepted.contains(value) { continue }
                        guard evaluations < limit else { return }
                        assignment.values[variable] = value
                        var broken: Int?
                        var single = true
                        for other in network.constraintsOf[variable] where active[other] || switchedOff.contains(other) {
                            evaluations += 1
                            guard assignment.holds(network.violations[other]) else { continue }
                            let representative = network.representative[other]
                            if let broken, broken != representative { single = false; break }
                            broken = representative
                        }
                        if single, let broken, needed.insert(broken).inserted {
                            found.insert(broken)
                            rotate(around: broken)
                        }
                        assignment.values[variable] = original
                    }
                }
            }
            rotate(around: first)
            return found
        }

        /// Constraint evaluations one rotation may spend, besides four per constraint of the network.
        private static let rotationEvaluations = 10_000

        /// Whether `formula` can hold for some values of `variables` (the condition of a rule, without
        /// constraints): a plain search over them in order, pruned by three-valued evaluation. `nil` when the
        /// budget ran out. Leaves the assignment as it found it.
        mutating func satisfiable(_ formula: Formula, over variables: [Int], budget: inout SearchBudget) -> Bool? {
            defer {
                for variable in variables {
                    assignment.values[variable] = defaults[variable]
                    assignment.fixed[variable] = false
                }
            }
            // Whether the formula is settled with the first `count` variables fixed; a settled "true" still needs
            // every other variable to have some value.
            func verdict(fixedCount count: Int) -> Bool? {
                switch assignment.settled(formula) {
                case true?: return variables[count...].allSatisfy { network.domains[$0] > 0 }
                case false?: return false
                case nil: return count < variables.count ? nil : false
                }
            }
            guard budget.spend() else { return nil }
            if let answer = verdict(fixedCount: 0) { return answer }
            var tried = Array(repeating: 0, count: variables.count)
            var level = 0
            while level >= 0 {
                let variable = variables[level]
                guard tried[level] < network.domains[variable] else {
                    assignment.fixed[variable] = false
                    assignment.values[variable] = defaults[variable]
                    level -= 1
                    continue
                }
                assignment.values[variable] = tried[level]
                assignment.fixed[variable] = true
                tried[level] += 1
                guard budget.spend() else { return nil }
                switch verdict(fixedCount: level + 1) {
                case true?: return true
                case false?: continue
                case nil:
                    level += 1
                    tried[level] = 0
                }
            }
            return false
        }
    }
}
