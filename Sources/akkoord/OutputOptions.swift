import AkkoordCore
import ArgumentParser

/// Output options shared by `report` and `compare`.
struct OutputOptions: ParsableArguments {
    @ArgumentParser.Option(name: .long, help: "Uitvoerformaat: markdown, html, json of csv.")
    var format: ReportFormat = .markdown

    @ArgumentParser.Option(name: .long, help: "CSV-variant: excel-nl (puntkomma, decimale komma, BOM) of rfc4180.")
    var csv: CSVRenderer.Dialect = .excelNL

    @ArgumentParser.Option(name: .long, help: "Markering op elke HTML-pagina, bijv. concept of vertrouwelijk.")
    var markering: String?

    @ArgumentParser.Option(name: .shortAndLong, help: "Schrijf naar dit bestand (atomair; nooit over een invoerbestand; - is standaarduitvoer).")
    var output: String?
}
