import AkkoordCore
import Foundation

/// What the page shows of a report: a part of the JSON report with the same keys and values (TafelServerTests checks
/// every field against `POST /api/evalueer`). Small, so a click costs neither a 235 KB report nor its parsing in the
/// browser: the scenario header, the summary's totals and counts, per decision what is chosen and its steering moment,
/// money per year, the timeline's kinds and whether they passed, and the messages.
struct TafelPageReport {
    typealias R = ConsequenceReport

    struct Option {
        var id: String
    }

    struct Moment {
        var eind: Day?
    }

    struct Choice {
        var beslissing: DecisionRef
        var fiche: String
        var gekozen: Option
        var afwijking: Bool
        var stuurmoment: Moment?
    }

    struct Summary {
        var fouten: Int
        var waarschuwingen: Int
        var saldoPeriode: R.Total
        var structureelNaPeriode: R.Total
    }

    struct Year {
        var jaar: Int
        var nadeel: R.Total
    }

    struct Money {
        var jaren: [Year]
        var kader: R.Frame?
    }

    struct TimelineItem {
        var soort: TimelineEntry.Kind
        var verstreken: Bool
    }

    var scenario: R.ScenarioHeader
    var samenvatting: Summary
    var keuzes: [Choice]
    var geld: Money
    var tijdlijn: [TimelineItem]
    var meldingen: [R.Message]

    init(_ report: ConsequenceReport) {
        scenario = report.scenario
        let summary = report.samenvatting
        samenvatting = Summary(
            fouten: summary.fouten, waarschuwingen: summary.waarschuwingen, saldoPeriode: summary.saldoPeriode,
            structureelNaPeriode: summary.structureelNaPeriode)
        keuzes = report.keuzes.map {
            Choice(
                beslissing: $0.beslissing, fiche: $0.fiche, gekozen: Option(id: $0.gekozen.id), afwijking: $0.afwijking,
                stuurmoment: $0.stuurmoment.map { Moment(eind: $0.eind) })
        }
        geld = Money(jaren: report.geld.jaren.map { Year(jaar: $0.jaar, nadeel: $0.nadeel) }, kader: report.geld.kader)
        tijdlijn = report.tijdlijn.map { TimelineItem(soort: $0.soort, verstreken: $0.verstreken) }
        meldingen = report.meldingen
    }

    /// Compact JSON with the report's key names. Written directly (JSONEncoder took a fifth of a click for the ~200
    /// choices and the messages); the scenario header, with its optional texts, goes through the encoder.
    var json: String {
        var out = "{\"geld\":{\"jaren\":["
        out += geld.jaren.map { "{\"jaar\":\($0.jaar),\"nadeel\":\(Self.total($0.nadeel))}" }.joined(separator: ",")
        out += "]"
        if let frame = geld.kader {
            var fields: [String] = []
            if let cents = frame.maxNadeelPerJaarCent { fields.append("\"max_nadeel_per_jaar_cent\":\(cents)") }
            if let cents = frame.maxStructureelNadeelCent { fields.append("\"max_structureel_nadeel_cent\":\(cents)") }
            out += ",\"kader\":{" + fields.joined(separator: ",") + "}"
        }
        out += "},\"keuzes\":["
        out += keuzes.map(Self.choice).joined(separator: ",")
        out +=
            "],\"meldingen\":[" + meldingen.map(Self.message).joined(separator: ",")
            + "],\"samenvatting\":{\"fouten\":\(samenvatting.fouten),"
        out += "\"saldo_periode\":\(Self.total(samenvatting.saldoPeriode)),"
        out += "\"structureel_na_periode\":\(Self.total(samenvatting.structureelNaPeriode)),"
        out += "\"waarschuwingen\":\(samenvatting.waarschuwingen)},\"scenario\":\(Self.encoded(scenario)),\"tijdlijn\":["
        out += tijdlijn.map { "{\"soort\":\"\($0.soort.rawValue)\",\"verstreken\":\($0.verstreken)}" }.joined(separator: ",")
        return out + "]}"
    }

    static func choice(_ choice: Choice) -> String {
        var out = "{\"afwijking\":\(choice.afwijking),\"beslissing\":" + string(choice.beslissing.description)
        out += ",\"fiche\":" + string(choice.fiche) + ",\"gekozen\":{\"id\":" + string(choice.gekozen.id) + "}"
        if let moment = choice.stuurmoment {
            out += ",\"stuurmoment\":{"
            if let end = moment.eind { out += "\"eind\":\"\(end)\"" }
            out += "}"
        }
        return out + "}"
    }

    /// A message as the report writes it (`herkomst` and `locatie` in their report text form).
    static func message(_ message: R.Message) -> String {
        var out = "{\"herkomst\":" + string(message.herkomst.reportText)
        if let location = message.locatie { out += ",\"locatie\":" + string(location.reportText) }
        out += ",\"niveau\":\"\(message.niveau.rawValue)\",\"soort\":\"\(message.soort.rawValue)\",\"tekst\":" + string(message.tekst)
        return out + "}"
    }

    static func total(_ total: R.Total) -> String {
        "{\"max_cent\":\(total.maxCent),\"min_cent\":\(total.minCent),\"onbekend_nadeel\":\(total.onbekendNadeel),"
            + "\"onbekend_voordeel\":\(total.onbekendVoordeel)}"
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\u00XX`.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Compact JSON with the report's key names, through the encoder.
    static func encoded(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    /// The report sections the page shows as HTML: the money chart (`geldgrafiek`) and "wat verandert".
    static let fragmentKeys: Set<String> = ["geldgrafiek", "wijzigingen"]
}
