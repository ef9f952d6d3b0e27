import Foundation
import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

@Suite("The data key and personal data at rest")
struct DataKeyTests {
    private let idNumber = "46010219900315123X"
    private let phone = "13812345678"

    private func individual(node: String = "46010001") -> Operator {
        Operator(id: "OP-\(node)-901", node: node, name: "陈小梅", kind: .individual, idNumber: idNumber, phone: phone)
    }

    private func addMarket(_ store: CentralStore) throws {
        try store.addNode(Node(code: "46010001", name: "海口市南北水果批发市场", nameEn: "Haikou Nanbei market",
                               kind: "wholesale_market", region: "460106"))
    }

    @Test func aNewStoreGetsAKeyFileReadableOnlyByItsOwner() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("central.sqlite").path
            _ = try CentralStore(path: path)
            let attributes = try FileManager.default.attributesOfItem(atPath: path + ".key")
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let text = try String(contentsOfFile: path + ".key", encoding: .utf8)
            #expect(Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines))?.count == 32)
        }
    }

    @Test func operatorsReadBackInClearButAreStoredSealed() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("central.sqlite").path
            let store = try CentralStore(path: path)
            try addMarket(store)
            try store.upsert(individual())
            #expect(try store.operators(node: "46010001") == [individual()])
            let rows = try store.database.query(
                "SELECT record AS text, sealed FROM operators UNION ALL SELECT body, sealed FROM server_log WHERE kind = 'operator'"
            )
            let stored = rows.compactMap { $0.string("text") }.joined()
            #expect(!stored.contains(idNumber) && !stored.contains(phone))
            #expect(rows.count == 2 && rows.allSatisfy { $0.string("sealed")?.hasPrefix(PersonalDataCipher.envelopePrefix) == true })
            #expect(try CentralStore(path: path).operators(node: "46010001") == [individual()])
        }
    }

    @Test func aWrongKeyIsRefusedClearly() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("central.sqlite").path
            _ = try CentralStore(path: path)
            #expect {
                try CentralStore(path: path, dataKey: .random())
            } throws: { error in
                (error as? TraceSyncError)?.code == .dataKeyMismatch
            }
        }
    }

    @Test func anExistingStoreWithoutItsKeyIsNeverGivenANewOne() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("central.sqlite").path
            _ = try CentralStore(path: path)
            try FileManager.default.removeItem(atPath: path + ".key")
            #expect {
                try CentralStore(path: path)
            } throws: { error in
                (error as? TraceSyncError)?.code == .dataKeyMissing
            }
            #expect(!FileManager.default.fileExists(atPath: path + ".key"))
        }
    }

    @Test func theEnvironmentKeyComesFirstThenTheKeyFile() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("central.sqlite").path
            let keyFile = directory.appendingPathComponent("kept-apart.key").path
            let key = Data((0..<32).map { UInt8($0) }).base64EncodedString()
            try key.write(toFile: keyFile, atomically: true, encoding: .utf8)
            let fromFile = try DataKey.resolve(databasePath: path, keyFile: keyFile, environment: [:])
            _ = try CentralStore(path: path, dataKey: fromFile)
            #expect(!FileManager.default.fileExists(atPath: path + ".key"))
            let fromEnvironment = try DataKey.resolve(
                databasePath: path, environment: [DataKey.environmentVariable: key]
            )
            _ = try CentralStore(path: path, dataKey: fromEnvironment)
        }
    }

    @Test(arguments: ["", "bm90IDMyIGJ5dGVz", "not base64 at all!"])
    func aMalformedKeyIsRefused(text: String) throws {
        #expect {
            try DataKey(base64: text, origin: DataKey.environmentVariable)
        } throws: { error in
            (error as? TraceSyncError)?.code == .badDataKey
        }
    }

    @Test func sealedValuesAreBoundToTheirField() throws {
        let cipher = PersonalDataCipher(key: .random())
        let sealed = try cipher.seal(phone, field: "phone")
        #expect(try cipher.open(sealed, field: "phone") == phone)
        #expect(throws: TraceSyncError.self) { try cipher.open(sealed, field: "idNumber") }
        let document: JSONValue = .object(["operator": .object(["phone": .string(phone), "name": .string("陈")])])
        let stored = try cipher.seal(document)
        #expect(try cipher.open(stored.text, envelope: stored.envelope) == document)
        #expect(try JSONValue.parse(stored.text)["operator"]?["name"] == .string("陈"))
    }
}
