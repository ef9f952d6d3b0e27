import Foundation
import SyncCore

/// Retries transient failures with exponential backoff, telling the inspector each time.
struct Retrying {
    let attempts: Int
    let initialDelay: Double
    let output: Output

    /// Runs `operation` until it succeeds, fails for good, or the attempts are used up.
    func run<T>(_ what: LocalizedText, _ operation: () async throws -> T) async throws -> T {
        var delay = initialDelay
        var attempt = 1
        while true {
            do {
                return try await operation()
            } catch let failure as SyncClient.Failure where failure.isTransient && attempt < attempts {
                FileHandle.standardError.write(Data((output.text(
                    "\(what.zh)失败（\(failure.summary.zh)），\(Self.format(delay)) 秒后重试（第 \(attempt + 1)/\(attempts) 次）\n",
                    "\(what.en) failed (\(failure.summary.en)); retrying in \(Self.format(delay)) s (attempt \(attempt + 1)/\(attempts))\n"
                )).utf8))
                try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
                delay = min(delay * 2, 30)
                attempt += 1
            }
        }
    }

    private static func format(_ seconds: Double) -> String { String(format: "%.1f", seconds) }
}

extension SyncClient.Failure {
    /// What went wrong, briefly.
    var summary: LocalizedText {
        switch self {
        case .unreachable(let reason): LocalizedText(zh: "无法连接服务器：\(reason)", en: "server unreachable: \(reason)")
        case .refused(let status, let body):
            body?.error.message ?? LocalizedText(zh: "服务器返回 HTTP \(status)", en: "the server answered HTTP \(status)")
        }
    }
}
