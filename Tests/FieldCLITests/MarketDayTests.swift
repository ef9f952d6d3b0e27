import Foundation
import SyncCore
import Testing

/// A whole market day on one device, run through the real `field` binary.
@Suite struct MarketDayTests {
    /// The code the test device issues as its `serial`th code of 2026-11-24.
    func code(_ serial: Int) -> TraceCode {
        TraceCode.make(node: testNode, deviceNumber: testDeviceNumber, date: "261124", serial: serial)
    }

    @Test func aWholeMarketDayIsRecordedTracedVerifiedAndExported() async throws {
        try await withDevice(initialised: false) { device in
            // Set up the device.
            let setup = try await device.run("init", "--node", "46010001", "--device-number", "12", "--inspector", "李明")
            #expect(setup.status == 0, "\(setup)")
            #expect(setup.stdout.contains("节点 46010001"))
            #expect(setup.stdout.contains("设备序号 12"))
            let identity = try await device.json("status")["identity"]
            #expect(identity?["node"]?.asString == "46010001")
            #expect(identity?["deviceNumber"]?.asInt == 12)
            #expect(identity?["inspector"]?.asString == "李明")
            #expect(try await device.journalEntries() == 0)

            // Register the node's operators under their fixture ids.
            let operators = try FixtureOperator.of(node: testNode)
            #expect(operators.count == 4)
            for fixture in operators {
                let result = try await device.run(fixture.addArguments + ["--json"])
                #expect(result.status == 0, "\(result)")
                let registered = try result.json()
                #expect(registered["id"]?.asString == fixture.id)
                #expect(registered["name"]?.asString == fixture.name)
                #expect(registered["creditCode"]?.asString == fixture.creditCode)
                if let phone = fixture.phone {
                    #expect(registered["phone"]?.asString != phone, "a listed phone number is masked")
                }
            }
            #expect(try #require(try await device.json("operator", "list").asArray).count == 4)

            // Three receipts: by product code and by Chinese name; operators by id, name and credit code.
            let greens = try await receive(device, "--product", "200102", "--quantity", "500",
                                     "--operator", "OP-46010001-001", "--supplier", "澄迈县福山镇绿源瓜菜专业合作社",
                                     "--origin", "469023", "--time", "2026-11-24 05:02")
            let tomatoes = try await receive(device, "--product", "番茄", "--quantity", "300.5", "--operator", "陈美玲",
                                       "--supplier", "云南元谋阳光蔬菜有限公司", "--origin", "530000",
                                       "--time", "2026-11-24 05:21")
            let pork = try await receive(device, "--product", "100101", "--quantity", "1250.5",
                                   "--operator", "92460106L60935281Q", "--supplier", "海南澄金肉联食品有限公司",
                                   "--origin", "469023", "--upstream-code", "46900001202611240007",
                                   "--quarantine-cert", "4600312087", "--meat-quality-cert", "46900001-20261124-007",
                                   "--vehicle-plate", "琼A3K682", "--time", "2026-11-24 03:15")
            #expect([greens, tomatoes, pork] == [code(1), code(2), code(3)])
            let tomatoView = try await device.json("show", tomatoes.digits)
            #expect(tomatoView["product"]?.asString == "220302")
            #expect(tomatoView["productName"]?["zh"]?.asString == "番茄")
            #expect(tomatoView["receipt"]?["operatorId"]?.asString == "OP-46010001-002")
            #expect(try await device.json("show", pork.digits)["receipt"]?["operatorId"]?.asString == "OP-46010001-004")
            #expect(try await device.journalEntries() == 7)

            // A failed test holds the tomatoes.
            let inspection = try await device.run("inspect", tomatoes.digits, "--item", "农药残留", "--method", "速测卡",
                                            "--value", "抑制率 62%", "--result", "fail", "--time", "2026-11-24 06:10")
            #expect(inspection.status == 0, "\(inspection)")
            #expect(inspection.stdout.contains("扣留"), "\(inspection)")
            #expect(try await device.json("show", tomatoes.digits)["status"]?.asString == "held")

            // The held batch cannot be sold, in either language, and nothing is recorded.
            let entriesBeforeRefusal = try await device.journalEntries()
            let refused = try await device.run("sell", tomatoes.digits, "--quantity", "20", "--buyer", "张三")
            #expect(refused.status != 0, "\(refused)")
            #expect(refused.stderr.contains("扣留"), "\(refused)")
            #expect(refused.stdout.isEmpty)
            let refusedEn = try await device.run("sell", tomatoes.digits, "--quantity", "20", "--buyer", "张三", "--lang", "en")
            #expect(refusedEn.status != 0, "\(refusedEn)")
            #expect(refusedEn.stderr.contains("food-safety hold"), "\(refusedEn)")
            #expect(try await device.journalEntries() == entriesBeforeRefusal)

            // Two sales of the greens: each prints the buyer's child code.
            let firstSale = try await device.run("sell", greens.digits, "--quantity", "120.5", "--buyer", "OP-46010001-002",
                                           "--price", "3.2", "--time", "2026-11-24 06:30")
            #expect(firstSale.status == 0, "\(firstSale)")
            #expect(firstSale.stdout.contains(code(4).grouped), "\(firstSale)")
            let secondSale = try await device.run("sell", greens.digits, "--quantity", "80", "--buyer", "美兰区某饭店",
                                            "--time", "2026-11-24 06:45")
            #expect(secondSale.status == 0, "\(secondSale)")
            #expect(secondSale.stdout.contains(code(5).grouped), "\(secondSale)")
            let greensView = try await device.json("show", greens.digits)
            let received = try #require(greensView["received"]?.asString.flatMap(Quantity.init))
            let sold = try #require(greensView["sold"]?.asString.flatMap(Quantity.init))
            #expect(received.description == "500")
            #expect(sold.description == "200.5")
            #expect(greensView["balance"]?.asString == (received - sold).description)
            #expect(greensView["status"]?.asString == "open")

            // A correction of the pork's received quantity.
            let correction = try await device.run("correct", pork.digits, "--set", "quantity=1200", "--time", "2026-11-24 07:00")
            #expect(correction.status == 0, "\(correction)")
            let porkView = try await device.json("show", pork.digits)
            #expect(porkView["receipt"]?["quantity"]?.asString == "1200")
            #expect(porkView["received"]?.asString == "1200")
            let porkReceipt = try #require(porkView["events"]?.asArray?.first { $0["kind"]?.asString == "receipt" })
            #expect(porkReceipt["version"]?.asInt == 1)
            #expect(porkReceipt["fields"]?["quantity"]?.asString == "1200")
            #expect(try await device.journalEntries() == 11)

            // The weighing system's export: 20 more batches.
            let batchesBeforeImport = try await device.batchCount()
            #expect(batchesBeforeImport == 3)
            let imported = try await device.run("import", Fixtures.path("import/weighing-sample.csv"), "--json")
            #expect(imported.status == 0, "\(imported)")
            let report = try imported.json()
            #expect(report["rows"]?.asInt == 20)
            #expect(report["imported"]?.asArray?.count == 20)
            #expect(report["problems"]?.asArray?.isEmpty == true)
            #expect(try await device.batchCount() == batchesBeforeImport + 20)
            let entries = try await device.journalEntries()
            #expect(entries == 31)

            // Show, in words.
            let shown = try await device.run("show", greens.digits)
            #expect(shown.status == 0, "\(shown)")
            #expect(shown.stdout.contains("菜心"))
            #expect(shown.stdout.contains("余量：299.5 kg"), "\(shown)")
            #expect(shown.stdout.contains(code(4).grouped))

            // Tracing a child code reaches its batch.
            let traced = try await device.json("trace", code(4).digits)
            #expect(traced["queried"]?.asString == code(4).digits)
            #expect(traced["batch"]?["code"]?.asString == greens.digits)
            #expect(traced["issuingSale"]?.asString != nil)
            #expect(traced["downstream"]?.asArray?.compactMap(\.asString) == [code(4).digits, code(5).digits])
            let tracedText = try await device.run("trace", code(5).digits)
            #expect(tracedText.status == 0, "\(tracedText)")
            #expect(tracedText.stdout.contains("● " + greens.grouped), "\(tracedText)")

            // The journal checks out and names its entry count.
            let verified = try await device.run("verify")
            #expect(verified.status == 0, "\(verified)")
            #expect(verified.stdout.contains("\(entries) 条记录"), "\(verified)")
            let verifiedJSON = try await device.json("verify")
            #expect(verifiedJSON["ok"]?.asBool == true)
            #expect(verifiedJSON["entries"]?.asInt == entries)

            // CSV export: a header and one parseable row per batch.
            let csv = try await device.run("export", "--format", "csv")
            #expect(csv.status == 0, "\(csv)")
            let records = try CSVReader.records(csv.stdout)
            let header = try #require(records.first).fields
            #expect(header.first == "code")
            #expect(records.count == 1 + 23)
            for record in records.dropFirst() { #expect(record.fields.count == header.count, "\(record)") }
            let rows = Dictionary(uniqueKeysWithValues: records.dropFirst().map { record in
                (record.fields[0], Dictionary(uniqueKeysWithValues: zip(header, record.fields)))
            })
            #expect(rows.count == 23)
            #expect(rows[greens.digits]?["balance"] == "299.5")
            #expect(rows[greens.digits]?["sold"] == "200.5")
            #expect(rows[tomatoes.digits]?["status"] == "held")
            #expect(rows[pork.digits]?["received"] == "1200")
            #expect(rows[pork.digits]?["upstream_code"] == "46900001202611240007")
            #expect(rows[code(4).digits] == nil, "child codes are not batches")

            // JSON export: every batch with its events.
            let json = try await device.run("export", "--format", "json")
            #expect(json.status == 0)
            let exported = try #require(try json.json().asArray)
            #expect(exported.count == 23)
            #expect(Set(exported.compactMap { $0["code"]?.asString }) == Set(rows.keys))
            let exportedGreens = try #require(exported.first { $0["code"]?.asString == greens.digits })
            #expect(exportedGreens["events"]?.asArray?.count == 3)
        }
    }

    /// `field receive ARGUMENTS --json`, checked; the new batch's code.
    private func receive(_ device: FieldDevice, _ arguments: String...) async throws -> TraceCode {
        let result = try await device.run(["receive"] + arguments + ["--json"])
        try #require(result.status == 0, "\(result)")
        return try TraceCode(parsing: try #require(try result.json()["code"]?.asString))
    }
}
