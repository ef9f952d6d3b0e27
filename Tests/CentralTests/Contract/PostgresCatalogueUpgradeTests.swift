import Foundation
import Testing
import SyncCore
import TestSupport
import CentralCore
import CentralPostgres

/// A PostgreSQL database seeded before the industries' catalogues (the markets' products only) gains them at the
/// next start, as the SQLite store does at its next open, each logged for devices; a start that finds the catalogue
/// as bundled writes nothing.
@Suite struct PostgresCatalogueUpgradeTests {
    static func productLogCount(_ store: PostgresCentralStore) throws -> Int64 {
        try store.session.row("SELECT count(*) AS n FROM server_log WHERE kind = 'product'")?.int("n") ?? -1
    }

    @Test func aDatabaseSeededBeforeTheIndustriesGainsTheirProductsAtTheNextStartAndALaterStartWritesNothing() throws {
        guard TestPostgres.url != nil || TestPostgres.required else { TestPostgres.announceSkip; return }
        try withTemporaryDirectory { directory in
            let (database, _) = try ContractDatabase.make(.postgres, in: directory, devices: 1)
            defer { database.drop() }
            let bundled = try BundledMasterData.products()
            guard let old = try database.open() as? PostgresCentralStore else {
                Issue.record("the PostgreSQL backend did not open a PostgreSQL store")
                return
            }
            #expect(try Self.productLogCount(old) == Int64(bundled.count))
            try old.session.query("DELETE FROM products WHERE industry <> 'edible_farm_product'")
            try old.session.query(
                "DELETE FROM server_log WHERE kind = 'product' AND body::jsonb ->> 'industry' <> 'edible_farm_product'"
            )
            try old.session.query("UPDATE products SET name_en = 'Pork' WHERE code = '100101'")
            let markets = bundled.filter { $0.industry == "edible_farm_product" }.count
            #expect(try Self.productLogCount(old) == Int64(markets))
            old.close()

            for _ in 1...2 {
                guard let upgraded = try database.open() as? PostgresCentralStore else { return }
                defer { upgraded.close() }
                #expect(try Self.productLogCount(upgraded) == Int64(bundled.count + 1), "the added products and the one restored")
                for product in bundled {
                    let row = try upgraded.session.row("SELECT name_en, restricted FROM products WHERE code = $1", .text(product.code))
                    #expect(row?.string("name_en") == product.nameEn && row?.bool("restricted") == product.isRestricted,
                            "\(product.code)")
                }
            }
        }
    }
}
