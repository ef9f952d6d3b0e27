import Foundation
import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// Complaints on the central store: each lands in the queue of the node that sold the goods with the code's trace,
/// its phone number never in the file in clear, at most so many per code a day, answered by an admin.
@Suite("Central store: consumer complaints")
struct ComplaintStoreTests {
    typealias S = MergeSamples

    /// Market 46010001 receives a batch for 张记 and sells 20 kg of it; market 46010002 receives that sale's goods
    /// with the child code as its upstream code.
    static func soldOnward(_ harness: CentralHarness) throws -> (batch: TraceCode, child: TraceCode, downstream: TraceCode) {
        var seller = try harness.enroll("南北市场 1 号机", author: "符永清")
        let batch = S.code(1), child = S.code(2)
        try seller.append(S.receipt(batch), id: "r", at: marketMorning)
        try seller.append(S.sale(batch, child: child, quantity: 20), id: "s", at: marketMorning + 60_000)
        try harness.push(seller)
        var buyer = try harness.enroll("龙昆市场 1 号机", author: "云秀英", node: S.otherNode)
        let downstream = S.code(1, node: S.otherNode)
        try buyer.append(.receipt(Receipt(
            batchCode: downstream, node: S.otherNode, product: "200101", quantity: S.kg(20), unit: "kg", operatorId: S.fuji,
            supplier: "海口龙华区张记蔬菜批发部", origin: "469023", upstreamCode: child.digits, time: marketMorning + S.hour
        )), id: "r2", at: marketMorning + S.hour)
        try harness.push(buyer)
        return (batch, child, downstream)
    }

    static func draft(_ text: String = "买回家发现菜叶发黄有异味。", phone: String? = nil) throws -> ComplaintDraft {
        try ComplaintDraft(category: "spoiled", text: text, phone: phone)
    }

    static func refusal(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as TraceSyncError {
            return error.code.rawValue
        } catch {
            return "\(error)"
        }
    }

    @Test func aComplaintLandsInTheQueueOfTheNodeThatSoldTheGoodsWithTheTrace() throws {
        try CentralHarness.with { harness in
            let (batch, child, downstream) = try Self.soldOnward(harness)
            let fromChild = try harness.store.fileComplaint(Self.draft(), code: child.grouped, perCodePerDay: 5)
            #expect(fromChild.node == S.node && fromChild.batchCode == batch.digits && fromChild.operatorId == S.zhang)
            #expect(fromChild.code == child.digits && fromChild.trace.code == child.digits && fromChild.trace.stops.count == 1)
            #expect(fromChild.status == .received && fromChild.reply == nil && fromChild.upheld == nil)
            #expect(fromChild.receipt.wholeMatch(of: /TS-[0-9A-HJKMNP-TV-Z]{10}/) != nil, "\(fromChild.receipt)")
            #expect(fromChild.filedAt == harness.now)

            let fromDownstream = try harness.store.fileComplaint(Self.draft(), code: downstream.digits, perCodePerDay: 5)
            #expect(fromDownstream.node == S.otherNode && fromDownstream.operatorId == S.fuji)
            #expect(fromDownstream.trace.stops.count == 2, "the trace attached goes back to the first market")
            #expect(fromDownstream.receipt != fromChild.receipt)

            #expect(try harness.store.complaints(ComplaintFilter(node: S.node)).map(\.id) == [fromChild.id])
            #expect(try harness.store.complaints(ComplaintFilter(node: S.otherNode)).map(\.id) == [fromDownstream.id])
            #expect(try harness.store.complaints().map(\.id) == [fromDownstream.id, fromChild.id], "newest first")
        }
    }

    @Test func aCodeThatNamesNothingGetsNoComplaint() throws {
        try CentralHarness.with { harness in
            _ = try Self.soldOnward(harness)
            #expect(Self.refusal { _ = try harness.store.fileComplaint(Self.draft(), code: S.code(9).digits, perCodePerDay: 5) } == "unknown_code")
            let mistyped = String(S.code(2).digits.dropLast()) + "0"
            #expect(Self.refusal { _ = try harness.store.fileComplaint(Self.draft(), code: mistyped, perCodePerDay: 5) } != nil)
            #expect(try harness.store.complaints().isEmpty)
        }
    }

    @Test func thePhoneNumberIsSealedInTheFileAndReadBackInClear() throws {
        try CentralHarness.with { harness in
            let (_, child, _) = try Self.soldOnward(harness)
            let phone = "13907550123"
            let filed = try harness.store.fileComplaint(Self.draft(phone: "139 0755 0123"), code: child.digits, perCodePerDay: 5)
            #expect(filed.phone == phone)
            #expect(filed.masked.phone == "139****0123")
            #expect(try harness.store.complaint(filed.id).phone == phone)
            let path = try #require(try harness.store.database.query("PRAGMA database_list").first?.string("file"))
            try harness.store.database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            let bytes = ["", "-wal", "-shm"].reduce(into: Data()) { $0 += FileManager.default.contents(atPath: path + $1) ?? Data() }
            #expect(bytes.range(of: Data("买回家发现菜叶发黄".utf8)) != nil, "the complaint reached the file")
            #expect(bytes.range(of: Data(phone.utf8)) == nil, "the phone number is in the file in clear")
            #expect(bytes.range(of: Data("139 0755 0123".utf8)) == nil)
        }
    }

