/// Wall-clock timing on the monotonic clock.
enum Stopwatch {
    private static let clock = ContinuousClock()

    /// Runs `body` once; returns its result and the elapsed seconds.
    static func measure<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> (value: T, seconds: Double) {
        let start = clock.now
        let value = try body()
        let elapsed = start.duration(to: clock.now)
        return (value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
