/// What `akkoord risico` reports about one scenario: how the drawn assumptions and ranges spread its net burden, the
/// chance of exceeding the frame and of each error or warning, the reserve for the P90 outcome and the tornado.
/// Amounts in cents (`…Cent`) beside their Dutch notation; probabilities as fractions (0–1), rounded to 4 decimals.
public struct RiskReport: Sendable, Codable, Hashable {
    public struct Distribution: Sendable, Codable, Hashable {
        /// The year, or `nil` for the period total and the structural run-rate.
        public var jaar: Int?
        public var p5Cent: Int64
        public var p50Cent: Int64
        public var p90Cent: Int64
        public var p95Cent: Int64
        public var gemiddeldeCent: Int64
        public var minimumCent: Int64
        public var maximumCent: Int64
        public var p5: String
        public var p50: String
        public var p95: String
        public var gemiddelde: String
        /// Probability that the known part is a net burden (above € 0).
        public var kansNadeel: Double
        /// Probability that the total also holds unknown amounts (not counted as € 0, not in the percentiles).
        public var kansOnbekend: Double
        public var maxOnbekend: Int
    }

    public struct Assumption: Sendable, Codable, Hashable {
        public var id: String
        public var titel: String
        /// The probability that it holds (`ja`), for a drawn assumption.
        public var kans: Double?
        /// Where the probability comes from: `regelbasis` or `scenario` (`risico.kansen`).
        public var kansUit: String?
        /// What the rule base says about its probability: `schatting`, the source it names, or `nil` (nothing).
        public var kansBasis: String?
        /// The value in the scenario: of a held assumption, and the base of the tornado.
        public var waarde: Bool
        /// `getrokken`, `geen kans` or `vastgezet`.
        public var status: String
    }

    /// The frame (`kader`) and the chance of exceeding it; without a frame every field is `null` in JSON.
    public struct Frame: Sendable, Codable, Hashable {
        public var maxStructureelNadeelCent: Int64?
        public var maxNadeelPerJaarCent: Int64?
        /// Probability that the known part exceeds the frame.
        public var kansOverschreden: Double?
        /// Probability that the known part stays within it but unknown amounts could still exceed it.
        public var kansOpenDoorOnbekend: Double?

        enum CodingKeys: String, CodingKey {
            case maxStructureelNadeelCent, maxNadeelPerJaarCent, kansOverschreden, kansOpenDoorOnbekend
        }

        /// Writes absent values as `null`, so a reader always finds the keys.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(maxStructureelNadeelCent, forKey: .maxStructureelNadeelCent)
            try container.encode(maxNadeelPerJaarCent, forKey: .maxNadeelPerJaarCent)
            try container.encode(kansOverschreden, forKey: .kansOverschreden)
            try container.encode(kansOpenDoorOnbekend, forKey: .kansOpenDoorOnbekend)
        }
    }

    public struct Reserve: Sendable, Codable, Hashable {
        public var periodeCent: Int64
        public var periode: String
        public var structureelCent: Int64
        public var structureel: String
    }

    public struct RuleChance: Sendable, Codable, Hashable {
        public var regel: String
        public var titel: String
        public var niveau: MessageLevel
        public var kans: Double
    }

    public struct Bar: Sendable, Codable, Hashable {
        /// `aanname` or `bandbreedte`.
        public var soort: String
        /// The assumption id, or where the effect is (`optie …` / `regel …`).
        public var sleutel: String
        public var titel: String
        /// The total with the subject low (`nee`, lower bound) and high (`ja`, upper bound).
        public var laagCent: Int64
        public var hoogCent: Int64
        public var zwaaiCent: Int64
        public var laag: String
        public var hoog: String
        public var zwaai: String
        /// `path:line:column` of the assumption or effect.
        public var locatie: String
    }

    public struct Bin: Sendable, Codable, Hashable {
        public var vanCent: Int64
        public var totCent: Int64
        public var kans: Double
    }

    public var titel: String
    public var bestand: String
    /// `opsomming` (exact over the drawn assumptions) or `steekproef`.
    public var methode: String
    public var combinaties: Int?
    /// The most draws of the ranges within one combination (enumeration only).
    public var trekkingenPerCombinatie: Int?
    public var trekkingen: Int
    public var zaad: UInt64
    public var aannames: [Assumption]
    /// Range effects that apply in at least one draw.
    public var bandbreedtes: Int
    public var perJaar: [Distribution]
    public var periode: Distribution
    public var structureel: Distribution
    /// Probability that the period total or the run-rate depends on unknown amounts.
    public var kansAfhankelijkVanOnbekend: Double
    public var kader: Frame
    public var reserve: Reserve
    public var kansOpFout: Double
    public var meldingen: [RuleChance]
    public var basisPeriodeCent: Int64
    public var basisStructureelCent: Int64
    public var tornadoPeriode: [Bar]
    public var tornadoStructureel: [Bar]
    public var histogram: [Bin]
}

/// Builds a ``RiskReport`` from a simulation.
public struct RiskReportBuilder: Sendable {
    public init() {}

    /// The risk reports of several scenarios with the command's defaults (the pack's section per scenario).
    public static func reports(
        for scenarios: [Scenario], in ruleBase: RuleBase, draws: Int = 10_000, seed: UInt64 = 1
    ) throws(MoneyOverflow) -> [RiskReport] {
        let model = try UncertaintyModel(ruleBase, compiled: try CompiledRuleBase(ruleBase))
        var reports: [RiskReport] = []
        for scenario in scenarios {
            let problem = UncertaintyProblem(model: model, scenario: scenario, draws: draws, seed: seed)
            reports.append(RiskReportBuilder().build(try UncertaintySimulator().run(problem), problem: problem, scenario: scenario))
        }
        return reports
    }

