/// Builds the ``Outline`` of a comparison of scenarios, and of the timeline across scenarios in a briefing pack.
public struct ComparisonOutlineBuilder: Sendable {
    public init() {}

    public static let title = "Vergelijking van scenario's"

    public func build(_ comparison: ScenarioComparison) -> Outline {
        let names = comparison.scenarios.map(\.titel)
        return Outline(
            title: OutlineText(stringLiteral: Self.title), blocks: header(comparison),
            sections: [
                money(comparison), decisions(comparison, names: names), messages(comparison, names: names),
                moments(comparison, names: names),
            ])
    }

    func header(_ comparison: ScenarioComparison) -> [OutlineBlock] {
        [
            .meta(
                "\(comparison.dossier.titel) · regelbasis versie \(comparison.dossier.versie). Verschillen (Δ) staan ten opzichte van het eerste scenario: \(comparison.scenarios.first?.titel ?? "")."
            ),
            .table(
                OutlineTable(
                    caption: "Scenario's", headers: ["Scenario", "Peildatum", "Bijsturingen", "Fouten", "Waarschuwingen"],
                    rows: comparison.scenarios.map {
                        [
                            "\($0.titel)", OutlineText(stringLiteral: DutchFormat.date($0.peildatum)), "\(text: String($0.bijsturingen))",
                            "\(text: String($0.fouten))", "\(text: String($0.waarschuwingen))",
                        ]
                    }, numericColumns: [2, 3, 4])),
        ] + assumptionsAndDates(comparison)
    }

    /// What the scenarios differ in besides their choices, at the top: then a Δ is not caused by choices alone.
    func assumptionsAndDates(_ comparison: ScenarioComparison) -> [OutlineBlock] {
        var blocks: [OutlineBlock] = []
        if comparison.peildatumVerschilt {
            let dates = comparison.scenarios.map { "\($0.titel): \(DutchFormat.date($0.peildatum))" }
            blocks.append(
                .paragraph(
                    "\(strong: "Let op: de peildatum verschilt") (\(OutlineText.joined(dates, separator: "; "))). Meldingen die alleen daardoor verschillen staan apart."
                ))
        }
        if !comparison.verschillendeAannames.isEmpty {
            blocks.append(
                .paragraph(
                    "\(strong: "Let op: de scenario's verschillen in aannames"); een Δ mengt dus keuzes en aannames. Het eigen rapport van elk scenario toont het effect van alleen de keuzes (Wat dit scenario verandert)."
                ))
            blocks.append(
                .table(
                    OutlineTable(
                        title: "Aannames die verschillen", headers: ["Aanname"] + comparison.scenarios.map(\.titel),
                        rows: comparison.verschillendeAannames.map { row in
                            ["\(row.titel) (\(row.id))"] + row.waarden.map { "\(strong: $0 ? "ja" : "nee")" }
                        })))
        }
        return blocks
    }

    /// Net burden per year per scenario, as a chart.
    public func moneyChart(_ comparison: ScenarioComparison) -> OutlineBlock {
        .chart(
            OutlineChart(
                kind: .moneyPerYear(
                    years: comparison.geld.map(\.jaar),
                    series: comparison.scenarios.enumerated().map { index, scenario in
                        OutlineChart.Series(name: scenario.titel, values: comparison.geld.map { $0.nadeel[index].totaal })
                    }), title: "Nadeel per jaar per scenario",
                caption: "Nadeel (lasten − baten) per jaar per scenario. " + ReportOutlineBuilder.chartLegend))
    }

    func money(_ comparison: ScenarioComparison) -> Outline.Section {
        func cell(_ value: ScenarioComparison.TotalWithDelta) -> OutlineText {
            let total = DutchFormat.burdenTotal(value.totaal.amountTotal)
            guard let delta = value.verschil else { return "\(total)" }
            return "\(total)\(delta: "Δ \(DutchFormat.burdenTotal(delta.amountTotal, plainNadeel: false))")"
        }
        var rows = comparison.geld.map { ["\(text: String($0.jaar))"] + $0.nadeel.map(cell) }
        rows.append(["Totaal periode"] + comparison.saldoPeriode.map(cell))
        rows.append(["Structureel na periode"] + comparison.structureelNaPeriode.map(cell))
        return Outline.Section(
            "Geld: nadeel per jaar (lasten − baten)",
            [
                moneyChart(comparison),
                .table(
                    OutlineTable(
                        headers: ["Jaar"] + comparison.scenarios.map(\.titel), rows: rows,
                        numericColumns: Set(1...max(comparison.scenarios.count, 1)))),
            ])
    }

