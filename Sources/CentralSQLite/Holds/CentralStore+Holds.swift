public import CentralCore
public import SyncCore

/// Food-safety holds: the held batches admins see, and the release that alone lifts a hold (DESIGN.md §4). A
/// release is a server journal entry (`release`) that devices pull like any other, so every replica derives the
/// batch as released.
extension CentralStore {
    /// The batches under a hold, by code, of `node` or of every node.
    public func holds(node: String? = nil) throws -> [HeldBatch] {
        try database.query(
            "SELECT code FROM batches WHERE status = 'held' AND (?1 IS NULL OR node = ?1) ORDER BY code", node
        ).compactMap { row in
            let code = try TraceCode(parsing: row.text("code"))
            guard let state = BatchState.derive(code: code, events: try batchEvents(code)) else { return nil }
            let refusal: LocalizedText?
            do {
                _ = try HoldRelease.plan(state)
                refusal = nil
            } catch let error as TraceSyncError {
                refusal = error.message
            }
            return HeldBatch(code: code.digits, node: state.receipt.node, product: state.receipt.product,
                             heldBy: state.heldBy, openConflicts: try openConflicts(of: code), releaseRefusal: refusal)
        }
    }

    /// The node of the batch that `code` (a batch code or a sale's child code) names.
    /// - Throws: `TraceSyncError` `trace_code_format` / `trace_code_check`, or `unknown_code`.
    public func batchNode(_ code: String) throws -> String {
        try batchState(named: code).receipt.node
    }

    /// Lifts the food-safety hold of the batch `code` names, on behalf of `author`: appends a `release` server
    /// entry and settles the batch's open `hold_voided` conflicts with it.
    /// - Throws: `TraceSyncError` `missing_field` (no note), `unknown_code`, and `HoldRelease.plan`'s refusals
    ///   (`not_held`, `batch_disposed`, `batch_voided`, `retest_missing`); nothing is written then.
    @discardableResult
    public func releaseHold(_ code: String, _ request: ReleaseRequest, author: String) throws -> HoldReleaseRecord {
        let note = try Validation.required(request.note, field: "note", zh: "解除说明", en: "a note saying why")
        return try database.inTransaction {
            let state = try batchState(named: code)
            let plan = try HoldRelease.plan(state)
            let now = clock(), node = state.receipt.node
            let release = Release(batchCode: state.code, lifts: plan.lifts, retests: plan.retests, note: note, time: now)
            let serverSeq = try appendServerEntry(.release(release), author: author, node: node, at: now)
            let settled = try openConflicts(of: state.code, kind: .holdVoided)
            for id in settled {
                let resolution = ConflictResolution(action: .accept, candidate: nil, value: nil, eventId: nil, note: note,
                                                    author: author, resolvedAt: now, serverSeq: serverSeq)
                try markResolved(id, resolution)
                try log(kind: "conflict", node: node, body: try JSONValue(encoding: try conflict(id)))
            }
            let after = try batchState(named: state.code.digits)
            return HoldReleaseRecord(
                code: state.code.digits, node: node, lifts: plan.lifts, retests: plan.retests, note: note, author: author,
                releasedAt: now, serverSeq: serverSeq, status: after.status, settledConflicts: settled
            )
        }
    }

    /// The ids of batch `code`'s open conflicts (of `kind`, or any), oldest first.
    private func openConflicts(of code: TraceCode, kind: ConflictKind? = nil) throws -> [Int64] {
        try database.query(
            "SELECT id FROM conflicts WHERE status = 'open' AND batch_code = ? AND (?2 IS NULL OR kind = ?2) ORDER BY id",
            code.digits, kind?.rawValue
        ).map { try $0.integer("id") }
    }

    /// The merged state of the batch a batch code or child code names.
    private func batchState(named input: String) throws -> BatchState {
        let code = try TraceCode(parsing: input)
        guard let batch = try database.row("SELECT batch_code FROM trace_links WHERE code = ?", code.digits)?
            .string("batch_code").flatMap({ try? TraceCode(parsing: $0) }),
            let state = BatchState.derive(code: batch, events: try batchEvents(batch)) else {
            throw Self.unknownCode(code)
        }
        return state
    }
}
