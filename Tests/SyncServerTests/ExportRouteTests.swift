import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing

/// `GET /v1/export/epcis`, `/v1/export/feed` and `/v1/export/csv/{kind}`.
@Suite struct ExportRouteTests {
    @Test func theEPCISExportIsJSONLDWithOneEventPerFact() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            _ = try await TraceSample.pushed(to: server)
            let today = BusinessTime.dayOf(BusinessTime.now())
            let response = try await server.send(.get, "/v1/export/epcis?from=\(today)&to=\(today)", secret: token)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/ld+json; charset=utf-8")
            let document = try JSONValue.parse(response.text)
            #expect(document["type"] == .string("EPCISDocument"))
            guard case .array(let events)? = document["epcisBody"]?["eventList"] else {
                Issue.record("no eventList in \(response.text)")
                return
            }
            #expect(events.count == 3)
            let asJSON = try await server.send(.get, "/v1/export/epcis?from=\(today)&to=\(today)", secret: token,
                                               extraHeaders: [.accept: "application/json"])
            #expect(asJSON.headers[.contentType] == "application/json; charset=utf-8")
        }
    }

    @Test(arguments: [
        ("?to=2026-11-24", "from"), ("?from=2026-11-24", "to"), ("?from=yesterday&to=2026-11-24", "from"),
        ("?from=2026-11-24T10:00:00+08:00&to=2026-11-24T09:00:00+08:00", "to"), ("?from=2026-11-24&to=2026-11-24&x=1", "x"),
    ])
    func aBadEPCISQueryIsA400NamingTheParameter(query: String, field: String) async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let response = try await server.send(.get, "/v1/export/epcis\(query)", secret: token)
            #expect(response.status == .badRequest)
            #expect(try response.apiError.field == field)
        }
    }

    @Test func theFeedPagesEveryEventOnceWithoutPricesOrBuyers() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            _ = try await TraceSample.pushed(to: server)
            var cursor: Int64 = 0
            var kinds: [EventKind] = []
            var more = true
            while more {
                let response = try await server.send(.get, "/v1/export/feed?cursor=\(cursor)&limit=2", secret: token)
                #expect(response.status == .ok)
                #expect(!response.text.contains(TraceSample.price) && !response.text.contains(TraceSample.buyer))
                let page = try response.decoded(FeedPage.self)
                kinds += page.items.map(\.kind)
                #expect(page.items.map(\.cursor) == page.items.map(\.cursor).sorted())
                cursor = page.nextCursor
                more = page.more
            }
            #expect(kinds == [.receipt, .inspection, .sale])
        }
    }

    @Test(arguments: [("?limit=0", "limit"), ("?limit=1001", "limit"), ("?cursor=-1", "cursor"), ("?page=2", "page")])
    func aBadFeedQueryIsA400NamingTheParameter(query: String, field: String) async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let response = try await server.send(.get, "/v1/export/feed\(query)", secret: token)
            #expect(response.status == .badRequest)
            #expect(try response.apiError.field == field)
        }
    }

    @Test func theSalesCSVHasNoPricesOrBuyersNames() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let sample = try await TraceSample.pushed(to: server)
            let today = BusinessTime.dayOf(BusinessTime.now())
            let response = try await server.send(.get, "/v1/export/csv/sales?from=\(today)&to=\(today)&node=46010001", secret: token)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = response.text.split(separator: "\n")
            #expect(lines.first == Substring(RegulatorCSV.sales.columns.joined(separator: ",")))
            #expect(lines.count == 2 && lines[1].contains(sample.childCode))
            #expect(!response.text.contains(TraceSample.price) && !response.text.contains(TraceSample.buyer))
        }
    }

    @Test func anUnknownCSVKindIsA400NamingIt() async throws {
        try await withServer { server in
            let token = try server.adminToken()
            let response = try await server.send(.get, "/v1/export/csv/prices?from=2026-11-24&to=2026-11-24", secret: token)
            #expect(response.status == .badRequest)
            #expect(try response.apiError.field == "kind")
        }
    }
}
