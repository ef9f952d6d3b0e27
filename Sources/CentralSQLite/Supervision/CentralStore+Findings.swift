public import CentralCore
public import SyncCore

/// The follow-up queue: listing findings, their counts, and admins' follow-ups.
extension CentralStore {
    /// The findings `filter` selects, the most severe first, then the newest day, then by id.
    public func findings(_ filter: FindingFilter = FindingFilter()) throws -> [FindingRecord] {
        try database.query(
            """
            SELECT * FROM findings WHERE (?1 IS NULL OR node = ?1) AND (?2 IS NULL OR check_id = ?2)
            AND (?3 IS NULL OR severity = ?3) AND (?4 IS NULL OR status = ?4) AND (?5 IS NULL OR operator_id = ?5)
            ORDER BY CASE severity WHEN 'high' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, day DESC, id
            """,
            filter.node, filter.check, filter.severity?.rawValue, filter.status?.rawValue, filter.operatorId
        ).map(findingRecord)
    }

    /// Every finding counted against `operatorId`, for the operator's credit.
    public func findings(operator operatorId: String) throws -> [FindingRecord] {
        try findings(FindingFilter(operatorId: operatorId))
    }

    /// Counts by check and status of the findings of `node`, or of all nodes.
    public func findingCounts(node: String? = nil) throws -> FindingCounts {
        var counts: [String: [String: Int]] = [:]
        for row in try database.query(
            "SELECT check_id, status, count(*) AS n FROM findings WHERE (?1 IS NULL OR node = ?1) GROUP BY check_id, status", node
        ) {
            counts[try row.text("check_id"), default: [:]][try row.text("status")] = Int(try row.integer("n"))
        }
        return FindingCounts(byCheck: counts)
    }

    /// The open findings counted by node, check and severity, for the console overview.
    public func openFindingCounts() throws -> [OpenFindingCount] {
        try database.query(
            "SELECT node, check_id, severity, count(*) AS n FROM findings WHERE status = 'open' GROUP BY node, check_id, severity"
        ).map { row in
            OpenFindingCount(node: try row.text("node"), check: try row.text("check_id"),
                             severity: FindingSeverity(rawValue: try row.text("severity")) ?? .info, count: Int(try row.integer("n")))
        }
    }

    /// One finding by id.
    /// - Throws: `TraceSyncError` `not_found`.
    public func finding(_ id: Int64) throws -> FindingRecord {
        guard let row = try database.row("SELECT * FROM findings WHERE id = ?", id) else {
            throw TraceSyncError(.notFound, field: "id", zh: "没有编号为 \(id) 的核查发现。", en: "there is no finding \(id).")
        }
        return try findingRecord(row)
    }

    /// Records an admin's follow-up of finding `id`.
    /// - Throws: `TraceSyncError` `not_found` (no such finding), `missing_field` (no note, or no conflict id with
    ///   `opened_as_conflict`), `unknown_conflict`.
    public func followUp(_ id: Int64, _ followUp: FindingFollowUp, author: String) throws -> FindingRecord {
        try database.inTransaction {
            _ = try finding(id)
            let note = try Validation.required(followUp.note, field: "note", zh: "跟进说明", en: "a note")
            var conflict: Int64?
            if followUp.status == .openedAsConflict {
                guard let conflictId = followUp.conflictId else {
                    throw TraceSyncError(.missingField, field: "conflictId",
                                         zh: "转为冲突时须给出冲突编号（conflictId）。",
                                         en: "opened_as_conflict needs the conflict's id (conflictId).")
                }
                _ = try self.conflict(conflictId)
                conflict = conflictId
            }
            try database.run(
                "UPDATE findings SET status = ?, note = ?, followed_up_by = ?, followed_up_at = ?, conflict_id = ? WHERE id = ?",
                followUp.status.rawValue, note, author, clock(), conflict, id
            )
            return try finding(id)
        }
    }

    /// The checks' settings: the defaults with what admins set.
    public func supervisionSettings() throws -> SupervisionSettings {
        var values: [String: Double] = [:]
        for row in try database.query("SELECT name, value FROM supervision_settings") {
            if let value = row.string("value").flatMap(Double.init) { values[try row.text("name")] = value }
        }
        return SupervisionSettings(values: values)
    }

    /// Sets one of the checks' settings (`SupervisionSettings.known`).
    /// - Throws: `TraceSyncError` `bad_parameter` for an unknown name or a negative value.
    public func setSupervisionSetting(_ name: String, to value: Double) throws {
        var settings = try supervisionSettings()
        try settings.set(name, to: value)
        try database.run("INSERT OR REPLACE INTO supervision_settings (name, value) VALUES (?, ?)", name, String(value))
    }

    private func findingRecord(_ row: Row) throws -> FindingRecord {
        let finding = Finding(
            check: try row.text("check_id"), severity: FindingSeverity(rawValue: try row.text("severity")) ?? .info,
            node: try row.text("node"),
            subject: FindingSubject(FindingSubject.Kind(rawValue: try row.text("subject_kind")) ?? .batch, try row.text("subject")),
            operatorId: row.string("operator_id"), day: try row.text("day"),
            summary: try JSONValue.parse(try row.text("summary")).decode(LocalizedText.self),
            evidence: try JSONValue.parse(try row.text("evidence")).decode([FindingEvidence].self),
            key: try row.text("key")
        )
        return FindingRecord(
            id: try row.integer("id"), finding: finding, foundAt: try row.integer("found_at"),
            status: FindingStatus(rawValue: try row.text("status")) ?? .open, note: row.string("note"),
            followedUpBy: row.string("followed_up_by"), followedUpAt: row.int("followed_up_at"), conflictId: row.int("conflict_id")
        )
    }
}
