/// What `akkoord verken` reports: the status, the best packages with per position what it gets and gives up, the
/// Pareto front, or a minimal conflict. Plain values with Dutch names, rendered as Markdown, JSON and HTML.
public struct ExplorationReport: Sendable, Codable {
    /// One choice a position wanted, with what the package does.
    public struct Item: Sendable, Codable, Hashable {
        public var beslissing: String
        public var gewenst: String
        public var pakket: String
        public var gewicht: Int
        public var moet: Bool
    }

    /// A position's satisfaction in a package.
    public struct Party: Sendable, Codable, Hashable {
        public var naam: String
        public var bestand: String
        /// Honoured weight and total weight.
        public var gehonoreerd: Int
        public var gewicht: Int
        public var tevredenheid: String
        public var krijgt: [Item]
        public var leverIn: [Item]
    }

    public struct Year: Sendable, Codable, Hashable {
        public var jaar: Int
        public var nadeelCent: Int64
        public var nadeel: String
    }

    public struct Choice: Sendable, Codable, Hashable {
        public var beslissing: String
        public var optie: String
        public var titel: String
        public var afwijking: Bool
    }

    public struct Package: Sendable, Codable, Hashable {
        public var rang: Int
        public var laagsteTevredenheid: String
        public var totaleTevredenheid: String
        public var structureelNadeelCent: Int64
        public var structureelNadeel: String
        public var nadeelPerJaar: [Year]
        /// Effects with an unknown nadeel (what `--max-onbekend` counts).
        public var onbekendNadeel: Int
        public var keuzes: [Choice]
        public var partijen: [Party]
    }

    public struct FrontPoint: Sendable, Codable, Hashable {
        /// The lowest satisfaction as a fraction of the scale.
        public var laagsteTevredenheidTeller: Int64
        public var noemer: Int64
        public var laagsteTevredenheid: String
        public var structureelNadeelCent: Int64
        public var structureelNadeel: String
    }

    public struct Constraint: Sendable, Codable, Hashable {
        public var soort: String
        public var tekst: String
        /// `path:line:column`, or where else it was set.
        public var locatie: String
    }

    public struct Frame: Sendable, Codable, Hashable {
        public var maxStructureelNadeel: String?
        public var maxNadeelPerJaar: String?
        public var maxOnbekendNadeel: Int?
    }

    public var titel: String
    /// `optimaal (bewezen)`, `beste gevonden (tijdslimiet)`, `onhaalbaar` or `onbeslist`.
    public var status: String
    public var toelichting: String
    public var kader: Frame
    public var posities: [String]
    /// The assumptions held at another value than their default (the rest keep their default).
    public var aannames: [String]
    public var pakketten: [Package]
    public var paretofront: [FrontPoint]
    public var paretofrontVolledig: Bool
    public var conflict: [Constraint]
    public var zoekknopen: Int
}

/// Builds an ``ExplorationReport`` from a result.
public struct ExplorationReportBuilder: Sendable {
    public init() {}

    /// Where a frame limit was set (command line or a file), per frame constraint.
    public struct FrameSources: Sendable {
        public var structural: String
        public var perYear: String
        public var unknown: String

        public init(structural: String, perYear: String, unknown: String) {
            self.structural = structural
            self.perYear = perYear
            self.unknown = unknown
        }
    }

