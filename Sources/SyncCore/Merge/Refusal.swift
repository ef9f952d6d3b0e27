/// The reasons the merge refuses an entry.
enum Refusal {
    static func outOfScope(_ node: String) -> TraceSyncError {
        TraceSyncError(.outOfScope, field: "node",
                       zh: "记录属于节点 \(node)，不在本设备所属节点的范围内。",
                       en: "the record belongs to node \(node), outside this device's node.")
    }

    static func unknown(_ field: String, _ value: String) -> TraceSyncError {
        let what: (zh: String, en: String, code: TraceSyncError.Code) = switch field {
        case "product": ("产品", "product", .unknownProduct)
        case "origin": ("产地", "origin region", .unknownRegion)
        case "operatorId", "buyerOperatorId": ("经营户", "operator", .unknownOperator)
        case "batchCode": ("批次", "batch", .unknownBatch)
        default: ("记录", "event", .unknownTarget)
        }
        return TraceSyncError(what.code, field: field,
                              zh: "服务器上没有\(what.zh)「\(value)」。", en: "the server knows no \(what.en) \"\(value)\".")
    }

    /// A device recorded or voided a hold release: only an admin lifts a food-safety hold (DESIGN.md §4).
    static let releaseByDevice = TraceSyncError(
        .releaseNotAllowed, field: "kind",
        zh: "设备不能解除或撤销扣留：食品安全扣留只能由管理员在复检合格后解除。",
        en: "a device cannot release a hold or undo a release: only an admin lifts a food-safety hold, after a passing re-test."
    )

    static func codeTaken(_ code: TraceCode) -> TraceSyncError {
        TraceSyncError(.duplicateCode, field: "code",
                       zh: "追溯码 \(code.grouped) 已被使用：本设备的序号可能与其他设备重复，请联系管理员。",
                       en: "trace code \(code.grouped) is already taken: this device's number may duplicate another's; contact the admin.")
    }
}