    /// The differing decisions. The column with the dossier's current line is left out when a compared scenario has no
    /// deviation at all: its own column already shows the current line, and the two would be the same.
    func decisions(_ comparison: ScenarioComparison, names: [String]) -> Outline.Section {
        let currentLineScenario = comparison.scenarios.firstIndex { $0.bijsturingen == 0 }
        let dossierColumn: [String] = currentLineScenario == nil ? ["Huidige lijn (dossier)"] : []
        return Outline.Section(
            "Beslissingen die verschillen",
            [
                .table(
                    OutlineTable(
                        headers: ["Beslissing"] + dossierColumn + names,
                        rows: comparison.verschillendeKeuzes.map { row in
                            let current: [OutlineText] = currentLineScenario == nil ? ["\(row.huidigeLijn)"] : []
                            return ["\(row.beslissing.description) \(row.ficheTitel)"] + current
                                + zip(row.keuzes, row.afwijking).map { $1 ? "\(deviation: $0)" : "\($0)" }
                        }, emptyState: "Alle scenario's kiezen hetzelfde."))
            ]
                + (currentLineScenario.map { [.paragraph("\(names[$0]) volgt overal de huidige lijn van het dossier.")] } ?? []))
    }

    /// The scenarios that have something, as text: "in: A, B".
    private func presence(_ present: [Bool], _ names: [String]) -> OutlineText {
        " — in: \(OutlineText.joined(zip(names, present).filter(\.1).map(\.0), separator: ", "))"
    }

    private func marks(_ present: [Bool]) -> [OutlineText] { present.map { $0 ? "✓" : "" } }

    /// A section about differences between the scenarios, or the sentence that there are none.
    private func differences(_ title: String, none: Bool, _ blocks: () -> [OutlineBlock]) -> Outline.Section {
        Outline.Section(title, none ? [.emptyState("Geen verschillen.")] : blocks())
    }

    func messages(_ comparison: ScenarioComparison, names: [String]) -> Outline.Section {
        let rows = comparison.verschillendeMeldingen.filter { !$0.alleenPeildatum }
        let dated = comparison.verschillendeMeldingen.filter(\.alleenPeildatum)
        func blocks(_ rows: [ScenarioComparison.MessageRow], title: String?) -> [OutlineBlock] {
            [
                .only(
                    .text,
                    (title.map { [OutlineBlock.paragraph("\(strong: $0)")] } ?? [])
                        + [.list(rows.map { "\(level: $0.niveau) \($0.tekst)\(presence($0.aanwezig, names))" })]),
                .only(
                    .visual,
                    [
                        .table(
                            OutlineTable(
                                title: title, headers: ["Niveau", "Melding"] + names,
                                rows: rows.map { row in
                                    ["\(level: row.niveau)", "\(row.tekst)"] + marks(row.aanwezig)
                                }))
                    ]),
            ]
        }
        return differences("Meldingen die niet in alle scenario's voorkomen", none: comparison.verschillendeMeldingen.isEmpty) {
            (rows.isEmpty ? [.emptyState("Geen verschillen door keuzes of aannames.")] : blocks(rows, title: nil))
                + (dated.isEmpty ? [] : blocks(dated, title: "Alleen door een andere peildatum"))
        }
    }

    func moments(_ comparison: ScenarioComparison, names: [String]) -> Outline.Section {
        let rows = comparison.stuurmomentenNietInAlle
        return differences("Stuurmomenten die alleen sommige scenario's nodig hebben", none: rows.isEmpty) {
            [
                .only(
                    .text, [.list(rows.map { "\($0.kwartaal ?? "onbekend") · \($0.moment) · \($0.titel)\(presence($0.aanwezig, names))" })]),
                .only(
                    .visual,
                    [
                        .table(
                            OutlineTable(
                                headers: ["Kwartaal", "Moment", "Wat"] + names,
                                rows: rows.map { row in
                                    ["\(row.kwartaal ?? "onbekend")", "\(row.moment)", "\(row.titel)"] + marks(row.aanwezig)
                                }))
                    ]),
            ]
        }
    }

    /// Steering moments and lapses of all scenarios, by quarter, with which scenarios need them.
    public func timeline(_ timeline: ScenarioTimeline, scenarioNames names: [String], years: ClosedRange<Int>) -> Outline {
        Outline(
            title: OutlineText(stringLiteral: ReportOutlineBuilder.timelineTitle),
            blocks: [
                .paragraph(
                    "Logische momenten om bij te sturen (bij bijsturingen) en lijnen die vanzelf aflopen, per kwartaal, met het eerstvolgende P&C-document."
                ),
                .chart(
                    OutlineChart(
                        kind: .momentsPerQuarter(items: timeline.rows.map(\.item), years: years),
                        title: "Stuurmomenten en aflopende lijnen per kwartaal, alle scenario's",
                        caption: "Aantal per kwartaal over alle scenario's samen.")),
                .table(
                    OutlineTable(
                        headers: ["Kwartaal", "Moment", "Wat", "Soort", "P&C-document"] + names,
                        rows: timeline.rows.map { row in
                            [
                                "\(row.item.kwartaal ?? "onbekend")", "\(row.item.moment.tekst)", "\(row.item.titel)",
                                "\(row.item.soort.rawValue)",
                                "\(row.item.planning ?? "–")",
                            ] + marks(row.aanwezig)
                        })),
            ], sections: [])
    }
}
