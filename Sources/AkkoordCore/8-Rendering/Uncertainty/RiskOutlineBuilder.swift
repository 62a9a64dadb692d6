/// The outline of a ``RiskReport``: every Dutch sentence of `akkoord risico`, once, for Markdown, HTML and the pack.
public struct RiskOutlineBuilder: Sendable {
    public init() {}

    func title(_ report: RiskReport) -> OutlineText { "Risicoanalyse: \(report.titel)" }

    public func build(_ report: RiskReport) -> Outline {
        Outline(title: title(report), blocks: intro(report), sections: sections(report))
    }

    /// The blocks before the first section: what was drawn and how.
    func intro(_ report: RiskReport) -> [OutlineBlock] {
        let drawn = report.aannames.filter { $0.status == "getrokken" }
        var blocks: [OutlineBlock] = [
            .meta("Scenario \(report.bestand) · \(text: count(report.trekkingen, "uitkomst", "uitkomsten")) · zaad \(String(report.zaad))")
        ]
        let ranges = report.bandbreedtes == 0 ? "geen bandbreedtes" : count(report.bandbreedtes, "bandbreedte", "bandbreedtes")
        switch (report.methode, report.combinaties, report.trekkingenPerCombinatie) {
        case ("opsomming", let combinations?, let perCombination?):
            let what =
                "\(count(combinations, "combinatie", "combinaties")) van \(count(drawn.count, "getrokken aanname", "getrokken aannames"))"
            blocks.append(
                perCombination <= 1
                    ? .paragraph(
                        "Exacte opsomming: alle \(text: what) zijn doorgerekend met hun kans; er speelt geen bandbreedte mee, dus de verdeling is exact."
                    )
                    : .paragraph(
                        "Exacte opsomming over de aannames: alle \(text: what) zijn doorgerekend met hun kans; binnen elke combinatie zijn de \(text: ranges) tot \(text: count(perCombination, "keer", "keer")) getrokken (uniform tussen onder- en bovengrens)."
                    ))
        default:
            blocks.append(
                .paragraph(
                    "Steekproef: \(text: count(report.trekkingen, "trekking", "trekkingen")) van \(text: count(drawn.count, "aanname", "aannames")) (volgens hun kans) en \(text: ranges) (uniform tussen onder- en bovengrens)."
                ))
        }
        blocks.append(
            .paragraph(
                "Bedragen zijn het nadeel (lasten − baten) ten opzichte van de begroting. Onbekende bedragen worden nooit als € 0 getrokken: ze tellen niet mee in de percentielen en staan apart vermeld."
            ))
        blocks.append(
            .figures([
                .init(label: "Nadeel periode (P50)", value: euro(report.periode.p50Cent)),
                .init(label: "Nadeel periode (P95)", value: euro(report.periode.p95Cent)),
                .init(label: "Reserve voor P90 (periode)", value: report.reserve.periode),
                .init(label: "Kans kader overschreden", value: report.kader.kansOverschreden.map { percent($0) } ?? "geen kader"),
            ]))
        return blocks
    }

    func sections(_ report: RiskReport) -> [Outline.Section] {
        [distribution(report), frameAndReserve(report), tornado(report), messages(report), assumptions(report)]
    }

