/// Renders a comparison of scenarios as a self-contained HTML page.
public struct HTMLComparisonRenderer: Sendable {
    public var marking: String?

    public init(marking: String? = nil) { self.marking = marking }

    public func render(_ comparison: ScenarioComparison) -> String {
        HTMLText.page(title: "Vergelijking van scenario's", marking: marking, body: body(comparison, headingLevel: 1))
    }

    func body(_ comparison: ScenarioComparison, headingLevel h: Int) -> String {
        let e = HTMLText.escape
        let names = comparison.scenarios.map(\.titel)
        var out = "<h\(h)>Vergelijking van scenario's</h\(h)>\n<p class=\"meta\">\(e(comparison.dossier.titel)) · regelbasis versie \(e(comparison.dossier.versie)). Verschillen (Δ) staan ten opzichte van het eerste scenario: \(e(names.first ?? "")).</p>\n"
        out += HTMLText.table(caption: "Scenario's", headers: ["Scenario", "Peildatum", "Bijsturingen", "Fouten", "Waarschuwingen"], rows: comparison.scenarios.map {
            [e($0.titel), e(DutchFormat.date($0.peildatum)), "\($0.bijsturingen)", "\($0.fouten)", "\($0.waarschuwingen)"]
        }, numericColumns: [2, 3, 4])
        out += "<h\(h + 1)>Geld: nadeel per jaar (lasten − baten)</h\(h + 1)>\n<figure>"
        out += SVGChart.moneyPerYear(years: comparison.geld.map(\.jaar),
                                     series: names.enumerated().map { index, name in SVGChart.Series(name: name, values: comparison.geld.map { $0.nadeel[index].totaal }) },
                                     title: "Nadeel per jaar per scenario")
        out += "<figcaption>Nadeel (lasten − baten) per jaar per scenario. Gearceerd: bandbreedte; ?: onbekende bedragen.</figcaption></figure>\n"
        func cell(_ value: ScenarioComparison.TotalWithDelta) -> String {
            let total = e(DutchFormat.total(value.totaal.amountTotal))
            guard let delta = value.verschil else { return total }
            return "\(total)<br><small>Δ \(e(DutchFormat.total(delta.amountTotal)))</small>"
        }
        var rows = comparison.geld.map { ["\($0.jaar)"] + $0.nadeel.map(cell) }
        rows.append(["Totaal periode"] + comparison.saldoPeriode.map(cell))
        rows.append(["Structureel na periode"] + comparison.structureelNaPeriode.map(cell))
        out += HTMLText.table(caption: nil, headers: ["Jaar"] + names, rows: rows, numericColumns: Set(1...max(names.count, 1)))
        out += "<h\(h + 1)>Beslissingen die verschillen</h\(h + 1)>\n"
        if comparison.verschillendeKeuzes.isEmpty {
            out += "<p>Alle scenario's kiezen hetzelfde.</p>\n"
        } else {
            out += HTMLText.table(caption: nil, headers: ["Beslissing", "Huidige lijn (dossier)"] + names, rows: comparison.verschillendeKeuzes.map { row in
                ["\(e(row.beslissing)) \(e(row.ficheTitel))", e(row.huidigeLijn)] + zip(row.keuzes, row.afwijking).map { $1 ? "<span class=\"bijsturing\">\(e($0))</span>" : e($0) }
            })
        }
        out += "<h\(h + 1)>Meldingen die niet in alle scenario's voorkomen</h\(h + 1)>\n"
        if comparison.verschillendeMeldingen.isEmpty { out += "<p>Geen verschillen.</p>\n" }
        else {
            out += HTMLText.table(caption: nil, headers: ["Niveau", "Melding"] + names, rows: comparison.verschillendeMeldingen.map { row in
                ["<span class=\"\(row.niveau.rawValue)\">\(row.niveau.rawValue)</span>", e(row.tekst)] + row.aanwezig.map { $0 ? "✓" : "" }
            })
        }
        out += "<h\(h + 1)>Stuurmomenten die alleen sommige scenario's nodig hebben</h\(h + 1)>\n"
        if comparison.stuurmomentenNietInAlle.isEmpty { out += "<p>Geen verschillen.</p>\n" }
        else {
            out += HTMLText.table(caption: nil, headers: ["Kwartaal", "Moment", "Wat"] + names, rows: comparison.stuurmomentenNietInAlle.map { row in
                [e(row.kwartaal ?? "onbekend"), e(row.moment), e(row.titel)] + row.aanwezig.map { $0 ? "✓" : "" }
            })
        }
        return out
    }
}
