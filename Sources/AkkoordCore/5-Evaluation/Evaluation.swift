/// How a decision was resolved in a scenario.
public struct ResolvedChoice: Sendable, Hashable {
    public var ref: DecisionRef
    public var ficheTitle: String
    public var decision: Decision
    public var chosen: DecisionOption
    public var currentLine: DecisionOption
    /// Whether the scenario named this decision; if not, the current line was assumed.
    public var isExplicit: Bool
    /// The steering moment that applies (the decision's own or the fiche's).
    public var steeringMoment: SteeringMoment?

    /// Whether the choice deviates from the current line (a "bijsturing").
    public var isDeviation: Bool { chosen.id != currentLine.id }

    public var optionRef: OptionRef { OptionRef(decision: ref, option: chosen.id) }
}

/// The value an assumption has in a scenario.
public struct ResolvedAssumption: Sendable, Hashable {
    public var assumption: Assumption
    public var value: Bool
    public var isDefault: Bool
}

/// Where a message or effect comes from.
public enum Origin: Sendable, Hashable, Comparable {
    case option(OptionRef)
    case rule(String)
    case steering(DecisionRef)
    case lapse(DecisionRef)
    case frame
    case scenario
    /// Already in the adopted budget of this fiche (context only).
    case budgeted(String)

    public var description: String {
        switch self {
        case .option(let ref): "optie \(ref)"
        case .rule(let id): "regel \(id)"
        case .steering(let ref): "stuurmoment \(ref)"
        case .lapse(let ref): "verloop \(ref)"
        case .frame: "begrotingskader"
        case .scenario: "scenario"
        case .budgeted(let fiche): "begroting (fiche \(fiche))"
        }
    }

    private var key: (Int, String) {
        switch self {
        case .option(let ref): (0, ref.description)
        case .rule(let id): (1, id)
        case .steering(let ref): (2, ref.description)
        case .lapse(let ref): (3, ref.description)
        case .frame: (4, "")
        case .scenario: (5, "")
        case .budgeted(let fiche): (6, fiche)
        }
    }

    public static func < (lhs: Origin, rhs: Origin) -> Bool { lhs.key < rhs.key }
}

/// What a message is about, so comparisons can match the same finding across scenarios.
public enum MessageKind: String, Sendable, Hashable, Codable {
    case regel
    case vereist
    case sluitUit = "sluit_uit"
    case momentVerstreken = "moment_verstreken"
    case momentOnbekend = "moment_onbekend"
    case afhankelijkheidLater = "afhankelijkheid_later"
    case verloopt
    case kader
    case onbekendBedrag = "onbekend_bedrag"
    case structureelEvenwicht = "structureel_evenwicht"
}

/// A finding of the evaluation.
public struct EvaluationMessage: Sendable, Hashable, Comparable {
    public var level: MessageLevel
    public var kind: MessageKind
    public var text: String
    public var origin: Origin
    public var location: SourceLocation?

    public static func < (lhs: EvaluationMessage, rhs: EvaluationMessage) -> Bool {
        (lhs.level, lhs.origin, lhs.text) < (rhs.level, rhs.origin, rhs.text)
    }
}

/// A budget effect that applies in the scenario, with where it came from.
public struct AppliedEffect: Sendable, Hashable {
    public var effect: BudgetEffect
    public var origin: Origin
    /// The fiche the effect is counted under.
    public var fiche: String
}

/// A point on the steering timeline.
public struct TimelineEntry: Sendable, Hashable, Comparable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case bijsturing
        /// The last practical moment of a bijsturing (`uiterlijk`).
        case uiterlijk
        case verloop
        case aanname
    }

    public var kind: Kind
    public var title: String
    public var moment: Moment
    public var ref: String
    /// The first planning-and-control document on or after the moment.
    public var planning: PlanningItem?
    /// Whether the moment ended before the reference date.
    public var isPast: Bool

    public static func < (lhs: TimelineEntry, rhs: TimelineEntry) -> Bool {
        (Day.undatedLast(lhs.moment.period?.start), lhs.ref, lhs.kind.rawValue)
            < (Day.undatedLast(rhs.moment.period?.start), rhs.ref, rhs.kind.rawValue)
    }
}

/// The complete outcome of evaluating one scenario against a rule base.
public struct Evaluation: Sendable {
    public var ruleBase: RuleBase
    public var scenario: Scenario
    public var choices: [ResolvedChoice]
    public var assumptions: [ResolvedAssumption]
    public var firedRules: [Rule]
    public var messages: [EvaluationMessage]
    public var effects: [AppliedEffect]
    public var budget: BudgetSummary
    public var timeline: [TimelineEntry]

    public var deviations: [ResolvedChoice] { choices.filter(\.isDeviation) }

    public func count(_ level: MessageLevel) -> Int { messages.filter { $0.level == level }.count }
}
