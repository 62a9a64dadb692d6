/// One scenario to simulate: its choices, which assumptions are drawn with which probability, and the settings.
public struct UncertaintyProblem: Sendable {
    /// Why an assumption is not drawn.
    public enum HeldReason: Sendable, Hashable {
        /// It has no probability (`kans`).
        case noProbability
        /// The scenario fixes it (`risico.vast`).
        case fixed
    }

    public var model: UncertaintyModel
    /// Local option index per compiled decision.
    public var choices: [Int]
    /// Each assumption's value in the scenario: the value of a held assumption and the tornado's base.
    public var assumptionValues: [Bool]
    /// Probability per assumption in basis points; `nil` for one that is held.
    public var probabilities: [Int?]
    /// Why each held assumption is held (`nil` for a drawn one).
    public var held: [HeldReason?]
    /// Whether a drawn assumption's probability comes from the scenario rather than the rule base.
    public var probabilityFromScenario: [Bool]
    public var frame: BudgetFrame?
    /// Draws when sampling; when enumerating, the draws of the ranges spread over the combinations.
    public var draws: Int
    public var seed: UInt64
    /// Enumerate the combinations of the drawn assumptions exactly when there are at most this many.
    public var enumerationLimit: Int

    /// The problem for a scenario: an assumption with a `kans` is drawn unless the scenario fixes it (`risico.vast`,
    /// or `fixed`); the scenario may set a probability (`risico.kansen`, or `probabilities`, which go first). The
    /// scenario's own value (`aannames`) is the value of a held assumption and the base of the tornado.
    public init(
        model: UncertaintyModel, scenario: Scenario, fixed: Set<String> = [], probabilities: [String: Share] = [:],
        draws: Int, seed: UInt64, enumerationLimit: Int = 20
    ) {
        let fixed = fixed.union(scenario.risk.fixed.map(\.value))
        let overrides = scenario.risk.probabilities.mapValues(\.value).merging(probabilities) { _, given in given }
        self.model = model
        let vectors = model.compiled.vectors(for: scenario)
        choices = vectors.choices
        assumptionValues = vectors.assumptions
        var probabilities: [Int?] = [], held: [HeldReason?] = [], fromScenario: [Bool] = []
        for assumption in model.assumptions {
            fromScenario.append(!fixed.contains(assumption.id) && overrides[assumption.id] != nil)
            if fixed.contains(assumption.id) {
                probabilities.append(nil)
                held.append(.fixed)
            } else if let share = overrides[assumption.id] ?? assumption.probability {
                probabilities.append(min(10_000, max(0, share.basisPoints)))
                held.append(nil)
            } else {
                probabilities.append(nil)
                held.append(.noProbability)
            }
        }
        self.probabilities = probabilities
        self.held = held
        probabilityFromScenario = fromScenario
        frame = scenario.frame
        self.draws = draws
        self.seed = seed
        self.enumerationLimit = enumerationLimit
    }

    /// The indices of the drawn assumptions.
    public var drawn: [Int] { probabilities.indices.filter { probabilities[$0] != nil } }
}
