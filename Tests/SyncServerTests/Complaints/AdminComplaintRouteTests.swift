import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing
import TestSupport

/// `GET /v1/admin/complaints` and `POST /v1/admin/complaints/{id}`, and the console's `/console/complaints`: the
/// complaint is in its node's queue only, phone masked; node admins answer only their nodes', auditors only read;
/// every answer is audited.
@Suite struct AdminComplaintRouteTests {
    /// A complaint about the sample's child code (sold at 46010001), with a phone number.
    static func filed(_ server: ServerHarness) async throws -> Complaint {
        let sample = try await TraceSample.pushed(to: server)
        let shopper = ComplaintShopper(server: server)
        let answer = try await shopper.file(sample.childCode, category: "short_weight", text: "称重少了半斤。", phone: "13912345678")
        #expect(answer.status == .seeOther, "\(answer.text)")
        return try #require(try shopper.stored().first)
    }

    @Test func theListHoldsEachComplaintForItsNodesAdminsOnlyWithThePhoneMasked() async throws {
        try await withServer { server in
            let complaint = try await Self.filed(server)
            let own = try server.session(of: "wang.own", role: .node, nodes: ["46010001"])
            let other = try server.session(of: "zhao.other", role: .node, nodes: ["46010002"])
            let auditor = try server.session(of: "qian.audit", role: .auditor)

            for token in [try server.adminToken(), own, auditor] {
                let listed = try await server.send(.get, "/v1/admin/complaints", secret: token)
                #expect(listed.status == .ok)
                let complaints = try listed.decoded([Complaint].self)
                #expect(complaints.map(\.id) == [complaint.id])
                #expect(complaints.first?.phone == "139****5678" && !listed.text.contains("13912345678"))
                #expect(complaints.first?.trace.code == complaint.code)
            }
            let othersList = try await server.send(.get, "/v1/admin/complaints", secret: other)
            #expect(othersList.status == .ok)
            #expect(try othersList.decoded([Complaint].self).isEmpty)
            let othersFilter = try await server.send(.get, "/v1/admin/complaints?node=46010001", secret: other)
            #expect(othersFilter.status == .forbidden)
            let byStatus = try await server.send(.get, "/v1/admin/complaints?node=46010001&status=answered", secret: own)
            #expect(try byStatus.decoded([Complaint].self).isEmpty)
            #expect(try await server.send(.get, "/v1/admin/complaints?status=closed", secret: own).status == .badRequest)
            #expect(try await server.send(.get, "/v1/admin/complaints").status == .unauthorized)
        }
    }

