/// An external uncertainty with a default value, e.g. "the provincie co-funds the runway".
public struct Assumption: Sendable, Hashable {
    public var id: String
    public var title: String
    public var defaultValue: Bool
    /// Probability that it holds, if stated.
    public var probability: Share?
    /// Where the probability comes from (`kans: {waarde, schatting, bron}`).
    public var probabilityBasis: ProbabilityBasis = .unstated
    /// When it becomes known.
    public var moment: Moment?
    public var explanation: String?
    public var provenance: Provenance?
    /// Fiche that defines it, or `nil` for the dossier.
    public var fiche: String?
    public var location: SourceLocation

    public init(
        id: String, title: String, defaultValue: Bool, probability: Share?, moment: Moment?,
        explanation: String?, provenance: Provenance?, fiche: String?, location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.defaultValue = defaultValue
        self.probability = probability
        self.moment = moment
        self.explanation = explanation
        self.provenance = provenance
        self.fiche = fiche
        self.location = location
    }
}

/// Where an assumption's probability comes from.
public enum ProbabilityBasis: Sendable, Hashable {
    /// `kans: 50%` without saying.
    case unstated
    /// `schatting: ja`: an estimate of whoever wrote the rule base.
    case estimate
    /// `bron: ...`: where the probability is taken from.
    case source(String)
}
