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
            budget.startSearch()
            let isConsistent = states[component] == .consistent
            switch search.solve(in: component, goal: goal, adopt: !isConsistent, budget: &budget) {
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
            switch search.solve(in: component, goal: nil, adopt: true, budget: &budget) {
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
        /// the component, dropping each constraint whose removal keeps the goal impossible. `proof` (constraints
        /// that are contradictory on their own, from the last impossible search) spares a search for every
        /// constraint outside it: without such a constraint the goal stays impossible.
        private mutating func forbidden(_ goal: (variable: Int, accepted: [Int]), in component: Int, proof: [Int]) -> Verdict {
            let order = network.gatheringOrder(of: component, from: goal.variable)
            guard budget.spend(evaluating: order.count * Self.orderingCost) else { return .unfinished(.total) }
            var groups: [Int: [Int]] = [:]
            for constraint in order { groups[network.representative[constraint], default: []].append(constraint) }
            var proven = Set(proof)
            var limit: SearchBudget.Limit?
            var handled = Set<Int>()
            var dropped: [Int] = []
            for constraint in order {
                let representative = network.representative[constraint]
                guard handled.insert(representative).inserted else { continue }
                let group = groups[representative] ?? [constraint]
                search.setActive(group, false)
                guard group.contains(where: proven.contains) else {
                    dropped += group
                    continue
                }
                budget.startSearch()
                switch search.solve(in: component, goal: goal, budget: &budget) {
                case .impossible(let proof):
                    proven = Set(proof)
                    dropped += group
                case .found:
                    search.setActive(group, true)
                case .unfinished:
                    search.setActive(group, true)
                    limit = limit ?? budget.lastLimit
                }
            }
            let chain = order.filter { search.active[$0] }
            search.setActive(dropped, true)
            return .forbidden(chain: chain, limit: limit)
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
