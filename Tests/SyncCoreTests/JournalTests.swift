import Foundation
import Testing
@testable import SyncCore
import TestSupport

@Suite("Device journal")
struct JournalTests {
    /// Records a short market morning: 4 operators (seq 1–4), a receipt (5), a test (6), a sale (7), a disposal (8).
    static func recordMorning(_ store: FieldStore) throws -> TraceCode {
        try store.registerDemoOperators()
        let code = try store.receiveBokChoy()
        try store.inspect(code: code.digits, item: "农药残留", method: "速测卡", value: "12%", result: "pass", time: nil)
        try store.sell(SaleInput(code: code.digits, quantity: "30", buyer: "王老板", price: "4.5"))
        try store.dispose(code: code.digits, quantity: "5", reason: "腐烂", witness: "云秀英", time: nil)
        return code
    }

    @Test func eachRecordingAppendsExactlyOneLinkedEntry() throws {
        try withFieldStore { store in
            var expectedKinds: [EventKind] = []
            func recorded(_ kind: EventKind, _ action: () throws -> Void) throws {
                let before = try store.journalCount()
                try action()
                expectedKinds.append(kind)
                #expect(try store.journalCount() == before + 1, "\(kind)")
            }
            try recorded(.operatorRegistration) {
                try store.registerOperator(OperatorInput(id: "OP-46010001-001", name: "海口龙华区张记蔬菜批发部",
                                                         kind: .organisation, creditCode: "92460106L3827451XA"))
            }
            var code: TraceCode?
            try recorded(.receipt) { code = try store.receiveBokChoy() }
            let batch = try #require(code).digits
            try recorded(.inspection) {
                try store.inspect(code: batch, item: "农药残留", method: nil, value: nil, result: "合格", time: nil)
            }
            var saleId = ""
            try recorded(.sale) { saleId = try store.sell(SaleInput(code: batch, quantity: "10", buyer: "王老板")).eventId }
            try recorded(.disposal) { try store.dispose(code: batch, quantity: "1", reason: "破损", witness: nil, time: nil) }
            try recorded(.correction) { try store.correct(target: saleId, fields: ["quantity": "12"], time: nil) }
            try recorded(.voiding) { try store.void(eventId: saleId, reason: "录错", time: nil) }

            let entries = try store.journalEntries()
            #expect(entries.map(\.seq) == Array(1...Int64(expectedKinds.count)))
            #expect(entries.map(\.kind) == expectedKinds)
            #expect(entries.first?.prev == JournalEntry.genesis)
            for (previous, entry) in zip(entries, entries.dropFirst()) {
                #expect(entry.prev == previous.hash)
                #expect(entry.hlc > previous.hlc)
            }
            for entry in entries {
                #expect(entry.hash == entry.expectedHash)
                #expect(entry.deviceId == store.identity.deviceId)
                #expect(entry.author == "符永清")
                #expect(entry.wallTime == marketMorning)
            }
            #expect(try store.journalHead().hash == entries.last?.hash)
            #expect(try store.verifyJournal() == nil)
        }
    }

