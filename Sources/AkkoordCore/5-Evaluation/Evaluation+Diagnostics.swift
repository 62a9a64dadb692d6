extension Evaluation {
    /// The scenario's errors and warnings as diagnostics, for `check`: the same findings the report shows.
    ///
    /// A conflict between chosen options is placed at the scenario's choice, with a note at the fiche line that
    /// states the condition; other findings stay at the fiche or rule they come from (the scenario file when they
    /// have no place of their own).
    public var diagnostics: [Diagnostic] {
        messages.compactMap { message -> Diagnostic? in
            let severity: Severity
            switch message.level {
            case .fout: severity = .error
            case .waarschuwing: severity = .warning
            case .info: return nil
            }
            let id: DiagnosticID
            switch message.kind {
            case .regel: id = .scenarioRule
            case .vereist: id = .scenarioRequires
            case .sluitUit: id = .scenarioExcludes
            case .momentVerstreken: id = .scenarioMomentPassed
            case .momentOnbekend: id = .scenarioMomentUnknown
            case .afhankelijkheidLater: id = .scenarioDependencyLater
            case .verloopt: id = .scenarioLapses
            case .kader: id = .scenarioFrame
            case .onbekendBedrag: id = .scenarioUnknownAmount
            case .structureelEvenwicht: id = .scenarioStructuralBalance
            }
            let text = "scenario \(scenario.file): \(message.text)"
            let fallback = SourceLocation(file: scenario.file, line: 1, column: 1)
            if message.kind == .vereist || message.kind == .sluitUit, case .option(let ref) = message.origin,
                let choice = scenario.choices[ref.decision]
            {
                let notes = message.location.map { [Diagnostic.Note($0, "de voorwaarde staat hier")] } ?? []
                return Diagnostic(id, severity, choice.location, text, notes: notes)
            }
            return Diagnostic(id, severity, message.location ?? fallback, text)
        }
    }
}
