public import SyncCore

extension EPCISDocument.CBV {
    static let packing = "packing"
    static let unpacking = "unpacking"
}

extension EPCISDocument {
    /// 装箱 → AggregationEvent ADD (`packing`), 拆箱 → AggregationEvent DELETE (`unpacking`): the case or pallet is
    /// the `parentID`, the items (or the cases on a pallet) its `childEPCs`; the batch's lot goes in `ts:lot`.
    static func aggregation(
        _ packing: DisclosedEvent, _ exported: ExportedEvent, action: String, bizStep: String
    ) -> [String: JSONValue] {
        let level = packing.text("level")
        let contents: [String]
        if case .array(let values)? = packing.members["contents"] {
            contents = values.compactMap { if case .string(let text) = $0 { text } else { nil } }
        } else {
            contents = []
        }
        var members: [String: JSONValue] = [
            "type": .string("AggregationEvent"),
            "action": .string(action),
            "bizStep": .string(bizStep),
            "disposition": .string(CBV.inProgress),
            "childEPCs": .array(contents.map { .string(EPCISIdentifiers.packed($0)) }),
            "bizLocation": .object(["id": .string(EPCISIdentifiers.node(exported.node))]),
        ]
        if let container = packing.code("container") {
            members["parentID"] = .string(EPCISIdentifiers.container(container))
        }
        if let batch = packing.code("batchCode") {
            members[EPCISIdentifiers.term("lot")] = .string(EPCISIdentifiers.lot(batch))
        }
        if let level { members[EPCISIdentifiers.term("level")] = .string(level) }
        return members
    }
}

extension EPCISIdentifiers {
    /// A case or pallet: `https://tracesync.example.cn/container/<24 digits>`.
    public static func container(_ code: TraceCode) -> String { base + "container/" + code.digits }

    /// A serialised item (a drug's 20-digit 药品追溯码): `https://tracesync.example.cn/item/<code>`.
    public static func item(_ code: String) -> String {
        base + "item/" + code.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// What a packing packs: a case (24-digit code) on a pallet as a container, anything else as an item.
    static func packed(_ content: String) -> String {
        (try? TraceCode(parsing: content)).map(container) ?? item(content)
    }
}
