/// An amount as the dossier knows it: exact, a range, or explicitly unknown. Unknown is never zero.
public enum Amount: Sendable, Hashable {
    /// A precise amount.
    case exact(Money)
    /// An approximate amount between two bounds (inclusive).
    case range(min: Money, max: Money)
    /// An amount nobody knows.
    case unknown

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

    /// The amount with its sign flipped (a range keeps min ≤ max).
    public func negated() throws(MoneyOverflow) -> Amount {
        switch self {
        case .exact(let value): .exact(try value.negated())
        case .range(let min, let max): .range(min: try max.negated(), max: try min.negated())
        case .unknown: .unknown
        }
    }

    /// Applies a share to every bound.
    public func applying(_ share: Share) throws(MoneyOverflow) -> Amount {
        switch self {
        case .exact(let value): .exact(try value.applying(share))
        case .range(let min, let max): .range(min: try min.applying(share), max: try max.applying(share))
        case .unknown: .unknown
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

/// A sum of amounts that keeps exact parts, ranges and unknowns apart.
public struct AmountTotal: Sendable, Hashable, Codable {
    /// Sum of lower bounds of the known amounts.
    public var minimum: Money
    /// Sum of upper bounds of the known amounts.
    public var maximum: Money
    /// How many unknown amounts were part of this total.
    public var unknownCount: Int

    /// An empty total.
    public static let zero = AmountTotal(minimum: .zero, maximum: .zero, unknownCount: 0)

    /// Creates a total.
    public init(minimum: Money, maximum: Money, unknownCount: Int) {
        self.minimum = minimum
        self.maximum = maximum
        self.unknownCount = unknownCount
    }

    /// The total of one amount (adding to zero cannot overflow).
    public init(_ amount: Amount) {
        switch amount {
        case .exact(let value): self.init(minimum: value, maximum: value, unknownCount: 0)
        case .range(let min, let max): self.init(minimum: min, maximum: max, unknownCount: 0)
        case .unknown: self.init(minimum: .zero, maximum: .zero, unknownCount: 1)
        }
    }

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
        // A count of unknown amounts, bounded by the effects in memory: far from `Int.max`.
        unknownCount = unknownCount &+ other.unknownCount
    }

    /// The difference `self − other`, with bounds widened correctly.
    public func subtracting(_ other: AmountTotal) throws(MoneyOverflow) -> AmountTotal {
        AmountTotal(
            minimum: try minimum.subtracting(other.maximum), maximum: try maximum.subtracting(other.minimum),
            unknownCount: unknownCount &+ other.unknownCount)
    }
}