    @Test func aCodeGetsAtMostTheDailyCapOfComplaintsThenMoreTheNextDay() throws {
        try CentralHarness.with { harness in
            let (_, child, _) = try Self.soldOnward(harness)
            for _ in 0..<2 { _ = try harness.store.fileComplaint(Self.draft(), code: child.digits, perCodePerDay: 2) }
            #expect(Self.refusal { _ = try harness.store.fileComplaint(Self.draft(), code: child.digits, perCodePerDay: 2) } == "rate_limited")
            #expect(try harness.store.complaints().count == 2, "the refused complaint changed nothing")
            harness.now += S.day
            #expect(try harness.store.fileComplaint(Self.draft(), code: child.digits, perCodePerDay: 2).status == .received)
        }
    }

    @Test func aReceiptOpensOnlyItsOwnCodesComplaintAsTyped() throws {
        try CentralHarness.with { harness in
            let (batch, child, _) = try Self.soldOnward(harness)
            let filed = try harness.store.fileComplaint(Self.draft(), code: child.digits, perCodePerDay: 5)
            let typed = " " + filed.receipt.lowercased().replacingOccurrences(of: "-", with: " ")
            #expect(try harness.store.complaint(receipt: typed, code: child.grouped).id == filed.id)
            #expect(Self.refusal { _ = try harness.store.complaint(receipt: filed.receipt, code: batch.digits) } == "unknown_complaint")
            #expect(Self.refusal { _ = try harness.store.complaint(receipt: "TS-0000000000", code: child.digits) } == "unknown_complaint")
            #expect(Self.refusal { _ = try harness.store.complaint(receipt: "nonsense", code: child.digits) } == "unknown_complaint")
        }
    }

    @Test func anAdminTakesUpAndAnswersAComplaintWhichThenCountsForItsOperator() throws {
        try CentralHarness.with { harness in
            let (_, child, _) = try Self.soldOnward(harness)
            let filed = try harness.store.fileComplaint(Self.draft(), code: child.digits, perCodePerDay: 5)
            harness.now += S.hour
            let taken = try harness.store.answerComplaint(filed.id, ComplaintAnswer(status: .inProgress, reply: nil, upheld: nil), author: "王芳")
            #expect(taken.status == .inProgress && taken.updatedBy == "王芳" && taken.updatedAt == harness.now)
            #expect(taken.forShopper.reply == nil)

            for refused in [
                ComplaintAnswer(status: .received, reply: nil, upheld: nil),
                ComplaintAnswer(status: .answered, reply: "已处理", upheld: nil),
                ComplaintAnswer(status: .answered, reply: "  ", upheld: true),
                ComplaintAnswer(status: .answered, reply: "<b>已处理</b>", upheld: true),
            ] {
                #expect(Self.refusal { _ = try harness.store.answerComplaint(filed.id, refused, author: "王芳") } != nil, "\(refused)")
            }
            #expect(try harness.store.complaint(filed.id) == taken, "each refused answer changed nothing")

            let reply = "已核实：该批次已下架，请凭收据到市场办公室退款。"
            let answered = try harness.store.answerComplaint(filed.id, ComplaintAnswer(status: .answered, reply: reply, upheld: true), author: "王芳")
            #expect(answered.status == .answered && answered.reply == reply && answered.upheld == true)
            #expect(answered.forShopper.reply == reply && answered.forShopper.answeredAt == harness.now)
            #expect(try harness.store.complaints(ComplaintFilter(operatorId: S.zhang, upheld: true)).map(\.id) == [filed.id])
            #expect(try harness.store.complaints(ComplaintFilter(operatorId: S.fuji, upheld: true)).isEmpty)
            #expect(try harness.store.complaints(ComplaintFilter(node: S.node, status: .received)).isEmpty)
            #expect(Self.refusal { _ = try harness.store.answerComplaint(999, ComplaintAnswer(status: .inProgress, reply: nil, upheld: nil), author: "王芳") } == "unknown_complaint")
        }
    }

