import Foundation

/// The result of loading: the value plus the warnings found on the way.
public struct Loaded<Value: Sendable>: Sendable {
    public var value: Value
    public var warnings: [Diagnostic]

    public init(value: Value, warnings: [Diagnostic]) {
        self.value = value
        self.warnings = warnings
    }
}

/// Loads a rule-base folder: `dossier.yaml`, `fiches/*.yaml` and `regels/*.yaml`.
public struct RuleBaseLoader: Sendable {
    public var limits: LoadLimits

    public init(limits: LoadLimits = .standard) { self.limits = limits }

    /// Loads and validates the folder; throws ``LoadError`` with every diagnostic when it cannot be used.
    public func load(directory: String) throws(LoadError) -> Loaded<RuleBase> {
        let sink = DiagnosticSink()
        let layout = try RuleBaseLayout(directory: directory)
        let dossierPath = layout.dossier
        let paths = layout.ficheFiles + layout.ruleFiles
        let ruleBase = load(paths: paths, dossierPath: dossierPath, source: .disk, sink: sink)
        if sink.hasErrors || ruleBase == nil { throw LoadError(diagnostics: sink.diagnostics) }
        return Loaded(value: ruleBase!, warnings: sink.diagnostics.sorted())
    }

    /// Reads as much of the folder as it can, also when it has errors: the rule base from every file that could be
    /// read (`nil` when the folder or `dossier.yaml` cannot be), and every diagnostic. It is incomplete when there
    /// are errors: `check` uses it only to check scenarios as far as a broken rule base allows, never to evaluate.
    public func loadPartially(directory: String) -> (ruleBase: RuleBase?, diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        let layout: RuleBaseLayout
        do {
            layout = try RuleBaseLayout(directory: directory)
        } catch {
            return (nil, error.diagnostics)
        }
        let ruleBase = load(paths: layout.ficheFiles + layout.ruleFiles, dossierPath: layout.dossier, source: .disk, sink: sink)
        return (ruleBase, sink.diagnostics)
    }

    /// Loads from in-memory files (path → bytes). Used by tests, the fuzzer and the benchmark.
    public func load(files: [String: Data], dossierPath: String) throws(LoadError) -> Loaded<RuleBase> {
        let sink = DiagnosticSink()
        let paths = files.keys.filter { $0 != dossierPath }
        let ruleBase = load(paths: paths, dossierPath: dossierPath, source: .memory(files), sink: sink)
        if sink.hasErrors || ruleBase == nil { throw LoadError(diagnostics: sink.diagnostics) }
        return Loaded(value: ruleBase!, warnings: sink.diagnostics.sorted())
    }

    /// Where the bytes of a file come from.
    private enum FileSource: Sendable {
        /// Read from disk when needed (refusing files over the size limit before reading them).
        case disk
        /// Given in memory; a path without bytes is skipped (its reading error was reported already).
        case memory([String: Data])

        func bytes(_ path: String, limits: LoadLimits, sink: DiagnosticSink) -> Data? {
            switch self {
            case .disk: YAMLDocument.readBytes(path: path, limits: limits, sink: sink)
            case .memory(let files): files[path]
            }
        }
    }

    /// What one fiche or rule file contributed, with its own diagnostics.
    private struct FileResult: Sendable {
        var diagnostics: [Diagnostic] = []
        var failedDeclarations: Set<DiagnosticSink.Declaration> = []
        var fiche: Fiche?
        var assumptions: [Assumption] = []
        var rules: [Rule] = []
    }

    private func read(
        _ path: String, source: FileSource, isRuleFile: Bool, periods: PeriodParser, interest: InterestRate?
    ) -> FileResult {
        let sink = DiagnosticSink()
        var result = FileResult()
        if let data = source.bytes(path, limits: limits, sink: sink),
            let document = YAMLDocument.parse(data: data, path: path, limits: limits, sink: sink)
        {
            let context = ReadContext(path: path, sink: sink, defaultInterest: interest)
            if isRuleFile {
                if let reader = MappingReader<RuleFileKey>(document.root, what: "een regelbestand", context: context) {
                    reader.allowOnly(in: "een regelbestand")
                    let ruleReader = RuleReader(context: context, fiche: nil, defaultProgramme: nil)
                    result.rules = reader.list(.regels, required: true) { ruleReader.rule($0) }
                }
            } else if let read = FicheReader(context: context, periods: periods).read(document.root) {
                result.fiche = read.fiche
                result.assumptions = read.assumptions
                result.rules = read.rules
            }
        }
        result.diagnostics = sink.diagnostics
        result.failedDeclarations = sink.failedDeclarations
        return result
    }

