/// Builds the ``Outline`` of a consequence report: the one place where its Dutch wording is written.
public struct ReportOutlineBuilder: Sendable {
    public init() {}

    /// Where a verified quote stands in its source text: `bronnen/dossier.txt, regel 12`.
    static func place(file: String, line: Int) -> String { "\(file), regel \(line)" }

    public static let timelineTitle = "Tijdlijn van stuurmomenten"

    /// What the charts' hatching and question mark mean.
    static let chartLegend = "Gearceerd: bandbreedte; ?: onbekende bedragen."

    public func build(_ report: ConsequenceReport) -> Outline {
        Outline(
            title: title(report), blocks: header(report),
            sections: [
                changes(report), summary(report), choices(report), money(report), messages(report), timeline(report),
                opportunitiesAndRisks(report), partners(report), sources(report),
            ])
    }

    public func title(_ report: ConsequenceReport) -> OutlineText { "Consequentierapport: \(report.scenario.titel)" }

    func header(_ report: ConsequenceReport) -> [OutlineBlock] {
        let period = report.dossier.periode.map(String.init).joined(separator: "–")
        var blocks: [OutlineBlock] = [
            .meta(
                "\(report.dossier.titel) · regelbasis versie \(report.dossier.versie) · periode \(text: period) · peildatum \(text: DutchFormat.date(report.scenario.peildatum))"
            )
        ]
        if let description = report.scenario.omschrijving { blocks.append(.paragraph("\(description)")) }
        return blocks
    }

    /// `5 (3 nadeel, 2 voordeel)`: effects, not the unknown amounts per year that the totals count.
    static func unknownEffects(_ summary: ConsequenceReport.Summary) -> String {
        let parts = [
            summary.onbekendNadeel > 0 ? "\(summary.onbekendNadeel) nadeel" : nil,
            summary.onbekendVoordeel > 0 ? "\(summary.onbekendVoordeel) voordeel" : nil,
        ].compactMap { $0 }
        return parts.isEmpty ? "\(summary.onbekendeBedragen)" : "\(summary.onbekendeBedragen) (\(parts.joined(separator: ", ")))"
    }

    /// `in evenwicht`, `niet in evenwicht`, `onzeker`, with the years in which incidental money covers structural costs.
    static func structuralBalance(_ summary: ConsequenceReport.Summary) -> String {
        let balance =
            switch summary.structureelEvenwicht {
            case .inEvenwicht: "in evenwicht"
            case .nietInEvenwicht: "niet in evenwicht: structureel nadeel"
            case .onzeker: "onzeker (bandbreedte rond nul of onbekend nadeel)"
            }
        let years = summary.structureelIncidenteelGedekt
        return years.isEmpty
            ? balance : "\(balance); structurele lasten incidenteel gedekt in \(years.map(String.init).joined(separator: ", "))"
    }

    /// When to decide, in a few words: `nog 7 dagen`, `verstreken; laatste kans nog 7 dagen (begroting 2027)`,
    /// `verstreken, ook de laatste kans`, `onbekend`.
    static func shortDeadline(_ term: ConsequenceReport.Deadline) -> OutlineText {
        guard let days = term.dagenVanafPeildatum, let last = term.laatsteDag else { return "onbekend" }
        if days == 0 { return "vandaag (laatste dag)" }
        if days > 0 { return "nog \(text: String(days)) dagen" }
        switch term.dagenTotUiterlijk {
        case let left? where left >= 0:
            return "\(lapsed: "verstreken"); laatste kans nog \(text: String(left)) dagen (\(term.uiterlijk?.tekst ?? ""))"
        case _? where term.uiterlijk != nil: return "\(lapsed: "verstreken"), ook de laatste kans"
        default: return "\(lapsed: "verstreken") (t/m \(DutchFormat.date(last)))"
        }
    }

    public static let changesTitle = "Wat dit scenario verandert"

    /// A change of a total: `+€ 315.540`, `ondergrens …, bovengrens …`, `–`.
    static func change(_ delta: ConsequenceReport.Delta) -> String {
        delta.text()
    }

