/// The outcome of an exploration.
public struct ExplorationResult: Sendable {
    /// One package: a choice (local option index) for every compiled decision, with its score.
    public struct Package: Sendable, Hashable {
        public var choices: [Int]
        public var score: ExplorationScore
        /// Per position: the honoured weight.
        public var honoured: [Int]
        /// The structural net burden after the period (upper bound).
        public var structural: Money
        /// The net burden per year of the period (upper bound), in year order.
        public var perYear: [Money]
        /// Effects with an unknown nadeel (what ``ExplorationProblem/Frame/maxUnknown`` counts).
        public var unknown: Int
    }

    /// A point of the Pareto front: no feasible package has both a higher lowest satisfaction and a lower
    /// structural deficit.
    public struct FrontPoint: Sendable, Hashable {
        public var package: Package
    }

    public enum Status: Sendable, Hashable {
        /// The search finished: the first package is optimal.
        case optimal
        /// A limit stopped the search: the first package is the best found, no package scores above `bound`.
        case stopped(bound: ExplorationScore)
        /// No package is feasible; `conflict` is a minimal set of constraints that cannot hold together.
        case infeasible(conflict: [ExplorationConstraint])
        /// A limit stopped the search before any package was found and before infeasibility was proven.
        case unknown
    }

    /// The limit that stopped the search (a result found before any limit has none).
    public enum Limit: Sendable, Hashable {
        /// `--tijdslimiet`: depends on the machine.
        case time
        /// `--knooppuntlimiet`: the same on every machine.
        case nodes
    }

    public var status: Status
    /// The best packages, best first, distinct in the decisions the positions name.
    public var packages: [Package]
    /// The Pareto front, by rising lowest satisfaction (empty when not asked for).
    public var front: [FrontPoint]
    /// Whether the front is complete (the search was not stopped).
    public var frontIsComplete: Bool
    /// The common denominator of the satisfactions: a satisfaction of `s` means `s / scale`.
    public var scale: Int64
    /// The total weight of each position.
    public var weights: [Int]
    /// Search nodes visited (over every search, including the conflict minimisation).
    public var nodes: Int
    /// Which limit stopped the search, if one did.
    public var limit: Limit?
}
