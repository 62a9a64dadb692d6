extension ConstraintAnalysis {
    /// A `Condition` compiled to numbered variables (see `ConstraintNetwork`): every test becomes "this variable has
    /// one of these values". A decision's values are its options in rule-base order; an assumption's are 0 (true)
    /// and 1 (false).
    indirect enum Formula: Sendable {
        /// The variable has a value whose bit is set in `mask` (values 0 to 63).
        case test(variable: Int, mask: UInt64)
        /// The variable has one of these values (only for decisions with more than 64 options).
        case testLarge(variable: Int, accepted: [Int])
        /// All hold.
        case all([Formula])
        /// At least one holds.
        case any([Formula])
        /// Does not hold.
        case not(Formula)

        /// The test "`variable` has one of `values`".
        static func test(_ variable: Int, accepting values: [Int]) -> Formula {
            guard values.allSatisfy({ $0 < 64 }) else { return .testLarge(variable: variable, accepted: values) }
            return .test(variable: variable, mask: values.reduce(UInt64(0)) { $0 | (UInt64(1) << UInt64($1)) })
        }

        /// Every variable the formula mentions, ascending, each once.
        var variables: [Int] {
            var found: [Int] = []
            collectVariables(into: &found)
            return Array(Set(found)).sorted()
        }

        private func collectVariables(into found: inout [Int]) {
            switch self {
            case .test(let variable, _), .testLarge(let variable, _): found.append(variable)
            case .all(let parts), .any(let parts): for part in parts { part.collectVariables(into: &found) }
            case .not(let inner): inner.collectVariables(into: &found)
            }
        }
    }

    /// A value for every variable, with the ones a search has fixed marked; the others hold a default value.
    /// Value `-1` stands for "no value at all" (a decision without options) and passes no test.
    struct Assignment: Sendable {
        var values: [Int]
        var fixed: [Bool]

        /// Whether `formula` holds when every variable has its current value.
        func holds(_ formula: Formula) -> Bool {
            switch formula {
            case .test(let variable, let mask):
                let value = values[variable]
                return value >= 0 && value < 64 && (mask >> UInt64(value)) & 1 == 1
            case .testLarge(let variable, let accepted):
                return accepted.contains(values[variable])
            case .all(let parts):
                for part in parts where !holds(part) { return false }
                return true
            case .any(let parts):
                for part in parts where holds(part) { return true }
                return false
            case .not(let inner):
                return !holds(inner)
            }
        }

        /// Three-valued: whether `formula` holds judging by the fixed variables only, `nil` when the unfixed ones
        /// could still go either way.
        func settled(_ formula: Formula) -> Bool? {
            switch formula {
            case .test(let variable, _), .testLarge(let variable, _):
                return fixed[variable] ? holds(formula) : nil
            case .all(let parts):
                var unknown = false
                for part in parts {
                    switch settled(part) {
                    case false?: return false
                    case nil: unknown = true
                    case true?: break
                    }
                }
                return unknown ? nil : true
            case .any(let parts):
                var unknown = false
                for part in parts {
                    switch settled(part) {
                    case true?: return true
                    case nil: unknown = true
                    case false?: break
                    }
                }
                return unknown ? nil : false
            case .not(let inner):
                return settled(inner).map { !$0 }
            }
        }
    }
}
