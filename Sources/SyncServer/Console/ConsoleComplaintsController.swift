import Hummingbird
import Logging
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /console/complaints` (the queue), `GET /console/complaints/{id}` (one complaint with the trace attached at
/// filing) and the form `POST /console/complaints/{id}`. The same role and node checks as `/v1/admin/complaints`:
/// every role reads, a node admin only their nodes; province and node admins answer, audited as `complaint.answer`.
/// Phone numbers are masked.
struct ConsoleComplaintsController {
    let service: CentralService

    /// The routes, to add at `/console` behind `ConsoleAuthMiddleware`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("complaints", use: queue)
            .get("complaints/{id}", use: detail)
            .post("complaints/{id}", use: answer)
    }

    /// The queue filtered by node and status (received and in progress unless another is chosen), newest first.
    @Sendable func queue(request: Request, context: SyncRequestContext) async throws -> Response {
        let admin = try context.requireRole(.province, .node, .auditor)
        let parameters = request.uri.queryParameters
        let statusText = parameters.get("status") ?? "open"
        let query = try ComplaintQuery(node: parameters.get("node"), status: statusText == "open" ? nil : statusText)
        if let node = query.node { try context.requireNode(node) }
        let complaints = try await service.complaints(query.filter)
            .filter { admin.mayAccess(node: $0.node) && (statusText != "open" || $0.status != .answered) }
        let nodes = try await service.nodes().filter { admin.mayAccess(node: $0.code) }
        let body = ConsoleComplaintsPage.filterForm(node: query.node, status: statusText, nodes: nodes)
            + ConsoleComplaintsPage.table(complaints.map(\.masked))
        return try ConsolePage.response(title: ConsoleComplaintsPage.title, context: context, body: body)
    }

    /// One complaint: what the shopper reported, the trace as it stood, and the answer form for who may answer.
    @Sendable func detail(request: Request, context: SyncRequestContext) async throws -> Response {
        let admin = try context.requireRole(.province, .node, .auditor)
        let id = try AdminComplaintController.id(context)
        try await AdminComplaintController.requireMay(answer: id, admin: admin, service: service)
        let complaint = try await service.complaint(id)
        let session = try context.requireConsole()
        let mayAnswer = [.province, .node].contains(admin.role)
        let body = ConsoleComplaintsPage.detail(complaint.masked, csrf: mayAnswer ? session.csrf : nil,
                                                answered: request.uri.queryParameters.get("done") != nil)
        return try ConsolePage.response(title: LocalizedText(zh: "投诉 #\(id)", en: "Complaint #\(id)"), context: context, body: body)
    }

    /// Takes the complaint up or answers it as the form says, as `POST /v1/admin/complaints/{id}` does; then its page.
    @Sendable func answer(request: Request, context: SyncRequestContext) async throws -> Response {
        var request = request
        let id = try AdminComplaintController.id(context)
        context.trail.action = "complaint.answer"
        context.trail.target = "complaint:\(id)"
        let admin = try context.requireRole(.province, .node)
        try await AdminComplaintController.requireMay(answer: id, admin: admin, service: service)
        let form = try await ConsoleForm.read(&request)
        let answer = try Self.answer(form)
        context.trail.detail = AdminComplaintController.detail(answer)
        let complaint = try await service.answerComplaint(id, answer, author: admin.name)
        context.logger.info("complaint answered", metadata: ["complaint.id": "\(id)", "complaint.status": "\(complaint.status.rawValue)"])
        return ConsolePage.redirect("/console/complaints/\(id)?done=1")
    }

    /// The answer a form asks for; `ComplaintAnswer.checked()` refuses what is missing.
    static func answer(_ form: ConsoleForm) throws -> ComplaintAnswer {
        let status = try ComplaintQuery.status(try form.require("status", zh: "状态", en: "the status"))
        let upheld: Bool? = switch form["upheld"] {
        case "yes": true
        case "no": false
        default: nil
        }
        return ComplaintAnswer(status: status, reply: form["reply"], upheld: upheld)
    }
}