    @Test func onlyAdminsOfTheSellingNodeOrTheProvinceAnswerAndEachAnswerIsAudited() async throws {
        try await withServer { server in
            let complaint = try await Self.filed(server)
            let own = try server.session(of: "wang.own", role: .node, nodes: ["46010001"])
            let other = try server.session(of: "zhao.other", role: .node, nodes: ["46010002"])
            let auditor = try server.session(of: "qian.audit", role: .auditor)
            let takeUp = ComplaintAnswer(status: .inProgress, reply: nil, upheld: nil)
            let path = "/v1/admin/complaints/\(complaint.id)"

            #expect(try await server.post(path, takeUp, secret: other).status == .forbidden)
            #expect(try await server.post("/v1/admin/complaints/999", takeUp, secret: other).status == .forbidden,
                    "a node admin cannot tell an unknown complaint from another node's")
            #expect(try await server.post("/v1/admin/complaints/999", takeUp, secret: try server.adminToken()).status == .notFound)
            #expect(try await server.post(path, takeUp, secret: auditor).status == .forbidden)
            let incomplete = try await server.post(path, ComplaintAnswer(status: .answered, reply: "好的", upheld: nil), secret: own)
            #expect(incomplete.status == .badRequest)
            #expect(try incomplete.apiError.code == "bad_complaint_answer")
            let markup = try await server.post(path, ComplaintAnswer(status: .answered, reply: "<i>好</i>", upheld: false), secret: own)
            #expect(markup.status == .badRequest)
            #expect(try markup.apiError.code == "complaint_markup")
            #expect(try server.admin { try $0.complaint(complaint.id) }.status == .received, "every refusal changed nothing")

            let taken = try await server.post(path, takeUp, secret: own)
            #expect(taken.status == .ok)
            #expect(try taken.decoded(Complaint.self).status == .inProgress)
            let answered = try await server.post(path, ComplaintAnswer(status: .answered, reply: "已补足差额。", upheld: true), secret: own)
            let record = try answered.decoded(Complaint.self)
            #expect(record.status == .answered && record.upheld == true && record.updatedBy == "wang.own")
            #expect(record.phone == "139****5678")

            let audited = try server.admin { try $0.auditRecords(action: "complaint.answer") }.map(\.event)
            #expect(audited.filter { $0.outcome == .success }.map(\.detail) == ["status: in_progress", "status: answered, upheld: yes"])
            #expect(audited.allSatisfy { $0.target == "complaint:\(complaint.id)" || $0.target == "complaint:999" })
            #expect(audited.contains { $0.actor == "user:zhao.other" && $0.outcome == .refused })
            #expect(!audited.contains { ($0.detail ?? "").contains("已补足差额") }, "the reply's text is not in the audit log")
        }
    }

    @Test func theConsoleQueueShowsEachNodeItsOwnComplaintsAndAnswersThroughItsForm() async throws {
        try await withServer { server in
            let complaint = try await Self.filed(server)
            try server.addUser("wang.own", role: .node, nodes: ["46010001"])
            try server.addUser("zhao.other", role: .node, nodes: ["46010002"])
            try server.addUser("qian.audit", role: .auditor)

            var other = ConsoleBrowser(server: server)
            let otherCSRF = try await other.signIn("zhao.other")
            let tile = { (count: Int) in "<a href=\"/console/complaints\"><div class=\"num\">\(count)</div></a>" }
            #expect(try await other.send(.get, "/console").text.contains(tile(0)), "the overview counts the admin's nodes' open complaints")
            let othersQueue = try await other.send(.get, "/console/complaints")
            #expect(othersQueue.status == .ok && !othersQueue.text.contains(complaint.receipt))
            #expect(try await other.send(.get, "/console/complaints/\(complaint.id)").status == .forbidden)
            let othersPost = try await other.send(.post, "/console/complaints/\(complaint.id)",
                                                  form: ["csrf": otherCSRF, "status": "in_progress"])
            #expect(othersPost.status == .forbidden)

            var auditor = ConsoleBrowser(server: server)
            let auditorCSRF = try await auditor.signIn("qian.audit")
            let auditorPage = try await auditor.send(.get, "/console/complaints/\(complaint.id)")
            #expect(auditorPage.status == .ok && !auditorPage.text.contains("name=\"reply\""), "an auditor gets no answer form")
            let auditorPost = try await auditor.send(.post, "/console/complaints/\(complaint.id)",
                                                     form: ["csrf": auditorCSRF, "status": "in_progress"])
            #expect(auditorPost.status == .forbidden)

            var own = ConsoleBrowser(server: server)
            let csrf = try await own.signIn("wang.own")
            #expect(try await own.send(.get, "/console").text.contains(tile(1)))
            let queue = try await own.send(.get, "/console/complaints")
            #expect(queue.status == .ok && queue.text.contains(complaint.receipt) && queue.text.contains("数量不足"))
            let page = try await own.send(.get, "/console/complaints/\(complaint.id)")
            #expect(page.text.contains("称重少了半斤。") && page.text.contains("139****5678") && !page.text.contains("13912345678"))
            #expect(page.text.contains("提交时的追溯信息") && page.text.contains("海口市南北水果蔬菜批发市场"))
            let withoutToken = try await own.send(.post, "/console/complaints/\(complaint.id)", form: ["status": "in_progress"])
            #expect(withoutToken.status == .forbidden)
            let saved = try await own.send(.post, "/console/complaints/\(complaint.id)",
                                           form: ["csrf": csrf, "status": "answered", "reply": "已补足差额。", "upheld": "yes"])
            #expect(saved.status == .seeOther && saved.headers[.location] == "/console/complaints/\(complaint.id)?done=1")
            let stored = try server.admin { try $0.complaint(complaint.id) }
            #expect(stored.status == .answered && stored.reply == "已补足差额。" && stored.upheld == true && stored.updatedBy == "wang.own")
            let answeredQueue = try await own.send(.get, "/console/complaints")
            #expect(!answeredQueue.text.contains(complaint.receipt), "the default queue holds open complaints only")
            #expect(try await own.send(.get, "/console/complaints?status=answered").text.contains(complaint.receipt))
            #expect(try server.admin { try $0.auditRecords(action: "complaint.answer") }
                .contains { $0.event.actor == "user:wang.own" && $0.event.outcome == .success && $0.event.status == 303 })
        }
    }
}
