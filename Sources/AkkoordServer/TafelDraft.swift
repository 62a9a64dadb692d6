import AkkoordCore
import Foundation

/// Any JSON value, decoded strictly (a boolean is only `true` or `false`).
enum JSONValue: Codable, Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The Dutch name of the kind of value, for messages.
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "een ja/nee-waarde"
        case .integer, .number: "een getal"
        case .string: "tekst"
        case .array: "een lijst"
        case .object: "een object"
        }
    }
}

/// JSON the way the server writes its own answers: sorted keys, compact, keys exactly as named (dictionary keys such
/// as `2F.doorgaan` stay as they are).
enum TafelJSON {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Parses a request body; malformed JSON is a 400 naming the body.
    static func object(_ data: Data) throws(TafelError) -> [String: JSONValue] {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw TafelError.badInput("body", "het verzoek is geen geldige JSON")
        }
        guard case .object(let object) = value else {
            throw TafelError.badInput("body", "het verzoek moet een JSON-object zijn, geen \(value.kind)")
        }
        return object
    }
}

/// One decision in the page's state: `"sluiten"`, or `{"optie", "status", "notitie", "gewicht", "moet", "nooit"}` (the
/// structured choice form of docs/format.md). Written back in the plain form when it says nothing but the option.
struct TafelChoice: Codable, Sendable, Hashable {
    var optie: String?
    var status: NegotiationStatus?
    var notitie: String?
    var gewicht: Int?
    var moet: Bool?
    var nooit: [String]?

    static let keys = ["optie", "status", "notitie", "gewicht", "moet", "nooit"]

    enum CodingKeys: String, CodingKey {
        case optie, status, notitie, gewicht, moet, nooit
    }

    init(
        optie: String?, status: NegotiationStatus? = nil, notitie: String? = nil, gewicht: Int? = nil, moet: Bool? = nil,
        nooit: [String]? = nil
    ) {
        self.optie = optie
        self.status = status
        self.notitie = notitie
        self.gewicht = gewicht
        self.moet = moet
        self.nooit = nooit
    }

    var isPlain: Bool { optie != nil && status == nil && notitie == nil && gewicht == nil && moet == nil && nooit == nil }

    init(from decoder: any Decoder) throws {
        if let option = try? decoder.singleValueContainer().decode(String.self) {
            self.init(optie: option)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            optie: try container.decodeIfPresent(String.self, forKey: .optie),
            status: try container.decodeIfPresent(NegotiationStatus.self, forKey: .status),
            notitie: try container.decodeIfPresent(String.self, forKey: .notitie),
            gewicht: try container.decodeIfPresent(Int.self, forKey: .gewicht),
            moet: try container.decodeIfPresent(Bool.self, forKey: .moet),
            nooit: try container.decodeIfPresent([String].self, forKey: .nooit))
    }

