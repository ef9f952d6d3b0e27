import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// Figure 2: devices pushing over HTTP on loopback to a real `sync-server` process at once: entries per second,
/// request latency and the server's peak memory; the baseline is the same entries through `CentralStore.push` in
/// this process, with no HTTP.
///
/// Devices enroll as in the field: a code from `sync-server admin enroll-code`, then `POST /v1/devices/enroll`.
/// Request bodies are encoded before the clock starts, so the figure is the server's, not the client's encoder.
struct HTTPPushFigure {
    let devices: Int
    let entriesPerDevice: Int
    var chunk = 250

    /// An enrolled device with its journal, as request bodies.
    private struct Device: Sendable {
        let enrolled: EnrollResponse
        let journal: [JournalEntry]
        let bodies: [Data]
    }

    /// Runs the figure; returns the in-process baseline's store, which holds one market's `devices × entries`
    /// entries, for the pull figure.
    func run(into report: Report) async throws -> PullFigure.Source {
        let directory = try ScratchDirectory("http")
        defer { directory.remove() }
        let server = try ServerProcess(directory: directory)
        defer { server.stop() }
        let client = BenchClient(connections: devices + 4)
        var enrolled: [Device] = []
        let start = BusinessTime.now() - 4 * 3_600_000
        for number in 1...devices {
            let code = try server.enrollCode(node: MarketStore.node, in: directory)
            let request = try JSONEncoder().encode(EnrollRequest(code: code, deviceName: "秤台 \(number)"))
            let (status, data) = try await client.send("POST", server.url + "/v1/devices/enroll", body: request)
            guard status == 201 else { throw BenchError("enroll answered \(status): \(String(decoding: data, as: UTF8.self))") }
            let response = try JSONDecoder().decode(EnrollResponse.self, from: data)
            let journal = MarketJournal.make(count: entriesPerDevice, deviceId: response.deviceId, node: MarketStore.node,
                                             deviceNumber: response.deviceNumber, operators: MarketStore.operators,
                                             start: start, seed: UInt64(number))
            let bodies = try stride(from: 0, to: journal.count, by: chunk).map {
                try JSONEncoder().encode(PushRequest(entries: Array(journal[$0..<min($0 + chunk, journal.count)])))
            }
            enrolled.append(Device(enrolled: response, journal: journal, bodies: bodies))
        }
        let url = server.url + "/v1/sync/push"
        let (seconds, outcome) = try await Measure.timeAsync {
            try await withThrowingTaskGroup(of: ([Double], MarketStore.Tally).self) { group in
                for device in enrolled {
                    group.addTask { try await Self.push(device, to: url, client: client) }
                }
                var latencies: [Double] = [], tally = MarketStore.Tally()
                for try await (times, counted) in group {
                    latencies += times
                    tally.applied += counted.applied; tally.conflict += counted.conflict; tally.rejected += counted.rejected
                }
                return (latencies, tally)
            }
        }
        try await client.shutdown()
        let peak = server.peakMemoryMiB
        server.stop()
        let total = enrolled.reduce(0) { $0 + $1.journal.count }
        guard outcome.1.total == total else { throw BenchError("HTTP push got \(outcome.1.total) verdicts for \(total) entries") }

        let baselineDirectory = try ScratchDirectory("http-baseline")
        let path = baselineDirectory.path("central.sqlite")
        let store = try MarketStore.make(path: path)
        let records = try enrolled.map {
            try MarketStore.enroll(store, name: "秤台", deviceId: $0.enrolled.deviceId, deviceNumber: $0.enrolled.deviceNumber)
        }
        let (baselineSeconds, _) = try Measure.time {
            try MarketStore.pushAll(store, devices: records, journals: enrolled.map(\.journal), chunk: chunk)
        }
        let inProcess = Double(total) / baselineSeconds

        report.add(Figure("http", "push over HTTP, \(devices) devices at once", value: Double(total) / seconds,
                          unit: "entries/s", baseline: ("CentralStore.push in-process", inProcess),
                          note: "\(devices) × \(entriesPerDevice) entries in requests of \(chunk); verdicts: \(outcome.1.summary)"))
        for (fraction, label) in [(0.5, "p50"), (0.99, "p99")] {
            report.add(Figure("http", "push request latency \(label) (\(chunk) entries)",
                              value: Measure.percentile(outcome.0, fraction) * 1_000, unit: "ms"))
        }
        if let peak { report.add(Figure("http", "sync-server peak memory (VmHWM)", value: peak, unit: "MiB")) }
        return PullFigure.Source(directory: baselineDirectory, path: path)
    }

    /// Pushes one device's bodies in order; returns each request's seconds and the verdicts.
    private static func push(_ device: Device, to url: String, client: BenchClient) async throws -> ([Double], MarketStore.Tally) {
        var latencies: [Double] = [], tally = MarketStore.Tally()
        for body in device.bodies {
            let (seconds, answer) = try await Measure.timeAsync {
                try await client.send("POST", url, body: body, secret: device.enrolled.secret)
            }
            guard answer.0 == 200 else { throw BenchError("push answered \(answer.0): \(String(decoding: answer.1, as: UTF8.self).prefix(300))") }
            tally.add(try JSONDecoder().decode(PushResponse.self, from: answer.1))
            latencies.append(seconds)
        }
        return (latencies, tally)
    }
}
