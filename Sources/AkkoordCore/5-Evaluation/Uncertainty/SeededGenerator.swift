/// SplitMix64: a tiny generator used to derive seeds (Steele, Lea and Flood 2014).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** (Blackman and Vigna): the generator of the simulation. Seeded from a seed and a stream number, so
/// every chunk of draws has its own sequence that does not depend on which thread runs it or how many there are.
/// Never `SystemRandomNumberGenerator`: the same seed must give the same bytes.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    public init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = SplitMix64(seed: seed)
        let base = mixer.next()
        var expand = SplitMix64(seed: base ^ SplitMix64.mix(stream))
        s0 = expand.next()
        s1 = expand.next()
        s2 = expand.next()
        s3 = expand.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    public mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Whether an event with this probability (basis points, 0–10 000) happens.
    @inline(__always)
    mutating func bernoulli(basisPoints: Int) -> Bool {
        next().multipliedFullWidth(by: 10_000).high < UInt64(basisPoints)
    }

    /// A uniform offset in `0..<width` (0 when the width is 0).
    @inline(__always)
    mutating func offset(below width: Int64) -> Int64 {
        Int64(next().multipliedFullWidth(by: UInt64(width)).high)
    }
}

extension SplitMix64 {
    /// One SplitMix64 output for a value, to spread stream numbers over the seed space.
    static func mix(_ value: UInt64) -> UInt64 {
        var generator = SplitMix64(seed: value)
        return generator.next()
    }
}
