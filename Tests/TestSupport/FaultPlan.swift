public import Foundation

/// What the fault proxy does to one request.
public enum Fault: String, CaseIterable, Sendable {
    /// Closes the device's connection without forwarding: the server never sees the request.
    case dropRequest
    /// Forwards, lets the server handle it, then closes the device's connection without the answer.
    case dropResponse
    /// Forwards and answers, then sends the same request again a moment later, as a network duplicate.
    case duplicate
    /// Waits a little (20 to 250 ms) before forwarding.
    case delay
    /// Holds the request until the next one has been handled (or half a second passes), then forwards it.
    case reorder
    /// Forwards only the first part of the body, with a matching `Content-Length`.
    case truncateRequest
    /// Relays only the first part of the server's answer, then closes.
    case truncateResponse
}

/// A seeded, reproducible sequence of decisions: for each request, pass it through or inject one fault.
///
/// The first faults cover every kind once, in a seeded order, so a run with enough requests exercises them all; the
/// rest are drawn at random.
public struct FaultPlan: Sendable {
    /// The fraction of requests that get a fault.
    public let faultRate: Double
    private var generator: SeededGenerator
    private var unused: [Fault]

    public init(seed: UInt64, faultRate: Double) {
        self.faultRate = faultRate
        generator = SeededGenerator(seed: seed)
        unused = Fault.allCases.shuffled(using: &generator)
    }

    /// The decision for the next request: a fault, or nil to pass it through.
    public mutating func next() -> Fault? {
        guard Double.random(in: 0..<1, using: &generator) < faultRate else { return nil }
        if !unused.isEmpty { return unused.removeFirst() }
        return Fault.allCases.randomElement(using: &generator)
    }

    /// A number from `range` drawn from the plan's generator (delays, truncation points).
    public mutating func draw(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
}

/// SplitMix64: a small generator whose sequence depends only on its seed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// The size of a fault run, from the environment for long runs: `FAULT_SEED` (default: `defaultSeed`) and
/// `FAULT_ROUNDS` (default: `defaultRounds`, the CI size).
public struct FaultRunSize: Sendable, CustomStringConvertible {
    public let seed: UInt64
    public let rounds: Int

    public init(defaultSeed: UInt64 = 20_261_125, defaultRounds: Int) {
        let environment = ProcessInfo.processInfo.environment
        seed = environment["FAULT_SEED"].flatMap { UInt64($0) } ?? defaultSeed
        rounds = max(1, environment["FAULT_ROUNDS"].flatMap { Int($0) } ?? defaultRounds)
    }

    public var description: String { "FAULT_SEED=\(seed) FAULT_ROUNDS=\(rounds)" }
}
