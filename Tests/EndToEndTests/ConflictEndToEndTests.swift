import Foundation
import SyncCore
import CentralCore
import CentralSQLite
import Testing
import TestSupport

/// One scenario per conflict kind of DESIGN.md §4, through real `field` devices and a real `sync-server`: two devices
/// of one market record offline, sync, both show the same provisional outcome, and an admin's resolution reaches both.
@Suite
struct ConflictEndToEndTests {
    @Test
    func twoOfflineCorrectionsOfOneSupplierShowTheLaterOneUntilTheAdminChoosesTheOther() async throws {
        try await ConflictMarket.with { market in
            let (a, b) = (market.a, market.b)
            let batch = try await market.receive(on: a, supplier: "海南澄金肉联食品有限公司").code
            try await market.sync(a)
            try await market.sync(b)
            #expect(try await market.shown(batch, on: b)["receipt"]?["supplier"] == .string("海南澄金肉联食品有限公司"))

            // Offline, each corrects the supplier its own way; neither sees the other.
            let fromA = "澄迈金江肉联厂", fromB = "定安县仙沟牧场"
            _ = try await a.device.json("correct", batch, "--set", "supplier=\(fromA)")
            _ = try await b.device.json("correct", batch, "--set", "supplier=\(fromB)")
            #expect(try await market.shown(batch, on: a)["receipt"]?["supplier"] == .string(fromA))
            #expect(try await market.shown(batch, on: b)["receipt"]?["supplier"] == .string(fromB))

            let first = try await market.sync(a)
            #expect(first["pushed"] == .integer(1) && first["applied"] == .integer(1) && first["conflicts"] == .integer(0))
            let second = try await market.sync(b)
            #expect(second["pushed"] == .integer(1) && second["conflicts"] == .integer(1))
            try await market.sync(a)

            let conflict = try await market.onlyOpenConflict(.concurrentEdit)
            #expect(conflict.batchCode == batch && conflict.field == "supplier")
            #expect(conflict.candidates.count == 2)
            #expect(Set(conflict.candidates.map(\.value)) == [fromA, fromB])
            #expect(Set(conflict.candidates.map(\.author)) == ["检测员a", "检测员b"])
            let later = try #require(conflict.candidates.max { $0.hlc < $1.hlc })
            let other = try #require(conflict.candidates.firstIndex { $0 != later })

            // Provisionally the higher HLC wins, on both devices alike.
            for device in [a, b] {
                #expect(try await market.shown(batch, on: device)["receipt"]?["supplier"] == .string(later.value))
                try await market.expectOpen(conflict, on: batch, device: device)
            }
            #expect(try await market.shown(batch, on: a) == market.shown(batch, on: b))

            let note = "以供货单为准，供货方为\(conflict.candidates[other].value)"
            let resolved = try await market.resolve(conflict, ["--action", "choose", "--candidate", String(other)], note: note)
            #expect(resolved.resolution?.action == .choose && resolved.resolution?.candidate == other)
            #expect(resolved.resolution?.serverSeq != nil, "choosing changes data through a server entry")

            let shown = try await market.expectBothPulled(resolved, on: batch)
            #expect(shown["receipt"]?["supplier"] == .string(conflict.candidates[other].value))
            let correction = try #require(shown.events.last)
            #expect(correction["kind"] == .string("correction") && correction["author"] == .string(ConflictMarket.admin))
        }
    }

