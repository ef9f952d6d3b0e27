import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// The console's recall page and its CSV, as each kind of admin.
@Suite struct ConsoleRecallTests {
    enum Caller: String, CaseIterable { case province, nodeOwn = "node.own", nodeOther = "node.other", auditor, none }

    @Test func theRecallShowsTheSaleWithItsBuyerTheStallHoldingTheRestAndTheTotalsAndDownloadsAsCSV() async throws {
        try await withServer { server in
            let sample = try await TraceSample.pushed(to: server)
            try server.addUser("li.province", role: .province)
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("li.province")
            let page = try await browser.send(.get, "/console/recall?code=\(sample.batchCode)")
            #expect(page.status == .ok)
            #expect(page.text.contains(TraceSample.buyer))
            #expect(page.text.contains("20.5 kg"))
            #expect(page.text.contains("海口龙华区张记蔬菜批发部 (OP-46010001-001)"), "the stall still holding goods")
            #expect(page.text.contains("已售合计 <span class=\"en\">Sold</span>: <strong>20.5 kg</strong>"))
            #expect(page.text.contains("在库合计 <span class=\"en\">On hand</span>: <strong>100 kg</strong>"))
            #expect(page.text.contains("href=\"/console/recall.csv?code=\(sample.batchCode)\""))

            let csv = try await browser.send(.get, "/console/recall.csv?code=\(sample.batchCode)")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            let expected = try await server.send(.get, "/v1/admin/recall/\(sample.batchCode)", secret: try server.adminToken())
                .decoded(RecallReport.self).csvText
            #expect(csv.text == expected, "the same CSV as admin recall --csv")
            #expect(csv.text.contains("\(sample.batchCode),46010001") && csv.text.contains(TraceSample.buyer))
        }
    }

    @Test func anUnknownCodeIsAPageSayingSoWith404() async throws {
        try await withServer { server in
            try server.addUser("qian.audit", role: .auditor)
            var browser = ConsoleBrowser(server: server)
            try await browser.signIn("qian.audit")
            let unknown = TraceCode.make(node: "46010001", deviceNumber: 9, date: "261124", serial: 5).digits
            let page = try await browser.send(.get, "/console/recall?code=\(unknown)")
            #expect(page.status == .notFound)
            #expect(page.text.contains("unknown_code"))
            #expect(try await browser.send(.get, "/console/recall").status == .ok, "the form alone")
        }
    }

    @Test(arguments: Caller.allCases)
    func onlyWhoMaySeeEveryNodeOfTheRecallSeesIt(caller: Caller) async throws {
        try await withServer { server in
            let sample = try await TraceSample.pushed(to: server)
            var browser = ConsoleBrowser(server: server)
            switch caller {
            case .province: try server.addUser("li.province", role: .province)
            case .nodeOwn: try server.addUser("wang.own", role: .node, nodes: ["46010001"])
            case .nodeOther: try server.addUser("zhao.other", role: .node, nodes: ["46010002"])
            case .auditor: try server.addUser("qian.audit", role: .auditor)
            case .none: break
            }
            let names: [Caller: String] = [.province: "li.province", .nodeOwn: "wang.own", .nodeOther: "zhao.other", .auditor: "qian.audit"]
            if let name = names[caller] { try await browser.signIn(name) }
            let expected: HTTPResponse.Status = switch caller {
            case .province, .nodeOwn, .auditor: .ok
            case .nodeOther: .forbidden
            case .none: .seeOther
            }
            for path in ["/console/recall?code=\(sample.batchCode)", "/console/recall.csv?code=\(sample.batchCode)"] {
                let answer = try await browser.send(.get, path)
                #expect(answer.status == expected, "\(path)")
                #expect(answer.text.contains(TraceSample.buyer) == (expected == .ok), "\(path)")
            }
        }
    }
}
