/// Escaping and small building blocks for HTML output. Every value that comes from YAML passes through `escape`.
public enum HTMLText {
    /// Escapes text for element content and attribute values.
    public static func escape(_ text: String) -> String { escape(text, quotes: true) }

    /// Escapes the report's own wording for element content: `&`, `<` and `>`; quotes need no escaping there.
    static func escapeText(_ text: String) -> String { escape(text, quotes: false) }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "'" where quotes: result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A quoted CSS string: quotes, backslashes, line breaks and `<` (so no `</style>` can end the style element) are
    /// written as hexadecimal escapes, other control characters are dropped.
    static func cssString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&", "\n", "\r", "\u{0C}":
                result += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            case _ where scalar.properties.generalCategory == .control:
                continue
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A table with a caption, header cells (`scope="col"`) and rows; cells are already-escaped HTML.
    static func table(caption: String?, headers: [String], rows: [[String]], numericColumns: Set<Int> = []) -> String {
        var out = "<table>"
        if let caption { out += "<caption>\(escape(caption))</caption>" }
        out += "<thead><tr>"
        for (index, header) in headers.enumerated() {
            out += "<th scope=\"col\"\(numericColumns.contains(index) ? " class=\"num\"" : "")>\(escape(header))</th>"
        }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                if index == 0 {
                    out += "<th scope=\"row\">\(cell)</th>"
                } else {
                    out += "<td\(numericColumns.contains(index) ? " class=\"num\"" : "")>\(cell)</td>"
                }
            }
            out += "</tr>"
        }
        return out + "</tbody></table>\n"
    }

    /// A complete, self-contained page (no network): inline style, Dutch language, optional marking.
    /// `generator` adds a `<meta name="generator">` tag (the briefing pack's, see `PackMarker`).
    /// The marking also goes into the top margin of every printed page (`@page` margin box).
    /// `style` is added to the page's stylesheet.
    static func page(title: String, marking: String?, generator: String? = nil, style: String = "", body: String) -> String {
        let generatorTag = generator.map { "\n<meta name=\"generator\" content=\"\(escape($0))\">" } ?? ""
        let mark = marking.map { "<p class=\"marking\" role=\"note\">\(escape($0))</p>" } ?? ""
        let printedMark = marking.map { "\n<style>@page { @top-center { content: \(cssString($0)); } }</style>" } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">\(generatorTag)
            <title>\(escape(title))</title>
            <style>\(HTMLStyle.css)\(style.isEmpty ? "" : "\n" + style)</style>\(printedMark)
            </head>
            <body>
            \(mark)
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
    }
}

/// The stylesheet, inlined in every page: screen and A4 print.
enum HTMLStyle {
    static let css = """
        :root { --ink: #1b1b1b; --muted: #555; --line: #c8c8c8; --accent: #0b4f8a; --warn: #8a5a00; --err: #a4161a; }
        body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0; line-height: 1.45; }
        main { max-width: 80rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.7rem; color: var(--accent); margin-bottom: .2rem; }
        h2 { font-size: 1.3rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; margin-top: 2rem; }
        h3 { font-size: 1.05rem; margin-top: 1.4rem; }
        p.meta { color: var(--muted); margin-top: 0; }
        table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .9rem; }
        caption { text-align: left; font-weight: 600; padding: .3rem 0; }
        th, td { border-bottom: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
        thead th { background: #eef3f8; border-bottom: 2px solid var(--accent); }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        th, td { overflow-wrap: break-word; } td.num { min-width: 6.5rem; } tbody th[scope=row] { min-width: 14rem; }
        details { margin: .6rem 0 1rem; } details > summary { cursor: pointer; font-weight: 600; padding: .3rem 0; }
        .fout { color: var(--err); font-weight: 600; } .waarschuwing { color: var(--warn); font-weight: 600; }
        .bijsturing { font-weight: 600; } .verstreken { color: var(--err); }
        .marking { position: sticky; top: 0; margin: 0; padding: .3rem; text-align: center; background: #fff4d6;
                   border-bottom: 1px solid #e0b64c; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; }
        nav.toc ol { columns: 2; column-gap: 3rem; } nav.toc li { break-inside: avoid; } figure { margin: 1rem 0; } figcaption { color: var(--muted); font-size: .85rem; }
        blockquote { margin: .3rem 0 .3rem 1rem; color: var(--muted); font-style: italic; }
        .cards { display: flex; flex-wrap: wrap; gap: .8rem; } .card { border: 1px solid var(--line); padding: .6rem .9rem; min-width: 10rem; }
        .card strong { display: block; font-size: 1.2rem; }
        dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dl.provenance dt { font-weight: 600; }
        dl.provenance dd { margin: 0; } code { word-break: break-all; }
        @page { size: A4; margin: 18mm 14mm 18mm;
                @top-center { content: none; font: 700 8pt "Segoe UI", "Helvetica Neue", Arial, sans-serif;
                              letter-spacing: .08em; text-transform: uppercase; color: #8a5a00; }
                @bottom-right { content: "pagina " counter(page) " van " counter(pages);
                                font: 8pt "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #555; } }
        @media print {
          body { font-size: 10pt; } main { max-width: none; padding: 0; }
          .marking { position: static; }
          h1, h2, h3, h4, caption { break-after: avoid; } tr, figure, .card, blockquote { break-inside: avoid; }
          thead { display: table-header-group; } table { font-size: 8.5pt; }
          th { overflow-wrap: break-word; } td { overflow-wrap: anywhere; } td.num, th.num { white-space: normal; }
          svg { max-width: 100%; height: auto; } #omslag svg { display: block; max-height: 60mm; width: auto; }
          section.page { break-before: page; } a { color: inherit; text-decoration: none; }
        }
        """
}