    @Test
    func twoOfflineSalesOf80KgFromA100KgBatchBothStandUntilTheAdminVoidsOne() async throws {
        try await ConflictMarket.with { market in
            let (a, b) = (market.a, market.b)
            let batch = try await market.receive(on: a, quantity: "100").code
            try await market.sync(a)
            try await market.sync(b)

            let saleA = try #require(try await a.device.json("sell", batch, "--quantity", "80", "--buyer", "张三", "--price", "26")["eventId"]?.stringValue)
            let saleB = try #require(try await b.device.json("sell", batch, "--quantity", "80", "--buyer", "李四", "--price", "25.5")["eventId"]?.stringValue)
            #expect(try await market.shown(batch, on: a)["balance"] == .string("20"))
            #expect(try await market.shown(batch, on: b)["balance"] == .string("20"))

            #expect(try await market.sync(a)["applied"] == .integer(1))
            let second = try await market.sync(b)
            #expect(second["pushed"] == .integer(1) && second["conflicts"] == .integer(1) && second["rejected"] == .integer(0))
            try await market.sync(a)
            try await market.sync(b)

            let conflict = try await market.onlyOpenConflict(.oversold)
            #expect(conflict.batchCode == batch)
            #expect(Set(conflict.candidates.map(\.eventId)) == [saleA, saleB])
            #expect(conflict.candidates.allSatisfy { $0.value == "sale 80" })

            // Both sales stand; the batch is flagged negative on both devices.
            for device in [a, b] {
                let shown = try await market.shown(batch, on: device)
                #expect(shown["balance"] == .string("-60"))
                #expect(shown["sold"] == .string("160"))
                #expect(shown.flags == ["oversold"])
                #expect(shown.events.filter { $0["kind"] == .string("sale") && $0["voidedBy"] == nil }.count == 2)
                try await market.expectOpen(conflict, on: batch, device: device)
                let text = try await device.device.run("show", batch)
                #expect(text.stdout.contains("⚠ 超卖（余量为负）"), "\(text)")
            }
            #expect(try await market.shown(batch, on: a) == market.shown(batch, on: b))

            let note = "李四的交易为重复录入（同一车货），该笔作废"
            let resolved = try await market.resolve(conflict, ["--action", "void", "--event-id", saleB], note: note)
            #expect(resolved.resolution?.action == .void && resolved.resolution?.eventId == saleB)
            #expect(resolved.resolution?.serverSeq != nil, "voiding changes data through a server entry")

            let shown = try await market.expectBothPulled(resolved, on: batch)
            #expect(shown["balance"] == .string("20"))
            #expect(shown["sold"] == .string("80"))
            #expect(shown.flags.isEmpty)
            let voided = try #require(shown.events.first { $0["id"] == .string(saleB) })
            #expect(voided["voidedBy"]?.stringValue != nil)
            #expect(shown.events.first { $0["id"] == .string(saleA) }?["voidedBy"] == nil)
        }
    }

    @Test
    func aSaleFromABatchAnotherDeviceFailedOfflineStandsAsAFoodSafetyAlertUntilAccepted() async throws {
        try await ConflictMarket.with { market in
            let (a, b) = (market.a, market.b)
            let batch = try await market.receive(on: a, quantity: "100", product: "100104").code
            try await market.sync(a)
            try await market.sync(b)

            // A fails the batch's clenbuterol test while B, which does not know yet, sells from it.
            let failed = try await a.device.json("inspect", batch, "--item", "瘦肉精", "--value", "阳性", "--result", "fail")
            #expect(failed["status"] == .string("held"))
            let refused = try await a.device.run("sell", batch, "--quantity", "5", "--buyer", "张三")
            #expect(refused.status == 1, "a held batch is not traded on the device that knows it: \(refused)")
            let sale = try #require(try await b.device.json("sell", batch, "--quantity", "30", "--buyer", "王五")["eventId"]?.stringValue)

            #expect(try await market.sync(a)["applied"] == .integer(1))
            let second = try await market.sync(b)
            #expect(second["pushed"] == .integer(1) && second["conflicts"] == .integer(1) && second["rejected"] == .integer(0))
            try await market.sync(a)

            let conflict = try await market.onlyOpenConflict(.heldTraded)
            #expect(conflict.batchCode == batch)
            #expect(conflict.candidates.map(\.value) == ["failed 瘦肉精", "sale 30"])
            #expect(conflict.candidates.last?.eventId == sale)

            // The sale stands, flagged as a food-safety alert, and the batch stays held.
            for device in [a, b] {
                let shown = try await market.shown(batch, on: device)
                #expect(shown["status"] == .string("held"))
                #expect(shown["balance"] == .string("70"))
                #expect(shown.flags == ["traded_while_held"])
                try await market.expectOpen(conflict, on: batch, device: device)
                let text = try await device.device.run("show", batch)
                #expect(text.stdout.contains("扣留（食品安全，待管理员解除）") && text.stdout.contains("⚠ 食品安全警示：扣留后仍有交易"), "\(text)")
                let listed = try await device.device.run("batches")
                #expect(listed.stdout.contains("⚑有待处理冲突"), "\(listed)")
            }
            #expect(try await market.shown(batch, on: a) == market.shown(batch, on: b))

            let note = "已联系买方王五追回 30 公斤，与余量一并销毁；交易记录保留备查"
            let resolved = try await market.resolve(conflict, ["--action", "accept"], note: note)
            #expect(resolved.resolution?.action == .accept && resolved.resolution?.serverSeq == nil)

            let shown = try await market.expectBothPulled(resolved, on: batch)
            #expect(shown["balance"] == .string("70") && shown["status"] == .string("held"))
            #expect(try await !b.device.run("batches").stdout.contains("⚑有待处理冲突"))
        }
    }