    func encode(to encoder: any Encoder) throws {
        if isPlain, let optie {
            var container = encoder.singleValueContainer()
            try container.encode(optie)
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(optie, forKey: .optie)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encodeIfPresent(notitie, forKey: .notitie)
        try container.encodeIfPresent(gewicht, forKey: .gewicht)
        try container.encodeIfPresent(moet, forKey: .moet)
        try container.encodeIfPresent(nooit, forKey: .nooit)
    }

    /// Reads one value under `keuzes`; every problem is a 400 naming the field.
    static func parse(_ value: JSONValue, field: String, ref: DecisionRef, decision: Decision) throws(TafelError) -> TafelChoice {
        let ids = decision.options.map(\.id)
        func option(_ id: String, _ field: String) throws(TafelError) -> String {
            guard ids.contains(id) else {
                throw TafelError.badInput(
                    field,
                    "beslissing \(ref) heeft geen optie \(InputText.quoted(id))\(Suggestion.hint(for: id, in: ids)) (opties: \(ids.joined(separator: ", ")))"
                )
            }
            return id
        }
        switch value {
        case .string(let id): return TafelChoice(optie: try option(id, field))
        case .object(let entries):
            var choice = TafelChoice(optie: nil)
            for (key, item) in entries.sorted(by: { $0.key < $1.key }) {
                let itemField = "\(field).\(key)"
                switch (key, item) {
                case (_, .null): continue
                case ("optie", .string(let id)): choice.optie = try option(id, itemField)
                case ("status", .string(let text)):
                    guard let status = NegotiationStatus(rawValue: text) else {
                        throw TafelError.badInput(
                            itemField,
                            "onbekende status \(InputText.quoted(text)) (mogelijk: \(NegotiationStatus.allCases.map(\.rawValue).joined(separator: ", ")))"
                        )
                    }
                    choice.status = status
                case ("notitie", .string(let text)):
                    guard text.utf8.count <= 10_000 else { throw TafelError.badInput(itemField, "is langer dan 10.000 tekens") }
                    choice.notitie = text
                case ("gewicht", .integer(let weight)):
                    guard (0...Int64(ChoiceTerms.maximumWeight)).contains(weight) else {
                        throw TafelError.badInput(itemField, "moet een geheel getal van 0 tot en met \(ChoiceTerms.maximumWeight) zijn")
                    }
                    choice.gewicht = Int(weight)
                case ("moet", .bool(let flag)): choice.moet = flag
                case ("nooit", .array(let items)):
                    var never: [String] = []
                    for (index, entry) in items.enumerated() {
                        guard case .string(let id) = entry else {
                            throw TafelError.badInput("\(itemField)[\(index)]", "moet een optie-id zijn")
                        }
                        never.append(try option(id, "\(itemField)[\(index)]"))
                    }
                    choice.nooit = never
                case ("optie", _), ("status", _), ("notitie", _): throw TafelError.badInput(itemField, "moet tekst zijn, geen \(item.kind)")
                case ("gewicht", _): throw TafelError.badInput(itemField, "moet een geheel getal zijn, geen \(item.kind)")
                case ("moet", _): throw TafelError.badInput(itemField, "moet true of false zijn, geen \(item.kind)")
                case ("nooit", _): throw TafelError.badInput(itemField, "moet een lijst van optie-ids zijn, geen \(item.kind)")
                default:
                    throw TafelError.badInput(
                        itemField,
                        "onbekend veld \(InputText.quoted(key))\(Suggestion.hint(for: key, in: keys)) (velden: \(keys.joined(separator: ", ")))"
                    )
                }
            }
            return choice
        default: throw TafelError.badInput(field, "moet een optie-id of een object {optie, status, notitie} zijn, geen \(value.kind)")
        }
    }

    /// The library's choice.
    func draftChoice(_ ref: DecisionRef) -> ScenarioDraft.Choice {
        ScenarioDraft.Choice(
            decision: ref, option: optie, weight: gewicht ?? 1, isMust: moet ?? false, never: nooit ?? [], status: status, note: notitie)
    }

    /// The page's choice for a loaded scenario's decision.
    init(option: String?, terms: ChoiceTerms?) {
        self.init(
            optie: option, status: terms?.status, notitie: terms?.note, gewicht: terms.flatMap { $0.weight == 1 ? nil : $0.weight },
            moet: terms.flatMap { $0.isMust ? true : nil }, nooit: terms.flatMap { $0.never.isEmpty ? nil : $0.never.map(\.value) })
    }
}

/// The scenario as the page holds it (`toestand`): the body of `POST /api/evalueer` and `PUT /api/tafel`, and what
/// `GET /api/scenarios/NAAM` returns.
struct TafelDraft: Codable, Sendable, Hashable {
    struct Frame: Codable, Sendable, Hashable {
        var maxStructureelNadeelCent: Int64?
        var maxNadeelPerJaarCent: Int64?

        enum CodingKeys: String, CodingKey {
            case maxStructureelNadeelCent = "max_structureel_nadeel_cent"
            case maxNadeelPerJaarCent = "max_nadeel_per_jaar_cent"
        }
    }

    /// Scenario name in the scenarios folder (without `.yaml`).
    var naam: String
    var titel: String
    var omschrijving: String?
    var peildatum: String
    var keuzes: [String: TafelChoice]
    var aannames: [String: Bool]
    var kader: Frame?

    static let keys = ["naam", "titel", "omschrijving", "peildatum", "keuzes", "aannames", "kader"]
    static let defaultName = "tafel"
    static let defaultTitle = "Aan tafel"

