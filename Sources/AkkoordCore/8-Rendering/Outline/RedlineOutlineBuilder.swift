/// The outline of a redline between two rounds (``RoundRedline``): every sentence of `akkoord redline`, once.
public struct RedlineOutlineBuilder: Sendable {
    public init() {}

    public static let title = "Wat er bewoog tussen twee rondes"

    public func build(_ redline: RoundRedline) -> Outline {
        let before = "\(redline.vorige.titel) (\(redline.vorige.bestand), peildatum \(DutchFormat.date(redline.vorige.peildatum)))"
        let now = "\(redline.huidige.titel) (\(redline.huidige.bestand), peildatum \(DutchFormat.date(redline.huidige.peildatum)))"
        let header: OutlineText = "Vorige ronde: \(before); deze ronde: \(now)."
        return Outline(
            title: "\(text: Self.title)", blocks: [.meta(header)],
            sections: [decisions(redline), money(redline), messages(redline), progress(redline)])
    }

    static func status(_ position: RoundRedline.Position) -> String { position.status?.rawValue ?? "–" }

    static func option(_ position: RoundRedline.Position) -> String {
        position.optie.titel + (position.expliciet ? "" : " (niet genoemd)")
    }

    func decisions(_ redline: RoundRedline) -> Outline.Section {
        let table = OutlineTable(
            headers: ["Beslissing", "Vorige ronde", "Deze ronde", "Status"],
            rows: redline.beslissingen.map { move in
                [
                    "\(move.beslissing.description): \(move.vraag)",
                    "\(Self.option(move.vorige))",
                    move.optieVeranderd ? "\(deviation: Self.option(move.huidige))" : "\(Self.option(move.huidige))",
                    move.statusVeranderd
                        ? "\(text: Self.status(move.vorige)) → \(strong: Self.status(move.huidige))" : "\(Self.status(move.huidige))",
                ] as [OutlineText]
            }, emptyState: "Geen beslissing kreeg een andere optie, status of notitie.")
        let notes = redline.beslissingen.filter { $0.vorige.notitie != $0.huidige.notitie }
        var blocks: [OutlineBlock] = [.table(table)]
        if !notes.isEmpty {
            blocks.append(
                .table(
                    OutlineTable(
                        title: "Notities", headers: ["Beslissing", "Vorige ronde", "Deze ronde"],
                        rows: notes.map { ["\($0.beslissing.description)", "\($0.vorige.notitie ?? "–")", "\($0.huidige.notitie ?? "–")"] })
                ))
        }
        return Outline.Section("Beslissingen die bewogen", blocks)
    }

    func money(_ redline: RoundRedline) -> Outline.Section {
        func row(_ label: String, _ move: RoundRedline.TotalMove) -> [OutlineText] {
            [
                "\(label)", "\(DutchFormat.burdenTotal(move.vorige.amountTotal))", "\(DutchFormat.burdenTotal(move.huidige.amountTotal))",
                "\(ReportOutlineBuilder.change(move.verschil))",
            ]
        }
        let rows =
            redline.geld.map { row(String($0.jaar), RoundRedline.TotalMove(vorige: $0.vorige, huidige: $0.huidige, verschil: $0.verschil)) }
            + [row("Over de periode", redline.saldoPeriode), row("Structureel na de periode", redline.structureelNaPeriode)]
        return Outline.Section(
            "Geld: nadeel (lasten − baten)",
            [.table(OutlineTable(headers: ["", "Vorige ronde", "Deze ronde", "Verschil"], rows: rows, numericColumns: [1, 2, 3]))])
    }

    func messages(_ redline: RoundRedline) -> Outline.Section {
        func table(_ title: String, _ messages: [ConsequenceReport.Message], none: String) -> OutlineTable {
            OutlineTable(
                title: title, headers: ["Niveau", "Melding"], rows: messages.map { ["\(level: $0.niveau)", "\($0.tekst)"] },
                emptyState: none)
        }
        return Outline.Section(
            "Conflicten en waarschuwingen",
            [
                .table(table("Erbij gekomen", redline.meldingenErbij, none: "Er kwamen geen fouten of waarschuwingen bij.")),
                .table(table("Opgelost", redline.meldingenOpgelost, none: "Er verdwenen geen fouten of waarschuwingen.")),
            ])
    }

    func progress(_ redline: RoundRedline) -> Outline.Section {
        Outline.Section(
            "Voortgang: beslissingen met status akkoord",
            [
                .table(
                    OutlineTable(
                        headers: ["Opgave", "Beslissingen", "Akkoord vorige ronde", "Akkoord deze ronde"],
                        rows: redline.voortgang.map {
                            [
                                "\($0.titel)", "\(String($0.beslissingen))", "\(String($0.akkoordVorige))",
                                "\(strong: String($0.akkoordHuidige))",
                            ]
                        }, numericColumns: [1, 2, 3]))
            ])
    }
}
