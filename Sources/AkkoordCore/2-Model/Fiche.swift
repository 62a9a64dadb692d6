/// A document the current line rests on, with its end date.
public struct SourceDocument: Sendable, Hashable {
    public enum EndDate: Sendable, Hashable {
        case none
        case unknown
        case on(Period)
    }

    public var title: String
    public var endDate: EndDate

    public init(title: String, endDate: EndDate) {
        self.title = title
        self.endDate = endDate
    }
}

/// An expected move by Rijk, provincie or EU.
public struct ExternalDevelopment: Sendable, Hashable {
    public var text: String
    public var moment: Moment?
    public var assumption: String?
    public var location: SourceLocation

    public init(text: String, moment: Moment?, assumption: String?, location: SourceLocation) {
        self.text = text
        self.moment = moment
        self.assumption = assumption
        self.location = location
    }
}

/// The kind of link between fiches.
public enum RelationKind: String, Sendable, Hashable, Codable, CaseIterable {
    case kans
    case risico
    case vereist
    case maaktMogelijk = "maakt_mogelijk"
    case conflict
    case concurreert
}

/// A row of the fiche's relations table.
public struct Relation: Sendable, Hashable {
    public var fiche: String?
    public var policyArea: String?
    public var kind: RelationKind
    public var text: String
    public var location: SourceLocation

    public init(fiche: String?, policyArea: String?, kind: RelationKind, text: String, location: SourceLocation) {
        self.fiche = fiche
        self.policyArea = policyArea
        self.kind = kind
        self.text = text
        self.location = location
    }
}

/// A stated fact that other fiches may state differently.
public struct Fact: Sendable, Hashable {
    public var id: String
    public var value: String
    /// The quote that states it, from the dossier.
    public var citation: Citation
    public var fiche: String
    public var location: SourceLocation

    /// The quoted text.
    public var quote: String { citation.text }

    /// A fact; `quoteLocation` is where its `citaat` stands (the fact itself when not given).
    public init(
        id: String, value: String, quote: String, fiche: String, location: SourceLocation,
        quoteLocation: SourceLocation? = nil
    ) {
        self.id = id
        self.value = value
        self.citation = Citation(fiche: fiche, text: quote, document: nil, location: quoteLocation ?? location)
        self.fiche = fiche
        self.location = location
    }
}

/// Something doubtful in the dossier text, recorded rather than silently fixed.
public struct Doubt: Sendable, Hashable {
    public var text: String
    /// The quote the doubt is about, from the dossier, if given.
    public var citation: Citation?
    public var location: SourceLocation

    /// The quoted text, if any.
    public var quote: String? { citation?.text }

    /// A doubt; `fiche` and `quoteLocation` (where the `citaat` stands, the doubt itself when not given) place its quote.
    public init(text: String, quote: String?, location: SourceLocation, fiche: String = "", quoteLocation: SourceLocation? = nil) {
        self.text = text
        self.citation = quote.map { Citation(fiche: fiche, text: $0, document: nil, location: quoteLocation ?? location) }
        self.location = location
    }
}

/// A topic sheet of the dossier.
public struct Fiche: Sendable, Hashable {
    public var code: String
    public var title: String
    public var opgaven: [String]
    public var programme: String
    public var currentLine: String
    public var sources: [SourceDocument]
    public var partners: [String]
    public var externalDevelopments: [ExternalDevelopment]
    public var steeringMoment: SteeringMoment?
    public var decisions: [Decision]
    /// Amounts the dossier states that are already in the adopted budget: context, never a scenario effect.
    public var budgeted: [BudgetEffect]
    public var relations: [Relation]
    public var facts: [Fact]
    public var doubts: [Doubt]
    public var location: SourceLocation

    public init(
        code: String, title: String, opgaven: [String], programme: String, currentLine: String,
        sources: [SourceDocument], partners: [String], externalDevelopments: [ExternalDevelopment],
        steeringMoment: SteeringMoment?, decisions: [Decision], budgeted: [BudgetEffect] = [],
        relations: [Relation], facts: [Fact],
        doubts: [Doubt], location: SourceLocation
    ) {
        self.code = code
        self.title = title
        self.opgaven = opgaven
        self.programme = programme
        self.currentLine = currentLine
        self.sources = sources
        self.partners = partners
        self.externalDevelopments = externalDevelopments
        self.steeringMoment = steeringMoment
        self.decisions = decisions
        self.budgeted = budgeted
        self.relations = relations
        self.facts = facts
        self.doubts = doubts
        self.location = location
    }

    /// Looks up a decision by id.
    public func decision(_ id: String) -> Decision? { decisions.first { $0.id == id } }
}
