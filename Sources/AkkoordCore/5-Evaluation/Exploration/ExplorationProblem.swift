/// What `akkoord verken` looks for: a package (a choice for every decision) that has no errors, honours every
/// must-have and no red line of every position, and fits the frame; the best by ``ExplorationScore``.
public struct ExplorationProblem: Sendable {
    /// The financial frame, with the pessimistic bound of ranges (the maximum) and unknown amounts counted apart.
    public struct Frame: Sendable, Hashable {
        /// Structural net burden per year after the period (upper bound of the range) at most this.
        public var maxStructural: Money?
        /// Net burden in every year of the period (upper bound) at most this.
        public var maxPerYear: Money?
        /// At most this many effects with an unknown nadeel (an unknown voordeel does not count).
        public var maxUnknown: Int?

        public init(maxStructural: Money? = nil, maxPerYear: Money? = nil, maxUnknown: Int? = nil) {
            self.maxStructural = maxStructural
            self.maxPerYear = maxPerYear
            self.maxUnknown = maxUnknown
        }
    }

    public var compiled: CompiledRuleBase
    public var positions: [Position]
    /// The assumption values held fixed, in ``CompiledRuleBase/assumptionIDs`` order.
    public var assumptions: [Bool]
    public var frame: Frame
    /// How many packages to return (the best and the next ones, distinct in the decisions the positions name).
    public var packages: Int
    /// Stop after this many seconds with the best found and a proven bound; `nil`: search until proven.
    public var timeLimit: Double?
    /// Stop after this many search nodes (deterministic); `nil`: no limit.
    public var nodeLimit: Int?
    /// Whether to compute the Pareto front of structural deficit against the lowest satisfaction.
    public var paretoFront: Bool

    public init(
        compiled: CompiledRuleBase, positions: [Position], assumptions: [Bool], frame: Frame, packages: Int = 3,
        timeLimit: Double? = nil, nodeLimit: Int? = nil, paretoFront: Bool = true
    ) {
        self.compiled = compiled
        self.positions = positions
        self.assumptions = assumptions
        self.frame = frame
        self.packages = packages
        self.timeLimit = timeLimit
        self.nodeLimit = nodeLimit
        self.paretoFront = paretoFront
    }
}

/// The objective, compared lexicographically: the lowest party satisfaction, then the total satisfaction, then the
/// lowest structural deficit. Satisfactions are exact: each party's honoured weight scaled to a common denominator
/// (``ExplorationResult/scale``), so no floating point decides anything.
public struct ExplorationScore: Sendable, Hashable, Comparable, Codable {
    /// The lowest party satisfaction, times the scale.
    public var lowest: Int64
    /// The sum of the party satisfactions, times the scale.
    public var total: Int64
    /// The structural net burden after the period (upper bound), in cents; lower is better.
    public var structural: Int64

    public init(lowest: Int64, total: Int64, structural: Int64) {
        self.lowest = lowest
        self.total = total
        self.structural = structural
    }

    public static func < (lhs: ExplorationScore, rhs: ExplorationScore) -> Bool {
        (lhs.lowest, lhs.total, rhs.structural) < (rhs.lowest, rhs.total, lhs.structural)
    }
}

/// A constraint of the exploration, for explaining infeasibility.
public enum ExplorationConstraint: Sendable, Hashable, Comparable {
    /// A must-have of a position (position index, wish index).
    case must(position: Int, wish: Int)
    /// A red line of a position (position index, red-line index).
    case redLine(position: Int, index: Int)
    case frameStructural
    case framePerYear
    case frameUnknown
    /// An option's `vereist` (global option index, target or `nil` for an option that cannot be chosen).
    case requires(option: Int, target: Int?)
    /// An option's `sluit_uit`.
    case excludes(option: Int, target: Int)
    /// A rule that makes an error (a `fout` message, `vereist` or `sluit_uit`).
    case rule(Int)

    private var key: (Int, Int, Int) {
        switch self {
        case .must(let position, let wish): (0, position, wish)
        case .redLine(let position, let index): (1, position, index)
        case .frameStructural: (2, 0, 0)
        case .framePerYear: (2, 1, 0)
        case .frameUnknown: (2, 2, 0)
        case .requires(let option, let target): (3, option, target ?? -1)
        case .excludes(let option, let target): (4, option, target)
        case .rule(let rule): (5, rule, 0)
        }
    }

    public static func < (lhs: ExplorationConstraint, rhs: ExplorationConstraint) -> Bool { lhs.key < rhs.key }

    /// Whether the constraint comes from the rule base (and not from a position or the frame).
    public var isRuleBase: Bool {
        switch self {
        case .requires, .excludes, .rule: true
        case .must, .redLine, .frameStructural, .framePerYear, .frameUnknown: false
        }
    }
}

/// Input the exploration cannot use.
public enum ExplorationError: Error, Sendable, Hashable {
    /// A position names an option that is not part of the compiled rule base.
    case unknownOption(OptionRef, SourceLocation)
    /// A decision has more options than the solver handles (64).
    case tooManyOptions(DecisionRef)
    /// The weights do not have a common denominator within 64 bits.
    case weightsTooLarge
}
