/// Renders a comparison of scenarios as Dutch Markdown.
public struct MarkdownComparisonRenderer: Sendable {
    public init() {}

    public func render(_ comparison: ScenarioComparison) -> String {
        let inline = MarkdownRenderer().inline
        let names = comparison.scenarios.map { inline($0.titel) }
        var out = ["# Vergelijking van scenario's", ""]
        out.append("\(inline(comparison.dossier.titel)) · regelbasis versie \(inline(comparison.dossier.versie)). Verschillen (Δ) staan ten opzichte van het eerste scenario: \(names.first ?? "").")
        out += ["", "| Scenario | Peildatum | Bijsturingen | Fouten | Waarschuwingen |", "| --- | --- | ---: | ---: | ---: |"]
        for scenario in comparison.scenarios {
            out.append("| \(inline(scenario.titel)) | \(DutchFormat.date(scenario.peildatum)) | \(scenario.bijsturingen) | \(scenario.fouten) | \(scenario.waarschuwingen) |")
        }
        out += ["", "## Geld: nadeel per jaar (lasten − baten)", ""]
        out.append("| Jaar | " + names.joined(separator: " | ") + " |")
        out.append("| --- | " + names.map { _ in "---:" }.joined(separator: " | ") + " |")
        func cells(_ values: [ScenarioComparison.TotalWithDelta]) -> String {
            values.map { value in
                let total = DutchFormat.total(value.totaal.amountTotal)
                guard let delta = value.verschil else { return total }
                return "\(total) (Δ \(DutchFormat.total(delta.amountTotal)))"
            }.joined(separator: " | ")
        }
        for year in comparison.geld { out.append("| \(year.jaar) | \(cells(year.nadeel)) |") }
        out.append("| Totaal periode | \(cells(comparison.saldoPeriode)) |")
        out.append("| Structureel na periode | \(cells(comparison.structureelNaPeriode)) |")
        out += ["", "## Beslissingen die verschillen", ""]
        if comparison.verschillendeKeuzes.isEmpty {
            out.append("Alle scenario's kiezen hetzelfde.")
        } else {
            out.append("| Beslissing | Huidige lijn (dossier) | " + names.joined(separator: " | ") + " |")
            out.append("| --- | --- | " + names.map { _ in "---" }.joined(separator: " | ") + " |")
            for row in comparison.verschillendeKeuzes {
                let choices = zip(row.keuzes, row.afwijking).map { $1 ? "**\(inline($0))**" : inline($0) }
                out.append("| \(row.beslissing) \(inline(row.ficheTitel)) | \(inline(row.huidigeLijn)) | " + choices.joined(separator: " | ") + " |")
            }
        }
        out += ["", "## Meldingen die niet in alle scenario's voorkomen", ""]
        if comparison.verschillendeMeldingen.isEmpty { out.append("Geen verschillen.") }
        for row in comparison.verschillendeMeldingen {
            let which = zip(names, row.aanwezig).filter(\.1).map(\.0).joined(separator: ", ")
            out.append("- **\(row.niveau.rawValue)** \(inline(row.tekst)) — in: \(which)")
        }
        out += ["", "## Stuurmomenten die alleen sommige scenario's nodig hebben", ""]
        if comparison.stuurmomentenNietInAlle.isEmpty { out.append("Geen verschillen.") }
        for row in comparison.stuurmomentenNietInAlle {
            let which = zip(names, row.aanwezig).filter(\.1).map(\.0).joined(separator: ", ")
            out.append("- \(row.kwartaal ?? "onbekend") · \(inline(row.moment)) · \(inline(row.titel)) — in: \(which)")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