    @Test
    func oneQuarantineCertificateOnBatchesOfTwoOperatorsIsFlaggedAndAccepted() async throws {
        try await ConflictMarket.with { market in
            let (a, b) = (market.a, market.b)
            let certificate = "4600312087"
            let first = try await market.receive(
                on: a, operatorId: "OP-46010001-001", product: "100104", extra: ["--quarantine-cert", certificate]
            ).code
            let second = try await market.receive(
                on: b, operatorId: "OP-46010001-002", product: "100104", supplier: "澄迈县大丰镇生猪养殖专业合作社",
                extra: ["--quarantine-cert", certificate]
            ).code

            #expect(try await market.sync(a)["applied"] == .integer(1))
            let synced = try await market.sync(b)
            #expect(synced["pushed"] == .integer(1) && synced["conflicts"] == .integer(1))
            try await market.sync(a)

            let conflict = try await market.onlyOpenConflict(.certificateReuse)
            #expect(conflict.batchCode == second && conflict.field == "quarantine_cert")
            #expect(conflict.candidates.map(\.value) == ["OP-46010001-001", "OP-46010001-002"])
            #expect(Set(conflict.candidates.map(\.deviceId)).count == 2, "one candidate from each device")

            // Both batches stand on both devices, each with the certificate.
            for device in [a, b] {
                for code in [first, second] {
                    let shown = try await market.shown(code, on: device)
                    #expect(shown["receipt"]?["quarantineCert"] == .string(certificate))
                    #expect(shown["balance"] == .string("100") && shown["status"] == .string("open"))
                }
                try await market.expectOpen(conflict, on: second, device: device)
            }

            let note = "两批为同一车生猪分给两户，检疫证明核实无误"
            let resolved = try await market.resolve(conflict, ["--action", "accept"], note: note)
            #expect(resolved.resolution?.action == .accept && resolved.resolution?.serverSeq == nil)

            try await market.expectBothPulled(resolved, on: second)
            #expect(try await market.shown(first, on: a) == market.shown(first, on: b))
        }
    }

