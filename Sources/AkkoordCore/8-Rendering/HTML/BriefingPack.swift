/// The griffie's briefing pack: a cover with key figures and contents, each scenario's report, the comparison,
/// a timeline, a page per fiche, a page per source text (when the texts are given), and CSV/JSON beside them. As a
/// folder of files or as one self-contained HTML file.
public struct BriefingPack: Sendable {
    public var ruleBase: RuleBase
    public let reports: [ConsequenceReport]
    public var digest: InputDigest
    /// Optional marking on every page ("concept", "vertrouwelijk").
    public var marking: String?
    /// The source texts the rule base declares: each found text becomes a page with line anchors that the quotes link
    /// to; the contents name the others and how to provide them. Empty: no source pages and nothing said about them.
    public var sources: [PackSource]
    /// Per report, in the same order, its `akkoord risico` analysis (`pack --risico`); empty: none.
    public var risks: [RiskReport] = []
    /// What moved since the previous round (`pack --vorige-ronde`): a page of its own, with its JSON; nil: none.
    public var redline: RoundRedline?

    /// The reports side by side.
    let comparison: ScenarioComparison

    /// Throws only when a difference between reports does not fit in `Int64` cents (see ``ScenarioComparison``).
    public init(
        ruleBase: RuleBase, reports: [ConsequenceReport], digest: InputDigest,
        marking: String? = nil, sources: [PackSource] = []
    ) throws(MoneyOverflow) {
        self.ruleBase = ruleBase
        self.reports = reports
        self.digest = digest
        self.marking = marking
        self.sources = sources
        self.comparison = try ScenarioComparison(reports: reports)
    }

    /// The scenario's risk analysis as a part of its page, or nothing.
    private func risk(for report: ConsequenceReport) -> String {
        risks.first { $0.bestand == report.scenario.bestand }.map { RiskHTMLRenderer().body($0, headingLevel: 2) } ?? ""
    }

