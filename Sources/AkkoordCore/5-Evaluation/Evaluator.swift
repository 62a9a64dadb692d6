/// Evaluates a scenario against a rule base. Pure and deterministic: rules never change a choice, so the
/// order of files, fiches and rules does not affect the outcome.
public struct Evaluator: Sendable {
    public init() {}

    /// Throws only when money does not fit in `Int64` cents, which the loader's ceilings rule out (``MoneyLimits``).
    public func evaluate(_ scenario: Scenario, in ruleBase: RuleBase) throws(MoneyOverflow) -> Evaluation {
        let choices = resolveChoices(scenario, ruleBase)
        let chosen = Dictionary(uniqueKeysWithValues: choices.map { ($0.ref, $0) })
        let assumptions = ruleBase.assumptions.map { assumption in
            let explicit = scenario.assumptions[assumption.id]
            return ResolvedAssumption(
                assumption: assumption, value: explicit?.value ?? assumption.defaultValue,
                isDefault: explicit == nil)
        }
        let values = Dictionary(uniqueKeysWithValues: assumptions.map { ($0.assumption.id, $0.value) })
        let state = ConditionState(chosen: chosen, assumptions: values)

        var messages: [EvaluationMessage] = []
        var effects: [AppliedEffect] = []

        for choice in choices {
            let origin = Origin.option(choice.optionRef)
            effects += choice.chosen.effects.map { AppliedEffect(effect: $0, origin: origin, fiche: choice.ref.fiche) }
            messages += constraintMessages(
                requires: choice.chosen.requires, excludes: choice.chosen.excludes,
                subject: "Optie \(choice.optionRef) (\(choice.chosen.title))",
                origin: origin, location: choice.chosen.location, state: state, ruleBase: ruleBase)
        }

        let fired = ruleBase.rules.filter { state.holds($0.condition) }
        for rule in fired {
            let origin = Origin.rule(rule.id)
            let fiche = rule.fiche ?? rule.condition.decisionRefs.first?.fiche ?? ""
            effects += rule.effects.map { AppliedEffect(effect: $0, origin: origin, fiche: fiche) }
            if let message = rule.message {
                messages.append(
                    EvaluationMessage(
                        level: message.level, kind: .regel, text: message.text, origin: origin,
                        location: rule.location))
            }
            messages += constraintMessages(
                requires: rule.requires, excludes: rule.excludes, subject: "Regel '\(rule.title)'",
                origin: origin, location: rule.location, state: state, ruleBase: ruleBase)
        }

        let budget = try BudgetSummary(effects: effects, ruleBase: ruleBase)
        messages += frameMessages(scenario.frame, budget: budget)
        if budget.unknownEffectCount > 0 {
            let directions = BudgetDirection.allCases.compactMap { direction in
                budget.unknownEffects[direction].map { "\($0) \(direction.rawValue)" }
            }
            messages.append(
                EvaluationMessage(
                    level: .info, kind: .onbekendBedrag,
                    text:
                        "\(budget.unknownEffectCount) effect(en) hebben een onbekend bedrag (\(directions.joined(separator: ", "))); "
                        + "die tellen niet als € 0 maar zijn apart vermeld.",
                    origin: .scenario, location: nil))
        }
        for year in budget.years where year.structuralCostsCoveredIncidentally {
            messages.append(
                EvaluationMessage(
                    level: .waarschuwing, kind: .structureelEvenwicht,
                    text:
                        "In \(year.year) staat een structureel nadeel (\(DutchFormat.burdenTotal(year.structural))) tegenover een "
                        + "incidenteel voordeel (\(DutchFormat.burdenTotal(year.incidental))): structurele lasten vragen structurele "
                        + "dekking (BBV: structureel en reëel evenwicht); incidentele middelen dekken ze maar één keer.",
                    origin: .frame, location: nil))
        }
        let steering = SteeringAnalysis(scenario: scenario, ruleBase: ruleBase, choices: choices, assumptions: assumptions)
        messages += steering.messages()

        return Evaluation(
            ruleBase: ruleBase, scenario: scenario, choices: choices, assumptions: assumptions,
            firedRules: fired, messages: messages.sorted(), effects: effects, budget: budget,
            timeline: steering.timeline())
    }

    /// In fiche order, as ``RuleBase/allDecisions`` (walked directly: that list copies every fiche).
    private func resolveChoices(_ scenario: Scenario, _ ruleBase: RuleBase) -> [ResolvedChoice] {
        ruleBase.fiches.flatMap { fiche in fiche.decisions.compactMap { decision in resolve(scenario, fiche, decision) } }
    }

