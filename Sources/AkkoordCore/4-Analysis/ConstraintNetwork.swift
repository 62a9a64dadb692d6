extension ConstraintAnalysis {
    /// The constraints of a rule base as a network of numbered variables (decisions and assumptions), built once per
    /// analysis: compiled violations, an index from each variable to the constraints that mention it, and the
    /// connected components (variables linked through shared constraints, found with union-find).
    struct Network: Sendable {
        /// Constraints that share variables, directly or through others.
        struct Component: Sendable {
            /// Its constraints, in the order of `ConstraintAnalysis.constraints`.
            var constraints: [Int] = []
            /// Its variables, ascending.
            var variables: [Int] = []
            /// Whether one of its variables is a decision without options (then nothing in it can be chosen).
            var hasEmptyDomain = false
        }

        /// Number of values of each variable: the options of a decision, or 2 for an assumption.
        let domains: [Int]
        /// The value each variable starts from: a decision's current line, an assumption's default (`-1` for a
        /// decision without options).
        let preferred: [Int]
        /// The option ids of each decision variable (empty for assumptions).
        let optionIDs: [[String]]
        let decisionVariables: [DecisionRef: Int]
        /// Per constraint: its violation compiled, and the variables it mentions.
        let violations: [Formula]
        let variablesOf: [[Int]]
        /// Per variable: the constraints that mention it, ascending.
        let constraintsOf: [[Int]]
        /// Per variable: its component, or `-1` when no constraint mentions it.
        let componentOf: [Int]
        let components: [Component]
        /// Per constraint: its component, or `-1` when it mentions no variable.
        let componentOfConstraint: [Int]
        /// Per constraint: the first constraint equal to it. Equal constraints are kept or dropped together when a
        /// chain is made minimal, as they always were.
        let representative: [Int]
        /// Per rule of the rule base: its condition compiled, and the variables it mentions.
        let ruleConditions: [Formula]
        let ruleVariables: [[Int]]

        init(ruleBase: RuleBase, constraints: [Constraint]) {
            var builder = Builder(ruleBase: ruleBase)
            for (ref, _, _) in ruleBase.allDecisions { _ = builder.variable(for: ref) }
            violations = constraints.map { builder.compile($0.violation) }
            ruleConditions = ruleBase.rules.map { builder.compile($0.condition) }
            variablesOf = violations.map(\.variables)
            ruleVariables = ruleConditions.map(\.variables)
            domains = builder.domains
            preferred = builder.preferred
            optionIDs = builder.optionIDs
            decisionVariables = builder.decisionVariables

            var constraintsOf = Array(repeating: [Int](), count: domains.count)
            var sets = UnionFind(count: domains.count)
            for (constraint, variables) in variablesOf.enumerated() {
                for variable in variables {
                    constraintsOf[variable].append(constraint)
                    sets.union(variable, variables[0])
                }
            }
            self.constraintsOf = constraintsOf

            var componentOf = Array(repeating: -1, count: domains.count)
            var numberOfRoot: [Int: Int] = [:]
            var components: [Component] = []
            for (constraint, variables) in variablesOf.enumerated() where !variables.isEmpty {
                let root = sets.find(variables[0])
                let number = numberOfRoot[root] ?? components.count
                if number == components.count {
                    numberOfRoot[root] = number
                    components.append(Component())
                }
                components[number].constraints.append(constraint)
            }
            for variable in domains.indices where !constraintsOf[variable].isEmpty {
                guard let number = numberOfRoot[sets.find(variable)] else { continue }
                componentOf[variable] = number
                components[number].variables.append(variable)
                if domains[variable] == 0 { components[number].hasEmptyDomain = true }
            }
            self.componentOf = componentOf
            self.components = components
            componentOfConstraint = variablesOf.map { $0.first.map { componentOf[$0] } ?? -1 }

            var firstEqual: [Constraint: Int] = [:]
            representative = constraints.enumerated().map { index, constraint in
                if let first = firstEqual[constraint] { return first }
                firstEqual[constraint] = index
                return index
            }
        }

        /// The goal "this option is chosen" as a variable and the values that satisfy it, or `nil` when the
        /// decision is not in the rule base.
        func goal(for option: OptionRef) -> (variable: Int, accepted: [Int])? {
            guard let variable = decisionVariables[option.decision] else { return nil }
            return (variable, optionIDs[variable].indices.filter { optionIDs[variable][$0] == option.option })
        }

        /// Whether some constraint mentions this decision.
        func isConstrained(_ decision: DecisionRef) -> Bool {
            decisionVariables[decision].map { componentOf[$0] >= 0 } ?? false
        }

        /// The constraints of a component in the order the analysis has always gathered them, starting from a
        /// goal variable: in passes over the constraints in rule-base order, each pass taking every constraint that
        /// shares a variable with the goal or with a constraint taken before it (earlier in the pass, or in an earlier
        /// pass). The order decides which of several minimal chains is reported, so it is kept exactly. Computed as
        /// a shortest-path search on (pass, position) instead of by repeated passes.
        func gatheringOrder(of component: Int, from goal: Int) -> [Int] {
            let width = violations.count + 1
            // A constraint taken in pass `p` at position `i` has key p * width + i + 1; the goal counts as taken
            // before position 0 of pass 1.
            func key(pass: Int, position: Int) -> Int { pass * width + position + 1 }
            var known: Set<Int> = [goal]
            var taken = Set<Int>()
            var queue = MinimumQueue()
            var order: [Int] = []
            func reach(from variable: Int, at time: Int) {
                let pass = time / width, position = time % width - 1
                for constraint in constraintsOf[variable] where !taken.contains(constraint) {
                    queue.insert(key(pass: constraint > position ? pass : pass + 1, position: constraint))
                }
            }
            reach(from: goal, at: key(pass: 1, position: -1))
            while let time = queue.popMinimum() {
                let constraint = time % width - 1
                guard taken.insert(constraint).inserted else { continue }
                order.append(constraint)
                for variable in variablesOf[constraint] where known.insert(variable).inserted {
                    reach(from: variable, at: time)
                }
            }
            return order
        }
    }
}

