/// Several scenarios side by side: where their decisions differ, money per year with deltas against the first,
/// structural run-rate, messages and steering moments that not every scenario has.
public struct ScenarioComparison: Sendable, Hashable, Codable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var dossier: ConsequenceReport.DossierHeader
    public var scenarios: [ScenarioColumn]
    /// Whether the scenarios have different reference dates: then some differences come from the date alone.
    public var peildatumVerschilt: Bool
    /// Assumptions whose value differs between the scenarios: then a Δ mixes choices with assumptions.
    public var verschillendeAannames: [AssumptionRow]
    public var verschillendeKeuzes: [DecisionRow]
    public var geld: [YearRow]
    public var structureelNaPeriode: [TotalWithDelta]
    public var saldoPeriode: [TotalWithDelta]
    public var verschillendeMeldingen: [MessageRow]
    public var stuurmomentenNietInAlle: [MomentRow]

    public struct ScenarioColumn: Sendable, Hashable, Codable {
        public var titel: String
        public var bestand: String
        public var peildatum: Day
        public var bijsturingen: Int
        public var fouten: Int
        public var waarschuwingen: Int
    }

    public struct AssumptionRow: Sendable, Hashable, Codable {
        public var id: String
        public var titel: String
        /// The value per scenario, in scenario order.
        public var waarden: [Bool]
    }

    public struct DecisionRow: Sendable, Hashable, Codable {
        public var beslissing: DecisionRef
        public var ficheTitel: String
        public var vraag: String
        public var huidigeLijn: String
        /// Chosen option title per scenario, in scenario order.
        public var keuzes: [String]
        /// Whether each scenario deviates from the current line.
        public var afwijking: [Bool]
    }

    public struct TotalWithDelta: Sendable, Hashable, Codable {
        public var totaal: ConsequenceReport.Total
        /// Difference with the first scenario (`nil` for the first).
        public var verschil: ConsequenceReport.Total?
    }

    public struct YearRow: Sendable, Hashable, Codable {
        public var jaar: Int
        /// Net burden per scenario, with the delta against the first.
        public var nadeel: [TotalWithDelta]
    }

    public struct MessageRow: Sendable, Hashable, Codable {
        public var niveau: MessageLevel
        public var tekst: String
        /// Whether each scenario has this message.
        public var aanwezig: [Bool]
        /// Whether the difference disappears when every scenario is evaluated at the first scenario's reference date.
        public var alleenPeildatum: Bool
    }

    public struct MomentRow: Sendable, Hashable, Codable {
        public var titel: String
        public var verwijzing: String
        public var moment: String
        public var kwartaal: String?
        public var begin: Day?
        public var aanwezig: [Bool]
    }

    /// Compares evaluations; the first is the reference for deltas. When the reference dates differ, every scenario is
    /// also evaluated at the first scenario's reference date, so that message differences caused only by the date are
    /// told apart (``MessageRow/alleenPeildatum``).
    public init(evaluations: [Evaluation]) throws(MoneyOverflow) {
        let builder = ReportBuilder()
        let reports = try evaluations.map { evaluation throws(MoneyOverflow) in try builder.build(evaluation) }
        guard let date = evaluations.first?.scenario.referenceDate, evaluations.contains(where: { $0.scenario.referenceDate != date })
        else {
            try self.init(reports: reports)
            return
        }
        var sameDate: [[EvaluationMessage]] = []
        for evaluation in evaluations {
            var scenario = evaluation.scenario
            scenario.referenceDate = date
            sameDate.append(try Evaluator().evaluate(scenario, in: evaluation.ruleBase).messages)
        }
        try self.init(reports: reports, sameDateMessages: sameDate)
    }

    /// Compares reports; the first is the reference for deltas. `sameDateMessages`, if given, are the messages of the
    /// same scenarios evaluated at the first scenario's reference date. Throws only when a difference does not fit in
    /// `Int64` cents, which the loader's ceilings rule out for reports of a loaded rule base (``MoneyLimits``).
    public init(reports: [ConsequenceReport], sameDateMessages: [[EvaluationMessage]]? = nil) throws(MoneyOverflow) {
        typealias R = ConsequenceReport
        schemaVersion = Self.currentSchemaVersion
        dossier = reports.first?.dossier ?? R.DossierHeader(gemeente: "", titel: "", versie: "", periode: [])
        scenarios = reports.map {
            ScenarioColumn(
                titel: $0.scenario.titel, bestand: $0.scenario.bestand, peildatum: $0.scenario.peildatum,
                bijsturingen: $0.samenvatting.bijsturingen, fouten: $0.samenvatting.fouten,
                waarschuwingen: $0.samenvatting.waarschuwingen)
        }
        let first = reports.first
        peildatumVerschilt = Set(reports.map(\.scenario.peildatum)).count > 1
        verschillendeAannames = (first?.aannames ?? []).compactMap { reference in
            let values = reports.map { report in report.aannames.first { $0.id == reference.id }?.waarde ?? reference.waarde }
            return Set(values).count > 1 ? AssumptionRow(id: reference.id, titel: reference.titel, waarden: values) : nil
        }
        verschillendeKeuzes = (first?.keuzes ?? []).enumerated().compactMap { index, reference in
            let row = reports.map { $0.keuzes[index] }
            guard Set(row.map(\.gekozen.id)).count > 1 else { return nil }
            return DecisionRow(
                beslissing: reference.beslissing, ficheTitel: reference.ficheTitel, vraag: reference.vraag,
                huidigeLijn: reference.huidigeLijn.titel, keuzes: row.map(\.gekozen.titel),
                afwijking: row.map(\.afwijking))
        }
        // Deltas come from the effects that differ: an effect both scenarios share (same rule or option, same place
        // in the rule base) cancels out, so its unknown amount does not make the difference unknown.
        struct EffectKey: Hashable { var location: SourceLocation; var origin: Origin }
        let periodYears = (first?.geld.jaren ?? []).map(\.jaar)
        let lastYear = periodYears.last ?? 0
        func keyed(_ report: R) -> [EffectKey: R.EffectLine] {
            Dictionary(
                report.effecten.map { (EffectKey(location: $0.locatie, origin: $0.herkomst), $0) }, uniquingKeysWith: { lhs, _ in lhs })
        }
        let keyedReports = reports.map(keyed)
        func burden(_ line: R.EffectLine, year: Int) throws(MoneyOverflow) -> AmountTotal {
            guard let amount = line.perJaar.first(where: { $0.jaar == year })?.bedrag.amountTotal else { return .zero }
            return line.soort == .baten ? try AmountTotal.zero.subtracting(amount) : amount
        }
        func runRate(_ line: R.EffectLine) throws(MoneyOverflow) -> AmountTotal {
            line.vanaf != nil && line.aard == .structureel ? try burden(line, year: lastYear) : .zero
        }
        func periodSum(_ line: R.EffectLine) throws(MoneyOverflow) -> AmountTotal {
            var sum = AmountTotal.zero
            for year in periodYears { try sum.add(burden(line, year: year)) }
            return sum
        }
        func delta(_ index: Int, _ measure: (R.EffectLine) throws(MoneyOverflow) -> AmountTotal) throws(MoneyOverflow) -> R.Total {
            let mine = keyedReports[index], reference = keyedReports[0]
            var added = AmountTotal.zero, removed = AmountTotal.zero
            for (key, line) in mine where reference[key] == nil { try added.add(measure(line)) }
            for (key, line) in reference where mine[key] == nil { try removed.add(measure(line)) }
            return R.Total(try added.subtracting(removed))
        }
        func withDeltas(_ totals: [R.Total], _ measure: (R.EffectLine) throws(MoneyOverflow) -> AmountTotal)
            throws(MoneyOverflow) -> [TotalWithDelta]
        {
            var rows: [TotalWithDelta] = []
            for (index, total) in totals.enumerated() {
                rows.append(TotalWithDelta(totaal: total, verschil: index == 0 ? nil : try delta(index, measure)))
            }
            return rows
        }
        var geld: [YearRow] = []
        for (index, year) in periodYears.enumerated() {
            geld.append(
                YearRow(
                    jaar: year,
                    nadeel: try withDeltas(reports.map { $0.geld.jaren[index].nadeel }) {
                        line throws(MoneyOverflow) in try burden(line, year: year)
                    }))
        }
        self.geld = geld
        structureelNaPeriode = try withDeltas(reports.map(\.geld.structureelNaPeriode), runRate)
        saldoPeriode = try withDeltas(reports.map(\.samenvatting.saldoPeriode), periodSum)

        struct MessageKey: Hashable, Comparable {
            var level: MessageLevel
            var text: String
            static func < (lhs: MessageKey, rhs: MessageKey) -> Bool { (lhs.level, lhs.text) < (rhs.level, rhs.text) }
        }
        func keys(_ report: R) -> Set<MessageKey> { Set(report.meldingen.map { MessageKey(level: $0.niveau, text: $0.tekst) }) }
        let messageSets = reports.map(keys)
        let sameDateSets = sameDateMessages?.map { Set($0.map { MessageKey(level: $0.level, text: $0.text) }) }
        let allMessages = messageSets.reduce(into: Set<MessageKey>()) { $0.formUnion($1) }
        verschillendeMeldingen = allMessages.sorted().compactMap { key in
            let present = messageSets.map { $0.contains(key) }
            guard !present.allSatisfy({ $0 }) else { return nil }
            let atSameDate = sameDateSets.map { sets in Set(sets.map { $0.contains(key) }).count == 1 } ?? false
            return MessageRow(niveau: key.level, tekst: key.text, aanwezig: present, alleenPeildatum: atSameDate)
        }
        stuurmomentenNietInAlle = ScenarioTimeline(reports: reports).rows
            .filter { $0.item.soort == .bijsturing && !$0.aanwezig.allSatisfy { $0 } }
            .map { row in
                MomentRow(
                    titel: row.item.titel, verwijzing: row.item.verwijzing, moment: row.item.moment.tekst,
                    kwartaal: row.item.kwartaal, begin: row.item.moment.begin, aanwezig: row.aanwezig)
            }
    }
}
