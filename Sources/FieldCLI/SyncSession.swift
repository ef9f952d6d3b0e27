import Foundation
import SyncCore

/// One run of `field sync`: push until acknowledged, then pull until up to date.
///
/// Each answer is applied in its own transaction before the next request, so an interruption at any point loses
/// nothing and the next run resumes where this one stopped.
struct SyncSession {
    let store: FieldStore
    let client: SyncClient
    let retrying: Retrying
    let batchSize: Int
    let pageSize: Int
    let showProgress: Bool

    func run() async throws -> FieldCommand.Sync.Summary {
        var summary = FieldCommand.Sync.Summary()
        try await push(into: &summary)
        try await pull(into: &summary)
        try store.syncCompleted()
        return summary
    }

    private func push(into summary: inout FieldCommand.Sync.Summary) async throws {
        let total = try store.pendingEntries(limit: Int.max).count
        let bar = ProgressBar(enabled: showProgress, label: "↑")
        defer { bar.finish() }
        while true {
            let entries = try store.pendingEntries(limit: batchSize)
            guard !entries.isEmpty else { return }
            let response = try await retrying.run(LocalizedText(zh: "上传", en: "push")) {
                try await client.send("POST", "v1/sync/push", body: PushRequest(entries: entries), as: PushResponse.self)
            }
            try store.applyPush(response)
            guard response.ackedSeq >= entries.last!.seq else {
                throw SyncClient.Failure.refused(status: 200, body: APIErrorBody(
                    code: "not_acknowledged",
                    message: LocalizedText(zh: "服务器没有确认全部记录（确认到第 \(response.ackedSeq) 条）。",
                                           en: "the server did not acknowledge every entry (only up to \(response.ackedSeq)).")
                ))
            }
            for verdict in response.verdicts {
                summary.pushed += 1
                switch verdict.verdict {
                case .applied: summary.applied += 1
                case .conflict: summary.conflicts += 1
                case .rejected: summary.rejected += 1
                }
            }
            bar.show(summary.pushed, of: max(total, summary.pushed))
        }
    }

    private func pull(into summary: inout FieldCommand.Sync.Summary) async throws {
        let bar = ProgressBar(enabled: showProgress, label: "↓")
        defer { bar.finish() }
        var more = true
        while more {
            let cursor = try store.syncSettings()?.pullCursor ?? 0
            let page = try await retrying.run(LocalizedText(zh: "下载", en: "pull")) {
                try await client.send(
                    "GET", "v1/sync/pull",
                    query: [URLQueryItem(name: "cursor", value: String(cursor)), URLQueryItem(name: "limit", value: String(pageSize))],
                    as: PullPage.self
                )
            }
            try store.applyPull(page)
            summary.pulled += page.items.count
            more = page.more
            bar.show(summary.pulled, of: more ? summary.pulled + pageSize : summary.pulled)
        }
    }
}
