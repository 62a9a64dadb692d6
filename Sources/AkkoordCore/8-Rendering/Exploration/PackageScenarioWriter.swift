/// Writes a package as a ready scenario file: a header saying how it was found, every decision's choice, the
/// assumptions held fixed and the frame.
public struct PackageScenarioWriter: Sendable {
    public init() {}

    public func write(
        _ package: ExplorationResult.Package, report: ExplorationReport, problem: ExplorationProblem, referenceDate: Day,
        command: String
    ) -> String {
        let compiled = problem.compiled
        var out = "# Gevonden met: \(Self.comment(command))\n"
        out += "# Status: \(Self.comment(report.status)); laagste tevredenheid \(report.pakketten.first?.laagsteTevredenheid ?? "-")"
        out += ", structureel nadeel \(DutchFormat.euro(package.structural)).\n"
        for position in report.posities { out += "# Positie: \(Self.comment(position))\n" }
        out += "titel: \(Self.quoted("Verkend pakket: " + problem.positions.map(\.name).joined(separator: ", ")))\n"
        out += "peildatum: \(referenceDate)\n"
        out += "keuzes:\n"
        for (index, decision) in compiled.decisions.enumerated() {
            out += "  \(decision.ref): \(Self.quoted(decision.options[package.choices[index]]))\n"
        }
        let assumptions = Array(zip(compiled.assumptionIDs, problem.assumptions))
        out += assumptions.isEmpty ? "" : "aannames:\n"
        for (id, value) in assumptions { out += "  \(id): \(value ? "ja" : "nee")\n" }
        let frame = problem.frame
        if frame.maxStructural != nil || frame.maxPerYear != nil {
            out += "kader:\n"
            if let limit = frame.maxStructural { out += "  max_structureel_nadeel: \(limit)\n" }
            if let limit = frame.maxPerYear { out += "  max_nadeel_per_jaar: \(limit)\n" }
        }
        return out
    }

    /// A YAML double-quoted string, as a scenario the table saves has it (``ScenarioWriter``).
    static func quoted(_ text: String) -> String { ScenarioWriter.quoted(text) }

    /// Text on one comment line.
    static func comment(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 ? " " : Character($0) })
    }
}
