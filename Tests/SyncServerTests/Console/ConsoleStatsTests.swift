import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing
import TestSupport

/// The console's stats and exports page and its downloads, as each kind of admin.
@Suite struct ConsoleStatsTests {
    @Test func todaysCountsShowPerNodeAndTheDownloadsAreTheAPIsExports() async throws {
        try await withServer { server in
            _ = try await TraceSample.pushed(to: server)
            try server.addUser("li.province", role: .province)
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("li.province")
            let today = BusinessTime.dayOf(BusinessTime.now())
            let page = try await browser.send(.get, "/console/stats")
            #expect(page.status == .ok)
            #expect(page.text.contains("<tr><td>\(today)</td><td>46010001</td><td>食用农产品 <span class=\"en\">edible farm products</span></td><td>1</td><td>1</td><td>1</td><td>100 %</td><td>1</td></tr>"))
            #expect(page.text.contains("href=\"/console/export/csv/sales?from=\(today)&amp;to=\(today)\""))
            #expect(page.text.contains("/console/export/feed?cursor=0"))

            let token = try server.adminToken()
            for kind in RegulatorCSV.allCases {
                let csv = try await browser.send(.get, "/console/export/csv/\(kind.rawValue)?from=\(today)&to=\(today)&node=46010001")
                #expect(csv.status == .ok)
                #expect(csv.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
                let api = try await server.send(.get, "/v1/export/csv/\(kind.rawValue)?from=\(today)&to=\(today)&node=46010001", secret: token)
                #expect(csv.text == api.text, "the same CSV as GET /v1/export/csv/\(kind.rawValue)")
            }
            let epcis = try await browser.send(.get, "/console/export/epcis?from=\(today)&to=\(today)")
            #expect(epcis.status == .ok && epcis.headers[.contentType] == "application/ld+json; charset=utf-8")
            #expect(try JSONValue.parse(epcis.text)["type"]?.stringValue == "EPCISDocument")
            let feed = try await browser.send(.get, "/console/export/feed?cursor=0&limit=1000")
            #expect(feed.status == .ok)
            #expect(try JSONDecoder().decode(FeedPage.self, from: Data(feed.text.utf8)).items.count >= 3)
            let exports = try server.admin { try $0.auditRecords(action: "export.request") }.map(\.event)
            #expect(exports.filter { $0.target?.hasPrefix("GET /console/export/") == true && $0.actor == "user:li.province" }.count == 5,
                    "each console download audited as export.request, as the API's are")
        }
    }

    @Test func aNodeAdminSeesOnlyTheirNodesAndDownloadsOnlyANamedOwnNode() async throws {
        try await withServer { server in
            _ = try await TraceSample.pushed(to: server)
            try server.addUser("zhao.other", role: .node, nodes: ["46010002"])
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("zhao.other")
            let today = BusinessTime.dayOf(BusinessTime.now())
            let page = try await browser.send(.get, "/console/stats")
            #expect(page.status == .ok)
            #expect(!page.text.contains("<td>46010001</td>"), "another node's counts stay hidden")
            #expect(!page.text.contains("/console/export/"), "no download without one of their nodes chosen")
            #expect(try await browser.send(.get, "/console/stats?node=46010001").status == .forbidden)
            #expect(try await browser.send(.get, "/console/export/csv/sales?from=\(today)&to=\(today)").status == .forbidden)
            #expect(try await browser.send(.get, "/console/export/csv/sales?from=\(today)&to=\(today)&node=46010001").status == .forbidden)
            #expect(try await browser.send(.get, "/console/export/epcis?from=\(today)&to=\(today)&node=46010001").status == .forbidden)
            #expect(try await browser.send(.get, "/console/export/feed").status == .forbidden, "the feed holds every node")
            let own = try await browser.send(.get, "/console/stats?node=46010002")
            #expect(own.text.contains("/console/export/csv/sales?from=\(today)&amp;to=\(today)&amp;node=46010002"))
            #expect(!own.text.contains("/console/export/feed"))
            #expect(try await browser.send(.get, "/console/export/csv/sales?from=\(today)&to=\(today)&node=46010002").status == .ok)
        }
    }

    @Test func anAuditorSeesEveryNodeAndABadDayOrNoSessionIsRefused() async throws {
        try await withServer { server in
            _ = try await TraceSample.pushed(to: server)
            try server.addUser("qian.audit", role: .auditor)
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("qian.audit")
            #expect(try await browser.send(.get, "/console/stats").text.contains("<td>46010001</td>"))
            let bad = try await browser.send(.get, "/console/stats?from=2026-13-01")
            #expect(bad.status == .badRequest)
            var anonymous = ConsoleBrowser(server: server)
            #expect(try await anonymous.send(.get, "/console/stats").status == .seeOther)
            #expect(try await anonymous.send(.get, "/console/export/feed").status == .seeOther)
        }
    }
}