    /// First in every report: each deviation's marginal money and deadline, the interaction, the messages the scenario
    /// adds or removes and the assumptions that differ from their defaults, all against the current line under the
    /// scenario's own assumptions and reference date.
    func changes(_ report: ConsequenceReport) -> Outline.Section {
        let changes = report.wijzigingen
        let peildatum = DutchFormat.date(report.scenario.peildatum)
        let years =
            report.dossier.periode.first.flatMap { first in report.dossier.periode.last.map { Array(first...max(first, $0)) } } ?? []
        func cells(_ change: ConsequenceReport.Change, compact: Bool) -> [OutlineText] {
            years.map { year in "\(change.perJaar.first { $0.jaar == year }.map { $0.verschil.text(compact: compact) } ?? "–")" }
                + ["\(change.structureelNaPeriode.text(compact: compact))"]
        }
        // Deviations without any marginal money are named in one sentence below the table instead of a row of dashes.
        let withoutMoney = changes.bijsturingen.filter(\.marginaal.isZero)
        let withMoney = changes.bijsturingen.filter { !$0.marginaal.isZero }
        // Text media get the exact amounts; visual media the compact ones with when to decide beside them, so that money
        // and deadlines fit the first screen (the exact deadlines follow in their own table).
        func money(compact: Bool) -> OutlineTable {
            let deadline: [String] = compact ? ["Beslissen"] : []
            var rows: [[OutlineText]] = withMoney.map { decision in
                [
                    compact
                        ? "\(decision.beslissing.description): \(deviation: decision.gekozen.titel)"
                        : "\(decision.beslissing.description): \(deviation: decision.gekozen.titel)\(detail: "huidige lijn: \(decision.huidigeLijn.titel)")"
                ]
                    + cells(decision.marginaal, compact: compact) + (compact ? [Self.shortDeadline(decision.termijn)] : [])
            }
            if let interaction = changes.interactie {
                rows.append(
                    ["Samenspel van de keuzes (niet aan één keuze toe te rekenen)"] + cells(interaction, compact: compact)
                        + (compact ? [""] : []))
            }
            if !changes.bijsturingen.isEmpty {
                rows.append(
                    ["\(strong: "Totaal tegenover de huidige lijn")"] + cells(changes.totaal, compact: compact) + (compact ? [""] : []))
            }
            return OutlineTable(
                title: "Geld per bijsturing (marginaal nadeel per jaar)",
                headers: ["Bijsturing"] + years.map(String.init) + ["Structureel na de periode"] + deadline,
                rows: rows, numericColumns: Set(1...(years.count + 1)),
                emptyState: "Geen bijsturingen: alle beslissingen blijven op de huidige lijn.")
        }
        let deadlines = OutlineTable(
            title: "Wanneer beslissen", headers: ["Bijsturing", "Logisch moment", "Uiterlijk", "Vanaf de peildatum", "Volgorde"],
            rows: changes.bijsturingen.map { decision in
                let term = decision.termijn
                let days: OutlineText =
                    switch term.dagenVanafPeildatum {
                    case nil: "onbekend"
                    case let days? where days < 0: "\(lapsed: "verstreken") (\(text: String(-days)) dagen geleden)"
                    case 0?: "op de peildatum"
                    case let days?: "nog \(text: String(days)) dagen"
                    }
                let order: OutlineText =
                    term.laterNodig.isEmpty
                    ? "–" : "vereist \(OutlineText.joined(term.laterNodig.map(\.description), separator: ", ")), dat later aan de beurt is"
                var last: OutlineText = "\(term.laatsteDag.map(DutchFormat.date) ?? "onbekend")"
                if let latest = term.uiterlijk {
                    let left: OutlineText =
                        switch term.dagenTotUiterlijk {
                        case nil: ""
                        case let days? where days < 0: "; \(lapsed: "ook voorbij")"
                        case let days?: "; nog \(text: String(days)) dagen"
                        }
                    if let end = latest.eind {
                        last = "\(last); laatste kans: \(latest.tekst) (t/m \(DutchFormat.date(end)))\(left)"
                    } else {
                        last = "\(last); laatste kans: \(latest.tekst)\(left)"
                    }
                }
                return [
                    "\(decision.beslissing.description)", "\(term.stuurmoment.tekst)",
                    last, days, order,
                ]
            })
        let assumptions = OutlineTable(
            title: "Aannames die afwijken van de standaard", headers: ["Aanname", "In dit scenario", "Standaard"],
            rows: changes.afwijkendeAannames.map {
                ["\($0.titel) (\($0.id))", "\(strong: $0.waarde ? "ja" : "nee")", $0.standaardwaarde ? "ja" : "nee"]
            },
            emptyState: "Alle aannames staan op hun standaardwaarde.")
        func messageTable(_ title: String, _ messages: [ConsequenceReport.Message], none: String) -> OutlineTable {
            OutlineTable(
                title: title, headers: ["Niveau", "Melding"], rows: messages.map { ["\(level: $0.niveau)", "\($0.tekst)"] },
                emptyState: none)
        }
        var blocks: [OutlineBlock] = [
            .paragraph(
                "Vergeleken met de huidige lijn onder de aannames en de peildatum (\(text: peildatum)) van dit scenario: een verschil komt dus alleen door keuzes. Marginaal = dit scenario min hetzelfde scenario met alleen die beslissing terug op de huidige lijn; nadeel = lasten − baten."
            ),
            .only(.text, [.table(money(compact: false))]),
            .only(.visual, [.table(money(compact: true))]),
        ]
        if !withoutMoney.isEmpty {
            blocks.append(
                .paragraph(
                    "Zonder marginaal begrotingseffect in dit scenario: \(OutlineText.joined(withoutMoney.map { "\($0.beslissing.description) (\($0.gekozen.titel); beslissen: \(Self.shortDeadline($0.termijn).plain))" }, separator: "; "))."
                ))
        }
        if !changes.bijsturingen.isEmpty { blocks.append(.table(deadlines)) }
        blocks += [
            .table(assumptions),
            .table(
                messageTable(
                    "Meldingen die dit scenario toevoegt", changes.meldingenErbij, none: "Dit scenario voegt geen meldingen toe.")),
            .table(
                messageTable(
                    "Meldingen die dit scenario wegneemt", changes.meldingenEraf, none: "Dit scenario neemt geen meldingen weg.")),
        ]
        return Outline.Section(Self.changesTitle, blocks)
    }

