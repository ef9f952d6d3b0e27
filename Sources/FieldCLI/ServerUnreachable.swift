import ArgumentParser
import Foundation
import SyncCore

/// The refusal a command ends with when the server gave no whole answer: which server, what happened, what waits on the
/// device, and what to do. Code `server_unreachable` in `--json` output, with `reason`, `server` and `pending`.
struct ServerUnreachable {
    let server: String
    let problem: ConnectionProblem
    /// What the device holds that waits for the server, and what to run again once it can be reached.
    let standing: LocalizedText

    /// The whole message: the server and the problem, then `standing`.
    var message: LocalizedText {
        problem.wasConnected
            ? LocalizedText(zh: "服务器 \(server) 没有给出完整回答（\(problem.message.zh)）。" + standing.zh,
                            en: "no complete answer from the server \(server) (\(problem.message.en)). " + standing.en)
            : LocalizedText(zh: "无法连接服务器 \(server)（\(problem.message.zh)）。" + standing.zh,
                            en: "cannot reach the server \(server) (\(problem.message.en)). " + standing.en)
    }

    /// Prints the refusal and returns the exit code to end with: for people on standard error, Chinese first with
    /// the English after it (English only with `--lang en`); for scripts as `{"error": …}` on standard output.
    func report(_ output: Output, pending: Int64? = nil) -> ExitCode {
        if output.json {
            let body = Body(error: .init(code: "server_unreachable", reason: problem.code, server: server,
                                         pending: pending, message: message))
            print((try? Output.jsonString(body)) ?? "{}")
        } else {
            let lines = output.language == .zh ? ["错误：" + message.zh, "error: " + message.en] : ["error: " + message.en]
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        return ExitCode.failure
    }

    private struct Body: Encodable {
        struct Detail: Encodable {
            let code: String
            let reason: String
            let server: String
            let pending: Int64?
            let message: LocalizedText
        }
        let error: Detail
    }
}
