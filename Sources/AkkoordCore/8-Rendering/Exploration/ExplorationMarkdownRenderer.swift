/// Renders an ``ExplorationReport`` as Markdown.
public struct ExplorationMarkdownRenderer: Sendable {
    public init() {}

    public func render(_ report: ExplorationReport, packageYAML: String?) -> String {
        let writer = MarkdownOutlineWriter()
        let md: (String) -> String = { writer.inline($0) }
        var out = "# \(md(report.titel))\n\n"
        out += "**Status: \(md(report.status)).** \(md(report.toelichting))\n\n"
        out += "- Posities: \(report.posities.map(md).joined(separator: "; "))\n"
        let frame = [
            report.kader.maxStructureelNadeel.map { "structureel nadeel ≤ \($0)" },
            report.kader.maxNadeelPerJaar.map { "nadeel per jaar ≤ \($0)" },
            report.kader.maxOnbekendNadeel.map { "effecten met onbekend nadeel ≤ \($0)" },
        ].compactMap { $0 }
        out += "- Kader (bovenkant van bandbreedtes): \(frame.isEmpty ? "geen" : frame.joined(separator: ", "))\n"
        out += "- Aannames anders dan standaard: \(report.aannames.isEmpty ? "geen" : report.aannames.map(md).joined(separator: ", "))\n"
        out += "- Zoekknopen: \(report.zoekknopen)\n\n"
        if !report.conflict.isEmpty {
            out += "## Deze eisen gaan samen niet\n\n"
            for constraint in report.conflict {
                out += "- `\(constraint.locatie)`: \(md(constraint.soort)): \(md(constraint.tekst))\n"
            }
            out += "\n"
        }
        for package in report.pakketten {
            out += package.rang == 1 ? "## Beste pakket\n\n" : "## Pakket \(package.rang)\n\n"
            out += "Laagste tevredenheid \(package.laagsteTevredenheid), samen \(package.totaleTevredenheid); "
            out += "structureel nadeel na de periode \(package.structureelNadeel); "
            out += "nadeel per jaar: \(package.nadeelPerJaar.map { "\($0.jaar) \($0.nadeel)" }.joined(separator: ", "))"
            out += package.onbekendNadeel > 0 ? "; \(package.onbekendNadeel) effect(en) met onbekend nadeel.\n\n" : ".\n\n"
            out += "| positie | tevredenheid | krijgt | levert in |\n| --- | ---: | --- | --- |\n"
            for party in package.partijen {
                let gets = party.krijgt.map { "\($0.beslissing): \($0.gewenst)" }.joined(separator: ", ")
                let gives = party.leverIn.map { "\($0.beslissing): \($0.gewenst) → \($0.pakket)" }.joined(separator: ", ")
                out +=
                    "| \(md(party.naam)) | \(party.tevredenheid) (\(party.gehonoreerd)/\(party.gewicht)) | \(md(gets)) | \(md(gives)) |\n"
            }
            out += "\n"
            if package.rang == 1 {
                let deviations = package.keuzes.filter(\.afwijking)
                out += "Afwijkingen van de huidige lijn (\(deviations.count)): "
                out += deviations.map { "\($0.beslissing): \($0.optie)" }.joined(separator: ", ") + "\n\n"
            }
        }
        if !report.paretofront.isEmpty {
            out += "## Paretofront: structureel nadeel tegen laagste tevredenheid\n\n"
            out += report.paretofrontVolledig ? "" : "_Onvolledig: de zoektocht is gestopt._\n\n"
            out += "| laagste tevredenheid | structureel nadeel |\n| ---: | ---: |\n"
            for point in report.paretofront { out += "| \(point.laagsteTevredenheid) | \(point.structureelNadeel) |\n" }
            out += "\n"
        }
        if let packageYAML {
            out += "## Het beste pakket als scenario\n\n```yaml\n\(packageYAML)```\n"
        }
        return out
    }
}
