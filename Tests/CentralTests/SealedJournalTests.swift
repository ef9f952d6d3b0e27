import Foundation
import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// Journal entries whose payload holds personal numbers are stored sealed, yet read back exactly as the device sent
/// them, so their hash chain still verifies.
@Suite("Sealed journal entries")
struct SealedJournalTests {
    typealias S = MergeSamples

    @Test func aSealedEntryReadsBackWithItsOwnHash() throws {
        try CentralHarness.with { harness in
            var journal = try harness.enroll("一号机", author: "符永清")
            let individual = Operator(id: "OP-\(S.node)-901", node: S.node, name: "陈小梅", kind: .individual,
                                      idNumber: "46010219900315123X", phone: "13812345678")
            let sent = try journal.append(.operatorRegistration(individual), id: individual.id, at: S.receivedAt)
            #expect(try harness.push(journal).verdicts.map(\.verdict) == [.applied])

            let row = try #require(try harness.store.database.row(
                "SELECT * FROM entries WHERE device_id = ? AND seq = 1", sent.deviceId
            ))
            #expect(row.string("payload")?.contains("46010219900315123X") == false)
            #expect(JournalEntry(row)?.expectedHash != sent.hash, "the stored payload is sealed")
            let read = try #require(try harness.store.journalEntry(row))
            #expect(read == sent)
            #expect(read.expectedHash == read.hash)
            #expect(try harness.store.operators(node: S.node).contains(individual))
        }
    }

    @Test func aValueThatOnlyLooksPersonalIsSealedAtRestButExportedAsRecorded() throws {
        try CentralHarness.with { harness in
            var journal = try harness.enroll("一号机", author: "符永清")
            // 15 digits: the shape of an old ID card number, but a quarantine certificate, which the feed shows.
            let certificate = "460031208700001"
            _ = try journal.append(S.receipt(S.code(1), certificate: certificate), id: UUIDv7.make(millis: S.receivedAt),
                                   at: S.receivedAt)
            #expect(try harness.push(journal).verdicts.map(\.verdict) == [.applied])
            let stored = try #require(try harness.store.database.row("SELECT body FROM events")?.string("body"))
            #expect(!stored.contains(certificate), "sealed at rest")
            let fields = try #require(try harness.store.feed(after: 0, limit: 10).items.first?.fields)
            #expect(fields["quarantineCert"] == .string(certificate), "\(fields)")
        }
    }

    @Test func aRejectedEntryKeepsNoPersonalNumberInItsRowNorInTheReasonThatQuotesIt() throws {
        try CentralHarness.with { harness in
            var journal = try harness.enroll("一号机", author: "符永清")
            let sent = try journal.append(S.receipt(S.code(1), operatorId: "13612345678"), id: UUIDv7.make(millis: S.receivedAt),
                                          at: S.receivedAt)
            let verdict = try #require(try harness.push(journal).verdicts.first)
            #expect(verdict.verdict == .rejected && verdict.reasonCode == "unknown_operator")
            #expect(verdict.message?.en.contains("136****5678") == true, "\(String(describing: verdict.message))")
            let row = try #require(try harness.store.database.row(
                "SELECT * FROM entries WHERE device_id = ? AND seq = 1", sent.deviceId
            ))
            for column in ["payload", "reason_message", "sealed"] {
                #expect(row.string(column)?.contains("13612345678") != true, "\(column)")
            }
            #expect(try harness.store.journalEntry(row) == sent)
            #expect(try harness.replay(journal).verdicts == [verdict])
        }
    }

    @Test func aConflictOverPhoneNumbersKeepsThemSealedInTheAdminsQueueAndItsResolution() throws {
        try CentralHarness.with { harness in
            var a = try harness.enroll("一号机", author: "符永清")
            var b = try harness.enroll("二号机", author: "云秀英")
            let batch = S.code(1)
            try a.append(S.receipt(batch), id: "r", at: marketMorning)
            try harness.push(a)
            try a.append(S.correction(batch, target: "r", ["supplier": "13812345678"], versionSeen: 0), id: "c-a",
                         at: marketMorning + 600_000)
            try b.append(S.correction(batch, target: "r", ["supplier": "13912345678"], versionSeen: 0), id: "c-b",
                         at: marketMorning + 300_000)
            try harness.push(a)
            try harness.push(b)
            let conflict = try #require(try harness.store.conflicts(status: .open).first)
            #expect(conflict.candidates.map(\.value) == ["13812345678", "13912345678"])
            try harness.store.resolve(conflict.id, ResolveRequest(action: .set, value: "13712345678", note: "以供货方电话为准"),
                                      author: "南北管理员")
            #expect(try harness.store.conflict(conflict.id).resolution?.value == "13712345678")

            let stored = try harness.store.database.query(
                """
                SELECT candidate AS text FROM conflict_candidates UNION ALL SELECT resolution FROM conflicts
                UNION ALL SELECT body FROM server_log WHERE body IS NOT NULL UNION ALL SELECT body FROM events
                UNION ALL SELECT payload FROM entries
                """
            ).compactMap { $0.string("text") }.joined()
            #expect(stored.contains("以"), "the resolution's note is stored")
            for number in ["13812345678", "13912345678", "13712345678"] {
                #expect(!stored.contains(number), "\(number) stored in clear")
            }
        }
    }
}
