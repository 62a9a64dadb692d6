/// What a scenario changes, measured against its baseline: the current line under the scenario's own assumptions and
/// reference date, so that a difference is always caused by choices and never by assumptions. For each deviating
/// decision its marginal effect (the scenario minus the scenario with only that decision back on its current line),
/// the interaction (the part of the whole change the marginals do not explain), the messages the scenario adds or
/// removes, the assumptions that differ from their defaults, and each deviation's deadline.
///
/// Costs one evaluation for the baseline; the marginals of two or more deviations come from the compiled rule base
/// (``CompiledRuleBase``: the same totals as ``Evaluator``, microseconds per evaluation), a single deviation's from the
/// baseline. A deviation without any budget effect costs two more compiled evaluations per assumption that could unblock
/// it.
public struct ScenarioImpact: Sendable {
    /// The current line under the scenario's assumptions and reference date.
    public var baseline: Evaluation
    public var decisions: [DecisionImpact]
    /// The whole change: scenario minus baseline.
    public var total: BudgetChange
    /// `total` minus the sum of the marginals: what the decisions do only together (zero when they add up).
    public var interaction: BudgetChange
    /// Messages the scenario has and its baseline does not, and the other way round.
    public var addedMessages: [EvaluationMessage]
    public var removedMessages: [EvaluationMessage]
    /// The assumptions whose value differs from their default.
    public var changedAssumptions: [ResolvedAssumption]

    /// One deviating decision.
    public struct DecisionImpact: Sendable {
        public var choice: ResolvedChoice
        /// Scenario minus the scenario with only this decision on its current line.
        public var marginal: BudgetChange
        public var deadline: Deadline
        /// When the marginal is zero: the assumptions whose other value would give this choice a budget effect.
        public var blockers: [Blocker]
    }

    /// The last day to decide, counted from the reference date.
    public struct Deadline: Sendable {
        /// The steering moment as the rule base words it, resolved against the reference date.
        public var moment: Moment
        /// The last day of the moment, if it is known.
        public var lastDay: Day?
        /// Days from the reference date to the last day (negative when it has passed).
        public var daysLeft: Int?
        public var isPast: Bool { (daysLeft ?? 0) < 0 }
        /// Decisions this one requires whose logical moment comes later (see ``SteeringAnalysis``).
        public var laterRequirements: [DecisionRef]
        /// The last practical moment (`uiterlijk`) after the logical one, when the rule base names one.
        public var latest: LatestMoment?
        /// Days from the reference date to the last day of ``latest`` (negative when that has passed too).
        public var daysLeftUntilLatest: Int? { latest?.moment.period.map { $0.end.days(since: referenceDate) } }
        /// The scenario's reference date, for counting days.
        public var referenceDate: Day
    }

    /// An assumption that keeps a choice's budget effect away.
    public struct Blocker: Sendable {
        public var assumption: ResolvedAssumption
        /// Rules with budget effects that would fire with the other value.
        public var rules: [Rule]
        /// The choice's marginal effect with the other value.
        public var changeWithOtherValue: BudgetChange
    }

    /// Throws only when money does not fit in cents, which the loader's ceilings rule out (``MoneyLimits``).
    /// `known` is an earlier evaluation of the baseline (a server keeps it between clicks); it is used only when its
    /// scenario is exactly ``baselineScenario(of:)`` (the caller vouches for the rule base). `compiled` is the evaluation's
    /// rule base compiled (a server keeps it); without it the rule base is compiled here when two or more decisions
    /// deviate.
    public init(_ evaluation: Evaluation, baseline known: Evaluation? = nil, compiled: CompiledRuleBase? = nil) throws(MoneyOverflow) {
        let evaluator = Evaluator()
        let scenario = evaluation.scenario, ruleBase = evaluation.ruleBase
        let baselineScenario = Self.baselineScenario(of: scenario)
        if let known, known.scenario == baselineScenario {
            baseline = known
        } else {
            baseline = try evaluator.evaluate(baselineScenario, in: ruleBase)
        }
        total = try BudgetChange(evaluation.budget, minus: baseline.budget)

        let byRef = Dictionary(uniqueKeysWithValues: evaluation.choices.map { ($0.ref, $0) })
        let fired = Set(evaluation.firedRules.map(\.id))
        let steering = SteeringAnalysis(
            scenario: scenario, ruleBase: ruleBase, choices: evaluation.choices, assumptions: evaluation.assumptions)
        var decisions: [DecisionImpact] = []
        var explained = BudgetChange.zero(years: Array(ruleBase.info.years))
        let marginals: [BudgetChange]
        var rules = compiled
        if rules == nil, !evaluation.deviations.isEmpty { rules = try CompiledRuleBase(ruleBase) }
        if evaluation.deviations.count >= 2, let rules {
            marginals = try Self.marginals(of: evaluation.deviations.map(\.ref), in: scenario, compiled: rules)
        } else {
            var single: [BudgetChange] = []
            for choice in evaluation.deviations {
                single.append(
                    try Self.marginal(
                        of: choice.ref, in: scenario, budget: evaluation.budget, ruleBase: ruleBase, baseline: (baselineScenario, baseline))
                )
            }
            marginals = single
        }
        for (choice, marginal) in zip(evaluation.deviations, marginals) {
            explained = try explained.adding(marginal)
            let period = choice.steeringMoment?.moment.period
            let deadline = Deadline(
                moment: choice.steeringMoment?.moment ?? .unknown, lastDay: period?.end,
                daysLeft: period.map { $0.end.days(since: scenario.referenceDate) },
                laterRequirements: steering.orderConflicts(of: choice, among: byRef).map(\.other.ref),
                latest: choice.steeringMoment?.latest, referenceDate: scenario.referenceDate)
            var blockers: [Blocker] = []
            if marginal.isZero, let rules {
                blockers = try Self.blockers(of: choice, in: evaluation, chosen: byRef, fired: fired, compiled: rules)
            }
            decisions.append(DecisionImpact(choice: choice, marginal: marginal, deadline: deadline, blockers: blockers))
        }
        self.decisions = decisions
        interaction = try total.subtracting(explained)

        let mine = Set(evaluation.messages), theirs = Set(baseline.messages)
        addedMessages = evaluation.messages.filter { !theirs.contains($0) }
        removedMessages = baseline.messages.filter { !mine.contains($0) }
        changedAssumptions = evaluation.assumptions.filter { $0.value != $0.assumption.defaultValue }
    }

