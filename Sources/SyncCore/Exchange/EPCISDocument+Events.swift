/// The mapping of each recorded fact to one EPCIS 2.0 event (README, "EPCIS export", has the table).
///
/// Vocabulary values are CBV 2.0 bare names (`receiving`, `in_progress`), which the EPCIS 2.0 JSON-LD context
/// expands and the JSON schema enumerates. Lots are EPC classes counted in `quantityList`s (`EPCISQuantity`), since
/// a batch is a lot of a product class, not a set of serialised items.
extension EPCISDocument {
    /// The CBV 2.0 values the export uses.
    enum CBV {
        static let receiving = "receiving"
        static let inspecting = "inspecting"
        static let shipping = "shipping"
        static let destroying = "destroying"
        static let inProgress = "in_progress"
        static let conformant = "conformant"
        static let nonConformant = "non_conformant"
        static let inTransit = "in_transit"
        static let destroyed = "destroyed"
        /// Error reason: the event is to be treated as never having happened.
        static let didNotOccur = "did_not_occur"
    }

    /// The EPCIS event for `exported`: the members every event has, then those of its kind.
    static func event(_ exported: ExportedEvent) -> JSONValue {
        var members: [String: JSONValue] = [
            "eventID": .string(EPCISIdentifiers.event(exported.id)),
            "eventTime": .string(EPCISTime.string(exported.time)),
            "eventTimeZoneOffset": .string(EPCISTime.offset),
            "readPoint": .object(["id": .string(EPCISIdentifiers.node(exported.node))]),
        ]
        if let voiding = exported.voidedBy { members["errorDeclaration"] = errorDeclaration(voiding) }
        let specific: [String: JSONValue] = switch exported.body {
        case .receipt(let receipt): self.receipt(receipt, exported)
        case .inspection(let inspection): self.inspection(inspection, exported)
        case .sale(let sale): self.sale(sale, exported)
        case .disposal(let disposal): self.disposal(disposal, exported)
        case .correction, .voiding, .operatorRegistration: [:]
        }
        members.merge(specific) { _, new in new }
        return .object(members)
    }

    /// 进场登记 → ObjectEvent ADD: the lot (its trace code) comes into being here, so its master data goes in `ilmd`.
    /// The supplier is left out: EPCIS wants a URI for a source, and ours is free text that may name a person.
    private static func receipt(_ receipt: Receipt, _ exported: ExportedEvent) -> [String: JSONValue] {
        var ilmd = lotMasterData(exported)
        ilmd[term("origin")] = .string(receipt.origin)
        ilmd[term("upstreamCode")] = receipt.upstreamCode.map(JSONValue.string)
        ilmd[term("quarantineCert")] = receipt.quarantineCert.map(JSONValue.string)
        ilmd[term("meatQualityCert")] = receipt.meatQualityCert.map(JSONValue.string)
        ilmd[term("originCert")] = receipt.originCert.map(JSONValue.string)
        return [
            "type": .string("ObjectEvent"),
            "action": .string("ADD"),
            "bizStep": .string(CBV.receiving),
            "disposition": .string(CBV.inProgress),
            "quantityList": .array([EPCISQuantity.element(lot(receipt.batchCode), receipt.quantity, unit: exported.unit)]),
            "bizLocation": location(exported),
            "ilmd": .object(ilmd),
        ].merging(EPCISQuantity.fallback(receipt.quantity, unit: exported.unit)) { old, _ in old }
    }