    private func distribution(_ report: RiskReport) -> Outline.Section {
        func row(_ label: String, _ value: RiskReport.Distribution) -> [OutlineText] {
            [
                "\(label)", "\(euro(value.p5Cent))", "\(strong: euro(value.p50Cent))", "\(euro(value.p95Cent))",
                "\(euro(value.gemiddeldeCent))", "\(percent(value.kansNadeel))",
                value.maxOnbekend == 0 ? "—" : "\(percent(value.kansOnbekend)) (tot \(String(value.maxOnbekend)))",
            ]
        }
        let rows =
            report.perJaar.map { row(String($0.jaar ?? 0), $0) } + [
                row("periode", report.periode), row("structureel na de periode", report.structureel),
            ]
        var blocks: [OutlineBlock] = [
            .table(
                OutlineTable(
                    caption: "Nadeel per jaar, over de periode en structureel na de periode",
                    headers: ["", "P5", "P50", "P95", "gemiddeld", "kans op nadeel", "met onbekende bedragen"], rows: rows,
                    numericColumns: [1, 2, 3, 4, 5]))
        ]
        if report.kansAfhankelijkVanOnbekend > 0 {
            blocks.append(
                .paragraph(
                    "In \(strong: percent(report.kansAfhankelijkVanOnbekend)) van de uitkomsten hangt het nadeel ook af van onbekende bedragen (tot \(text: count(report.periode.maxOnbekend, "bedrag", "bedragen")) in de periode); de werkelijke uitkomst kan daar hoger of lager liggen."
                ))
        } else {
            blocks.append(.paragraph("Geen uitkomst hangt af van onbekende bedragen."))
        }
        blocks.append(
            .chart(
                OutlineChart(
                    kind: .histogram(bins: report.histogram), title: "Verdeling van het nadeel over de periode",
                    caption: "Kans per klasse van het nadeel over de periode (bekend deel).")))
        return Outline.Section("Verdeling van het nadeel", blocks)
    }

    private func frameAndReserve(_ report: RiskReport) -> Outline.Section {
        var blocks: [OutlineBlock] = []
        let frame = report.kader
        if let exceeded = frame.kansOverschreden {
            var limits: [String] = []
            if let cents = frame.maxStructureelNadeelCent { limits.append("structureel nadeel ≤ \(euro(cents))") }
            if let cents = frame.maxNadeelPerJaarCent { limits.append("nadeel per jaar ≤ \(euro(cents))") }
            blocks.append(
                .paragraph(
                    "Kans dat het kader (\(OutlineText.joined(limits, separator: ", "))) wordt overschreden: \(strong: percent(exceeded))."
                ))
            if let open = frame.kansOpenDoorOnbekend, open > 0 {
                blocks.append(
                    .paragraph(
                        "In nog \(strong: percent(open)) van de uitkomsten blijft het bekende deel binnen het kader, maar kunnen onbekende bedragen het alsnog overschrijden."
                    ))
            }
        } else {
            blocks.append(.emptyState("Het scenario heeft geen kader."))
        }
        blocks.append(
            .paragraph(
                "Reserve om de P90-uitkomst te dekken (P90 min het gemiddelde): \(strong: report.reserve.periode) over de periode, \(strong: report.reserve.structureel) per jaar structureel na de periode."
            ))
        return Outline.Section("Kader en reserve", blocks)
    }

    private func tornado(_ report: RiskReport) -> Outline.Section {
        func table(_ bars: [RiskReport.Bar], caption: String) -> OutlineBlock {
            .table(
                OutlineTable(
                    title: caption, headers: ["onzekerheid", "soort", "laag", "hoog", "zwaai"],
                    rows: bars.map { bar in
                        [
                            bar.soort == "aanname" ? "\(bar.sleutel)" : "\(bar.sleutel)\(detail: bar.titel)", "\(text: bar.soort)",
                            "\(bar.laag)", "\(bar.hoog)", "\(strong: bar.zwaai)",
                        ]
                    }, numericColumns: [2, 3, 4], emptyState: "Geen aanname of bandbreedte verandert dit totaal."))
        }
        func chart(_ bars: [RiskReport.Bar], base: Int64, title: String, caption: String) -> [OutlineBlock] {
            bars.isEmpty ? [] : [.chart(OutlineChart(kind: .tornado(bars: bars, base: base), title: title, caption: caption))]
        }
        return Outline.Section(
            "Tornado: wat het meest uitmaakt",
            [
                .paragraph(
                    "Elke getrokken aanname op nee en op ja, en elke bandbreedte op haar onder- en bovengrens, met al het andere zoals in het scenario (bandbreedtes in het midden). Basis: \(euro(report.basisPeriodeCent)) over de periode, \(euro(report.basisStructureelCent)) structureel."
                )
            ]
                + chart(
                    report.tornadoPeriode, base: report.basisPeriodeCent, title: "Tornado: nadeel over de periode",
                    caption: "Zwaai van het nadeel over de periode; de lijn is de basis.")
                + [table(report.tornadoPeriode, caption: "Nadeel over de periode")]
                + chart(
                    report.tornadoStructureel, base: report.basisStructureelCent, title: "Tornado: structureel nadeel na de periode",
                    caption: "Zwaai van het structurele nadeel na de periode; de lijn is de basis.")
                + [table(report.tornadoStructureel, caption: "Structureel nadeel na de periode")])
    }