    /// A buffer that concurrent iterations fill, each iteration only its own index, so no element is shared.
    private struct DisjointSlots<Element>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Element>
    }

    private func load(paths: [String], dossierPath: String, source: FileSource, sink: DiagnosticSink) -> RuleBase? {
        var info: DossierInfo?
        var assumptions: [Assumption] = []
        // A missing dossier on disk was reported by the caller; reading it would only repeat that.
        let dossierData: Data? =
            switch source {
            case .disk: FileManager.default.fileExists(atPath: dossierPath) ? source.bytes(dossierPath, limits: limits, sink: sink) : nil
            case .memory: source.bytes(dossierPath, limits: limits, sink: sink)
            }
        if let data = dossierData, let document = YAMLDocument.parse(data: data, path: dossierPath, limits: limits, sink: sink) {
            if let read = DossierReader(context: ReadContext(path: dossierPath, sink: sink)).read(document.root) {
                info = read.info
                assumptions += read.assumptions
            }
        }
        let periods = PeriodParser(
            coalitionStart: info?.coalitionStart ?? Day(year: 2026, month: 6, day: 1)!,
            namedPeriods: Dictionary(
                (info?.planning ?? []).compactMap { item in
                    item.moment.period.map { (item.id.lowercased(), $0) }
                }, uniquingKeysWith: { first, _ in first }))
        // Files are independent once the dossier is known: read, compose and interpret them on every core, each into
        // its own sink, then merge in path order so the result and the diagnostics do not depend on the scheduling.
        let base = String(dossierPath.dropLast("dossier.yaml".count))
        let paths = paths.sorted()
        let interest = info?.investmentInterest
        var results = [FileResult](repeating: FileResult(), count: paths.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = DisjointSlots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: paths.count) { index in
                slots.buffer[index] = read(
                    paths[index], source: source, isRuleFile: paths[index].hasPrefix(base + "regels/"),
                    periods: periods, interest: interest)
            }
        }
        var fiches: [Fiche] = []
        var rules: [Rule] = []
        for result in results {
            sink.append(contentsOf: result.diagnostics)
            sink.append(failedDeclarations: result.failedDeclarations)
            if let fiche = result.fiche { fiches.append(fiche) }
            assumptions += result.assumptions
            rules += result.rules
        }
        guard let info else { return nil }
        let ruleBase = RuleBase(info: info, fiches: fiches, assumptions: assumptions, rules: rules)
        ReferenceChecker(ruleBase: ruleBase, sink: sink).run()
        return ruleBase
    }
}

/// Reads `dossier.yaml`.
struct DossierReader {
    let context: ReadContext

