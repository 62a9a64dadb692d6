/// The shape of a decision as the dossier asks it.
public enum DecisionShape: String, Sendable, Hashable, Codable, CaseIterable {
    /// Yes or no ("wel of niet bestendigen").
    case jaNee = "ja_nee"
    /// Pick one of several.
    case keuze
    /// A level: intensify, continue, reduce, stop.
    case niveau
    /// Decide later, at the steering moment.
    case later
}

/// What happens by itself when nobody decides.
public struct Lapse: Sendable, Hashable {
    public var moment: Moment
    public var consequence: String

    public init(moment: Moment, consequence: String) {
        self.moment = moment
        self.consequence = consequence
    }
}

/// A question the negotiators should answer ("beslispunt").
public struct Decision: Sendable, Hashable {
    public var id: String
    public var question: String
    public var shape: DecisionShape
    /// Overrides the fiche's steering moment.
    public var steeringMoment: SteeringMoment?
    public var lapse: Lapse?
    public var options: [DecisionOption]
    public var location: SourceLocation

    public init(
        id: String, question: String, shape: DecisionShape, steeringMoment: SteeringMoment?, lapse: Lapse?,
        options: [DecisionOption], location: SourceLocation
    ) {
        self.id = id
        self.question = question
        self.shape = shape
        self.steeringMoment = steeringMoment
        self.lapse = lapse
        self.options = options
        self.location = location
    }

    /// The option marked as current line, if exactly one is.
    public var currentLine: DecisionOption? {
        let current = options.filter(\.isCurrentLine)
        return current.count == 1 ? current[0] : nil
    }

    /// Looks up an option by id.
    public func option(_ id: String) -> DecisionOption? { options.first { $0.id == id } }
}
