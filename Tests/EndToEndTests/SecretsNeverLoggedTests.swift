import Foundation
import Testing
import TestSupport

/// Passwords, session tokens and device secrets reach neither the server's log, even at its most verbose, nor the
/// database file: the log shows who did what, the store keeps only hashes.
@Suite(.serialized)
struct SecretsNeverLoggedTests {
    @Test
    func noPasswordTokenOrDeviceSecretAppearsInTheTraceLogOrTheDatabase() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"], environment: ["LOG_LEVEL": "trace"])
            defer { server.stop() }
            let bootstrapToken = try server.bootstrapToken
            let session = try await server.adminSession()
            let wrongPassword = "Wrong-Papaya-2026"
            let refused = try await HTTP.send(
                "POST", server.url + "/v1/auth/login",
                body: Data(#"{"name":"admin","password":"\#(wrongPassword)"}"#.utf8),
                headers: ["Content-Type": "application/json"]
            )
            #expect(refused.status == 401)
            let device = try await MarketDevice.enrolled("a", node: "46010001", server: server, in: directory)
            _ = try await device.recordEvents(3)
            try await device.sync()
            let secret = try device.secret()
            let conflicts = try await HTTP.send(
                "GET", server.url + "/v1/admin/conflicts", headers: ["Authorization": "Bearer \(session)"]
            )
            #expect(conflicts.status == 200)
            let stranger = try await HTTP.send(
                "GET", server.url + "/v1/sync/pull", headers: ["Authorization": "Bearer \(secret)x"]
            )
            #expect(stranger.status == 401)
            await server.kill()

            let log = server.log
            #expect(log.contains("request"), "the trace log was written")
            for (name, value) in [("admin password", ServerProcess.adminPassword), ("wrong password", wrongPassword),
                                  ("session token", session), ("device secret", secret)] {
                #expect(!log.contains(value), "the \(name) is in the server's log")
            }
            #expect(log.components(separatedBy: bootstrapToken).count == 2,
                    "the bootstrap token is printed once, at the first start, and never logged")

            var stored = Data()
            for suffix in ["", "-wal"] {
                stored += (try? Data(contentsOf: URL(fileURLWithPath: server.databasePath + suffix))) ?? Data()
            }
            for (name, value) in [("admin password", ServerProcess.adminPassword), ("session token", session),
                                  ("device secret", secret), ("bootstrap token", bootstrapToken)] {
                #expect(stored.range(of: Data(value.utf8)) == nil, "the \(name) is stored in clear")
            }
        }
    }
}
