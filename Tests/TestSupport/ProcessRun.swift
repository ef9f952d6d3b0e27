public import Foundation
public import SyncCore
public import CentralCore
public import CentralSQLite

/// What one run of a command printed and how it ended.
public struct ProcessResult: Sendable, CustomStringConvertible {
    public let command: String
    public let status: Int32
    /// True when a signal ended it (then `status` is the signal's number): a crash, or a kill.
    public let killedBySignal: Bool
    public let stdout: String
    public let stderr: String

    /// Standard output parsed as JSON.
    public func json() throws -> JSONValue { try JSONValue.parse(stdout) }

    public var description: String { "\(command) → exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

/// Errors of the test harness itself.
public struct HarnessError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Runs executables to completion, capturing their output in files (a large output can never stall a pipe).
public enum ProcessRun {
    /// Runs `executable ARGUMENTS` in `directory` with `environment` added and `input` on its standard input; kills
    /// it after `timeout` seconds (and throws). Starts once one of the `ChildProcessSlots` is free, and waits without
    /// holding a thread of the cooperative pool.
    public static func run(
        _ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:],
        input: String? = nil, timeout: TimeInterval = 60
    ) async throws -> ProcessResult {
        let outputs = directory.appendingPathComponent("output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outputs) }
        let stdoutURL = outputs.appendingPathComponent("stdout")
        let stderrURL = outputs.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdout = try FileHandle(forWritingTo: stdoutURL)
        let stderr = try FileHandle(forWritingTo: stderrURL)
        defer {
            try? stdout.close()
            try? stderr.close()
        }

        let process = Self.process(executable, arguments, in: directory, environment: environment,
                                   stdout: stdout, stderr: stderr)
        if let input {
            let inputURL = outputs.appendingPathComponent("stdin")
            try Data(input.utf8).write(to: inputURL)
            process.standardInput = try FileHandle(forReadingFrom: inputURL)
        }
        let exit = ProcessExit(of: process)
        let timedOut = try await ChildProcessSlots.withSlot {
            try process.run()
            return await exit.wait(killing: process.processIdentifier, after: timeout)
        }
        let command = ([executable.lastPathComponent] + arguments).joined(separator: " ")
        let result = ProcessResult(
            command: command, status: process.terminationStatus,
            killedBySignal: process.terminationReason == .uncaughtSignal,
            stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self)
        )
        if timedOut { throw HarnessError("\(command) did not finish within \(Int(timeout)) s\n\(result)") }
        return result
    }

    /// A process for `executable ARGUMENTS` in `directory`, not yet started: the test's environment without
    /// `FIELD_LANG` (so `field` speaks its default language) and `TRACESYNC_DATA_KEY` (so a store's key is the one
    /// beside it) plus `environment`, no standard input, the outputs given.
    static func process(
        _ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String],
        stdout: FileHandle, stderr: FileHandle
    ) -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var variables = ProcessInfo.processInfo.environment
        variables["FIELD_LANG"] = nil
        variables["TRACESYNC_DATA_KEY"] = nil
        variables.merge(environment) { $1 }
        process.environment = variables
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        return process
    }

    /// A fresh temporary directory, removed after `body`.
    public static func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async rethrows -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tracesync-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(directory)
    }
}
