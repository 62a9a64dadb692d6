extension ConstraintAnalysis {
    /// Search steps left: for one search and for a whole part of the analysis together (see
    /// `ConstraintAnalysis.Limits`), so that a large rule base cannot keep `akkoord check` busy for hours. A step is one value tried
    /// for one variable; a full pass over the constraints of a component counts as one step per
    /// `evaluationsPerStep` constraints.
    struct SearchBudget: Sendable {
        /// Why the last search stopped early.
        enum Limit: Sendable {
            /// The search itself took more than its own allowance.
            case perSearch
            /// The whole analysis had used up its steps.
            case total
        }

        /// Steps each search may take.
        let perSearch: Int
        private(set) var remaining: Int
        private var remainingInSearch = 0
        private(set) var lastLimit: Limit = .perSearch

        /// Constraint evaluations that count as one step in a full pass.
        static let evaluationsPerStep = 8

        init(total: Int, perSearch: Int) {
            remaining = total
            self.perSearch = perSearch
        }

        /// Whether the whole analysis has used up its steps.
        var isExhausted: Bool { remaining <= 0 }

        /// Gives the next search its own allowance.
        mutating func startSearch() {
            remainingInSearch = perSearch
        }

        /// Takes `steps`; `false` (and the reason in `lastLimit`) when there were not enough left.
        mutating func spend(_ steps: Int = 1) -> Bool {
            remaining -= steps
            remainingInSearch -= steps
            if remaining < 0 {
                lastLimit = .total
                return false
            }
            if remainingInSearch < 0 {
                lastLimit = .perSearch
                return false
            }
            return true
        }

        /// Takes the steps of a full pass over `count` constraints.
        mutating func spend(evaluating count: Int) -> Bool {
            spend(count / Self.evaluationsPerStep + 1)
        }
    }
}
