/// The performance targets, each judged PASS, FAIL or SKIP (not measured in this run).
enum TargetCheck {
    /// One verdict line per target.
    static func verdicts(
        report: ProcessBenchmark.Result?, sizes: [SizeBenchmark.Result],
        unusable: [SizeBenchmark.Unusable]
    ) -> [String] {
        func verdict(_ pass: Bool) -> String { pass ? "PASS" : "FAIL" }
        func size(_ fiches: Int) -> SizeBenchmark.Result? { sizes.first { $0.fiches == fiches } }
        func missing(_ fiches: Int) -> (status: String, reason: String) {
            unusable.contains { $0.fiches == fiches }
                ? ("FAIL", "de gegenereerde regelbasis van \(fiches) fiches laadt niet")
                : ("SKIP", "\(fiches) fiches niet gemeten (zie --sizes)")
        }
        var lines: [String] = []

        let first = "Enschede `akkoord report scenarios/huidige-lijn.yaml` als los proces, mediaan < 50 ms"
        if let report {
            lines.append("\(verdict(report.median < 0.050))  \(first): \(ResultTable.ms(report.median)) ms")
        } else {
            lines.append("SKIP  \(first): niet gemeten (--skip-process of niet beschikbaar)")
        }

        let second = "5.000 fiches laden + evalueren + rapport < 1 s"
        if let large = size(5_000) {
            lines.append("\(verdict(large.pipeline < 1.0))  \(second): \(ResultTable.ms(large.pipeline)) ms")
        } else {
            lines.append("\(missing(5_000).status)  \(second): \(missing(5_000).reason)")
        }

        let third = "groei hoogstens lineair: tijd per fiche bij 5.000 ≤ 1,5 × tijd per fiche bij 500"
        if let small = size(500), let large = size(5_000) {
            let factor = large.perFiche / small.perFiche
            lines.append(
                "\(verdict(factor <= 1.5))  \(third): \(String(format: "%.0f", large.perFiche * 1e6)) µs vs "
                    + "\(String(format: "%.0f", small.perFiche * 1e6)) µs per fiche (factor \(String(format: "%.2f", factor)))")
        } else {
            let why = size(500) == nil ? missing(500) : missing(5_000)
            lines.append("\(why.status)  \(third): \(why.reason)")
        }
        return lines
    }
}
