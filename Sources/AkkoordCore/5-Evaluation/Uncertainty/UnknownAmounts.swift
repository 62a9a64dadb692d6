/// The one place that reads a draw's outcome from the compiled totals: the known net burden per year and of the
/// structural run-rate (lower bounds; the simulation adds the drawn position in each range on top), and how many
/// unknown amounts each of those totals holds, of either direction (an unknown nadeel and an unknown voordeel are the
/// compiled total's third and fourth slot). Unknown amounts are never drawn and never count as € 0: a draw whose
/// total holds one is reported as depending on unknown amounts. Reporting the directions apart would start here.
enum UnknownAmounts {
    /// The known lower bound of the net burden of a period year (structural plus incidental, baten already negated).
    @inline(__always)
    static func knownBurden(_ totals: [Int64], _ layout: CompiledTotals.Layout, year: Int) -> Int64 {
        totals[layout.slot(.structural, year: year)] &+ totals[layout.slot(.incidental, year: year)]
    }

    /// How many unknown amounts a period year's net burden holds.
    @inline(__always)
    static func count(_ totals: [Int64], _ layout: CompiledTotals.Layout, year: Int) -> Int32 {
        let structural = layout.slot(.structural, year: year), incidental = layout.slot(.incidental, year: year)
        return Int32(
            truncatingIfNeeded: totals[structural + 2] &+ totals[structural + 3] &+ totals[incidental + 2] &+ totals[incidental + 3])
    }

    /// The known lower bound of the structural run-rate after the period.
    @inline(__always)
    static func knownRunRate(_ totals: [Int64], _ layout: CompiledTotals.Layout) -> Int64 { totals[layout.runRateSlot] }

    /// How many unknown amounts the structural run-rate holds.
    @inline(__always)
    static func runRateCount(_ totals: [Int64], _ layout: CompiledTotals.Layout) -> Int32 {
        Int32(truncatingIfNeeded: totals[layout.runRateSlot + 2] &+ totals[layout.runRateSlot + 3])
    }
}
