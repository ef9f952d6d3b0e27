import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// The devices page and its actions as each kind of admin, like `RoleMatrixTests` for the API: a province admin,
/// a node admin of 46010001 (whose device is at stake), a node admin of 46010002, an auditor, and no session.
@Suite struct ConsoleDevicesRoleTests {
    enum Caller: String, CaseIterable {
        case province, nodeOwn = "node.own", nodeOther = "node.other", auditor, none
    }

    /// What each request answers, and whether the caller sees the 46010001 device and the 46010002 one.
    struct Expected {
        let list: HTTPResponse.Status
        let seesOwn: Bool
        let seesOther: Bool
        let filterOwn: HTTPResponse.Status
        let revoke: HTTPResponse.Status
        let issue: HTTPResponse.Status
    }

    static func expected(_ caller: Caller) -> Expected {
        switch caller {
        case .province: Expected(list: .ok, seesOwn: true, seesOther: true, filterOwn: .ok, revoke: .seeOther, issue: .ok)
        case .nodeOwn: Expected(list: .ok, seesOwn: true, seesOther: false, filterOwn: .ok, revoke: .seeOther, issue: .ok)
        case .nodeOther: Expected(list: .ok, seesOwn: false, seesOther: true, filterOwn: .forbidden, revoke: .forbidden, issue: .forbidden)
        case .auditor: Expected(list: .ok, seesOwn: true, seesOther: true, filterOwn: .ok, revoke: .forbidden, issue: .forbidden)
        case .none: Expected(list: .seeOther, seesOwn: false, seesOther: false, filterOwn: .seeOther, revoke: .unauthorized, issue: .unauthorized)
        }
    }

    @Test(arguments: Caller.allCases)
    func eachCallerSeesAndTouchesOnlyWhatTheirRoleAllows(caller: Caller) async throws {
        try await withServer { server in
            let own = try await server.enroll(node: "46010001")
            let other = try await server.enroll(node: "46010002")
            var browser = ConsoleBrowser(server: server)
            var csrf = ""
            switch caller {
            case .province: try server.addUser("li.province", role: .province)
            case .nodeOwn: try server.addUser("wang.own", role: .node, nodes: ["46010001"])
            case .nodeOther: try server.addUser("zhao.other", role: .node, nodes: ["46010002"])
            case .auditor: try server.addUser("qian.audit", role: .auditor)
            case .none: break
            }
            let names: [Caller: String] = [.province: "li.province", .nodeOwn: "wang.own", .nodeOther: "zhao.other", .auditor: "qian.audit"]
            if let name = names[caller] { csrf = try await browser.signIn(name) }
            let expected = Self.expected(caller)

            let list = try await browser.send(.get, "/console/devices")
            #expect(list.status == expected.list)
            #expect(list.text.contains(own.deviceId) == expected.seesOwn)
            #expect(list.text.contains(other.deviceId) == expected.seesOther)
            #expect(list.text.contains("/revoke\"") == (caller != .auditor && caller != .none), "revoke forms only for who may revoke")
            let filtered = try await browser.send(.get, "/console/devices?node=46010001")
            #expect(filtered.status == expected.filterOwn)
            #expect(filtered.text.contains(other.deviceId) == false)

            let revoke = try await browser.send(.post, "/console/devices/\(own.deviceId)/revoke", form: ["csrf": csrf, "note": "测试"])
            #expect(revoke.status == expected.revoke)
            #expect(try server.admin { try $0.device(own.deviceId) }.revoked == (expected.revoke == .seeOther))
            let probe = try await browser.send(.post, "/console/devices/no-such-device/revoke", form: ["csrf": csrf, "note": "测试"])
            #expect(probe.status == (caller == .province ? .notFound : caller == .none ? .unauthorized : .forbidden),
                    "a node admin cannot tell an unknown device from another node's")

            let issue = try await browser.send(.post, "/console/devices/enroll-code", form: ["csrf": csrf, "node": "46010001"])
            #expect(issue.status == expected.issue)
            #expect(issue.text.contains("id=\"enroll-code\"") == (expected.issue == .ok))
        }
    }
}
