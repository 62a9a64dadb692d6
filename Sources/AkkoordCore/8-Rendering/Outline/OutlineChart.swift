/// A chart of an ``Outline``, with its title and the caption that explains it. Media without charts leave it out.
public struct OutlineChart: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Net burden per year, one series per scenario.
        case moneyPerYear(years: [Int], series: [Series])
        /// Steering moments and lapses counted per quarter.
        case momentsPerQuarter(items: [ConsequenceReport.TimelineItem], years: ClosedRange<Int>)
        /// The distribution of a total over the draws of `akkoord risico`.
        case histogram(bins: [RiskReport.Bin])
        /// The swing of each uncertain input on a total, around the base.
        case tornado(bars: [RiskReport.Bar], base: Int64)
    }

    public struct Series: Sendable, Hashable {
        public var name: String
        /// Net burden per year, in the order of the chart's years.
        public var values: [ConsequenceReport.Total]
    }

    public var kind: Kind
    public var title: String
    public var caption: String
}
