import AkkoordCore

/// `GET /api/regelbasis`: the opgaven, fiches, decisions with their options, and the assumptions with their defaults.
struct RuleBaseCatalog: Encodable {
    struct Dossier: Encodable {
        var gemeente: String
        var titel: String
        var versie: String
        var periode: [Int]
        var coalitiestart: String
    }

    struct Opgave: Encodable {
        var id: String
        var titel: String
        var fiches: [String]
    }

    struct Moment: Encodable {
        var tekst: String
        /// `bekend` (begin/eind), `onbekend`, or `start-coalitie` (the scenario's peildatum).
        var soort: String
        var begin: String?
        var eind: String?

        init(_ moment: SteeringMoment) {
            tekst = moment.text
            switch moment.moment {
            case .known(let period):
                soort = "bekend"
                begin = period.start.description
                eind = period.end.description
            case .unknown: soort = "onbekend"
            case .coalitionStart: soort = "start-coalitie"
            }
        }
    }

    struct Option: Encodable {
        var id: String
        var titel: String
        var huidigeLijn: Bool
        var toelichting: String?
        var vereist: [String]
        var sluitUit: [String]

        enum CodingKeys: String, CodingKey {
            case id, titel, toelichting, vereist
            case huidigeLijn = "huidige_lijn"
            case sluitUit = "sluit_uit"
        }
    }

    struct Decision: Encodable {
        var id: String
        var vraag: String
        var stuurmoment: Moment?
        var opties: [Option]
    }

    struct Fiche: Encodable {
        var code: String
        var titel: String
        var opgaven: [String]
        var programma: String
        var huidigeLijn: String
        var beslissingen: [Decision]

        enum CodingKeys: String, CodingKey {
            case code, titel, opgaven, programma, beslissingen
            case huidigeLijn = "huidige_lijn"
        }
    }

    struct Assumption: Encodable {
        var id: String
        var titel: String
        var standaard: Bool
        var fiche: String?
        var toelichting: String?
    }

    var generatie: Int
    var dossier: Dossier
    var opgaven: [Opgave]
    var fiches: [Fiche]
    var aannames: [Assumption]

    init(_ ruleBase: RuleBase, generation: Int) {
        generatie = generation
        let info = ruleBase.info
        dossier = Dossier(
            gemeente: info.municipality, titel: info.title, versie: info.version, periode: [info.years.lowerBound, info.years.upperBound],
            coalitiestart: info.coalitionStart.description)
        var opgaven = info.opgaven.map { label in
            Opgave(id: label.id, titel: label.title, fiches: ruleBase.fiches.filter { $0.opgaven.contains(label.id) }.map(\.code))
        }
        let loose = ruleBase.fiches.filter { fiche in !fiche.opgaven.contains { id in info.opgaven.contains { $0.id == id } } }
        if !loose.isEmpty { opgaven.append(Opgave(id: "", titel: "Overig", fiches: loose.map(\.code))) }
        self.opgaven = opgaven
        fiches = ruleBase.fiches.map { fiche in
            Fiche(
                code: fiche.code, titel: fiche.title, opgaven: fiche.opgaven, programma: fiche.programme, huidigeLijn: fiche.currentLine,
                beslissingen: fiche.decisions.map { decision in
                    Decision(
                        id: "\(fiche.code).\(decision.id)", vraag: decision.question,
                        stuurmoment: (decision.steeringMoment ?? fiche.steeringMoment).map(Moment.init),
                        opties: decision.options.map { option in
                            Option(
                                id: option.id, titel: option.title, huidigeLijn: option.isCurrentLine, toelichting: option.explanation,
                                vereist: option.requires.map(\.description), sluitUit: option.excludes.map(\.description))
                        })
                })
        }
        aannames = ruleBase.assumptions.map {
            Assumption(id: $0.id, titel: $0.title, standaard: $0.defaultValue, fiche: $0.fiche, toelichting: $0.explanation)
        }
    }

    var json: String { TafelJSON.encode(self) }
}
