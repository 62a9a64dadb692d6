/// A scenario's settings for `akkoord risico`: assumptions it fixes (never drawn, held at the scenario's value) and
/// probabilities it sets instead of the rule base's `kans`.
public struct ScenarioRisk: Sendable, Hashable {
    /// Assumption ids under `risico.vast`.
    public var fixed: [Located<String>]
    /// Assumption id → probability under `risico.kansen`.
    public var probabilities: [String: Located<Share>]

    public init(fixed: [Located<String>] = [], probabilities: [String: Located<Share>] = [:]) {
        self.fixed = fixed
        self.probabilities = probabilities
    }
}