    @Test func aFormTokenHoldsForItsOwnCodeForTwoHours() throws {
        try CentralHarness.with { harness in
            let (batch, child, _) = try Self.soldOnward(harness)
            let token = harness.store.complaintFormToken(code: child.digits)
            try harness.store.checkComplaintForm(token, code: child.grouped)
            #expect(Self.refusal { try harness.store.checkComplaintForm(token, code: batch.digits) } == "complaint_form")
            #expect(Self.refusal { try harness.store.checkComplaintForm("", code: child.digits) } == "complaint_form")
            let forged = String(token.dropLast()) + (token.last == "0" ? "1" : "0")
            #expect(Self.refusal { try harness.store.checkComplaintForm(forged, code: child.digits) } == "complaint_form")
            let issued = token.split(separator: ".")[1]
            #expect(Self.refusal { try harness.store.checkComplaintForm("\(harness.now / 1000 + 1).\(issued)", code: child.digits) } == "complaint_form",
                    "the issue time is signed with the code")
            harness.now += ComplaintFormKey.lifetime
            try harness.store.checkComplaintForm(token, code: child.digits)
            harness.now += 1_000
            #expect(Self.refusal { try harness.store.checkComplaintForm(token, code: child.digits) } == "complaint_form")
        }
    }
}

/// What a shopper's form may hold: a category from the list, plain text of bounded length, a real phone number.
@Suite("Complaint drafts")
struct ComplaintDraftTests {
    static func code(_ body: () throws -> Void) -> String? { ComplaintStoreTests.refusal(body) }

    @Test(arguments: ["<b>坏了</b>", "看<a href=x>这里</a>", "<!-- x -->", "<script>alert(1)</script>", "a <br> b"])
    func markupIsRefused(text: String) {
        #expect(Self.code { _ = try ComplaintDraft(category: "other", text: text, phone: nil) } == "complaint_markup")
    }

    @Test func aLoneAngleBracketIsPlainTextButOneClosedLaterIsNot() throws {
        #expect(try ComplaintDraft(category: "other", text: "数量 < 1 斤", phone: nil).text == "数量 < 1 斤")
        #expect(try ComplaintDraft(category: "other", text: "少了 > 半斤", phone: nil).text == "少了 > 半斤")
        #expect(try ComplaintDraft(category: "other", text: "少了 > 半斤，重量 < 1 斤", phone: nil).text == "少了 > 半斤，重量 < 1 斤")
        #expect(Self.code { _ = try ComplaintDraft(category: "other", text: "重量 <1 斤, 价格 >5 元", phone: nil) } == "complaint_markup")
    }

    @Test func textMustBeThereAndWithinItsLength() throws {
        #expect(Self.code { _ = try ComplaintDraft(category: "other", text: "  \n ", phone: nil) } == "complaint_text")
        #expect(Self.code { _ = try ComplaintDraft(category: "other", text: String(repeating: "短", count: 1_001), phone: nil) } == "complaint_text")
        #expect(Self.code { _ = try ComplaintDraft(category: "other", text: "坏\u{0007}了", phone: nil) } == "complaint_text")
        #expect(try ComplaintDraft(category: "other", text: String(repeating: "短", count: 1_000), phone: nil).text.count == 1_000)
        #expect(try ComplaintDraft(category: "other", text: "  第一行\n第二行  ", phone: nil).text == "第一行\n第二行")
    }

    @Test func theCategoryIsOneOfTheList() throws {
        #expect(Self.code { _ = try ComplaintDraft(category: "price", text: "贵", phone: nil) } == "complaint_category")
        #expect(Self.code { _ = try ComplaintDraft(category: nil, text: "贵", phone: nil) } == "complaint_category")
        #expect(ComplaintCategory.allCases.map(\.label.zh) == ["变质/异味", "数量不足", "标签不符", "疑似假冒", "其他"])
    }

    @Test(arguments: [
        ("138 1234 5678", "13812345678"), ("+86 138-1234-5678", "13812345678"), ("0898-6652 0173", "089866520173"),
        ("(0898) 66520173", "089866520173"), ("", nil), ("   ", nil),
    ] as [(String, String?)])
    func phoneNumbersAreReadAsTyped(typed: String, stored: String?) throws {
        #expect(try ComplaintDraft(category: "other", text: "x", phone: typed).phone == stored)
    }

    @Test(arguments: ["12345", "1381234567", "138123456789", "10012345678", "abc", "0012345678901", "138-1234-567x"])
    func anythingElseIsNoPhoneNumber(typed: String) {
        #expect(Self.code { _ = try ComplaintDraft(category: "other", text: "x", phone: typed) } == "complaint_phone")
    }

    @Test func receiptsAreShortRandomAndReadForgivingly() {
        let receipts = Set((0..<200).map { _ in ComplaintReceipt.make() })
        #expect(receipts.count == 200)
        #expect(receipts.allSatisfy { $0.count == 13 && ComplaintReceipt.normalised($0) == $0 })
        #expect(ComplaintReceipt.normalised("ts-ab1c 2d3e-4f") == "TS-AB1C2D3E4F")
        #expect(ComplaintReceipt.normalised("TS-OIL0000000") == "TS-0110000000")
        #expect(ComplaintReceipt.normalised("TS-ABC") == nil)
        #expect(ComplaintReceipt.normalised("TS-UUUUUUUUUU") == nil)
    }
}