    func summary(_ report: ConsequenceReport) -> Outline.Section {
        let summary = report.samenvatting
        func row(_ label: String, _ value: String) -> [OutlineText] {
            [OutlineText(stringLiteral: label), OutlineText(stringLiteral: value)]
        }
        let table = OutlineTable(
            headers: ["", ""],
            rows: [
                row("Beslissingen", "\(summary.beslissingen)"),
                row("Bijsturingen (afwijkingen van de huidige lijn)", "\(summary.bijsturingen)"),
                row("Niet in het scenario genoemd (huidige lijn aangenomen)", "\(summary.standaardKeuzes)"),
                row("Fouten / waarschuwingen / info", "\(summary.fouten) / \(summary.waarschuwingen) / \(summary.info)"),
                row("Nadeel over de periode (lasten − baten)", DutchFormat.burdenTotal(summary.saldoPeriode.amountTotal)),
                row("Structureel nadeel per jaar na de periode", DutchFormat.burdenTotal(summary.structureelNaPeriode.amountTotal)),
                row("Structureel evenwicht na de periode (BBV)", Self.structuralBalance(summary)),
                row("Effecten met onbekend bedrag", Self.unknownEffects(summary)),
            ])
        let figures = [
            OutlineBlock.Figure(label: "Bijsturingen", value: "\(summary.bijsturingen) van \(summary.beslissingen)"),
            OutlineBlock.Figure(label: "Fouten / waarschuwingen", value: "\(summary.fouten) / \(summary.waarschuwingen)"),
            OutlineBlock.Figure(
                label: "Nadeel over de periode", value: DutchFormat.burdenTotal(summary.saldoPeriode.amountTotal, compact: true)),
            OutlineBlock.Figure(
                label: "Structureel nadeel na de periode",
                value: DutchFormat.burdenTotal(summary.structureelNaPeriode.amountTotal, compact: true)
            ),
            OutlineBlock.Figure(label: "Structureel evenwicht na de periode", value: Self.structuralBalance(summary)),
            OutlineBlock.Figure(label: "Effecten met onbekend bedrag", value: Self.unknownEffects(summary)),
        ]
        let warnings: [OutlineBlock] =
            summary.zonderBegrotingseffect.isEmpty ? [] : [.list(summary.zonderBegrotingseffect.map { "\(level: $0.niveau): \($0.tekst)" })]
        return Outline.Section(
            "Samenvatting",
            warnings + [
                .only(.text, [.table(table)]),
                .only(
                    .visual,
                    [
                        .figures(figures),
                        .paragraph(
                            "\(text: String(summary.standaardKeuzes)) beslissingen staan niet in het scenario en blijven op de huidige lijn."
                        ),
                    ]),
            ])
    }

