/// What an effect amounts to and when, as a report shows it: one amount in listed years, one amount every year from a
/// year on, or an amount per year; on the costs or the revenues side.
public struct EffectAmount: Sendable, Hashable {
    public enum Timing: Sendable, Hashable {
        /// The same amount in each listed year.
        case years(Amount, [Int])
        /// The amount every year from this year on.
        case from(Amount, Int)
        /// A different amount per year.
        case perYear([Int: Amount])
    }

    public var side: BudgetSide
    public var timing: Timing

    public init(side: BudgetSide, timing: Timing) {
        self.side = side
        self.timing = timing
    }

    /// The amount and timing of an effect.
    public init(_ effect: BudgetEffect) {
        side = effect.side
        timing =
            switch effect.timing {
            case .years(let years): .years(effect.amount, years)
            case .from(let year): .from(effect.amount, year)
            case .perYear(let amounts): .perYear(amounts)
            }
    }
}
