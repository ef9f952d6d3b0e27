public import SyncCore

/// Receives a device's journal (DESIGN.md §3, §6) in three steps: **plan** (check, decode and seal each entry
/// outside the write transaction, in parallel for a large push; read what the rules need in a few set-based
/// queries), **decide** (`MergeRules`, pure, one entry after the other on inputs kept up to date in memory), and
/// **write** (the ledger applies every verdict and effect at once).
package enum PushCoordinator {
    /// Stores and merges `entries` pushed by device `deviceId` of `node`, in order from its acknowledged seq + 1.
    ///
    /// Every entry gets a verdict, stored in the same transaction as the entry and the new acknowledged seq. A replay
    /// of an accepted entry returns its stored verdict and changes nothing. The answer, for an empty push too, carries
    /// the acknowledged seq and the store's generation.
    /// - Throws: `TraceSyncError` `integrity_violation` (a stored seq offered with another hash, an entry that does
    ///   not match its hash or does not link to the previous one; recorded for admins), `seq_gap` (an entry past
    ///   acknowledged + 1; carries the acknowledged seq), `wrong_device`. Nothing of the request is stored then,
    ///   except the violation record.
    package static func push(
        deviceId: String, node: String, entries: [JournalEntry], ledger: some PushLedger, context: MergeContext,
        orphanTimeout: Int64
    ) throws -> PushResponse {
        try push(deviceId: deviceId, node: node, verified: VerifiedEntry.verify(entries, cipher: ledger.personalDataCipher),
                 ledger: ledger, context: context, orphanTimeout: orphanTimeout)
    }

    /// `push(deviceId:node:entries:…)` for entries already checked, decoded and sealed (`VerifiedPush`), so that a
    /// server can do that part on any thread and keep its one writer for the write transaction.
    package static func push(
        deviceId: String, node: String, verified: [VerifiedEntry], ledger: some PushLedger, context: MergeContext,
        orphanTimeout: Int64
    ) throws -> PushResponse {
        let entries = verified.map(\.entry)
        let outcome: Result<PushResponse, TraceSyncError> = try ledger.write { transaction in
            let start = try transaction.head(device: deviceId)
            let replayedSeqs = entries.map(\.seq).filter { $0 <= start.seq }
            let stored = try replayedSeqs.min().map {
                try transaction.storedVerdicts(device: deviceId, seqs: $0...start.seq)
            } ?? [:]
            var head = start
            var answers: [Answer] = []
            var fresh: [VerifiedEntry] = []
            for (index, checked) in verified.enumerated() {
                let entry = checked.entry
                guard entry.deviceId == deviceId else { throw wrongDevice(index) }
                if entry.seq <= head.seq {
                    let known: (hash: String, answer: Answer) = entry.seq <= start.seq
                        ? (stored[entry.seq]!.hash, .stored(stored[entry.seq]!.verdict))
                        : (fresh[Int(entry.seq - start.seq - 1)].entry.hash, .fresh(Int(entry.seq - start.seq - 1)))
                    guard known.hash == entry.hash else {
                        return .failure(try violation(.hashMismatch, entry, storedHash: known.hash, transaction, context))
                    }
                    answers.append(known.answer)
                    continue
                }
                guard entry.seq == head.seq + 1 else { throw seqGap(index, entry: entry, acked: head.seq) }
                guard checked.hashHolds else {
                    return .failure(try violation(.badHash, entry, storedHash: nil, transaction, context))
                }
                guard entry.prev == head.hash else {
                    return .failure(try violation(.brokenChain, entry, storedHash: head.hash, transaction, context))
                }
                answers.append(.fresh(fresh.count))
                fresh.append(checked)
                head = JournalHead(seq: entry.seq, hash: entry.hash)
            }
            var needs = MergeNeeds(events: fresh.compactMap(\.payload.event))
            let cutoff = OrphanTimeout.cutoff(now: context.receivedAt, timeout: orphanTimeout)
            let overdue = OrphanTimeout.overdue(try transaction.unflaggedOrphans(receivedBefore: cutoff),
                                                now: context.receivedAt, timeout: orphanTimeout)
            needs.conflicts.formUnion(overdue.map(OrphanTimeout.key))
            var inputs = try transaction.inputs(for: needs)
            let preface = OrphanTimeout.effects(overdue: overdue, book: &inputs.conflicts)
            let decided = fresh.map { checked in
                let decision = MergeRules.decide(entry: checked.entry, payload: checked.payload, deviceNode: node,
                                                 context: context, inputs: inputs)
                inputs.take(decision)
                return DecidedEntry(entry: checked.entry, payload: checked.sealed, decision: decision)
            }
            try transaction.apply(LedgerWrite(node: node, receivedAt: context.receivedAt, preface: preface,
                                              entries: decided, device: (deviceId, head)))
            let verdicts = answers.map { answer in
                switch answer {
                case .stored(let verdict): verdict
                case .fresh(let index): decided[index].decision.entryVerdict(seq: decided[index].entry.seq)
                }
            }
            return .success(PushResponse(ackedSeq: head.seq, verdicts: verdicts, generation: try transaction.generation()))
        }
        return try outcome.get()
    }

    /// Flags the orphans that have waited longer than `timeout` at `now` (DESIGN.md §4), in one write.
    package static func flagOverdueOrphans(now: Int64, timeout: Int64, ledger: some PushLedger) throws {
        try ledger.write { transaction in
            let cutoff = OrphanTimeout.cutoff(now: now, timeout: timeout)
            let overdue = OrphanTimeout.overdue(try transaction.unflaggedOrphans(receivedBefore: cutoff), now: now,
                                                timeout: timeout)
            guard !overdue.isEmpty else { return }
            var needs = MergeNeeds()
            needs.conflicts.formUnion(overdue.map(OrphanTimeout.key))
            var inputs = try transaction.inputs(for: needs)
            let preface = OrphanTimeout.effects(overdue: overdue, book: &inputs.conflicts)
            try transaction.apply(LedgerWrite(node: "", receivedAt: now, preface: preface, entries: [], device: nil))
        }
    }

    /// Where an entry's verdict comes from: stored before this push, or decided in it.
    private enum Answer {
        case stored(EntryVerdict)
        case fresh(Int)
    }

    private static func wrongDevice(_ index: Int) -> TraceSyncError {
        TraceSyncError(.wrongDevice, field: "entries[\(index)].deviceId",
                       zh: "第 \(index + 1) 条记录的设备编号不是本设备。", en: "entry \(index + 1) carries another device's id.")
    }

    private static func seqGap(_ index: Int, entry: JournalEntry, acked: Int64) -> TraceSyncError {
        TraceSyncError(
            .seqGap, field: "entries[\(index)].seq",
            zh: "记录序号不连续：服务器已确认到第 \(acked) 条，应从第 \(acked + 1) 条开始发送，收到第 \(entry.seq) 条。",
            en: "entries must be contiguous: the server acknowledged up to \(acked), so send from \(acked + 1); got \(entry.seq).",
            ackedSeq: acked
        )
    }

    /// Records an integrity violation for admins and returns the refusal to send back.
    private static func violation(
        _ kind: IntegrityViolation.Kind, _ entry: JournalEntry, storedHash: String?,
        _ transaction: any PushLedgerTransaction, _ context: MergeContext
    ) throws -> TraceSyncError {
        try transaction.recordViolation(IntegrityViolation(
            deviceId: entry.deviceId, seq: entry.seq, kind: kind, storedHash: storedHash, offeredHash: entry.hash,
            detectedAt: context.receivedAt
        ))
        let what: LocalizedText = switch kind {
        case .hashMismatch: LocalizedText(zh: "与服务器已存的同序号记录不同", en: "differs from the entry the server stored with that seq")
        case .badHash: LocalizedText(zh: "内容与其哈希不符", en: "does not match its hash")
        case .brokenChain: LocalizedText(zh: "没有接上前一条记录的哈希", en: "does not link to the previous entry's hash")
        }
        return TraceSyncError(
            .integrityViolation, field: "entries.seq \(entry.seq)",
            zh: "第 \(entry.seq) 条记录\(what.zh)：设备日志可能被改动。已记录并通知管理员，请勿重试，联系管理员。",
            en: "entry \(entry.seq) \(what.en): the device journal may have been altered. It was recorded for the admins; do not retry, contact them."
        )
    }
}
