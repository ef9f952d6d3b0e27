import Foundation

/// Wall-clock timing and the statistics the figures report.
enum Measure {
    /// Seconds elapsed running `body`, with its result.
    static func time<T>(_ body: () throws -> T) rethrows -> (seconds: Double, result: T) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, result)
    }

    /// Seconds elapsed running an async `body`, with its result.
    static func timeAsync<T>(_ body: () async throws -> T) async rethrows -> (seconds: Double, result: T) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try await body()
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, result)
    }

    /// The `fraction` percentile (0.5, 0.99) of `samples` by nearest rank; 0 for none.
    static func percentile(_ samples: [Double], _ fraction: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}

/// A small, fast, seedable generator, so every run builds the same journals (Steele, Lea & Flood's SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A scratch directory under the system's temporary directory, removed by `remove()`.
struct ScratchDirectory {
    let url: URL

    init(_ name: String) throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("tracesync-bench-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `file` inside the directory.
    func path(_ file: String) -> String { url.appendingPathComponent(file).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
