/// Renders a report as Dutch Markdown: summary, choices, money, messages, timeline, consequences, partners, sources.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ report: ConsequenceReport) -> String {
        var out: [String] = []
        let summary = report.samenvatting
        out.append("# Consequentierapport: \(inline(report.scenario.titel))")
        out.append("")
        out.append("\(inline(report.dossier.titel)) · regelbasis versie \(inline(report.dossier.versie)) · periode \(report.dossier.periode.map(String.init).joined(separator: "–")) · peildatum \(DutchFormat.date(report.scenario.peildatum))")
        if let description = report.scenario.omschrijving {
            out.append("")
            out.append(inline(description))
        }

        out.append("")
        out.append("## Samenvatting")
        out.append("")
        out.append("| | |")
        out.append("| --- | --- |")
        out.append("| Beslissingen | \(summary.beslissingen) |")
        out.append("| Bijsturingen (afwijkingen van de huidige lijn) | \(summary.bijsturingen) |")
        out.append("| Niet in het scenario genoemd (huidige lijn aangenomen) | \(summary.standaardKeuzes) |")
        out.append("| Fouten / waarschuwingen / info | \(summary.fouten) / \(summary.waarschuwingen) / \(summary.info) |")
        out.append("| Nadeel over de periode (lasten − baten) | \(DutchFormat.total(summary.saldoPeriode.amountTotal)) |")
        out.append("| Structureel nadeel per jaar na de periode | \(DutchFormat.total(summary.structureelNaPeriode.amountTotal)) |")
        out.append("| Effecten met onbekend bedrag | \(summary.onbekendeBedragen) |")

        out.append("")
        out.append("## Keuzes")
        out.append("")
        let deviations = report.keuzes.filter(\.afwijking)
        if deviations.isEmpty {
            out.append("Alle beslissingen blijven op de huidige lijn.")
        } else {
            out.append("| Beslissing | Gekozen | Huidige lijn | Logisch moment |")
            out.append("| --- | --- | --- | --- |")
            for choice in deviations {
                out.append("| \(cell(choice.beslissing)) \(cell(choice.ficheTitel)): \(cell(choice.vraag)) | **\(cell(choice.gekozen.titel))** | \(cell(choice.huidigeLijn.titel)) | \(cell(choice.stuurmoment?.tekst ?? "onbekend")) |")
            }
        }
        out.append("")
        out.append("### Alle beslissingen")
        out.append("")
        out.append("| Beslissing | Keuze | Status |")
        out.append("| --- | --- | --- |")
        for choice in report.keuzes {
            let status = choice.afwijking ? "**bijsturing**" : (choice.expliciet ? "huidige lijn" : "huidige lijn (niet genoemd)")
            out.append("| \(choice.beslissing) | \(cell(choice.gekozen.titel)) | \(status) |")
        }
        out.append("")
        out.append("### Aannames")
        out.append("")
        out.append("| Aanname | Waarde | Herkomst |")
        out.append("| --- | --- | --- |")
        for assumption in report.aannames {
            out.append("| \(cell(assumption.titel)) | \(assumption.waarde ? "ja" : "nee") | \(assumption.standaard ? "standaard" : "scenario") |")
        }

        out.append("")
        out.append("## Geld")
        out.append("")
        out.append("Bedragen ten opzichte van de vastgestelde begroting 2026 en meerjarenraming. Nadeel = lasten − baten (positief is een nadeel). Een bandbreedte staat als min – max; onbekende bedragen tellen niet als € 0 mee maar worden geteld.")
        out.append("")
        out.append("| Jaar | Lasten | Baten | Nadeel | waarvan structureel | waarvan incidenteel |")
        out.append("| --- | ---: | ---: | ---: | ---: | ---: |")
        for year in report.geld.jaren {
            out.append("| \(year.jaar) | \(t(year.lasten)) | \(t(year.baten)) | \(t(year.nadeel)) | \(t(year.structureel)) | \(t(year.incidenteel)) |")
        }
        out.append("")
        out.append("Structureel nadeel per jaar na \(report.dossier.periode.last ?? 0): **\(t(report.geld.structureelNaPeriode))**.")
        if let frame = report.geld.kader {
            var parts: [String] = []
            if let value = frame.maxStructureelNadeelCent { parts.append("maximaal structureel nadeel \(DutchFormat.euro(Money(cents: value)))") }
            if let value = frame.maxNadeelPerJaarCent { parts.append("maximaal nadeel per jaar \(DutchFormat.euro(Money(cents: value)))") }
            out.append("")
            out.append("Begrotingskader van het scenario: \(parts.joined(separator: "; ")). Zie de meldingen voor de toets.")
        }
        for (title, groups) in [("Per programma", report.geld.programmas), ("Per opgave (een effect telt mee bij elke opgave van zijn fiche)", report.geld.opgaven)] where !groups.isEmpty {
            out.append("")
            out.append("### \(title)")
            out.append("")
            out.append("| | " + report.geld.jaren.map { String($0.jaar) }.joined(separator: " | ") + " |")
            out.append("| --- | " + report.geld.jaren.map { _ in "---:" }.joined(separator: " | ") + " |")
            for group in groups {
                out.append("| \(cell(group.titel)) | " + group.perJaar.map(t).joined(separator: " | ") + " |")
            }
        }
        if !report.effecten.isEmpty {
            out.append("")
            out.append("### Effecten")
            out.append("")
            out.append("| Nr | Omschrijving | Herkomst | Soort | Bedrag | Bron |")
            out.append("| --- | --- | --- | --- | --- | --- |")
            for effect in report.effecten {
                let source = effect.bron.map { "fiche \($0.fiche)" } ?? "aanname"
                out.append("| \(effect.nummer) | \(cell(effect.omschrijving)) | \(cell(effect.herkomst)) | \(effect.soort), \(effect.aard) | \(cell(effect.bedrag))\(effect.aandeel.map { " (aandeel \($0) van \(effect.totaal ?? "?"))" } ?? "") | \(source) |")
            }
        }

        if !report.inBegroting.isEmpty {
            out.append("")
            out.append("### Al in de begroting (ter informatie, niet in de totalen)")
            out.append("")
            out.append("| Nr | Omschrijving | Herkomst | Soort | Bedrag | Bron |")
            out.append("| --- | --- | --- | --- | --- | --- |")
            for effect in report.inBegroting {
                out.append("| \(effect.nummer) | \(cell(effect.omschrijving)) | \(cell(effect.herkomst)) | \(effect.soort), \(effect.aard) | \(cell(effect.bedrag))\(effect.aandeel.map { " (aandeel \($0) van \(effect.totaal ?? "?"))" } ?? "") | \(effect.bron.map { "fiche \($0.fiche)" } ?? "aanname") |")
            }
        }

        out.append("")
        out.append("## Afhankelijkheden en meldingen")
        out.append("")
        if report.meldingen.isEmpty {
            out.append("Geen meldingen.")
        } else {
            for message in report.meldingen {
                out.append("- **\(message.niveau.rawValue)** (\(inline(message.herkomst))): \(inline(message.tekst))")
            }
        }

        out.append("")
        out.append("## Tijdlijn van stuurmomenten")
        out.append("")
        if report.tijdlijn.isEmpty {
            out.append("Geen stuurmomenten.")
        } else {
            out.append("| Kwartaal | Moment | Wat | Soort | P&C-document | |")
            out.append("| --- | --- | --- | --- | --- | --- |")
            for item in report.tijdlijn {
                out.append("| \(item.kwartaal ?? "onbekend") | \(cell(item.moment.tekst)) | \(cell(item.titel)) | \(item.soort.rawValue) | \(cell(item.planning ?? "–")) | \(item.verstreken ? "verstreken" : "") |")
            }
        }

        out.append("")
        out.append("## Kansen en risico's")
        out.append("")
        if report.kansenEnRisicos.isEmpty { out.append("Geen kansen of risico's vastgelegd bij de gekozen opties.") }
        for item in report.kansenEnRisicos {
            out.append("- **\(item.beslissing)** \(inline(item.optie))\(item.afwijking ? " (bijsturing)" : "")")
            for kans in item.kansen { out.append("  - kans: \(inline(kans))") }
            for risico in item.risicos { out.append("  - risico: \(inline(risico))") }
        }

        out.append("")
        out.append("## Partners en externe ontwikkelingen")
        out.append("")
        if report.partners.isEmpty, report.externeOntwikkelingen.isEmpty { out.append("Geen bijsturingen: geen partners te informeren.") }
        for partner in report.partners {
            out.append("- **\(partner.fiche) \(inline(partner.titel))**: \(partner.partners.map(inline).joined(separator: ", "))")
        }
        for development in report.externeOntwikkelingen {
            for text in development.ontwikkelingen { out.append("- \(development.fiche) extern: \(inline(text))") }
        }

        out.append("")
        out.append("## Bronnen")
        out.append("")
        if report.bronnen.isEmpty { out.append("Geen bedragen met een bron in dit scenario.") }
        for source in report.bronnen {
            out.append("- \(source.effecten.joined(separator: ", ")) — fiche \(source.fiche): “\(inline(source.citaat))”")
        }
        for effect in report.effecten + report.inBegroting {
            if let assumption = effect.aanname { out.append("- \(effect.nummer) — aanname: \(inline(assumption))") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func t(_ total: ConsequenceReport.Total) -> String { DutchFormat.total(total.amountTotal) }

    /// Text from YAML on one line, with Markdown control characters escaped.
    func inline(_ text: String) -> String {
        // Most texts contain nothing to escape: one pass over the bytes decides.
        guard text.utf8.contains(where: Self.needsEscaping) else { return text.trimmingWhitespace() }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r": result.unicodeScalars.append(" ")
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|":
                result.unicodeScalars.append("\\")
                result.unicodeScalars.append(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result.trimmingWhitespace()
    }

    /// Bytes that ``inline(_:)`` rewrites: line breaks and Markdown's punctuation.
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "#"), UInt8(ascii: "|"):
            true
        default:
            false
        }
    }

    private func cell(_ text: String) -> String { inline(text) }
}