    /// The scenario whose evaluation is the baseline: the same without choices.
    public static func baselineScenario(of scenario: Scenario) -> Scenario {
        var baseline = scenario
        baseline.choices = [:]
        return baseline
    }

    /// The scenario's budget minus the budget with `decision` back on its current line.
    /// When the reverted scenario is the baseline's (the only deviation reverted), the baseline's evaluation is used:
    /// the evaluator is deterministic, so it is the same evaluation.
    private static func marginal(
        of decision: DecisionRef, in scenario: Scenario, budget: BudgetSummary, ruleBase: RuleBase,
        baseline: (scenario: Scenario, evaluation: Evaluation)? = nil
    ) throws(MoneyOverflow) -> BudgetChange {
        var reverted = scenario
        reverted.choices[decision] = nil
        if let baseline, reverted == baseline.scenario { return try BudgetChange(budget, minus: baseline.evaluation.budget) }
        return try BudgetChange(budget, minus: try Evaluator().evaluate(reverted, in: ruleBase).budget)
    }

    /// The marginal of each decision in `decisions`, with one compiled evaluation each: the scenario's totals minus the
    /// totals with only that decision back on its current line.
    private static func marginals(of decisions: [DecisionRef], in scenario: Scenario, compiled: CompiledRuleBase) throws(MoneyOverflow)
        -> [BudgetChange]
    {
        let index = Dictionary(compiled.decisions.enumerated().map { ($1.ref, $0) }, uniquingKeysWith: { first, _ in first })
        let (choices, assumptions) = compiled.vectors(for: scenario)
        var outcome = compiled.makeOutcome()
        try compiled.evaluate(choices: choices, assumptions: assumptions, into: &outcome)
        let whole = outcome.summary(compiled.layout)
        var marginals: [BudgetChange] = []
        marginals.reserveCapacity(decisions.count)
        for decision in decisions {
            var reverted = choices
            if let position = index[decision] { reverted[position] = compiled.decisions[position].currentLine }
            try compiled.evaluate(choices: reverted, assumptions: assumptions, into: &outcome)
            marginals.append(try BudgetChange(compiled: whole, minus: outcome.summary(compiled.layout)))
        }
        return marginals
    }

    /// The assumptions that block a budget effect of `choice`: a rule with effects that names the decision does not
    /// fire, would fire with that one assumption flipped, and the flipped scenario gives the choice a marginal effect.
    /// `chosen` and `fired` are the evaluation's choices by decision and fired rule ids (made once for all deviations).
    private static func blockers(
        of choice: ResolvedChoice, in evaluation: Evaluation, chosen: [DecisionRef: ResolvedChoice], fired: Set<String>,
        compiled: CompiledRuleBase
    ) throws(MoneyOverflow) -> [Blocker] {
        let ruleBase = evaluation.ruleBase
        let values = Dictionary(uniqueKeysWithValues: evaluation.assumptions.map { ($0.assumption.id, $0.value) })
        var candidates: [String: [Rule]] = [:]
        for rule in ruleBase.rules
        where !rule.effects.isEmpty && !fired.contains(rule.id) && rule.condition.decisionRefs.contains(choice.ref) {
            for id in Set(rule.condition.assumptionIDs) {
                var flipped = values
                flipped[id] = !(values[id] ?? false)
                if ConditionState(chosen: chosen, assumptions: flipped).holds(rule.condition) { candidates[id, default: []].append(rule) }
            }
        }
        var blockers: [Blocker] = []
        for resolved in evaluation.assumptions {
            guard let rules = candidates[resolved.assumption.id] else { continue }
            var flipped = evaluation.scenario
            flipped.assumptions[resolved.assumption.id] = Located(!resolved.value, at: resolved.assumption.location)
            let change = try marginals(of: [choice.ref], in: flipped, compiled: compiled)[0]
            if !change.isZero { blockers.append(Blocker(assumption: resolved, rules: rules, changeWithOtherValue: change)) }
        }
        return blockers
    }
}
