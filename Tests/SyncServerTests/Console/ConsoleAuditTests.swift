import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// The console's audit log page: for province admins and auditors only, filtered, with the chain's verify result.
@Suite struct ConsoleAuditTests {
    @Test(arguments: [AdminRole.province, .auditor])
    func provinceAdminsAndAuditorsSeeTheLogNewestFirstWithAnIntactChain(role: AdminRole) async throws {
        try await withServer { server in
            _ = try await server.enroll()
            try server.addUser("li.reader", role: role)
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("li.reader")
            let page = try await browser.send(.get, "/console/audit")
            #expect(page.status == .ok)
            #expect(page.text.contains("id=\"audit-verify\"><p>审计链完整"))
            let login = try #require(page.text.range(of: "<td>auth.login</td>"))
            let enroll = try #require(page.text.range(of: "<td>device.enroll</td>"))
            #expect(login.lowerBound < enroll.lowerBound, "the sign-in came after the enrollment and is listed first")
        }
    }

    @Test func theFiltersNarrowTheRecordsByActionPrefixAndActor() async throws {
        try await withServer { server in
            _ = try await server.enroll()
            try server.addUser("li.province", role: .province)
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("li.province")
            let devices = try await browser.send(.get, "/console/audit?action=device")
            #expect(devices.text.contains("<td>device.enroll</td>") && !devices.text.contains("<td>auth.login</td>"))
            let mine = try await browser.send(.get, "/console/audit?actor=user%3Ali.province")
            #expect(mine.text.contains("<td>auth.login</td>") && !mine.text.contains("<td>device.enroll</td>"))
            let bad = try await browser.send(.get, "/console/audit?since=yesterday")
            #expect(bad.status == .badRequest)
        }
    }

    @Test func anAlteredRecordShowsTheChainBroken() async throws {
        try await withServer { server in
            _ = try await server.enroll()
            let database = try Database(path: server.databasePath)
            try database.execute("DROP TRIGGER audit_log_no_update")
            try database.run("UPDATE audit_log SET actor = 'user:mallory' WHERE seq = 1")
            try server.addUser("qian.audit", role: .auditor)
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("qian.audit")
            let page = try await browser.send(.get, "/console/audit")
            #expect(page.text.contains("class=\"error\" id=\"audit-verify\""))
            #expect(page.text.contains("审计记录 #1 与其哈希不符") && page.text.contains("audit record #1 does not match its hash"))
        }
    }

    @Test func aNodeAdminIsRefusedAndNoSessionIsSentToSignIn() async throws {
        try await withServer { server in
            try server.addUser("wang.own", role: .node, nodes: ["46010001"])
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("wang.own")
            let refused = try await browser.send(.get, "/console/audit")
            #expect(refused.status == .forbidden && !refused.text.contains("auth.login</td>"))
            var anonymous = ConsoleBrowser(server: server)
            #expect(try await anonymous.send(.get, "/console/audit").status == .seeOther)
        }
    }
}
