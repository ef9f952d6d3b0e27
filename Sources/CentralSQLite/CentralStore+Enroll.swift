public import CentralCore
public import SyncCore

/// Enrolling devices and recognising them by their secret.
extension CentralStore {
    /// Trades a one-time code for a device identity and secret.
    ///
    /// A device initialised offline keeps its id and device number (its trace codes already carry the number), as
    /// long as the number is free at the node.
    /// - Throws: `TraceSyncError` `enroll_code_invalid`, `enroll_code_used`, `enroll_code_expired`,
    ///   `enroll_node_mismatch`, `device_number_taken` or `device_exists`.
    public func enroll(_ request: EnrollRequest) throws -> EnrollResponse {
        let name = try Validation.required(request.deviceName, field: "deviceName", zh: "设备名称", en: "the device name")
        return try database.inTransaction {
            let now = clock()
            let codeHash = Secrets.hash(Secrets.normalizedEnrollCode(request.code))
            guard let code = try database.row("SELECT * FROM enroll_codes WHERE code_hash = ?", codeHash) else {
                throw TraceSyncError(.enrollCodeInvalid, field: "code",
                                     zh: "注册码无效：请核对管理员给出的注册码。",
                                     en: "the enrollment code is not valid: check the code the admin gave you.")
            }
            guard code.int("used_at") == nil else {
                throw TraceSyncError(.enrollCodeUsed, field: "code",
                                     zh: "注册码已被使用过：每个注册码只能用一次，请向管理员申请新的注册码。",
                                     en: "the enrollment code was already used: each code works once; ask the admin for a new one.")
            }
            guard try code.integer("expires_at") > now else {
                throw TraceSyncError(.enrollCodeExpired, field: "code",
                                     zh: "注册码已过期，请向管理员申请新的注册码。",
                                     en: "the enrollment code has expired; ask the admin for a new one.")
            }
            let node = try self.node(code.text("node"))
            if let requested = request.node, requested != node.code {
                throw TraceSyncError(
                    .enrollNodeMismatch, field: "node",
                    zh: "注册码属于节点 \(node.code)，而本设备是为节点 \(requested) 初始化的。请向管理员申请节点 \(requested) 的注册码。",
                    en: "the enrollment code is for node \(node.code), but this device was set up for node \(requested). Ask the admin for a code for node \(requested)."
                )
            }
            let deviceId = request.deviceId ?? UUIDv7.make(millis: now)
            guard try database.row("SELECT id FROM devices WHERE id = ?", deviceId) == nil else {
                throw TraceSyncError(.deviceExists, field: "deviceId",
                                     zh: "设备 \(deviceId) 已注册过。", en: "device \(deviceId) is already enrolled.")
            }
            let deviceNumber = try request.deviceNumber ?? nextDeviceNumber(node: node.code)
            guard try database.row(
                "SELECT id FROM devices WHERE node = ? AND device_number = ?", node.code, deviceNumber
            ) == nil else {
                throw TraceSyncError(
                    .deviceNumberTaken, field: "deviceNumber",
                    zh: "节点 \(node.code) 的设备序号 \(deviceNumber) 已被其他设备使用。请管理员为本设备另发注册码，并用新的序号重新初始化本设备。",
                    en: "device number \(deviceNumber) is already used at node \(node.code). Re-initialise this device with another number and ask the admin for a code."
                )
            }
            let secret = Secrets.deviceSecret()
            try database.run(
                """
                INSERT INTO devices (id, node, device_number, name, secret_hash, head_hash, enrolled_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                deviceId, node.code, deviceNumber, name, Secrets.hash(secret), JournalEntry.genesis, now
            )
            try database.run("UPDATE enroll_codes SET used_at = ?, device_id = ? WHERE code_hash = ?", now, deviceId, codeHash)
            return EnrollResponse(deviceId: deviceId, node: node, deviceNumber: deviceNumber, secret: secret)
        }
    }

    private func nextDeviceNumber(node: String) throws -> Int {
        let used = Set(try database.query("SELECT device_number FROM devices WHERE node = ?", node).compactMap { $0.int("device_number") })
        guard let free = (1...999).first(where: { !used.contains(Int64($0)) }) else {
            throw TraceSyncError(.deviceNumbersExhausted, field: "node",
                                 zh: "节点 \(node) 的 999 个设备序号已用完。", en: "node \(node) has used all 999 device numbers.")
        }
        return free
    }

    /// The device whose bearer secret this is.
    /// - Throws: `TraceSyncError` `unauthorized` (no such secret) or `device_revoked`.
    public func authenticate(secret: String) throws -> DeviceRecord {
        guard let row = try database.row("SELECT * FROM devices WHERE secret_hash = ?", Secrets.hash(secret)) else {
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
}
