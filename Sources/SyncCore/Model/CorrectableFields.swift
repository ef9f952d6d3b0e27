/// The fields a correction may set, per kind of event, and how a text value is applied.
public enum CorrectableFields {
    /// The field names a correction of `kind` may name.
    public static func names(for kind: EventKind) -> [String] {
        switch kind {
        case .receipt:
            ["product", "quantity", "unit", "operator", "supplier", "origin", "upstream_code",
             "quarantine_cert", "meat_quality_cert", "origin_cert", "vehicle_plate"]
        case .inspection: ["item", "method", "value", "result"]
        case .sale: ["quantity", "price", "buyer"]
        case .disposal: ["quantity", "reason", "witness"]
        case .correction, .voiding, .operatorRegistration, .release, .equipmentRegistration, .equipmentInstallation, .equipmentInspection, .equipmentRepair, .equipmentDecommissioning, .packing, .unpacking: []
        }
    }

    /// The payload members of an event of `kind` that correcting `field` sets, nil for a field it has not. The
    /// outward views' allow-list (`Disclosure`) shows a correction's field only when it may show all of them.
    public static func members(_ field: String, of kind: EventKind) -> [String]? {
        guard names(for: kind).contains(field) else { return nil }
        switch (kind, field) {
        case (.receipt, "operator"): return ["operatorId"]
        case (.receipt, "upstream_code"): return ["upstreamCode"]
        case (.receipt, "quarantine_cert"): return ["quarantineCert"]
        case (.receipt, "meat_quality_cert"): return ["meatQualityCert"]
        case (.receipt, "origin_cert"): return ["originCert"]
        case (.receipt, "vehicle_plate"): return ["vehiclePlate"]
        case (.inspection, "result"): return ["passed"]
        case (.sale, "buyer"): return ["buyerName", "buyerOperatorId"]
        default: return [field]
        }
    }

    /// The body with `field` set to `value`.
    /// - Throws: `TraceSyncError` when the field is not correctable or the value has the wrong form.
    public static func apply(_ field: String, _ value: String, to body: EventBody) throws -> EventBody {
        let optional = value.isEmpty ? nil : value
        switch body {
        case .receipt(var receipt):
            switch field {
            case "product": receipt.product = value
            case "quantity": receipt.quantity = try Validation.quantity(value, field: field)
            case "unit": receipt.unit = value
            case "operator": receipt.operatorId = value
            case "supplier": receipt.supplier = value
            case "origin": receipt.origin = value
            case "upstream_code": receipt.upstreamCode = optional
            case "quarantine_cert": receipt.quarantineCert = optional
            case "meat_quality_cert": receipt.meatQualityCert = optional
            case "origin_cert": receipt.originCert = optional
            case "vehicle_plate": receipt.vehiclePlate = optional
            default: throw unknown(field, body.kind)
            }
            return .receipt(receipt)
        case .inspection(var inspection):
            switch field {
            case "item": inspection.item = value
            case "method": inspection.method = optional
            case "value": inspection.value = optional
            case "result": inspection.passed = try InspectionResult.parse(value, field: field)
            default: throw unknown(field, body.kind)
            }
            return .inspection(inspection)
        case .sale(var sale):
            switch field {
            case "quantity": sale.quantity = try Validation.quantity(value, field: field)
            case "price": sale.price = try optional.map { try price($0, field) }
            case "buyer": sale.buyerName = value; sale.buyerOperatorId = nil
            default: throw unknown(field, body.kind)
            }
            return .sale(sale)
        case .disposal(var disposal):
            switch field {
            case "quantity": disposal.quantity = try Validation.quantity(value, field: field)
            case "reason": disposal.reason = value
            case "witness": disposal.witness = optional
            default: throw unknown(field, body.kind)
            }
            return .disposal(disposal)
        case .correction, .voiding, .operatorRegistration, .release, .equipment, .packing, .unpacking:
            throw unknown(field, body.kind)
        }
    }

    private static func price(_ value: String, _ field: String) throws -> Price {
        guard let price = Price(value) else {
            throw TraceSyncError(
                .badPrice, field: field,
                zh: "单价「\(value)」无效：请输入不小于 0 的金额（元），最多两位小数，例如 12.5。",
                en: "price \"\(value)\" is not valid: enter an amount in yuan of at least 0 with at most 2 decimals, e.g. 12.5."
            )
        }
        return price
    }

    private static func unknown(_ field: String, _ kind: EventKind) -> TraceSyncError {
        let allowed = names(for: kind).joined(separator: ", ")
        return TraceSyncError(
            .notCorrectable, field: field,
            zh: "「\(kind.label.zh)」记录没有可更正的字段「\(field)」。可更正字段：\(allowed.isEmpty ? "无" : allowed)。",
            en: "a \(kind.label.en) has no correctable field \"\(field)\". Correctable fields: \(allowed.isEmpty ? "none" : allowed)."
        )
    }
}

/// Reads an inspection result typed as text.
public enum InspectionResult {
    /// `pass`/`合格`/`true` → true, `fail`/`不合格`/`false` → false.
    public static func parse(_ text: String, field: String = "result") throws -> Bool {
        switch text.trimmingSpaces.lowercased() {
        case "pass", "passed", "合格", "true", "ok": return true
        case "fail", "failed", "不合格", "false": return false
        default:
            throw TraceSyncError(
                .badResult, field: field,
                zh: "检测结果「\(text)」无效：请填 pass（合格）或 fail（不合格）。",
                en: "result \"\(text)\" is not valid: use pass or fail."
            )
        }
    }
}
