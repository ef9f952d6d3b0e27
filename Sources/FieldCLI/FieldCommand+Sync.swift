import ArgumentParser
import Foundation
import SyncCore

extension FieldCommand {
    struct Sync: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "同步：上传本机日志直到服务器确认，再下载本市场的记录 / Push until acknowledged, then pull until up to date.",
            discussion: """
                可在任何时候中断，下次从中断处继续。网络故障时自动重试。只有双向都完成时退出码为 0。
                Resumable at any point; transient failures are retried with backoff. Exit code 0 only when both directions completed.
                服务器拒绝连接或不可达时，半秒后再试一次即报告。
                A server that refuses the connection or cannot be reached is tried once more after half a second, then reported.
                """
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "每次上传的记录数 / entries per push") var batchSize = 500
        @Option(help: "每次下载的条数 / items per pull page") var pageSize = 500
        @Option(help: "网络故障时的尝试次数 / attempts on network failures") var attempts = 5
        @Option(help: "首次重试前等待的秒数 / seconds before the first retry") var retryDelay = 1.0

        struct Summary: Encodable {
            var pushed = 0
            var applied = 0
            var conflicts = 0
            var rejected = 0
            var pulled = 0
            /// The first seq sent again because the server held less than it had acknowledged (restored from a backup).
            var resentFrom: Int64?
            /// True when the server's store was restored from a backup and its log was pulled again from the start.
            var pullRestarted = false
        }

        func run() async throws {
            let output = options.output
            let store: FieldStore
            do { store = try options.openStore() } catch let refusal as TraceSyncError {
                throw output.fail(code: refusal.code.rawValue, field: refusal.field, message: refusal.message)
            }
            guard let settings = try store.syncSettings(), let url = URL(string: settings.serverURL) else {
                throw output.fail(code: "not_enrolled", field: nil, message: LocalizedText(
                    zh: "本设备尚未注册到服务器：请先运行 field enroll 服务器地址 注册码。",
                    en: "this device is not enrolled with a server: run `field enroll URL CODE` first."
                ))
            }
            let before = try Standing(store)
            connection.announce(settings.serverURL, output: output)
            let summary: Summary
            do {
                summary = try await SyncClient.with(baseURL: url, secret: settings.secret, options: connection) { client in
                    try await SyncSession(
                        store: store, client: client,
                        retrying: Retrying(attempts: attempts, initialDelay: retryDelay, output: output),
                        batchSize: batchSize, pageSize: pageSize, showProgress: !options.json
                    ).run()
                }
            } catch SyncClient.Failure.unreachable(let problem) {
                let after = try Standing(store)
                throw ServerUnreachable(server: settings.serverURL, problem: problem, standing: LocalizedText(
                    zh: "本机有 \(after.pending) 条记录待上传，" + (after == before ? "未做任何改动" : "中断前已同步的部分已保存")
                        + "；联网后再运行 field sync。",
                    en: "\(after.pending) entries on this device wait to be pushed; "
                        + (after == before ? "nothing was changed" : "what was synced before the break is kept")
                        + ". Run `field sync` again once the server can be reached."
                )).report(output, pending: after.pending)
            } catch let failure as SyncClient.Failure {
                throw output.fail(code: "sync_refused", field: nil, message: failure.summary)
            }
            try output.emit(summary) {
                Self.realignmentNotice(summary, output: output) + output.text(
                    "同步完成：上传 \(summary.pushed) 条（接收 \(summary.applied)，冲突 \(summary.conflicts)，拒收 \(summary.rejected)），下载 \(summary.pulled) 条。",
                    "sync complete: pushed \(summary.pushed) (applied \(summary.applied), conflicts \(summary.conflicts), rejected \(summary.rejected)), pulled \(summary.pulled)."
                ) + (summary.rejected > 0 ? output.text("\n被拒收的记录见 field status。", "\nSee `field status` for the rejected entries.") : "")
            }
        }

        /// What the device's sync standing is: compared before and after a run that failed, to say whether it changed.
        private struct Standing: Equatable {
            let pending: Int64
            let ackedSeq: Int64?
            let pullCursor: Int64?

            init(_ store: FieldStore) throws {
                pending = try store.status().pending
                let settings = try store.syncSettings()
                ackedSeq = settings?.ackedSeq
                pullCursor = settings?.pullCursor
            }
        }

        /// The lines that tell the inspector the server was restored from a backup and what the device did about it.
        private static func realignmentNotice(_ summary: Summary, output: Output) -> String {
            var lines: [String] = []
            if let first = summary.resentFrom {
                lines.append(output.text(
                    "服务器已从备份恢复，缺少本机第 \(first) 条起的记录：已从第 \(first) 条重新上传。",
                    "the server was restored from a backup and lacked this device's entries from \(first): sent them again from \(first)."
                ))
            }
            if summary.pullRestarted {
                lines.append(output.text(
                    "服务器已从备份恢复：已从头重新下载本市场的记录（已有的记录不会重复）。",
                    "the server was restored from a backup: pulled the market's records again from the start (nothing is doubled)."
                ))
            }
            return lines.map { $0 + "\n" }.joined()
        }
    }
}
