/// The change of a budget total between two evaluations, bound by bound: how much the lower bound and the upper bound
/// of the total move, and how many unknown amounts come in (positive) or drop out (negative). Unlike
/// ``AmountTotal/subtracting(_:)`` this does not widen: an effect both evaluations share cancels out exactly, so
/// differences add up (the marginal effects of the decisions plus their interaction are the whole change).
public struct BudgetDelta: Sendable, Hashable {
    /// Change of the lower bound of the total.
    public var lower: Money
    /// Change of the upper bound of the total.
    public var upper: Money
    /// Change in the number of unknown costs (nadeel) that are part of the total.
    public var unknownBurdens: Int
    /// Change in the number of unknown savings or revenues (voordeel) that are part of the total.
    public var unknownBenefits: Int

    public static let zero = BudgetDelta(lower: .zero, upper: .zero, unknownBurdens: 0, unknownBenefits: 0)

    public init(lower: Money, upper: Money, unknownBurdens: Int, unknownBenefits: Int) {
        self.lower = lower
        self.upper = upper
        self.unknownBurdens = unknownBurdens
        self.unknownBenefits = unknownBenefits
    }

    /// `total − reference`, bound by bound and direction by direction.
    public init(_ total: AmountTotal, minus reference: AmountTotal) throws(MoneyOverflow) {
        self.init(
            lower: try total.minimum.subtracting(reference.minimum), upper: try total.maximum.subtracting(reference.maximum),
            unknownBurdens: total.unknownBurdens - reference.unknownBurdens,
            unknownBenefits: total.unknownBenefits - reference.unknownBenefits)
    }

    /// Whether nothing changes.
    public var isZero: Bool { lower == .zero && upper == .zero && unknownBurdens == 0 && unknownBenefits == 0 }

    public func adding(_ other: BudgetDelta) throws(MoneyOverflow) -> BudgetDelta {
        BudgetDelta(
            lower: try lower.adding(other.lower), upper: try upper.adding(other.upper),
            unknownBurdens: unknownBurdens + other.unknownBurdens, unknownBenefits: unknownBenefits + other.unknownBenefits)
    }

    public func subtracting(_ other: BudgetDelta) throws(MoneyOverflow) -> BudgetDelta {
        BudgetDelta(
            lower: try lower.subtracting(other.lower), upper: try upper.subtracting(other.upper),
            unknownBurdens: unknownBurdens - other.unknownBurdens, unknownBenefits: unknownBenefits - other.unknownBenefits)
    }
}
