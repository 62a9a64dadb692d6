/// An exact amount of money in euro cents. Never a floating-point number.
///
/// Arithmetic is checked: there are no `+`, `-` or `*` operators that could trap on overflow, only operations that
/// throw ``MoneyOverflow``. The loader keeps every amount and every rule base within ``MoneyLimits``, which makes
/// overflow impossible for loaded input; the checks are the backstop for anything else.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount in euro cents.
    public var cents: Int64

    /// Creates an amount from euro cents.
    public init(cents: Int64) { self.cents = cents }

    /// Creates an amount from whole euros. An `Int32` times 100 always fits in `Int64` cents.
    public init(euros: Int32) { self.cents = Int64(euros) * 100 }

    /// Zero euro.
    public static let zero = Money(cents: 0)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    /// `self + other`, or ``MoneyOverflow`` when the sum does not fit.
    public func adding(_ other: Money) throws(MoneyOverflow) -> Money {
        let (sum, overflow) = cents.addingReportingOverflow(other.cents)
        if overflow { throw MoneyOverflow(operation: "optellen", lhs: self, rhs: other) }
        return Money(cents: sum)
    }

    /// `self − other`, or ``MoneyOverflow`` when the difference does not fit.
    public func subtracting(_ other: Money) throws(MoneyOverflow) -> Money {
        let (difference, overflow) = cents.subtractingReportingOverflow(other.cents)
        if overflow { throw MoneyOverflow(operation: "aftrekken", lhs: self, rhs: other) }
        return Money(cents: difference)
    }

    /// `−self`, or ``MoneyOverflow`` for the one value without a positive counterpart.
    public func negated() throws(MoneyOverflow) -> Money {
        let (negative, overflow) = Int64(0).subtractingReportingOverflow(cents)
        if overflow { throw MoneyOverflow(operation: "omkeren", lhs: self, rhs: nil) }
        return Money(cents: negative)
    }

    /// Applies a share, rounding half away from zero to whole cents; ``MoneyOverflow`` when the product does not fit.
    public func applying(_ share: Share) throws(MoneyOverflow) -> Money {
        let (product, overflow) = cents.multipliedReportingOverflow(by: Int64(share.basisPoints))
        if overflow { throw MoneyOverflow(operation: "een aandeel nemen van", lhs: self, rhs: nil) }
        let (quotient, remainder) = product.quotientAndRemainder(dividingBy: 10_000)
        var rounded = quotient
        // |remainder| < 10 000, so neither the doubling nor the step of one cent can overflow.
        if remainder.magnitude * 2 >= 10_000 { rounded += product < 0 ? -1 : 1 }
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

/// Money arithmetic that does not fit in `Int64` cents. Loaded input cannot cause it (see ``MoneyLimits``); when
/// hand-built values do, the operation stops with this error instead of trapping.
public struct MoneyOverflow: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was being done, in Dutch (`optellen`, `aftrekken`, ...).
    public var operation: String
    public var lhs: Money
    public var rhs: Money?

    public var description: String {
        let operands = rhs.map { "\(lhs) en \($0)" } ?? "\(lhs)"
        return "bedrag te groot om exact in centen te rekenen (\(operation) van \(operands) euro valt buiten het bereik); "
            + "bedragen in de regelbasis horen binnen € 100 miljard per bedrag en € 1 biljard samen te blijven"
    }
}

/// Ceilings the loader enforces so that no sum, difference or share of loaded amounts can overflow `Int64` cents.
///
/// Proof sketch. Every amount (`bedrag`, `totaal`, `min`, `max`, a `per_jaar` value, a `kader` value) has a magnitude
/// of at most ``maxAmount`` = 10^13 cents, and a share is at most 100% (10 000 basis points), so a share's product is
/// at most 10^17 cents before rounding. The loader also adds up, over the whole rule base, the magnitude of every
/// effect in every period year it touches and refuses the rule base when that exceeds ``maxRuleBaseSum`` = 10^17
/// cents (`S`). Every total the engine computes (a year, a programme, an opgave, the period, the run-rate, lasten and
/// baten) is a sum over a subset of those (effect, year) terms, so its magnitude is at most `S`; a net burden
/// (lasten − baten over disjoint terms) too; every difference between two scenarios is a subset sum minus another
/// subset sum, at most `2S` = 2·10^17. `Int64.max` is about 9.2·10^18, 46 times more.
public enum MoneyLimits {
    /// The largest magnitude of one amount: € 100 miljard.
    public static let maxAmount = Money(cents: 10_000_000_000_000)
    /// The largest sum of the magnitudes of all effects over all period years of a rule base: € 1 biljard.
    public static let maxRuleBaseSum = Money(cents: 100_000_000_000_000_000)
}
