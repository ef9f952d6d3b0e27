import Foundation

/// A real `sync-server serve --demo` process on a loopback port the system picks, with its store in a scratch
/// directory; killed by `stop()`.
final class ServerProcess {
    let databasePath: String
    private let process = Process()
    private let log: URL
    private(set) var port = 0

    var url: String { "http://127.0.0.1:\(port)" }
    var pid: Int32 { process.processIdentifier }

    /// Starts the server, with `arguments` added to `serve`'s, and waits until it prints the address it listens on.
    init(directory: ScratchDirectory, arguments: [String] = []) throws {
        databasePath = directory.path("central.sqlite")
        log = directory.url.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.executableURL = try ChildProcess.executable("sync-server")
        process.arguments = ["serve", "--db", databasePath, "--host", "127.0.0.1", "--port", "0", "--demo"] + arguments
        process.currentDirectoryURL = directory.url
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"listening on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                port = Int(text[range].split(separator: ":").last!)!
                return
            }
            guard process.isRunning else { throw BenchError("sync-server exited at start:\n\(text)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw BenchError("sync-server did not listen within 30 s")
    }

    /// A one-time enrollment code for `node`, from `sync-server admin enroll-code`.
    func enrollCode(node: String, in directory: ScratchDirectory) throws -> String {
        struct Issued: Decodable { let code: String }
        let result = try ChildProcess.succeed(
            "sync-server", ["admin", "enroll-code", "--node", node, "--db", databasePath, "--json"], in: directory
        )
        return try JSONDecoder().decode(Issued.self, from: Data(result.stdout.utf8)).code
    }

    /// The server's peak resident memory so far (`VmHWM`), in MiB.
    var peakMemoryMiB: Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = line.split(separator: " ").compactMap({ Double($0) }).first else { return nil }
        return kilobytes / 1024
    }

    /// Everything the server printed.
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit { stop() }
}
