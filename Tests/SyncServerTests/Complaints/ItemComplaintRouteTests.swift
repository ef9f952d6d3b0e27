import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing
import TestSupport

/// A shopper who scanned a drug box's 20-digit 药品追溯码 files a complaint from that page, as from a trace code's:
/// it lands in the queue of the node that received the box, with the box's code and batch.
@Suite struct ItemComplaintRouteTests {
    static let boxes = ["81462350000123450017", "81462350000123450024"]

    /// Pushes a drug receipt at market 46010001 with `boxes` scanned; returns its batch code.
    static func receiveBoxes(_ server: ServerHarness) async throws -> String {
        var journal = JournalWriter(device: try await server.enroll())
        let now = BusinessTime.now()
        let batch = TraceCode.make(node: journal.device.node.code, deviceNumber: journal.device.deviceNumber,
                                   date: BusinessTime.codeDate(now), serial: 1)
        try journal.append(.receipt(Receipt(
            batchCode: batch, node: journal.device.node.code, product: "500101", quantity: Quantity(units: 2), unit: "box",
            operatorId: "OP-46010001-001", supplier: "海南海神同洲制药有限公司", origin: "460106",
            approvalNumber: "国药准字H46020101", lotNumber: "240618", expiry: "2028-06-30", items: boxes, time: now
        )))
        #expect(try await server.push(journal).verdicts.map(\.verdict) == [.applied])
        return batch.digits
    }

    @Test func aComplaintFiledFromABoxsPageReachesTheNodeThatReceivedIt() async throws {
        try await withServer { server in
            let batch = try await Self.receiveBoxes(server)
            let box = Self.boxes[1]
            let shopper = ComplaintShopper(server: server)
            let page = try await server.send(.get, "/t/\(box)").text
            #expect(page.contains(#"<form method="post" action="/t/\#(box)/complaints">"#), "the box's page has the form")

            let filed = try await shopper.file(box, category: "counterfeit", text: "药盒包装与以往不同，疑似假药。")
            #expect(filed.status == .seeOther, "\(filed.text)")
            let location = try #require(filed.headers[.location])
            #expect(location.hasPrefix("/t/\(box)/complaints/TS-"), "\(location)")
            let stored = try #require(try shopper.stored().first)
            #expect(stored.code == box && stored.batchCode == batch && stored.node == "46010001")

            let status = try await server.send(.get, location)
            #expect(status.status == .ok)
            #expect(HTMLText.visible(status.text).contains(stored.receipt))
        }
    }

    @Test func anUnknownBoxIsNotFoundAndNothingIsFiled() async throws {
        try await withServer { server in
            _ = try await Self.receiveBoxes(server)
            let unknown = "81462350000199990017"
            let token = try server.admin { $0.complaintFormToken(code: unknown) }
            let filed = try await ComplaintShopper(server: server).post(unknown, ["token": token, "category": "other", "text": "坏了"])
            let page = try await server.send(.get, "/t/\(unknown)")
            #expect(filed.status == .notFound && page.status == .notFound, "\(filed.text)")
            #expect(HTMLText.visible(filed.text).contains("查无此追溯码 / trace code not found"), "the GET page's refusal")
            #expect(try ComplaintShopper(server: server).stored().isEmpty)
        }
    }
}