extension ConstraintAnalysis.Network {
    /// Numbers the variables while conditions are compiled.
    private struct Builder {
        let ruleBase: RuleBase
        let assumptionDefaults: [String: Bool]
        var domains: [Int] = []
        var preferred: [Int] = []
        var optionIDs: [[String]] = []
        var currentLines: [[Bool]] = []
        var decisionVariables: [DecisionRef: Int] = [:]
        var assumptionVariables: [String: Int] = [:]

        init(ruleBase: RuleBase) {
            self.ruleBase = ruleBase
            assumptionDefaults = Dictionary(ruleBase.assumptions.map { ($0.id, $0.defaultValue) }, uniquingKeysWith: { first, _ in first })
        }

        mutating func variable(for decision: DecisionRef) -> Int {
            if let known = decisionVariables[decision] { return known }
            let options = ruleBase.decision(decision)?.options ?? []
            decisionVariables[decision] = domains.count
            domains.append(options.count)
            preferred.append(options.isEmpty ? -1 : options.firstIndex(where: \.isCurrentLine) ?? 0)
            optionIDs.append(options.map(\.id))
            currentLines.append(options.map(\.isCurrentLine))
            return domains.count - 1
        }

        mutating func variable(forAssumption id: String) -> Int {
            if let known = assumptionVariables[id] { return known }
            assumptionVariables[id] = domains.count
            domains.append(2)
            preferred.append(assumptionDefaults[id] == false ? 1 : 0)
            optionIDs.append([])
            currentLines.append([])
            return domains.count - 1
        }

        mutating func compile(_ condition: Condition) -> ConstraintAnalysis.Formula {
            switch condition {
            case .chosen(let ref):
                let variable = variable(for: ref.decision)
                return .test(variable, accepting: optionIDs[variable].indices.filter { optionIDs[variable][$0] == ref.option })
            case .deviates(let ref):
                let variable = variable(for: ref)
                return .test(variable, accepting: currentLines[variable].indices.filter { !currentLines[variable][$0] })
            case .assumption(let id, let value):
                return .test(variable(forAssumption: id), accepting: [value ? 0 : 1])
            case .all(let parts):
                return .all(parts.map { compile($0) })
            case .any(let parts):
                return .any(parts.map { compile($0) })
            case .not(let inner):
                return .not(compile(inner))
            }
        }
    }

    /// Disjoint sets of variables.
    private struct UnionFind {
        private var parent: [Int]

        init(count: Int) { parent = Array(0..<count) }

        mutating func find(_ element: Int) -> Int {
            var root = element
            while parent[root] != root { root = parent[root] }
            var current = element
            while parent[current] != root {
                let next = parent[current]
                parent[current] = root
                current = next
            }
            return root
        }

        mutating func union(_ first: Int, _ second: Int) {
            let a = find(first), b = find(second)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
    }

    /// A binary min-heap of integers.
    private struct MinimumQueue {
        private var heap: [Int] = []

        mutating func insert(_ element: Int) {
            heap.append(element)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard heap[child] < heap[parent] else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        }

        mutating func popMinimum() -> Int? {
            guard let last = heap.popLast() else { return nil }
            guard !heap.isEmpty else { return last }
            let minimum = heap[0]
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count, heap[left] < heap[smallest] { smallest = left }
                if right < heap.count, heap[right] < heap[smallest] { smallest = right }
                guard smallest != parent else { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
            return minimum
        }
    }
}
