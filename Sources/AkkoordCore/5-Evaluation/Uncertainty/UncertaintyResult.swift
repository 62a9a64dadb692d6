/// The outcome of ``UncertaintySimulator``: distributions in cents, probabilities, the tornado and the reserve.
public struct UncertaintyResult: Sendable, Hashable {
    public enum Method: Sendable, Hashable {
        /// Every combination of the drawn assumptions, weighted by its probability; within a combination the ranges
        /// are drawn this many times (1 when no range applies, which makes the distribution exact).
        case enumeration(combinations: Int, maxRangeDraws: Int)
        /// Random draws of assumptions and ranges.
        case sampling
    }

    /// The distribution of one total over the draws (the known part; see ``dependsOnUnknown``).
    public struct Distribution: Sendable, Hashable {
        public var p5: Int64
        public var p50: Int64
        public var p90: Int64
        public var p95: Int64
        /// The weighted mean, rounded to cents.
        public var mean: Int64
        public var minimum: Int64
        public var maximum: Int64
        /// Probability that the known part is above € 0 (a net burden).
        public var positive: Double
        /// Probability that the total also holds unknown amounts.
        public var dependsOnUnknown: Double
        /// The most unknown amounts in one draw.
        public var maxUnknown: Int
    }

    /// One bar of the tornado: the total with the subject low and high, everything else at the scenario's base.
    public struct TornadoBar: Sendable, Hashable {
        public enum Subject: Sendable, Hashable {
            /// An assumption (index); low is `nee`, high is `ja`.
            case assumption(Int)
            /// A range variable (index into ``UncertaintyModel/variables``); low is its lower bound.
            case range(Int)
        }

        public var subject: Subject
        public var low: Int64
        public var high: Int64
        public var swing: Int64 { low > high ? low &- high : high &- low }
    }

    public struct Bin: Sendable, Hashable {
        /// Lower bound (inclusive) and upper bound (exclusive, inclusive for the last bin) in cents.
        public var lower: Int64
        public var upper: Int64
        public var probability: Double
    }

    public struct RuleProbability: Sendable, Hashable {
        public var rule: Int
        public var probability: Double
    }

    public var method: Method
    /// How many outcomes were evaluated.
    public var draws: Int
    public var seed: UInt64
    public var drawn: [Int]
    /// Per period year, then the period total, then the structural run-rate.
    public var years: [Distribution]
    public var period: Distribution
    public var structural: Distribution
    /// Probability that the frame is exceeded by the known part; `nil` without a frame.
    public var frameExceeded: Double?
    /// Probability that the known part stays within the frame but unknown amounts could still exceed it.
    public var frameOpenByUnknown: Double?
    /// Probability that the outcome (period or run-rate) depends on at least one unknown amount.
    public var dependsOnUnknown: Double
    /// Rules with a `fout` or `waarschuwing` message that fire in some draw, in rule order.
    public var rules: [RuleProbability]
    /// Probability of at least one error (`vereist`, `sluit_uit`, a rule with a `fout` message).
    public var anyError: Double
    /// Sorted by swing, largest first; bars without swing are left out.
    public var tornadoPeriod: [TornadoBar]
    public var tornadoStructural: [TornadoBar]
    /// The period total and the run-rate at the scenario's base (assumptions as in the scenario, ranges at their middle).
    public var basePeriod: Int64
    public var baseStructural: Int64
    /// Amount to hold beside the expected value to cover the P90 outcome: max(0, P90 − mean).
    public var reservePeriod: Int64 { max(0, period.p90 &- period.mean) }
    public var reserveStructural: Int64 { max(0, structural.p90 &- structural.mean) }
    /// The distribution of the period total in equal bins.
    public var histogram: [Bin]
    /// Range variables applied in at least one draw.
    public var rangesApplied: Int
}
