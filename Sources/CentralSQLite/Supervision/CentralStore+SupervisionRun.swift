public import CentralCore
import SyncCore

/// What one run of the supervision checks did.
public struct SupervisionRun: Codable, Hashable, Sendable {
    /// Batches the run read.
    public let batches: Int
    /// Findings the checks made, new or already stored.
    public let found: Int
    /// Findings stored for the first time.
    public let added: Int
}

/// Running the supervision checks and storing their findings once each (by key).
extension CentralStore {
    /// How far back an incremental run judges (7 days): a device that was offline longer is judged by a full run.
    static let supervisionLookback: Int64 = 7 * 86_400_000
    /// History before the judged span that checks compare with (30 days: the outlier and odd-hour windows).
    static let supervisionContext: Int64 = 30 * 86_400_000

    /// Runs every enabled check over all the store holds.
    @discardableResult
    public func runAllChecks() throws -> SupervisionRun {
        try database.inTransaction {
            try runChecks(on: try supervisionHistory(SupervisionScope(nodes: nil, readFrom: .min, judgedFrom: .min, afterLogSeq: 0)))
        }
    }

    /// Runs every enabled check over the recent data of `nodes`: the last 7 days judged against the 30 before,
    /// and the clock samples of pushes logged after `afterLogSeq`.
    @discardableResult
    public func runChecks(touching nodes: Set<String>, afterLogSeq: Int64 = 0) throws -> SupervisionRun {
        try database.inTransaction { try runRecentChecks(nodes, afterLogSeq: afterLogSeq) }
    }

    /// Runs the checks for the nodes whose devices pushed since the last such run, then remembers where the server
    /// log stood; nothing is read when no push came. The periodic service calls it.
    ///
    /// Incremental, in proportion to what the pushes touched (`CentralStore+SupervisionCache`): it re-derives only
    /// the batches with a new entry and judges those; the quantity check judges their receipts and the receipts
    /// after them within the window, against the cached receipts of the same operator, product and unit; the day
    /// balance adds up the cached day sums of their operators; the pass-rate and hour checks read the nodes' cached
    /// day and hour counts; clock samples come from the new pushes. `SimulatedMonthTests` checks that these runs
    /// find what one full run finds.
    @discardableResult
    public func runPendingChecks() throws -> SupervisionRun {
        try database.inTransaction {
            let mark = try database.scalar("SELECT value FROM supervision_state WHERE name = 'log_seq'") ?? 0
            let nodes = Set(try database.query(
                "SELECT DISTINCT node FROM server_log WHERE seq > ? AND kind = 'entry' AND node IS NOT NULL", mark
            ).compactMap { $0.string("node") })
            guard !nodes.isEmpty else { return SupervisionRun(batches: 0, found: 0, added: 0) }
            let head = try database.scalar("SELECT max(seq) FROM server_log") ?? mark
            let built = try supervisionCacheIsBuilt()
            if built { try addEntryHours(afterLogSeq: mark) } else { try rebuildSupervisionCache() }
            let changes = try updateSupervisionCache(afterLogSeq: mark, deriveAll: !built)
            let judgedFrom = clock() - Self.supervisionLookback
            let run = try runChecks(on: try pendingHistory(
                changes, nodes: nodes, judgedFrom: judgedFrom, readFrom: judgedFrom - Self.supervisionContext, afterLogSeq: mark
            ), batches: changes.touched)
            try database.run("INSERT OR REPLACE INTO supervision_state (name, value) VALUES ('log_seq', ?)", head)
            return run
        }
    }

    /// The recent checks of `nodes`: every batch with an event of theirs in the last 37 days derived.
    private func runRecentChecks(_ nodes: Set<String>, afterLogSeq: Int64) throws -> SupervisionRun {
        let judgedFrom = clock() - Self.supervisionLookback
        return try runChecks(on: try supervisionHistory(SupervisionScope(
            nodes: nodes, readFrom: judgedFrom - Self.supervisionContext, judgedFrom: judgedFrom, afterLogSeq: afterLogSeq
        )))
    }

    /// Runs the enabled checks over `history` and stores what they find; `batches` (default: the history's) is
    /// reported as the batches read.
    private func runChecks(on history: SupervisionHistory, batches: Int? = nil) throws -> SupervisionRun {
        let findings = SupervisionChecks(settings: try supervisionSettings()).findings(in: history)
        var added = 0
        for finding in findings where try store(finding) { added += 1 }
        return SupervisionRun(batches: batches ?? history.batches.count, found: findings.count, added: added)
    }

    /// Stores a finding unless its key is stored; an open one stored before takes the new evidence. True when new.
    private func store(_ finding: Finding) throws -> Bool {
        let summary = try JSONValue(encoding: finding.summary).canonicalString
        let evidence = try JSONValue(encoding: finding.evidence).canonicalString
        if try database.row("SELECT 1 FROM findings WHERE key = ?", finding.key) != nil {
            try database.run(
                "UPDATE findings SET severity = ?, summary = ?, evidence = ? WHERE key = ? AND status = 'open'",
                finding.severity.rawValue, summary, evidence, finding.key
            )
            return false
        }
        try database.run(
            """
            INSERT INTO findings (key, check_id, severity, node, subject_kind, subject, operator_id, day, summary,
                                  evidence, found_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            finding.key, finding.check, finding.severity.rawValue, finding.node, finding.subject.kind.rawValue,
            finding.subject.id, finding.operatorId, finding.day, summary, evidence, clock()
        )
        return true
    }
}
