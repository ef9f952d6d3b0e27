/// A receipt as typed or imported: raw text, checked by `FieldStore.receive`.
public struct ReceiptInput: Sendable {
    public var product: String
    public var quantity: String
    public var unit: String?
    public var operatorRef: String
    public var supplier: String
    public var origin: String
    public var upstreamCode: String?
    public var quarantineCert: String?
    public var meatQualityCert: String?
    public var originCert: String?
    public var vehiclePlate: String?
    /// Business time; now when nil.
    public var time: String?
    /// A drug's 药品批准文号, 生产批号 and 有效期至 (`YYYY-MM-DD`), and the serialised items' codes (药品追溯码).
    public var approvalNumber: String? = nil
    public var lotNumber: String? = nil
    public var expiry: String? = nil
    public var items: [String] = []

    public init(
        product: String, quantity: String, unit: String? = nil, operatorRef: String, supplier: String,
        origin: String, upstreamCode: String? = nil, quarantineCert: String? = nil, meatQualityCert: String? = nil,
        originCert: String? = nil, vehiclePlate: String? = nil, time: String? = nil
    ) {
        self.product = product
        self.quantity = quantity
        self.unit = unit
        self.operatorRef = operatorRef
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

/// A sale as typed: the buyer is a registered operator (id, credit code or name) or free text.
public struct SaleInput: Sendable {
    public var code: String
    public var quantity: String
    public var buyer: String
    public var price: String?
    public var time: String?
    /// The carrier delivering the goods (hazardous goods): its name, its 道路危险货物运输许可证 and the vehicle's plate.
    public var carrier: String?
    public var carrierPermit: String?
    public var vehiclePlate: String?
    /// The cases or pallets of the batch sold whole, as typed.
    public var containers: [String] = []

    public init(code: String, quantity: String, buyer: String, price: String? = nil, time: String? = nil,
                carrier: String? = nil, carrierPermit: String? = nil, vehiclePlate: String? = nil) {
        self.code = code
        self.quantity = quantity
        self.buyer = buyer
        self.price = price
        self.time = time
        self.carrier = carrier
        self.carrierPermit = carrierPermit
        self.vehiclePlate = vehiclePlate
    }
}

/// An operator registered on the device.
public struct OperatorInput: Sendable {
    public var id: String?
    public var name: String
    public var kind: OperatorKind
    public var creditCode: String?
    public var legalRepresentative: String?
    public var idNumber: String?
    public var phone: String?
    public var stall: String?
    /// Licences to put on record, checked already (`Licence.checked`).
    public var licences: [Licence]

    public init(
        id: String? = nil, name: String, kind: OperatorKind, creditCode: String? = nil,
        legalRepresentative: String? = nil, idNumber: String? = nil, phone: String? = nil, stall: String? = nil,
        licences: [Licence] = []
    ) {
        self.licences = licences
        self.id = id
        self.name = name
        self.kind = kind
        self.creditCode = creditCode
        self.legalRepresentative = legalRepresentative
        self.idNumber = idNumber
        self.phone = phone
        self.stall = stall
    }
}
