import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// Figure 4: backward and forward trace latency (p50, p99) and the cost of pushing 1,000 entries, with the store at
/// each size; the baseline of every size is the same figure at the smallest size, so the ratio shows growth.
struct TraceFigure {
    let sizes: [Int]
    /// Queries timed per direction and size.
    var queries = 1_000
    /// Devices that each push 1,000 entries at each size; the figure is the median push.
    var pushesTimed = 5

    /// One size's measurements, in milliseconds.
    private struct Sample {
        var backward: [Double] = []
        var forward: [Double] = []
        var push = 0.0
    }

    func run(into report: Report) throws {
        var first: Sample?
        for size in sizes {
            let sample = try measure(size: size)
            let baseline = first ?? sample
            let label = Self.label(size), base = Self.label(sizes[0])
            for (name, values, reference) in [("backward", sample.backward, baseline.backward),
                                              ("forward", sample.forward, baseline.forward)] {
                for fraction in [0.5, 0.99] {
                    let percent = fraction == 0.5 ? "p50" : "p99"
                    report.add(Figure("trace", "trace \(name) \(percent) @ \(label) events",
                                      value: Measure.percentile(values, fraction), unit: "ms",
                                      baseline: ("same @ \(base)", Measure.percentile(reference, fraction))))
                }
            }
            report.add(Figure("trace", "push 1,000 entries @ \(label) events", value: sample.push, unit: "ms",
                              baseline: ("same @ \(base)", baseline.push),
                              note: "median of \(pushesTimed) devices each pushing 1,000 entries in 2 requests"))
            if first == nil { first = sample }
        }
    }

    private func measure(size: Int) throws -> Sample {
        let directory = try ScratchDirectory("trace")
        defer { directory.remove() }
        let store = try MarketStore.make(path: directory.path("central.sqlite"))
        let (fillSeconds, samples) = try Measure.time { try StoreFiller(store: store).fill(events: size) }
        print("  filled \(Self.label(size)) events through CentralStore.push in \(String(format: "%.0f", fillSeconds)) s "
              + "(\(Int(Double(size) / fillSeconds)) entries/s)")
        var random = SplitMix64(seed: UInt64(size))
        var sample = Sample()
        for _ in 0..<50 { _ = try store.traceBackward(samples.backward.randomElement(using: &random)!) }
        for _ in 0..<queries {
            let code = samples.backward.randomElement(using: &random)!
            let (seconds, result) = try Measure.time { try store.traceBackward(code) }
            guard result.stops.count == 2 else { throw BenchError("backward trace of \(code) found \(result.stops.count) stops") }
            sample.backward.append(seconds * 1_000)
        }
        for _ in 0..<queries {
            let code = samples.forward.randomElement(using: &random)!
            let (seconds, result) = try Measure.time { try store.traceForward(code) }
            guard result.first?.sales.count == 3 else { throw BenchError("forward trace of \(code) found no sales") }
            sample.forward.append(seconds * 1_000)
        }
        var pushes: [Double] = []
        for number in 1...pushesTimed {
            let device = try MarketStore.enroll(store, name: "新秤台 \(number)")
            let journal = MarketJournal.make(count: 1_000, deviceId: device.id, node: MarketStore.node,
                                             deviceNumber: device.deviceNumber, operators: MarketStore.operators,
                                             start: store.clock() - 3_600_000, seed: UInt64(number))
            let (seconds, tally) = try Measure.time {
                try MarketStore.pushAll(store, devices: [device], journals: [journal], chunk: 500)
            }
            guard tally.total == 1_000, tally.rejected == 0 else { throw BenchError("push at \(size): \(tally.summary)") }
            pushes.append(seconds * 1_000)
        }
        sample.push = Measure.percentile(pushes, 0.5)
        return sample
    }

    /// 10^4, 10^6 …
    static func label(_ size: Int) -> String {
        let exponent = Int(log10(Double(size)).rounded())
        return Int(pow(10, Double(exponent))) == size ? "10^\(exponent)" : String(size)
    }
}
