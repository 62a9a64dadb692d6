/// A named item of the dossier (opgave, programme).
public struct Label: Sendable, Hashable, Codable {
    public var id: String
    public var title: String

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

/// A planning-and-control document with its moment.
public struct PlanningItem: Sendable, Hashable {
    public var id: String
    public var title: String
    public var moment: Moment

    public init(id: String, title: String, moment: Moment) {
        self.id = id
        self.title = title
        self.moment = moment
    }
}

/// The dossier-wide data of `dossier.yaml`.
public struct DossierInfo: Sendable, Hashable {
    public var municipality: String
    public var title: String
    public var version: String
    public var years: ClosedRange<Int>
    public var coalitionStart: Day
    public var opgaven: [Label]
    public var programmes: [Label]
    public var planning: [PlanningItem]
    /// The source texts quotes come from (`bronnen`); the first is the dossier, the default for a quote.
    public var sources: [DossierSource]
    /// The interest rate for investments whose fiche states none (`rente_investeringen`), if the rule base has one.
    public var investmentInterest: InterestRate?

    public init(
        municipality: String, title: String, version: String, years: ClosedRange<Int>, coalitionStart: Day,
        opgaven: [Label], programmes: [Label], planning: [PlanningItem], sources: [DossierSource] = [],
        investmentInterest: InterestRate? = nil
    ) {
        self.municipality = municipality
        self.title = title
        self.version = version
        self.years = years
        self.coalitionStart = coalitionStart
        self.opgaven = opgaven
        self.programmes = programmes
        self.planning = planning
        self.sources = sources
        self.investmentInterest = investmentInterest
    }

    /// The declared source with this id; `nil` asks for the dossier, the first declared source.
    public func source(_ id: String?) -> DossierSource? {
        guard let id else { return sources.first }
        return sources.first { $0.id == id }
    }
}

/// The whole rule base: dossier data, fiches, assumptions and rules, in a fixed order. Immutable once made, so the
/// fiche index always matches the fiches.
public struct RuleBase: Sendable, Hashable {
    public let info: DossierInfo
    /// Fiches sorted by code.
    public let fiches: [Fiche]
    /// Assumptions sorted by id.
    public let assumptions: [Assumption]
    /// Rules sorted by id.
    public let rules: [Rule]
    /// Position of each fiche code in `fiches`.
    private let ficheIndex: [String: Int]

    public init(info: DossierInfo, fiches: [Fiche], assumptions: [Assumption], rules: [Rule]) {
        self.info = info
        self.fiches = fiches.sorted { FicheCode.sortKey($0.code) < FicheCode.sortKey($1.code) }
        self.assumptions = assumptions.sorted { $0.id < $1.id }
        self.rules = rules.sorted { $0.id < $1.id }
        self.ficheIndex = Dictionary(self.fiches.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func fiche(_ code: String) -> Fiche? {
        ficheIndex[code].map { fiches[$0] }
    }

    public func decision(_ ref: DecisionRef) -> Decision? { fiche(ref.fiche)?.decision(ref.decision) }

    public func option(_ ref: OptionRef) -> DecisionOption? { decision(ref.decision)?.option(ref.option) }

    public func assumption(_ id: String) -> Assumption? { assumptions.first { $0.id == id } }

    /// Every decision with its reference, in fiche order.
    public var allDecisions: [(ref: DecisionRef, fiche: Fiche, decision: Decision)] {
        fiches.flatMap { fiche in
            fiche.decisions.map { (DecisionRef(fiche: fiche.code, decision: $0.id), fiche, $0) }
        }
    }
}