    @Test
    func oneOrganisationRegisteredOfflineOnTwoDevicesIsMergedAndBothReceiptsStand() async throws {
        try await ConflictMarket.with { market in
            let (a, b) = (market.a, market.b)
            // A valid GB 32100 code that the demo data does not have.
            let creditCode = "91460106MA5W3C7P47"
            let name = "海南椰城鲜品贸易有限公司"
            let ids = (a: "OP-46010001-101", b: "OP-46010001-102")
            for (device, id, stall) in [(a, ids.a, "A-12"), (b, ids.b, "B-03")] {
                let added = try await device.device.json(
                    "operator", "add", "--name", name, "--credit-code", creditCode, "--id", id, "--stall", stall
                )
                #expect(added["id"] == .string(id) && added["creditCode"] == .string(creditCode))
            }
            let fromA = try await market.receive(on: a, operatorId: ids.a).code
            let fromB = try await market.receive(on: b, operatorId: ids.b, product: "200102").code

            #expect(try await market.sync(a)["applied"] == .integer(2))
            let synced = try await market.sync(b)
            #expect(synced["pushed"] == .integer(2) && synced["conflicts"] == .integer(1) && synced["applied"] == .integer(1))
            try await market.sync(a)

            let conflict = try await market.onlyOpenConflict(.duplicateOperator)
            #expect(conflict.batchCode == nil && conflict.target == ids.a, "the first registered is kept")
            #expect(conflict.candidates.map(\.value) == [ids.a, ids.b])

            for device in [a, b] {
                // Both receipts were applied under their own ids…
                #expect(try await device.device.json("status")["rejected"]?.arrayValue?.isEmpty == true)
                #expect(try await market.shown(fromA, on: device)["receipt"]?["operatorId"] == .string(ids.a))
                #expect(try await market.shown(fromB, on: device)["receipt"]?["operatorId"] == .string(ids.b))
                // …and the organisation is listed once, under the id kept.
                let operators = try #require(try await device.device.json("operator", "list").arrayValue)
                let matching = operators.filter { $0["creditCode"] == .string(creditCode) }
                #expect(matching.map { $0["id"] } == [.string(ids.a)], "\(operators)")
                let status = try await device.device.run("status")
                #expect(status.stdout.contains("本市场待处理冲突：1 个"), "\(status)")
                #expect(status.stdout.contains("⚑ #\(conflict.id) 经营户重复登记 · 待处理，候选 2 个"), "\(status)")
            }
            #expect(try await a.device.json("operator", "list") == b.device.json("operator", "list"))
            // The server lists the same: the organisation once, under the id kept, with the other id as its alias.
            let listed = try await market.server.admin("admin", "operator", "list", "--node", "46010001", "--json")
            #expect(listed.status == 0, "\(listed)")
            let central = try #require(try listed.json().arrayValue).filter { $0["creditCode"] == .string(creditCode) }
            #expect(central.map { $0["id"] } == [.string(ids.a)], "\(listed)")
            #expect(central.first?["aliases"] == .array([.string(ids.b)]), "\(listed)")
            let onDevice = try #require(try await a.device.json("operator", "list").arrayValue).filter { $0["creditCode"] == .string(creditCode) }
            #expect(onDevice.first?["aliases"] == .array([.string(ids.b)]), "\(onDevice)")

            let note = "同一企业在两台设备上各登记一次，保留 \(ids.a)，\(ids.b) 作为别名"
            let resolved = try await market.resolve(conflict, ["--action", "accept"], note: note)
            #expect(resolved.resolution?.action == .accept)

            try await market.sync(a)
            try await market.sync(b)
            for device in [a, b] {
                let status = try await device.device.run("status")
                #expect(status.status == 0)
                #expect(status.stdout.contains("本市场待处理冲突：0 个"), "\(status)")
                #expect(status.stdout.contains("⚑ #\(conflict.id) 经营户重复登记 · 已处理"), "\(status)")
                #expect(status.stdout.contains(note), "\(status)")
                let operators = try #require(try await device.device.json("operator", "list").arrayValue)
                #expect(operators.filter { $0["creditCode"] == .string(creditCode) }.count == 1)
            }
            #expect(try await a.device.json("operator", "list") == b.device.json("operator", "list"))
            for code in [fromA, fromB] {
                #expect(try await market.shown(code, on: a) == market.shown(code, on: b))
            }
        }
    }

