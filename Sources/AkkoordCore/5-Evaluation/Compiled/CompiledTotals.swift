/// The budget totals of a compiled evaluation, read from a flat vector of cents and counts.
///
/// Every option and rule has its effects pre-aggregated into one such vector; a scenario's totals are the sum of the
/// vectors of its chosen options and fired rules. Each total is kept as three slots, lower bound, upper bound and
/// count of unknown amounts, so ranges and unknowns stay apart exactly as in ``AmountTotal``. New kinds of totals
/// (for example unknown amounts per direction, or capital charges per year) become new slots in ``Layout``.
public struct CompiledTotals: Sendable, Hashable {
    /// Where each total lives in the vector.
    public struct Layout: Sendable, Hashable {
        /// The totals per year, each three slots (minimum, maximum, unknown count).
        public enum YearTotal: Int, Sendable, CaseIterable {
            case lasten
            case baten
            case structural
            case incidental
        }

        public let years: ClosedRange<Int>
        static let slotsPerTotal = 3
        static let totalsPerYear = YearTotal.allCases.count

        /// The number of slots.
        public var width: Int { years.count * Self.totalsPerYear * Self.slotsPerTotal + Self.slotsPerTotal + 1 }

        /// The first slot of a year's total.
        public func slot(_ total: YearTotal, year: Int) -> Int {
            ((year - years.lowerBound) * Self.totalsPerYear + total.rawValue) * Self.slotsPerTotal
        }

        /// The first slot of the structural run-rate after the period.
        public var runRateSlot: Int { years.count * Self.totalsPerYear * Self.slotsPerTotal }

        /// The slot counting effects with an unknown amount.
        public var unknownEffectsSlot: Int { runRateSlot + Self.slotsPerTotal }

        /// The vector of a list of effects, aggregated as ``BudgetSummary`` does.
        func vector(of effects: [BudgetEffect]) throws(MoneyOverflow) -> [Int64] {
            var vector = [Int64](repeating: 0, count: width)
            func add(_ amount: Amount, at slot: Int) throws(MoneyOverflow) {
                let total = AmountTotal(amount)
                vector[slot] = try Money(cents: vector[slot]).adding(total.minimum).cents
                vector[slot + 1] = try Money(cents: vector[slot + 1]).adding(total.maximum).cents
                vector[slot + 2] += Int64(total.unknownCount)
            }
            for effect in effects {
                for year in years {
                    guard let amount = effect.amount(in: year) else { continue }
                    let burden = effect.side == .lasten ? amount : try amount.negated()
                    try add(amount, at: slot(effect.side == .lasten ? .lasten : .baten, year: year))
                    try add(burden, at: slot(effect.nature == .structureel ? .structural : .incidental, year: year))
                }
                if effect.nature == .structureel, case .from = effect.timing, let amount = effect.amount(in: years.upperBound) {
                    try add(effect.side == .lasten ? amount : try amount.negated(), at: runRateSlot)
                }
                let unknown: Bool =
                    switch effect.timing {
                    case .perYear(let amounts): amounts.values.contains(.unknown)
                    default: effect.amount == .unknown
                    }
                if unknown { vector[unknownEffectsSlot] += 1 }
            }
            return vector
        }
    }

    public let layout: Layout
    public let vector: [Int64]

    func total(at slot: Int) -> AmountTotal {
        AmountTotal(
            minimum: Money(cents: vector[slot]), maximum: Money(cents: vector[slot + 1]), unknownCount: Int(vector[slot + 2]))
    }

    /// A year's total.
    public func total(_ total: Layout.YearTotal, year: Int) -> AmountTotal { self.total(at: layout.slot(total, year: year)) }

    /// The net burden of a year (lasten − baten).
    public func burden(year: Int) throws(MoneyOverflow) -> AmountTotal {
        try total(.lasten, year: year).subtracting(total(.baten, year: year))
    }

    /// The structural net burden per year after the period.
    public var structuralRunRate: AmountTotal { total(at: layout.runRateSlot) }

    /// How many applied effects have an unknown amount.
    public var unknownEffects: Int { Int(vector[layout.unknownEffectsSlot]) }

    /// The net burden over all years of the period.
    public func periodBurden() throws(MoneyOverflow) -> AmountTotal {
        var sum = AmountTotal.zero
        for year in layout.years { try sum.add(try burden(year: year)) }
        return sum
    }
}
