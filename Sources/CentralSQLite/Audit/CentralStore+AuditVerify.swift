public import CentralCore
public import SyncCore

extension CentralStore {
    /// Recomputes the audit log's keyed hash chain and checks it against the heads recorded outside the database;
    /// returns the first altered, relinked or missing record, or nil when the whole log checks out.
    ///
    /// Records removed by the retention purge are accounted for by the purge's anchor; records from before the chain
    /// was keyed are checked by their unkeyed hash up to the `audit.chain.keyed` record (`AuditKeying`).
    /// - Parameter heads: chain heads recorded earlier (backup manifests, the server's log): each must still be in
    ///   the log with the same hash, unless purged since. Without one, a log cut short after its last record, with
    ///   its numbering rewound, cannot be told from a shorter log.
    public func verifyAuditChain(against heads: [AuditHead] = []) throws -> AuditChainProblem? {
        let records = try database.query("SELECT * FROM audit_log ORDER BY seq").map(Self.auditRecord)
        let highest = try database.scalar("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'") ?? 0
        if let problem = try checkChain(records, highest: highest) { return problem }
        return checkHeads(heads, records: records)
    }

    private func checkChain(_ records: [AuditRecord], highest: Int64) throws -> AuditChainProblem? {
        guard let first = records.first else {
            return highest > 0 ? AuditChainProblem(kind: .missing, seq: highest) : nil
        }
        var expectedSeq = first.seq
        var previousHash = AuditRecord.genesis
        if first.seq > 1 {
            let anchors = records.compactMap(AuditPurge.init(record:))
            guard let anchor = anchors.first(where: { $0.through == first.seq - 1 }) else {
                return AuditChainProblem(kind: .missing, seq: first.seq - 1)
            }
            previousHash = anchor.anchor
        }
        let keying = records.lazy.compactMap { record in AuditKeying(record: record).map { (record.seq, $0) } }.first
        for record in records {
            let keyed = record.seq > (keying?.1.legacyThrough ?? 0) || record.seq == keying?.0
            if record.seq != expectedSeq { return AuditChainProblem(kind: .missing, seq: expectedSeq) }
            if record.expectedHash(under: keyed ? auditKey : nil) != record.hash {
                return AuditChainProblem(kind: .altered, seq: record.seq)
            }
            if record.prev != previousHash { return AuditChainProblem(kind: .brokenLink, seq: record.seq) }
            expectedSeq += 1
            previousHash = record.hash
        }
        return highest >= expectedSeq ? AuditChainProblem(kind: .missing, seq: expectedSeq) : nil
    }

    /// The first recorded head the log no longer ends in or passes through; heads older than the first kept record
    /// were purged since and are not checked.
    private func checkHeads(_ heads: [AuditHead], records: [AuditRecord]) -> AuditChainProblem? {
        guard let first = records.first?.seq, let last = records.last?.seq else {
            return heads.first.map { _ in AuditChainProblem(kind: .missing, seq: 1) }
        }
        for head in heads.sorted(by: { $0.seq > $1.seq }) {
            if head.seq > last { return AuditChainProblem(kind: .missing, seq: last + 1) }
            if head.seq >= first, records[Int(head.seq - first)].hash != head.hash {
                return AuditChainProblem(kind: .headMismatch, seq: head.seq)
            }
        }
        return nil
    }
}