    @Test
    func anInspectionOfABatchNotYetSyncedIsHeldFlaggedAfterTheTimeoutAndCountsOnceTheBatchArrives() async throws {
        try await ConflictMarket.with(serverArguments: ["--orphan-timeout", "0"]) { market in
            let (a, b) = (market.a, market.b)
            // A receives the batch but has not synced it; B tests the produce at the stall and records it by code.
            let batch = try await market.receive(on: a, quantity: "200", product: "200102", supplier: "澄迈县福山镇绿源瓜菜专业合作社").code
            let unknown = try await b.device.run("show", batch)
            #expect(unknown.status == 1, "\(unknown)")
            let refused = try await b.device.run("inspect", batch, "--item", "农药残留", "--result", "fail")
            #expect(refused.status == 1, "without --batch-not-synced an unknown batch is refused: \(refused)")
            let inspected = try await b.device.json(
                "inspect", batch, "--item", "农药残留", "--method", "酶抑制率法", "--value", "62%", "--result", "fail",
                "--batch-not-synced"
            )
            #expect(inspected["status"] == .string("not_synced"))
            let eventId = try #require(inspected["eventId"]?.stringValue)

            // B syncs first: the server accepts the inspection and holds it until the batch arrives.
            let synced = try await market.sync(b)
            #expect(synced["pushed"] == .integer(1) && synced["applied"] == .integer(1) && synced["rejected"] == .integer(0))
            let status = try await b.device.json("status")
            #expect(status["pending"] == .integer(0) && status["rejected"]?.arrayValue?.isEmpty == true)
            #expect(try await market.listed("--kind", "orphan").isEmpty, "not flagged before the timeout has been checked")

            // With a timeout of 0 the next push flags the held inspection before A's receipt joins it.
            try await market.sync(a)
            try await market.sync(b)
            let orphan = try await market.onlyOpenConflict(.orphan)
            #expect(orphan.batchCode == batch)
            #expect(orphan.candidates.map(\.eventId) == [eventId])
            for device in [a, b] {
                let shown = try await market.shown(batch, on: device)
                #expect(shown.events.map { $0["kind"] } == [.string("receipt"), .string("inspection")])
                #expect(shown.events.last?["id"] == .string(eventId))
                #expect(shown["status"] == .string("held"), "the failed test counts once its batch arrives")
                let text = try await device.device.run("show", batch)
                #expect(text.stdout.contains("农药残留 不合格 (62%)"), "\(text)")
                try await market.expectOpen(orphan, on: batch, device: device)
            }
            #expect(try await market.shown(batch, on: a) == market.shown(batch, on: b))

            let resolved = try await market.resolve(orphan, ["--action", "accept"], note: "进场登记已补到，检测有效 / the receipt arrived; the test stands")
            #expect(resolved.resolution?.serverSeq == nil)
            try await market.expectBothPulled(resolved, on: batch)
        }
    }

    @Test
    func aReceiptDatedTwoDaysAheadIsFlaggedAsAnImplausibleTimeAndAccepted() async throws {
        try await ConflictMarket.with { market in
            let (a, b) = (market.a, market.b)
            let ahead = BusinessTime.now() + 2 * 24 * 3_600_000
            let receipt = try await market.receive(on: a, extra: ["--time", BusinessTime.display(ahead)])

            let synced = try await market.sync(a)
            #expect(synced["pushed"] == .integer(1) && synced["conflicts"] == .integer(1) && synced["rejected"] == .integer(0))
            try await market.sync(b)

            let conflict = try await market.onlyOpenConflict(.implausibleTime)
            #expect(conflict.batchCode == receipt.code && conflict.target == receipt.eventId && conflict.field == "time")
            let candidate = try #require(conflict.candidates.first)
            #expect(conflict.candidates.count == 1)
            #expect(candidate.eventId == receipt.eventId && candidate.author == "检测员a")
            #expect(try BusinessTime.parse(candidate.value) / 60_000 == ahead / 60_000)

            for device in [a, b] {
                #expect(try await market.shown(receipt.code, on: device)["balance"] == .string("100"))
                try await market.expectOpen(conflict, on: receipt.code, device: device)
            }
            #expect(try await market.shown(receipt.code, on: a) == market.shown(receipt.code, on: b))

            let note = "设备时钟设置错误，已核实实际进场时间，数据保留"
            let resolved = try await market.resolve(conflict, ["--action", "accept"], note: note)
            #expect(resolved.resolution?.action == .accept && resolved.resolution?.serverSeq == nil)
            try await market.expectBothPulled(resolved, on: receipt.code)
        }
    }
}
