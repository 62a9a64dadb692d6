/// What the simulation needs beside ``CompiledRuleBase``: the ranges, one variable per budget effect with a range.
///
/// The compiled rule base pre-aggregates every option's and rule's effects into sums of lower and upper bounds; a sum
/// of ranges cannot be drawn from (the sum of draws is not a draw of the summed range). This model keeps each ranged
/// effect apart as a width per target (each period year and the structural run-rate), on top of the lower bounds that
/// the compiled totals already hold. One draw of an effect is one uniform position in its range, used in every year
/// the effect touches (an effect that is high in one year is high in the others too).
public struct UncertaintyModel: Sendable {
    /// A budget effect whose amount is a range.
    public struct RangeVariable: Sendable, Hashable {
        public enum Owner: Sendable, Hashable {
            /// A global option index of the compiled rule base.
            case option(Int)
            /// A rule index.
            case rule(Int)
        }

        public var owner: Owner
        public var origin: Origin
        public var description: String
        public var location: SourceLocation
        /// Width of the net burden per period year (index `year - years.lowerBound`); 0 where it is exact or absent.
        public var yearWidths: [Int64]
        /// Width of the structural run-rate after the period.
        public var runRateWidth: Int64

        /// The width summed over the period.
        public var periodWidth: Int64 { yearWidths.reduce(0, &+) }
    }

    public let compiled: CompiledRuleBase
    public let years: ClosedRange<Int>
    public let variables: [RangeVariable]
    /// Per global option and per rule: the variables it brings.
    let optionVariables: [[Int]]
    let ruleVariables: [[Int]]
    /// The level of each rule's message, if it has one.
    public let ruleLevels: [MessageLevel?]
    public let ruleTitles: [String]
    public let assumptions: [Assumption]

    /// Builds the model; the loader's ceilings keep every width within `Int64` (``MoneyLimits``).
    public init(_ ruleBase: RuleBase, compiled: CompiledRuleBase) throws(MoneyOverflow) {
        self.compiled = compiled
        let years = ruleBase.info.years
        self.years = years
        var variables: [RangeVariable] = []
        func collect(_ effects: [BudgetEffect], owner: RangeVariable.Owner, origin: Origin) throws(MoneyOverflow) -> [Int] {
            var indices: [Int] = []
            for effect in effects {
                var widths = [Int64](repeating: 0, count: years.count)
                for year in years {
                    if case .range(let low, let high)? = effect.amount(in: year) {
                        widths[year - years.lowerBound] = try high.subtracting(low).cents
                    }
                }
                var runRate: Int64 = 0
                // The run-rate as ``BudgetSummary`` counts it: a structural effect `vanaf` a year, or an investment's
                // capital charges in the year after the period.
                if effect.nature == .structureel {
                    let after: Amount? =
                        if case .from = effect.timing { effect.amount(in: years.upperBound) } else if effect.investment != nil {
                            effect.amount(in: years.upperBound + 1)
                        } else { nil }
                    if case .range(let low, let high)? = after { runRate = try high.subtracting(low).cents }
                }
                guard runRate != 0 || widths.contains(where: { $0 != 0 }) else { continue }
                indices.append(variables.count)
                variables.append(
                    RangeVariable(
                        owner: owner, origin: origin, description: effect.description, location: effect.location,
                        yearWidths: widths, runRateWidth: runRate))
            }
            return indices
        }
        var optionVariables: [[Int]] = []
        for decision in compiled.decisions {
            guard let model = ruleBase.decision(decision.ref) else {
                optionVariables += decision.options.map { _ in [] }
                continue
            }
            for (local, id) in decision.options.enumerated() {
                let global = decision.firstOption + local
                let option = model.options.first { $0.id == id }
                optionVariables.append(
                    try collect(
                        option?.effects ?? [], owner: .option(global),
                        origin: .option(OptionRef(decision: decision.ref, option: id))))
            }
        }
        var ruleVariables: [[Int]] = []
        for (index, rule) in ruleBase.rules.enumerated() {
            ruleVariables.append(try collect(rule.effects, owner: .rule(index), origin: .rule(rule.id)))
        }
        self.variables = variables
        self.optionVariables = optionVariables
        self.ruleVariables = ruleVariables
        ruleLevels = ruleBase.rules.map { $0.message?.level }
        ruleTitles = ruleBase.rules.map(\.title)
        assumptions = ruleBase.assumptions
    }

    /// The variables that apply for a choice vector and the rules that fired.
    func appliedVariables(choices: [Int], fired: [Bool], into result: inout [Int]) {
        result.removeAll(keepingCapacity: true)
        for (index, decision) in compiled.decisions.enumerated() {
            result += optionVariables[decision.firstOption + choices[index]]
        }
        for (rule, hasFired) in fired.enumerated() where hasFired { result += ruleVariables[rule] }
    }
}