    @Test func entriesKeepIncreasingWhenTheDeviceClockIsSetBack() throws {
        try withFieldStore { store in
            try store.registerDemoOperators()
            let day: Int64 = 86_400_000
            for (index, wall) in [marketMorning - day, marketMorning - 2 * day, marketMorning - 2 * day, marketMorning - 3_600_000].enumerated() {
                store.wallClock = { wall }
                _ = try store.receiveBokChoy(time: "2026-11-24 05:0\(index)")
            }
            let entries = try store.journalEntries()
            for (previous, entry) in zip(entries, entries.dropFirst()) { #expect(entry.hlc > previous.hlc) }
            #expect(entries.last?.wallTime == marketMorning - 3_600_000)
        }
    }

    @Test func aReopenedDeviceContinuesItsChainAndItsClock() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("device.sqlite").path
            let lastBefore: JournalEntry
            do {
                let store = try FieldStore.initialize(path: path, node: "46010001", deviceNumber: 3, inspector: "云秀英")
                store.wallClock = { marketMorning }
                _ = try Self.recordMorning(store)
                lastBefore = try #require(try store.journalEntries().last)
            }
            let reopened = try FieldStore.open(path: path)
            #expect(reopened.identity.deviceNumber == 3)
            reopened.wallClock = { marketMorning - 86_400_000 }
            let code = try reopened.receiveBokChoy()
            #expect(code.deviceNumber == 3)
            #expect(code.serial == 3, "serials 1 and 2 went to the first batch and its sale")
            let entries = try reopened.journalEntries(from: lastBefore.seq)
            #expect(entries.count == 2)
            #expect(entries[1].seq == lastBefore.seq + 1)
            #expect(entries[1].prev == lastBefore.hash)
            #expect(entries[1].hlc > lastBefore.hlc)
            #expect(try reopened.verifyJournal() == nil)
        }
    }

    @Test func initialisingAnInitialisedDatabaseAgainIsRefused() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("device.sqlite").path
            _ = try FieldStore.initialize(path: path, node: "46010001", deviceNumber: 1, inspector: "符永清")
            let error = #expect(throws: TraceSyncError.self) {
                try FieldStore.initialize(path: path, node: "46010001", deviceNumber: 2, inspector: "符永清")
            }
            #expect(error?.code == .alreadyInitialised)
        }
    }

    @Test func openingAMissingDatabaseIsRefused() throws {
        try withTemporaryDirectory { directory in
            let error = #expect(throws: TraceSyncError.self) {
                try FieldStore.open(path: directory.appendingPathComponent("none.sqlite").path)
            }
            #expect(error?.code == .notInitialised)
        }
    }

    // MARK: - Tampering

    /// An edit made behind the store's back, and the problem `verifyJournal()` must report.
    enum Tampering: String, CaseIterable, Sendable {
        case editPayload
        case reformatPayload
        case deleteMiddleRow
        case swapTwoRowsSeq
        case editHash
        case editHashAndRelink
        case forgeEntryWithItsOwnHash
        case forgeEntryAndRelink
        case forgeFirstEntryPrev
        case garbleClock

        var expected: ChainProblem {
            switch self {
            case .editPayload, .reformatPayload: ChainProblem(kind: .altered, seq: 5)
            case .deleteMiddleRow: ChainProblem(kind: .missing, seq: 5)
            case .swapTwoRowsSeq: ChainProblem(kind: .altered, seq: 5)
            case .editHash, .editHashAndRelink: ChainProblem(kind: .altered, seq: 5)
            case .forgeEntryWithItsOwnHash: ChainProblem(kind: .brokenLink, seq: 6)
            case .forgeEntryAndRelink: ChainProblem(kind: .altered, seq: 6)
            case .forgeFirstEntryPrev: ChainProblem(kind: .brokenLink, seq: 1)
            case .garbleClock: ChainProblem(kind: .altered, seq: 7)
            }
        }

        func apply(to database: Database, entries: [JournalEntry]) throws {
            func changedOneRow() { #expect(database.changes == 1, "\(self)") }
            switch self {
            case .editPayload:
                // The receipt of 100 kg becomes 1000 kg.
                try database.run(
                    #"UPDATE journal SET payload = replace(payload, '"quantity":"100"', '"quantity":"1000"') WHERE seq = 5"#
                )
                changedOneRow()
                let payload = try #require(try database.row("SELECT payload FROM journal WHERE seq = 5")?.string("payload"))
                #expect(payload.contains(#""quantity":"1000""#))
            case .reformatPayload:
                try database.run("UPDATE journal SET payload = replace(payload, ',', ', ') WHERE seq = 5")
                changedOneRow()
            case .deleteMiddleRow:
                try database.run("DELETE FROM journal WHERE seq = 5")
                changedOneRow()
            case .swapTwoRowsSeq:
                try database.inTransaction {
                    try database.run("UPDATE journal SET seq = -1 WHERE seq = 5")
                    try database.run("UPDATE journal SET seq = 5 WHERE seq = 6")
                    try database.run("UPDATE journal SET seq = 6 WHERE seq = -1")
                }
            case .editHash:
                try database.run("UPDATE journal SET hash = ? WHERE seq = 5", String(repeating: "f", count: 64))
                changedOneRow()
            case .editHashAndRelink:
                let fake = String(repeating: "f", count: 64)
                try database.run("UPDATE journal SET hash = ? WHERE seq = 5", fake)
                try database.run("UPDATE journal SET prev = ? WHERE seq = 6", fake)
                changedOneRow()
            case .forgeEntryWithItsOwnHash, .forgeEntryAndRelink:
                let original = entries[4]
                guard case .object(var members) = original.payload else { Issue.record("payload is not an object"); return }
                members["quantity"] = .string("1000")
                let forged = JournalEntry(
                    deviceId: original.deviceId, seq: original.seq, hlc: original.hlc, wallTime: original.wallTime,
                    author: original.author, kind: original.kind, payload: .object(members), prev: original.prev
                )
                try database.run("UPDATE journal SET payload = ?, hash = ? WHERE seq = 5",
                                 forged.payload.canonicalString, forged.hash)
                changedOneRow()
                if self == .forgeEntryAndRelink {
                    try database.run("UPDATE journal SET prev = ? WHERE seq = 6", forged.hash)
                    changedOneRow()
                }
            case .forgeFirstEntryPrev:
                let original = entries[0]
                let prev = String(repeating: "1", count: 64)
                let forged = JournalEntry(
                    deviceId: original.deviceId, seq: 1, hlc: original.hlc, wallTime: original.wallTime,
                    author: original.author, kind: original.kind, payload: original.payload, prev: prev
                )
                try database.run("UPDATE journal SET prev = ?, hash = ? WHERE seq = 1", prev, forged.hash)
                changedOneRow()
            case .garbleClock:
                try database.run("UPDATE journal SET hlc = 'yesterday' WHERE seq = 7")
                changedOneRow()
            }
        }
    }

    @Test(arguments: Tampering.allCases)
    func verificationNamesTheFirstBadEntry(tampering: Tampering) throws {
        try withFieldStore { store in
            _ = try Self.recordMorning(store)
            let entries = try store.journalEntries()
            #expect(entries.count == 8)
            #expect(try store.verifyJournal() == nil)
            try tampering.apply(to: store.database, entries: entries)
            #expect(try store.verifyJournal() == tampering.expected)
        }
    }

    @Test func removingTheLastEntryIsFoundAgainstTheDevicesOwnRecords() throws {
        try withFieldStore { store in
            _ = try Self.recordMorning(store)
            let head = try store.journalHead()
            let eventId = try #require(try store.database.row("SELECT id FROM events WHERE seq = ?", head.count)?.string("id"))
            try store.database.run("DELETE FROM journal WHERE seq = ?", head.count)
            #expect(try store.verifyJournal() == ChainProblem(
                kind: .truncated, seq: head.count, lastRecorded: head.count, eventIds: [eventId]
            ))
        }
    }
}
