/// The last practical moment to change course ("uiterlijk"), when it lies later than the dossier's logical moment:
/// the budget in November, a province's decision, a tender. The logical moment stays what the dossier says; this
/// moment has its own source or a labelled assumption.
public struct LatestMoment: Sendable, Hashable {
    /// The words for the moment (e.g. "begroting 2027").
    public var text: String
    /// Their interpretation.
    public var moment: Moment
    /// Where it comes from: a verbatim quote or a labelled assumption.
    public var provenance: Provenance
    public var location: SourceLocation

    public init(text: String, moment: Moment, provenance: Provenance, location: SourceLocation) {
        self.text = text
        self.moment = moment
        self.provenance = provenance
        self.location = location
    }
}