    func read(_ root: YAMLNode) -> (info: DossierInfo, assumptions: [Assumption])? {
        guard let reader = MappingReader<DossierKey>(root, what: "dossier.yaml", context: context) else { return nil }
        reader.allowOnly(in: "dossier.yaml")
        let municipality = reader.string(.gemeente)
        let title = reader.string(.titel)
        let version = reader.string(.versie)
        var years: ClosedRange<Int>?
        if let periode = reader.mapping(.periode, of: PeriodKey.self) {
            periode.allowOnly(in: "'periode'")
            if let from = periode.year(.van), let to = periode.year(.tot) {
                if from > to {
                    context.sink.error(.boundsPeriod, periode.location, "'van' ligt na 'tot'")
                } else if to - from + 1 > Day.maxPeriodYears {
                    context.sink.error(
                        .boundsPeriod, periode.keyLocation(.tot),
                        "de periode \(from)–\(to) is \(to - from + 1) jaar; "
                            + "maximaal \(Day.maxPeriodYears) jaar")
                } else {
                    years = from...to
                }
            }
        }
        var start: Day?
        if let text = reader.string(.startCoalitie) {
            start = PeriodParser(coalitionStart: Day(year: 2000, month: 1, day: 1)!).parseDay(text)
            if start == nil {
                context.sink.error(
                    .valueDate, reader.keyLocation(.startCoalitie),
                    "'start_coalitie' moet een datum zijn zoals 2026-06-01, 01-06-2026 of 1 juni 2026, met een jaar in \(ReadContext.supportedYearsText)"
                )
            }
        }
        var seen = UniqueIDs(context: context)
        let opgaven = reader.list(.opgaven, required: true) { node in
            label(node, what: "een opgave").flatMap { seen.first($0, id: $0.id, what: "opgave", at: node) }
        }
        let programmes = reader.list(.programmas, required: true) { node in
            label(node, what: "een programma").flatMap { seen.first($0, id: $0.id, what: "programma", at: node) }
        }
        let parser = PeriodParser(coalitionStart: start ?? Day(year: 2026, month: 6, day: 1)!)
        let ficheReader = FicheReader(context: context, periods: parser)
        let planning: [PlanningItem] = reader.list(.planning) { node in
            guard let item = MappingReader<PlanningItemKey>(node, what: "een planningsmoment", context: context) else { return nil }
            item.allowOnly(in: "een planningsmoment")
            let moment = item.node(.moment).flatMap { ficheReader.moment($0, what: "'moment'") }
            if !item.has(.moment) { context.sink.error(.keyMissing, item.location, "verplichte sleutel 'moment' ontbreekt") }
            guard let id = item.identifier(.id), let title = item.string(.titel), let moment else { return nil }
            // Planning ids are names in period texts ("bij begroting-2028"), matched without regard to case.
            return seen.first(
                PlanningItem(id: id, title: title, moment: moment), id: id.lowercased(),
                what: "planningsmoment", at: node)
        }
        let effects = EffectReader(context: context, fiche: nil, defaultProgramme: nil)
        let assumptions = reader.list(.aannames) {
            AssumptionReader(context: context, periods: parser, effects: effects).read($0, fiche: nil)
        }
        let sources = reader.list(.bronnen) { node in
            sourceDocument(node).flatMap { seen.first($0, id: $0.id, what: "bron", at: node) }
        }
        var interest: InterestRate?
        if let rate = reader.mapping(.renteInvesteringen, of: InterestKey.self, required: false) {
            rate.allowOnly(in: "'rente_investeringen'")
            let share = rate.string(.percentage).flatMap { text -> Share? in
                let parsed = MoneyParser.parseShare(text)
                if parsed == nil {
                    context.sink.error(
                        .valuePercentage, rate.valueLocation(.percentage),
                        "'percentage' moet een percentage zijn zoals 2,5% (gevonden: \(InputText.quoted(text)))")
                }
                return parsed
            }
            let provenance = EffectReader(context: context, fiche: nil, defaultProgramme: nil).provenance(in: rate, required: true)
            if let share, let provenance { interest = InterestRate(rate: share, provenance: provenance) }
        }
        guard let municipality, let title, let version, let years, let start else { return nil }
        return (
            DossierInfo(
                municipality: municipality, title: title, version: version, years: years,
                coalitionStart: start, opgaven: opgaven, programmes: programmes, planning: planning,
                sources: sources, investmentInterest: interest),
            assumptions
        )
    }

    /// Remembers ids per kind and refuses a second use, at the second occurrence.
    struct UniqueIDs {
        let context: ReadContext
        private var locations: [String: SourceLocation] = [:]

        init(context: ReadContext) { self.context = context }

        mutating func first<T>(_ value: T, id: String, what: String, at node: YAMLNode) -> T? {
            if let first = locations[what + "\u{0}" + id] {
                context.sink.error(
                    .idDuplicate, context.location(of: node), "\(what) \(InputText.quoted(id)) is dubbel",
                    notes: [Diagnostic.Note(first, "eerste keer hier")])
                return nil
            }
            locations[what + "\u{0}" + id] = context.location(of: node)
            return value
        }
    }

    /// One entry of `bronnen`: a source text with its SHA-256 and file name (a plain name, no folders).
    private func sourceDocument(_ node: YAMLNode) -> DossierSource? {
        guard let reader = MappingReader<SourceTextKey>(node, what: "een bron", context: context) else { return nil }
        reader.allowOnly(in: "een bron in 'bronnen'")
        let id = reader.identifier(.id)
        let title = reader.string(.titel)
        var hash = reader.string(.sha256)?.lowercased()
        if let text = hash, text.count != 64 || !text.allSatisfy({ "0123456789abcdef".contains($0) }) {
            context.sink.error(
                .valueSourceFile, reader.keyLocation(.sha256), "'sha256' moet 64 hexadecimale tekens zijn (de uitvoer van sha256sum)")
            hash = nil
        }
        var file = reader.string(.bestand)
        if let name = file, name.isEmpty || name.contains("/") || name.contains("\\") || name == "." || name == ".." {
            context.sink.error(
                .valueSourceFile, reader.keyLocation(.bestand),
                "'bestand' is een bestandsnaam zonder map (gevonden: \(InputText.quoted(name)))")
            file = nil
        }
        guard let id, let title, let hash, let file else { return nil }
        return DossierSource(
            id: id, title: title, publisher: reader.string(.uitgever, required: false),
            date: reader.string(.datum, required: false), sha256: hash, file: file,
            location: reader.location)
    }

    private func label(_ node: YAMLNode, what: String) -> Label? {
        guard let reader = MappingReader<LabelKey>(node, what: what, context: context) else { return nil }
        reader.allowOnly(in: what)
        guard let id = reader.identifier(.id), let title = reader.string(.titel) else { return nil }
        return Label(id: id, title: title)
    }
}
