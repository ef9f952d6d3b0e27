/// Following a server that holds less than the device thought (DESIGN.md §6): a store restored from a backup has
/// lost what it acknowledged after the backup and numbers its log anew. The device goes back to what the server
/// holds and sends and pulls again; its journal is never shortened, so nothing it recorded is lost.
extension FieldStore {
    /// How the device's sync positions moved to match the server.
    public struct ServerRealignment: Hashable, Sendable {
        /// When the server acknowledged less than the device had sent: the seq it holds, after which the device
        /// sends again. Nil when the server held everything.
        public let resendAfter: Int64?
        /// True when the server's store generation changed (restored from a backup): the pull cursor went back to 0.
        public let pullRestarted: Bool
    }

    /// Takes a seq the server says it holds for this device (a `seq_gap` refusal carries one) as the push position.
    /// - Returns: the seq when it was lower than the device's position (entries after it are sent again), else nil.
    @discardableResult
    public func serverHolds(ackedSeq: Int64) throws -> Int64? {
        try database.inTransaction {
            try materializingOnce { try adoptAckedSeq(ackedSeq) }
        }
    }

    /// Sets the push position to exactly what the server acknowledged. A lower one than the device's own means the
    /// server lost entries: they are pending again, shown so in `field status` and in their batches, until the
    /// server judges them anew. Safe against stale answers: an answer is sent only after its push committed and the
    /// device waits for each before the next, so a too-low value can only make it send again entries the server
    /// then answers as replays.
    /// - Returns: the new position when it went back, else nil.
    func adoptAckedSeq(_ acked: Int64) throws -> Int64? {
        let current = try database.scalar("SELECT acked_seq FROM sync_state") ?? 0
        guard acked != current else { return nil }
        try database.run("UPDATE sync_state SET acked_seq = ?", acked)
        guard acked < current else { return nil }
        let judged = try database.query(
            "SELECT DISTINCT batch_code FROM events WHERE device_id = ? AND seq > ? AND verdict != 'pending' AND batch_code IS NOT NULL",
            identity.deviceId, acked
        ).map { try $0.text("batch_code") }
        try database.run(
            "UPDATE events SET verdict = 'pending', reason_code = NULL, reason_message = NULL WHERE device_id = ? AND seq > ?",
            identity.deviceId, acked
        )
        for code in judged { try materialize(try TraceCode(parsing: code)) }
        return acked
    }

    /// Records the server store's generation. The first one seen is only recorded; a different one means the
    /// server's log is another (restored) one: the pull cursor goes back to 0 and the conflicts, which are the
    /// server's and numbered by it, are dropped to be pulled again. Pulled events stay: pulling them again skips
    /// them and takes their verdicts.
    /// - Returns: true when the pull restarts.
    func adoptGeneration(_ generation: String?) throws -> Bool {
        guard let generation else { return false }
        let known = try database.row("SELECT server_generation FROM sync_state")?.optionalText("server_generation")
        guard known != generation else { return false }
        try database.run("UPDATE sync_state SET server_generation = ?", generation)
        guard known != nil else { return false }
        try database.run("UPDATE sync_state SET pull_cursor = 0")
        try database.execute("DELETE FROM conflict_events; DELETE FROM conflicts")
        return true
    }
}
