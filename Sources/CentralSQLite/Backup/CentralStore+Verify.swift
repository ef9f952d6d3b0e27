public import CentralCore
public import SyncCore

/// `sync-server verify`: everything that can be checked about a store without trusting it.
extension CentralStore {
    /// Entries read per query while walking a journal, so a long journal never sits in memory whole.
    private static let verifyPageSize = 5_000
    /// Foreign-key violations listed at most; the count says how many more.
    private static let foreignKeyFindingLimit = 20

    /// Runs every check: SQLite's integrity check, foreign keys, every device journal's hash chain against the
    /// device's recorded head, the server journal's chain, and the audit chain. Reads only.
    public func verifyStore() throws -> [StoreCheck] {
        [
            try checkIntegrity(), try checkForeignKeys(), try checkDeviceJournals(), try checkServerJournal(),
            try checkAuditChain(),
        ]
    }

    private func checkIntegrity() throws -> StoreCheck {
        let result = try integrityCheck()
        let findings = result == "ok" ? [] : result.split(separator: "\n").prefix(20).map {
            StoreCheck.Finding(LocalizedText(zh: String($0), en: String($0)))
        }
        return StoreCheck(kind: .integrity, findings: findings,
                          checked: LocalizedText(zh: "PRAGMA integrity_check", en: "PRAGMA integrity_check"))
    }

    private func checkForeignKeys() throws -> StoreCheck {
        let rows = try database.query("PRAGMA foreign_key_check")
        var findings = rows.prefix(Self.foreignKeyFindingLimit).map { row in
            let table = row.string("table") ?? "?", parent = row.string("parent") ?? "?"
            let rowid = row.string("rowid") ?? "?"
            return StoreCheck.Finding(LocalizedText(
                zh: "表 \(table) 的第 \(rowid) 行引用了 \(parent) 中不存在的记录。",
                en: "row \(rowid) of \(table) refers to a row of \(parent) that does not exist."
            ))
        }
        if rows.count > Self.foreignKeyFindingLimit {
            let more = rows.count - Self.foreignKeyFindingLimit
            findings.append(StoreCheck.Finding(LocalizedText(zh: "另有 \(more) 处外键错误。", en: "\(more) more foreign key violations.")))
        }
        return StoreCheck(kind: .foreignKeys, findings: findings,
                          checked: LocalizedText(zh: "PRAGMA foreign_key_check", en: "PRAGMA foreign_key_check"))
    }

    private func checkDeviceJournals() throws -> StoreCheck {
        var heads: [String: (acked: Int64, head: String)] = [:]
        for row in try database.query("SELECT id, acked_seq, head_hash FROM devices") {
            guard let id = row.string("id") else { continue }
            heads[id] = (row.int("acked_seq") ?? 0, row.string("head_hash") ?? "")
        }
        var journalDevices = Set<String>()
        var findings: [StoreCheck.Finding] = []
        var entries: Int64 = 0
        var cursor = ""
        while let device = try database.row(
            "SELECT device_id FROM entries WHERE device_id > ? ORDER BY device_id LIMIT 1", cursor
        )?.string("device_id") {
            cursor = device
            guard device != Self.serverDeviceId else { continue }
            journalDevices.insert(device)
            let walk = try walkJournal(of: device)
            entries += walk.count
            if let problem = walk.problem {
                findings.append(problem)
            } else if let recorded = heads[device] {
                findings += headFindings(device: device, recorded: recorded, walked: walk)
            } else {
                findings.append(StoreCheck.Finding(LocalizedText(
                    zh: "设备 \(device) 有日志记录，但不在设备表中。",
                    en: "device \(device) has journal entries but is not in the devices table."
                ), device: device))
            }
        }
        for (device, recorded) in heads.sorted(by: { $0.key < $1.key }) where !journalDevices.contains(device) {
            findings += headFindings(device: device, recorded: recorded, walked: (0, JournalEntry.genesis, nil))
        }
        return StoreCheck(kind: .deviceJournals, findings: findings, checked: LocalizedText(
            zh: "\(heads.count) 台设备，\(entries) 条记录", en: "\(heads.count) devices, \(entries) entries"
        ))
    }

    private func checkServerJournal() throws -> StoreCheck {
        let walk = try walkJournal(of: Self.serverDeviceId)
        return StoreCheck(kind: .serverJournal, findings: walk.problem.map { [$0] } ?? [],
                          checked: LocalizedText(zh: "\(walk.count) 条记录", en: "\(walk.count) entries"))
    }

    private func checkAuditChain() throws -> StoreCheck {
        let hasAuditLog = try database.scalar(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'"
        ) == 1
        guard hasAuditLog else {
            return StoreCheck(kind: .auditChain, findings: [], checked: LocalizedText(
                zh: "此数据库尚无审计日志", en: "this store has no audit log yet"))
        }
        let records = try database.scalar("SELECT count(*) FROM audit_log") ?? 0
        let problem = try verifyAuditChain()
        return StoreCheck(kind: .auditChain, findings: problem.map { [StoreCheck.Finding($0.message, seq: $0.seq)] } ?? [],
                          checked: LocalizedText(zh: "\(records) 条审计记录", en: "\(records) audit records"))
    }

    /// Walks one device's stored journal from seq 1; stops at the first bad entry.
    private func walkJournal(of device: String) throws -> (count: Int64, head: String, problem: StoreCheck.Finding?) {
        var check = ChainCheck()
        var count: Int64 = 0
        var after: Int64 = 0
        while true {
            let rows = try database.query(
                "SELECT * FROM entries WHERE device_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                [device, after, Int64(Self.verifyPageSize)]
            )
            for row in rows {
                let seq = row.int("seq") ?? after + 1
                guard let entry = (try? journalEntry(row)) ?? nil else {
                    return (count, check.head, journalFinding(device: device, problem: ChainProblem(kind: .altered, seq: seq)))
                }
                if let problem = check.check(entry) {
                    return (count, check.head, journalFinding(device: device, problem: problem))
                }
                count += 1
                after = seq
            }
            if rows.count < Self.verifyPageSize { return (count, check.head, nil) }
        }
    }

    private func journalFinding(device: String, problem: ChainProblem) -> StoreCheck.Finding {
        StoreCheck.Finding(LocalizedText(zh: "设备 \(device)：\(problem.message.zh)", en: "device \(device): \(problem.message.en)"),
                           device: device, seq: problem.seq)
    }

    /// Whether the device row's acknowledged seq and head hash are where its journal ends.
    private func headFindings(
        device: String, recorded: (acked: Int64, head: String), walked: (count: Int64, head: String, problem: StoreCheck.Finding?)
    ) -> [StoreCheck.Finding] {
        guard recorded.acked != walked.count || recorded.head != walked.head else { return [] }
        return [StoreCheck.Finding(LocalizedText(
            zh: "设备 \(device)：设备表记录已确认到第 \(recorded.acked) 条，但日志只有 \(walked.count) 条或末条哈希不符。",
            en: "device \(device): the devices table says \(recorded.acked) entries were acknowledged, but the journal holds \(walked.count) or ends with another hash."
        ), device: device, seq: min(recorded.acked, walked.count) + 1)]
    }
}
