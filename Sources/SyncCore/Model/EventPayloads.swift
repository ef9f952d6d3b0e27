/// 进场登记: a batch arrives at a node. Creates the batch and its trace code.
public struct Receipt: Codable, Hashable, Sendable {
    public var batchCode: TraceCode
    public var node: String
    public var product: String
    public var quantity: Quantity
    public var unit: String
    /// The receiving operator's id.
    public var operatorId: String
    public var supplier: String
    /// The GB/T 2260 code of the origin.
    public var origin: String
    /// The code the supplier gave, if any: one of ours or another system's.
    public var upstreamCode: String?
    public var quarantineCert: String?
    public var meatQualityCert: String?
    public var originCert: String?
    public var vehiclePlate: String?
    /// A drug's 药品批准文号 (国药准字…), checked by `DrugApprovalNumber`.
    public var approvalNumber: String?
    /// 生产批号: the maker's lot number.
    public var lotNumber: String?
    /// 有效期至: the expiry date, `YYYY-MM-DD`.
    public var expiry: String?
    /// The serialised items received (a drug's 20-digit 药品追溯码 on each box), packed later into cases.
    public var items: [String]?
    /// Business time, milliseconds since the Unix epoch.
    public var time: Int64

    package init(batchCode: TraceCode, node: String, product: String, quantity: Quantity, unit: String, operatorId: String, supplier: String, origin: String, upstreamCode: String? = nil, quarantineCert: String? = nil, meatQualityCert: String? = nil, originCert: String? = nil, vehiclePlate: String? = nil, approvalNumber: String? = nil, lotNumber: String? = nil, expiry: String? = nil, items: [String]? = nil, time: Int64) {
        self.approvalNumber = approvalNumber
        self.lotNumber = lotNumber
        self.expiry = expiry
        self.items = items
        self.batchCode = batchCode
        self.node = node
        self.product = product
        self.quantity = quantity
        self.unit = unit
        self.operatorId = operatorId
        self.supplier = supplier
        self.origin = origin
        self.upstreamCode = upstreamCode
        self.quarantineCert = quarantineCert
        self.meatQualityCert = meatQualityCert
        self.originCert = originCert
        self.vehiclePlate = vehiclePlate
        self.time = time
    }
}

/// 检测: a rapid test of a batch.
public struct Inspection: Codable, Hashable, Sendable {
    public var batchCode: TraceCode
    /// What was tested, e.g. 农药残留 or 瘦肉精.
    public var item: String
    public var method: String?
    public var value: String?
    public var passed: Bool
    public var time: Int64

    package init(batchCode: TraceCode, item: String, method: String? = nil, value: String? = nil, passed: Bool, time: Int64) {
        self.batchCode = batchCode
        self.item = item
        self.method = method
        self.value = value
        self.passed = passed
        self.time = time
    }
}

/// 交易: part of a batch sold to a buyer, who gets a child trace code.
public struct Sale: Codable, Hashable, Sendable {
    public var batchCode: TraceCode
    public var childCode: TraceCode
    /// The buyer, when registered as an operator.
    public var buyerOperatorId: String?
    /// The buyer's name as free text, when not registered.
    public var buyerName: String?
    public var quantity: Quantity
    /// Unit price: a trade secret, never shown publicly.
    public var price: Price?
    public var time: Int64
    /// The carrier delivering the goods (hazardous goods), as its name; shown to admins, never to consumers.
    public var carrier: String?
    /// The carrier's 道路危险货物运输许可证 number.
    public var carrierPermit: String?
    /// The delivering vehicle's plate.
    public var vehiclePlate: String?
    /// The cases or pallets sold whole (`Packing`), if any: a recall of one reaches this sale.
    public var containers: [TraceCode]?

    package init(batchCode: TraceCode, childCode: TraceCode, buyerOperatorId: String? = nil, buyerName: String? = nil, quantity: Quantity, price: Price? = nil, time: Int64, carrier: String? = nil, carrierPermit: String? = nil, vehiclePlate: String? = nil, containers: [TraceCode]? = nil) {
        self.containers = containers
        self.batchCode = batchCode
        self.childCode = childCode
        self.buyerOperatorId = buyerOperatorId
        self.buyerName = buyerName
        self.quantity = quantity
        self.price = price
        self.time = time
        self.carrier = carrier
        self.carrierPermit = carrierPermit
        self.vehiclePlate = vehiclePlate
    }
}

/// 销毁/无害化处理: part or all of a batch destroyed.
public struct Disposal: Codable, Hashable, Sendable {
    public var batchCode: TraceCode
    public var quantity: Quantity
    public var reason: String
    public var witness: String?
    public var time: Int64

    package init(batchCode: TraceCode, quantity: Quantity, reason: String, witness: String? = nil, time: Int64) {
        self.batchCode = batchCode
        self.quantity = quantity
        self.reason = reason
        self.witness = witness
        self.time = time
    }
}

/// 更正: new values for named fields of an earlier event of the batch.
public struct Correction: Codable, Hashable, Sendable {
    public var batchCode: TraceCode
    /// The corrected event's id.
    public var target: String
    /// Field name → new value, as text.
    public var fields: [String: String]
    /// The version of the target the inspector saw (0 = as first recorded, +1 per correction applied).
    public var versionSeen: Int
    public var time: Int64

    package init(batchCode: TraceCode, target: String, fields: [String: String], versionSeen: Int, time: Int64) {
        self.batchCode = batchCode
        self.target = target
        self.fields = fields
        self.versionSeen = versionSeen
        self.time = time
    }
}

/// 作废: an earlier event stops counting.
public struct Voiding: Codable, Hashable, Sendable {
    public var batchCode: TraceCode
    /// The voided event's id.
    public var target: String
    public var reason: String
    public var time: Int64

    package init(batchCode: TraceCode, target: String, reason: String, time: Int64) {
        self.batchCode = batchCode
        self.target = target
        self.reason = reason
        self.time = time
    }
}

/// 解除扣留: an admin lifts a batch's food-safety hold after a re-test (DESIGN.md §4). Only the server records it,
/// in its own journal; devices pull it like any other entry.
public struct Release: Codable, Hashable, Sendable {
    public var batchCode: TraceCode
    /// The events whose hold it lifts (failed tests, full disposals); a hold cause not named here still holds.
    public var lifts: [String]
    /// The passing re-tests it relies on.
    public var retests: [String]
    /// Why, in the admin's words.
    public var note: String
    public var time: Int64

    package init(batchCode: TraceCode, lifts: [String], retests: [String], note: String, time: Int64) {
        self.batchCode = batchCode
        self.lifts = lifts
        self.retests = retests
        self.note = note
        self.time = time
    }
}
