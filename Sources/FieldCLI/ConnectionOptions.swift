import ArgumentParser
import Foundation
import SyncCore

/// How long the commands that talk to the server wait: briefly for a connection, long for an answer.
///
/// A server that is down refuses a connection at once, and one that is unreachable shows it within seconds; an
/// answer to a large push may take a while to compute, so the read timeout (the longest silence once connected)
/// stays long.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "等待建立连接的秒数 / seconds to wait for a connection")
    var connectTimeout = 5.0

    @Option(help: "连接后等待服务器回应的秒数 / seconds to wait for the server's answer once connected")
    var readTimeout = 60.0

    func validate() throws {
        guard connectTimeout > 0, readTimeout > 0, connectTimeout.isFinite, readTimeout.isFinite else {
            throw ValidationError("--connect-timeout 和 --read-timeout 应为正数秒 / --connect-timeout and --read-timeout must be positive seconds")
        }
    }

    /// Tells the inspector which server is being contacted (on standard error, so `--json` output stays clean).
    func announce(_ url: String, output: Output) {
        guard !output.json else { return }
        FileHandle.standardError.write(Data((output.text("正在连接 \(url) …", "connecting to \(url) …") + "\n").utf8))
    }
}
