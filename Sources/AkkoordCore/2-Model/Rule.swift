/// Severity of a message raised by a rule.
public enum MessageLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case fout
    case waarschuwing
    case info

    private var rank: Int {
        switch self {
        case .fout: 0
        case .waarschuwing: 1
        case .info: 2
        }
    }

    public static func < (lhs: MessageLevel, rhs: MessageLevel) -> Bool { lhs.rank < rhs.rank }
}

/// A message to show when a rule fires.
public struct RuleMessage: Sendable, Hashable {
    public var level: MessageLevel
    public var text: String

    public init(level: MessageLevel, text: String) {
        self.level = level
        self.text = text
    }
}

/// A cross-fiche rule: when the condition holds, add effects, raise a message, require or exclude options.
/// Rules never change a choice, so firing is order-independent.
public struct Rule: Sendable, Hashable {
    public var id: String
    public var title: String
    public var condition: Condition
    public var message: RuleMessage?
    public var effects: [BudgetEffect]
    public var requires: [OptionRef]
    public var excludes: [OptionRef]
    public var provenance: Provenance?
    /// Fiche whose file defines the rule, or `nil` for a rule file.
    public var fiche: String?
    public var location: SourceLocation
    /// Where the rule names each option, decision and assumption it refers to (`keuze`, `afwijking`, `aanname`,
    /// `vereist`, `sluit_uit`), by the reference as written; the first use counts. For messages about a reference.
    public var referencePlaces: [String: SourceLocation] = [:]

    /// Where the rule uses `reference`; the rule itself when that is not known.
    public func place(of reference: String) -> SourceLocation { referencePlaces[reference] ?? location }

    public init(
        id: String, title: String, condition: Condition, message: RuleMessage?, effects: [BudgetEffect],
        requires: [OptionRef], excludes: [OptionRef], provenance: Provenance?, fiche: String?,
        location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.condition = condition
        self.message = message
        self.effects = effects
        self.requires = requires
        self.excludes = excludes
        self.provenance = provenance
        self.fiche = fiche
        self.location = location
    }
}
