/// Whether the structural budget is in balance after the period (BBV "structureel en reëel evenwicht"), judged on the
/// structural net burden per year after the period.
public enum StructuralBalance: String, Sendable, Hashable, Codable {
    /// No structural nadeel: the upper bound is at most zero and no unknown nadeel is part of it.
    case inEvenwicht = "in_evenwicht"
    /// A certain structural nadeel: the lower bound is above zero.
    case nietInEvenwicht = "niet_in_evenwicht"
    /// Neither: a range across zero or an unknown nadeel.
    case onzeker

    public init(_ runRate: AmountTotal) {
        if runRate.minimum.cents > 0 {
            self = .nietInEvenwicht
        } else if runRate.maximum.cents <= 0 && runRate.unknownBurdens == 0 {
            self = .inEvenwicht
        } else {
            self = .onzeker
        }
    }
}

/// Budget totals of a scenario: per year, per programme and opgave, incidental vs structural, run-rate.
/// Every total keeps exact values, ranges (min–max) and unknown amounts apart.
public struct BudgetSummary: Sendable, Hashable {
    /// One year's totals.
    public struct YearTotals: Sendable, Hashable {
        public var year: Int
        public var lasten: AmountTotal
        public var baten: AmountTotal
        public var structural: AmountTotal
        public var incidental: AmountTotal
        /// Net burden: lasten − baten (positive = nadeel).
        public var burden: AmountTotal
        /// The structural net burden split at zero (BBV "structureel en reëel evenwicht"): the structural burdens
        /// (positive parts: extra structural lasten, lost structural baten, unknown nadeel) and the structural means
        /// (negative parts: structural savings and revenues, unknown voordeel). A range that straddles zero is split
        /// at zero, so `structuralBurdens + structuralMeans == structural` bound by bound.
        public var structuralBurdens: AmountTotal
        public var structuralMeans: AmountTotal

        /// Whether structural costs lean on incidental money this year: a certain structural nadeel (its lower
        /// bound above zero) next to an incidental voordeel (its upper bound below zero).
        public var structuralCostsCoveredIncidentally: Bool { structural.minimum.cents > 0 && incidental.maximum.cents < 0 }

        /// A year's totals; the net burden is computed with checked arithmetic.
        public init(
            year: Int, lasten: AmountTotal, baten: AmountTotal, structural: AmountTotal,
            incidental: AmountTotal, structuralBurdens: AmountTotal = .zero, structuralMeans: AmountTotal = .zero
        ) throws(MoneyOverflow) {
            self.year = year
            self.lasten = lasten
            self.baten = baten
            self.structural = structural
            self.incidental = incidental
            self.burden = try lasten.subtracting(baten)
            self.structuralBurdens = structuralBurdens
            self.structuralMeans = structuralMeans
        }

        /// Splits a burden-oriented amount at zero into its positive (burden) and negative (means) parts.
        static func split(_ amount: Amount) -> (burden: AmountTotal, means: AmountTotal) {
            func part(_ low: Money, _ high: Money) -> AmountTotal {
                AmountTotal(minimum: low, maximum: high, unknownBurdens: 0, unknownBenefits: 0)
            }
            let zero = Money.zero
            switch amount {
            case .exact(let value):
                return value.cents >= 0 ? (part(value, value), .zero) : (.zero, part(value, value))
            case .range(let low, let high):
                return (
                    part(low.cents > 0 ? low : zero, high.cents > 0 ? high : zero),
                    part(low.cents < 0 ? low : zero, high.cents < 0 ? high : zero)
                )
            case .unknown(.nadeel): return (AmountTotal(amount), .zero)
            case .unknown(.voordeel): return (.zero, AmountTotal(amount))
            }
        }
    }