    func choices(_ report: ConsequenceReport) -> Outline.Section {
        let deviations = OutlineTable(
            caption: "Bijsturingen", headers: ["Beslissing", "Gekozen", "Huidige lijn", "Logisch moment"],
            rows: report.keuzes.filter(\.afwijking).map { choice in
                [
                    "\(choice.beslissing.description) \(choice.ficheTitel)\(detail: choice.vraag)", "\(deviation: choice.gekozen.titel)",
                    "\(choice.huidigeLijn.titel)", "\(choice.stuurmoment?.tekst ?? "onbekend")",
                ]
            }, emptyState: "Alle beslissingen blijven op de huidige lijn.")
        let all = OutlineTable(
            title: "Alle beslissingen", headers: ["Beslissing", "Keuze", "Status"],
            rows: report.keuzes.map { choice in
                let status: OutlineText =
                    choice.afwijking ? "\(strong: "bijsturing")" : (choice.expliciet ? "huidige lijn" : "huidige lijn (niet genoemd)")
                return ["\(choice.beslissing.description)", "\(choice.gekozen.titel)", status]
            })
        let assumptions = OutlineTable(
            title: "Aannames", headers: ["Aanname", "Waarde", "Herkomst"],
            rows: report.aannames.map {
                $0.standaard
                    ? ["\($0.titel)", $0.waarde ? "ja" : "nee", "standaard"]
                    : ["\(strong: $0.titel)", "\(strong: $0.waarde ? "ja" : "nee")", "\(strong: "scenario")"]
            })
        let changed = report.aannames.filter { !$0.standaard }.count
        return Outline.Section(
            "Keuzes",
            [
                .table(deviations), .only(.text, [.table(all)]),
                .only(.visual, [.collapsed(summary: "Alle \(report.keuzes.count) beslissingen", [.table(all)])]),
                .collapsed(
                    summary: "Alle \(report.aannames.count) aannames (\(changed) door het scenario gezet, vetgedrukt)",
                    [.table(assumptions)]),
            ])
    }

