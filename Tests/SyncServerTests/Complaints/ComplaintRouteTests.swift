import Foundation
import Hummingbird
import HummingbirdTesting
import SyncCore
import CentralCore
import CentralSQLite
@testable import SyncServer
import Testing
import TestSupport

/// `POST /t/{code}/complaints` and `GET /t/{code}/complaints/{receipt}`: a shopper files a complaint from the trace
/// page without an account, gets a receipt number and follows its status; every refusal is a bilingual page that
/// changes nothing.
@Suite struct ComplaintRouteTests {
    @Test func aShopperFilesFromTheTracePageAndFollowsTheComplaintByItsReceipt() async throws {
        try await withServer { server in
            let sample = try await TraceSample.pushed(to: server)
            let shopper = ComplaintShopper(server: server)
            let page = try await server.send(.get, "/t/\(sample.childCode)").text
            #expect(page.contains(#"<form method="post" action="/t/\#(sample.childCode)/complaints">"#))
            #expect(page.contains("变质/异味") && page.contains("疑似假冒") && page.contains("Report a problem"))

            let filed = try await shopper.file(sample.childCode, text: "肉有异味，\n第二天就变色了。", phone: "138 1234 5678")
            #expect(filed.status == .seeOther)
            let location = try #require(filed.headers[.location])
            #expect(location.wholeMatch(of: /\/t\/\d{24}\/complaints\/TS-[0-9A-Z]{10}/) != nil, "\(location)")
            let stored = try #require(try shopper.stored().first)
            #expect(location.hasSuffix(stored.receipt) && stored.node == "46010001" && stored.batchCode == sample.batchCode)
            #expect(stored.phone == "13812345678" && stored.text == "肉有异味，\n第二天就变色了。")

            let status = try await server.send(.get, location)
            #expect(status.status == .ok)
            let shown = HTMLText.visible(status.text)
            #expect(shown.contains(stored.receipt) && shown.contains("已收到 / received") && shown.contains("第二天就变色了"))
            #expect(!status.text.contains("1381234") && !status.text.contains("5678"), "the status page never shows the phone")
            #expect(!status.text.contains(TraceSample.buyer) && !status.text.contains(TraceSample.price))

            let answer = try await server.post("/v1/admin/complaints/\(stored.id)",
                                               ComplaintAnswer(status: .answered, reply: "已下架该批次，请来市场办公室退款。", upheld: true),
                                               secret: try server.adminToken())
            #expect(answer.status == .ok, "\(answer.text)")
            let answered = HTMLText.visible(try await server.send(.get, location).text)
            #expect(answered.contains("已答复 / answered") && answered.contains("已下架该批次，请来市场办公室退款。"))
            #expect(!answered.contains("province"), "the admin's name is not shown")
        }
    }

    @Test func aBatchCodesComplaintGoesToTheBatchsNode() async throws {
        try await withServer { server in
            let sample = try await TraceSample.pushed(to: server)
            #expect(try await ComplaintShopper(server: server).file(sample.batchCode).status == .seeOther)
            #expect(try ComplaintShopper(server: server).stored().map(\.node) == ["46010001"])
        }
    }