    public var years: [YearTotals]
    /// Net burden per programme id per year.
    public var byProgramme: [String: [Int: AmountTotal]]
    /// Net burden per opgave id per year (an effect counts under each opgave of its fiche).
    public var byOpgave: [String: [Int: AmountTotal]]
    /// Net structural burden per year after the period (effects `vanaf` a year in the period).
    public var structuralRunRate: AmountTotal
    /// How many applied effects have an unknown amount, per direction (an effect with unknown amounts of both
    /// directions in `per_jaar` counts under each).
    public var unknownEffects: [BudgetDirection: Int]
    /// How many applied effects have an unknown amount, in either direction (each effect once).
    public var unknownEffectCount: Int
    /// The sum over all years of the period.
    public var periodBurden: AmountTotal
    /// The structural balance after the period, from ``structuralRunRate``.
    public var structuralBalance: StructuralBalance { StructuralBalance(structuralRunRate) }

    /// Aggregates effects over `period`; throws only when a total does not fit (impossible for a loaded rule base).
    public init(effects: [AppliedEffect], ruleBase: RuleBase) throws(MoneyOverflow) {
        let period = ruleBase.info.years
        var years: [YearTotals] = []
        var byProgramme: [String: [Int: AmountTotal]] = [:]
        var byOpgave: [String: [Int: AmountTotal]] = [:]
        for year in period {
            var lasten = AmountTotal.zero, baten = AmountTotal.zero
            var structural = AmountTotal.zero, incidental = AmountTotal.zero
            var structuralBurdens = AmountTotal.zero, structuralMeans = AmountTotal.zero
            for applied in effects {
                guard let amount = applied.effect.amount(in: year) else { continue }
                let burden = applied.effect.side == .lasten ? amount : try amount.negated()
                switch applied.effect.side {
                case .lasten: try lasten.add(amount)
                case .baten: try baten.add(amount)
                }
                switch applied.effect.nature {
                case .structureel:
                    try structural.add(burden)
                    let (positive, negative) = YearTotals.split(burden)
                    try structuralBurdens.add(positive)
                    try structuralMeans.add(negative)
                case .incidenteel: try incidental.add(burden)
                }
                try byProgramme[applied.effect.programme, default: [:]][year, default: .zero].add(burden)
                for opgave in ruleBase.fiche(applied.fiche)?.opgaven ?? [] {
                    try byOpgave[opgave, default: [:]][year, default: .zero].add(burden)
                }
            }
            years.append(
                try YearTotals(
                    year: year, lasten: lasten, baten: baten, structural: structural,
                    incidental: incidental, structuralBurdens: structuralBurdens, structuralMeans: structuralMeans))
        }
        var runRate = AmountTotal.zero
        for applied in effects where applied.effect.nature == .structureel {
            if case .from = applied.effect.timing, let amount = applied.effect.amount(in: period.upperBound) {
                try runRate.add(applied.effect.side == .lasten ? amount : try amount.negated())
            } else if applied.effect.investment != nil, let amount = applied.effect.amount(in: period.upperBound + 1) {
                // Capital charges that continue after the period count with their charge in the first year after it.
                try runRate.add(applied.effect.side == .lasten ? amount : try amount.negated())
            }
        }
        var periodBurden = AmountTotal.zero
        for totals in years { try periodBurden.add(totals.burden) }
        self.periodBurden = periodBurden
        self.years = years
        self.byProgramme = byProgramme
        self.byOpgave = byOpgave
        self.structuralRunRate = runRate
        var unknownEffects: [BudgetDirection: Int] = [:]
        var unknownEffectCount = 0
        for applied in effects {
            let amounts: [Amount] =
                switch applied.effect.timing {
                case .perYear(let amounts): Array(amounts.values)
                default: [applied.effect.amount]
                }
            var directions: Set<BudgetDirection> = []
            for case .unknown(let direction) in amounts { directions.insert(direction) }
            for direction in directions { unknownEffects[direction, default: 0] += 1 }
            if !directions.isEmpty { unknownEffectCount += 1 }
        }
        self.unknownEffects = unknownEffects
        self.unknownEffectCount = unknownEffectCount
    }
}
