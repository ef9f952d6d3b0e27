import Hummingbird
import Logging
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /v1/admin/complaints` and `POST /v1/admin/complaints/{id}`: shoppers' complaints in the queue of the node
/// that sold the goods, and an admin taking one up or answering it. Added behind `AdminAuthMiddleware`. Every role
/// may read (a node admin only their nodes' complaints), phone numbers masked; province and node admins answer, a
/// node admin only their nodes' complaints (one of another node, or none at all, is 403 for them, so they cannot
/// tell which). Every answer is audited as `complaint.answer`.
struct AdminComplaintController {
    let service: CentralService
    /// Reads request bodies within the size limit.
    let body: JSONBody

    /// The routes, to add at `/v1/admin/complaints`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get(use: list)
            .post("{id}", use: answer)
    }

    /// The complaints, newest first, filtered by `node` and `status`.
    @Sendable func list(request: Request, context: SyncRequestContext) async throws -> [Complaint] {
        let admin = try context.requireRole(.province, .node, .auditor)
        let query = try ComplaintQuery(request.uri.queryParameters)
        if let node = query.node { try context.requireNode(node) }
        return try await service.complaints(query.filter).filter { admin.mayAccess(node: $0.node) }.map(\.masked)
    }

    /// Changes the complaint as the body says, on behalf of the authenticated admin; answers with it as stored.
    @Sendable func answer(request: Request, context: SyncRequestContext) async throws -> Complaint {
        let admin = try context.requireRole(.province, .node)
        let id = try Self.id(context)
        context.trail.action = "complaint.answer"
        context.trail.target = "complaint:\(id)"
        try await Self.requireMay(answer: id, admin: admin, service: service)
        let answer = try await body.decode(ComplaintAnswer.self, from: request)
        context.trail.detail = Self.detail(answer)
        let complaint = try await service.answerComplaint(id, answer, author: admin.name)
        context.logger.info("complaint answered", metadata: ["complaint.id": "\(id)", "complaint.status": "\(complaint.status.rawValue)"])
        return complaint.masked
    }

    /// Refuses a node admin a complaint of another node, or one that does not exist, alike (403).
    static func requireMay(answer id: Int64, admin: AdminPrincipal, service: CentralService) async throws {
        guard admin.isLimitedToNodes else { return }
        let complaint = try await service.knownComplaint(id)
        guard complaint.map({ admin.mayAccess(node: $0.node) }) ?? false else {
            let mine = admin.nodes.joined(separator: ", ")
            throw TraceSyncError(.forbidden, field: "id",
                                 zh: "无权处理投诉 \(id)：节点管理员只能处理自己节点（\(mine)）的投诉。",
                                 en: "not allowed to answer complaint \(id): a node admin answers only their own nodes' (\(mine)) complaints.")
        }
    }

    /// What the audit record says of an answer: its status and whether upheld, never the reply's text.
    static func detail(_ answer: ComplaintAnswer) -> String {
        "status: \(answer.status.rawValue)" + (answer.upheld.map { ", upheld: \($0 ? "yes" : "no")" } ?? "")
    }

    /// The `{id}` path parameter.
    /// - Throws: `TraceSyncError` `bad_parameter` when it is not a positive integer.
    static func id(_ context: SyncRequestContext) throws -> Int64 {
        let text = context.parameters.get("id") ?? ""
        guard let id = Int64(text), id > 0 else {
            throw TraceSyncError(.badParameter, field: "id",
                                 zh: "投诉编号 \(text) 无效：应为正整数，如 /v1/admin/complaints/3。",
                                 en: "complaint id \(text) is not valid: use a positive integer, e.g. /v1/admin/complaints/3.")
        }
        return id
    }
}
