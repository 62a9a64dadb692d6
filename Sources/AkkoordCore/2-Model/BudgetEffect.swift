/// Lasten (costs) or baten (revenues).
public enum BudgetSide: String, Sendable, Hashable, Codable, CaseIterable {
    case lasten
    case baten
}

/// Incidental (one-off) or structural (recurring).
public enum BudgetNature: String, Sendable, Hashable, Codable, CaseIterable {
    case incidenteel
    case structureel
}

/// When an effect lands in the budget.
public enum EffectTiming: Sendable, Hashable {
    /// The same amount in each listed year.
    case years([Int])
    /// The amount every year from this year on, also after the period ends.
    case from(Int)
    /// A different amount per year.
    case perYear([Int: Amount])
}

/// A change to the adopted budget (begroting 2026 + meerjarenraming) caused by an option or rule.
public struct BudgetEffect: Sendable, Hashable {
    public var description: String
    public var side: BudgetSide
    public var nature: BudgetNature
    /// Programme id; resolved from the fiche when not given.
    public var programme: String
    /// Enschede's amount per year of `timing` (for `.perYear`, the amounts are in the timing).
    public var amount: Amount
    /// The total cost or revenue when others share it.
    public var total: Amount?
    /// Enschede's share of `total`.
    public var share: Share?
    /// Other parties paying part of the total.
    public var cofunders: [String]
    public var timing: EffectTiming
    public var provenance: Provenance
    public var location: SourceLocation
    /// When the effect is an investment: the investment itself. `amount` is then the investment and `timing` the
    /// yearly capital charges (`.perYear`), which are what the budget counts.
    public var investment: Investment?
    /// Next to a quote (`bron`: what the dossier says), what the rule-base authors added (`aanname`), such as the year
    /// or the share the dossier does not state.
    public var addedAssumption: String?

    public init(
        description: String, side: BudgetSide, nature: BudgetNature, programme: String, amount: Amount,
        total: Amount?, share: Share?, cofunders: [String], timing: EffectTiming,
        provenance: Provenance, location: SourceLocation, investment: Investment? = nil, addedAssumption: String? = nil
    ) {
        self.description = description
        self.side = side
        self.nature = nature
        self.programme = programme
        self.amount = amount
        self.total = total
        self.share = share
        self.cofunders = cofunders
        self.timing = timing
        self.provenance = provenance
        self.location = location
        self.investment = investment
        self.addedAssumption = addedAssumption
    }

    /// Enschede's amount in a given year, or `nil` when the effect does not touch that year.
    public func amount(in year: Int) -> Amount? {
        switch timing {
        case .years(let years): years.contains(year) ? amount : nil
        case .from(let first): year >= first ? amount : nil
        case .perYear(let amounts): amounts[year]
        }
    }

    /// Every year the effect touches within `years`.
    public func years(within years: ClosedRange<Int>) -> [Int] {
        years.filter { amount(in: $0) != nil }
    }
}
