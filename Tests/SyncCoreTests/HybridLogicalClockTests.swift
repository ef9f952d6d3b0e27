import Testing
@testable import SyncCore
import TestSupport

@Suite("Hybrid logical clock")
struct HybridLogicalClockTests {
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 24 * hour
    /// 2026-11-24 06:00 CST.
    static let start = marketMorning

    /// The first value that is not after the one before it, with its predecessor; nil when strictly increasing.
    static func firstNotIncreasing(_ values: [HLCTimestamp]) -> String? {
        zip(values, values.dropFirst()).first { $0.0 >= $0.1 }.map { "\($0.0) then \($0.1)" }
    }

    @Test func ticksFollowTheWallClockWhileItMovesForward() {
        var clock = HybridLogicalClock(deviceId: "device-a")
        for offset: Int64 in [0, 1, 500, 60_000] {
            let value = clock.tick(wallMillis: Self.start + offset)
            #expect(value == HLCTimestamp(wallMillis: Self.start + offset, counter: 0, deviceId: "device-a"))
        }
    }

    @Test(arguments: [hour, 5 * hour, day, 3 * day, 400 * day])
    func ticksKeepIncreasingWhenTheWallClockJumpsBackAndStaysBack(jump: Int64) {
        var clock = HybridLogicalClock(deviceId: "device-a")
        var ticks = [clock.tick(wallMillis: Self.start)]
        // The clock is set back and then runs on from there, never reaching the old time again for a while.
        for step in Int64(0)..<1_000 {
            ticks.append(clock.tick(wallMillis: Self.start - jump + step * 1_000))
        }
        #expect(Self.firstNotIncreasing(ticks) == nil)
        #expect(ticks.allSatisfy { $0.wallMillis >= Self.start })
        // Once the wall clock passes every value issued, ticks follow it again.
        let caughtUp = clock.tick(wallMillis: Self.start + jump)
        #expect(caughtUp > ticks.last!)
        #expect(caughtUp == HLCTimestamp(wallMillis: Self.start + jump, counter: 0, deviceId: "device-a"))
    }

    @Test func ticksIncreaseUnderARandomlyWanderingWallClock() {
        var generator = SeededGenerator(seed: 2_026)
        var clock = HybridLogicalClock(deviceId: "0190f5c2-7a1e-7b3c-9d4e-5f6a7b8c9d0e")
        var wall = Self.start
        var ticks: [HLCTimestamp] = []
        for _ in 0..<5_000 {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: wall -= Int64.random(in: 1...(3 * Self.day), using: &generator)
            case 1: wall += Int64.random(in: 1...Self.day, using: &generator)
            case 2...4: break
            default: wall += Int64.random(in: 1...2_000, using: &generator)
            }
            ticks.append(clock.tick(wallMillis: wall))
        }
        #expect(Self.firstNotIncreasing(ticks) == nil)
    }

    @Test(arguments: [hour, 2 * day, 30 * day])
    func observingARemoteValueFarAheadMovesTheClockPastIt(ahead: Int64) {
        var clock = HybridLogicalClock(deviceId: "device-a")
        _ = clock.tick(wallMillis: Self.start)
        let remote = HLCTimestamp(wallMillis: Self.start + ahead, counter: 7, deviceId: "device-z")
        clock.observe(remote, wallMillis: Self.start + 10)
        // The local wall clock stays behind the remote one; every later tick is still after the remote value.
        let ticks = (Int64(0)..<100).map { step in clock.tick(wallMillis: Self.start + 20 + step) }
        #expect(Self.firstNotIncreasing([remote] + ticks) == nil)
        #expect(ticks.allSatisfy { $0.deviceId == "device-a" })
    }

    @Test func aTickAfterObservingARemoteValueWithTheSameWallAndALargerDeviceIdIsLater() {
        var clock = HybridLogicalClock(deviceId: "aaaa")
        let remote = HLCTimestamp(wallMillis: Self.start, counter: 3, deviceId: "zzzz")
        clock.observe(remote, wallMillis: Self.start)
        #expect(clock.tick(wallMillis: Self.start) > remote)
    }

    @Test func observingAValueBehindNeverMovesTheClockBack() {
        var clock = HybridLogicalClock(deviceId: "device-a")
        let issued = clock.tick(wallMillis: Self.start)
        clock.observe(HLCTimestamp(wallMillis: Self.start - Self.day, counter: 99, deviceId: "device-z"), wallMillis: Self.start - Self.day)
        #expect(clock.tick(wallMillis: Self.start - Self.day) > issued)
    }

    @Test func aClockResumedFromItsLastValueContinuesAfterIt() {
        let last = HLCTimestamp(wallMillis: Self.start, counter: 41, deviceId: "device-a")
        var clock = HybridLogicalClock(deviceId: "device-a", last: last)
        #expect(clock.tick(wallMillis: Self.start - Self.hour) == HLCTimestamp(wallMillis: Self.start, counter: 42, deviceId: "device-a"))
    }

    static func randomTimestamps(count: Int, seed: UInt64) -> [HLCTimestamp] {
        var generator = SeededGenerator(seed: seed)
        let devices = (0..<6).map { index in
            UUIDv7.make(millis: Self.start + Int64(index), using: &generator)
        } + ["a", "a-b", "device-7", "Z"]
        // Few distinct walls and counters, so that many values tie on them and compare by what follows.
        let walls = (0..<8).map { _ in Int64.random(in: 0...4_102_444_800_000, using: &generator) } + [0, 999_999_999_999_999]
        return (0..<count).map { _ in
            HLCTimestamp(
                wallMillis: Bool.random(using: &generator)
                    ? walls.randomElement(using: &generator)!
                    : Int64.random(in: 0...999_999_999_999_999, using: &generator),
                counter: Bool.random(using: &generator)
                    ? Int.random(in: 0...3, using: &generator) : Int.random(in: 0...999_999, using: &generator),
                deviceId: devices.randomElement(using: &generator)!
            )
        }
    }

    @Test func theTextFormSortsExactlyAsTheValuesCompare() {
        let values = Self.randomTimestamps(count: 3_000, seed: 8_785)
        var mismatches: [String] = []
        for (lhs, rhs) in zip(values, values.dropFirst() + values.prefix(1)) {
            let byValue = lhs < rhs
            let byText = lhs.description.utf8.lexicographicallyPrecedes(rhs.description.utf8)
            if byValue != byText { mismatches.append("\(lhs) vs \(rhs)") }
            #expect((lhs == rhs) == (lhs.description == rhs.description))
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(values.sorted().map(\.description) == values.map(\.description).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test func theTextFormParsesBack() throws {
        for value in Self.randomTimestamps(count: 1_000, seed: 1) {
            #expect(HLCTimestamp(value.description) == value)
            let json = try JSONValue(encoding: value)
            #expect(json == .string(value.description))
            #expect(try json.decode(HLCTimestamp.self) == value)
        }
    }

    @Test func theTextFormIsFixedWidth() {
        let value = HLCTimestamp(wallMillis: 1_795_471_200_000, counter: 12, deviceId: "0190f5c2-7a1e-7b3c-9d4e-5f6a7b8c9d0e")
        #expect(value.description == "001795471200000-000012-0190f5c2-7a1e-7b3c-9d4e-5f6a7b8c9d0e")
    }

    @Test(arguments: ["", "1795471200000-000012-a", "001795471200000-12-a", "001795471200000-000012", "00179547120000x-000012-a"])
    func malformedTextIsNotAClockValue(text: String) {
        #expect(HLCTimestamp(text) == nil)
    }
}
