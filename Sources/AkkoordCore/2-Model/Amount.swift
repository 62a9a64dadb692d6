/// What an unknown amount does to the budget: an unknown cost (`nadeel`) or an unknown saving or revenue (`voordeel`).
/// The direction is the amount's meaning for the budget, so it stays the same when an amount is negated or moved from
/// lasten to the net burden.
public enum BudgetDirection: String, Sendable, Hashable, Codable, CaseIterable {
    case nadeel
    case voordeel

    /// The direction of a plain `onbekend` on this side: more lasten is a nadeel, more baten a voordeel.
    public static func natural(for side: BudgetSide) -> BudgetDirection { side == .lasten ? .nadeel : .voordeel }
}

/// An amount as the dossier knows it: exact, a range, or explicitly unknown with a direction. Unknown is never zero.
public enum Amount: Sendable, Hashable {
    /// A precise amount.
    case exact(Money)
    /// An approximate amount between two bounds (inclusive).
    case range(min: Money, max: Money)
    /// An amount nobody knows, with what it does to the budget.
    case unknown(BudgetDirection)

    /// The lower bound, or `nil` when unknown.
    public var minimum: Money? {
        switch self {
        case .exact(let value): value
        case .range(let min, _): min
        case .unknown: nil
        }
    }

    /// The upper bound, or `nil` when unknown.
    public var maximum: Money? {
        switch self {
        case .exact(let value): value
        case .range(_, let max): max
        case .unknown: nil
        }
    }

    /// The amount with its sign flipped (a range keeps min ≤ max); an unknown keeps its direction (its meaning for the
    /// budget does not change with the sign convention).
    public func negated() throws(MoneyOverflow) -> Amount {
        switch self {
        case .exact(let value): .exact(try value.negated())
        case .range(let min, let max): .range(min: try max.negated(), max: try min.negated())
        case .unknown(let direction): .unknown(direction)
        }
    }

    /// Whether the amount is unknown (in either direction).
    public var isUnknown: Bool {
        if case .unknown = self { true } else { false }
    }

    /// Applies a share to every bound.
    public func applying(_ share: Share) throws(MoneyOverflow) -> Amount {
        switch self {
        case .exact(let value): .exact(try value.applying(share))
        case .range(let min, let max): .range(min: try min.applying(share), max: try max.applying(share))
        case .unknown(let direction): .unknown(direction)
        }
    }

    /// The largest magnitude of a bound (zero when unknown).
    public var magnitude: Money {
        switch self {
        case .exact(let value): Money(cents: Int64(clamping: value.cents.magnitude))
        case .range(let min, let max): Money(cents: Int64(clamping: Swift.max(min.cents.magnitude, max.cents.magnitude)))
        case .unknown: .zero
        }
    }
}

/// A sum of amounts that keeps exact parts, ranges and unknowns apart. Unknown amounts are counted by direction
/// (nadeel or voordeel), which does not change when the total is negated or subtracted.
public struct AmountTotal: Sendable, Hashable, Codable {
    /// Sum of lower bounds of the known amounts.
    public var minimum: Money
    /// Sum of upper bounds of the known amounts.
    public var maximum: Money
    /// How many unknown costs (nadeel) were part of this total.
    public var unknownBurdens: Int
    /// How many unknown savings or revenues (voordeel) were part of this total.
    public var unknownBenefits: Int

    /// An empty total.
    public static let zero = AmountTotal(minimum: .zero, maximum: .zero, unknownBurdens: 0, unknownBenefits: 0)

    /// Creates a total.
    public init(minimum: Money, maximum: Money, unknownBurdens: Int, unknownBenefits: Int) {
        self.minimum = minimum
        self.maximum = maximum
        self.unknownBurdens = unknownBurdens
        self.unknownBenefits = unknownBenefits
    }

    /// The total of one amount (adding to zero cannot overflow).
    public init(_ amount: Amount) {
        switch amount {
        case .exact(let value): self.init(minimum: value, maximum: value, unknownBurdens: 0, unknownBenefits: 0)
        case .range(let min, let max): self.init(minimum: min, maximum: max, unknownBurdens: 0, unknownBenefits: 0)
        case .unknown(.nadeel): self.init(minimum: .zero, maximum: .zero, unknownBurdens: 1, unknownBenefits: 0)
        case .unknown(.voordeel): self.init(minimum: .zero, maximum: .zero, unknownBurdens: 0, unknownBenefits: 1)
        }
    }

    /// How many unknown amounts were part of this total, in either direction.
    public var unknownCount: Int { unknownBurdens &+ unknownBenefits }

    /// How many unknown amounts of one direction were part of this total.
    public func unknowns(_ direction: BudgetDirection) -> Int { direction == .nadeel ? unknownBurdens : unknownBenefits }

    /// Whether the known part is a single value.
    public var isExact: Bool { minimum == maximum }

    /// Whether nothing was added.
    public var isZero: Bool { minimum == .zero && maximum == .zero && unknownCount == 0 }

    /// Adds one amount; unchanged when it throws.
    public mutating func add(_ amount: Amount) throws(MoneyOverflow) {
        try add(AmountTotal(amount))
    }

    /// Adds another total; unchanged when it throws.
    public mutating func add(_ other: AmountTotal) throws(MoneyOverflow) {
        let newMinimum = try minimum.adding(other.minimum), newMaximum = try maximum.adding(other.maximum)
        minimum = newMinimum
        maximum = newMaximum
        // Counts of unknown amounts, bounded by the effects in memory: far from `Int.max`.
        unknownBurdens = unknownBurdens &+ other.unknownBurdens
        unknownBenefits = unknownBenefits &+ other.unknownBenefits
    }

    /// The difference `self − other`, with bounds widened correctly. Unknown amounts keep their direction: an unknown
    /// revenue subtracted from lasten is still an unknown voordeel of the net burden.
    public func subtracting(_ other: AmountTotal) throws(MoneyOverflow) -> AmountTotal {
        AmountTotal(
            minimum: try minimum.subtracting(other.maximum), maximum: try maximum.subtracting(other.minimum),
            unknownBurdens: unknownBurdens &+ other.unknownBurdens, unknownBenefits: unknownBenefits &+ other.unknownBenefits)
    }
}
