import Foundation
import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// A store written before envelopes (personal fields sealed inline as `enc:v1:` strings, other shapes not sealed at
/// all) is rewritten when it is opened with its key, and then reads exactly as before.
@Suite("Resealing a store written before envelopes")
struct LegacyResealingTests {
    typealias S = MergeSamples
    private let idNumber = "46010219900315123X"
    private let phone = "13812345678"
    private let forged = "enc:v1:" + Data(repeating: 7, count: 36).base64EncodedString()

    /// `value` as the inline format sealed it: `idNumber` and `phone` strings not already prefixed, at any depth.
    private func inlineSealed(_ value: JSONValue, _ cipher: PersonalDataCipher) throws -> JSONValue {
        switch value {
        case .object(let members):
            var sealed: [String: JSONValue] = [:]
            for (name, member) in members {
                if PersonalDataCipher.inlineFields.contains(name), case .string(let text) = member,
                   !text.hasPrefix(PersonalDataCipher.inlinePrefix) {
                    sealed[name] = .string(try cipher.seal(text, field: name))
                } else {
                    sealed[name] = try inlineSealed(member, cipher)
                }
            }
            return .object(sealed)
        case .array(let elements): return .array(try elements.map { try inlineSealed($0, cipher) })
        default: return value
        }
    }

    /// Rewrites every stored document of `store` as the inline format wrote it, and marks every table for resealing.
    private func rewriteInline(_ store: CentralStore) throws {
        for column in CentralStore.sealedColumns {
            let keys = column.key.joined(separator: ", ")
            for row in try store.database.query("SELECT \(keys), \(column.text) AS text, \(column.envelope) AS envelope FROM \(column.table)") {
                guard let text = row.string("text") else { continue }
                let document = try store.personalData.open(text, envelope: row.string("envelope"))
                _ = try store.database.query(
                    "UPDATE \(column.table) SET \(column.text) = ?, \(column.envelope) = NULL WHERE "
                        + column.key.map { "\($0) = ?" }.joined(separator: " AND "),
                    [try inlineSealed(document, store.personalData).canonicalString] + column.key.map { row[$0] }
                )
            }
            try store.database.run("INSERT OR IGNORE INTO personal_data_resealing (name) VALUES (?)", column.table)
        }
    }

    @Test func inlineSealedForgedAndPlainRowsAreResealedAndReadAsSent() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("central.sqlite").path
            let individual = Operator(id: "OP-\(S.node)-901", node: S.node, name: "陈小梅", kind: .individual,
                                      idNumber: idNumber, phone: phone)
            let poisoned = Operator(id: "OP-\(S.node)-902", node: S.node, name: "林阿妹", kind: .individual, phone: forged)
            var journal: HandJournal
            do {
                let store = try CentralStore(path: path)
                store.clock = { S.receivedAt }
                try store.addNode(Node(code: S.node, name: "海口市南北水果批发市场", nameEn: "Haikou Nanbei market",
                                       kind: "wholesale_market", region: "460106"))
                try store.upsert(Operator(id: "OP-\(S.node)-900", node: S.node, name: "王记", kind: .individual, phone: "13612345678"))
                let code = try store.issueEnrollCode(node: S.node, expiresAt: S.receivedAt + S.day)
                journal = HandJournal(deviceId: try store.enroll(EnrollRequest(code: code, deviceName: "一号机")).deviceId)
                try journal.append(.operatorRegistration(individual), id: individual.id, at: S.receivedAt)
                try journal.append(.operatorRegistration(poisoned), id: poisoned.id, at: S.receivedAt + 1)
                journal.append(kind: .operatorRegistration, payload: .object([
                    "id": .string("OP-\(S.node)-903"), "node": .string(S.node), "name": .string("吴大海"),
                    "kind": .string("individual"), "Phone": .integer(13_912_345_678),
                ]), at: S.receivedAt + 2)
                let verdicts = try store.push(device: store.device(journal.deviceId), entries: journal.entries).verdicts
                #expect(verdicts.map(\.verdict) == [.applied, .applied, .rejected])
                try rewriteInline(store)
                let inline = try store.database.row("SELECT payload FROM entries WHERE device_id = ? AND seq = 1", journal.deviceId)
                #expect(inline?.string("payload")?.contains(PersonalDataCipher.inlinePrefix) == true)
            }

            let store = try CentralStore(path: path)
            #expect(try store.database.scalar("SELECT count(*) FROM personal_data_resealing") == 0)
            for column in CentralStore.sealedColumns {
                for row in try store.database.query("SELECT \(column.text) AS text FROM \(column.table)") {
                    let text = row.string("text") ?? ""
                    for clear in [idNumber, phone, "13612345678", "13912345678", forged, PersonalDataCipher.inlinePrefix] {
                        #expect(!text.contains(clear), "\(column.table).\(column.text) still holds \(clear)")
                    }
                }
            }
            for sent in journal.entries {
                let row = try #require(try store.database.row(
                    "SELECT * FROM entries WHERE device_id = ? AND seq = ?", sent.deviceId, sent.seq))
                #expect(try store.journalEntry(row) == sent)
            }
            let operators = try store.operators(node: S.node)
            #expect(operators.contains(individual) && operators.contains(poisoned))
            #expect(operators.contains { $0.phone == "13612345678" })
            let pulled = try store.pull(device: store.device(journal.deviceId), cursor: 0, limit: 100)
            #expect(pulled.items.count >= 4)
            #expect(try store.verifyStore().allSatisfy(\.findings.isEmpty))
            try store.database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            let files = ["", "-wal", "-shm"].reduce(into: Data()) { bytes, suffix in
                bytes += FileManager.default.contents(atPath: path + suffix) ?? Data()
            }
            #expect(files.range(of: Data("13912345678".utf8)) == nil, "the old plaintext is overwritten in the file")
        }
    }
}
