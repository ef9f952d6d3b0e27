import Foundation
import SyncCore

/// Retries transient failures with exponential backoff, telling the inspector each time.
///
/// A failure to connect at all (refused, no route) is tried once more after a short pause, in case the server was
/// just restarting, and then reported: backing off for minutes would only keep an offline inspector waiting.
struct Retrying {
    let attempts: Int
    let initialDelay: Double
    let output: Output

    /// The longest pause before the one retry of a connection that could not be made.
    static let quickRetryDelay = 0.5

    /// Runs `operation` until it succeeds, fails for good, or the attempts are used up.
    func run<T>(_ what: LocalizedText, _ operation: () async throws -> T) async throws -> T {
        var delay = initialDelay
        var attempt = 1
        while true {
            do {
                return try await operation()
            } catch let failure as SyncClient.Failure {
                guard let pause = pause(after: failure, attempt: attempt, backoff: delay) else { throw failure }
                let limit = limit(for: failure)
                FileHandle.standardError.write(Data((output.text(
                    "\(what.zh)失败（\(failure.summary.zh)），\(Self.format(pause)) 秒后重试（第 \(attempt + 1)/\(limit) 次）\n",
                    "\(what.en) failed (\(failure.summary.en)); retrying in \(Self.format(pause)) s (attempt \(attempt + 1)/\(limit))\n"
                )).utf8))
                try await Task.sleep(nanoseconds: UInt64(pause * 1_000_000_000))
                delay = min(delay * 2, 30)
                attempt += 1
            }
        }
    }

    /// How many attempts `failure` is worth in all: one when it is not transient, at most two when no connection
    /// could be made, else as many as configured.
    func limit(for failure: SyncClient.Failure) -> Int {
        guard failure.isTransient else { return 1 }
        if case .unreachable(let problem) = failure, problem.isNoConnection { return min(attempts, 2) }
        return attempts
    }

    /// The seconds to wait before trying again after attempt number `attempt` failed with `failure`, or nil to give
    /// up; `backoff` is the pause the exponential backoff has reached.
    func pause(after failure: SyncClient.Failure, attempt: Int, backoff: Double) -> Double? {
        guard attempt < limit(for: failure) else { return nil }
        if case .unreachable(let problem) = failure, problem.isNoConnection { return min(backoff, Self.quickRetryDelay) }
        return backoff
    }

    private static func format(_ seconds: Double) -> String { String(format: "%.1f", seconds) }
}

extension SyncClient.Failure {
    /// What went wrong, briefly.
    var summary: LocalizedText {
        switch self {
        case .unreachable(let problem): problem.message
        case .refused(let status, let body):
            body?.error.message ?? LocalizedText(zh: "服务器返回 HTTP \(status)", en: "the server answered HTTP \(status)")
        }
    }
}
