import Foundation
import SyncCore
import Testing

/// `field verify` finds a journal edited or cut behind the device's back, naming the first bad entry.
@Suite struct TamperTests {
    /// A device with 6 journal entries: an operator, three receipts, a sale and an inspection.
    func recordSomeEntries(_ device: FieldDevice) async throws {
        let steps: [[String]] = [
            ["operator", "add", "--id", "OP-46010001-002", "--name", "陈美玲", "--kind", "individual",
             "--id-number", "460107198603120426", "--phone", "13808981274"],
            ["receive", "--product", "菜心", "--quantity", "500", "--operator", "陈美玲", "--supplier", "绿源",
             "--origin", "469023", "--time", "2026-11-24 05:00"],
            ["receive", "--product", "番茄", "--quantity", "300", "--operator", "陈美玲", "--supplier", "元谋",
             "--origin", "530000", "--time", "2026-11-24 05:10"],
            ["receive", "--product", "黄瓜", "--quantity", "660", "--operator", "陈美玲", "--supplier", "绿叶",
             "--origin", "469023", "--time", "2026-11-24 05:20"],
            ["sell", TraceCode.make(node: testNode, deviceNumber: testDeviceNumber, date: "261124", serial: 2).digits,
             "--quantity", "100", "--buyer", "张三", "--time", "2026-11-24 06:00"],
            ["inspect", TraceCode.make(node: testNode, deviceNumber: testDeviceNumber, date: "261124", serial: 1).digits,
             "--item", "农药残留", "--result", "pass", "--time", "2026-11-24 06:10"],
        ]
        for step in steps {
            let result = try await device.run(step)
            try #require(result.status == 0, "\(result)")
        }
        let verified = try await device.run("verify")
        try #require(verified.status == 0, "\(verified)")
        try #require(verified.stdout.contains("6 条记录"), "\(verified)")
    }

    @Test func anEditedPayloadIsFoundAndNamedBySeq() async throws {
        try await withDevice { device in
            try await recordSomeEntries(device)
            // Entry 3 is the tomatoes' receipt: make it say 30 instead of 300.
            let edited = try device.withDatabase { database in
                try database.run(
                    "UPDATE journal SET payload = replace(payload, '\"quantity\":\"300\"', '\"quantity\":\"30\"') WHERE seq = 3"
                )
                return try database.row("SELECT payload FROM journal WHERE seq = 3")?.string("payload")
            }
            #expect(edited?.contains("\"quantity\":\"30\"") == true, "the edit took effect")

            let chinese = try await device.run("verify")
            #expect(chinese.status != 0, "\(chinese)")
            #expect(chinese.stderr.contains("第 3 条"), "\(chinese)")
            #expect(chinese.stdout.isEmpty)
            let english = try await device.run("verify", "--lang", "en")
            #expect(english.status != 0, "\(english)")
            #expect(english.stderr.contains("entry #3"), "\(english)")
            let json = try await device.run("verify", "--json")
            #expect(json.status != 0, "\(json)")
            #expect(try json.json()["error"]?["code"]?.asString == "journal_altered")
            #expect(try json.json()["error"]?["field"]?.asString == "seq 3")
        }
    }

    @Test func aDeletedMiddleEntryIsFoundAndNamedBySeq() async throws {
        try await withDevice { device in
            try await recordSomeEntries(device)
            let remaining = try device.withDatabase { database in
                try database.run("DELETE FROM journal WHERE seq = 4")
                return try database.scalar("SELECT count(*) FROM journal")
            }
            #expect(remaining == 5, "the row was deleted")

            let chinese = try await device.run("verify")
            #expect(chinese.status != 0, "\(chinese)")
            #expect(chinese.stderr.contains("缺少第 4 条"), "\(chinese)")
            let english = try await device.run("verify", "--lang", "en")
            #expect(english.status != 0, "\(english)")
            #expect(english.stderr.contains("entry #4 is missing"), "\(english)")
            let json = try await device.run("verify", "--json")
            #expect(json.status != 0, "\(json)")
            #expect(try json.json()["error"]?["code"]?.asString == "journal_missing")
        }
    }

    @Test func aJournalCutOffAtItsEndIsFoundAgainstTheDevicesOwnRecords() async throws {
        try await withDevice { device in
            try await recordSomeEntries(device)
            // Entry 6 is the inspection: remove its journal row, as a crash-and-repair or an attacker might.
            let inspection = try device.withDatabase { database in
                let id = try database.row("SELECT id FROM events WHERE seq = 6")?.string("id")
                try database.run("DELETE FROM journal WHERE seq = 6")
                return id
            }
            let eventId = try #require(inspection)

            let chinese = try await device.run("verify")
            #expect(chinese.status != 0, "\(chinese)")
            #expect(chinese.stderr.contains("缺少第 6 条"), "\(chinese)")
            #expect(chinese.stderr.contains(eventId), "the event that lost its entry is named: \(chinese)")
            let english = try await device.run("verify", "--lang", "en")
            #expect(english.stderr.contains("#6 are missing from its end"), "\(english)")
            let json = try await device.run("verify", "--json")
            #expect(try json.json()["error"]?["code"]?.asString == "journal_truncated")
            #expect(try json.json()["error"]?["field"]?.asString == "seq 6")

            // A new record continues the device's count instead of reusing seq 6 with another content.
            let next = try await device.run("inspect", TraceCode.make(node: testNode, deviceNumber: testDeviceNumber, date: "261124", serial: 2).digits,
                                            "--item", "农药残留", "--result", "pass", "--time", "2026-11-24 06:20")
            #expect(next.status == 0, "\(next)")
            let seqs = try device.withDatabase { database in
                try database.query("SELECT seq FROM journal ORDER BY seq").map { $0.int("seq")! }
            }
            #expect(seqs == [1, 2, 3, 4, 5, 7])
            let still = try await device.run("verify", "--lang", "en")
            #expect(still.status != 0 && still.stderr.contains("entry #6 is missing"), "\(still)")
        }
    }

    @Test func anEventRemovedBehindTheJournalsBackIsFound() async throws {
        try await withDevice { device in
            try await recordSomeEntries(device)
            try device.withDatabase { try $0.run("DELETE FROM events WHERE seq = 5") }
            let json = try await device.run("verify", "--json")
            #expect(json.status != 0, "\(json)")
            #expect(try json.json()["error"]?["code"]?.asString == "journal_event_missing")
            #expect(try json.json()["error"]?["field"]?.asString == "seq 5")
        }
    }

    @Test func anUntouchedJournalStillVerifiesAfterBeingOpenedElsewhere() async throws {
        try await withDevice { device in
            try await recordSomeEntries(device)
            let count = try device.withDatabase { try $0.scalar("SELECT count(*) FROM journal") }
            #expect(count == 6)
            let verified = try await device.run("verify")
            #expect(verified.status == 0, "\(verified)")
        }
    }
}
