import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import TestSupport
import Testing

/// The real `sync-server` binary: the bootstrap token `serve` prints once, and the `admin conflicts` commands.
@Suite struct AdminConflictProcessTests {
    /// Runs `sync-server ARGUMENTS` to the end.
    static func sync(_ arguments: [String]) async throws -> ProcessResult {
        try await ProcessRun.run(ServeProcessTests.binary, arguments, in: FileManager.default.temporaryDirectory)
    }

    /// Starts `serve` on a free port and calls `body` with its base URL and what it printed once it listens (the
    /// announcement is one write); stops it afterwards.
    static func serve(db: String, in directory: URL, _ body: (String, String) async throws -> Void) async throws {
        let log = directory.appendingPathComponent("serve-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = ServeProcessTests.binary
        process.arguments = ["serve", "--port", "0", "--db", db]
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var printed = ""
        while !printed.contains("listening on") {
            guard process.isRunning else { throw CocoaError(.fileReadUnknown) }
            try await Task.sleep(for: .milliseconds(20))
            printed = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        }
        let firstLine = printed.prefix { $0 != "\n" }
        try await body(String(firstLine[firstLine.range(of: "http://")!.lowerBound...]), printed)
        process.terminate()
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
    }

    /// The status of `GET url` with the bearer `credential`.
    static func status(_ url: String, bearer credential: String) async throws -> Int {
        var request = URLRequest(url: URL(string: url)!)
        request.setValue("Bearer \(credential)", forHTTPHeaderField: "Authorization")
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    /// Sets the bootstrap admin's password with the printed token, logs in and returns the session token.
    static func setPasswordAndLogIn(_ base: String, bootstrapToken: String) async throws -> String {
        let password = "Haikou-Mango-2026"
        for (path, body) in [
            ("/v1/auth/password", ["bootstrapToken": bootstrapToken, "newPassword": password]),
            ("/v1/auth/login", ["name": "admin", "password": password]),
        ] {
            var request = URLRequest(url: URL(string: base + path)!)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            let (data, response) = try await URLSession.shared.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            if path.hasSuffix("login") {
                try #require(status == 200, "\(String(decoding: data, as: UTF8.self))")
                let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
                return try #require(object?["token"] as? String)
            }
            try #require(status == 204, "\(String(decoding: data, as: UTF8.self))")
        }
        throw CocoaError(.featureUnsupported)
    }

    /// A temporary directory for one test, removed afterwards.
    static func withDirectory(_ body: (URL) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("SyncServerAdmin-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await body(directory)
    }

    // Under a minute alone; while the whole suite loads both cores the server's password pool (nice 10) takes
    // minutes for the two PBKDF2 hashes of the first password and the login.
    @Test(.timeLimit(.minutes(5)))
    func servePrintsTheAdminTokenOnceAndItOpensTheAdminRoutes() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: ServeProcessTests.binary.path), "build sync-server first")
        try await Self.withDirectory { directory in
            let db = directory.appendingPathComponent("central.sqlite").path
            let prefix = "引导令牌（仅显示一次，只用于设置首个省级管理员 admin 的密码）/ bootstrap token (shown once, only for setting the first password of the province admin `admin`): "
            try await Self.serve(db: db, in: directory) { base, printed in
                #expect(printed.hasPrefix("sync-server 正在监听 / listening on http://127.0.0.1:"))
                let lines = printed.split(separator: "\n").filter { $0.hasPrefix(prefix) }
                try #require(lines.count == 1, "\(printed)")
                let token = String(lines[0].dropFirst(prefix.count))
                #expect(token.count == 64)
                #expect(printed.contains("/v1/auth/password"))
                #expect(try await Self.status("\(base)/v1/admin/conflicts", bearer: token) == 403)
                #expect(try await Self.status("\(base)/v1/admin/conflicts", bearer: "not-a-token") == 401)
                #expect(try await Self.status("\(base)/v1/sync/pull", bearer: token) == 401)
                let session = try await Self.setPasswordAndLogIn(base, bootstrapToken: token)
                #expect(try await Self.status("\(base)/v1/admin/conflicts", bearer: session) == 200)
                #expect(try await Self.status("\(base)/v1/admin/conflicts", bearer: token) == 401)
            }
            try await Self.serve(db: db, in: directory) { _, printed in
                #expect(!printed.contains("bootstrap token"), "\(printed)")
                #expect(!printed.contains("引导令牌"))
            }
        }
    }

    @Test func theAdminCommandsListShowAndResolveAConflictOfTheStore() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: ServeProcessTests.binary.path), "build sync-server first")
        try await withServer { server in
            let sold = try await server.oversold()
            let db = ["--db", server.databasePath]
            let listed = try await Self.sync(["admin", "conflicts", "list", "--status", "open", "--json"] + db)
            #expect(listed.status == 0, "\(listed.stderr)")
            #expect(try JSONDecoder().decode([ConflictRecord].self, from: Data(listed.stdout.utf8)).map(\.id) == [sold.conflict.id])

            let table = try await Self.sync(["admin", "conflicts", "list"] + db)
            #expect(table.stdout.contains("超卖 / oversold"))
            #expect(table.stdout.contains("\t46010001\t"))

            let shown = try await Self.sync(["admin", "conflicts", "show", "\(sold.conflict.id)"] + db)
            #expect(shown.status == 0)
            for candidate in sold.conflict.candidates {
                #expect(shown.stdout.contains(candidate.deviceId))
                #expect(shown.stdout.contains(candidate.hlc.description))
                #expect(shown.stdout.contains(candidate.eventId))
            }
            #expect(shown.stdout.contains("sale 80"))

            let sale = try #require(sold.conflict.candidates.last)
            let resolve = ["admin", "conflicts", "resolve", "\(sold.conflict.id)", "--action", "void", "--event-id", sale.eventId,
                           "--note", "重复录入", "--json"] + db
            let resolved = try await Self.sync(resolve)
            #expect(resolved.status == 0, "\(resolved.stderr)")
            let record = try JSONDecoder().decode(ConflictRecord.self, from: Data(resolved.stdout.utf8))
            #expect(record.resolution?.author == "admin-cli")
            #expect(record.resolution?.serverSeq == 1)

            let again = try await Self.sync(resolve)
            #expect(again.status == 1)
            #expect(again.stdout.isEmpty)
            #expect(again.stderr.contains("conflict_resolved"))
            #expect(again.stderr.contains("已经处理过"))
            #expect(again.stderr.contains("already resolved"))

            let shownResolved = try await Self.sync(["admin", "conflicts", "show", "\(sold.conflict.id)"] + db)
            #expect(shownResolved.stdout.contains("作废记录 void"))
            #expect(shownResolved.stdout.contains("重复录入"))
        }
    }
}
