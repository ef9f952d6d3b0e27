import Hummingbird
import Logging
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /console/conflicts` (the queue), `GET /console/conflicts/{id}` (one conflict), and the forms
/// `POST /console/conflicts/{id}/resolve` and `POST /console/conflicts/{id}/release` (release the hold of the
/// conflict's batch). The same role and node checks as `/v1/admin/conflicts` and `/v1/admin/batches/{code}/release`:
/// every role reads, a node admin only their nodes; province and node admins act, each action with a note, audited
/// as `conflict.resolve` and `hold.release`.
struct ConsoleConflictsController {
    let service: CentralService

    /// The routes, to add at `/console` behind `ConsoleAuthMiddleware`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("conflicts", use: queue)
            .get("conflicts/{id}", use: detail)
            .post("conflicts/{id}/resolve", use: resolve)
            .post("conflicts/{id}/release", use: release)
    }

    /// The queue filtered by node, kind, status and the day it opened (UTC+8), food-safety kinds first, then
    /// newest first.
    @Sendable func queue(request: Request, context: SyncRequestContext) async throws -> Response {
        let admin = try context.requireRole(.province, .node, .auditor)
        let filter = try ConsoleConflictFilter(request.uri.queryParameters)
        if let node = filter.query.node { try context.requireNode(node) }
        let records = try await service.conflicts(status: filter.query.status, kind: filter.query.kind, node: filter.query.node)
            .filter { admin.mayAccess(node: $0.node) && filter.admits($0) }
        let ordered = ConsoleConflictText.queueOrder(records)
        let nodes = try await service.nodes().filter { admin.mayAccess(node: $0.code) }
        let body = ConsoleConflictQueuePage.filterForm(filter, nodes: nodes) + ConsoleConflictQueuePage.table(ordered)
        return try ConsolePage.response(title: LocalizedText(zh: "冲突队列", en: "Conflict queue"), context: context, body: body)
    }

    /// One conflict: its batch's timeline, the candidates side by side, balance and buyers, and the actions its
    /// kind takes; a settled one shows its resolution and the server entry devices pull.
    @Sendable func detail(request: Request, context: SyncRequestContext) async throws -> Response {
        try context.requireRole(.province, .node, .auditor)
        let record = try await service.conflict(try Self.id(context))
        try context.requireNode(record.node)
        let session = try context.requireConsole()
        let code = record.batchCode ?? ""
        let timeline = try await service.batchTimeline(code)
        let state = try await service.batchState(code)
        var entry: JournalEntry?
        if let seq = record.resolution?.serverSeq { entry = try await service.serverEntry(seq) }
        let mayAct = [.province, .node].contains(session.admin.role)
        let page = ConsoleConflictPage(
            record: record, timeline: timeline, state: state, serverEntry: entry, csrf: mayAct ? session.csrf : nil,
            notice: request.uri.queryParameters.get("done")
        )
        let title = LocalizedText(zh: "冲突 #\(record.id) \(record.kind.label.zh)", en: "Conflict #\(record.id) \(record.kind.label.en)")
        return try ConsolePage.response(title: title, context: context, body: page.html)
    }

    /// Settles the conflict as the form says, as `POST /v1/admin/conflicts/{id}/resolve` does; then its page.
    @Sendable func resolve(request: Request, context: SyncRequestContext) async throws -> Response {
        var request = request
        let id = try Self.id(context)
        context.trail.action = "conflict.resolve"
        context.trail.target = "conflict:\(id)"
        let admin = try context.requireRole(.province, .node)
        try context.requireNode(try await service.conflict(id).node)
        let form = try await ConsoleForm.read(&request)
        let decision = try Self.decision(form)
        let record = try await service.resolve(id, decision, author: admin.name)
        context.logger.info("conflict resolved", metadata: [
            "conflict.id": "\(id)", "conflict.kind": "\(record.kind.rawValue)", "resolution.action": "\(decision.action.rawValue)",
        ])
        return ConsolePage.redirect("/console/conflicts/\(id)?done=resolved")
    }

    /// Releases the hold of the conflict's batch with the form's note, as `POST /v1/admin/batches/{code}/release`
    /// does; then the conflict's page.
    @Sendable func release(request: Request, context: SyncRequestContext) async throws -> Response {
        var request = request
        let id = try Self.id(context)
        context.trail.action = "hold.release"
        let admin = try context.requireRole(.province, .node)
        let record = try await service.conflict(id)
        try context.requireNode(record.node)
        guard let code = record.batchCode else {
            throw TraceSyncError(.notHeld, field: "code", zh: "此冲突没有批次，无扣留可解除。", en: "this conflict has no batch, so no hold to release.")
        }
        context.trail.target = code
        try context.requireNode(try await service.batchNode(code))
        let form = try await ConsoleForm.read(&request)
        let note = try form.require("note", zh: "说明（为何可以解除扣留）", en: "a note (why the hold may be released)")
        let released = try await service.releaseHold(code, ReleaseRequest(note: note), author: admin.name)
        context.logger.info("hold released", metadata: ["batch.code": "\(released.code)", "server.seq": "\(released.serverSeq)"])
        return ConsolePage.redirect("/console/conflicts/\(id)?done=released")
    }

    /// The resolution a form asks for; the store checks it applies to the conflict.
    static func decision(_ form: ConsoleForm) throws -> ResolveRequest {
        let actionText = try form.require("action", zh: "处理方式", en: "the action")
        guard let action = ResolutionAction(rawValue: actionText) else {
            throw TraceSyncError(.badResolution, field: "action", zh: "未知的处理方式 \(actionText)。", en: "unknown action \(actionText).")
        }
        let note = try form.require("note", zh: "处理说明", en: "a note on the decision")
        var candidate: Int?
        if action == .choose {
            let text = try form.require("candidate", zh: "要选定的候选值", en: "the candidate to choose")
            guard let value = Int(text) else {
                throw TraceSyncError(.badResolution, field: "candidate", zh: "候选编号 \(text) 无效。", en: "candidate \(text) is not valid.")
            }
            candidate = value
        }
        let value = action == .set ? try form.require("value", zh: "新值", en: "the new value") : nil
        let eventId = action == .void ? try form.require("eventId", zh: "要作废的记录", en: "the event to void") : nil
        return ResolveRequest(action: action, candidate: candidate, value: value, eventId: eventId, note: note)
    }

    /// The `{id}` path parameter.
    /// - Throws: `TraceSyncError` `bad_parameter` when it is not a positive integer.
    private static func id(_ context: SyncRequestContext) throws -> Int64 {
        let text = context.parameters.get("id") ?? ""
        guard let id = Int64(text), id > 0 else {
            throw TraceSyncError(.badParameter, field: "id",
                                 zh: "冲突编号 \(text) 无效：应为正整数，如 /console/conflicts/3。",
                                 en: "conflict id \(text) is not valid: use a positive integer, e.g. /console/conflicts/3.")
        }
        return id
    }
}
