/// When a rule fires. A small boolean language over choices and assumptions.
public indirect enum Condition: Sendable, Hashable {
    /// This option is chosen.
    case chosen(OptionRef)
    /// This decision deviates from its current line.
    case deviates(DecisionRef)
    /// This assumption has this value.
    case assumption(id: String, value: Bool)
    /// All hold.
    case all([Condition])
    /// At least one holds.
    case any([Condition])
    /// Does not hold.
    case not(Condition)

    /// Every option referenced anywhere in the condition.
    public var optionRefs: [OptionRef] {
        switch self {
        case .chosen(let ref): [ref]
        case .deviates, .assumption: []
        case .all(let parts), .any(let parts): parts.flatMap(\.optionRefs)
        case .not(let inner): inner.optionRefs
        }
    }

    /// Every decision referenced anywhere in the condition.
    public var decisionRefs: [DecisionRef] {
        switch self {
        case .chosen(let ref): [ref.decision]
        case .deviates(let ref): [ref]
        case .assumption: []
        case .all(let parts), .any(let parts): parts.flatMap(\.decisionRefs)
        case .not(let inner): inner.decisionRefs
        }
    }

    /// Every assumption referenced anywhere in the condition.
    public var assumptionIDs: [String] {
        switch self {
        case .chosen, .deviates: []
        case .assumption(let id, _): [id]
        case .all(let parts), .any(let parts): parts.flatMap(\.assumptionIDs)
        case .not(let inner): inner.assumptionIDs
        }
    }
}
