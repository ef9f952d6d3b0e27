public import Foundation

/// A command started in the background that a test may kill at any moment, e.g. with SIGKILL in the middle of a
/// write, and then inspect: how it ended and what it had printed by then.
public final class KillableProcess: @unchecked Sendable {
    // @unchecked Sendable: the members are set in `init` and only read afterwards; `Process` is thread-safe for
    // `processIdentifier`, `isRunning` and `terminationStatus`.
    private let process: Process
    private let exit: ProcessExit
    private let stdoutURL: URL
    private let stderrURL: URL
    private let command: String

    /// Starts `executable ARGUMENTS` in `directory` with `environment` added.
    public init(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws {
        let name = UUID().uuidString
        stdoutURL = directory.appendingPathComponent("killable-\(name).out")
        stderrURL = directory.appendingPathComponent("killable-\(name).err")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process = ProcessRun.process(
            executable, arguments, in: directory, environment: environment,
            stdout: try FileHandle(forWritingTo: stdoutURL), stderr: try FileHandle(forWritingTo: stderrURL)
        )
        command = ([executable.lastPathComponent] + arguments).joined(separator: " ")
        exit = ProcessExit(of: process)
        try process.run()
    }

    /// How a command ended.
    public struct Ending: Sendable {
        /// Its exit status (the signal's number if a signal ended it) and what it printed.
        public let result: ProcessResult
        /// True when a signal ended it.
        public var wasKilled: Bool { result.killedBySignal }
        /// True when it was still running at the deadline of `wait(timeout:)`, and was killed then.
        public let timedOut: Bool
    }

    /// True while the command runs.
    public var isRunning: Bool { !exit.hasEnded }

    /// Sends `signal` if the command still runs; true if it did.
    @discardableResult
    public func kill(_ signal: Int32 = SIGKILL) -> Bool {
        guard !exit.hasEnded else { return false }
        return Foundation.kill(process.processIdentifier, signal) == 0
    }

    /// Waits for the command to end, at most `timeout` seconds (then kills it with SIGKILL), and returns how it ended.
    /// Waits without holding a thread of the cooperative pool.
    public func wait(timeout: TimeInterval = 120) async -> Ending {
        let timedOut = await exit.wait(killing: process.processIdentifier, after: timeout)
        let result = ProcessResult(
            command: command, status: process.terminationStatus,
            killedBySignal: process.terminationReason == .uncaughtSignal,
            stdout: (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
        )
        try? FileManager.default.removeItem(at: stdoutURL)
        try? FileManager.default.removeItem(at: stderrURL)
        return Ending(result: result, timedOut: timedOut)
    }
}
