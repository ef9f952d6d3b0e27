package import CentralCore
import SyncCore

/// Devices on PostgreSQL: enrolled, recognised by their secret, with their journal heads.
extension PostgresCentralStore: DeviceRegistry {
    /// Enrolls a device of `node` under `name` with the next free device number; returns it and its secret.
    /// (The admins' enrollment codes are not on PostgreSQL yet: this is the step a redeemed code ends in.)
    /// - Throws: `TraceSyncError` `unknown_node`, `device_numbers_exhausted`.
    package func enrollDevice(node: String, name: String) throws -> (device: DeviceRecord, secret: String) {
        let secret = Secrets.deviceSecret()
        let id: String = try write { transaction in
            guard let transaction = transaction as? PostgresPushTransaction else { return "" }
            try transaction.lock(["node:" + node])
            guard try session.row("SELECT code FROM nodes WHERE code = $1", .text(node)) != nil else {
                throw TraceSyncError(.unknownNode, field: "node", zh: "未知节点「\(node)」。", en: "unknown node \"\(node)\".")
            }
            let used = Set(try session.query("SELECT device_number FROM devices WHERE node = $1", .text(node))
                .compactMap { $0.int("device_number") })
            guard let number = (1...999).first(where: { !used.contains(Int64($0)) }) else {
                throw TraceSyncError(.deviceNumbersExhausted, field: "node",
                                     zh: "节点 \(node) 的 999 个设备序号已用完。", en: "node \(node) has used all 999 device numbers.")
            }
            let now = clock()
            let id = UUIDv7.make(millis: now)
            try session.query(
                """
                INSERT INTO devices (id, node, device_number, name, secret_hash, head_hash, enrolled_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                """,
                .text(id), .text(node), .int(Int64(number)), .text(name), .text(Secrets.hash(secret)),
                .text(JournalEntry.genesis), .int(now)
            )
            return id
        }
        return (try device(id), secret)
    }

    /// The device with this id.
    /// - Throws: `TraceSyncError` `unknown_device`.
    package func device(_ id: String) throws -> DeviceRecord {
        guard let row = try session.row("SELECT * FROM devices WHERE id = $1", .text(id)) else {
            throw TraceSyncError(.unknownDevice, field: "device", zh: "未知设备「\(id)」。", en: "unknown device \"\(id)\".")
        }
        return try Self.device(row)
    }

    package func authenticate(secret: String) throws -> DeviceRecord {
        guard let row = try session.row("SELECT * FROM devices WHERE secret_hash = $1", .text(Secrets.hash(secret))) else {
            throw TraceSyncError(.unauthorized, field: "Authorization",
                                 zh: "设备密钥无效：请重新注册设备（field enroll）。",
                                 en: "the device secret is not valid: enroll the device again (field enroll).")
        }
        let device = try Self.device(row)
        guard !device.revoked else {
            throw TraceSyncError(.deviceRevoked, field: "Authorization",
                                 zh: "本设备已被管理员吊销，不能再同步。已同步的数据仍保留。请联系管理员。",
                                 en: "this device has been revoked by an admin and can no longer sync. Data it already synced is kept. Contact the admin.")
        }
        return device
    }

    package func revokedDeviceID(secret: String) throws -> String? {
        try session.row("SELECT id FROM devices WHERE secret_hash = $1 AND revoked_at IS NOT NULL",
                        .text(Secrets.hash(secret)))?.string("id")
    }

    static func device(_ row: PGRow) throws -> DeviceRecord {
        DeviceRecord(
            id: try row.text("id"), node: try row.text("node"), deviceNumber: Int(try row.integer("device_number")),
            name: try row.text("name"), revoked: row.int("revoked_at") != nil, ackedSeq: try row.integer("acked_seq"),
            headHash: try row.text("head_hash"), enrolledAt: try row.integer("enrolled_at"),
            lastSeenAt: row.int("last_seen_at")
        )
    }
}
