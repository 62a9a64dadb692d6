/// The budget totals of a compiled evaluation, read from a flat vector of cents and counts.
///
/// Every option and rule has its effects pre-aggregated into one such vector; a scenario's totals are the sum of the
/// vectors of its chosen options and fired rules. Each total is kept as four slots, lower bound, upper bound and the
/// counts of unknown amounts per direction (nadeel, voordeel), so ranges and unknowns stay apart exactly as in
/// ``AmountTotal``. Capital charges of investments are effects with amounts per year, so they need no slots of their
/// own; new kinds of totals become new slots in ``Layout``.
public struct CompiledTotals: Sendable, Hashable {
    /// Where each total lives in the vector.
    public struct Layout: Sendable, Hashable {
        /// The totals per year, each four slots (minimum, maximum, unknown nadeel, unknown voordeel).
        public enum YearTotal: Int, Sendable, CaseIterable {
            case lasten
            case baten
            case structural
            case incidental
            /// The structural burden split at zero (``BudgetSummary/YearTotals/structuralBurdens``).
            case structuralBurdens
            case structuralMeans
        }

        public let years: ClosedRange<Int>
        static let slotsPerTotal = 4
        static let totalsPerYear = YearTotal.allCases.count

        /// The number of slots.
        public var width: Int { years.count * Self.totalsPerYear * Self.slotsPerTotal + Self.slotsPerTotal + 3 }

        /// The first slot of a year's total.
        public func slot(_ total: YearTotal, year: Int) -> Int {
            ((year - years.lowerBound) * Self.totalsPerYear + total.rawValue) * Self.slotsPerTotal
        }

        /// The first slot of the structural run-rate after the period.
        public var runRateSlot: Int { years.count * Self.totalsPerYear * Self.slotsPerTotal }

        /// The slots counting effects with an unknown amount: nadeel, voordeel, then either (each effect once).
        public var unknownEffectsSlot: Int { runRateSlot + Self.slotsPerTotal }
        public var unknownEffectCountSlot: Int { unknownEffectsSlot + 2 }

        /// The vector of a list of effects, aggregated as ``BudgetSummary`` does.
        func vector(of effects: [BudgetEffect]) throws(MoneyOverflow) -> [Int64] {
            var vector = [Int64](repeating: 0, count: width)
            func add(_ total: AmountTotal, at slot: Int) throws(MoneyOverflow) {
                vector[slot] = try Money(cents: vector[slot]).adding(total.minimum).cents
                vector[slot + 1] = try Money(cents: vector[slot + 1]).adding(total.maximum).cents
                vector[slot + 2] += Int64(total.unknownBurdens)
                vector[slot + 3] += Int64(total.unknownBenefits)
            }
            for effect in effects {
                for year in years {
                    guard let amount = effect.amount(in: year) else { continue }
                    let burden = effect.side == .lasten ? amount : try amount.negated()
                    try add(AmountTotal(amount), at: slot(effect.side == .lasten ? .lasten : .baten, year: year))
                    switch effect.nature {
                    case .structureel:
                        try add(AmountTotal(burden), at: slot(.structural, year: year))
                        let (positive, negative) = BudgetSummary.YearTotals.split(burden)
                        try add(positive, at: slot(.structuralBurdens, year: year))
                        try add(negative, at: slot(.structuralMeans, year: year))
                    case .incidenteel:
                        try add(AmountTotal(burden), at: slot(.incidental, year: year))
                    }
                }
                if effect.nature == .structureel {
                    if case .from = effect.timing, let amount = effect.amount(in: years.upperBound) {
                        try add(AmountTotal(effect.side == .lasten ? amount : try amount.negated()), at: runRateSlot)
                    } else if effect.investment != nil, let amount = effect.amount(in: years.upperBound + 1) {
                        try add(AmountTotal(effect.side == .lasten ? amount : try amount.negated()), at: runRateSlot)
                    }
                }
                let amounts: [Amount] =
                    switch effect.timing {
                    case .perYear(let amounts): Array(amounts.values)
                    default: [effect.amount]
                    }
                var directions: Set<BudgetDirection> = []
                for case .unknown(let direction) in amounts { directions.insert(direction) }
                if directions.contains(.nadeel) { vector[unknownEffectsSlot] += 1 }
                if directions.contains(.voordeel) { vector[unknownEffectsSlot + 1] += 1 }
                if !directions.isEmpty { vector[unknownEffectCountSlot] += 1 }
            }
            return vector
        }
    }

    public let layout: Layout
    public let vector: [Int64]

    func total(at slot: Int) -> AmountTotal {
        AmountTotal(
            minimum: Money(cents: vector[slot]), maximum: Money(cents: vector[slot + 1]), unknownBurdens: Int(vector[slot + 2]),
            unknownBenefits: Int(vector[slot + 3]))
    }

    /// A year's total.
    public func total(_ total: Layout.YearTotal, year: Int) -> AmountTotal { self.total(at: layout.slot(total, year: year)) }

    /// The net burden of a year (lasten − baten).
    public func burden(year: Int) throws(MoneyOverflow) -> AmountTotal {
        try total(.lasten, year: year).subtracting(total(.baten, year: year))
    }

    /// The structural net burden per year after the period.
    public var structuralRunRate: AmountTotal { total(at: layout.runRateSlot) }

    /// How many applied effects have an unknown amount, per direction (as ``BudgetSummary/unknownEffects``).
    public var unknownEffects: [BudgetDirection: Int] {
        var counts: [BudgetDirection: Int] = [:]
        if vector[layout.unknownEffectsSlot] > 0 { counts[.nadeel] = Int(vector[layout.unknownEffectsSlot]) }
        if vector[layout.unknownEffectsSlot + 1] > 0 { counts[.voordeel] = Int(vector[layout.unknownEffectsSlot + 1]) }
        return counts
    }

    /// How many applied effects have an unknown amount, in either direction.
    public var unknownEffectCount: Int { Int(vector[layout.unknownEffectCountSlot]) }

    /// The net burden over all years of the period.
    public func periodBurden() throws(MoneyOverflow) -> AmountTotal {
        var sum = AmountTotal.zero
        for year in layout.years { try sum.add(try burden(year: year)) }
        return sum
    }
}
