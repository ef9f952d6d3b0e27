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

    /// Pushes the pending entries in batches. With nothing pending it still sends one empty push, whose answer says
    /// what the server holds: a server restored from a backup may lack entries it once acknowledged, and the device
    /// then sends them again (as it does when a `seq_gap` refusal names a lower acknowledged seq).
    private func push(into summary: inout FieldCommand.Sync.Summary) async throws {
        let total = try store.pendingEntries(limit: Int.max).count
        let bar = ProgressBar(enabled: showProgress, label: "↑")
        defer { bar.finish() }
        var answered = false
        while true {
            let entries = try store.pendingEntries(limit: batchSize)
            guard !entries.isEmpty || !answered else { return }
            let response: PushResponse
            do {
                response = try await retrying.run(LocalizedText(zh: "上传", en: "push")) {
                    try await client.send("POST", "v1/sync/push", body: PushRequest(entries: entries), as: PushResponse.self)
                }
            } catch SyncClient.Failure.refused(let status, let body?) where body.error.code == "seq_gap" {
                // Only a lower position is followed, so each refusal moves it back and the loop ends.
                guard let acked = body.error.ackedSeq, let resendAfter = try store.serverHolds(ackedSeq: acked)
                else { throw SyncClient.Failure.refused(status: status, body: body) }
                summary.resentFrom = resendAfter + 1
                continue
            }
            answered = true
            let realignment = try store.applyPush(response)
            if let resendAfter = realignment.resendAfter { summary.resentFrom = resendAfter + 1 }
            if realignment.pullRestarted { summary.pullRestarted = true }
            guard response.ackedSeq >= entries.last?.seq ?? 0 else {
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
            if try store.applyPull(page).pullRestarted {
                summary.pullRestarted = true
                continue
            }
            summary.pulled += page.items.count
            more = page.more
            bar.show(summary.pulled, of: more ? summary.pulled + pageSize : summary.pulled)
        }
    }
}
