/// The logical moment to change course ("logisch moment om bij te sturen").
public struct SteeringMoment: Sendable, Hashable {
    /// The literal words of the dossier.
    public var text: String
    /// Their interpretation.
    public var moment: Moment
    public var explanation: String?
    /// The last practical moment (`uiterlijk`), if the rule base names one.
    public var latest: LatestMoment?
    public var location: SourceLocation

    public init(text: String, moment: Moment, explanation: String?, latest: LatestMoment? = nil, location: SourceLocation) {
        self.text = text
        self.moment = moment
        self.explanation = explanation
        self.latest = latest
        self.location = location
    }
}