    func money(_ report: ConsequenceReport) -> Outline.Section {
        let geld = report.geld
        func t(_ total: ConsequenceReport.Total) -> OutlineText { "\(DutchFormat.total(total.amountTotal))" }
        func b(_ total: ConsequenceReport.Total) -> OutlineText { "\(DutchFormat.burdenTotal(total.amountTotal))" }
        let years = geld.jaren.map(\.jaar)
        var blocks: [OutlineBlock] = [
            .paragraph(
                "Bedragen ten opzichte van de vastgestelde begroting 2026 en meerjarenraming. Nadeel = lasten − baten (positief is een nadeel). Een bandbreedte staat als min – max; onbekende bedragen tellen niet als € 0 mee maar worden geteld."
            ),
            .chart(
                OutlineChart(
                    kind: .moneyPerYear(
                        years: years, series: [OutlineChart.Series(name: report.scenario.titel, values: geld.jaren.map(\.nadeel))]),
                    title: "Nadeel per jaar: \(report.scenario.titel)", caption: "Nadeel per jaar. " + Self.chartLegend)),
            .table(
                OutlineTable(
                    caption: "Per jaar", headers: ["Jaar", "Lasten", "Baten", "Nadeel", "waarvan structureel", "waarvan incidenteel"],
                    rows: geld.jaren.map {
                        ["\(text: String($0.jaar))", t($0.lasten), t($0.baten), b($0.nadeel), b($0.structureel), b($0.incidenteel)]
                    },
                    numericColumns: [1, 2, 3, 4, 5])),
            .paragraph(
                "Structureel nadeel per jaar na \(text: String(report.dossier.periode.last ?? 0)): \(strong: DutchFormat.burdenTotal(geld.structureelNaPeriode.amountTotal))."
            ),
            .table(
                OutlineTable(
                    caption:
                        "Structureel evenwicht (BBV): structurele lasten vragen structurele dekking, niet incidentele middelen",
                    headers: ["Jaar", "Structurele lasten", "Structurele dekking", "Structureel saldo", "Incidenteel saldo"],
                    rows: geld.jaren.map {
                        [
                            "\(text: String($0.jaar))", b($0.structureelNadeel), b($0.structureelVoordeel), b($0.structureel),
                            b($0.incidenteel),
                        ]
                    },
                    numericColumns: [1, 2, 3, 4])),
        ]
        if let frame = geld.kader {
            var parts: [String] = []
            if let value = frame.maxStructureelNadeelCent {
                parts.append("maximaal structureel nadeel \(DutchFormat.euro(Money(cents: value)))")
            }
            if let value = frame.maxNadeelPerJaarCent { parts.append("maximaal nadeel per jaar \(DutchFormat.euro(Money(cents: value)))") }
            blocks.append(
                .paragraph("Begrotingskader van het scenario: \(text: parts.joined(separator: "; ")). Zie de meldingen voor de toets."))
        }
        for (title, groups) in [
            ("Per programma", geld.programmas), ("Per opgave (een effect telt mee bij elke opgave van zijn fiche)", geld.opgaven),
        ] where !groups.isEmpty {
            blocks.append(
                .table(
                    OutlineTable(
                        title: title, headers: [""] + years.map(String.init),
                        rows: groups.map { ["\($0.titel)"] + $0.perJaar.map(b) }, numericColumns: Set(1...max(years.count, 1)))))
        }
        for (title, effects) in [
            ("Effecten", report.effecten), ("Al in de begroting (ter informatie, niet in de totalen)", report.inBegroting),
        ] where !effects.isEmpty {
            blocks.append(
                .collapsed(
                    summary: "\(title): \(effects.count)",
                    [
                        .table(
                            OutlineTable(
                                title: title, headers: ["Nr", "Omschrijving", "Herkomst", "Soort", "Bedrag", "Bron"],
                                rows: effects.map(effectRow)))
                    ]))
        }
        let investments = report.effecten.filter { $0.investering != nil }
        if !investments.isEmpty {
            blocks.append(
                .table(
                    OutlineTable(
                        title: "Investeringen (BBV: kapitaallasten, structureel, vanaf het jaar na de investering)",
                        headers: ["Nr", "Omschrijving", "Investering", "Afschrijving", "Rente", "Kapitaallasten eerste jaar"],
                        rows: investments.compactMap { effect -> [OutlineText]? in
                            guard let investment = effect.investering else { return nil }
                            let rate = investment.standaardRente ? "regelbasis" : "fiche"
                            return [
                                "\(effect.nummer)", "\(effect.omschrijving)",
                                "\(DutchFormat.amount(investment.bedrag)) in \(text: String(investment.jaar))",
                                "\(text: "\(investment.looptijd) jaar, \(investment.methode.rawValue)" + (investment.aanname.map { "; aanname: \($0)" } ?? ""))",
                                "\(DutchFormat.share(investment.rente)) (\(rate))",
                                "\(DutchFormat.total(investment.eersteJaarlast.amountTotal)) in \(text: String(investment.jaar + 1))",
                            ]
                        }, numericColumns: [5])))
        }
        return Outline.Section("Geld", blocks)
    }

    private func effectRow(_ effect: ConsequenceReport.EffectLine) -> [OutlineText] {
        let share: OutlineText =
            effect.aandeel.map { " (aandeel \(DutchFormat.share($0)) van \(effect.totaal.map(DutchFormat.amount) ?? "?"))" } ?? ""
        let amount: String =
            effect.investering.map {
                "investering \(DutchFormat.amount($0.bedrag)) in \($0.jaar); kapitaallasten \(DutchFormat.total($0.eersteJaarlast.amountTotal)) in \($0.jaar + 1), "
                    + "\($0.looptijd) jaar \($0.methode.rawValue)"
            } ?? DutchFormat.effectAmount(effect.bedrag)
        return [
            "\(effect.nummer)", "\(effect.omschrijving)", "\(effect.herkomst.description)",
            "\(effect.soort.rawValue), \(effect.aard.rawValue)", "\(amount)\(share)",
            "\(effect.bron.map { "fiche \($0.fiche)" + (effect.aanname == nil ? "" : " + aanname") } ?? "aanname")",
        ]
    }

