public import CentralCore
public import SyncCore

/// Receiving a device's journal (DESIGN.md §3).
extension CentralStore {
    /// Stores and merges entries pushed by `device`, in order from its acknowledged seq + 1.
    ///
    /// Every entry gets a verdict stored in the same transaction as the entry and the new acknowledged seq. A replay
    /// of an accepted entry returns its stored verdict and changes nothing. The answer, for an empty push too, carries
    /// the acknowledged seq and the store's generation.
    /// - Throws: `TraceSyncError` `integrity_violation` (a stored seq offered with another hash, recorded for
    ///   admins), `seq_gap` (an entry past acknowledged + 1; carries the acknowledged seq), `broken_chain` or `bad_hash` (the chain does not hold;
    ///   also recorded), `wrong_device`. Nothing of the request is stored then, except the violation record.
    public func push(device: DeviceRecord, entries: [JournalEntry]) throws -> PushResponse {
        let lookup = PushLookup(store: self, cache: batchStates)
        let outcome: Result<PushResponse, TraceSyncError> = try database.inTransaction {
            var acked = try database.scalar("SELECT acked_seq FROM devices WHERE id = ?", device.id) ?? 0
            var head = try database.row("SELECT head_hash FROM devices WHERE id = ?", device.id)?.string("head_hash")
                ?? JournalEntry.genesis
            let receivedAt = clock()
            try flagOverdueOrphans(now: receivedAt)
            let context = mergeContext(receivedAt: receivedAt)
            var verdicts: [EntryVerdict] = []
            for (index, entry) in entries.enumerated() {
                guard entry.deviceId == device.id else {
                    throw TraceSyncError(.wrongDevice, field: "entries[\(index)].deviceId",
                                         zh: "第 \(index + 1) 条记录的设备编号不是本设备。",
                                         en: "entry \(index + 1) carries another device's id.")
                }
                if entry.seq <= acked {
                    let stored = try storedVerdict(device: device.id, seq: entry.seq)
                    guard stored.hash == entry.hash else {
                        return .failure(try violation(device: device.id, entry: entry, kind: "hash_mismatch", storedHash: stored.hash))
                    }
                    verdicts.append(stored.verdict)
                    continue
                }
                guard entry.seq == acked + 1 else {
                    throw TraceSyncError(
                        .seqGap, field: "entries[\(index)].seq",
                        zh: "记录序号不连续：服务器已确认到第 \(acked) 条，应从第 \(acked + 1) 条开始发送，收到第 \(entry.seq) 条。",
                        en: "entries must be contiguous: the server acknowledged up to \(acked), so send from \(acked + 1); got \(entry.seq).",
                        ackedSeq: acked
                    )
                }
                guard entry.expectedHash == entry.hash else {
                    return .failure(try violation(device: device.id, entry: entry, kind: "bad_hash", storedHash: nil))
                }
                guard entry.prev == head else {
                    return .failure(try violation(device: device.id, entry: entry, kind: "broken_chain", storedHash: head))
                }
                let decision = try MergeRules.decide(entry: entry, deviceNode: device.node, context: context, lookup: lookup)
                try store(entry, decision: decision, node: device.node, receivedAt: receivedAt)
                lookup.merged(decision)
                verdicts.append(decision.entryVerdict(seq: entry.seq))
                acked = entry.seq
                head = entry.hash
            }
            try database.run(
                "UPDATE devices SET acked_seq = ?, head_hash = ?, last_seen_at = ? WHERE id = ?",
                acked, head, receivedAt, device.id
            )
            return .success(PushResponse(ackedSeq: acked, verdicts: verdicts, generation: try generation()))
        }
        // Inside a caller's transaction the push may still be rolled back: its batch states are not kept then.
        if !database.isInTransaction { lookup.committed() }
        return try outcome.get()
    }

    private func storedVerdict(device: String, seq: Int64) throws -> (hash: String, verdict: EntryVerdict) {
        let row = try database.row(
            "SELECT hash, verdict, reason_code, reason_message FROM entries WHERE device_id = ? AND seq = ?", device, seq
        )!
        let message = try row.string("reason_message").map { try JSONValue.parse($0).decode(LocalizedText.self) }
        return (row.string("hash")!, EntryVerdict(
            seq: seq, verdict: Verdict(rawValue: row.string("verdict")!)!, reasonCode: row.string("reason_code"),
            message: message
        ))
    }

    /// Records an integrity violation for admins and returns the refusal to send back.
    private func violation(device: String, entry: JournalEntry, kind: String, storedHash: String?) throws -> TraceSyncError {
        try database.run(
            """
            INSERT INTO integrity_violations (device_id, seq, kind, stored_hash, offered_hash, detected_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            device, entry.seq, kind, storedHash, entry.hash, clock()
        )
        let what: LocalizedText = switch kind {
        case "hash_mismatch": LocalizedText(zh: "与服务器已存的同序号记录不同", en: "differs from the entry the server stored with that seq")
        case "bad_hash": LocalizedText(zh: "内容与其哈希不符", en: "does not match its hash")
        default: LocalizedText(zh: "没有接上前一条记录的哈希", en: "does not link to the previous entry's hash")
        }
        return TraceSyncError(
            .integrityViolation, field: "entries.seq \(entry.seq)",
            zh: "第 \(entry.seq) 条记录\(what.zh)：设备日志可能被改动。已记录并通知管理员，请勿重试，联系管理员。",
            en: "entry \(entry.seq) \(what.en): the device journal may have been altered. It was recorded for the admins; do not retry, contact them."
        )
    }
}