    public func build(_ result: UncertaintyResult, problem: UncertaintyProblem, scenario: Scenario) -> RiskReport {
        let model = problem.model
        func chance(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
        func distribution(_ value: UncertaintyResult.Distribution, year: Int?) -> RiskReport.Distribution {
            RiskReport.Distribution(
                jaar: year, p5Cent: value.p5, p50Cent: value.p50, p90Cent: value.p90, p95Cent: value.p95,
                gemiddeldeCent: value.mean, minimumCent: value.minimum, maximumCent: value.maximum,
                p5: DutchFormat.euro(Money(cents: value.p5)), p50: DutchFormat.euro(Money(cents: value.p50)),
                p95: DutchFormat.euro(Money(cents: value.p95)), gemiddelde: DutchFormat.euro(Money(cents: value.mean)),
                kansNadeel: chance(value.positive), kansOnbekend: chance(value.dependsOnUnknown), maxOnbekend: value.maxUnknown)
        }
        let assumptions = model.assumptions.enumerated().map { index, assumption in
            RiskReport.Assumption(
                id: assumption.id, title: assumption.title,
                probability: problem.probabilities[index].map { Double($0) / 10_000 }, value: problem.assumptionValues[index],
                held: problem.held[index], fromScenario: problem.probabilityFromScenario[index], basis: assumption.probabilityBasis)
        }
        func bars(_ bars: [UncertaintyResult.TornadoBar]) -> [RiskReport.Bar] {
            bars.map { bar in
                let euro = { (cents: Int64) in DutchFormat.euro(Money(cents: cents)) }
                switch bar.subject {
                case .assumption(let index):
                    let assumption = model.assumptions[index]
                    return RiskReport.Bar(
                        soort: "aanname", sleutel: assumption.id, titel: assumption.title, laagCent: bar.low, hoogCent: bar.high,
                        zwaaiCent: bar.swing, laag: euro(bar.low), hoog: euro(bar.high), zwaai: euro(bar.swing),
                        locatie: assumption.location.description)
                case .range(let index):
                    let variable = model.variables[index]
                    return RiskReport.Bar(
                        soort: "bandbreedte", sleutel: variable.origin.description, titel: variable.description,
                        laagCent: bar.low, hoogCent: bar.high, zwaaiCent: bar.swing, laag: euro(bar.low), hoog: euro(bar.high),
                        zwaai: euro(bar.swing), locatie: variable.location.description)
                }
            }
        }
        let frame = RiskReport.Frame(
            maxStructureelNadeelCent: scenario.frame?.maxStructuralBurden?.cents,
            maxNadeelPerJaarCent: scenario.frame?.maxBurdenPerYear?.cents, kansOverschreden: result.frameExceeded.map(chance),
            kansOpenDoorOnbekend: result.frameOpenByUnknown.map(chance))
        let (method, combinations, perCombination): (String, Int?, Int?) =
            switch result.method {
            case .enumeration(let combinations, let draws): ("opsomming", combinations, draws)
            case .sampling: ("steekproef", nil, nil)
            }
        return RiskReport(
            titel: scenario.title, bestand: scenario.file, methode: method, combinaties: combinations,
            trekkingenPerCombinatie: perCombination, trekkingen: result.draws, zaad: result.seed, aannames: assumptions,
            bandbreedtes: result.rangesApplied,
            perJaar: zip(model.years, result.years).map { distribution($1, year: $0) },
            periode: distribution(result.period, year: nil), structureel: distribution(result.structural, year: nil),
            kansAfhankelijkVanOnbekend: chance(result.dependsOnUnknown), kader: frame,
            reserve: RiskReport.Reserve(
                periodeCent: result.reservePeriod, periode: DutchFormat.euro(Money(cents: result.reservePeriod)),
                structureelCent: result.reserveStructural, structureel: DutchFormat.euro(Money(cents: result.reserveStructural))),
            kansOpFout: chance(result.anyError),
            meldingen: result.rules.compactMap { rule in
                model.ruleLevels[rule.rule].map { level in
                    RiskReport.RuleChance(
                        regel: model.compiled.ruleIDs[rule.rule], titel: model.ruleTitles[rule.rule], niveau: level,
                        kans: chance(rule.probability))
                }
            },
            basisPeriodeCent: result.basePeriod, basisStructureelCent: result.baseStructural,
            tornadoPeriode: bars(result.tornadoPeriod), tornadoStructureel: bars(result.tornadoStructural),
            histogram: result.histogram.map { RiskReport.Bin(vanCent: $0.lower, totCent: $0.upper, kans: chance($0.probability)) })
    }
}

extension RiskReport.Assumption {
    init(
        id: String, title: String, probability: Double?, value: Bool, held: UncertaintyProblem.HeldReason?, fromScenario: Bool,
        basis: ProbabilityBasis
    ) {
        kansBasis =
            switch basis {
            case .unstated: nil
            case .estimate: "schatting"
            case .source(let source): source
            }
        self.id = id
        titel = title
        kans = probability
        kansUit = probability == nil ? nil : fromScenario ? "scenario" : "regelbasis"
        waarde = value
        status =
            switch held {
            case nil: "getrokken"
            case .noProbability?: "geen kans"
            case .fixed?: "vastgezet"
            }
    }
}
