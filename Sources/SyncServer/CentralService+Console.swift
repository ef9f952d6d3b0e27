import SyncCore
import CentralCore
import CentralSQLite

/// The reads the admins' console needs beyond the API's.
extension CentralService {
    /// Every event of the batch a code names, with its device and times; empty for a code that is no batch.
    nonisolated func batchTimeline(_ code: String) async throws -> [TimelineEvent] {
        guard let code = try? TraceCode(parsing: code) else { return [] }
        return try await read { try $0.batchTimeline(code) }
    }

    /// The batch's derived state (balance, lines, holds), or nil.
    nonisolated func batchState(_ code: String) async throws -> BatchState? {
        guard let code = try? TraceCode(parsing: code) else { return nil }
        return try await read { try $0.batchState(code) }
    }

    /// The server journal entry devices pull for an admin's decision.
    nonisolated func serverEntry(_ seq: Int64) async throws -> JournalEntry? {
        try await read { try $0.serverEntry(seq) }
    }

    /// Entries rejected since `since` (milliseconds), by node.
    nonisolated func rejectedEntries(since: Int64) async throws -> [String: Int] {
        try await read { try $0.rejectedEntries(since: since) }
    }
}