    func messages(_ report: ConsequenceReport) -> Outline.Section {
        Outline.Section(
            "Afhankelijkheden en meldingen",
            report.meldingen.isEmpty
                ? [.emptyState("Geen meldingen.")]
                : [
                    .list(report.meldingen.map { "\(level: $0.niveau) (\($0.herkomst.description)): \($0.tekst)" })
                ])
    }

    func timeline(_ report: ConsequenceReport) -> Outline.Section {
        let years = (report.dossier.periode.first ?? 2026)...(report.dossier.periode.last ?? 2030)
        return Outline.Section(
            Self.timelineTitle,
            [
                .chart(
                    OutlineChart(
                        kind: .momentsPerQuarter(items: report.tijdlijn, years: years),
                        title: "Stuurmomenten en aflopende lijnen per kwartaal", caption: "Aantal per kwartaal.")),
                .table(
                    OutlineTable(
                        headers: ["Kwartaal", "Moment", "Wat", "Soort", "P&C-document", ""],
                        rows: report.tijdlijn.map {
                            [
                                "\($0.kwartaal ?? "onbekend")", "\($0.moment.tekst)", "\($0.titel)", "\($0.soort.rawValue)",
                                "\($0.planning ?? "–")",
                                $0.verstreken ? "\(lapsed: "verstreken")" : "",
                            ]
                        }, emptyState: "Geen stuurmomenten.")),
            ])
    }

    func opportunitiesAndRisks(_ report: ConsequenceReport) -> Outline.Section {
        let groups = report.kansenEnRisicos.map { item in
            OutlineBlock.Group(
                key: item.beslissing.description, title: "\(item.optie)\(text: item.afwijking ? " (bijsturing)" : "")",
                items: item.kansen.map { "kans: \($0)" } + item.risicos.map { "risico: \($0)" })
        }
        return Outline.Section(
            "Kansen en risico's",
            groups.isEmpty ? [.emptyState("Geen kansen of risico's vastgelegd bij de gekozen opties.")] : [.groups(groups)])
    }

    func partners(_ report: ConsequenceReport) -> Outline.Section {
        var blocks: [OutlineBlock] = []
        if report.partners.isEmpty, report.externeOntwikkelingen.isEmpty {
            blocks.append(.emptyState("Geen bijsturingen: geen partners te informeren."))
        }
        if !report.partners.isEmpty {
            blocks.append(
                .list(report.partners.map { "\(strong: "\($0.fiche) \($0.titel)"): \(OutlineText.joined($0.partners, separator: ", "))" }))
        }
        if !report.externeOntwikkelingen.isEmpty {
            blocks.append(.list(report.externeOntwikkelingen.flatMap { item in item.ontwikkelingen.map { "\(item.fiche) extern: \($0)" } }))
        }
        return Outline.Section("Partners en externe ontwikkelingen", blocks)
    }

    func sources(_ report: ConsequenceReport) -> Outline.Section {
        var blocks: [OutlineBlock] = []
        if report.bronnen.isEmpty { blocks.append(.emptyState("Geen bedragen met een bron in dit scenario.")) }
        let quotes: [OutlineText] = report.bronnen.map { source in
            let place = source.bestand.flatMap { file in source.regel.map { Self.place(file: file, line: $0) } }
            return "\(source.effecten.joined(separator: ", ")) — fiche \(source.fiche):\(quote: source.citaat, source: place)"
        }
        let assumptions: [OutlineText] = (report.effecten + report.inBegroting).compactMap { effect in
            effect.aanname.map { "\(effect.nummer) — aanname: \($0)" }
        }
        blocks.append(.list(quotes + assumptions))
        return Outline.Section("Bronnen", blocks)
    }
}
