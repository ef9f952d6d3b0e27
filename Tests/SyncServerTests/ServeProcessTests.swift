import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SyncCore
import Testing

/// Starts the real `sync-server` binary, as operators and the end-to-end tests do.
@Suite struct ServeProcessTests {
    /// `.build/debug/sync-server`, found from this file's path.
    static let binary = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/sync-server")

    // A hang would stop here; five minutes, because a process start under the whole suite's load can take minutes.
    @Test(.timeLimit(.minutes(5)))
    func theServerAnnouncesItsPortAnswersAndStopsCleanlyOnSIGTERM() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build sync-server first")
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("SyncServerProcess-" + UUID().uuidString, isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--port", "0", "--db", directory.appendingPathComponent("central.sqlite").path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.interrupt() } }

        let line = try await Self.firstLine(of: output.fileHandleForReading)
        #expect(line.hasPrefix("sync-server 正在监听 / listening on http://127.0.0.1:"))
        let port = try #require(Int(line.split(separator: ":").last ?? ""))
        #expect(port > 0)

        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/healthz")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(try JSONValue.parse(String(decoding: data, as: UTF8.self))["status"] == .string("ok"))

        process.terminate()
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    /// The first line the process prints, read on a thread of its own so the blocking read holds no task thread.
    static func firstLine(of handle: FileHandle) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                var bytes = Data()
                while !bytes.contains(UInt8(ascii: "\n")) {
                    let chunk = handle.availableData
                    if chunk.isEmpty { return continuation.resume(throwing: CocoaError(.fileReadUnknown)) }
                    bytes.append(chunk)
                }
                let line = bytes.prefix { $0 != UInt8(ascii: "\n") }
                continuation.resume(returning: String(decoding: line, as: UTF8.self))
            }.start()
        }
    }
}
