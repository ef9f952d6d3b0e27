import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// The README's quickstart is `scripts/quickstart.sh`, run here against a live server exactly as a person would paste
/// it, so the README cannot drift from what the commands do.
@Suite(.serialized)
struct QuickstartScriptTests {
    static let script = Executables.packageRoot.appendingPathComponent("scripts/quickstart.sh")

    @Test func theQuickstartRunsAgainstALiveServer() async throws {
        try await ProcessRun.withTemporaryDirectory { directory in
            let server = ServerProcess(directory: directory)
            try await server.start(["--demo"])
            defer { server.stop() }
            let binaries = try #require(Executables.url("field")).deletingLastPathComponent()
            #expect(Executables.url("sync-server")?.deletingLastPathComponent() == binaries)
            let run = try await ProcessRun.run(
                URL(fileURLWithPath: "/bin/bash"), [Self.script.path], in: directory,
                environment: ["SERVER": server.url, "DB": server.databasePath, "BIN": binaries.path, "WORK": directory.path],
                timeout: 240
            )
            #expect(run.status == 0, "\(run)")
            // Device B saw device A's batch; the oversold conflict was opened, settled and pulled by both devices.
            #expect(run.stdout.contains("status: open"), "\(run)")
            #expect(run.stdout.contains("⚠ 超卖"), "\(run)")
            #expect(run.stdout.contains("冲突已处理 / conflict resolved"), "\(run)")
            #expect(run.stdout.contains("本市场待处理冲突：0 个"), "\(run)")
            #expect(run.stdout.contains("超卖 · 已处理"), "\(run)")
            // Every trace code it printed checks out, and the consumer's lookup shows no price or buyer.
            let codes = run.stdout.matches(of: /\b\d{24}\b/).map { String($0.output) }
            #expect(codes.count >= 3)
            for code in codes { #expect(throws: Never.self) { try TraceCode(parsing: code) } }
            let lookup = try #require(run.stdout.components(separatedBy: "\n").first { $0.hasPrefix("{\"") })
            #expect(lookup.contains("五花肉") && !lookup.contains("26.5") && !lookup.contains("阿强"), "\(lookup)")
        }
    }

    @Test func theReadmeShowsTheScriptAsItIs() throws {
        let readme = try String(contentsOf: Executables.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let script = try String(contentsOf: Self.script, encoding: .utf8)
        // The script from `set -euo pipefail` on: the header only says how to run it.
        let body = try #require(script.range(of: "set -euo pipefail").map { String(script[$0.lowerBound...]) })
        #expect(readme.contains("```sh\n" + body + "```"), "README.md's quickstart block differs from scripts/quickstart.sh")
    }
}