    public func build(
        _ result: ExplorationResult, problem: ExplorationProblem, ruleBase: RuleBase, frameSources: FrameSources
    ) -> ExplorationReport {
        let compiled = problem.compiled
        func percent(_ value: Int64, _ scale: Int64) -> String {
            scale == 0 ? "-" : "\((value * 100 + scale / 2) / scale)%"
        }
        let limitText =
            switch result.limit {
            case .time?: "De tijdslimiet (--tijdslimiet)"
            case .nodes?: "De knooppuntlimiet (--knooppuntlimiet)"
            case nil: "Een limiet"
            }
        let (status, explanation): (String, String) =
            switch result.status {
            case .optimal:
                ("optimaal (bewezen)", "De zoektocht is volledig: geen haalbaar pakket scoort beter dan het eerste.")
            case .stopped(let bound):
                (
                    "beste gevonden (niet bewezen)",
                    "\(limitText) stopte de zoektocht. Bewezen bovengrens van de laagste tevredenheid: "
                        + "\(percent(bound.lowest, result.scale)) (totaal \(percent(bound.total, result.scale)))"
                        + (result.packages.first.map {
                            "; het beste gevonden pakket haalt \(percent($0.score.lowest, result.scale)) "
                                + "(totaal \(percent($0.score.total, result.scale)))"
                        } ?? "") + "."
                )
            case .infeasible:
                (
                    "onhaalbaar",
                    "Geen pakket voldoet aan alle eisen; de eisen hieronder gaan samen niet (minimaal: zonder één ervan kan het wel)."
                )
            case .unknown:
                ("onbeslist", "\(limitText) stopte de zoektocht voordat een pakket gevonden of onhaalbaarheid bewezen was.")
            }
        let packages = result.packages.enumerated().map { index, package in
            let choices = compiled.decisions.enumerated().map { decision, entry in
                let optionID = entry.options[package.choices[decision]]
                return ExplorationReport.Choice(
                    beslissing: entry.ref.description, optie: optionID,
                    titel: ruleBase.option(OptionRef(decision: entry.ref, option: optionID))?.title ?? optionID,
                    afwijking: package.choices[decision] != entry.currentLine)
            }
            let parties = problem.positions.enumerated().map { position, entry in
                var gets: [ExplorationReport.Item] = [], givesUp: [ExplorationReport.Item] = []
                for wish in entry.wishes {
                    let decision = compiled.decisions.firstIndex { $0.ref == wish.option.decision }
                    let chosen = decision.map { compiled.decisions[$0].options[package.choices[$0]] } ?? "?"
                    let item = ExplorationReport.Item(
                        beslissing: wish.option.decision.description, gewenst: wish.option.option, pakket: chosen,
                        gewicht: wish.weight, moet: wish.isMust)
                    if chosen == wish.option.option { gets.append(item) } else { givesUp.append(item) }
                }
                let weight = result.weights[position]
                return ExplorationReport.Party(
                    naam: entry.name, bestand: entry.file, gehonoreerd: package.honoured[position], gewicht: weight,
                    tevredenheid: weight == 0 ? "-" : percent(Int64(package.honoured[position]), Int64(weight)), krijgt: gets,
                    leverIn: givesUp)
            }
            return ExplorationReport.Package(
                rang: index + 1, laagsteTevredenheid: percent(package.score.lowest, result.scale),
                totaleTevredenheid: percent(package.score.total, result.scale),
                structureelNadeelCent: package.structural.cents,
                structureelNadeel: DutchFormat.burden(min: package.structural, max: package.structural, plainNadeel: true),
                nadeelPerJaar: zip(compiled.layout.years, package.perYear).map {
                    ExplorationReport.Year(jaar: $0, nadeelCent: $1.cents, nadeel: DutchFormat.burden(min: $1, max: $1, plainNadeel: true))
                },
                onbekendNadeel: package.unknown, keuzes: choices, partijen: parties)
        }
        let front = result.front.map { point in
            ExplorationReport.FrontPoint(
                laagsteTevredenheidTeller: point.package.score.lowest, noemer: result.scale,
                laagsteTevredenheid: percent(point.package.score.lowest, result.scale),
                structureelNadeelCent: point.package.structural.cents,
                structureelNadeel: DutchFormat.burden(min: point.package.structural, max: point.package.structural, plainNadeel: true))
        }
        var conflict: [ExplorationReport.Constraint] = []
        if case .infeasible(let constraints) = result.status {
            conflict = constraints.map { describe($0, problem: problem, ruleBase: ruleBase, frameSources: frameSources) }
        }
        let frame = problem.frame
        return ExplorationReport(
            titel: "Verkenning: " + problem.positions.map(\.name).joined(separator: ", "), status: status,
            toelichting: explanation,
            kader: ExplorationReport.Frame(
                maxStructureelNadeel: frame.maxStructural.map(DutchFormat.euro),
                maxNadeelPerJaar: frame.maxPerYear.map(DutchFormat.euro), maxOnbekendNadeel: frame.maxUnknown),
            posities: problem.positions.map { "\($0.name) (\($0.file))" },
            aannames: compiled.assumptionIDs.indices.filter { problem.assumptions[$0] != compiled.assumptionDefaults[$0] }.map {
                "\(compiled.assumptionIDs[$0]): \(problem.assumptions[$0] ? "ja" : "nee")"
            },
            pakketten: packages, paretofront: front, paretofrontVolledig: result.frontIsComplete, conflict: conflict,
            zoekknopen: result.nodes)
    }

    func describe(
        _ constraint: ExplorationConstraint, problem: ExplorationProblem, ruleBase: RuleBase, frameSources: FrameSources
    ) -> ExplorationReport.Constraint {
        let compiled = problem.compiled
        func option(_ index: Int) -> (ref: OptionRef, location: String) {
            let ref = compiled.optionRefs[index]
            return (ref, ruleBase.option(ref)?.location.description ?? ref.description)
        }
        switch constraint {
        case .must(let position, let index):
            let entry = problem.positions[position], wish = entry.wishes[index]
            return .init(
                soort: "moet", tekst: "\(entry.name) eist \(wish.option.decision): \(wish.option.option)",
                locatie: wish.location.description)
        case .redLine(let position, let index):
            let entry = problem.positions[position], line = entry.redLines[index]
            return .init(
                soort: "nooit", tekst: "\(entry.name) wijst \(line.option.decision): \(line.option.option) af",
                locatie: line.location.description)
        case .frameStructural:
            return .init(
                soort: "kader",
                tekst:
                    "structureel nadeel na de periode hoogstens \(problem.frame.maxStructural.map(DutchFormat.euro) ?? "-") (bovenkant bandbreedte)",
                locatie: frameSources.structural)
        case .framePerYear:
            return .init(
                soort: "kader",
                tekst: "nadeel per jaar hoogstens \(problem.frame.maxPerYear.map(DutchFormat.euro) ?? "-") (bovenkant bandbreedte)",
                locatie: frameSources.perYear)
        case .frameUnknown:
            return .init(
                soort: "kader", tekst: "hoogstens \(problem.frame.maxUnknown ?? 0) effect(en) met een onbekend nadeel",
                locatie: frameSources.unknown)
        case .requires(let source, let target):
            let (ref, location) = option(source)
            let text =
                target.map { "optie \(ref) vereist \(compiled.optionRefs[$0])" }
                ?? "optie \(ref) vereist een optie die niet gekozen kan worden"
            return .init(soort: "vereist", tekst: text, locatie: location)
        case .excludes(let source, let target):
            let (ref, location) = option(source)
            return .init(soort: "sluit_uit", tekst: "optie \(ref) sluit \(compiled.optionRefs[target]) uit", locatie: location)
        case .rule(let index):
            let rule = ruleBase.rules[index]
            return .init(soort: "regel", tekst: "regel \(rule.id): \(rule.title)", locatie: rule.location.description)
        }
    }
}
