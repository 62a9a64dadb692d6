/// Renders a consequence report as a self-contained, printable HTML page.
public struct HTMLReportRenderer: Sendable {
    /// An optional marking on every page, e.g. "concept" or "vertrouwelijk".
    public var marking: String?

    public init(marking: String? = nil) { self.marking = marking }

    public func render(_ report: ConsequenceReport) -> String {
        HTMLText.page(title: "Consequentierapport: \(report.scenario.titel)", marking: marking, body: body(report, headingLevel: 1))
    }

    /// The report's content; `headingLevel` 1 for a page of its own, 2 inside a briefing pack page.
    func body(_ report: ConsequenceReport, headingLevel: Int) -> String {
        let e = HTMLText.escape
        let h = headingLevel, h2 = headingLevel + 1, h3 = headingLevel + 2
        let summary = report.samenvatting
        func t(_ total: ConsequenceReport.Total) -> String { e(DutchFormat.total(total.amountTotal)) }
        var out = "<h\(h)>Consequentierapport: \(e(report.scenario.titel))</h\(h)>\n"
        out += "<p class=\"meta\">\(e(report.dossier.titel)) · regelbasis versie \(e(report.dossier.versie)) · periode \(report.dossier.periode.map(String.init).joined(separator: "–")) · peildatum \(e(DutchFormat.date(report.scenario.peildatum)))</p>\n"
        if let description = report.scenario.omschrijving { out += "<p>\(e(description))</p>\n" }

        out += "<h\(h2)>Samenvatting</h\(h2)>\n<div class=\"cards\">"
        for (label, value) in [("Bijsturingen", "\(summary.bijsturingen) van \(summary.beslissingen)"),
                               ("Fouten / waarschuwingen", "\(summary.fouten) / \(summary.waarschuwingen)"),
                               ("Nadeel over de periode", DutchFormat.total(summary.saldoPeriode.amountTotal, compact: true)),
                               ("Structureel nadeel na de periode", DutchFormat.total(summary.structureelNaPeriode.amountTotal, compact: true)),
                               ("Onbekende bedragen", "\(summary.onbekendeBedragen)")] {
            out += "<div class=\"card\">\(e(label))<strong>\(e(value))</strong></div>"
        }
        out += "</div>\n<p>\(summary.standaardKeuzes) beslissingen staan niet in het scenario en blijven op de huidige lijn.</p>\n"

        out += "<h\(h2)>Keuzes</h\(h2)>\n"
        let deviations = report.keuzes.filter(\.afwijking)
        if deviations.isEmpty {
            out += "<p>Alle beslissingen blijven op de huidige lijn.</p>\n"
        } else {
            out += HTMLText.table(caption: "Bijsturingen", headers: ["Beslissing", "Gekozen", "Huidige lijn", "Logisch moment"], rows: deviations.map {
                ["\(e($0.beslissing)) \(e($0.ficheTitel))<br><small>\(e($0.vraag))</small>", "<span class=\"bijsturing\">\(e($0.gekozen.titel))</span>",
                 e($0.huidigeLijn.titel), e($0.stuurmoment?.tekst ?? "onbekend")]
            })
        }
        out += HTMLText.table(caption: "Aannames", headers: ["Aanname", "Waarde", "Herkomst"], rows: report.aannames.map {
            [e($0.titel), $0.waarde ? "ja" : "nee", $0.standaard ? "standaard" : "scenario"]
        })

        out += "<h\(h2)>Geld</h\(h2)>\n<p>Bedragen ten opzichte van de vastgestelde begroting 2026 en meerjarenraming. Nadeel = lasten − baten (positief is een nadeel). Een bandbreedte staat als min – max; onbekende bedragen tellen niet als € 0 mee maar worden geteld.</p>\n"
        let years = report.geld.jaren.map(\.jaar)
        out += "<figure>" + SVGChart.moneyPerYear(years: years, series: [SVGChart.Series(name: report.scenario.titel, values: report.geld.jaren.map(\.nadeel))],
                                                  title: "Nadeel per jaar: \(report.scenario.titel)")
        out += "<figcaption>Nadeel per jaar. Gearceerd: bandbreedte; ?: onbekende bedragen.</figcaption></figure>\n"
        out += HTMLText.table(caption: "Per jaar", headers: ["Jaar", "Lasten", "Baten", "Nadeel", "waarvan structureel", "waarvan incidenteel"],
                              rows: report.geld.jaren.map { ["\($0.jaar)", t($0.lasten), t($0.baten), t($0.nadeel), t($0.structureel), t($0.incidenteel)] },
                              numericColumns: [1, 2, 3, 4, 5])
        out += "<p>Structureel nadeel per jaar na \(report.dossier.periode.last ?? 0): <strong>\(t(report.geld.structureelNaPeriode))</strong>.</p>\n"
        if let frame = report.geld.kader {
            var parts: [String] = []
            if let value = frame.maxStructureelNadeelCent { parts.append("maximaal structureel nadeel \(DutchFormat.euro(Money(cents: value)))") }
            if let value = frame.maxNadeelPerJaarCent { parts.append("maximaal nadeel per jaar \(DutchFormat.euro(Money(cents: value)))") }
            out += "<p>Begrotingskader van het scenario: \(e(parts.joined(separator: "; "))). Zie de meldingen voor de toets.</p>\n"
        }
        for (caption, groups) in [("Per programma", report.geld.programmas), ("Per opgave (een effect telt mee bij elke opgave van zijn fiche)", report.geld.opgaven)] where !groups.isEmpty {
            out += HTMLText.table(caption: caption, headers: [""] + years.map(String.init),
                                  rows: groups.map { [e($0.titel)] + $0.perJaar.map(t) }, numericColumns: Set(1...years.count))
        }
        if !report.effecten.isEmpty {
            out += HTMLText.table(caption: "Effecten", headers: ["Nr", "Omschrijving", "Herkomst", "Soort", "Bedrag", "Bron"], rows: report.effecten.map(effectRow))
        }
        if !report.inBegroting.isEmpty {
            out += HTMLText.table(caption: "Al in de begroting (ter informatie, niet in de totalen)", headers: ["Nr", "Omschrijving", "Herkomst", "Soort", "Bedrag", "Bron"],
                                  rows: report.inBegroting.map(effectRow))
        }

        out += "<h\(h2)>Afhankelijkheden en meldingen</h\(h2)>\n"
        if report.meldingen.isEmpty {
            out += "<p>Geen meldingen.</p>\n"
        } else {
            out += "<ul>" + report.meldingen.map { "<li><span class=\"\($0.niveau.rawValue)\">\($0.niveau.rawValue)</span> (\(e($0.herkomst))): \(e($0.tekst))</li>" }.joined() + "</ul>\n"
        }

        out += "<h\(h2)>Tijdlijn van stuurmomenten</h\(h2)>\n"
        out += "<figure>" + SVGChart.momentsPerQuarter(items: report.tijdlijn, years: (report.dossier.periode.first ?? 2026)...(report.dossier.periode.last ?? 2030),
                                                       title: "Stuurmomenten en aflopende lijnen per kwartaal") + "<figcaption>Aantal per kwartaal.</figcaption></figure>\n"
        if report.tijdlijn.isEmpty { out += "<p>Geen stuurmomenten.</p>\n" } else {
        out += HTMLText.table(caption: nil, headers: ["Kwartaal", "Moment", "Wat", "Soort", "P&C-document", ""], rows: report.tijdlijn.map {
            [e($0.kwartaal ?? "onbekend"), e($0.moment.tekst), e($0.titel), $0.soort.rawValue, e($0.planning ?? "–"), $0.verstreken ? "<span class=\"verstreken\">verstreken</span>" : ""]
        })
        }

        out += "<h\(h2)>Kansen en risico's</h\(h2)>\n"
        if report.kansenEnRisicos.isEmpty { out += "<p>Geen kansen of risico's vastgelegd bij de gekozen opties.</p>\n" }
        for item in report.kansenEnRisicos {
            out += "<h\(h3)>\(e(item.beslissing)): \(e(item.optie))\(item.afwijking ? " (bijsturing)" : "")</h\(h3)><ul>"
            out += item.kansen.map { "<li>kans: \(e($0))</li>" }.joined() + item.risicos.map { "<li>risico: \(e($0))</li>" }.joined() + "</ul>\n"
        }

        out += "<h\(h2)>Partners en externe ontwikkelingen</h\(h2)>\n"
        if report.partners.isEmpty, report.externeOntwikkelingen.isEmpty { out += "<p>Geen bijsturingen: geen partners te informeren.</p>\n" }
        if !report.partners.isEmpty {
            out += "<ul>" + report.partners.map { "<li><strong>\(e($0.fiche)) \(e($0.titel))</strong>: \($0.partners.map(e).joined(separator: ", "))</li>" }.joined() + "</ul>\n"
        }
        if !report.externeOntwikkelingen.isEmpty {
            out += "<ul>" + report.externeOntwikkelingen.flatMap { item in item.ontwikkelingen.map { "<li>\(e(item.fiche)) extern: \(e($0))</li>" } }.joined() + "</ul>\n"
        }

        out += "<h\(h2)>Bronnen</h\(h2)>\n"
        if report.bronnen.isEmpty { out += "<p>Geen bedragen met een bron in dit scenario.</p>\n" }
        out += "<ul>" + report.bronnen.map { "<li>\(e($0.effecten.joined(separator: ", "))) — fiche \(e($0.fiche)):<blockquote>“\(e($0.citaat))”</blockquote></li>" }.joined()
        out += (report.effecten + report.inBegroting).compactMap { effect in effect.aanname.map { "<li>\(e(effect.nummer)) — aanname: \(e($0))</li>" } }.joined() + "</ul>\n"
        return out
    }

    private func effectRow(_ effect: ConsequenceReport.EffectLine) -> [String] {
        let e = HTMLText.escape
        let share = effect.aandeel.map { " (aandeel \(e($0)) van \(e(effect.totaal ?? "?")))" } ?? ""
        return [e(effect.nummer), e(effect.omschrijving), e(effect.herkomst), "\(e(effect.soort)), \(e(effect.aard))", e(effect.bedrag) + share,
                effect.bron.map { "fiche \(e($0.fiche))" } ?? "aanname"]
    }
}
