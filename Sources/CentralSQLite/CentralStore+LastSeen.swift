import SyncCore

extension CentralStore {
    /// Records when devices were last seen (pulled), by id, in one transaction; a time never moves back.
    public func recordLastSeen(_ seen: [String: Int64]) throws {
        guard !seen.isEmpty else { return }
        try database.inTransaction {
            for (id, time) in seen {
                try database.run(
                    "UPDATE devices SET last_seen_at = max(coalesce(last_seen_at, 0), ?) WHERE id = ?", time, id
                )
            }
        }
    }
}
