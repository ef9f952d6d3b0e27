import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
import Testing
@testable import SyncServer

/// The console's findings queue (`/console/findings`): its filters, its scope (a node admin sees and acts on their
/// node only), the follow-up forms (audited as the API's `finding.follow_up`), the CSV, and the overview's counts.
/// Each market oversells one batch, so each node has a `batch_balance` (high) and an `operator_day_balance` (high)
/// finding and an open `oversold` conflict.
@Suite struct ConsoleFindingsTests {
    static func finding(_ server: ServerHarness, node: String, check: String = "batch_balance") throws -> FindingRecord {
        try #require(try server.admin { try $0.findings(FindingFilter(node: node, check: check)) }.first)
    }

    @Test func theQueueListsTheFindingsWithTheirEvidenceAndFiltersThem() async throws {
        try await withServer { server in
            try await AdminFindingsRouteTests.twoMarkets(server)
            let first = try Self.finding(server, node: "46010001"), second = try Self.finding(server, node: "46010002")
            let day = try Self.finding(server, node: "46010001", check: "operator_day_balance")
            try server.addUser("province", role: .province)
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("province")

            let page = try await browser.send(.get, "/console/findings")
            #expect(page.status == .ok)
            #expect(page.text.contains("<a href=\"/console/findings\">核查发现"), "the header links the page")
            #expect(page.text.contains("批次进销平衡 <span class=\"en\">batch balance</span>"))
            #expect(page.text.contains("超出 excess: 9.5 kg"), "the evidence in plain words")
            #expect(page.text.contains("/console/recall?code=\(first.finding.subject.id)"), "the batch links to its recall")
            #expect(page.text.contains("/console/operators?node=46010001\">OP-46010001-001</a>"), "the operator links to its node's operators")
            #expect(page.text.contains("href=\"/console/findings.csv?status=open\""))
            let link = { (record: FindingRecord) in "href=\"/console/findings/\(record.id)\"" }
            let listed: [String: [FindingRecord]] = [
                "": [first, second, day], "?node=46010002": [second], "?check=operator_day_balance": [day],
                "?severity=high&node=46010001": [first, day], "?severity=info": [], "?status=dismissed": [], "?status=": [first, second, day],
            ]
            for (query, shown) in listed {
                let page = try await browser.send(.get, "/console/findings" + query)
                #expect(page.status == .ok, "\(query)")
                for record in [first, second, day] {
                    #expect(page.text.contains(link(record)) == shown.contains(record), "\(query) #\(record.id)")
                }
            }
            let bad = try await browser.send(.get, "/console/findings?check=nonsense")
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("nonsense") && bad.text.contains("batch_balance"))

            let detail = try await browser.send(.get, "/console/findings/\(first.id)")
            #expect(detail.status == .ok)
            #expect(detail.text.contains("进场量 <span class=\"en\">received</span></td><td>120.5 kg"))
            #expect(detail.text.contains("id=\"follow-up-dismiss\"") && detail.text.contains("id=\"follow-up-conflict\""))
            #expect(try await browser.send(.get, "/console/findings/99999").status == .notFound)
        }
    }

    @Test func aNodeAdminSeesAndActsOnlyOnTheirNode() async throws {
        try await withServer { server in
            try await AdminFindingsRouteTests.twoMarkets(server)
            let mine = try Self.finding(server, node: "46010001"), theirs = try Self.finding(server, node: "46010002")
            try server.addUser("nanbei", role: .node, nodes: ["46010001"])
            var browser = ConsoleBrowser(server: server)
            let csrf = try await browser.signIn("nanbei")

            let page = try await browser.send(.get, "/console/findings?status=")
            #expect(page.text.contains("/console/findings/\(mine.id)\""))
            #expect(!page.text.contains("/console/findings/\(theirs.id)\""), "another node's finding is not listed")
            #expect(!page.text.contains("46010002"), "nor is the other node offered")
            #expect(try await browser.send(.get, "/console/findings?node=46010002").status == .forbidden)
            #expect(try await browser.send(.get, "/console/findings/\(theirs.id)").status == .forbidden)
            let csv = try await browser.send(.get, "/console/findings.csv?status=")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.split(separator: "\r\n").count == 3, "the header and this node's two findings")
            #expect(!csv.text.contains("46010002"))

            let post = try await browser.send(.post, "/console/findings/\(theirs.id)",
                                              form: ["csrf": csrf, "status": "dismissed", "note": "不是我的 / not mine"])
            #expect(post.status == .forbidden)
            #expect(try server.admin { try $0.finding(theirs.id) }.status == .open)

            let otherConflict = try #require(try server.admin { try $0.conflictQueue(status: .open, kind: nil, node: "46010002") }.first)
            let linked = try await browser.send(.post, "/console/findings/\(mine.id)",
                                                form: ["csrf": csrf, "status": "opened_as_conflict", "conflictId": String(otherConflict.id), "note": "x"])
            #expect(linked.status == .forbidden, "another node's conflict cannot be linked")
            #expect(try server.admin { try $0.finding(mine.id) }.status == .open)
        }
    }

    @Test func theFormsFollowUpDismissWithANoteAndOpenAsAConflictAuditedAsTheAPI() async throws {
        try await withServer { server in
            try await AdminFindingsRouteTests.twoMarkets(server)
            let record = try Self.finding(server, node: "46010001")
            let other = try Self.finding(server, node: "46010001", check: "operator_day_balance")
            let conflict = try #require(try server.admin { try $0.conflictQueue(status: .open, kind: .oversold, node: "46010001") }.first)
            try server.addUser("nanbei", role: .node, nodes: ["46010001"])
            var browser = ConsoleBrowser(server: server)
            let csrf = try await browser.signIn("nanbei")
            let uri = "/console/findings/\(record.id)"

            let page = try await browser.send(.get, uri)
            #expect(page.text.contains("<option value=\"\(conflict.id)\">#\(conflict.id) 超卖"), "the node's open conflict is offered")
            let noNote = try await browser.send(.post, uri, form: ["csrf": csrf, "status": "dismissed", "note": "  "])
            #expect(noNote.status == .badRequest)
            #expect(noNote.text.contains("跟进说明"))
            #expect(try server.admin { try $0.finding(record.id) }.status == .open)

            let dismissed = try await browser.send(.post, uri, form: ["csrf": csrf, "status": "dismissed", "note": "称重录错，已更正 / weighing typo"])
            #expect(dismissed.status == .seeOther)
            #expect(dismissed.headers[.location] == uri + "?done=1")
            let stored = try server.admin { try $0.finding(record.id) }
            #expect(stored.status == .dismissed && stored.note == "称重录错，已更正 / weighing typo" && stored.followedUpBy == "nanbei")
            let shown = try await browser.send(.get, uri + "?done=1").text
            #expect(shown.contains("<strong id=\"status\">已排除 <span class=\"en\">dismissed</span>"))
            #expect(shown.contains("称重录错，已更正 / weighing typo") && shown.contains("id=\"follow-up-reopen\""))

            let opened = try await browser.send(.post, "/console/findings/\(other.id)",
                                                form: ["csrf": csrf, "status": "opened_as_conflict", "conflict": String(conflict.id), "note": "同一批次 / same batch"])
            #expect(opened.status == .seeOther)
            let linked = try server.admin { try $0.finding(other.id) }
            #expect(linked.status == .openedAsConflict && linked.conflictId == conflict.id)
            #expect(try await browser.send(.get, "/console/findings/\(other.id)").text.contains("<a href=\"/console/conflicts/\(conflict.id)\">"))
            let followed = try await browser.send(.post, "/console/findings/\(other.id)", form: ["csrf": csrf, "status": "followed_up", "note": "已电话核实"])
            #expect(followed.status == .seeOther)
            #expect(try server.admin { try $0.finding(other.id) }.status == .followedUp)

            let audit = try server.admin { try $0.auditRecords(action: "finding.follow_up") }.map(\.event)
            #expect(audit.map(\.status) == [400, 303, 303, 303])
            #expect(audit.map(\.target) == [String(record.id), String(record.id), String(other.id), String(other.id)])
            #expect(audit.map(\.actor).allSatisfy { $0 == "user:nanbei" })
            #expect(audit.map(\.detail) == [nil, "dismissed", "opened_as_conflict", "followed_up"])
        }
    }

    @Test func aPostWithoutItsCSRFTokenOrByAnAuditorChangesNothing() async throws {
        try await withServer { server in
            try await AdminFindingsRouteTests.twoMarkets(server)
            let record = try Self.finding(server, node: "46010001")
            try server.addUser("province", role: .province)
            try server.addUser("auditor", role: .auditor)
            var browser = ConsoleBrowser(server: server), auditor = ConsoleBrowser(server: server)
            try await browser.signIn("province")
            let auditorCSRF = try await auditor.signIn("auditor")
            let uri = "/console/findings/\(record.id)"
            let forged = try await browser.send(.post, uri, form: ["status": "dismissed", "note": "伪造 / forged"])
            #expect(forged.status == .forbidden)
            #expect(forged.text.contains("安全令牌"))
            let page = try await auditor.send(.get, uri)
            #expect(page.status == .ok && !page.text.contains("method=\"post\" action=\"\(uri)\""), "an auditor reads, with no form")
            let refused = try await auditor.send(.post, uri, form: ["csrf": auditorCSRF, "status": "dismissed", "note": "x"])
            #expect(refused.status == .forbidden)
            #expect(try server.admin { try $0.finding(record.id) }.status == .open)
            let audit = try server.admin { try $0.auditRecords(action: "finding.follow_up") }.map(\.event)
            #expect(audit.map(\.status) == [403] && audit.first?.actor == "user:auditor")
        }
    }

    @Test func theOverviewCountsOpenFindingsBySeverityAndCheckOfTheAdminsNodes() async throws {
        try await withServer { server in
            try await AdminFindingsRouteTests.twoMarkets(server)
            let dismissed = try Self.finding(server, node: "46010002", check: "operator_day_balance")
            _ = try server.admin { try $0.followUp(dismissed.id, FindingFollowUp(status: .dismissed, note: "x"), author: "t") }
            try server.addUser("province", role: .province)
            try server.addUser("longkun", role: .node, nodes: ["46010002"])
            var province = ConsoleBrowser(server: server), longkun = ConsoleBrowser(server: server)
            try await province.signIn("province")
            try await longkun.signIn("longkun")
            let tile = "Open findings</span><a href=\"/console/findings\"><div class=\"num\">"
            let all = try await province.send(.get, "/console").text
            #expect(all.contains(tile + "3<"))
            #expect(all.contains("<a href=\"/console/findings?status=open&amp;severity=high\">严重 <span class=\"en\">high</span></a></td><td>3<"))
            #expect(all.contains("<a href=\"/console/findings?status=open&amp;check=batch_balance\">批次进销平衡 <span class=\"en\">batch balance</span></a></td><td>2<"))
            #expect(all.contains("check=operator_day_balance\">经营户每日平衡 <span class=\"en\">operator day balance</span></a></td><td>1<"))
            let own = try await longkun.send(.get, "/console").text
            #expect(own.contains(tile + "1<"))
            #expect(own.contains("check=batch_balance\">批次进销平衡 <span class=\"en\">batch balance</span></a></td><td>1<"))
            #expect(!own.contains("check=operator_day_balance"), "the dismissed finding is not open")
            let followed = try await longkun.send(.get, "/console/findings?status=open&check=batch_balance")
            let theirs = try Self.finding(server, node: "46010002")
            #expect(followed.status == .ok && followed.text.contains("/console/findings/\(theirs.id)\""))
        }
    }
}
