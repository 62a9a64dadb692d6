/// An exact amount of money in euro cents. Never a floating-point number.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount in euro cents.
    public var cents: Int64

    /// Creates an amount from euro cents.
    public init(cents: Int64) { self.cents = cents }

    /// Creates an amount from whole euros.
    public init(euros: Int64) { self.cents = euros * 100 }

    /// Zero euro.
    public static let zero = Money(cents: 0)

    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static prefix func - (value: Money) -> Money { Money(cents: -value.cents) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.cents += rhs.cents }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    /// Applies a share, rounding half away from zero to whole cents.
    public func applying(_ share: Share) -> Money {
        let product = cents * Int64(share.basisPoints)
        let (quotient, remainder) = product.quotientAndRemainder(dividingBy: 10_000)
        var rounded = quotient
        if abs(remainder) * 2 >= 10_000 { rounded += product < 0 ? -1 : 1 }
        return Money(cents: rounded)
    }

    public var description: String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let euros = magnitude / 100, rest = magnitude % 100
        return rest == 0 ? "\(sign)\(euros)" : "\(sign)\(euros).\(rest < 10 ? "0" : "")\(rest)"
    }

    public init(from decoder: any Decoder) throws {
        cents = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(cents)
    }
}

/// A share of a total, such as Enschede's half of a cost, in basis points (1% = 100).
public struct Share: Sendable, Hashable, Codable {
    /// The share in basis points: 10 000 is 100%.
    public var basisPoints: Int
    /// Creates a share from basis points.
    public init(basisPoints: Int) { self.basisPoints = basisPoints }
}
