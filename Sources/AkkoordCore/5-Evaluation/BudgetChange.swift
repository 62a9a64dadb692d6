/// How one evaluation's net burden differs from another's: per year of the period, over the whole period and
/// structurally after it, each as a ``BudgetDelta`` (bound by bound, so changes add up exactly).
public struct BudgetChange: Sendable, Hashable {
    /// The change per year, in the order of the period.
    public var perYear: [Year]
    /// The change of the burden over the whole period.
    public var period: BudgetDelta
    /// The change of the structural burden per year after the period.
    public var structural: BudgetDelta

    public struct Year: Sendable, Hashable {
        public var year: Int
        public var delta: BudgetDelta
    }

    public init(perYear: [Year], period: BudgetDelta, structural: BudgetDelta) {
        self.perYear = perYear
        self.period = period
        self.structural = structural
    }

    /// `budget − reference`; both summaries cover the same period (the same rule base).
    public init(_ budget: BudgetSummary, minus reference: BudgetSummary) throws(MoneyOverflow) {
        var years: [Year] = []
        for (mine, theirs) in zip(budget.years, reference.years) {
            years.append(Year(year: mine.year, delta: try BudgetDelta(mine.burden, minus: theirs.burden)))
        }
        self.init(
            perYear: years, period: try BudgetDelta(budget.periodBurden, minus: reference.periodBurden),
            structural: try BudgetDelta(budget.structuralRunRate, minus: reference.structuralRunRate))
    }

    /// `budget − reference` from compiled totals (``CompiledTotals`` carries the same burdens as ``BudgetSummary``;
    /// CompiledEvaluatorTests), both of the same compiled rule base.
    public init(compiled budget: CompiledTotals, minus reference: CompiledTotals) throws(MoneyOverflow) {
        var years: [Year] = []
        for year in budget.layout.years {
            years.append(Year(year: year, delta: try BudgetDelta(try budget.burden(year: year), minus: try reference.burden(year: year))))
        }
        self.init(
            perYear: years, period: try BudgetDelta(try budget.periodBurden(), minus: try reference.periodBurden()),
            structural: try BudgetDelta(budget.structuralRunRate, minus: reference.structuralRunRate))
    }

    /// No change in any year, over the period or after it.
    public var isZero: Bool { period.isZero && structural.isZero && perYear.allSatisfy(\.delta.isZero) }

    /// A change of zero over the given years.
    public static func zero(years: [Int]) -> BudgetChange {
        BudgetChange(perYear: years.map { Year(year: $0, delta: .zero) }, period: .zero, structural: .zero)
    }

    public func adding(_ other: BudgetChange) throws(MoneyOverflow) -> BudgetChange {
        try combined(other) { a, b throws(MoneyOverflow) in try a.adding(b) }
    }

    public func subtracting(_ other: BudgetChange) throws(MoneyOverflow) -> BudgetChange {
        try combined(other) { a, b throws(MoneyOverflow) in try a.subtracting(b) }
    }

    private func combined(
        _ other: BudgetChange, _ operation: (BudgetDelta, BudgetDelta) throws(MoneyOverflow) -> BudgetDelta
    ) throws(MoneyOverflow) -> BudgetChange {
        var years: [Year] = []
        for (mine, theirs) in zip(perYear, other.perYear) {
            years.append(Year(year: mine.year, delta: try operation(mine.delta, theirs.delta)))
        }
        return BudgetChange(
            perYear: years, period: try operation(period, other.period), structural: try operation(structural, other.structural))
    }
}
