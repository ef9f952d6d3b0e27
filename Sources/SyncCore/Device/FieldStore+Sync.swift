/// The device's side of sync (DESIGN.md §3): what to push, and how answers and pulled pages change the local view.
///
/// The device's view is what the server confirmed plus its own pending entries replayed on top: pulled events of
/// other devices join the local events, own entries take the server's verdict, and rejected ones stop counting.
extension FieldStore {
    /// Where and how this device syncs.
    public struct SyncSettings: Hashable, Sendable {
        public let serverURL: String
        public let secret: String
        public let ackedSeq: Int64
        public let pullCursor: Int64
        public let lastSyncAt: Int64?
        /// The server store's generation in the last answer, nil before the first one.
        public let serverGeneration: String?
    }

    /// The sync settings, nil before enrollment.
    public func syncSettings() throws -> SyncSettings? {
        try database.row("SELECT * FROM sync_state").map {
            SyncSettings(serverURL: try $0.text("server_url"), secret: try $0.text("secret"),
                         ackedSeq: try $0.integer("acked_seq"), pullCursor: try $0.integer("pull_cursor"),
                         lastSyncAt: try $0.optionalInteger("last_sync_at"),
                         serverGeneration: try $0.optionalText("server_generation"))
        }
    }

    /// Records a successful enrollment: the server, the secret, and the identity the server confirmed.
    public func enrolled(serverURL: String, response: EnrollResponse) throws {
        try database.inTransaction {
            try database.run(
                "UPDATE device SET device_id = ?, node = ?, device_number = ?", response.deviceId, response.node.code,
                response.deviceNumber
            )
            try database.run(
                "INSERT OR REPLACE INTO sync_state (id, server_url, secret) VALUES (1, ?, ?)", serverURL, response.secret
            )
        }
    }

    /// Journal entries the server has not acknowledged, oldest first.
    public func pendingEntries(limit: Int) throws -> [JournalEntry] {
        try journalEntries(from: (try syncSettings()?.ackedSeq ?? 0) + 1, limit: limit)
    }

    /// Applies a push answer: the server's generation, the acknowledged seq (exactly, lower ones too: see
    /// `adoptAckedSeq(_:)`) and the verdict on each entry.
    /// - Returns: how the device's positions moved to match a server restored from a backup.
    @discardableResult
    public func applyPush(_ response: PushResponse) throws -> ServerRealignment {
        try database.inTransaction {
            try materializingOnce {
                let restarted = try adoptGeneration(response.generation)
                let resendAfter = try adoptAckedSeq(response.ackedSeq)
                for verdict in response.verdicts { try applyVerdict(verdict, device: identity.deviceId) }
                return ServerRealignment(resendAfter: resendAfter, pullRestarted: restarted)
            }
        }
    }

    /// Applies a pulled page and advances the pull cursor, all or nothing.
    ///
    /// A page from a store generation other than the one last seen was read from a cursor into another log: it is
    /// not applied, and the cursor goes back to 0 to pull the restored store's log whole.
    /// - Returns: `pullRestarted` when that happened: pull again although the page said no more.
    @discardableResult
    public func applyPull(_ page: PullPage) throws -> ServerRealignment {
        try database.inTransaction {
            if try adoptGeneration(page.generation) { return ServerRealignment(resendAfter: nil, pullRestarted: true) }
            try materializingOnce {
                for item in page.items.compactMap(\.item) {
                    switch item {
                    case .entry(let entry, let verdict): try applyPulled(entry, verdict: verdict)
                    case .product(let product): try CatalogueTables.save(product, in: database)
                    case .region(let region): try CatalogueTables.save(region, in: database)
                    case .operator(let registered): try saveOperator(registered)
                    case .conflict(let conflict): try saveConflict(conflict)
                    }
                }
            }
            try database.run("UPDATE sync_state SET pull_cursor = max(pull_cursor, ?)", page.nextCursor)
            return ServerRealignment(resendAfter: nil, pullRestarted: false)
        }
    }

    /// Notes that both directions completed.
    public func syncCompleted() throws {
        try database.run("UPDATE sync_state SET last_sync_at = ?", wallClock())
    }

    /// Keeps the latest state of a conflict; a duplicate operator makes the other ids aliases of the one kept.
    private func saveConflict(_ conflict: ConflictRecord) throws {
        try database.run(
            "INSERT OR REPLACE INTO conflicts (id, kind, batch_code, status, record) VALUES (?, ?, ?, ?, ?)",
            conflict.id, conflict.kind.rawValue, conflict.batchCode, conflict.status.rawValue,
            try JSONValue(encoding: conflict).canonicalString
        )
        for candidate in conflict.candidates {
            try database.run("INSERT OR IGNORE INTO conflict_events (conflict_id, event_id) VALUES (?, ?)",
                             conflict.id, candidate.eventId)
        }
        if conflict.kind == .duplicateOperator, let kept = conflict.target {
            for alias in conflict.candidates.map(\.value) where alias != kept {
                try database.run("UPDATE operators SET canonical_id = ? WHERE id = ?", kept, alias)
            }
        }
    }

    private func applyPulled(_ entry: JournalEntry, verdict: EntryVerdict) throws {
        clock.observe(entry.hlc, wallMillis: wallClock())
        if entry.deviceId == identity.deviceId {
            try applyVerdict(verdict, device: entry.deviceId)
            return
        }
        // Known already (pulled again after a restore): only its verdict may have changed.
        if try database.row("SELECT 1 FROM events WHERE device_id = ? AND seq = ?", entry.deviceId, entry.seq) != nil {
            try applyVerdict(verdict, device: entry.deviceId)
            return
        }
        guard verdict.verdict != .rejected else { return }
        let decoded = try EventBody.decode(kind: entry.kind, payload: entry.payload)
        let event = RecordedEvent(id: decoded.id, hlc: entry.hlc, author: entry.author, body: decoded.body)
        try store(event, payload: entry.payload.canonicalString, deviceId: entry.deviceId, seq: entry.seq,
                  verdict: verdict.verdict)
    }

    private func applyVerdict(_ verdict: EntryVerdict, device: String) throws {
        let row = try database.row("SELECT batch_code, verdict FROM events WHERE device_id = ? AND seq = ?", device, verdict.seq)
        guard let row, try row.text("verdict") != verdict.verdict.rawValue else { return }
        try database.run(
            "UPDATE events SET verdict = ?, reason_code = ?, reason_message = ? WHERE device_id = ? AND seq = ?",
            verdict.verdict.rawValue, verdict.reasonCode,
            try verdict.message.map { try JSONValue(encoding: $0).canonicalString }, device, verdict.seq
        )
        if let code = try row.optionalText("batch_code") { try materialize(try TraceCode(parsing: code)) }
    }
}
