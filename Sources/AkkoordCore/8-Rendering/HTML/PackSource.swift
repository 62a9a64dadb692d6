/// A declared source text as the briefing pack shows it: a page of its own (`bronnen/<id>.html`, or a section of the
/// single file) with an anchor on every line, or the reason it is not in the pack.
public struct PackSource: Sendable {
    public enum Content: Sendable {
        /// The text, line by line: split at line feeds, as ``SearchableText`` counts lines, so quote line numbers
        /// agree with the page.
        case lines([String])
        /// Not in the pack; `reason` is in Dutch ("bestand ‘dossier.txt’ niet gevonden").
        case absent(reason: String)
    }

    public var source: DossierSource
    public var content: Content

    public init(source: DossierSource, content: Content) {
        self.source = source
        self.content = content
    }

    /// Every source the rule base declares, with its text when quote verification found it (and its hash matched).
    public static func all(_ verification: QuoteVerification) -> [PackSource] {
        let declared = verification.ruleBase.info.sources
        return declared.enumerated().map { index, source in
            let file = InputText.quoted(source.file)
            guard index < verification.texts.count else {
                return PackSource(source: source, content: .absent(reason: "bestand \(file) niet gelezen"))
            }
            switch verification.texts[index] {
            case .found(_, _, let contents):
                return PackSource(source: source, content: .lines(lines(contents)))
            case .missing:
                return PackSource(source: source, content: .absent(reason: "bestand \(file) niet gevonden"))
            case .changed:
                return PackSource(
                    source: source,
                    content: .absent(reason: "bestand \(file) is een andere versie dan dossier.yaml vastlegt (de SHA-256 verschilt)"))
            case .unreadable(_, let reason):
                return PackSource(source: source, content: .absent(reason: "bestand \(file) \(reason)"))
            }
        }
    }

    /// The lines of a text: split at line feeds, a carriage return before one dropped, no empty line after a final
    /// line feed.
    static func lines(_ text: String) -> [String] {
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { scalars in
            var line = String(String.UnicodeScalarView(scalars))
            if line.unicodeScalars.last == "\r" { line.unicodeScalars.removeLast() }
            return line
        }
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    var isIncluded: Bool {
        if case .lines = content { true } else { false }
    }
}

/// Where the quotes of a pack link to: the line anchors of the source pages, for every quote that was verified in a
/// source the pack includes. A link goes to the passage: the lines from the quote's first to its last line are
/// highlighted (CSS `:target` and `:has`, no script); a browser without `:has` still jumps to the first line.
struct SourceLinks: Sendable {
    /// One HTML file (`#…` links) or a folder (`bronnen/<id>.html#…`).
    var single: Bool
    /// Prepended to links into the folder's `bronnen/` (`../` from a fiche page).
    var prefix = ""
    /// Per place as a report shows it (``ReportOutlineBuilder/place(file:line:)``), per quote text: its passage.
    private var passages: [String: [String: SourcePassage]] = [:]
    /// Per included source id: the passages that start on each line, for the anchors.
    private(set) var starts: [String: [Int: [SourcePassage]]] = [:]

    init(ruleBase: RuleBase, sources: [PackSource], single: Bool) {
        self.single = single
        let included = Set(sources.filter(\.isIncluded).map(\.source.id))
        for citation in ruleBase.citations {
            guard let passage = citation.passage, included.contains(passage.document) else { continue }
            let place = ReportOutlineBuilder.place(file: passage.file, line: passage.line)
            if passages[place]?[citation.text] == nil {
                passages[place, default: [:]][citation.text] = passage
                if !(starts[passage.document]?[passage.line]?.contains(passage) ?? false) {
                    starts[passage.document, default: [:]][passage.line, default: []].append(passage)
                }
            }
        }
    }

    /// The same links, seen from a page in a subfolder.
    func with(prefix: String) -> SourceLinks {
        var links = self
        links.prefix = prefix
        return links
    }

    /// The link for a quote shown with `place`, when its source is in the pack.
    func href(place: String, quote: String) -> String? {
        passages[place]?[quote].map(href)
    }

    func href(_ passage: SourcePassage) -> String {
        (single ? "" : prefix + Self.page(passage.document)) + "#" + Self.passageID(passage)
    }

    /// The folder pack's page for a source.
    static func page(_ document: String) -> String { "bronnen/\(document).html" }
    /// The id of a source's section in the single file.
    static func sectionID(_ document: String) -> String { "bron-\(document)" }
    static func textID(_ document: String) -> String { "bron-\(document)-tekst" }
    static func lineID(_ document: String, _ line: Int) -> String { "bron-\(document)-r\(line)" }
    static func passageID(_ passage: SourcePassage) -> String { "bron-\(passage.document)-p\(passage.line)-\(passage.lastLine)" }

    /// A source's text with an anchor per line and per passage, and the style that highlights a passage when a link
    /// to it is followed. Lines inside a quoted passage carry a mark in the margin.
    func text(_ source: DossierSource, lines: [String]) -> String {
        let e = HTMLText.escape
        let id = source.id
        let passagesByLine = starts[id] ?? [:]
        var cited = Set<Int>()
        for passage in passagesByLine.values.flatMap({ $0 }) { cited.formUnion(passage.line...passage.lastLine) }
        var out = "<div class=\"brontekst\" id=\"\(Self.textID(id))\">\n"
        for (index, line) in lines.enumerated() {
            let number = index + 1
            for passage in (passagesByLine[number] ?? []).sorted(by: { $0.lastLine < $1.lastLine }) {
                out += "<a class=\"passage\" id=\"\(Self.passageID(passage))\"></a>"
            }
            out +=
                "<span id=\"\(Self.lineID(id, number))\" data-n=\"\(number)\"\(cited.contains(number) ? " class=\"c\"" : "")>\(e(line))</span>\n"
        }
        out += "</div>\n"
        let rules = passagesByLine.keys.sorted().flatMap { line in
            (passagesByLine[line] ?? []).sorted(by: { $0.lastLine < $1.lastLine }).map { passage in
                "#\(Self.textID(id)):has(#\(Self.passageID(passage)):target) > span:nth-of-type(n+\(passage.line)):nth-of-type(-n+\(passage.lastLine))"
            }
        }
        if !rules.isEmpty {
            out += "<style>\n" + rules.joined(separator: ",\n") + " { background: #fff0a8; }\n</style>\n"
        }
        return out
    }

    /// The style of the source pages.
    static let css = """
        .brontekst { font: .85rem/1.45 "DejaVu Sans Mono", Menlo, Consolas, monospace; margin: 1rem 0; }
        .brontekst > span { display: block; white-space: pre-wrap; overflow-wrap: anywhere; min-height: 1.45em;
                            padding-left: 5.5em; text-indent: -5.5em; border-left: 3px solid transparent; }
        .brontekst > span::before { content: attr(data-n); display: inline-block; width: 4.5em; margin-right: 1em;
                                    text-indent: 0; text-align: right; color: var(--muted); }
        .brontekst > span.c { border-left-color: var(--line); }
        .brontekst > span:target { background: #fff0a8; }
        .brontekst > a.passage, .brontekst > span { scroll-margin-top: 3rem; }
        @media print { .brontekst { font-size: 7.5pt; } .brontekst > span { break-inside: avoid; } }
        """
}
