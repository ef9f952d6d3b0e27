public import CentralCore
public import SyncCore

/// Managing nodes, operators, enrollment codes and devices.
extension CentralStore {
    /// A device as admins see it (`CentralCore.DeviceRecord`).
    public typealias DeviceRecord = CentralCore.DeviceRecord

    /// Adds a node.
    /// - Throws: `TraceSyncError` `bad_node` for a malformed code or unknown region, `duplicate_node` if it exists.
    public func addNode(_ node: Node) throws {
        guard node.code.count == 8, node.code.allSatisfy(\.isASCIIDigit) else {
            throw TraceSyncError(.badNode, field: "code",
                                 zh: "节点编码「\(node.code)」无效：应为 8 位数字，例如 46010001。",
                                 en: "node code \"\(node.code)\" is not valid: use 8 digits, e.g. 46010001.")
        }
        guard try database.row("SELECT code FROM regions WHERE code = ?", node.region) != nil else {
            throw TraceSyncError(.unknownRegion, field: "region",
                                 zh: "未知行政区划代码「\(node.region)」。", en: "unknown region code \"\(node.region)\".")
        }
        try Self.checkContact(phone: node.phone, address: node.address)
        guard try database.row("SELECT code FROM nodes WHERE code = ?", node.code) == nil else {
            throw TraceSyncError(.duplicateNode, field: "code",
                                 zh: "节点 \(node.code) 已存在。", en: "node \(node.code) already exists.")
        }
        try database.run(
            "INSERT INTO nodes (code, name, name_en, kind, region, phone, address) VALUES (?, ?, ?, ?, ?, ?, ?)",
            node.code, node.name, node.nameEn, node.kind, node.region, node.phone, node.address
        )
    }

    /// Every node, by code.
    public func nodes() throws -> [Node] {
        try database.query("SELECT * FROM nodes ORDER BY code").map(Self.node)
    }

    /// The node with this code.
    public func node(_ code: String) throws -> Node {
        guard let row = try database.row("SELECT * FROM nodes WHERE code = ?", code) else {
            throw TraceSyncError(.unknownNode, field: "node", zh: "未知节点「\(code)」：可用 admin node list 查看。",
                                 en: "unknown node \"\(code)\": `admin node list` shows the nodes.")
        }
        return try Self.node(row)
    }

    static func node(_ row: Row) throws -> Node {
        Node(code: try row.text("code"), name: try row.text("name"), nameEn: try row.text("name_en"),
             kind: try row.text("kind"), region: try row.text("region"),
             phone: row.string("phone"), address: row.string("address"))
    }

    /// Adds or updates an operator of a node and logs it for that node's devices.
    public func upsert(_ registered: Operator) throws {
        _ = try node(registered.node)
        let record = try personalData.seal(JSONValue(encoding: registered))
        try database.inTransaction {
            try database.run(
                "INSERT OR REPLACE INTO operators (id, node, name, credit_code, record, sealed) VALUES (?, ?, ?, ?, ?, ?)",
                registered.id, registered.node, registered.name, registered.creditCode, record.text, record.envelope
            )
            try saveLicences(of: registered, eventId: nil)
            try log(kind: "operator", node: registered.node, body: try JSONValue(encoding: registered))
        }
    }

    /// A node's operators, by name.
    public func operators(node: String) throws -> [Operator] {
        try database.query("SELECT record, sealed FROM operators WHERE node = ? ORDER BY name", node).map(storedOperator)
    }

    /// The operator an `operators` row holds (`record` and its envelope `sealed`), personal numbers put back.
    func storedOperator(_ row: Row) throws -> Operator {
        try personalData.open(try row.text("record"), envelope: row.string("sealed")).decode(Operator.self)
    }

    /// Issues a one-time enrollment code for `node`, valid until `expiresAt`; returns the code to hand over.
    public func issueEnrollCode(node code: String, expiresAt: Int64) throws -> String {
        _ = try node(code)
        let enrollCode = Secrets.enrollCode()
        try database.run(
            "INSERT INTO enroll_codes (code_hash, node, expires_at) VALUES (?, ?, ?)",
            Secrets.hash(Secrets.normalizedEnrollCode(enrollCode)), code, expiresAt
        )
        return enrollCode
    }

    /// Enrolled devices, of one node or all.
    public func devices(node: String? = nil) throws -> [DeviceRecord] {
        try database.query(
            "SELECT * FROM devices WHERE ?1 IS NULL OR node = ?1 ORDER BY node, device_number", node
        ).map(Self.device)
    }

    /// The device with this id.
    public func device(_ id: String) throws -> DeviceRecord {
        guard let row = try database.row("SELECT * FROM devices WHERE id = ?", id) else {
            throw TraceSyncError(.unknownDevice, field: "device", zh: "未知设备「\(id)」。", en: "unknown device \"\(id)\".")
        }
        return try Self.device(row)
    }

    /// Revokes a device: its next request is refused; the data it synced stays.
    public func revokeDevice(_ id: String) throws {
        _ = try device(id)
        try database.run("UPDATE devices SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?", clock(), id)
    }

    static func device(_ row: Row) throws -> DeviceRecord {
        DeviceRecord(
            id: try row.text("id"), node: try row.text("node"), deviceNumber: Int(try row.integer("device_number")),
            name: try row.text("name"), revoked: row.int("revoked_at") != nil, ackedSeq: try row.integer("acked_seq"),
            headHash: try row.text("head_hash"), enrolledAt: try row.integer("enrolled_at"), lastSeenAt: row.int("last_seen_at")
        )
    }
}
