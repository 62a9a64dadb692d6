import Dispatch

/// Draws a scenario's outcome under its uncertain assumptions and ranges on the compiled evaluator.
///
/// With at most ``UncertaintyProblem/enumerationLimit`` drawn assumptions every combination is evaluated with its
/// exact probability, and only the ranges are drawn within a combination (not at all when none applies); otherwise
/// assumptions and ranges are drawn together. Draws run in chunks of fixed size on every core, each chunk with its own
/// ``SeededGenerator`` stream, and are reduced in chunk order: the result depends on the seed, never on the cores.
public struct UncertaintySimulator: Sendable {
    static let chunkSize = 1024
    static let histogramBins = 20

    public init() {}

    private struct Chunk: Sendable {
        var fired: [Double] = []
        var anyError = 0.0
        var frameExceeded = 0.0
        var frameOpen = 0.0
        var unknown = 0.0
        var applied: [Bool] = []
    }

    /// Slots written by one chunk each; the chunks never overlap.
    private struct DisjointSlots<Element>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Element>
    }

    /// Runs the simulation. Throws only when money does not fit in cents, which the loader's ceilings rule out.
    public func run(_ problem: UncertaintyProblem) throws(MoneyOverflow) -> UncertaintyResult {
        let model = problem.model, compiled = model.compiled, layout = compiled.layout
        let drawn = problem.drawn
        let yearCount = model.years.count
        let targets = yearCount + 2
        let period = yearCount, runRate = yearCount + 1

        // Which combination each draw belongs to (enumeration) and its weight.
        let enumerate = drawn.count <= problem.enumerationLimit
        var stateOffsets: [Int] = [0]
        var stateWeights: [Double] = []
        var maxRangeDraws = 1
        if enumerate {
            let combinations = 1 << drawn.count
            var outcome = compiled.makeOutcome()
            var applied: [Int] = []
            var assumptions = problem.assumptionValues
            let perState = max(1, problem.draws / combinations)
            for state in 0..<combinations {
                var weight = 1.0
                for (bit, index) in drawn.enumerated() {
                    let value = state >> bit & 1 == 1
                    assumptions[index] = value
                    let p = Double(problem.probabilities[index] ?? 0) / 10_000
                    weight *= value ? p : 1 - p
                }
                try compiled.evaluate(choices: problem.choices, assumptions: assumptions, into: &outcome)
                model.appliedVariables(choices: problem.choices, fired: outcome.fired, into: &applied)
                let ranged = applied.contains { model.variables[$0].periodWidth != 0 || model.variables[$0].runRateWidth != 0 }
                let count = weight == 0 ? 1 : (ranged ? perState : 1)
                maxRangeDraws = max(maxRangeDraws, count)
                stateOffsets.append(stateOffsets[stateOffsets.count - 1] + count)
                stateWeights.append(weight / Double(count))
            }
        }
        let offsets = stateOffsets, combinationWeights = stateWeights
        let drawCount = enumerate ? offsets[offsets.count - 1] : max(1, problem.draws)
        let chunkCount = (drawCount + Self.chunkSize - 1) / Self.chunkSize

        var values = [Int64](repeating: 0, count: drawCount * targets)
        var unknowns = [Int32](repeating: 0, count: drawCount * targets)
        var weights = [Double](repeating: 0, count: drawCount)
        var chunks = [Chunk](repeating: Chunk(), count: chunkCount)
        var failed = [Bool](repeating: false, count: chunkCount)
        let frame = problem.frame
        // The ranges as one flat table (per variable: its width per year, then of the run-rate, which is the slot
        // after the years), the options' variables (the choices are fixed) and the rules that have variables.
        let stride = yearCount + 1
        let widths = model.variables.flatMap { $0.yearWidths + [$0.runRateWidth] }
        var chosenVariables: [Int] = []
        model.appliedVariables(
            choices: problem.choices, fired: [Bool](repeating: false, count: model.ruleLevels.count), into: &chosenVariables)
        let optionVariables = chosenVariables
        let ruleVariables = model.ruleVariables.enumerated().filter { !$0.element.isEmpty }.map { ($0.offset, $0.element) }
        values.withUnsafeMutableBufferPointer { valueBuffer in
            unknowns.withUnsafeMutableBufferPointer { unknownBuffer in
                weights.withUnsafeMutableBufferPointer { weightBuffer in
                    chunks.withUnsafeMutableBufferPointer { chunkBuffer in
                        failed.withUnsafeMutableBufferPointer { failedBuffer in
                            let valueSlots = DisjointSlots(buffer: valueBuffer), unknownSlots = DisjointSlots(buffer: unknownBuffer)
                            let weightSlots = DisjointSlots(buffer: weightBuffer), chunkSlots = DisjointSlots(buffer: chunkBuffer)
                            let failedSlots = DisjointSlots(buffer: failedBuffer)
                            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunkIndex in
                                var generator = SeededGenerator(seed: problem.seed, stream: UInt64(chunkIndex))
                                var outcome = compiled.makeOutcome()
                                var assumptions = problem.assumptionValues
                                var chunk = Chunk(
                                    fired: [Double](repeating: 0, count: model.ruleLevels.count),
                                    applied: [Bool](repeating: false, count: model.variables.count))
                                let start = chunkIndex * Self.chunkSize, end = min(drawCount, start + Self.chunkSize)
                                var state = 0
                                if enumerate {
                                    // The last combination whose first draw is at or before `start`.
                                    var low = 0, high = offsets.count - 1
                                    while low < high {
                                        let middle = (low + high + 1) / 2
                                        if offsets[middle] <= start { low = middle } else { high = middle - 1 }
                                    }
                                    state = low
                                }
                                for draw in start..<end {
                                    let weight: Double
                                    if enumerate {
                                        while offsets[state + 1] <= draw { state += 1 }
                                        for (bit, index) in drawn.enumerated() { assumptions[index] = state >> bit & 1 == 1 }
                                        weight = combinationWeights[state]
                                    } else {
                                        for index in drawn {
                                            assumptions[index] = generator.bernoulli(basisPoints: problem.probabilities[index] ?? 0)
                                        }
                                        weight = 1 / Double(drawCount)
                                    }
                                    do {
                                        try compiled.evaluate(choices: problem.choices, assumptions: assumptions, into: &outcome)
                                    } catch {
                                        failedSlots.buffer[chunkIndex] = true
                                        return
                                    }
                                    let base = draw * targets
                                    let totals = outcome.totals
                                    var periodValue: Int64 = 0, periodUnknown: Int32 = 0
                                    for offset in 0..<yearCount {
                                        let year = model.years.lowerBound + offset
                                        valueSlots.buffer[base + offset] = UnknownAmounts.knownBurden(totals, layout, year: year)
                                        unknownSlots.buffer[base + offset] = UnknownAmounts.count(totals, layout, year: year)
                                    }
                                    valueSlots.buffer[base + runRate] = UnknownAmounts.knownRunRate(totals, layout)
                                    unknownSlots.buffer[base + runRate] = UnknownAmounts.runRateCount(totals, layout)
                                    func drawRange(_ index: Int) {
                                        chunk.applied[index] = true
                                        let position = generator.next()
                                        let row = index * stride
                                        for offset in 0..<yearCount where widths[row + offset] != 0 {
                                            valueSlots.buffer[base + offset] &+= Self.offset(position, widths[row + offset])
                                        }
                                        if widths[row + yearCount] != 0 {
                                            valueSlots.buffer[base + runRate] &+= Self.offset(position, widths[row + yearCount])
                                        }
                                    }
                                    for index in optionVariables { drawRange(index) }
                                    for (rule, variables) in ruleVariables where outcome.fired[rule] {
                                        for index in variables { drawRange(index) }
                                    }
                                    var yearExceeded = false, yearOpen = false
                                    for offset in 0..<yearCount {
                                        let value = valueSlots.buffer[base + offset], unknown = unknownSlots.buffer[base + offset]
                                        periodValue &+= value
                                        periodUnknown &+= unknown
                                        if let limit = frame?.maxBurdenPerYear {
                                            if value > limit.cents { yearExceeded = true } else if unknown > 0 { yearOpen = true }
                                        }
                                    }
                                    valueSlots.buffer[base + period] = periodValue
                                    unknownSlots.buffer[base + period] = periodUnknown
                                    weightSlots.buffer[draw] = weight
                                    var exceeded = yearExceeded, open = yearOpen
                                    if let limit = frame?.maxStructuralBurden {
                                        if valueSlots.buffer[base + runRate] > limit.cents {
                                            exceeded = true
                                        } else if unknownSlots.buffer[base + runRate] > 0 {
                                            open = true
                                        }
                                    }
                                    if exceeded { chunk.frameExceeded += weight } else if open { chunk.frameOpen += weight }
                                    if periodUnknown > 0 || unknownSlots.buffer[base + runRate] > 0 { chunk.unknown += weight }
                                    if !outcome.errors.isEmpty { chunk.anyError += weight }
                                    for (rule, fired) in outcome.fired.enumerated() where fired { chunk.fired[rule] += weight }
                                }
                                chunkSlots.buffer[chunkIndex] = chunk
                            }
                        }
                    }
                }
            }
        }
        if failed.contains(true) { throw MoneyOverflow(operation: "optellen", lhs: .zero, rhs: nil) }

        // Reduce in chunk order.
        var fired = [Double](repeating: 0, count: model.ruleLevels.count)
        var anyError = 0.0, frameExceeded = 0.0, frameOpen = 0.0, unknown = 0.0
        var applied = [Bool](repeating: false, count: model.variables.count)
        for chunk in chunks {
            for rule in fired.indices { fired[rule] += chunk.fired[rule] }
            anyError += chunk.anyError
            frameExceeded += chunk.frameExceeded
            frameOpen += chunk.frameOpen
            unknown += chunk.unknown
            for index in applied.indices where chunk.applied[index] { applied[index] = true }
        }
        var totalWeight = 0.0
        for weight in weights { totalWeight += weight }
        let normalise = totalWeight > 0 ? 1 / totalWeight : 0

        var distributions: [UncertaintyResult.Distribution] = []
        var periodOrder: [Int] = []
        // Combinations with probability 0 (a `kans` of 0% or 100%) are evaluated but are no outcome.
        let possible = (0..<drawCount).filter { weights[$0] > 0 }
        for target in 0..<targets {
            let order = possible.map { (values[$0 * targets + target], $0) }.sorted(by: <).map(\.1)
            if target == period { periodOrder = order }
            distributions.append(
                Self.distribution(
                    order: order, value: { values[$0 * targets + target] }, unknown: { unknowns[$0 * targets + target] },
                    weights: weights, normalise: normalise))
        }
        let histogram = Self.histogram(
            order: periodOrder, value: { values[$0 * targets + period] }, weights: weights, normalise: normalise)

        let tornado = try tornado(problem)
        let rules = model.ruleLevels.indices.compactMap { rule -> UncertaintyResult.RuleProbability? in
            guard let level = model.ruleLevels[rule], level != .info, fired[rule] > 0 else { return nil }
            return UncertaintyResult.RuleProbability(rule: rule, probability: fired[rule] * normalise)
        }
        return UncertaintyResult(
            method: enumerate ? .enumeration(combinations: 1 << drawn.count, maxRangeDraws: maxRangeDraws) : .sampling,
            draws: drawCount, seed: problem.seed, drawn: drawn, years: Array(distributions[0..<yearCount]),
            period: distributions[period], structural: distributions[runRate],
            frameExceeded: frame == nil ? nil : frameExceeded * normalise,
            frameOpenByUnknown: frame == nil ? nil : frameOpen * normalise, dependsOnUnknown: unknown * normalise,
            rules: rules, anyError: anyError * normalise, tornadoPeriod: tornado.period, tornadoStructural: tornado.structural,
            basePeriod: tornado.basePeriod, baseStructural: tornado.baseStructural, histogram: histogram,
            rangesApplied: applied.filter { $0 }.count)
    }

    /// The drawn position in a range of this width: `0..<width`, from one 64-bit draw shared by every year.
    @inline(__always)
    static func offset(_ position: UInt64, _ width: Int64) -> Int64 {
        width <= 0 ? 0 : Int64(position.multipliedFullWidth(by: UInt64(width)).high)
    }

    /// Percentiles as the lower inverse of the weighted distribution: the smallest value whose cumulative
    /// probability reaches the level.
    static func distribution(
        order: [Int], value: (Int) -> Int64, unknown: (Int) -> Int32, weights: [Double], normalise: Double
    ) -> UncertaintyResult.Distribution {
        let levels = [0.05, 0.5, 0.9, 0.95]
        var found = [Int64?](repeating: nil, count: levels.count)
        var cumulative = 0.0, mean = 0.0, positive = 0.0, dependsOnUnknown = 0.0, maxUnknown: Int32 = 0
        for draw in order {
            let weight = weights[draw] * normalise
            cumulative += weight
            mean += weight * Double(value(draw))
            if value(draw) > 0 { positive += weight }
            let unknownCount = unknown(draw)
            if unknownCount > 0 { dependsOnUnknown += weight }
            maxUnknown = max(maxUnknown, unknownCount)
            for (index, level) in levels.enumerated() where found[index] == nil && cumulative >= level - 1e-9 {
                found[index] = value(draw)
            }
        }
        let last = order.last.map(value) ?? 0
        return UncertaintyResult.Distribution(
            p5: found[0] ?? last, p50: found[1] ?? last, p90: found[2] ?? last, p95: found[3] ?? last,
            mean: Int64(mean.rounded()), minimum: order.first.map(value) ?? 0, maximum: last,
            positive: positive, dependsOnUnknown: dependsOnUnknown, maxUnknown: Int(maxUnknown))
    }

    static func histogram(order: [Int], value: (Int) -> Int64, weights: [Double], normalise: Double) -> [UncertaintyResult.Bin] {
        guard let first = order.first.map(value), let last = order.last.map(value) else { return [] }
        if first == last { return [UncertaintyResult.Bin(lower: first, upper: last, probability: 1)] }
        let span = last &- first
        let step = span / Int64(histogramBins) + 1
        var bins = (0..<histogramBins).map { index in
            UncertaintyResult.Bin(
                lower: first &+ Int64(index) &* step, upper: min(last, first &+ Int64(index + 1) &* step), probability: 0)
        }
        for draw in order {
            let index = min(histogramBins - 1, Int((value(draw) &- first) / step))
            bins[index].probability += weights[draw] * normalise
        }
        while let bin = bins.last, bin.probability == 0, bins.count > 1 { bins.removeLast() }
        return bins
    }

    /// One at a time: each drawn assumption `nee` and `ja`, each range applied at the base at its bounds, everything
    /// else at the base (assumptions as in the scenario, applied ranges at their middle).
    func tornado(_ problem: UncertaintyProblem) throws(MoneyOverflow) -> (
        period: [UncertaintyResult.TornadoBar], structural: [UncertaintyResult.TornadoBar], basePeriod: Int64,
        baseStructural: Int64
    ) {
        let model = problem.model, compiled = model.compiled, layout = compiled.layout
        var outcome = compiled.makeOutcome()
        var applied: [Int] = []
        func totals(_ assumptions: [Bool]) throws(MoneyOverflow) -> (period: Int64, structural: Int64, applied: [Int]) {
            try compiled.evaluate(choices: problem.choices, assumptions: assumptions, into: &outcome)
            var period: Int64 = 0
            for year in model.years { period &+= UnknownAmounts.knownBurden(outcome.totals, layout, year: year) }
            var structural = UnknownAmounts.knownRunRate(outcome.totals, layout)
            model.appliedVariables(choices: problem.choices, fired: outcome.fired, into: &applied)
            for index in applied {
                period &+= model.variables[index].periodWidth / 2
                structural &+= model.variables[index].runRateWidth / 2
            }
            return (period, structural, applied)
        }
        let base = try totals(problem.assumptionValues)
        var periodBars: [UncertaintyResult.TornadoBar] = [], structuralBars: [UncertaintyResult.TornadoBar] = []
        for index in problem.drawn {
            var assumptions = problem.assumptionValues
            assumptions[index] = false
            let no = try totals(assumptions)
            assumptions[index] = true
            let yes = try totals(assumptions)
            periodBars.append(.init(subject: .assumption(index), low: no.period, high: yes.period))
            structuralBars.append(.init(subject: .assumption(index), low: no.structural, high: yes.structural))
        }
        for index in base.applied {
            let variable = model.variables[index]
            let period = base.period &- variable.periodWidth / 2, structural = base.structural &- variable.runRateWidth / 2
            periodBars.append(.init(subject: .range(index), low: period, high: period &+ variable.periodWidth))
            structuralBars.append(.init(subject: .range(index), low: structural, high: structural &+ variable.runRateWidth))
        }
        func sorted(_ bars: [UncertaintyResult.TornadoBar]) -> [UncertaintyResult.TornadoBar] {
            bars.enumerated().filter { $0.element.swing > 0 }.sorted {
                $0.element.swing != $1.element.swing ? $0.element.swing > $1.element.swing : $0.offset < $1.offset
            }.map(\.element)
        }
        return (sorted(periodBars), sorted(structuralBars), base.period, base.structural)
    }
}
