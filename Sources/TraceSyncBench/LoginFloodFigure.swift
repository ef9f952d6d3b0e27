import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// Figure 6: a device's pull latency while 16 clients flood `POST /v1/auth/login` with wrong passwords, against the
/// same pulls with no logins, in the same run on a real `sync-server`. Measured twice: with the default login limits
/// (one address, so most logins are answered 429) and with the limits lifted, so that every login hashes a
/// password; the store's thread should serve pulls alike in both (goal: p50 and p99 at most 2× idle).
struct LoginFloodFigure {
    let floodClients: Int
    let pulls: Int
    var entries = 500
    var pageSize = 100

    func run(into report: Report) async throws {
        try await measure(label: "default login limits", arguments: [], into: report)
        try await measure(label: "login limits lifted", arguments: ["--login-rate-limit", "1000000"], into: report)
    }

    private func measure(label: String, arguments: [String], into report: Report) async throws {
        let directory = try ScratchDirectory("login-flood")
        defer { directory.remove() }
        let server = try ServerProcess(directory: directory, arguments: arguments)
        defer { server.stop() }
        let client = BenchClient(connections: floodClients + 4)
        let device = try await enrollAndPush(server, directory: directory, client: client)
        let base = server.url, pull = base + "/v1/sync/pull?cursor=0&limit=\(pageSize)"

        let idle = try await pullLatencies(pull, secret: device.secret, client: client)
        let flooding = ManagedFlag()
        let (flood, answers) = try await withThrowingTaskGroup(of: [Int: Int].self) { group in
            for number in 0..<floodClients {
                group.addTask { try await Self.flood(base, client: number, until: flooding, with: client) }
            }
            let latencies = try await pullLatencies(pull, secret: device.secret, client: client)
            flooding.lower()
            var answers: [Int: Int] = [:]
            for try await counts in group { answers.merge(counts, uniquingKeysWith: +) }
            return (latencies, answers)
        }
        try await client.shutdown()

        let statuses = answers.keys.sorted().map { "\(answers[$0]!)× \($0)" }.joined(separator: ", ")
        for (fraction, name) in [(0.5, "p50"), (0.99, "p99")] {
            report.add(Figure(
                "login", "pull \(name) while \(floodClients) clients flood logins (\(label))",
                value: Measure.percentile(flood, fraction) * 1_000, unit: "ms",
                baseline: ("pull \(name), no logins", Measure.percentile(idle, fraction) * 1_000),
                note: name == "p50" ? "\(pulls) pulls of \(pageSize) entries each; logins answered: \(statuses)" : nil
            ))
        }
    }

    /// Enrolls a device and pushes `entries` entries, so each pull reads a full page.
    private func enrollAndPush(_ server: ServerProcess, directory: ScratchDirectory, client: BenchClient) async throws -> EnrollResponse {
        let code = try server.enrollCode(node: MarketStore.node, in: directory)
        let (status, data) = try await client.send(
            "POST", server.url + "/v1/devices/enroll", body: try JSONEncoder().encode(EnrollRequest(code: code, deviceName: "秤台"))
        )
        guard status == 201 else { throw BenchError("enroll answered \(status): \(String(decoding: data, as: UTF8.self))") }
        let device = try JSONDecoder().decode(EnrollResponse.self, from: data)
        let journal = MarketJournal.make(count: entries, deviceId: device.deviceId, node: MarketStore.node,
                                         deviceNumber: device.deviceNumber, operators: MarketStore.operators,
                                         start: BusinessTime.now() - 3_600_000, seed: 7)
        let (pushed, answer) = try await client.send(
            "POST", server.url + "/v1/sync/push", body: try JSONEncoder().encode(PushRequest(entries: journal)),
            secret: device.secret
        )
        guard pushed == 200 else { throw BenchError("push answered \(pushed): \(String(decoding: answer, as: UTF8.self).prefix(300))") }
        return device
    }

    /// The seconds of `pulls` pulls one after another.
    private func pullLatencies(_ url: String, secret: String, client: BenchClient) async throws -> [Double] {
        var latencies: [Double] = []
        for _ in 0..<pulls {
            let (seconds, answer) = try await Measure.timeAsync { try await client.send("GET", url, body: nil, secret: secret) }
            guard answer.0 == 200 else { throw BenchError("pull answered \(answer.0)") }
            latencies.append(seconds)
        }
        return latencies
    }

    /// Logs in with a wrong password under a new name each time until `flag` is lowered; returns the statuses seen.
    private static func flood(_ base: String, client number: Int, until flag: ManagedFlag, with client: BenchClient) async throws -> [Int: Int] {
        var counts: [Int: Int] = [:], attempt = 0
        while flag.isRaised {
            attempt += 1
            let body = try JSONEncoder().encode(["name": "flood-\(number)-\(attempt)", "password": "Not-The-Password-1"])
            let (status, _) = try await client.send("POST", base + "/v1/auth/login", body: body)
            counts[status, default: 0] += 1
        }
        return counts
    }
}

/// A flag raised until one task lowers it, read by others.
final class ManagedFlag: @unchecked Sendable {
    // @unchecked Sendable: `raised` is only touched with `lock` held.
    private let lock = NSLock()
    private var raised = true

    var isRaised: Bool { lock.withLock { raised } }
    func lower() { lock.withLock { raised = false } }
}
