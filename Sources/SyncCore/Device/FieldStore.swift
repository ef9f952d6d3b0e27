import Foundation

/// The field device's local store: master data, its journal, the events it knows and the batches they make.
///
/// Every recording appends one journal entry in the same transaction as the write itself, so nothing
/// acknowledged to the inspector can be lost or recorded without its entry.
public final class FieldStore {
    public let database: Database
    public let identity: DeviceIdentity
    var clock: HybridLogicalClock
    /// The wall clock in milliseconds; tests replace it to simulate wrong device clocks.
    public var wallClock: () -> Int64 = BusinessTime.now
    /// The batches whose summaries wait to be recomputed at the end of `materializingOnce`, by code; nil outside it.
    var deferredBatches: [String: TraceCode]?
    /// The events decoded so far, so that recomputing a batch decodes only its new ones.
    var decodedEvents = DecodedEvents()

    private init(database: Database, identity: DeviceIdentity) throws {
        self.database = database
        self.identity = identity
        let last = try database.row("SELECT max(hlc) AS hlc FROM events")?.optionalText("hlc").flatMap(HLCTimestamp.init)
        self.clock = HybridLogicalClock(deviceId: identity.deviceId, last: last)
    }

    /// Sets up a new device database at `path` with the bundled master data.
    /// - Parameter deviceId: the id a server gave at enrollment; a new UUIDv7 when nil.
    /// - Throws: `TraceSyncError` when the file already holds a device, or the node or number is not valid.
    public static func initialize(
        path: String, node: String, deviceNumber: Int, inspector: String, deviceId: String? = nil
    ) throws -> FieldStore {
        if FileManager.default.fileExists(atPath: path),
           let existing = try? Database(path: path, create: false),
           (try? existing.scalar("SELECT count(*) FROM device")) != nil {
            throw TraceSyncError(
                .alreadyInitialised, field: "db",
                zh: "数据库 \(path) 已初始化，不能重复初始化。如需新设备，请用 --db 指定另一个文件。",
                en: "the database \(path) is already initialised. For a new device, choose another file with --db."
            )
        }
        guard node.count == 8, node.allSatisfy(\.isASCIIDigit) else {
            throw TraceSyncError(
                .badNode, field: "node",
                zh: "节点编码「\(node)」无效：应为 8 位数字（市级行政区划代码前 4 位 + 4 位序号），例如 46010001。",
                en: "node code \"\(node)\" is not valid: use 8 digits (the first 4 digits of the city code + a 4-digit serial), e.g. 46010001."
            )
        }
        guard (1...999).contains(deviceNumber) else {
            throw TraceSyncError(
                .badDeviceNumber, field: "device-number",
                zh: "设备序号 \(deviceNumber) 无效：应为 1 到 999，在本节点内唯一。",
                en: "device number \(deviceNumber) is not valid: use 1 to 999, unique within the node."
            )
        }
        let inspectorName = try Validation.required(inspector, field: "inspector", zh: "检测员姓名", en: "the inspector's name")
        let regions = try BundledMasterData.regions()
        // Province-administered counties (4690xx) share the prefix 4690, which names no region of its own.
        guard regions.contains(where: { $0.code.hasPrefix(node.prefix(4)) }) else {
            throw TraceSyncError(
                .badNode, field: "node",
                zh: "节点编码「\(node)」的前 4 位 \(node.prefix(4)) 不是已知市、县级行政区划代码的前 4 位。",
                en: "node code \"\(node)\": its first 4 digits \(node.prefix(4)) do not begin any known city or county code."
            )
        }
        let database = try Database(path: path)
        try DeviceSchema.migrator.migrate(database)
        let identity = DeviceIdentity(
            deviceId: deviceId ?? UUIDv7.make(), node: node, deviceNumber: deviceNumber, inspector: inspectorName
        )
        try database.inTransaction {
            try database.run(
                "INSERT INTO device (id, device_id, node, device_number, inspector, created_at) VALUES (1, ?, ?, ?, ?, ?)",
                identity.deviceId, node, deviceNumber, inspectorName, BusinessTime.now()
            )
            for region in regions { try CatalogueTables.save(region, in: database) }
            for product in try BundledMasterData.products() { try CatalogueTables.save(product, in: database) }
        }
        return try FieldStore(database: database, identity: identity)
    }

    /// Opens an initialised device database.
    /// - Throws: `TraceSyncError` `not_initialised` when there is none at `path`.
    public static func open(path: String) throws -> FieldStore {
        let notInitialised = TraceSyncError(
            .notInitialised, field: "db",
            zh: "找不到设备数据库 \(path)。请先运行 field init --node 节点编码 --device-number 序号 初始化设备。",
            en: "no device database at \(path). Run `field init --node CODE --device-number N` first."
        )
        guard FileManager.default.fileExists(atPath: path) else { throw notInitialised }
        let database = try Database(path: path, create: false)
        try DeviceSchema.migrator.migrate(database)
        guard let row = try database.row("SELECT device_id, node, device_number, inspector FROM device") else {
            throw notInitialised
        }
        let identity = DeviceIdentity(
            deviceId: try row.text("device_id"), node: try row.text("node"),
            deviceNumber: Int(try row.integer("device_number")), inspector: try row.text("inspector")
        )
        return try FieldStore(database: database, identity: identity)
    }
}

@available(*, unavailable)
extension FieldStore: Sendable {}
