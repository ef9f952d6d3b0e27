import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// The console's credit page: each operator's score, grade and every input, bilingual, worst first; the public-grade
/// switch for province admins only, audited as its API twin; node admins at their own nodes only.
@Suite struct ConsoleCreditTests {
    @Test func theCreditPageShowsEveryInputBesideTheScoreWorstFirst() async throws {
        try await withServer { server in
            _ = try await server.oversold()
            try server.addUser("qian.audit", role: .auditor)
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("qian.audit")
            let page = try await browser.send(.get, "/console/credit?node=46010001")
            #expect(page.status == .ok)
            #expect(page.text.contains("经营户信用") && page.text.contains("Operator credit"))
            #expect(page.text.contains("信用分 = 100 − Σ 次数 × 每次扣分"))
            let rows = page.text.components(separatedBy: "<tr>").dropFirst(2)
            let first = try #require(rows.first)
            #expect(first.contains("OP-46010001-001"))
            #expect(first.contains("<strong>90</strong>"))
            #expect(first.contains("A 级（守信）"))
            #expect(first.components(separatedBy: "1 × 5 = −5").count == 3, "oversold and the missing certificate")
            #expect(!page.text.contains("/console/credit/public"), "an auditor is not offered the switch")
            let operators = try await browser.send(.get, "/console/operators?node=46010001")
            #expect(operators.text.contains("href=\"/console/credit?node=46010001\""))
        }
    }

    @Test func aProvinceAdminSwitchesThePublicGradeFromTheConsoleAndItIsAudited() async throws {
        try await withServer { server in
            try server.addUser("li.province", role: .province)
            var browser = ConsoleBrowser(server: server)
            let csrf = try await browser.signIn("li.province")
            let page = try await browser.send(.get, "/console/credit?node=46010001")
            #expect(page.text.contains("在公开页面显示等级"))
            let missing = try await browser.send(.post, "/console/credit/public", form: ["publicGrade": "on"])
            #expect(missing.status == .forbidden, "no CSRF token")
            let switched = try await browser.send(.post, "/console/credit/public",
                                                  form: ["csrf": csrf, "publicGrade": "on", "node": "46010001"])
            #expect(switched.status == .seeOther)
            #expect(switched.headers[.location] == "/console/credit?node=46010001&switched=1")
            #expect(try server.admin { try $0.creditSettings() }.publicGrade)
            let after = try await browser.send(.get, "/console/credit?node=46010001&switched=1")
            #expect(after.text.contains("在公开页面隐藏等级") && after.text.contains("已记入审计日志"))
            let records = try server.admin { try $0.auditRecords(action: "credit.settings") }.map(\.event)
            #expect(records.map(\.actor) == ["user:li.province"])
            #expect(records.map(\.target) == ["public_grade=on"])
        }
    }

    @Test func aNodeAdminSeesOnlyTheirNodeAndCannotSwitch() async throws {
        try await withServer { server in
            _ = try await server.oversold()
            try server.addUser("zhao.other", role: .node, nodes: ["46010002"])
            var browser = ConsoleBrowser(server: server)
            let csrf = try await browser.signIn("zhao.other")
            let refused = try await browser.send(.get, "/console/credit?node=46010001")
            #expect(refused.status == .forbidden)
            #expect(!refused.text.contains("OP-46010001-001"))
            let own = try await browser.send(.get, "/console/credit")
            #expect(own.status == .ok)
            #expect(own.text.contains("<option value=\"46010002\" selected>"))
            let switched = try await browser.send(.post, "/console/credit/public", form: ["csrf": csrf, "publicGrade": "on"])
            #expect(switched.status == .forbidden)
            #expect(try server.admin { try $0.creditSettings() }.publicGrade == false)
        }
    }
}
