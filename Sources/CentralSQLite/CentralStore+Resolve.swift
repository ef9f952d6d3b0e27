public import CentralCore
public import SyncCore

/// Settling conflicts. A decision that changes data becomes a server journal entry (a correction or voiding) that
/// devices pull like any other; the resolution itself is logged for them too.
extension CentralStore {
    /// Settles open conflict `id` as `request` says, on behalf of `author`.
    /// - Throws: `TraceSyncError` `unknown_conflict`, `conflict_resolved`, `missing_field` (no note) or
    ///   `bad_resolution` (an action that does not fit the conflict).
    @discardableResult
    public func resolve(_ id: Int64, _ request: ResolveRequest, author: String) throws -> ConflictRecord {
        let note = try Validation.required(request.note, field: "note", zh: "处理说明", en: "a note saying why")
        return try database.inTransaction {
            let conflict = try conflict(id)
            guard conflict.status == .open else {
                throw TraceSyncError(.conflictResolved, field: "id", zh: "冲突 \(id) 已经处理过。",
                                     en: "conflict \(id) is already resolved.")
            }
            let now = clock()
            var serverSeq: Int64?
            switch request.action {
            case .choose, .set:
                let value = try chosenValue(conflict, request)
                serverSeq = try correct(conflict, value: value, author: author, at: now)
            case .void:
                guard let eventId = request.eventId, conflict.candidates.contains(where: { $0.eventId == eventId }),
                      let batch = try batchOfEvent(eventId) else {
                    throw badResolution(zh: "作废需要给出本冲突涉及的记录编号（eventId）。", en: "void needs the eventId of an event in this conflict.")
                }
                serverSeq = try appendServerEntry(.voiding(Voiding(batchCode: batch, target: eventId, reason: note, time: now)),
                                                  author: author, node: conflict.node, at: now)
            case .accept:
                break
            }
            let resolution = ConflictResolution(
                action: request.action, candidate: request.candidate, value: request.value, eventId: request.eventId,
                note: note, author: author, resolvedAt: now, serverSeq: serverSeq
            )
            try markResolved(id, resolution)
            let record = try self.conflict(id)
            try log(kind: "conflict", node: record.node, body: try JSONValue(encoding: record))
            return record
        }
    }

    private func chosenValue(_ conflict: ConflictRecord, _ request: ResolveRequest) throws -> String {
        guard conflict.kind.resolutionActions.contains(request.action) else {
            throw badResolution(zh: "只有并发更正可以选择或填写值；其他冲突请用 void 或 accept。",
                                en: "only a concurrent edit takes choose or set; settle other conflicts with void or accept.")
        }
        if request.action == .set {
            guard let value = request.value, !value.isEmpty else {
                throw badResolution(zh: "set 需要给出新值（value）。", en: "set needs a value.")
            }
            return value
        }
        guard let index = request.candidate, conflict.candidates.indices.contains(index) else {
            throw badResolution(zh: "choose 需要给出候选值序号（candidate，从 0 开始）。", en: "choose needs a candidate position (from 0).")
        }
        return conflict.candidates[index].value
    }

    private func correct(_ conflict: ConflictRecord, value: String, author: String, at now: Int64) throws -> Int64 {
        guard let target = conflict.target, let field = conflict.field, let batch = try batchOfEvent(target),
              let state = BatchState.derive(code: batch, events: try batchEvents(batch)), let line = state.line(target) else {
            throw badResolution(zh: "找不到要更正的记录。", en: "the record to correct was not found.")
        }
        _ = try CorrectableFields.apply(field, value, to: line.current)
        let correction = Correction(batchCode: batch, target: target, fields: [field: value], versionSeen: line.version, time: now)
        return try appendServerEntry(.correction(correction), author: author, node: conflict.node, at: now)
    }

    private func batchOfEvent(_ eventId: String) throws -> TraceCode? {
        try database.row("SELECT batch_code FROM events WHERE id = ?", eventId)?.string("batch_code").flatMap {
            try? TraceCode(parsing: $0)
        }
    }

    private func badResolution(zh: String, en: String) -> TraceSyncError {
        TraceSyncError(.badResolution, field: "action", zh: zh, en: en)
    }
}