    /// Reads a request body against the rule base; every problem is a 400 naming the field.
    static func parse(_ data: Data, ruleBase: RuleBase) throws(TafelError) -> TafelDraft {
        let object = try TafelJSON.object(data)
        for key in object.keys.sorted() where !keys.contains(key) {
            throw TafelError.badInput(
                key,
                "onbekend veld \(InputText.quoted(key))\(Suggestion.hint(for: key, in: keys)) (velden: \(keys.joined(separator: ", ")))")
        }
        func text(_ key: String) throws(TafelError) -> String? {
            guard let value = object[key], value != .null else { return nil }
            guard case .string(let text) = value else { throw TafelError.badInput(key, "moet tekst zijn, geen \(value.kind)") }
            guard text.utf8.count <= 10_000 else { throw TafelError.badInput(key, "is langer dan 10.000 tekens") }
            return text
        }
        let name = try ScenarioFolder.validName(text("naam") ?? defaultName)
        let title = try text("titel") ?? defaultTitle
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw TafelError.badInput("titel", "mag niet leeg zijn") }
        let date = try text("peildatum") ?? ruleBase.info.coalitionStart.description
        guard Self.day(date) != nil else {
            throw TafelError.badInput("peildatum", "moet een datum zijn als 2026-06-15 (gevonden: \(InputText.quoted(date)))")
        }
        var choices: [String: TafelChoice] = [:]
        if let value = object["keuzes"], value != .null {
            guard case .object(let entries) = value else { throw TafelError.badInput("keuzes", "moet een object zijn, geen \(value.kind)") }
            for (key, option) in entries.sorted(by: { $0.key < $1.key }) {
                let field = "keuzes.\(key)"
                guard let ref = DecisionRef(parsing: key), let decision = ruleBase.decision(ref) else {
                    let all = ruleBase.allDecisions.map(\.ref.description)
                    throw TafelError.badInput(field, "onbekende beslissing \(InputText.quoted(key))\(Suggestion.hint(for: key, in: all))")
                }
                choices[key] = try TafelChoice.parse(option, field: field, ref: ref, decision: decision)
            }
        }
        var assumptions: [String: Bool] = [:]
        if let value = object["aannames"], value != .null {
            guard case .object(let entries) = value else {
                throw TafelError.badInput("aannames", "moet een object zijn, geen \(value.kind)")
            }
            let known = ruleBase.assumptions.map(\.id)
            for (key, setting) in entries.sorted(by: { $0.key < $1.key }) {
                let field = "aannames.\(key)"
                guard known.contains(key) else {
                    throw TafelError.badInput(field, "onbekende aanname \(InputText.quoted(key))\(Suggestion.hint(for: key, in: known))")
                }
                guard case .bool(let flag) = setting else {
                    throw TafelError.badInput(field, "moet true of false zijn, geen \(setting.kind)")
                }
                assumptions[key] = flag
            }
        }
        var frame: Frame?
        if let value = object["kader"], value != .null {
            guard case .object(let entries) = value else { throw TafelError.badInput("kader", "moet een object zijn, geen \(value.kind)") }
            var result = Frame()
            for (key, amount) in entries.sorted(by: { $0.key < $1.key }) {
                let field = "kader.\(key)"
                let cents: Int64?
                switch amount {
                case .null: cents = nil
                case .integer(let value) where value.magnitude <= 100_000_000_000_000: cents = value
                default: throw TafelError.badInput(field, "moet een geheel aantal eurocent zijn (tot 10^14), geen \(amount.kind)")
                }
                switch key {
                case "max_structureel_nadeel_cent": result.maxStructureelNadeelCent = cents
                case "max_nadeel_per_jaar_cent": result.maxNadeelPerJaarCent = cents
                default:
                    throw TafelError.badInput(field, "onbekend veld (velden: max_structureel_nadeel_cent, max_nadeel_per_jaar_cent)")
                }
            }
            frame = result
        }
        return TafelDraft(
            naam: name, titel: title, omschrijving: try text("omschrijving"), peildatum: date, keuzes: choices, assumptions: assumptions,
            kader: frame)
    }

    init(
        naam: String, titel: String, omschrijving: String?, peildatum: String, keuzes: [String: TafelChoice], assumptions: [String: Bool],
        kader: Frame?
    ) {
        self.naam = naam
        self.titel = titel
        self.omschrijving = omschrijving
        self.peildatum = peildatum
        self.keuzes = keuzes
        self.aannames = assumptions
        self.kader = kader
    }

    /// The page's state for a loaded scenario.
    init(_ scenario: Scenario, name: String) {
        self.init(
            naam: name, titel: scenario.title, omschrijving: scenario.description, peildatum: scenario.referenceDate.description,
            keuzes: Dictionary(
                uniqueKeysWithValues: Set(scenario.choices.keys).union(scenario.terms.keys).map { ref in
                    (ref.description, TafelChoice(option: scenario.choices[ref]?.value, terms: scenario.terms[ref]))
                }),
            assumptions: scenario.assumptions.mapValues(\.value),
            kader: scenario.frame.map {
                Frame(maxStructureelNadeelCent: $0.maxStructuralBurden?.cents, maxNadeelPerJaarCent: $0.maxBurdenPerYear?.cents)
            })
    }

    static func day(_ text: String) -> Day? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), Day.supportedYears.contains(year)
        else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// The library's draft, ready for ``ScenarioWriter``.
    func scenarioDraft(ruleBaseFolder: String?) -> ScenarioDraft {
        ScenarioDraft(
            title: titel, description: omschrijving, referenceDate: Self.day(peildatum)!,
            choices: keuzes.sorted { $0.key < $1.key }.compactMap { key, choice in DecisionRef(parsing: key).map { choice.draftChoice($0) }
            },
            assumptions: aannames,
            frame: kader.map {
                BudgetFrame(
                    maxStructuralBurden: $0.maxStructureelNadeelCent.map { Money(cents: $0) },
                    maxBurdenPerYear: $0.maxNadeelPerJaarCent.map { Money(cents: $0) })
            }, ruleBaseFolder: ruleBaseFolder)
    }
}
