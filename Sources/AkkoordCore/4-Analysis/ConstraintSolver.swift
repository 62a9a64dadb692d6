extension ConstraintAnalysis {
    /// Decides option by option whether it can be chosen without an error, sharing work between options.
    ///
    /// Per component it first looks for one consistent assignment (starting from the current lines and the
    /// assumptions' defaults). Every consistent assignment found is a witness: each option it chooses is possible, so
    /// most options need no search of their own. An option no witness chooses gets a search that starts from the
    /// component's witness and repairs only what the option breaks. Only an option that turns out impossible gets
    /// the (exact) minimisation of its chain.
    struct Solver: Sendable {
        /// The answer for one option.
        enum Verdict {
            case possible
            /// Never possible; the chain of constraints (by number, minimal unless `limit` says why a step of
            /// the minimisation did not finish).
            case forbidden(chain: [Int], limit: SearchBudget.Limit?)
            /// Not known: the budget ran out.
            case unfinished(SearchBudget.Limit)
        }

        /// What is known about a component as a whole.
        private enum State {
            case unexplored
            /// Its search defaults are a consistent assignment.
            case consistent
            /// No consistent assignment exists: every option in it is impossible.
            case inconsistent
            /// The search for a consistent assignment ran out of budget.
            case unknown
        }

        private(set) var search: RepairSearch
        private var budget: SearchBudget
        private var states: [State]
        /// Per value of each variable (at `firstValue[variable] + value`): whether a witness has it.
        private var witnessed: [Bool]
        private let firstValue: [Int]
        /// Per component: sets of its constraints already shown to be contradictory (see `Refutation`).
        private var refutations: [[Refutation]]

        /// Constraints an earlier search proved contradictory, on their own or with a goal. Any later search whose
        /// active constraints include them (and whose goal is at least as narrow) is impossible without searching:
        /// the options of one component, and the steps of making their chains minimal, keep asking about sets
        /// that contain the same few contradictions.
        private struct Refutation {
            /// Ascending.
            var constraints: [Int]
            /// The goal the proof needed, `nil` when it needed none.
            var goal: (variable: Int, accepted: [Int])?
        }

        /// Refutations kept per component; beyond it the oldest ones are forgotten (only speed depends on them).
        private static let refutationsKept = 256

        var network: Network { search.network }

        init(network: Network, budget: SearchBudget) {
            search = RepairSearch(network: network)
            self.budget = budget
            states = Array(repeating: .unexplored, count: network.components.count)
            var first: [Int] = []
            var total = 0
            for domain in network.domains {
                first.append(total)
                total += domain
            }
            firstValue = first
            witnessed = Array(repeating: false, count: total)
            refutations = Array(repeating: [], count: network.components.count)
        }

        /// Whether `option` can be chosen without violating a constraint. Only for options of a decision some
        /// constraint mentions.
        mutating func verdict(for option: OptionRef) -> Verdict {
            guard let goal = network.goal(for: option) else { return .possible }
            let component = network.componentOf[goal.variable]
            guard component >= 0, !isWitnessed(goal) else { return .possible }
            guard !budget.isExhausted else { return .unfinished(.total) }
            if states[component] == .unexplored {
                explore(component)
                if isWitnessed(goal) { return .possible }
            }
            if let known = knownRefutation(in: component, goal: goal) {
                return forbidden(goal, in: component, proof: known)
            }
            budget.startSearch()
            let isConsistent = states[component] == .consistent
            switch solve(in: component, goal: goal, adopt: !isConsistent) {
            case .found(let values):
                if isConsistent {
                    witness(values)
                } else {
                    states[component] = .consistent
                    witnessDefaults(of: component)
                }
                return .possible
            case .unfinished:
                return .unfinished(budget.lastLimit)
            case .impossible(let proof):
                return forbidden(goal, in: component, proof: proof)
            }
        }

        /// Whether the condition of rule number `index` can hold at all (constraints aside); `nil` when the budget
        /// ran out.
        mutating func ruleCanHold(_ index: Int, budget: inout SearchBudget) -> Bool? {
            search.satisfiable(network.ruleConditions[index], over: network.ruleVariables[index], budget: &budget)
        }

        /// Looks for one consistent assignment of a component and makes it the component's witness.
        private mutating func explore(_ component: Int) {
            search.prepare(component, budget: &budget)
            budget.startSearch()
            switch solve(in: component, goal: nil, adopt: true) {
            case .found:
                states[component] = .consistent
                witnessDefaults(of: component)
            case .impossible:
                states[component] = .inconsistent
            case .unfinished:
                states[component] = .unknown
            }
        }

        /// The minimal chain for an impossible goal: deletion-based, in the order the analysis has always gathered
        /// the component, dropping each constraint whose removal keeps the goal impossible. Equal constraints are
        /// one group, kept or dropped together.
        ///
        /// Three things spare searches without changing the outcome. `proof` (constraints that are contradictory on
        /// their own, from the last impossible search) spares one for every group outside it: without it the goal
        /// stays impossible. Groups that model rotation showed to be needed are kept. And the groups are tried in
        /// blocks that double after each success: when the goal stays impossible without a whole block, dropping
        /// its groups one by one would have kept it impossible at every step (a subset of the remaining constraints
        /// only loses contradictions), so they all go at once; when it becomes possible, the block is halved until
        /// a single group is tried, exactly as the one-by-one procedure does.
        private mutating func forbidden(_ goal: (variable: Int, accepted: [Int]), in component: Int, proof: [Int]) -> Verdict {
            let order = network.gatheringOrder(of: component, from: goal.variable)
            guard budget.spend(evaluating: order.count * Self.orderingCost) else { return .unfinished(.total) }
            var members: [Int: [Int]] = [:]
            for constraint in order { members[network.representative[constraint], default: []].append(constraint) }
            var groups: [[Int]] = []
            var seen = Set<Int>()
            for constraint in order where seen.insert(network.representative[constraint]).inserted {
                groups.append(members[network.representative[constraint]] ?? [constraint])
            }
            var proven = Set(proof)
            var limit: SearchBudget.Limit?
            var dropped: [Int] = []
            // Representatives of constraints shown to be needed by a model that breaks only them (see
            // `RepairSearch.neededByRotation`): they stay without a search of their own.
            var needed = Set<Int>()
            var next = 0
            var blockSize = 1
            while next < groups.count {
                let group = groups[next]
                let representative = network.representative[group[0]]
                if needed.contains(representative) {
                    next += 1
                    continue
                }
                guard group.contains(where: proven.contains) else {
                    search.setActive(group, false)
                    dropped += group
                    next += 1
                    continue
                }
                // The block: this group and the following ones, up to the next group known to be needed.
                var end = next + 1
                while end < groups.count, end - next < blockSize, !needed.contains(network.representative[groups[end][0]]) { end += 1 }
                let block = groups[next..<end].flatMap { $0 }
                search.setActive(block, false)
                let result: RepairSearch.Result
                if let known = knownRefutation(in: component, goal: goal) {
                    result = .impossible(proof: known)
                } else {
                    budget.startSearch()
                    result = solve(in: component, goal: goal)
                }
                switch result {
                case .impossible(let proof):
                    proven = Set(proof)
                    dropped += block
                    next = end
                    blockSize *= 2
                case .found(let model):
                    search.setActive(block, true)
                    if end - next > 1 {
                        blockSize = (end - next) / 2
                        continue
                    }
                    needed.formUnion(search.neededByRotation(from: model, breaking: group, goal: goal))
                    next += 1
                    blockSize = 1
                case .unfinished:
                    search.setActive(block, true)
                    if end - next > 1 {
                        blockSize = (end - next) / 2
                        continue
                    }
                    limit = limit ?? budget.lastLimit
                    next += 1
                    blockSize = 1
                }
            }
            let chain = order.filter { search.active[$0] }
            search.setActive(dropped, true)
            return .forbidden(chain: chain, limit: limit)
        }

        /// A search of the repair search that remembers what it refutes.
        private mutating func solve(in component: Int, goal: (variable: Int, accepted: [Int])?, adopt: Bool = false) -> RepairSearch.Result
        {
            let result = search.solve(in: component, goal: goal, adopt: adopt, budget: &budget)
            if case .impossible(let proof) = result {
                let needed = search.proofNeedsGoal ? goal : nil
                var known = refutations[component]
                if known.count == Self.refutationsKept { known.removeFirst() }
                known.append(Refutation(constraints: proof.sorted(), goal: needed))
                refutations[component] = known
            }
            return result
        }

        /// The smallest remembered refutation that applies to a search for `goal` with the constraints active now.
        private func knownRefutation(in component: Int, goal: (variable: Int, accepted: [Int])) -> [Int]? {
            var best: [Int]?
            for refutation in refutations[component] {
                if let best, best.count <= refutation.constraints.count { continue }
                if let needed = refutation.goal {
                    guard needed.variable == goal.variable, goal.accepted.allSatisfy(needed.accepted.contains) else { continue }
                }
                guard refutation.constraints.allSatisfy({ search.active[$0] }) else { continue }
                best = refutation.constraints
            }
            return best
        }

        /// Steps charged per constraint for computing the gathering order of a component.
        private static let orderingCost = 4

        private func isWitnessed(_ goal: (variable: Int, accepted: [Int])) -> Bool {
            goal.accepted.contains { witnessed[firstValue[goal.variable] + $0] }
        }

        private mutating func witness(_ values: [(variable: Int, value: Int)]) {
            for (variable, value) in values where value >= 0 && value < network.domains[variable] {
                witnessed[firstValue[variable] + value] = true
            }
        }

        private mutating func witnessDefaults(of component: Int) {
            witness(network.components[component].variables.map { ($0, search.defaults[$0]) })
        }
    }
}
