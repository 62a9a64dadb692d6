import Foundation

/// How an investment is written off (BBV): the same depreciation every year plus interest on the remaining book value
/// (`lineair`), or one constant yearly amount of interest and repayment together (`annuitair`).
public enum DepreciationMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case lineair
    case annuitair
}

/// The rule base's interest rate for investments whose fiche states none (`rente_investeringen` in `dossier.yaml`),
/// with its source or the assumption it is.
public struct InterestRate: Sendable, Hashable {
    public var rate: Share
    public var provenance: Provenance

    public init(rate: Share, provenance: Provenance) {
        self.rate = rate
        self.provenance = provenance
    }
}

/// An investment (BBV): not a one-off cost in the year it is made, but yearly capital charges (depreciation plus
/// interest) from the year after, for `term` years. The charges are structural.
public struct Investment: Sendable, Hashable {
    /// Enschede's part of the investment.
    public var amount: Amount
    /// The year the investment is made; charges start the year after.
    public var year: Int
    /// Depreciation term in years.
    public var term: Int
    public var method: DepreciationMethod
    /// The interest rate: the fiche's own, or the rule base's (`isDefaultRate`).
    public var rate: Share
    public var isDefaultRate: Bool
    /// What is assumed about term, method or rate, when the dossier does not say it.
    public var assumption: String?

    public init(
        amount: Amount, year: Int, term: Int, method: DepreciationMethod, rate: Share, isDefaultRate: Bool, assumption: String?
    ) {
        self.amount = amount
        self.year = year
        self.term = term
        self.method = method
        self.rate = rate
        self.isDefaultRate = isDefaultRate
        self.assumption = assumption
    }

    /// The longest term accepted (years).
    public static let maxTerm = 100

    /// The capital charges per year, from `year + 1` for `term` years: exact per bound for an exact amount or a range,
    /// unknown (in the amount's direction) for an unknown amount.
    public func charges() throws(MoneyOverflow) -> [Int: Amount] {
        var result: [Int: Amount] = [:]
        switch amount {
        case .exact(let principal):
            for (index, charge) in try Self.charges(principal: principal, term: term, rate: rate, method: method).enumerated() {
                result[year + 1 + index] = .exact(charge)
            }
        case .range(let low, let high):
            let lows = try Self.charges(principal: low, term: term, rate: rate, method: method)
            let highs = try Self.charges(principal: high, term: term, rate: rate, method: method)
            for index in 0..<term {
                let a = lows[index], b = highs[index]
                result[year + 1 + index] = a == b ? .exact(a) : .range(min: Swift.min(a, b), max: Swift.max(a, b))
            }
        case .unknown(let direction):
            for index in 0..<term { result[year + 1 + index] = .unknown(direction) }
        }
        return result
    }

    /// The yearly charges of one principal, in cents, rounded half away from zero.
    ///
    /// Linear: depreciation `principal / term` each year (the last year takes the rounding remainder, so the
    /// depreciation adds up to the principal exactly), plus `rate` × the book value at the start of the year.
    /// Annuity: `principal × r / (1 − (1 + r)^−term)` every year, computed in decimal and rounded once; with a rate of
    /// zero the linear depreciation.
    public static func charges(principal: Money, term: Int, rate: Share, method: DepreciationMethod) throws(MoneyOverflow) -> [Money] {
        guard term > 0 else { return [] }
        let depreciation = rounded(Decimal(principal.cents) / Decimal(term))
        var charges: [Money] = []
        if method == .lineair || rate.basisPoints == 0 {
            var book = principal
            for index in 0..<term {
                let writeOff = index == term - 1 ? book : Money(cents: depreciation)
                let interest = try book.applying(rate)
                charges.append(try writeOff.adding(interest))
                book = try book.subtracting(writeOff)
            }
        } else {
            let r = Decimal(rate.basisPoints) / 10_000
            let growth = pow(1 + r, term)
            let annuity = rounded(Decimal(principal.cents) * r * growth / (growth - 1))
            charges = Array(repeating: Money(cents: annuity), count: term)
        }
        return charges
    }

    /// Rounds to whole cents, half away from zero.
    private static func rounded(_ value: Decimal) -> Int64 {
        var input = value, output = Decimal()
        NSDecimalRound(&output, &input, 0, .plain)
        return NSDecimalNumber(decimal: output).int64Value
    }
}
