import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// `POST /v1/sync/push` and `GET /v1/sync/pull`: a device sends its journal and reads the server log in its scope.
/// Both need the device's bearer secret.
struct SyncController {
    let service: CentralService
    /// Reads request bodies within the size limit.
    let body: JSONBody
    /// The most entries one push may carry.
    let maxEntries: Int
    /// The page size of a pull that names none.
    static let defaultPullLimit = 500

    /// The routes, to add at `/v1/sync`, behind the device's authentication.
    var endpoints: RouteCollection<SyncRequestContext> {
        RouteCollection(context: SyncRequestContext.self)
            .add(middleware: DeviceAuthMiddleware(service: service))
            .post("push", use: push)
            .get("pull", use: pull)
    }

    /// Stores the pushed entries and answers with the acknowledged seq and a verdict for each. Entries of another
    /// device, or refused as out of the device's scope, are audited as a refused push of this device.
    @Sendable func push(request: Request, context: SyncRequestContext) async throws -> PushResponse {
        let device = try context.requireDevice()
        let pushed = try await body.decode(PushRequest.self, from: request)
        guard pushed.entries.count <= maxEntries else {
            throw TraceSyncError(.tooManyEntries, field: "entries",
                                 zh: "一次最多推送 \(maxEntries) 条记录，收到 \(pushed.entries.count) 条：请分批推送。",
                                 en: "a push may carry at most \(maxEntries) entries, got \(pushed.entries.count): push in batches.")
        }
        do {
            let response = try await service.push(device: device, entries: pushed.entries)
            Self.recordScopeRefusals(response, in: context.trail)
            return response
        } catch let refusal as TraceSyncError where refusal.code == .wrongDevice {
            context.trail.action = "sync.push"
            context.trail.refused = true
            context.trail.detail = "wrong_device \(refusal.field ?? "")"
            throw refusal
        }
    }

    /// The reasons of entry refusals that are a device acting beyond what it may — another node's data (OWASP's
    /// broken object level authorisation), an admin's act (a hold release): a push with any of them is audited as
    /// refused, although it answers 200.
    static let auditedReasons: Set<String> = ["out_of_scope", "release_not_allowed"]

    /// Marks the push as refused in the audit trail when entries were refused for a reason in `auditedReasons`,
    /// naming the reasons and the seqs (the first 20 of each).
    private static func recordScopeRefusals(_ response: PushResponse, in trail: AuditTrail) {
        let refused = Dictionary(grouping: response.verdicts.filter { auditedReasons.contains($0.reasonCode ?? "") },
                                 by: { $0.reasonCode ?? "" })
        guard !refused.isEmpty else { return }
        trail.action = "sync.push"
        trail.refused = true
        trail.detail = refused.keys.sorted().map { reason in
            let seqs = refused[reason]!.map(\.seq)
            let shown = seqs.prefix(20).map(String.init).joined(separator: ",")
            return "\(reason) seq \(shown)" + (seqs.count > 20 ? " and \(seqs.count - 20) more" : "")
        }.joined(separator: "; ")
    }

    /// Answers with a page of the server log in the device's scope.
    @Sendable func pull(request: Request, context: SyncRequestContext) async throws -> PullPage {
        let device = try context.requireDevice()
        let query = try PullQuery(request.uri.queryParameters, defaultLimit: Self.defaultPullLimit)
        if let node = query.node, node != device.node {
            throw TraceSyncError(.forbiddenScope, field: "node",
                                 zh: "本设备属于节点 \(device.node)，不能读取节点 \(node) 的数据：请去掉 node 参数或改为 \(device.node)。",
                                 en: "this device belongs to node \(device.node) and cannot read node \(node): drop the node parameter or use \(device.node).")
        }
        return try await service.pull(device: device, cursor: query.cursor, limit: query.limit)
    }
}
