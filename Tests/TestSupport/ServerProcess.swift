public import Foundation
public import SyncCore
public import CentralCore
public import CentralSQLite

/// A real `sync-server serve` process on a loopback port chosen by the system, with its store in a directory.
public final class ServerProcess: @unchecked Sendable {
    // @unchecked Sendable: `process` and `port` change only in `start()` and `kill()`, which tests call from one
    // task at a time; every other member is immutable.
    public let directory: URL
    public let databasePath: String
    private var process: Process?
    private var exit: ProcessExit?
    private var logURL: URL?
    public private(set) var port = 0
    /// `https` when the server was started with `--tls-cert` and `--tls-key`, as it announces.
    public private(set) var scheme = "http"

    /// The server's base URL.
    public var url: String { "\(scheme)://127.0.0.1:\(port)" }

    public init(directory: URL) {
        self.directory = directory
        self.databasePath = directory.appendingPathComponent("central.sqlite").path
    }

    /// Starts the server and waits until it listens: on a free port the first time, on the same port after that (so
    /// enrolled devices find it again after a restart). It starts once one of the `ChildProcessSlots` is free, and
    /// waits without holding a thread of the cooperative pool.
    /// - Parameter environment: variables added to the environment every command of the tests gets
    ///   (`ProcessRun.process`), e.g. `LOG_LEVEL`.
    public func start(_ extraArguments: [String] = [], environment: [String: String] = [:]) async throws {
        guard let executable = Executables.url("sync-server") else { throw HarnessError("no built sync-server: run `swift build`") }
        let log = directory.appendingPathComponent("server-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let process = ProcessRun.process(
            executable, ["serve", "--db", databasePath, "--host", "127.0.0.1", "--port", String(port)] + extraArguments,
            in: directory, environment: environment, stdout: handle, stderr: handle
        )
        let exit = ProcessExit(of: process)
        let announced = try await ChildProcessSlots.withSlot {
            try process.run()
            // Watched on a thread of its own: the 30 s are the server's, however busy the cooperative pool is.
            return try await OwnThread.run { Self.announcement(in: log, of: exit, within: 30) }
        }
        self.process = process
        self.logURL = log
        self.exit = exit
        switch announced {
        case .listening(let port, let scheme):
            self.port = port
            self.scheme = scheme
        case .exited:
            throw HarnessError("sync-server exited at start:\n\(self.log)")
        case .silent:
            throw HarnessError("sync-server did not start listening within 30 s:\n\(self.log)")
        }
    }

    /// How a start ended: the server announced where it listens, exited, or said nothing in time.
    private enum Announcement: Sendable {
        case listening(port: Int, scheme: String)
        case exited
        case silent
    }

    /// Reads `log` every 50 ms until the server announces its port, its process ends, or `timeout` seconds pass.
    private static func announcement(in log: URL, of exit: ProcessExit, within timeout: TimeInterval) -> Announcement {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"listening on https?://127\.0\.0\.1:(\d+)"#, options: .regularExpression),
               let port = text[range].split(separator: ":").last.flatMap({ Int($0) }) {
                return .listening(port: port, scheme: text[range].contains("https://") ? "https" : "http")
            }
            if exit.hasEnded { return .exited }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return .silent
    }

    /// Everything the server printed since its last start.
    public var log: String { logURL.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? "" }

    /// Sends `signal` (SIGKILL by default) and waits for the process to end; returns its exit status. Waits without
    /// holding a thread of the cooperative pool.
    @discardableResult
    public func kill(_ signal: Int32 = SIGKILL) async -> Int32 {
        guard let process, let exit else { return 0 }
        if !exit.hasEnded { Foundation.kill(process.processIdentifier, signal) }
        await exit.wait()
        return process.terminationStatus
    }

    /// Runs `sync-server ARGUMENTS --db <this store>` (admin commands work on the store directly).
    public func admin(_ arguments: String...) async throws -> ProcessResult {
        guard let executable = Executables.url("sync-server") else { throw HarnessError("no built sync-server") }
        return try await ProcessRun.run(executable, arguments + ["--db", databasePath], in: directory)
    }

    /// Issues a one-time enrollment code for `node` through the admin command.
    public func enrollCode(node: String) async throws -> String {
        let result = try await admin("admin", "enroll-code", "--node", node)
        guard result.status == 0,
              let range = result.stdout.range(of: #"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"#, options: .regularExpression)
        else { throw HarnessError("no enrollment code:\n\(result)") }
        return String(result.stdout[range])
    }

    /// Sends SIGKILL if the server still runs, without waiting for it to end (for `defer`, which cannot wait).
    public func stop() {
        if let process, let exit, !exit.hasEnded { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    deinit { stop() }
}

/// A `field` device with its database in its own directory.
public struct FieldDeviceProcess: Sendable {
    public let directory: URL
    public let databasePath: String
    /// Extra environment of every run, e.g. `FIELD_CLOCK_OFFSET_SECONDS`.
    public var environment: [String: String] = [:]

    public init(directory: URL, name: String) throws {
        self.directory = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        databasePath = self.directory.appendingPathComponent("device.sqlite").path
    }

    /// Runs `field ARGUMENTS` against this device's database.
    @discardableResult
    public func run(_ arguments: String...) async throws -> ProcessResult { try await run(arguments) }

    /// Runs `field ARGUMENTS` against this device's database.
    public func run(_ arguments: [String]) async throws -> ProcessResult {
        guard let executable = Executables.url("field") else { throw HarnessError("no built field: run `swift build`") }
        var variables = environment
        variables["FIELD_DB"] = databasePath
        return try await ProcessRun.run(executable, arguments, in: directory, environment: variables)
    }

    /// Starts `field ARGUMENTS` in the background, to be waited for or killed at will.
    public func start(_ arguments: String...) throws -> KillableProcess {
        guard let executable = Executables.url("field") else { throw HarnessError("no built field: run `swift build`") }
        var variables = environment
        variables["FIELD_DB"] = databasePath
        return try KillableProcess(executable, arguments, in: directory, environment: variables)
    }

    /// Runs `field ARGUMENTS --json`, which must succeed.
    public func json(_ arguments: String...) async throws -> JSONValue {
        let result = try await run(arguments + ["--json"])
        guard result.status == 0 else { throw HarnessError("\(result)") }
        return try result.json()
    }
}
