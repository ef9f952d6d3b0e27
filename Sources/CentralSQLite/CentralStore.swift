import Foundation
public import CentralCore
public import SyncCore

/// The central store: every node's master data, devices, journals with their verdicts, and the batches, events and
/// trace links merged from them, so that queries never replay journals.
///
/// Not `Sendable`: the server owns one instance from a single serial executor. The writer is opened with
/// `init(path:dataKey:)`, which migrates and seeds; readers beside it with `init(readerAt:dataKey:)`
/// (`CentralStore+Reader`), which only read.
public final class CentralStore {
    public let database: Database
    /// The server's clock in milliseconds; tests replace it.
    public var clock: () -> Int64 = BusinessTime.now
    /// How old a business time may be before it is flagged as implausible (30 days).
    public var pastWindow: Int64 = 30 * 24 * 3_600_000
    /// How long an event may wait for its batch's receipt before it is flagged as an orphan (24 hours).
    public var orphanTimeout: Int64 = 24 * 3_600_000
    /// Batch states the merge derived, kept between pushes.
    let batchStates = BatchStateCache()
    /// Seals the personal numbers of every JSON document before it is written, and puts them back when it is read.
    let personalData: PersonalDataCipher
    /// The key the audit chain's hashes are keyed under, derived from the data key.
    let auditKey: AuditKey

    func mergeContext(receivedAt: Int64) -> MergeContext {
        MergeContext(receivedAt: receivedAt, pastWindow: pastWindow)
    }

    /// Opens (creating and migrating if needed) the store at `path` and seeds the bundled regions and products it
    /// lacks, with the data key `DataKey.resolve(databasePath:)` finds (made beside the database if none).
    public convenience init(path: String) throws {
        try self.init(path: path, dataKey: DataKey.resolve(databasePath: path))
    }

    /// Opens (creating and migrating if needed) the store at `path` with this data key.
    /// - Throws: `TraceSyncError` `data_key_mismatch` when the store's personal data was encrypted under another key.
    public convenience init(path: String, dataKey: DataKey) throws {
        if path != ":memory:" {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true
            )
        }
        self.init(opened: try Database(path: path), dataKey: dataKey)
        try CentralSchema.migrator.migrate(database)
        try checkDataKey()
        try anchorKeyedAuditChain()
        try resealPendingTables()
        try seedBundledMasterData()
    }

    /// The store on a connection as it is: nothing migrated, seeded or checked.
    init(opened database: Database, dataKey: DataKey) {
        self.database = database
        personalData = PersonalDataCipher(key: dataKey)
        auditKey = AuditKey(dataKey: dataKey)
    }

    /// Writes the bundled regions and products that the store lacks or holds otherwise than bundled, each logged for
    /// every device: all of them when the store is new, and at the first open after an upgrade those the release
    /// added or changed (a store created before the industries' catalogues gains their products, and devices pull
    /// them). They are reference data whose only source is the bundle, so nothing else edits these rows; an open
    /// that finds them as bundled writes nothing.
    private func seedBundledMasterData() throws {
        let pending = try bundledMasterDataToWrite()
        guard !pending.regions.isEmpty || !pending.products.isEmpty else { return }
        // Compared again inside the write transaction, so two processes opening the store at once log each change once.
        try database.inTransaction {
            let (regions, products) = try bundledMasterDataToWrite()
            for region in regions { try upsert(region) }
            for product in products { try upsert(product) }
        }
    }

    /// The bundled regions and products the store lacks or holds otherwise than bundled.
    private func bundledMasterDataToWrite() throws -> (regions: [Region], products: [Product]) {
        let storedRegions = Set(try database.query("SELECT * FROM regions").map(CatalogueTables.region))
        let storedProducts = Set(try database.query("SELECT * FROM products").map { row in
            var product = try CatalogueTables.product(row)
            product.restricted = try row.integer("restricted") != 0 ? true : nil
            return product
        })
        let products = try BundledMasterData.products().filter { bundled in
            var stored = bundled
            stored.restricted = bundled.isRestricted ? true : nil
            return !storedProducts.contains(stored)
        }
        return (try BundledMasterData.regions().filter { !storedRegions.contains($0) }, products)
    }

    /// Adds or updates a region and logs it for every device.
    public func upsert(_ region: Region) throws {
        try CatalogueTables.save(region, in: database)
        try log(kind: "region", node: nil, body: try JSONValue(encoding: region))
    }

    /// Adds or updates a product and logs it for every device.
    public func upsert(_ product: Product) throws {
        try CatalogueTables.save(product, in: database)
        try saveRestriction(product)
        try log(kind: "product", node: nil, body: try JSONValue(encoding: product))
    }

    /// Appends a master-data item to the server log; `node` nil means every device's scope.
    func log(kind: String, node: String?, body: JSONValue) throws {
        let sealed = try personalData.seal(body)
        try database.run(
            "INSERT INTO server_log (node, kind, body, sealed) VALUES (?, ?, ?, ?)", node, kind, sealed.text, sealed.envelope
        )
    }

    /// SQLite's own consistency check: `ok` when the file is sound.
    /// - Parameter quick: `quick_check`, which skips the index-content cross-checks and stays fast on a large store.
    /// `sqlite`: the embedded backend.
    public var backendName: String { Self.backendName }

    /// The name `/healthz` reports for this backend.
    public static let backendName = "sqlite"

    /// Reads the file's schema, so a caller knows the database still answers.
    public func ping() throws {
        _ = try database.scalar("SELECT count(*) FROM sqlite_master")
    }

    public func integrityCheck(quick: Bool = false) throws -> String {
        let pragma = quick ? "quick_check" : "integrity_check"
        return try database.query("PRAGMA \(pragma)").compactMap { $0.string(pragma) }
            .joined(separator: "\n")
    }
}

@available(*, unavailable)
extension CentralStore: Sendable {}
