public import SyncCore

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

    /// The EPCIS event for `exported`: the members every event has, then those of its kind, all read from what the
    /// EPCIS allow-list (`Disclosure`) shows of the event.
    static func event(_ exported: ExportedEvent) -> JSONValue {
        var members: [String: JSONValue] = [
            "eventID": .string(EPCISIdentifiers.event(exported.id)),
            "eventTime": .string(EPCISTime.string(exported.time)),
            "eventTimeZoneOffset": .string(EPCISTime.offset),
            "readPoint": .object(["id": .string(EPCISIdentifiers.node(exported.node))]),
        ]
        if let voiding = exported.voidedBy { members["errorDeclaration"] = errorDeclaration(voiding) }
        let fields = exported.fields
        let specific: [String: JSONValue] = switch exported.kind {
        case .receipt: receipt(fields, exported)
        case .inspection: inspection(fields, exported)
        case .sale: sale(fields, exported)
        case .disposal: disposal(fields, exported)
        case .packing: aggregation(fields, exported, action: "ADD", bizStep: CBV.packing)
        case .unpacking: aggregation(fields, exported, action: "DELETE", bizStep: CBV.unpacking)
        case .equipmentRegistration, .equipmentInstallation, .equipmentInspection, .equipmentRepair, .equipmentDecommissioning:
            equipment(fields, exported)
        case .correction, .voiding, .operatorRegistration, .release: [:]
        }
        members.merge(specific) { _, new in new }
        return .object(members)
    }

    /// 进场登记 → ObjectEvent ADD: the lot (its trace code) comes into being here, so its master data goes in `ilmd`.
    /// The supplier is not on the EPCIS list: EPCIS wants a URI for a source, and ours is free text that may name a
    /// person.
    private static func receipt(_ receipt: DisclosedEvent, _ exported: ExportedEvent) -> [String: JSONValue] {
        var ilmd = lotMasterData(exported)
        for name in ["origin", "upstreamCode", "quarantineCert", "meatQualityCert", "originCert"] {
            ilmd[term(name)] = receipt.text(name).map(JSONValue.string)
        }
        let quantity = receipt.quantity("quantity")
        return [
            "type": .string("ObjectEvent"),
            "action": .string("ADD"),
            "bizStep": .string(CBV.receiving),
            "disposition": .string(CBV.inProgress),
            "quantityList": .array([EPCISQuantity.element(lot(receipt, "batchCode"), quantity, unit: exported.unit)]),
            "bizLocation": location(exported),
            "ilmd": .object(ilmd),
        ].merging(fallback(quantity, exported)) { old, _ in old }
    }

    /// 检测 → ObjectEvent OBSERVE of the whole lot (no quantity): passed is `conformant`, failed `non_conformant`.
    private static func inspection(_ inspection: DisclosedEvent, _ exported: ExportedEvent) -> [String: JSONValue] {
        let passed = inspection.bool("passed") ?? false
        var members: [String: JSONValue] = [
            "type": .string("ObjectEvent"),
            "action": .string("OBSERVE"),
            "bizStep": .string(CBV.inspecting),
            "disposition": .string(passed ? CBV.conformant : CBV.nonConformant),
            "quantityList": .array([EPCISQuantity.element(lot(inspection, "batchCode"), nil, unit: exported.unit)]),
            "bizLocation": location(exported),
            term("testItem"): .string(inspection.text("item") ?? ""),
            term("result"): .string(passed ? "pass" : "fail"),
        ]
        members[term("testMethod")] = inspection.text("method").map(JSONValue.string)
        members[term("testValue")] = inspection.text("value").map(JSONValue.string)
        return members
    }

    /// 交易 → TransformationEvent: the sold quantity of the batch's lot goes in, the same quantity of the buyer's
    /// child lot comes out, so the export keeps the trace chain (child code → batch) that a recall follows.
    ///
    /// `shipping` / `in_transit`, not `retail_selling` / `retail_sold`: a wholesale sale hands the goods to a trading
    /// partner who takes them on down the chain, not to a consumer. No `bizLocation`: the goods leave the node.
    /// The buyer (operator id or name) and the price are trade secrets and personal data: not on the EPCIS list.
    private static func sale(_ sale: DisclosedEvent, _ exported: ExportedEvent) -> [String: JSONValue] {
        let quantity = sale.quantity("quantity")
        return [
            "type": .string("TransformationEvent"),
            "bizStep": .string(CBV.shipping),
            "disposition": .string(CBV.inTransit),
            "inputQuantityList": .array([EPCISQuantity.element(lot(sale, "batchCode"), quantity, unit: exported.unit)]),
            "outputQuantityList": .array([EPCISQuantity.element(lot(sale, "childCode"), quantity, unit: exported.unit)]),
            "ilmd": .object(lotMasterData(exported)),
        ].merging(fallback(quantity, exported)) { old, _ in old }
    }

    /// 销毁/无害化处理 → ObjectEvent DELETE of the destroyed quantity: that much of the lot ceases to exist (the rest
    /// of a partly disposed lot stays). The witness is a person: not on the EPCIS list.
    private static func disposal(_ disposal: DisclosedEvent, _ exported: ExportedEvent) -> [String: JSONValue] {
        let quantity = disposal.quantity("quantity")
        return [
            "type": .string("ObjectEvent"),
            "action": .string("DELETE"),
            "bizStep": .string(CBV.destroying),
            "disposition": .string(CBV.destroyed),
            "quantityList": .array([EPCISQuantity.element(lot(disposal, "batchCode"), quantity, unit: exported.unit)]),
            term("disposalReason"): .string(disposal.text("reason") ?? ""),
        ].merging(fallback(quantity, exported)) { old, _ in old }
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

    /// The lot of the trace code in member `name`.
    private static func lot(_ fields: DisclosedEvent, _ name: String) -> String {
        fields.code(name).map(EPCISIdentifiers.lot) ?? EPCISIdentifiers.base + "lot/"
    }

    /// The extension members of a quantity no Rec 20 unit expresses exactly.
    private static func fallback(_ quantity: Quantity?, _ exported: ExportedEvent) -> [String: JSONValue] {
        quantity.map { EPCISQuantity.fallback($0, unit: exported.unit) } ?? [:]
    }

    private static func term(_ name: String) -> String { EPCISIdentifiers.term(name) }
}