    private func messages(_ report: RiskReport) -> Outline.Section {
        Outline.Section(
            "Kans op meldingen",
            [
                .paragraph(
                    "Kans op ten minste één fout (vereist, sluit uit, regel met niveau fout): \(strong: percent(report.kansOpFout))."),
                .table(
                    OutlineTable(
                        headers: ["regel", "niveau", "kans"],
                        rows: report.meldingen.map { ["\($0.regel)\(detail: $0.titel)", "\(level: $0.niveau)", "\(percent($0.kans))"] },
                        numericColumns: [2], emptyState: "Geen regel met een fout of waarschuwing gaat af.")),
            ])
    }

    private func assumptions(_ report: RiskReport) -> Outline.Section {
        Outline.Section(
            "Aannames",
            [
                .table(
                    OutlineTable(
                        headers: ["aanname", "kans", "in het scenario", "behandeling"],
                        rows: report.aannames.map { assumption in
                            [
                                "\(assumption.id)\(detail: assumption.titel)",
                                probability(assumption),
                                "\(assumption.waarde ? "ja" : "nee")",
                                "\(text: assumption.status == "getrokken" ? "getrokken" : assumption.status == "vastgezet" ? "vastgezet door het scenario" : "vast (geen kans)")",
                            ]
                        }, emptyState: "De regelbasis heeft geen aannames."))
            ])
    }

    /// A drawn assumption's probability with where it comes from: `50% (schatting)`, `30% (scenario)`.
    private func probability(_ assumption: RiskReport.Assumption) -> OutlineText {
        guard let kans = assumption.kans else { return "—" }
        if assumption.kansUit == "scenario" { return "\(percent(kans)) (scenario)" }
        if let basis = assumption.kansBasis { return "\(percent(kans))\(detail: basis == "schatting" ? "schatting" : "bron: " + basis)" }
        return "\(percent(kans))"
    }

    private func euro(_ cents: Int64) -> String { DutchFormat.euro(Money(cents: cents)) }

    private func percent(_ probability: Double) -> String { RiskCharts.percent(probability) }

    private func count(_ value: Int, _ one: String, _ many: String) -> String {
        "\(DutchFormat.grouped(UInt64(value))) \(value == 1 ? one : many)"
    }
}

/// Renders a ``RiskReport`` as Markdown.
public struct RiskMarkdownRenderer: Sendable {
    public init() {}

    public func render(_ report: RiskReport) -> String { MarkdownOutlineWriter().write(RiskOutlineBuilder().build(report)) }
}

/// Renders a ``RiskReport`` as a self-contained HTML page with an SVG histogram and tornado charts.
public struct RiskHTMLRenderer: Sendable {
    public var marking: String?

    public init(marking: String? = nil) { self.marking = marking }

    public func render(_ report: RiskReport) -> String {
        HTMLText.page(title: RiskOutlineBuilder().title(report).plain, marking: marking, body: body(report, headingLevel: 1))
    }

    /// The report's content; `headingLevel` 1 for a page of its own (deeper in the pack).
    func body(_ report: RiskReport, headingLevel: Int) -> String {
        HTMLOutlineWriter(headingLevel: headingLevel).write(RiskOutlineBuilder().build(report))
    }
}
