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
    var keuzes: [String: String]
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
        var choices: [String: String] = [:]
        if let value = object["keuzes"], value != .null {
            guard case .object(let entries) = value else { throw TafelError.badInput("keuzes", "moet een object zijn, geen \(value.kind)") }
            let all = ruleBase.allDecisions.map(\.ref.description)
            for (key, option) in entries.sorted(by: { $0.key < $1.key }) {
                let field = "keuzes.\(key)"
                guard let ref = DecisionRef(parsing: key), let decision = ruleBase.decision(ref) else {
                    throw TafelError.badInput(field, "onbekende beslissing \(InputText.quoted(key))\(Suggestion.hint(for: key, in: all))")
                }
                guard case .string(let id) = option else { throw TafelError.badInput(field, "moet een optie-id zijn, geen \(option.kind)") }
                let ids = decision.options.map(\.id)
                guard ids.contains(id) else {
                    throw TafelError.badInput(
                        field,
                        "beslissing \(ref) heeft geen optie \(InputText.quoted(id))\(Suggestion.hint(for: id, in: ids)) (opties: \(ids.joined(separator: ", ")))"
                    )
                }
                choices[key] = id
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
        naam: String, titel: String, omschrijving: String?, peildatum: String, keuzes: [String: String], assumptions: [String: Bool],
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
            keuzes: Dictionary(uniqueKeysWithValues: scenario.choices.map { ($0.key.description, $0.value.value) }),
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
            choices: keuzes.sorted { $0.key < $1.key }.compactMap { key, option in
                DecisionRef(parsing: key).map { ScenarioDraft.Choice(decision: $0, option: option) }
            },
            assumptions: aannames,
            frame: kader.map {
                BudgetFrame(
                    maxStructuralBurden: $0.maxStructureelNadeelCent.map { Money(cents: $0) },
                    maxBurdenPerYear: $0.maxNadeelPerJaarCent.map { Money(cents: $0) })
            }, ruleBaseFolder: ruleBaseFolder)
    }
}
