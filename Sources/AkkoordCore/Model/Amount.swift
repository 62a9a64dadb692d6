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
    public var negated: Amount {
        switch self {
        case .exact(let value): .exact(-value)
        case .range(let min, let max): .range(min: -max, max: -min)
        case .unknown: .unknown
        }
    }

    /// Applies a share to every bound.
    public func applying(_ share: Share) -> Amount {
        switch self {
        case .exact(let value): .exact(value.applying(share))
        case .range(let min, let max): .range(min: min.applying(share), max: max.applying(share))
        case .unknown: .unknown
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

    /// Whether the known part is a single value.
    public var isExact: Bool { minimum == maximum }

    /// Whether nothing was added.
    public var isZero: Bool { minimum == .zero && maximum == .zero && unknownCount == 0 }

    /// Adds one amount.
    public mutating func add(_ amount: Amount) {
        switch amount {
        case .exact(let value):
            minimum += value
            maximum += value
        case .range(let min, let max):
            minimum += min
            maximum += max
        case .unknown:
            unknownCount += 1
        }
    }

    /// Adds another total.
    public mutating func add(_ other: AmountTotal) {
        minimum += other.minimum
        maximum += other.maximum
        unknownCount += other.unknownCount
    }

    /// The difference `self − other`, with bounds widened correctly.
    public func subtracting(_ other: AmountTotal) -> AmountTotal {
        AmountTotal(minimum: minimum - other.maximum, maximum: maximum - other.minimum,
                    unknownCount: unknownCount + other.unknownCount)
    }
}
