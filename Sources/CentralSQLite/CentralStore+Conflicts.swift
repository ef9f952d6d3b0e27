public import CentralCore
public import SyncCore

/// The admins' queue: conflicts recorded once per kind and subject, with every candidate (`ConflictBook`; written
/// by the push ledger).
extension CentralStore {
    /// Marks conflict `id` resolved with `resolution`, its personal values sealed (`PersonalDataCipher`).
    func markResolved(_ id: Int64, _ resolution: ConflictResolution) throws {
        let sealed = try personalData.seal(JSONValue(encoding: resolution))
        try database.run("UPDATE conflicts SET status = 'resolved', resolution = ?, resolution_sealed = ? WHERE id = ?",
                         sealed.text, sealed.envelope, id)
    }

    /// Flags events that have waited longer than `orphanTimeout` for their batch's receipt (`OrphanTimeout`).
    public func flagOverdueOrphans(now: Int64) throws {
        try PushCoordinator.flagOverdueOrphans(now: now, timeout: orphanTimeout, ledger: self)
    }

    /// Conflicts, newest first, filtered by status, kind and node.
    public func conflicts(status: ConflictStatus? = nil, kind: ConflictKind? = nil, node: String? = nil) throws -> [ConflictRecord] {
        try flagOverdueOrphans(now: clock())
        return try database.query(
            """
            SELECT * FROM conflicts WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR kind = ?2)
            AND (?3 IS NULL OR node = ?3) ORDER BY id DESC
            """,
            status?.rawValue, kind?.rawValue, node
        ).map(conflictRecord)
    }

    /// One conflict with its candidates.
    public func conflict(_ id: Int64) throws -> ConflictRecord {
        guard let row = try database.row("SELECT * FROM conflicts WHERE id = ?", id) else {
            throw TraceSyncError(.unknownConflict, field: "id", zh: "没有编号为 \(id) 的冲突。", en: "there is no conflict \(id).")
        }
        return try conflictRecord(row)
    }

    private func conflictRecord(_ row: Row) throws -> ConflictRecord {
        let id = try row.integer("id")
        let candidates = try database.query(
            "SELECT candidate, sealed FROM conflict_candidates WHERE conflict_id = ? ORDER BY position", id
        ).map { try personalData.open(try $0.text("candidate"), envelope: $0.string("sealed")).decode(ConflictCandidate.self) }
        return ConflictRecord(
            id: id, kind: ConflictKind(rawValue: try row.text("kind"))!, subject: try row.text("subject"),
            node: try row.text("node"), batchCode: row.string("batch_code"), target: row.string("target"),
            field: row.string("field"), status: ConflictStatus(rawValue: try row.text("status"))!,
            openedAt: try row.integer("opened_at"), candidates: candidates,
            resolution: try row.string("resolution").map {
                try personalData.open($0, envelope: row.string("resolution_sealed")).decode(ConflictResolution.self)
            }
        )
    }

    /// Logs the conflict's current state for the devices of its node.
    func logConflict(_ id: Int64) throws {
        let record = try conflict(id)
        try log(kind: "conflict", node: record.node, body: try JSONValue(encoding: record))
    }
}
