import Foundation

/// Formats measurements as Markdown tables.
enum ResultTable {
    /// Milliseconds with a precision that suits the size.
    static func ms(_ seconds: Double) -> String {
        let value = seconds * 1000
        return value < 10 ? String(format: "%.2f", value) : value < 1000 ? String(format: "%.1f", value) : String(format: "%.0f", value)
    }

    /// The in-process table: one row per size (a row saying why for a size that could not be measured).
    static func sizes(_ results: [SizeBenchmark.Result], unusable: [SizeBenchmark.Unusable]) -> String {
        var lines = [
            "| fiches | beslissingen | opties | regels | YAML (MiB) | N | laden (ms) | evalueren (ms) | rapport MD+JSON (ms) | **L+E+R (ms)** | per fiche (µs) | Yams.compose (ms) | L+E+R / compose | compose .basic (ms) | libyaml-events (ms) | check (ms) | HTML (ms) | piekgeheugen (MiB) |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        var rows: [(Int, String)] = results.map { r in
            (
                r.fiches,
                "| \(r.fiches) | \(r.decisions) | \(r.options) | \(r.rules) | \(String(format: "%.1f", Double(r.bytes) / 1_048_576)) | \(r.runs) | "
                    + "\(ms(r.load)) | \(ms(r.evaluate)) | \(ms(r.render)) | **\(ms(r.pipeline))** | \(String(format: "%.0f", r.perFiche * 1e6)) | "
                    + "\(ms(r.compose)) | \(String(format: "%.1f×", r.ratio)) | \(ms(r.composeBasic)) | \(ms(r.events)) | \(check(r.check)) | \(ms(r.html)) | \(String(format: "%.0f", r.peakMegabytes)) |"
            )
        }
        rows += unusable.map { u in
            (
                u.fiches,
                "| \(u.fiches) | laadt niet: \(u.diagnostics.filter { $0.severity == .error }.count) fouten in \(u.what) | | | | | | | | | | | | | | | | |"
            )
        }
        lines += rows.sorted { $0.0 < $1.0 }.map(\.1)
        return lines.joined(separator: "\n")
    }

    /// The check cell: a time, or how long it ran before it was stopped.
    private static func check(_ result: CheckBenchmark.Result?) -> String {
        switch result {
        case .measured(let seconds, _, _)?: ms(seconds)
        case .timedOut(let seconds)?: "> \(Int(seconds)) s (afgebroken)"
        case .failed?, nil: "—"
        }
    }

    /// The whole-process table.
    static func processes(_ results: [ProcessBenchmark.Result]) -> String {
        var lines = [
            "| commando (in de repository: rules/, 49 fiches) | N | mediaan (ms) | p90 (ms) | min (ms) | exitcode |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in results {
            lines.append(
                "| `\(r.label)` | \(r.runs) | \(ms(r.median)) | \(ms(r.p90)) | \(ms(r.minimum)) | \(r.statuses.sorted().map(String.init).joined(separator: ", ")) |"
            )
        }
        return lines.joined(separator: "\n")
    }
}
