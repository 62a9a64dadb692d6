import Foundation

/// Loads a scenario file and checks it against a rule base.
public struct ScenarioLoader: Sendable {
    public var limits: LoadLimits

    public init(limits: LoadLimits = .standard) { self.limits = limits }

    /// Loads `path`; throws ``LoadError`` when the file is unusable or refers to things that do not exist.
    public func load(path: String, ruleBase: RuleBase) throws(LoadError) -> Loaded<Scenario> {
        let sink = DiagnosticSink()
        guard let data = YAMLDocument.readBytes(path: path, limits: limits, sink: sink) else {
            throw LoadError(diagnostics: sink.diagnostics)
        }
        return try load(data: data, path: path, ruleBase: ruleBase)
    }

    /// Loads scenario bytes.
    public func load(data: Data, path: String, ruleBase: RuleBase) throws(LoadError) -> Loaded<Scenario> {
        let sink = DiagnosticSink()
        let scenario = YAMLDocument.parse(data: data, path: path, limits: limits, sink: sink)
            .flatMap { read($0.root, path: path, ruleBase: ruleBase, sink: sink) }
        if sink.hasErrors || scenario == nil { throw LoadError(diagnostics: sink.diagnostics) }
        return Loaded(value: scenario!, warnings: sink.diagnostics.sorted())
    }

    private func read(_ root: YAMLNode, path: String, ruleBase: RuleBase, sink: DiagnosticSink) -> Scenario? {
        let context = ReadContext(path: path, sink: sink)
        guard let reader = MappingReader<ScenarioKey>(root, what: "een scenariobestand", context: context) else { return nil }
        reader.allowOnly(in: "een scenario")
        // The rule base it names is found before loading (`DeclaredRuleBase`); here only its form is checked.
        _ = reader.string(.regelbasis, required: false)
        let title = reader.string(.titel)
        var referenceDate: Day?
        if let text = reader.string(.peildatum) {
            referenceDate = PeriodParser(coalitionStart: ruleBase.info.coalitionStart).parseDay(text)
            if referenceDate == nil {
                sink.error(
                    .valueDate, reader.valueLocation(.peildatum),
                    "'peildatum' moet een datum zijn zoals 2026-06-15, 15-06-2026 of 15 juni 2026, met een jaar in \(ReadContext.supportedYearsText) (gevonden: \(InputText.quoted(text)))"
                )
            }
        }
        var choices: [DecisionRef: Located<String>] = [:]
        var terms: [DecisionRef: ChoiceTerms] = [:]
        if let keuzes = reader.entries(.keuzes, required: false) {
            let decisions = ruleBase.allDecisions.map(\.ref.description)
            for pair in keuzes {
                let keyLocation = context.location(of: pair.keyNode)
                guard let ref = DecisionRef(parsing: pair.key) else {
                    sink.error(
                        .valueReferenceForm, keyLocation,
                        "\(InputText.quoted(pair.key)) moet de vorm fiche.beslissing hebben (bijv. 2F.exploitatie)")
                    continue
                }
                guard let decision = ruleBase.decision(ref) else {
                    sink.error(
                        .refUnknownDecision, keyLocation,
                        "onbekende beslissing \(InputText.quoted(pair.key))" + unknownDecisionHint(ref, all: decisions, in: ruleBase))
                    continue
                }
                guard let choice = ChoiceReader(context: context, decision: decision, ref: ref).read(pair.value) else { continue }
                if let option = choice.option { choices[ref] = option }
                terms[ref] = choice.terms
            }
        }
        var assumptions: [String: Located<Bool>] = [:]
        if let aannames = reader.entries(.aannames, required: false) {
            let known = ruleBase.assumptions.map(\.id)
            for pair in aannames {
                guard known.contains(pair.key) else {
                    sink.error(
                        .refUnknownAssumption, context.location(of: pair.keyNode),
                        "onbekende aanname \(InputText.quoted(pair.key))\(Suggestion.hint(for: pair.key, in: known))")
                    continue
                }
                if let value = context.bool(pair.value, what: "aanname \(InputText.quoted(pair.key))") {
                    assumptions[pair.key] = Located(value, at: context.location(of: pair.value))
                }
            }
        }
        var frame: BudgetFrame?
        if let kader = reader.mapping(.kader, of: FrameKey.self, required: false) {
            kader.allowOnly(in: "'kader'")
            let effects = EffectReader(context: context, fiche: nil, defaultProgramme: nil)
            func money(_ key: FrameKey) -> Money? {
                let name = InputText.quoted(key.rawValue)
                guard let node = kader.node(key), let amount = effects.amount(node, what: name) else { return nil }
                guard case .exact(let value) = amount else {
                    sink.error(.valueAmount, context.location(of: node), "\(name) moet een exact bedrag zijn")
                    return nil
                }
                return value
            }
            frame = BudgetFrame(
                maxStructuralBurden: money(.maxStructureelNadeel), maxBurdenPerYear: money(.maxNadeelPerJaar),
                maxStructuralBurdenLocation: kader.node(.maxStructureelNadeel).map(context.location(of:)),
                maxBurdenPerYearLocation: kader.node(.maxNadeelPerJaar).map(context.location(of:)))
        }
        var risk = ScenarioRisk()
        if let risico = reader.mapping(.risico, of: RiskKey.self, required: false) {
            risico.allowOnly(in: "'risico'")
            let known = ruleBase.assumptions.map(\.id)
            func knownAssumption(_ id: String, at location: SourceLocation) -> Bool {
                guard known.contains(id) else {
                    sink.error(
                        .refUnknownAssumption, location, "onbekende aanname \(InputText.quoted(id))\(Suggestion.hint(for: id, in: known))")
                    return false
                }
                return true
            }
            risk.fixed = risico.list(.vast) { node in
                let location = context.location(of: node)
                guard let id = context.text(node, what: "een element van 'vast'"), knownAssumption(id, at: location) else { return nil }
                return Located(id, at: location)
            }
            for pair in risico.entries(.kansen, required: false) ?? [] {
                guard knownAssumption(pair.key, at: context.location(of: pair.keyNode)) else { continue }
                let location = context.location(of: pair.value)
                guard let text = context.text(pair.value, what: "kans van \(InputText.quoted(pair.key))") else { continue }
                guard let share = MoneyParser.parseShare(text) else {
                    sink.error(.valuePercentage, location, "de kans van \(InputText.quoted(pair.key)) moet een percentage zijn zoals 30%")
                    continue
                }
                risk.probabilities[pair.key] = Located(share, at: location)
            }
        }
        let expectations = reader.mapping(.verwachtingen, of: ExpectationsKey.self, required: false).map {
            ExpectationsReader(context: context, ruleBase: ruleBase).read($0)
        }
        guard let title, let referenceDate else { return nil }
        var scenario = Scenario(
            title: title, description: reader.string(.omschrijving, required: false), referenceDate: referenceDate,
            choices: choices, assumptions: assumptions, frame: frame, expectations: expectations, file: path,
            terms: terms)
        scenario.risk = risk
        return scenario
    }

    /// A close decision anywhere, or else the decisions of the fiche named, when it exists and has few.
    private func unknownDecisionHint(_ ref: DecisionRef, all: [String], in ruleBase: RuleBase) -> String {
        let close = Suggestion.hint(for: ref.description, in: all)
        guard close.isEmpty, let fiche = ruleBase.fiche(ref.fiche) else { return close }
        return Suggestion.hintOrList(for: ref.description, in: fiche.decisions.map { "\(fiche.code).\($0.id)" })
    }
}
