import CentralCore
package import SyncCore

/// The conflict queue on PostgreSQL, as the write path logs it and admins list it.
extension PostgresCentralStore {
    /// One conflict with its candidates.
    /// - Throws: `TraceSyncError` `unknown_conflict`.
    package func conflict(_ id: Int64) throws -> ConflictRecord {
        guard let row = try session.row("SELECT * FROM conflicts WHERE id = $1", .int(id)) else {
            throw TraceSyncError(.unknownConflict, field: "id", zh: "未知冲突 \(id)。", en: "unknown conflict \(id).")
        }
        return try conflict(row)
    }

    /// The conflicts of one status, kind and node (each optional), newest first.
    package func conflicts(status: ConflictStatus?, kind: ConflictKind?, node: String?) throws -> [ConflictRecord] {
        try session.query(
            """
            SELECT * FROM conflicts WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR kind = $2)
            AND ($3::text IS NULL OR node = $3) ORDER BY id DESC
            """,
            .text(status?.rawValue), .text(kind?.rawValue), .text(node)
        ).map(conflict)
    }

    private func conflict(_ row: PGRow) throws -> ConflictRecord {
        let id = try row.integer("id")
        let candidates = try session.query(
            "SELECT candidate, sealed FROM conflict_candidates WHERE conflict_id = $1 ORDER BY position", .int(id)
        ).map {
            try personalDataCipher.open(try $0.text("candidate"), envelope: $0.string("sealed")).decode(ConflictCandidate.self)
        }
        guard let kind = ConflictKind(rawValue: try row.text("kind")),
              let status = ConflictStatus(rawValue: try row.text("status")) else {
            throw TraceSyncError(.internalError, field: "conflicts", zh: "存储的冲突无法读取。", en: "a stored conflict cannot be read.")
        }
        return ConflictRecord(
            id: id, kind: kind, subject: try row.text("subject"), node: try row.text("node"),
            batchCode: row.string("batch_code"), target: row.string("target"), field: row.string("field"),
            status: status, openedAt: try row.integer("opened_at"), candidates: candidates,
            resolution: try row.string("resolution").map {
                try personalDataCipher.open($0, envelope: row.string("resolution_sealed")).decode(ConflictResolution.self)
            }
        )
    }
}