    @Test func textWithMarkupIsRefusedWithTheFormFilledInAgainAndNothingSaved() async throws {
        try await withServer { server in
            let sample = try await TraceSample.pushed(to: server)
            let shopper = ComplaintShopper(server: server)
            let refused = try await shopper.file(sample.childCode, text: "<script>alert(1)</script>坏了")
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("不能包含 HTML 标记") && refused.text.contains("cannot hold HTML markup"))
            #expect(refused.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;坏了"), "what was typed comes back, escaped")
            #expect(!refused.text.contains("<script"))
            #expect(refused.text.contains("name=\"token\""), "with a fresh form")
            #expect(try shopper.stored().isEmpty)
        }
    }

    @Test func aFormWithoutItsTokenOrWithAnotherCodesIsRefused() async throws {
        try await withServer { server in
            let sample = try await TraceSample.pushed(to: server)
            let shopper = ComplaintShopper(server: server)
            let fields = ["category": "spoiled", "text": "坏了"]
            let missing = try await shopper.post(sample.childCode, fields)
            #expect(missing.status == .forbidden && missing.text.contains("表单已过期或无效"))
            let forged = try await shopper.post(sample.childCode, fields.merging(["token": "1.abc"]) { $1 })
            #expect(forged.status == .forbidden)
            let otherCodes = try await shopper.post(sample.childCode, fields.merging(["token": try await shopper.token(sample.batchCode)]) { $1 })
            #expect(otherCodes.status == .forbidden)
            #expect(try shopper.stored().isEmpty)
            #expect(try server.admin { try $0.auditRecords() }.contains { $0.event.status == 403 && $0.event.target == "POST /t/{code}/complaints" },
                    "a refused form is audited by its route, never its fields")
        }
    }

    @Test func badFieldsAreEachRefusedByName() async throws {
        try await withServer { server in
            let sample = try await TraceSample.pushed(to: server)
            let shopper = ComplaintShopper(server: server)
            let badPhone = try await shopper.file(sample.childCode, phone: "12345")
            #expect(badPhone.status == .badRequest && badPhone.text.contains("电话号码无效"))
            let noCategory = try await shopper.file(sample.childCode, category: "")
            #expect(noCategory.status == .badRequest && noCategory.text.contains("请选择问题类型"))
            let tooLong = try await shopper.file(sample.childCode, text: String(repeating: "长", count: 1_001))
            #expect(tooLong.status == .badRequest && tooLong.text.contains("最多 1000 字"))
            #expect(try shopper.stored().isEmpty)
        }
    }

    @Test func aClientPastItsHourlyLimitIsRefusedWithRetryAfter() async throws {
        try await withServer(configure: { $0.complaintLimits.perClientPerHour = 2 }) { server in
            let sample = try await TraceSample.pushed(to: server)
            let shopper = ComplaintShopper(server: server)
            for _ in 0..<2 { #expect(try await shopper.file(sample.childCode).status == .seeOther) }
            let refused = try await shopper.file(sample.childCode)
            #expect(refused.status == .tooManyRequests)
            #expect(Int(refused.headers[.retryAfter] ?? "") ?? 0 > 60)
            #expect(refused.text.contains("提交投诉过于频繁") && refused.text.contains("too many complaints"))
            #expect(try shopper.stored().count == 2)
            #expect(try await server.send(.get, "/t/\(sample.childCode)").status == .ok, "looking codes up is not limited by it")
        }
    }

    @Test func aCodePastItsDailyCapIsRefused() async throws {
        try await withServer(configure: { $0.complaintLimits.perCodePerDay = 1 }) { server in
            let sample = try await TraceSample.pushed(to: server)
            let shopper = ComplaintShopper(server: server)
            #expect(try await shopper.file(sample.childCode).status == .seeOther)
            let refused = try await shopper.file(sample.childCode)
            #expect(refused.status == .tooManyRequests && refused.text.contains("每日上限"))
            #expect(try await shopper.file(sample.batchCode).status == .seeOther, "the cap is per code")
            #expect(try shopper.stored().count == 2)
        }
    }

    @Test func aFormOverItsSizeIsRefusedWith413() async throws {
        try await withServer(configure: { $0.complaintLimits.maxFormBytes = 2_048 }) { server in
            let sample = try await TraceSample.pushed(to: server)
            let shopper = ComplaintShopper(server: server)
            let refused = try await shopper.file(sample.childCode, text: String(repeating: "长", count: 900))
            #expect(refused.status == .contentTooLarge && refused.text.contains("提交的内容过大"))
            #expect(try shopper.stored().isEmpty)
        }
    }

    @Test func unknownCodesAndReceiptsAreNotFound() async throws {
        try await withServer { server in
            let sample = try await TraceSample.pushed(to: server)
            let shopper = ComplaintShopper(server: server)
            let unknown = TraceCode.make(node: "46010001", deviceNumber: 9, date: "261124", serial: 77).digits
            let token = try server.admin { $0.complaintFormToken(code: unknown) }
            let filed = try await shopper.post(unknown, ["token": token, "category": "other", "text": "坏了"])
            #expect(filed.status == .notFound && filed.text.contains("查无此追溯码"))
            let receipt = try await server.send(.get, "/t/\(sample.childCode)/complaints/TS-0000000000")
            #expect(receipt.status == .notFound && receipt.text.contains("查无此投诉"))
            _ = try await shopper.file(sample.childCode)
            let real = try #require(try shopper.stored().first)
            #expect(try await server.send(.get, "/t/\(sample.batchCode)/complaints/\(real.receipt)").status == .notFound,
                    "a receipt opens only the page of the code it was filed from")
        }
    }
}
