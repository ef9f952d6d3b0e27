import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// `GET /v1/admin/recall/{code}` and `GET /v1/admin/stats`.
@Suite struct AdminTraceRouteTests {
    @Test func theRecallListsTheSaleWithItsBuyerAndTotals() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let sample = try await TraceSample.pushed(to: server)
            let response = try await server.send(.get, "/v1/admin/recall/\(sample.batchCode)", secret: token)
            #expect(response.status == .ok)
            let report = try response.decoded(RecallReport.self)
            #expect(report.rows.map(\.childCode) == [sample.childCode])
            #expect(report.rows.first?.buyer == TraceSample.buyer)
            #expect(report.totalSold == ["kg": "20.5"])
            #expect(report.totalOnHand == ["kg": "100"])
        }
    }

    @Test func aSuppliersCodeWithHyphensFindsTheBatchReceivedWithIt() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            var journal = JournalWriter(device: try await server.enroll())
            let now = BusinessTime.now()
            let code = TraceCode.make(node: journal.device.node.code, deviceNumber: journal.device.deviceNumber,
                                      date: BusinessTime.codeDate(now), serial: 1)
            let receipt = try JSONValue.object([
                "batchCode": .string(code.digits), "node": .string(journal.device.node.code), "product": .string("100101"),
                "quantity": .string("80"), "unit": .string("kg"), "operatorId": .string("OP-46010001-001"),
                "supplier": .string("上海某肉联厂"), "origin": .string("310000"), "upstreamCode": .string("SH469023-20261202-0007"),
                "time": .integer(now),
            ]).decode(Receipt.self)
            try journal.append(.receipt(receipt))
            try await server.push(journal)

            let response = try await server.send(.get, "/v1/admin/recall/SH469023-20261202-0007", secret: token)
            #expect(response.status == .ok, "\(response.text)")
            let report = try response.decoded(RecallReport.self)
            #expect(report.batches.map(\.batchCode) == [code.digits])
            #expect(report.totalOnHand == ["kg": "80"])
        }
    }

    @Test func aRecallOfABatchWithNoSalesListsTheStallStillHoldingTheGoods() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            var journal = JournalWriter(device: try await server.enroll())
            let receipt = try journal.receive(serial: 1, operatorId: "OP-46010001-001")
            let (_, body) = try EventBody.decode(kind: receipt.kind, payload: receipt.payload)
            let code = try #require(body.batchCode).digits
            try await server.push(journal)

            let response = try await server.send(.get, "/v1/admin/recall/\(code)", secret: token)
            #expect(response.status == .ok, "\(response.text)")
            let report = try response.decoded(RecallReport.self)
            #expect(report.rows.isEmpty)
            let holding = try #require(report.holdings.first)
            #expect(report.holdings.count == 1)
            #expect(holding.batchCode == code && holding.node == "46010001")
            #expect(holding.operatorId == "OP-46010001-001" && holding.operatorName == "海口龙华区张记蔬菜批发部")
            #expect(holding.stall == "A-012")
            #expect(holding.onHand == report.batches.first?.balance && holding.unit == "kg")

            let table = report.tableLines.joined(separator: "\n")
            #expect(table.contains("没有下游交易 / no sales downstream"))
            #expect(table.contains("仍有货品的批次和经营户 / batches and stalls still holding goods"))
            #expect(table.contains("\(code)\t46010001"), "\(table)")
            #expect(table.contains("海口龙华区张记蔬菜批发部 (OP-46010001-001)\tA-012\t\(holding.onHand) kg"), "\(table)")
            #expect(report.csvText.contains("on_hand,\(code),46010001"), "\(report.csvText)")
        }
    }

    @Test func aBatchDisposedOfHoldsNothingInTheRecall() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let sample = try await TraceSample.pushed(to: server) { journal, sample in
                try TraceSample.destroyTheRest(&journal, sample)
            }
            let report = try await server.send(.get, "/v1/admin/recall/\(sample.batchCode)", secret: token)
                .decoded(RecallReport.self)
            #expect(report.rows.count == 1)
            #expect(report.holdings.isEmpty, "\(report.holdings)")
        }
    }

    @Test func anUnknownCodeHasNoRecall() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let unknown = TraceCode.make(node: "46010001", deviceNumber: 9, date: "261124", serial: 5).digits
            let response = try await server.send(.get, "/v1/admin/recall/\(unknown)", secret: token)
            #expect(response.status == .notFound)
            #expect(try response.apiError.code == "unknown_code")
        }
    }

    @Test func theStatsCountTheDay() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            _ = try await TraceSample.pushed(to: server)
            let today = BusinessTime.dayOf(BusinessTime.now())
            let response = try await server.send(.get, "/v1/admin/stats?from=\(today)&to=\(today)&node=46010001", secret: token)
            #expect(response.status == .ok)
            let stats = try response.decoded(SupervisionStats.self)
            #expect(stats.days.map(\.receipts) == [1])
            #expect(stats.days.map(\.inspectionsPassed) == [1])
            #expect(stats.days.map(\.sales) == [1])
        }
    }

    @Test(arguments: [
        ("?to=2026-11-24", "from"), ("?from=2026-11-24", "to"), ("?from=24.11.2026&to=2026-11-24", "from"),
        ("?from=2026-11-24&to=2026-02-30", "to"), ("?from=2026-11-24&to=2026-11-01", "to"),
        ("?from=2026-11-24&to=2026-11-24&node=4601", "node"), ("?from=2026-11-24&to=2026-11-24&day=1", "day"),
    ])
    func aBadStatsQueryIsA400NamingTheParameter(query: String, field: String) async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let response = try await server.send(.get, "/v1/admin/stats\(query)", secret: token)
            #expect(response.status == .badRequest)
            #expect(try response.apiError.field == field)
        }
    }

    @Test func theTraceAndExportRoutesOfAdminsNeedAToken() async throws {
        try await withServer { server in
            _ = try server.adminToken()
            let device = try await server.enroll()
            for uri in ["/v1/admin/recall/1", "/v1/admin/stats?from=2026-11-24&to=2026-11-24",
                        "/v1/export/epcis?from=2026-11-24&to=2026-11-24", "/v1/export/feed",
                        "/v1/export/csv/sales?from=2026-11-24&to=2026-11-24"] {
                #expect(try await server.send(.get, uri).status == .unauthorized, "\(uri)")
                #expect(try await server.send(.get, uri, secret: device.secret).status == .unauthorized, "\(uri)")
            }
        }
    }
}
