import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// Figure 2: devices pushing over HTTP on loopback to a real `sync-server` process at once: entries per second,
/// request latency, the server's CPU (cores and threads) and peak memory; the baseline is the same entries through
/// `CentralStore.push` in this process, with no HTTP. Then public trace lookups over HTTP, one at a time, idle and
/// while the same devices push more of their day.
///
/// Devices enroll as in the field: a code from `sync-server admin enroll-code`, then `POST /v1/devices/enroll`.
/// Request bodies are encoded before the clock starts, so the figure is the server's, not the client's encoder.
struct HTTPPushFigure {
    let devices: Int
    let entriesPerDevice: Int
    /// Entries each device pushes after the measured push, while trace lookups run.
    var loadEntriesPerDevice = 1_000
    var traceLookups = 500
    /// The pause between one public trace lookup's answer and the next lookup.
    var tracePause = Duration.milliseconds(5)
    var chunk = 250

    /// An enrolled device with its journal, as request bodies: the measured push's, then the load's.
    private struct Device: Sendable {
        let enrolled: EnrollResponse
        let journal: [JournalEntry]
        let bodies: [Data]
        let loadBodies: [Data]
    }

    /// Runs the figure; returns the in-process baseline's store, which holds one market's `devices × entries`
    /// entries, for the pull figure.
    func run(into report: Report) async throws -> PullFigure.Source {
        let directory = try ScratchDirectory("http")
        defer { directory.remove() }
        let server = try ServerProcess(directory: directory, arguments: ["--public-rate-limit", "100000000"])
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
            let whole = MarketJournal.make(count: entriesPerDevice + loadEntriesPerDevice, deviceId: response.deviceId,
                                           node: MarketStore.node, deviceNumber: response.deviceNumber,
                                           operators: MarketStore.operators, start: start, seed: UInt64(number))
            let journal = Array(whole.prefix(entriesPerDevice))
            enrolled.append(Device(enrolled: response, journal: journal, bodies: try bodies(journal),
                                   loadBodies: try bodies(Array(whole.dropFirst(entriesPerDevice)))))
        }
        let url = server.url + "/v1/sync/push"
        let cpuBefore = ProcessCPU(pid: server.pid)
        let (seconds, outcome) = try await Measure.timeAsync {
            try await Self.pushAll(enrolled.map { ($0.enrolled.secret, $0.bodies) }, to: url, client: client)
        }
        let cpu = ProcessCPU.usage(from: cpuBefore, to: ProcessCPU(pid: server.pid), wall: seconds)
        let total = enrolled.reduce(0) { $0 + $1.journal.count }
        guard outcome.1.total == total else { throw BenchError("HTTP push got \(outcome.1.total) verdicts for \(total) entries") }