    /// 检测 → ObjectEvent OBSERVE of the whole lot (no quantity): passed is `conformant`, failed `non_conformant`.
    private static func inspection(_ inspection: Inspection, _ exported: ExportedEvent) -> [String: JSONValue] {
        var members: [String: JSONValue] = [
            "type": .string("ObjectEvent"),
            "action": .string("OBSERVE"),
            "bizStep": .string(CBV.inspecting),
            "disposition": .string(inspection.passed ? CBV.conformant : CBV.nonConformant),
            "quantityList": .array([EPCISQuantity.element(lot(inspection.batchCode), nil, unit: exported.unit)]),
            "bizLocation": location(exported),
            term("testItem"): .string(inspection.item),
            term("result"): .string(inspection.passed ? "pass" : "fail"),
        ]
        members[term("testMethod")] = inspection.method.map(JSONValue.string)
        members[term("testValue")] = inspection.value.map(JSONValue.string)
        return members
    }

    /// 交易 → TransformationEvent: the sold quantity of the batch's lot goes in, the same quantity of the buyer's
    /// child lot comes out, so the export keeps the trace chain (child code → batch) that a recall follows.
    ///
    /// `shipping` / `in_transit`, not `retail_selling` / `retail_sold`: a wholesale sale hands the goods to a trading
    /// partner who takes them on down the chain, not to a consumer. No `bizLocation`: the goods leave the node.
    /// The buyer (operator id or name) and the price are trade secrets and personal data: never exported.
    private static func sale(_ sale: Sale, _ exported: ExportedEvent) -> [String: JSONValue] {
        [
            "type": .string("TransformationEvent"),
            "bizStep": .string(CBV.shipping),
            "disposition": .string(CBV.inTransit),
            "inputQuantityList": .array([EPCISQuantity.element(lot(sale.batchCode), sale.quantity, unit: exported.unit)]),
            "outputQuantityList": .array([EPCISQuantity.element(lot(sale.childCode), sale.quantity, unit: exported.unit)]),
            "ilmd": .object(lotMasterData(exported)),
        ].merging(EPCISQuantity.fallback(sale.quantity, unit: exported.unit)) { old, _ in old }
    }

    /// 销毁/无害化处理 → ObjectEvent DELETE of the destroyed quantity: that much of the lot ceases to exist (the rest
    /// of a partly disposed lot stays). The witness is a person: not exported.
    private static func disposal(_ disposal: Disposal, _ exported: ExportedEvent) -> [String: JSONValue] {
        [
            "type": .string("ObjectEvent"),
            "action": .string("DELETE"),
            "bizStep": .string(CBV.destroying),
            "disposition": .string(CBV.destroyed),
            "quantityList": .array([EPCISQuantity.element(lot(disposal.batchCode), disposal.quantity, unit: exported.unit)]),
            term("disposalReason"): .string(disposal.reason),
        ].merging(EPCISQuantity.fallback(disposal.quantity, unit: exported.unit)) { old, _ in old }
    }

    /// 作废 → the cancelled event's `errorDeclaration`. A voided event stops counting (DESIGN.md §1) and no
    /// corrective event follows, so the CBV reason is `did_not_occur` ("treat it as never having happened"), not
    /// `incorrect_data` (which says it happened with wrong data and implies `correctiveEventIDs`). The voiding's own
    /// id goes in `ts:voidingEvent`; its free-text reason stays home.
    private static func errorDeclaration(_ voiding: ExportedEvent.Voiding) -> JSONValue {
        .object([
            "declarationTime": .string(EPCISTime.string(voiding.time)),
            "reason": .string(CBV.didNotOccur),
            term("voidingEvent"): .string(EPCISIdentifiers.event(voiding.eventId)),
        ])
    }

    /// The product and counting unit of a lot the event brings into being.
    private static func lotMasterData(_ exported: ExportedEvent) -> [String: JSONValue] {
        [term("product"): .string(exported.product), term("unit"): .string(exported.unit)]
    }

    private static func location(_ exported: ExportedEvent) -> JSONValue {
        .object(["id": .string(EPCISIdentifiers.node(exported.node))])
    }

    private static func lot(_ code: TraceCode) -> String { EPCISIdentifiers.lot(code) }

    private static func term(_ name: String) -> String { EPCISIdentifiers.term(name) }
}
