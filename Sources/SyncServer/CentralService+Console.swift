import SyncCore
import CentralCore
import CentralSQLite

/// The reads the admins' console needs beyond the API's.
extension CentralService {
    /// Every event of the batch a code names, with its device and times; empty for a code that is no batch.
    func batchTimeline(_ code: String) throws -> [CentralStore.TimelineEvent] {
        guard let code = try? TraceCode(parsing: code) else { return [] }
        return try store.batchTimeline(code)
    }

    /// The batch's derived state (balance, lines, holds), or nil.
    func batchState(_ code: String) throws -> BatchState? {
        guard let code = try? TraceCode(parsing: code) else { return nil }
        return try store.batchState(code)
    }

    /// The server journal entry devices pull for an admin's decision.
    func serverEntry(_ seq: Int64) throws -> JournalEntry? {
        try store.serverEntry(seq)
    }

    /// Entries rejected since `since` (milliseconds), by node.
    func rejectedEntries(since: Int64) throws -> [String: Int] {
        try store.rejectedEntries(since: since)
    }
}
