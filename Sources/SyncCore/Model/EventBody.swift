/// The typed content of an event.
public enum EventBody: Hashable, Sendable {
    case receipt(Receipt)
    case inspection(Inspection)
    case sale(Sale)
    case disposal(Disposal)
    case correction(Correction)
    case voiding(Voiding)
    case operatorRegistration(Operator)
    case release(Release)
    /// A step of a special-equipment unit's life (no batch).
    case equipment(EquipmentStep, EquipmentEvent)
    case packing(Packing)
    case unpacking(Unpacking)

    public var kind: EventKind {
        switch self {
        case .receipt: .receipt
        case .inspection: .inspection
        case .sale: .sale
        case .disposal: .disposal
        case .correction: .correction
        case .voiding: .voiding
        case .operatorRegistration: .operatorRegistration
        case .release: .release
        case .equipment(let step, _): step.eventKind
        case .packing: .packing
        case .unpacking: .unpacking
        }
    }

    /// The batch the event belongs to; nil for master data.
    public var batchCode: TraceCode? {
        switch self {
        case .receipt(let value): value.batchCode
        case .inspection(let value): value.batchCode
        case .sale(let value): value.batchCode
        case .disposal(let value): value.batchCode
        case .correction(let value): value.batchCode
        case .voiding(let value): value.batchCode
        case .release(let value): value.batchCode
        case .equipment: nil
        case .packing(let value): value.batchCode
        case .unpacking(let value): value.batchCode
        case .operatorRegistration: nil
        }
    }

    /// The business time, if the event has one.
    public var time: Int64? {
        switch self {
        case .receipt(let value): value.time
        case .inspection(let value): value.time
        case .sale(let value): value.time
        case .disposal(let value): value.time
        case .correction(let value): value.time
        case .voiding(let value): value.time
        case .release(let value): value.time
        case .equipment(_, let value): value.time
        case .packing(let value): value.time
        case .unpacking(let value): value.time
        case .operatorRegistration: nil
        }
    }

    /// The journal payload: the body's fields plus the event id under `eventId`.
    public func payload(id: String) throws -> JSONValue {
        let fields: JSONValue
        switch self {
        case .receipt(let value): fields = try JSONValue(encoding: value)
        case .inspection(let value): fields = try JSONValue(encoding: value)
        case .sale(let value): fields = try JSONValue(encoding: value)
        case .disposal(let value): fields = try JSONValue(encoding: value)
        case .correction(let value): fields = try JSONValue(encoding: value)
        case .voiding(let value): fields = try JSONValue(encoding: value)
        case .operatorRegistration(let value): fields = try JSONValue(encoding: value)
        case .release(let value): fields = try JSONValue(encoding: value)
        case .equipment(_, let value): fields = try JSONValue(encoding: value)
        case .packing(let value): fields = try JSONValue(encoding: value)
        case .unpacking(let value): fields = try JSONValue(encoding: value)
        }
        guard case .object(var members) = fields else { return fields }
        members["eventId"] = .string(id)
        return .object(members)
    }

    /// Reads a payload back into its event id and body.
    public static func decode(kind: EventKind, payload: JSONValue) throws -> (id: String, body: EventBody) {
        guard case .string(let id)? = payload["eventId"] else {
            throw TraceSyncError(.payloadId, field: "payload.eventId", zh: "记录缺少事件编号 eventId。", en: "the payload has no event id (eventId).")
        }
        let body: EventBody
        switch kind {
        case .receipt: body = .receipt(try payload.decode(Receipt.self))
        case .inspection: body = .inspection(try payload.decode(Inspection.self))
        case .sale: body = .sale(try payload.decode(Sale.self))
        case .disposal: body = .disposal(try payload.decode(Disposal.self))
        case .correction: body = .correction(try payload.decode(Correction.self))
        case .voiding: body = .voiding(try payload.decode(Voiding.self))
        case .operatorRegistration: body = .operatorRegistration(try payload.decode(Operator.self))
        case .release: body = .release(try payload.decode(Release.self))
        case .equipmentRegistration, .equipmentInstallation, .equipmentInspection, .equipmentRepair, .equipmentDecommissioning:
            body = .equipment(EquipmentStep(kind)!, try payload.decode(EquipmentEvent.self))
        case .packing: body = .packing(try payload.decode(Packing.self))
        case .unpacking: body = .unpacking(try payload.decode(Unpacking.self))
        }
        return (id, body)
    }
}
