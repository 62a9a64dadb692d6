/// Dutch formatting of money, totals and dates: `€ 1.234.567`, `€ 1,3 mln`, `1 juni 2026`.
public enum DutchFormat {
    static let monthNames = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december",
    ]

    /// `€ 1.234.567` or `€ 1.234,56`; negative as `-€ 1.234`.
    public static func euro(_ money: Money) -> String {
        let sign = money.cents < 0 ? "-" : ""
        let magnitude = money.cents.magnitude
        let euros = grouped(magnitude / 100)
        let cents = magnitude % 100
        return cents == 0 ? "\(sign)€ \(euros)" : "\(sign)€ \(euros),\(cents < 10 ? "0" : "")\(cents)"
    }

    /// A plain number with Dutch grouping and decimal comma, without the euro sign (for CSV and tables).
    public static func number(_ money: Money) -> String {
        let sign = money.cents < 0 ? "-" : ""
        let magnitude = money.cents.magnitude
        let cents = magnitude % 100
        return "\(sign)\(grouped(magnitude / 100)),\(cents < 10 ? "0" : "")\(cents)"
    }

    /// `€ 1,3 mln` for amounts of a million or more (rounded half up to one decimal), otherwise `euro`.
    public static func compact(_ money: Money) -> String {
        let magnitude = money.cents.magnitude
        guard magnitude >= 100_000_000 else { return euro(money) }
        let tenths = (magnitude + 5_000_000) / 10_000_000
        let sign = money.cents < 0 ? "-" : ""
        let whole = tenths / 10, fraction = tenths % 10
        return fraction == 0 ? "\(sign)€ \(grouped(whole)) mln" : "\(sign)€ \(grouped(whole)),\(fraction) mln"
    }

    static func grouped(_ value: UInt64) -> String {
        let digits = String(value)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(".") }
            result.append(character)
        }
        return result
    }

    /// An amount: exact, `€ 10,5 mln – € 11,6 mln`, or `onbekend nadeel` / `onbekend voordeel`.
    public static func amount(_ amount: Amount) -> String {
        switch amount {
        case .exact(let value): euro(value)
        case .range(let min, let max): "\(euro(min)) – \(euro(max))"
        case .unknown(let direction): "onbekend \(direction.rawValue)"
        }
    }

    /// The unknown amounts of a total by direction: `2 onbekend nadeel, 1 onbekend voordeel` (a direction without
    /// unknown amounts is left out; empty when there are none). Negative counts (a change) are written with `−`.
    public static func unknowns(burdens: Int, benefits: Int, signed: Bool = false) -> String {
        func part(_ count: Int, _ direction: BudgetDirection) -> String? {
            guard count != 0 else { return nil }
            let sign = signed ? (count > 0 ? "+ " : "− ") : ""
            return "\(sign)\(count.magnitude) onbekend \(direction.rawValue)"
        }
        return [part(burdens, .nadeel), part(benefits, .voordeel)].compactMap { $0 }.joined(separator: ", ")
    }

    /// A share: `50%`, `12,05%`.
    public static func share(_ share: Share) -> String {
        let whole = share.basisPoints / 100, fraction = share.basisPoints % 100
        return fraction == 0 ? "\(whole)%" : "\(whole),\(fraction < 10 ? "0" : "")\(fraction)%"
    }

    /// An effect's amount and when it lands: `€ 1.000 in 2026, 2027`, `baten € 5.000 per jaar vanaf 2027`,
    /// `2026: € 1.000; 2027: € 2.000`.
    public static func effectAmount(_ value: EffectAmount) -> String {
        let prefix = value.side == .baten ? "baten " : ""
        switch value.timing {
        case .years(let amount, let years): return "\(prefix)\(self.amount(amount)) in \(years.map(String.init).joined(separator: ", "))"
        case .from(let amount, let year): return "\(prefix)\(self.amount(amount)) per jaar vanaf \(year)"
        case .perYear(let amounts):
            return prefix + amounts.sorted { $0.key < $1.key }.map { "\($0.key): \(self.amount($0.value))" }.joined(separator: "; ")
        }
    }

    /// A total: `€ 1.000`, `€ 1.000 – € 2.000`, with `+ 2 onbekend nadeel, 1 onbekend voordeel` when unknown amounts
    /// were part of it; only `2 onbekend nadeel` when only unknown amounts were; `–` when nothing applies.
    public static func total(_ total: AmountTotal, compact useCompact: Bool = false) -> String {
        let format = useCompact ? compact : euro
        let unknown = unknowns(burdens: total.unknownBurdens, benefits: total.unknownBenefits)
        if total.minimum == .zero, total.maximum == .zero {
            return total.unknownCount == 0 ? "–" : unknown
        }
        let known = total.isExact ? format(total.minimum) : "\(format(total.minimum)) – \(format(total.maximum))"
        return total.unknownCount == 0 ? known : "\(known) + \(unknown)"
    }

    /// A change of the net burden, bound by bound, in words without double signs: `€ 315.540 nadeel`,
    /// `€ 475.000 – € 525.000 voordeel` (both bounds move the same way), `van € 10.000 voordeel tot € 20.000 nadeel`
    /// (the bounds move opposite ways), with `+ 1 onbekend nadeel` / `− 1 onbekend voordeel` for unknown amounts that
    /// come in or drop out; `–` when nothing changes.
    public static func change(
        lower: Money, upper: Money, unknownBurdens: Int, unknownBenefits: Int, compact useCompact: Bool = false
    ) -> String {
        let unknownPart = unknowns(burdens: unknownBurdens, benefits: unknownBenefits, signed: true)
        if lower == .zero, upper == .zero { return unknownPart.isEmpty ? "–" : unknownPart }
        let known = burden(min: lower, max: upper, compact: useCompact)
        return unknownPart.isEmpty ? known : "\(known) \(unknownPart)"
    }

    /// A net burden between two bounds (in either order) in words: `€ 1.000 nadeel`, `€ 301.960 – € 366.960 voordeel`,
    /// `van € 10.000 voordeel tot € 20.000 nadeel`, `€ 0`. With `plainNadeel` (in a column that says it holds the
    /// nadeel) a positive amount goes without the word: `€ 1.000 – € 2.000`.
    public static func burden(min first: Money, max second: Money, compact useCompact: Bool = false, plainNadeel: Bool = false) -> String {
        let format = useCompact ? compact : euro
        let low = first.cents <= second.cents ? first : second, high = first.cents <= second.cents ? second : first
        func magnitude(_ money: Money) -> String { format(Money(cents: Int64(clamping: money.cents.magnitude))) }
        let nadeel = plainNadeel ? "" : " nadeel"
        if low.cents >= 0 {
            return low == high ? magnitude(low) + (low.cents > 0 ? nadeel : "") : "\(magnitude(low)) – \(magnitude(high))\(nadeel)"
        }
        if high.cents <= 0 { return low == high ? "\(magnitude(low)) voordeel" : "\(magnitude(high)) – \(magnitude(low)) voordeel" }
        return "van \(magnitude(low)) voordeel tot \(magnitude(high)) nadeel"
    }

    /// A net-burden total (positive is a nadeel) for a place that says so: `€ 1.000 – € 2.000`,
    /// `€ 301.960 – € 366.960 voordeel`, `van € 10.000 voordeel tot € 20.000 nadeel`, with the unknown amounts as in
    /// ``total(_:compact:)``.
    public static func burdenTotal(_ total: AmountTotal, compact useCompact: Bool = false, plainNadeel: Bool = true) -> String {
        let unknown = unknowns(burdens: total.unknownBurdens, benefits: total.unknownBenefits)
        if total.minimum == .zero, total.maximum == .zero { return total.unknownCount == 0 ? "–" : unknown }
        let known = burden(min: total.minimum, max: total.maximum, compact: useCompact, plainNadeel: plainNadeel)
        return total.unknownCount == 0 ? known : "\(known) + \(unknown)"
    }

    /// `1 juni 2026`.
    public static func date(_ day: Day) -> String { "\(day.day) \(monthNames[day.month - 1]) \(day.year)" }

    /// `Q2 2026`.
    public static func quarter(_ day: Day) -> String { "Q\(day.quarter) \(day.year)" }
}
