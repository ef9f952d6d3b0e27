import Foundation
import Testing
@testable import SyncCore
import TestSupport
@testable import CentralCore
@testable import CentralSQLite

/// A store created before the industries' catalogues were bundled (its products the markets' only) gains them when
/// a newer release opens it: a device that had synced before pulls them, and its receipts of them are accepted,
/// where the old store refused them as unknown products. An open that finds the catalogue as bundled writes nothing.
@Suite("Catalogue of a store created by an older release")
struct CatalogueUpgradeTests {
    typealias S = MergeSamples
    static let drug = "500101", restrictedPesticide = "600104"

    /// Makes `store` what the seed before the industries left: only the edible farm products, in the table and in
    /// the server log that devices pull.
    static func asSeededBeforeTheIndustries(_ store: CentralStore) throws {
        try store.database.run("DELETE FROM products WHERE industry <> 'edible_farm_product'")
        try store.database.run(
            "DELETE FROM server_log WHERE kind = 'product' AND json_extract(body, '$.industry') <> 'edible_farm_product'"
        )
    }

    /// A receipt of 30 boxes of amoxicillin capsules, with the lot and expiry the drug profile records.
    static func drugReceipt(_ serial: Int) -> EventBody {
        .receipt(Receipt(
            batchCode: S.code(serial), node: S.node, product: drug, quantity: Quantity(units: 30_000), unit: "box",
            operatorId: S.zhang, supplier: "海南海神同洲制药有限公司", origin: "460106",
            approvalNumber: "国药准字H46020101", lotNumber: "240618", expiry: "2028-06-30", time: marketMorning
        ))
    }

    /// The catalogue items a pull from `cursor` gives `journal`'s device, and the cursor after them.
    static func pulledProducts(_ store: CentralStore, _ journal: HandJournal, after cursor: Int64) throws
        -> (products: [Product], cursor: Int64) {
        var products: [Product] = [], cursor = cursor
        while true {
            let page = try store.pull(device: store.device(journal.deviceId), cursor: cursor, limit: 500)
            products += page.items.compactMap(\.product)
            cursor = page.nextCursor
            if !page.more { return (products, cursor) }
        }
    }

    static func productLogCount(_ store: CentralStore) throws -> Int64 {
        try store.database.scalar("SELECT count(*) FROM server_log WHERE kind = 'product'") ?? 0
    }

    @Test func anOlderStoreGainsTheBundledProductsAtOpenAndADeviceThatHadSyncedPullsAndRecordsThem() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("central.sqlite").path
            var journal: HandJournal
            let cursor: Int64
            do {
                let old = try CentralStore(path: path)
                old.clock = { S.receivedAt }
                try Self.asSeededBeforeTheIndustries(old)
                try old.addNode(Node(code: S.node, name: "海口市南北水果批发市场", nameEn: "Haikou Nanbei market",
                                     kind: "wholesale_market", region: "460106"))
                try old.upsert(Operator(id: S.zhang, node: S.node, name: "海口龙华区张记蔬菜批发部", kind: .organisation))
                let code = try old.issueEnrollCode(node: S.node, expiresAt: S.receivedAt + S.day)
                journal = HandJournal(deviceId: try old.enroll(EnrollRequest(code: code, deviceName: "一号机")).deviceId)
                let synced = try Self.pulledProducts(old, journal, after: 0)
                #expect(synced.products.allSatisfy { $0.industry == "edible_farm_product" })
                cursor = synced.cursor
                try journal.append(Self.drugReceipt(1), id: "r1", at: marketMorning)
                let refused = try old.push(device: old.device(journal.deviceId), entries: journal.entries)
                #expect(refused.verdicts.map(\.verdict) == [.rejected])
                #expect(refused.verdicts.first?.reasonCode == "unknown_product")
            }

            let upgraded = try CentralStore(path: path)
            upgraded.clock = { S.receivedAt }
            let bundled = try BundledMasterData.products()
            let added = bundled.filter { $0.industry != "edible_farm_product" }
            #expect(Set(added.map(\.industry)) == ["drug", "farm_input", "food", "hazardous_goods"])
            for product in bundled {
                let row = try upgraded.database.row("SELECT industry, restricted FROM products WHERE code = ?", product.code)
                #expect(row?.string("industry") == product.industry, "\(product.code)")
                #expect(row?.int("restricted") == (product.isRestricted ? 1 : 0), "\(product.code)")
            }

            let pulled = try Self.pulledProducts(upgraded, journal, after: cursor).products
            #expect(pulled.map(\.code).sorted() == added.map(\.code).sorted())
            #expect(pulled.first { $0.code == Self.restrictedPesticide }?.isRestricted == true)

            try journal.append(Self.drugReceipt(2), id: "r2", at: marketMorning + 1)
            let answer = try upgraded.push(device: upgraded.device(journal.deviceId), entries: [journal.entries[1]])
            #expect(answer.verdicts.map(\.reasonCode) == [nil])
            #expect(answer.verdicts.map(\.verdict) != [.rejected])
            #expect(try upgraded.batchState(S.code(2))?.receipt.product == Self.drug)
        }
    }

    @Test func anOpenRestoresAProductHeldOtherwiseThanBundledAndWritesNothingWhenAllIsAsBundled() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("central.sqlite").path
            let bundled = try BundledMasterData.products()
            let logged: Int64
            do {
                let store = try CentralStore(path: path)
                #expect(try store.database.scalar("SELECT count(*) FROM products") == Int64(bundled.count))
                logged = try Self.productLogCount(store)
                #expect(logged == Int64(bundled.count))
                try store.database.run("UPDATE products SET restricted = 0, name_en = 'Omethoate' WHERE code = ?",
                                       Self.restrictedPesticide)
            }
            do {
                let store = try CentralStore(path: path)
                #expect(try Self.productLogCount(store) == logged + 1)
                let row = try store.database.row("SELECT name_en, restricted FROM products WHERE code = ?", Self.restrictedPesticide)
                #expect(row?.string("name_en") == bundled.first { $0.code == Self.restrictedPesticide }?.nameEn)
                #expect(row?.int("restricted") == 1)
            }
            let reopened = try CentralStore(path: path)
            #expect(try Self.productLogCount(reopened) == logged + 1)
            #expect(try reopened.database.scalar("SELECT count(*) FROM server_log WHERE kind = 'region'")
                == Int64(try BundledMasterData.regions().count))
        }
    }
}
