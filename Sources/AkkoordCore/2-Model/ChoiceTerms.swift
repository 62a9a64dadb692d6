/// Where a choice stands at the negotiation table (`status:` in the structured choice form).
public enum NegotiationStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Still to be discussed.
    case open
    /// Provisionally agreed, may still move.
    case voorlopig
    /// Agreed.
    case akkoord
    /// Put aside for later.
    case geparkeerd
}

/// What a scenario says about one decision beyond the option it picks: how much the choice weighs, whether it is a
/// must, which options are never acceptable, and where it stands at the table.
///
/// The same form serves a party's position (`akkoord verken`) and a negotiation round (`akkoord serve`):
/// `2F.doorgaan: sluiten` is the plain form (weight 1, no must, no red lines, no status), and
/// `2F.doorgaan: {optie: sluiten, gewicht: 3, moet: ja, nooit: [verkopen], status: voorlopig, notitie: ...}` the
/// structured one. Only the option (`optie`) changes the evaluation; a choice without one keeps the current line.
public struct ChoiceTerms: Sendable, Hashable {
    /// The weight of the chosen option in a position (`gewicht`, 0–``ChoiceTerms/maximumWeight``); 1 by default.
    public var weight: Int
    /// The chosen option is a must (`moet: ja`): a package without it is unacceptable to this party.
    public var isMust: Bool
    /// Options this party never accepts (`nooit`), each where it is written.
    public var never: [Located<String>]
    /// Where the choice stands at the table; `nil` when not given.
    public var status: NegotiationStatus?
    /// A free note (`notitie`).
    public var note: String?
    /// Where the choice is written (the value after the decision key).
    public var location: SourceLocation

    /// The highest weight a choice may carry.
    public static let maximumWeight = 1000

    public init(
        weight: Int = 1, isMust: Bool = false, never: [Located<String>] = [], status: NegotiationStatus? = nil,
        note: String? = nil, location: SourceLocation
    ) {
        self.weight = weight
        self.isMust = isMust
        self.never = never
        self.status = status
        self.note = note
        self.location = location
    }

    /// True when the choice says nothing beyond its option: it is written in the plain form.
    public var isPlain: Bool { weight == 1 && !isMust && never.isEmpty && status == nil && note == nil }
}
