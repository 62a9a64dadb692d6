/// What moved between two negotiation rounds (`akkoord redline VORIGE HUIDIGE`): decisions whose option or status
/// changed, the money per year and structurally, conflicts that appeared or were resolved, and how many decisions are
/// agreed per opgave. Field names are Dutch and stable, like the report's (docs/report-json.md).
public struct RoundRedline: Sendable, Hashable, Codable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var dossier: ConsequenceReport.DossierHeader
    public var vorige: ConsequenceReport.ScenarioHeader
    public var huidige: ConsequenceReport.ScenarioHeader
    /// Decisions whose option, status or note differs, in the rule base's order.
    public var beslissingen: [DecisionMove]
    public var geld: [YearMove]
    public var structureelNaPeriode: TotalMove
    public var saldoPeriode: TotalMove
    /// Errors and warnings the current round has and the previous had not (compared by level, kind, origin and text; a
    /// steering warning by its decision and chosen option, since its text names the reference date).
    public var meldingenErbij: [ConsequenceReport.Message]
    /// Errors and warnings the previous round had and the current has not.
    public var meldingenOpgelost: [ConsequenceReport.Message]
    public var voortgang: [Progress]

    public struct DecisionMove: Sendable, Hashable, Codable {
        public var beslissing: DecisionRef
        public var ficheTitel: String
        public var vraag: String
        public var vorige: Position
        public var huidige: Position
        public var optieVeranderd: Bool
        public var statusVeranderd: Bool
    }

    /// Where a decision stood in one round.
    public struct Position: Sendable, Hashable, Codable {
        public var optie: ConsequenceReport.OptionSummary
        public var expliciet: Bool
        public var status: NegotiationStatus?
        public var notitie: String?
    }

    public struct YearMove: Sendable, Hashable, Codable {
        public var jaar: Int
        public var vorige: ConsequenceReport.Total
        public var huidige: ConsequenceReport.Total
        public var verschil: ConsequenceReport.Delta
    }

    public struct TotalMove: Sendable, Hashable, Codable {
        public var vorige: ConsequenceReport.Total
        public var huidige: ConsequenceReport.Total
        public var verschil: ConsequenceReport.Delta
    }

    /// Decisions agreed (`status: akkoord`) per opgave, in both rounds.
    public struct Progress: Sendable, Hashable, Codable {
        public var opgave: String
        public var titel: String
        public var beslissingen: Int
        public var akkoordVorige: Int
        public var akkoordHuidige: Int
    }

    /// Compares two rounds: their scenarios (for status and notes) and their reports, against the same rule base.
    public init(
        previous: (scenario: Scenario, report: ConsequenceReport), current: (scenario: Scenario, report: ConsequenceReport),
        ruleBase: RuleBase
    ) throws(MoneyOverflow) {
        schemaVersion = Self.currentSchemaVersion
        dossier = current.report.dossier
        vorige = previous.report.scenario
        huidige = current.report.scenario
        let before = Dictionary(previous.report.keuzes.map { ($0.beslissing, $0) }, uniquingKeysWith: { first, _ in first })
        beslissingen = current.report.keuzes.compactMap { now in
            guard let then = before[now.beslissing] else { return nil }
            let old = Position(
                optie: then.gekozen, expliciet: then.expliciet, status: previous.scenario.terms[now.beslissing]?.status,
                notitie: previous.scenario.terms[now.beslissing]?.note)
            let new = Position(
                optie: now.gekozen, expliciet: now.expliciet, status: current.scenario.terms[now.beslissing]?.status,
                notitie: current.scenario.terms[now.beslissing]?.note)
            guard old.optie.id != new.optie.id || old.status != new.status || old.notitie != new.notitie else { return nil }
            return DecisionMove(
                beslissing: now.beslissing, ficheTitel: now.ficheTitel, vraag: now.vraag, vorige: old, huidige: new,
                optieVeranderd: old.optie.id != new.optie.id, statusVeranderd: old.status != new.status)
        }
        func move(_ old: ConsequenceReport.Total, _ new: ConsequenceReport.Total) throws(MoneyOverflow) -> TotalMove {
            TotalMove(
                vorige: old, huidige: new, verschil: ConsequenceReport.Delta(try BudgetDelta(new.amountTotal, minus: old.amountTotal)))
        }
        var years: [YearMove] = []
        for year in current.report.geld.jaren {
            guard let old = previous.report.geld.jaren.first(where: { $0.jaar == year.jaar }) else { continue }
            let moved = try move(old.nadeel, year.nadeel)
            years.append(YearMove(jaar: year.jaar, vorige: moved.vorige, huidige: moved.huidige, verschil: moved.verschil))
        }
        geld = years
        structureelNaPeriode = try move(previous.report.samenvatting.structureelNaPeriode, current.report.samenvatting.structureelNaPeriode)
        saldoPeriode = try move(previous.report.samenvatting.saldoPeriode, current.report.samenvatting.saldoPeriode)
        // A steering warning's text names the reference date and the days left, which differ between rounds: it is the
        // same warning as long as the same option of the same decision is chosen. Every other message is compared whole.
        func key(_ message: ConsequenceReport.Message, in report: ConsequenceReport) -> String {
            let kind = "\(message.niveau)|\(message.soort)|\(message.herkomst)"
            guard case .steering(let decision) = message.herkomst else { return "\(kind)|\(message.tekst)" }
            return "\(kind)|\(report.keuzes.first { $0.beslissing == decision }?.gekozen.id ?? "")"
        }
        func serious(_ report: ConsequenceReport) -> [ConsequenceReport.Message] { report.meldingen.filter { $0.niveau != .info } }
        let oldKeys = Set(serious(previous.report).map { key($0, in: previous.report) })
        let newKeys = Set(serious(current.report).map { key($0, in: current.report) })
        meldingenErbij = serious(current.report).filter { !oldKeys.contains(key($0, in: current.report)) }
        meldingenOpgelost = serious(previous.report).filter { !newKeys.contains(key($0, in: previous.report)) }
        voortgang = ruleBase.info.opgaven.map { opgave in
            let refs = ruleBase.fiches.filter { $0.opgaven.contains(opgave.id) }.flatMap { fiche in
                fiche.decisions.map { DecisionRef(fiche: fiche.code, decision: $0.id) }
            }
            func agreed(_ scenario: Scenario) -> Int { refs.filter { scenario.terms[$0]?.status == .akkoord }.count }
            return Progress(
                opgave: opgave.id, titel: opgave.title, beslissingen: refs.count, akkoordVorige: agreed(previous.scenario),
                akkoordHuidige: agreed(current.scenario))
        }
    }
}
