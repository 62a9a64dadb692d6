/// Writes budget effects with the mix a benchmark needs: exact amounts (some in Dutch notation, some as total ×
/// share, a few negative), ranges and `onbekend`, each with a literal `bron` or a labelled `aanname`.
enum EffectWriter {
    /// The programme ids of the synthetic `dossier.yaml`.
    static let programmes = ["aantrekkelijk", "open", "groen", "inclusief", "veiligheid", "bedrijfsvoering"]

    /// The YAML lines of one effect mapping (relative indentation). Outside a fiche (`regels/`) there is no default
    /// programme or source fiche, so `outside` names the fiche to cite and a programme is always written.
    static func lines(outside fiche: String? = nil, _ random: inout SeededGenerator) -> [String] {
        var lines = ["omschrijving: \(YAMLWriter.quote(DutchText.text(90, &random)))"]
        lines.append("soort: \(random.chance(0.7) ? "lasten" : "baten")")
        let timing = random.weighted([("vanaf", 70), ("jaar", 15), ("jaren", 10), ("per_jaar", 5)])
        if random.chance(0.5), timing != "per_jaar" {
            lines.append("aard: \(timing == "vanaf" ? "structureel" : "incidenteel")")
        }
        if fiche != nil || random.chance(0.2) { lines.append("programma: \(random.pick(programmes))") }
        if timing != "per_jaar" {
            switch random.weighted([("exact", 35), ("range", 25), ("onbekend", 40)]) {
            case "exact":
                if random.chance(0.15) {
                    lines.append("totaal: \(random.int(10...400) * 50_000)")
                    lines.append("aandeel: \"50%\"")
                    lines.append("medefinanciers: [\(random.pick(DutchText.partners))]")
                } else {
                    lines.append("bedrag: \(money(random.int(5...600) * 5_000, &random))")
                }
            case "range":
                let low = random.int(2...300) * 10_000
                lines.append("bedrag: {min: \(low), max: \(low + random.int(1...200) * 10_000)}")
            default:
                lines.append("bedrag: onbekend")
            }
        }
        switch timing {
        case "vanaf": lines.append("vanaf: \(random.int(2026...2029))")
        case "jaar": lines.append("jaar: \(random.int(2026...2030))")
        case "jaren":
            let first = random.int(2026...2028)
            lines.append("jaren: [\(first), \(first + 1), \(first + 2)]")
        default:
            let first = random.int(2026...2028)
            lines.append(
                "per_jaar: {\(first): \(random.int(1...40) * 25_000), \(first + 1): onbekend, \(first + 2): \(random.int(1...40) * 25_000)}"
            )
        }
        lines += provenance(fiche: fiche, &random)
        return lines
    }

    /// `bron` with a literal quote (85%) or an `aanname` explaining the choice.
    static func provenance(fiche: String?, _ random: inout SeededGenerator) -> [String] {
        if random.chance(0.85) {
            return ["bron: {\(fiche.map { "fiche: \($0), " } ?? "")citaat: \(YAMLWriter.quote(DutchText.sentence(&random)))}"]
        }
        return ["aanname: \(YAMLWriter.quote("Het dossier noemt geen bedrag; " + DutchText.sentence(&random)))"]
    }

    /// An amount in euros: plain, in Dutch notation (`"1.250.000"`) or negative (a saving).
    private static func money(_ euros: Int, _ random: inout SeededGenerator) -> String {
        if random.chance(0.05) { return "-\(euros)" }
        guard random.chance(0.2), euros >= 1000 else { return "\(euros)" }
        var groups: [String] = []
        var rest = euros
        while rest >= 1000 {
            let group = String(rest % 1000)
            groups.insert(String(repeating: "0", count: 3 - group.count) + group, at: 0)
            rest /= 1000
        }
        groups.insert(String(rest), at: 0)
        return YAMLWriter.quote(groups.joined(separator: "."))
    }
}
