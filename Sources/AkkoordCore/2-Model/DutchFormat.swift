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

    /// An amount: exact, `€ 10,5 mln – € 11,6 mln`, or `onbekend`.
    public static func amount(_ amount: Amount) -> String {
        switch amount {
        case .exact(let value): euro(value)
        case .range(let min, let max): "\(euro(min)) – \(euro(max))"
        case .unknown: "onbekend"
        }
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

    /// A total: `€ 1.000`, `€ 1.000 – € 2.000`, with `+ 2 onbekend` when unknown amounts were part of it;
    /// `onbekend` when only unknown amounts were; `–` when nothing applies.
    public static func total(_ total: AmountTotal, compact useCompact: Bool = false) -> String {
        let format = useCompact ? compact : euro
        if total.minimum == .zero, total.maximum == .zero {
            return total.unknownCount == 0 ? "–" : "onbekend (\(total.unknownCount))"
        }
        let known = total.isExact ? format(total.minimum) : "\(format(total.minimum)) – \(format(total.maximum))"
        return total.unknownCount == 0 ? known : "\(known) + \(total.unknownCount) onbekend"
    }

    /// A change of a total bound by bound: `+€ 315.540`, `ondergrens -€ 525.000, bovengrens -€ 475.000`, with
    /// `+ 1 onbekend` / `− 1 onbekend` for unknown amounts that come in or drop out; `–` when nothing changes.
    public static func change(lower: Money, upper: Money, unknown: Int, compact useCompact: Bool = false) -> String {
        let format = useCompact ? compact : euro
        func signed(_ money: Money) -> String { money.cents > 0 ? "+" + format(money) : format(money) }
        let unknownPart = unknown > 0 ? "+ \(unknown) onbekend" : "− \(unknown.magnitude) onbekend"
        if lower == .zero, upper == .zero { return unknown == 0 ? "–" : unknownPart }
        let known = lower == upper ? signed(lower) : "ondergrens \(signed(lower)), bovengrens \(signed(upper))"
        return unknown == 0 ? known : "\(known) \(unknownPart)"
    }

    /// `1 juni 2026`.
    public static func date(_ day: Day) -> String { "\(day.day) \(monthNames[day.month - 1]) \(day.year)" }

    /// `Q2 2026`.
    public static func quarter(_ day: Day) -> String { "Q\(day.quarter) \(day.year)" }
}