    /// A file name stem per scenario, unique and safe: `huidige-lijn`, `bezuinigen`, ...
    var slugs: [String] {
        var used: Set<String> = []
        return reports.map { report in
            let stem = report.scenario.bestand.split(separator: "/").last.map(String.init) ?? "scenario"
            let base = stem.replacingOccurrences(of: ".yaml", with: "").replacingOccurrences(of: ".yml", with: "").lowercased()
                .map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? $0 : "-" }
            var slug = String(base).isEmpty ? "scenario" : String(base)
            var counter = 2
            while used.contains(slug) { slug = String(base) + "-\(counter)"; counter += 1 }
            used.insert(slug)
            return slug
        }
    }

    /// Every file of the pack folder: relative path → contents.
    public func files() -> [String: String] {
        var files: [String: String] = [:]
        let comparison = comparison
        let links = Links(single: false, slugs: slugs)
        let sourceLinks = SourceLinks(ruleBase: ruleBase, sources: sources, single: false)
        files["index.html"] = page("Briefingpakket", cover(comparison, links: links) + contents(links))
        for (report, slug) in zip(reports, slugs) {
            files["scenario-\(slug).html"] = page(
                report.scenario.titel,
                back(links) + HTMLReportRenderer().body(report, headingLevel: 1, sourceLinks: sourceLinks) + risk(for: report))
            if let risk = risks.first(where: { $0.bestand == report.scenario.bestand }) {
                files["data/risico-\(slug).json"] = JSONRenderer().render(encodable: risk)
            }
            files["data/rapport-\(slug).json"] = JSONRenderer().render(report)
            files["data/begroting-\(slug).csv"] = CSVRenderer().render(report)
        }
        files["vergelijking.html"] = page("Vergelijking", back(links) + HTMLComparisonRenderer().body(comparison, headingLevel: 1))
        files["data/vergelijking.json"] = JSONRenderer().render(encodable: comparison)
        files["data/vergelijking.csv"] = CSVRenderer().render(comparison)
        files["tijdlijn.html"] = page("Tijdlijn", back(links) + timeline(headingLevel: 1))
        if let redline {
            files["redline.html"] = page("Redline", back(links) + RedlineRenderer().body(redline, headingLevel: 1))
            files["data/redline.json"] = JSONRenderer().render(encodable: redline)
        }
        for fiche in ruleBase.fiches {
            files["fiches/\(fiche.code).html"] = page(
                "Fiche \(fiche.code) \(fiche.title)",
                "<p><a href=\"../index.html\">← Inhoud</a></p>"
                    + fichePage(fiche, headingLevel: 1, sourceLinks: sourceLinks.with(prefix: "../")))
        }
        for source in sources {
            guard case .lines(let lines) = source.content else { continue }
            files[SourceLinks.page(source.source.id)] = page(
                "Bron \(source.source.title)",
                "<p><a href=\"../index.html\">← Inhoud</a></p>"
                    + sourcePage(source.source, lines: lines, links: sourceLinks, headingLevel: 1))
        }
        return files
    }

    /// The pack's title: `Briefingpakket` and the rule base's title.
    public var title: String { "Briefingpakket \(ruleBase.info.title)" }

    /// The whole pack as one self-contained HTML file with internal links, printable as it is: the cover, the contents
    /// and every scenario report, the comparison, the timeline and each fiche start on a new page.
    /// `title` replaces the page title (``title``), which a PDF printed from it carries as its document title.
    ///
    /// `pageNumbers` (for a PDF: the page on which each section starts, by its id, see ``PDFDestinations``) puts page
    /// numbers in the contents; a section without a number gets blank space of the same width, so a first print with
    /// `[:]` lays the contents out as the numbered one.
    public func singleFile(title: String? = nil, pageNumbers: [String: Int]? = nil) -> String {
        let comparison = comparison
        var links = Links(single: true, slugs: slugs)
        links.pageNumbers = pageNumbers
        let sourceLinks = SourceLinks(ruleBase: ruleBase, sources: sources, single: true)
        var body = "<section id=\"omslag\">" + cover(comparison, links: links) + "</section>\n"
        body += "<section class=\"page\" id=\"inhoud\">" + contents(links) + "</section>\n"
        for (report, slug) in zip(reports, slugs) {
            body +=
                "<section class=\"page\" id=\"scenario-\(slug)\">"
                + HTMLReportRenderer().body(report, headingLevel: 1, sourceLinks: sourceLinks) + risk(for: report) + "</section>\n"
        }
        body += "<section class=\"page\" id=\"vergelijking\">" + HTMLComparisonRenderer().body(comparison, headingLevel: 1) + "</section>\n"
        body += "<section class=\"page\" id=\"tijdlijn\">" + timeline(headingLevel: 1) + "</section>\n"
        if let redline {
            body += "<section class=\"page\" id=\"redline\">" + RedlineRenderer().body(redline, headingLevel: 1) + "</section>\n"
        }
        for fiche in ruleBase.fiches {
            body +=
                "<section class=\"page\" id=\"fiche-\(fiche.code)\">" + fichePage(fiche, headingLevel: 1, sourceLinks: sourceLinks)
                + "</section>\n"
        }
        for source in sources {
            guard case .lines(let lines) = source.content else { continue }
            body +=
                "<section class=\"page\" id=\"\(SourceLinks.sectionID(source.source.id))\">"
                + sourcePage(source.source, lines: lines, links: sourceLinks, headingLevel: 1) + "</section>\n"
        }
        let numbered = pageNumbers == nil ? "" : (style.isEmpty ? "" : "\n") + Self.pageNumberCSS
        return HTMLText.page(
            title: title ?? self.title, marking: marking, generator: "akkoord pack", style: style + numbered, body: body)
    }

    struct Links {
        var single: Bool
        var slugs: [String]
        /// Page numbers of the single file's sections, for a PDF's contents.
        var pageNumbers: [String: Int]?
        func scenario(_ index: Int) -> String { single ? "#scenario-\(slugs[index])" : "scenario-\(slugs[index]).html" }
        /// The page number after a contents entry that links to `href`, when the pack is printed with numbers.
        func number(_ href: String) -> String {
            guard let pageNumbers, href.hasPrefix("#") else { return "" }
            // Figure spaces are as wide as digits: a first print without numbers has the same layout.
            let text = pageNumbers[String(href.dropFirst())].map(String.init) ?? "\u{2007}\u{2007}\u{2007}"
            return "<span class=\"pagina\">\(text)</span>"
        }
        var comparison: String { single ? "#vergelijking" : "vergelijking.html" }
        var timeline: String { single ? "#tijdlijn" : "tijdlijn.html" }
        var redline: String { single ? "#redline" : "redline.html" }
        func fiche(_ code: String) -> String { single ? "#fiche-\(code)" : "fiches/\(code).html" }
        func source(_ document: String) -> String { single ? "#" + SourceLinks.sectionID(document) : SourceLinks.page(document) }
    }

    /// The ids of the single file's sections that the contents list (and so may number).
    public var contentsTargets: Set<String> {
        var targets: Set<String> = ["vergelijking", "tijdlijn"]
        if redline != nil { targets.insert("redline") }
        for slug in slugs { targets.insert("scenario-\(slug)") }
        for fiche in ruleBase.fiches { targets.insert("fiche-\(fiche.code)") }
        for source in sources where source.isIncluded { targets.insert(SourceLinks.sectionID(source.source.id)) }
        return targets
    }

    /// The page numbers in a printed pack's contents: right-aligned after each entry.
    static let pageNumberCSS = """
        nav.toc .pagina { float: right; margin-left: .6em; font-variant-numeric: tabular-nums; }
        """

    /// The source pages' style, when the pack has any.
    private var style: String { sources.contains(where: \.isIncluded) ? SourceLinks.css : "" }

    private func page(_ title: String, _ body: String) -> String {
        HTMLText.page(title: "\(title) · \(ruleBase.info.title)", marking: marking, generator: "akkoord pack", style: style, body: body)
    }

    private func back(_ links: Links) -> String { "<p><a href=\"index.html\">← Inhoud</a></p>" }

    private func cover(_ comparison: ScenarioComparison, links: Links) -> String {
        let e = HTMLText.escape
        let info = ruleBase.info
        var out = "<h1>Briefingpakket: \(e(info.title))</h1>\n"
        out += "<p class=\"meta\">Gemeente \(e(info.municipality)) · periode \(info.years.lowerBound)–\(info.years.upperBound)</p>\n"
        out +=
            "<dl class=\"provenance\"><dt>Regelbasis</dt><dd>versie \(e(info.version)) · \(ruleBase.fiches.count) fiches, \(ruleBase.allDecisions.count) beslissingen, \(ruleBase.rules.count) regels</dd>"
        out +=
            "<dt>Hash van de invoer (SHA-256)</dt><dd><code>\(e(digest.hex))</code> over \(digest.fileCount) bestanden (regelbasis en scenario's)</dd>"
        out += "<dt>Markering</dt><dd>\(e(marking ?? "geen"))</dd></dl>\n"
        out += "<h2>Kerncijfers</h2>\n"
        out += HTMLText.table(
            caption: nil,
            headers: [
                "Scenario", "Peildatum", "Bijsturingen", "Fouten / waarschuwingen", "Nadeel over de periode", "Structureel na de periode",
            ],
            rows: reports.enumerated().map { index, report in
                [
                    "<a href=\"\(links.scenario(index))\">\(e(report.scenario.titel))</a>", e(DutchFormat.date(report.scenario.peildatum)),
                    "\(report.samenvatting.bijsturingen)", "\(report.samenvatting.fouten) / \(report.samenvatting.waarschuwingen)",
                    e(DutchFormat.burdenTotal(report.samenvatting.saldoPeriode.amountTotal, compact: true)),
                    e(DutchFormat.burdenTotal(report.samenvatting.structureelNaPeriode.amountTotal, compact: true)),
                ]
            }, numericColumns: [2, 4, 5])
        out += HTMLOutlineWriter().write(ComparisonOutlineBuilder().moneyChart(comparison))
        return out
    }

    private func contents(_ links: Links) -> String {
        let e = HTMLText.escape
        var out = "<nav class=\"toc\" aria-label=\"Inhoud\"><h2>Inhoud</h2><ol>"
        for (index, report) in reports.enumerated() {
            out +=
                "<li>\(links.number(links.scenario(index)))<a href=\"\(links.scenario(index))\">"
                + "\(HTMLOutlineWriter().render(ReportOutlineBuilder().title(report)))</a></li>"
        }
        out +=
            "<li>\(links.number(links.comparison))<a href=\"\(links.comparison)\">\(HTMLText.escapeText(ComparisonOutlineBuilder.title))</a></li>"
            + "<li>\(links.number(links.timeline))<a href=\"\(links.timeline)\">\(HTMLText.escapeText(ReportOutlineBuilder.timelineTitle))</a></li>"
        if redline != nil {
            out +=
                "<li>\(links.number(links.redline))<a href=\"\(links.redline)\">\(HTMLText.escapeText(RedlineOutlineBuilder.title))</a></li>"
        }
        out += "</ol>"
        out += "<h3>Fiches</h3><ol>"
        out += ruleBase.fiches.map {
            "<li>\(links.number(links.fiche($0.code)))<a href=\"\(links.fiche($0.code))\">\(e($0.code)) \(e($0.title))</a></li>"
        }.joined()
        out += "</ol>"
        out += sourceContents(links)
        if !links.single {
            out += "<h3>Gegevens</h3><ul>"
            for (slug, report) in zip(slugs, reports) {
                out +=
                    "<li>\(e(report.scenario.titel)): <a href=\"data/rapport-\(slug).json\">JSON</a>, <a href=\"data/begroting-\(slug).csv\">CSV (Excel)</a></li>"
            }
            out += "<li>Vergelijking: <a href=\"data/vergelijking.json\">JSON</a>, <a href=\"data/vergelijking.csv\">CSV (Excel)</a></li>"
            if redline != nil {
                out += "<li>\(HTMLText.escapeText(RedlineOutlineBuilder.title)): <a href=\"data/redline.json\">JSON</a></li>"
            }
            out += "</ul>"
        }
        return out + "</nav>\n"
    }

    /// Steering moments and lapses of all scenarios, by quarter, with which scenarios need them.
    private func timeline(headingLevel: Int) -> String {
        HTMLOutlineWriter(headingLevel: headingLevel).write(
            ComparisonOutlineBuilder().timeline(
                ScenarioTimeline(reports: reports), scenarioNames: reports.map(\.scenario.titel),
                years: ruleBase.info.years))
    }

    /// What the dossier says about one fiche, its decisions and how each scenario decides them.
    func fichePage(_ fiche: Fiche, headingLevel h: Int, sourceLinks: SourceLinks? = nil) -> String {
        let e = HTMLText.escape
        let opgaven = fiche.opgaven.map { id in ruleBase.info.opgaven.first { $0.id == id }?.title ?? id }
        var out =
            "<h\(h)>Fiche \(e(fiche.code)): \(e(fiche.title))</h\(h)>\n<p class=\"meta\">Opgaven: \(e(opgaven.joined(separator: ", ")))</p>\n"
        out +=
            "<h\(h + 1)>De lijn die we hebben ingezet</h\(h + 1)>\n<p>\(e(fiche.currentLine).replacingOccurrences(of: "\n", with: "<br>"))</p>\n"
        if let moment = fiche.steeringMoment {
            out +=
                "<p><strong>Logisch moment om bij te sturen:</strong> “\(e(moment.text))”"
                + (moment.explanation.map { " — \(e($0))" } ?? "") + "</p>\n"
        }
        out += "<h\(h + 1)>Beslissingen</h\(h + 1)>\n"
        for decision in fiche.decisions {
            let ref = DecisionRef(fiche: fiche.code, decision: decision.id)
            out += "<h\(h + 2)>\(e(decision.question))</h\(h + 2)>\n"
            if let lapse = decision.lapse { out += "<p><strong>Als niemand beslist:</strong> \(e(lapse.consequence))</p>\n" }
            out += HTMLText.table(
                caption: nil, headers: ["Optie", "Huidige lijn (dossier)"] + reports.map(\.scenario.titel),
                rows: decision.options.map { option in
                    [e(option.title), option.isCurrentLine ? "✓" : ""]
                        + reports.map { report in
                            report.keuzes.first { $0.beslissing == ref }?.gekozen.id == option.id ? "gekozen" : ""
                        }
                })
        }
        if !fiche.budgeted.isEmpty {
            out +=
                "<h\(h + 1)>Bedragen in de begroting</h\(h + 1)>\n<ul>"
                + fiche.budgeted.map { effect in
                    var quote = ""
                    if let citation = effect.provenance.citation {
                        let place =
                            citation.passage.map { passage in
                                let place = ReportOutlineBuilder.place(file: passage.file, line: passage.line)
                                guard let href = sourceLinks?.href(place: place, quote: citation.text) else {
                                    return " <cite>\(e(place))</cite>"
                                }
                                return " <cite><a href=\"\(e(href))\">\(e(place))</a></cite>"
                            } ?? ""
                        quote = "<blockquote>“\(e(citation.text))”\(place)</blockquote>"
                    }
                    let share =
                        effect.share.map { share in
                            " (aandeel \(DutchFormat.share(share)) van \(e(effect.total.map(DutchFormat.amount) ?? "onbekend")))"
                        } ?? ""
                    return "<li>\(e(effect.description)): \(e(DutchFormat.amount(effect.amount)))\(share)\(quote)</li>"
                }.joined() + "</ul>\n"
        }
        if !fiche.partners.isEmpty { out += "<h\(h + 1)>Partners</h\(h + 1)>\n<p>\(fiche.partners.map(e).joined(separator: ", "))</p>\n" }
        if !fiche.externalDevelopments.isEmpty {
            out +=
                "<h\(h + 1)>Verwacht van andere overheden</h\(h + 1)>\n<ul>"
                + fiche.externalDevelopments.map { "<li>\(e($0.text))</li>" }.joined() + "</ul>\n"
        }
        if !fiche.relations.isEmpty {
            out += HTMLText.table(
                caption: "Raakvlakken", headers: ["Beleidsterrein", "Soort", "Toelichting"],
                rows: fiche.relations.map {
                    [e([$0.fiche, $0.policyArea].compactMap { $0 }.joined(separator: " ")), e($0.kind.rawValue), e($0.text)]
                })
        }
        if !fiche.sources.isEmpty {
            out += HTMLText.table(
                caption: "Terug te lezen in", headers: ["Document", "Einddatum"],
                rows: fiche.sources.map { source in
                    let end: String =
                        switch source.endDate {
                        case .none: "geen"
                        case .unknown: "onbekend"
                        case .on(let period): period.text
                        }
                    return [e(source.title), e(end)]
                })
        }
        if !fiche.doubts.isEmpty {
            out += "<h\(h + 1)>Twijfels in de tekst</h\(h + 1)>\n<ul>" + fiche.doubts.map { "<li>\(e($0.text))</li>" }.joined() + "</ul>\n"
        }
        return out
    }

    /// The contents' list of source texts: a link to each one in the pack, and which ones are not and how to add them.
    private func sourceContents(_ links: Links) -> String {
        guard !sources.isEmpty else { return "" }
        let e = HTMLText.escape
        var out = "<h3>Bronteksten</h3>"
        let included = sources.filter(\.isIncluded)
        if !included.isEmpty {
            out +=
                "<ol>"
                + included.map {
                    "<li>\(links.number(links.source($0.source.id)))<a href=\"\(links.source($0.source.id))\">\(e($0.source.title))</a></li>"
                }.joined() + "</ol>"
        }
        let absent: [(PackSource, String)] = sources.compactMap { source in
            if case .absent(let reason) = source.content { (source, reason) } else { nil }
        }
        if !absent.isEmpty {
            out +=
                "<p class=\"bronnen-ontbreken\">Niet in dit pakket opgenomen, dus zonder links vanuit de citaten: "
                + absent.map { "\(e($0.0.source.title)) (\(e($0.1)))" }.joined(separator: "; ")
                + ". Om ze op te nemen: \(e(QuoteVerifier.howToProvide)), en maak het pakket opnieuw.</p>"
        }
        return out
    }

    /// A source text with its declaration and an anchor on every line.
    private func sourcePage(_ source: DossierSource, lines: [String], links: SourceLinks, headingLevel h: Int) -> String {
        let e = HTMLText.escape
        var out = "<h\(h)>Bron: \(e(source.title))</h\(h)>\n"
        let meta = [source.publisher, source.date].compactMap { $0 }.map(e) + ["bestand \(e(source.file))", "\(lines.count) regels"]
        out += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>\n"
        out += "<p class=\"meta\">SHA-256 <code>\(e(source.sha256))</code> (gecontroleerd)</p>\n"
        return out + links.text(source, lines: lines)
    }
}