        let codes = Self.batchCodes(enrolled.flatMap(\.journal), count: 200)
        let idle = try await Self.traceLatencies(codes, count: traceLookups, base: server.url, pause: tracePause, client: client, while: nil)
        let pushing = ManagedFlag(), base = server.url, pause = tracePause
        let loads = enrolled.map { (secret: $0.enrolled.secret, bodies: $0.loadBodies) }
        let loaded = try await withThrowingTaskGroup(of: [Double].self) { group in
            group.addTask {
                defer { pushing.lower() }
                _ = try await Self.pushAll(loads, to: url, client: client)
                return []
            }
            group.addTask { try await Self.traceLatencies(codes, count: nil, base: base, pause: pause, client: client, while: pushing) }
            var latencies: [Double] = []
            for try await answer in group { latencies += answer }
            return latencies
        }
        try await client.shutdown()
        let peak = server.peakMemoryMiB
        server.stop()

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
        report.add(Figure("http", "sync-server CPU during the push", value: cpu.cores, unit: "cores",
                          baseline: ("the machine's cores", Double(ProcessInfo.processInfo.activeProcessorCount)),
                          note: cpu.text))
        report.add(Figure("http", "sync-server busiest thread during the push", value: cpu.busiest * 100, unit: "% of a core"))
        for (fraction, label) in [(0.5, "p50"), (0.99, "p99")] {
            report.add(Figure("http", "public trace \(label) while \(devices) devices push",
                              value: Measure.percentile(loaded, fraction) * 1_000, unit: "ms",
                              baseline: ("same, idle", Measure.percentile(idle, fraction) * 1_000),
                              note: fraction == 0.5 ? "GET /v1/trace/{batch code}, one at a time \(tracePause) apart: \(idle.count) idle, "
                                  + "\(loaded.count) while the devices pushed \(devices) × \(loadEntriesPerDevice) more entries" : nil))
        }
        if let peak { report.add(Figure("http", "sync-server peak memory (VmHWM)", value: peak, unit: "MiB")) }
        return PullFigure.Source(directory: baselineDirectory, path: path)
    }

    private func bodies(_ journal: [JournalEntry]) throws -> [Data] {
        try stride(from: 0, to: journal.count, by: chunk).map {
            try JSONEncoder().encode(PushRequest(entries: Array(journal[$0..<min($0 + chunk, journal.count)])))
        }
    }

    /// Every device pushing its bodies at once; returns each request's seconds and the verdicts.
    private static func pushAll(_ devices: [(secret: String, bodies: [Data])], to url: String,
                                client: BenchClient) async throws -> ([Double], MarketStore.Tally) {
        try await withThrowingTaskGroup(of: ([Double], MarketStore.Tally).self) { group in
            for device in devices {
                group.addTask { try await push(device.bodies, secret: device.secret, to: url, client: client) }
            }
            var latencies: [Double] = [], tally = MarketStore.Tally()
            for try await (times, counted) in group {
                latencies += times
                tally.applied += counted.applied; tally.conflict += counted.conflict; tally.rejected += counted.rejected
            }
            return (latencies, tally)
        }
    }

    /// Pushes one device's bodies in order; returns each request's seconds and the verdicts.
    private static func push(_ bodies: [Data], secret: String, to url: String,
                             client: BenchClient) async throws -> ([Double], MarketStore.Tally) {
        var latencies: [Double] = [], tally = MarketStore.Tally()
        for body in bodies {
            let (seconds, answer) = try await Measure.timeAsync {
                try await client.send("POST", url, body: body, secret: secret)
            }
            guard answer.0 == 200 else { throw BenchError("push answered \(answer.0): \(String(decoding: answer.1, as: UTF8.self).prefix(300))") }
            tally.add(try JSONDecoder().decode(PushResponse.self, from: answer.1))
            latencies.append(seconds)
        }
        return (latencies, tally)
    }

    /// Public trace lookups one after another, `pause` apart, `count` of them or while `flag` is raised; the seconds
    /// of each.
    private static func traceLatencies(_ codes: [String], count: Int?, base: String, pause: Duration, client: BenchClient,
                                while flag: ManagedFlag?) async throws -> [Double] {
        var latencies: [Double] = [], index = 0
        while count.map({ index < $0 }) ?? flag?.isRaised ?? false {
            let code = codes[index % codes.count]
            index += 1
            let (seconds, answer) = try await Measure.timeAsync {
                try await client.send("GET", base + "/v1/trace/\(code)", body: nil)
            }
            guard answer.0 == 200 else { throw BenchError("trace of \(code) answered \(answer.0): \(String(decoding: answer.1, as: UTF8.self).prefix(300))") }
            latencies.append(seconds)
            try await Task.sleep(for: pause)
        }
        return latencies
    }

    /// `count` batch codes spread over the journals' receipts.
    private static func batchCodes(_ entries: [JournalEntry], count: Int) -> [String] {
        let codes = entries.compactMap { entry -> String? in
            guard entry.kind == .receipt, case .object(let fields) = entry.payload,
                  case .string(let code)? = fields["batchCode"] else { return nil }
            return code
        }
        let step = max(1, codes.count / count)
        return stride(from: 0, to: codes.count, by: step).map { codes[$0] }
    }
}