    private func resolve(_ scenario: Scenario, _ fiche: Fiche, _ decision: Decision) -> ResolvedChoice? {
        let ref = DecisionRef(fiche: fiche.code, decision: decision.id)
        guard let current = decision.currentLine else { return nil }
        let explicit = scenario.choices[ref].flatMap { decision.option($0.value) }
        var steering = decision.steeringMoment ?? fiche.steeringMoment
        if let moment = steering?.moment { steering?.moment = moment.resolved(referenceDate: scenario.referenceDate) }
        if let latest = steering?.latest?.moment { steering?.latest?.moment = latest.resolved(referenceDate: scenario.referenceDate) }
        return ResolvedChoice(
            ref: ref, ficheTitle: fiche.title, decision: decision, chosen: explicit ?? current,
            currentLine: current, isExplicit: explicit != nil, steeringMoment: steering)
    }

    private func constraintMessages(
        requires: [OptionRef], excludes: [OptionRef], subject: String, origin: Origin,
        location: SourceLocation, state: ConditionState, ruleBase: RuleBase
    ) -> [EvaluationMessage] {
        var messages: [EvaluationMessage] = []
        for required in requires where !state.isChosen(required) {
            let actual = state.chosen[required.decision].map { "\($0.chosen.id)" } ?? "niets"
            let title = ruleBase.option(required)?.title ?? required.option
            messages.append(
                EvaluationMessage(
                    level: .fout, kind: .vereist,
                    text: "\(subject) vereist \(required) (\(title)), maar gekozen is \(required.decision).\(actual).",
                    origin: origin, location: location))
        }
        for excluded in excludes where state.isChosen(excluded) {
            let title = ruleBase.option(excluded)?.title ?? excluded.option
            messages.append(
                EvaluationMessage(
                    level: .fout, kind: .sluitUit,
                    text: "\(subject) sluit \(excluded) (\(title)) uit, maar die is gekozen.",
                    origin: origin, location: location))
        }
        return messages
    }

    private func frameMessages(_ frame: BudgetFrame?, budget: BudgetSummary) -> [EvaluationMessage] {
        guard let frame else { return [] }
        var messages: [EvaluationMessage] = []
        func check(_ total: AmountTotal, limit: Money, what: String) {
            let formatted = DutchFormat.euro(limit)
            if total.minimum > limit {
                messages.append(
                    EvaluationMessage(
                        level: .fout, kind: .kader,
                        text: "\(what) (\(DutchFormat.burdenTotal(total))) overschrijdt het kader van \(formatted).",
                        origin: .frame, location: nil))
            } else if total.maximum > limit {
                messages.append(
                    EvaluationMessage(
                        level: .waarschuwing, kind: .kader,
                        text:
                            "\(what) (\(DutchFormat.burdenTotal(total))) kan het kader van \(formatted) overschrijden (bovenkant bandbreedte).",
                        origin: .frame, location: nil))
            } else if total.unknownBurdens > 0 {
                messages.append(
                    EvaluationMessage(
                        level: .waarschuwing, kind: .kader,
                        text:
                            "\(what) blijft binnen het kader van \(formatted), maar \(total.unknownBurdens) bedrag(en) met een "
                            + "onbekend nadeel kunnen het overschrijden.",
                        origin: .frame, location: nil))
            }
        }
        if let limit = frame.maxStructuralBurden {
            check(budget.structuralRunRate, limit: limit, what: "Het structurele nadeel na de periode")
        }
        if let limit = frame.maxBurdenPerYear {
            for year in budget.years { check(year.burden, limit: limit, what: "Het nadeel in \(year.year)") }
        }
        return messages
    }
}

/// Evaluates conditions against resolved choices and assumption values.
struct ConditionState {
    let chosen: [DecisionRef: ResolvedChoice]
    let assumptions: [String: Bool]

    func isChosen(_ ref: OptionRef) -> Bool { chosen[ref.decision]?.chosen.id == ref.option }

    func holds(_ condition: Condition) -> Bool {
        switch condition {
        case .chosen(let ref): isChosen(ref)
        case .deviates(let ref): chosen[ref]?.isDeviation ?? false
        case .assumption(let id, let value): assumptions[id] == value
        case .all(let parts): parts.allSatisfy(holds)
        case .any(let parts): parts.contains(where: holds)
        case .not(let inner): !holds(inner)
        }
    }
}
