import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `GET /console/devices`, `POST /console/devices/{id}/revoke` and `POST /console/devices/enroll-code`: the
/// devices of the admin's nodes, revoking one with a note, and issuing an enrollment code shown as text and as a QR
/// code. Every role may look (a node admin at their nodes only); province admins act on any node, node admins on
/// their own; each action is audited as its API or command twin (`device.revoke`, `enroll_code.issue`).
struct ConsoleDevicesController {
    let service: CentralService
    /// Whether the server runs TLS, so the enrollment URL says `https`.
    let secure: Bool

    /// The routes, to add at `/console` behind `ConsoleAuthMiddleware`.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .get("devices", use: list)
            .post("devices/{id}/revoke", use: revoke)
            .post("devices/enroll-code", use: issueCode)
    }

    /// The device table of one node (`?node=`) or of every node the admin may see, with the forms the role allows.
    @Sendable func list(request: Request, context: SyncRequestContext) async throws -> Response {
        let admin = try context.requireRole(.province, .node, .auditor)
        let node = request.uri.queryParameters.get("node").flatMap { $0.isEmpty ? nil : $0 }
        if let node { try context.requireNode(node) }
        let devices = try await service.deviceActivity(node: node).filter { admin.mayAccess(node: $0.device.node) }
        let nodes = try await service.nodes().filter { admin.mayAccess(node: $0.code) }
        let session = try context.requireConsole()
        let body = ConsoleDevicesPage.body(devices: devices, nodes: nodes, selected: node, admin: admin, csrf: session.csrf,
                                           now: await service.now())
        return try ConsolePage.response(title: ConsoleDevicesPage.title, context: context, body: body)
    }

    /// Revokes the device with the form's required note, then shows the device list again. A node admin naming a
    /// device outside their nodes, or no device at all, is refused with 403, as the API does.
    @Sendable func revoke(request: Request, context: SyncRequestContext) async throws -> Response {
        let admin = try context.requireRole(.province, .node)
        let id = context.parameters.get("id") ?? ""
        context.trail.action = "device.revoke"
        context.trail.target = id
        var request = request
        let form = try await ConsoleForm.read(&request)
        let note = try form.require("note", zh: "吊销原因", en: "the reason for revoking")
        let device = try await service.knownDevice(id)
        if admin.isLimitedToNodes, !(device.map { admin.mayAccess(node: $0.node) } ?? false) {
            let mine = admin.nodes.joined(separator: ", ")
            throw TraceSyncError(.forbidden, field: "id",
                                 zh: "无权吊销设备 \(id)：节点管理员只能吊销自己节点（\(mine)）的设备。",
                                 en: "not allowed to revoke device \(id): a node admin revokes only their own nodes' (\(mine)) devices.")
        }
        context.trail.detail = "note: \(note)"
        let revoked = try await service.revokeDevice(id)
        return ConsolePage.redirect("/console/devices?node=\(revoked.node)")
    }

    /// Issues a one-time enrollment code for the form's node and shows it as text, as the `field enroll` line and
    /// as a QR code of that line. The code is shown only on this page: it is stored hashed.
    @Sendable func issueCode(request: Request, context: SyncRequestContext) async throws -> Response {
        try context.requireRole(.province, .node)
        var request = request
        let form = try await ConsoleForm.read(&request)
        let node = try form.require("node", zh: "节点", en: "the node")
        context.trail.action = "enroll_code.issue"
        context.trail.target = node
        try context.requireNode(node)
        let issued = try await service.issueEnrollCode(node: node, expires: form["expires"] ?? "7d")
        let line = "field enroll \(try serverURL(of: request)) \(issued.code)"
        let body = try ConsoleDevicesPage.issued(code: issued.code, node: try await service.node(node), line: line,
                                                 expiresAt: issued.expiresAt)
        return try ConsolePage.response(title: LocalizedText(zh: "设备注册码", en: "Enrollment code"), context: context, body: body)
    }

    /// The URL devices reach this server at, as the admin's browser did: the scheme of this listener and the
    /// request's `Host`.
    private func serverURL(of request: Request) throws -> String {
        guard let host = request.head.authority, !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" }) else {
            throw TraceSyncError(.missingHost, field: "Host",
                                 zh: "请求缺少 Host 头，无法写出服务器地址：请用浏览器打开控制台后再签发。",
                                 en: "the request has no Host header, so the server URL is unknown: open the console in a browser and issue again.")
        }
        return "\(secure ? "https" : "http")://\(host)"
    }
}
