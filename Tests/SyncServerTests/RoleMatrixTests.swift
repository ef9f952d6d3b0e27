import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// Every operation of openapi.json that takes an admin session, tried by every kind of caller against the live
/// router: the roles its `x-roles` names get through, the others get 403 `forbidden`, a node admin of another node
/// gets 403 on anything of node 46010001, and no token or an expired session gets 401.
@Suite struct RoleMatrixTests {
    /// Who calls.
    enum Caller: String, CaseIterable {
        case province, nodeOwn = "node.own", nodeOther = "node.other", auditor, noToken, expired
    }

    /// One documented admin operation.
    struct Operation {
        let method: String
        let path: String
        let roles: [String]
        let parameters: Set<String>
        let bodySchema: String?

        var name: String { "\(method.uppercased()) \(path)" }
        /// Whether the operation reaches one node's data (a conflict, a code, a node parameter).
        var isNodeScoped: Bool { !parameters.isDisjoint(with: ["id", "code", "node"]) }
    }

    /// The admin operations of the served document.
    static func operations(_ server: ServerHarness) async throws -> [Operation] {
        let text = try await server.send(.get, "/openapi.json").text
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        return paths.flatMap { path, methods in
            methods.compactMap { method, operation -> Operation? in
                let security = operation["security"] as? [[String: Any]] ?? []
                guard security.contains(where: { $0["adminToken"] != nil }) else { return nil }
                let parameters = (operation["parameters"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                let body = ((operation["requestBody"] as? [String: Any])?["content"] as? [String: [String: Any]])?[
                    "application/json"]?["schema"] as? [String: String]
                return Operation(method: method, path: path, roles: operation["x-roles"] as? [String] ?? [],
                                 parameters: Set(parameters), bodySchema: body?["$ref"]?.components(separatedBy: "/").last)
            }
        }.sorted { $0.name < $1.name }
    }

    /// Whether `caller` may use `operation`; nil when it must be refused with 401.
    static func allowed(_ caller: Caller, _ operation: Operation) -> Bool? {
        switch caller {
        case .noToken, .expired: nil
        case .province: operation.roles.contains("province")
        case .auditor: operation.roles.contains("auditor")
        case .nodeOwn: operation.roles.contains("node")
        case .nodeOther: operation.roles.contains("node") && !operation.isNodeScoped
        }
    }

    @Test func eachRoleIsAllowedOrRefusedOnEachAdminOperationAsDocumented() async throws {
        try await withServer { server in
            let sold = try await server.oversold()
            let batchCode = try sold.batchCode
            var tokens: [Caller: String] = [
                .province: try server.adminToken(),
                .nodeOwn: try server.session(of: Caller.nodeOwn.rawValue, role: .node, nodes: ["46010001"]),
                .nodeOther: try server.session(of: Caller.nodeOther.rawValue, role: .node, nodes: ["46010002"]),
                .auditor: try server.session(of: Caller.auditor.rawValue, role: .auditor),
                .expired: try server.session(of: "expired", role: .province),
            ]
            try server.admin { store in
                try store.database.run("UPDATE admin_sessions SET last_used_at = last_used_at - 1860000 WHERE name = 'expired'")
                try store.addAdminUser(name: "someone", role: .auditor, nodes: [], password: ServerHarness.adminPassword)
            }
            let complaint = try server.admin { store in
                try store.fileComplaint(ComplaintDraft(category: "other", text: "核对 / check", phone: nil), code: batchCode, perCodePerDay: 5)
            }
            let finding = try #require(try server.admin { store in try store.runAllChecks(); return try store.findings().first })
            let today = BusinessTime.dayOf(BusinessTime.now())
            let operations = try await Self.operations(server)
            #expect(operations.count >= 12)
            var added = 0
            for operation in operations {
                #expect(!operation.roles.isEmpty, "\(operation.name) has no x-roles")
                let id = operation.path.hasPrefix("/v1/admin/devices/") ? sold.first.deviceId
                    : operation.path.hasPrefix("/v1/admin/complaints/") ? "\(complaint.id)"
                    : operation.path.hasPrefix("/v1/admin/findings/") ? "\(finding.id)"
                    : operation.path.hasPrefix("/v1/admin/operators/") ? "OP-46010001-001" : "\(sold.conflict.id)"
                var uri = operation.path.replacingOccurrences(of: "{id}", with: id)
                    .replacingOccurrences(of: "{code}", with: batchCode).replacingOccurrences(of: "{kind}", with: "batches")
                    .replacingOccurrences(of: "{name}", with: "someone")
                var query: [String] = []
                if operation.parameters.contains("from") { query += ["from=\(today)", "to=\(today)"] }
                if operation.parameters.contains("node") { query.append("node=46010001") }
                if !query.isEmpty { uri += "?" + query.joined(separator: "&") }
                for caller in Caller.allCases {
                    var token = tokens[caller]
                    if operation.path == "/v1/auth/logout", caller != .expired, caller != .noToken {
                        token = try server.session(of: caller == .province ? "province" : caller.rawValue, role: .auditor)
                    }
                    added += 1
                    let body = try Self.body(operation.bodySchema, serial: added)
                    let response = try await server.send(HTTPRequest.Method(operation.method.uppercased())!, uri,
                                                         body: body, secret: token)
                    let status = response.status.code
                    switch Self.allowed(caller, operation) {
                    case nil:
                        #expect(status == 401, "\(caller) \(operation.name): \(response.text)")
                    case true?:
                        #expect(status != 401 && status != 403 && status < 500, "\(caller) \(operation.name): \(response.text)")
                    case false?:
                        #expect(status == 403, "\(caller) \(operation.name): \(response.text)")
                        #expect(try response.apiError.code == "forbidden", "\(caller) \(operation.name)")
                    }
                }
            }
            tokens.removeAll()
        }
    }

    /// A request body of the schema, each one different (`serial`) so that adding users never collides.
    static func body(_ schema: String?, serial: Int) throws -> String? {
        switch schema {
        case nil: nil
        case "ResolveRequest": #"{"action":"accept","note":"检查过 / checked"}"#
        case "ReleaseRequest": #"{"note":"复检合格 / re-test passed"}"#
        case "ComplaintAnswer": #"{"status":"in_progress"}"#
        case "FindingFollowUp": #"{"status":"followed_up","note":"已核实 / checked"}"#
        case "CreditSettings": #"{"publicGrade":false}"#
        case "NewAdminUser": #"{"name":"user-\#(serial)","role":"auditor","password":"Haikou-Mango-2026"}"#
        case let other?: throw UnknownBody(schema: other)
        }
    }

    /// An admin operation whose body this test cannot make yet: add a sample to `body(_:serial:)`.
    struct UnknownBody: Error { let schema: String }
}
