/// What a push's events refer to: the keys `MergeInputs` must be read for before the push is decided.
public struct MergeNeeds: Hashable, Sendable {
    public var products: Set<String> = []
    public var regions: Set<String> = []
    public var operatorIds: Set<String> = []
    public var creditKeys: Set<MergeInputs.CreditKey> = []
    /// The batches the events belong to.
    public var batches: Set<TraceCode> = []
    /// The trace codes the events would take (receipts' batch codes, sales' child codes).
    public var codes: Set<TraceCode> = []
    public var certificates: Set<String> = []
    /// Open conflicts to read besides those of the batches: certificates', credit codes', master data's, orphans'.
    public var conflicts: Set<ConflictBook.Key> = []
    /// The special-equipment units the events are life events of.
    public var equipment: Set<String> = []

    public init() {}

    /// What `events` refer to.
    public init(events: some Sequence<RecordedEvent>) {
        for event in events { add(event) }
    }

    /// Adds what `event` refers to.
    public mutating func add(_ event: RecordedEvent) {
        if let code = event.body.batchCode { batches.insert(code) } else {
            conflicts.insert(ConflictBook.Key(kind: .implausibleTime, subject: "time:\(event.id)"))
        }
        switch event.body {
        case .receipt(let receipt):
            products.insert(receipt.product)
            regions.insert(receipt.origin)
            operatorIds.insert(receipt.operatorId)
            codes.insert(receipt.batchCode)
            if let certificate = receipt.quarantineCert {
                certificates.insert(certificate)
                conflicts.insert(ConflictBook.Key(kind: .certificateReuse, subject: "certificate:\(certificate)"))
            }
        case .packing(let packing):
            codes.insert(packing.container)
        case .equipment(_, let unit):
            equipment.insert(unit.equipmentCode)
            conflicts.insert(ConflictBook.Key(kind: .decommissionedInUse, subject: EquipmentRules.subject(unit.equipmentCode)))
        case .sale(let sale):
            codes.insert(sale.childCode)
            if let buyer = sale.buyerOperatorId { operatorIds.insert(buyer) }
        case .operatorRegistration(let registered):
            operatorIds.insert(registered.id)
            if let code = registered.creditCode {
                creditKeys.insert(MergeInputs.CreditKey(node: registered.node, creditCode: code))
                conflicts.insert(ConflictBook.Key(kind: .duplicateOperator, subject: "operator:\(registered.node):\(code)"))
            }
        default:
            break
        }
    }
}
