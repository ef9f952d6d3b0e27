/// The kinds of conflict of DESIGN.md §4, each with a deterministic provisional outcome.
public enum ConflictKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// Two devices corrected the same field of the same record, neither having seen the other: the higher HLC wins.
    case concurrentEdit = "concurrent_edit"
    /// Sales and disposals exceed what was received: all stand, the batch is flagged negative.
    case oversold
    /// A sale on a batch another device had failed at inspection or disposed: it stands, as a food-safety alert.
    case heldTraded = "held_traded"
    /// A device voided or corrected what holds a batch (a failed test, a full disposal): the hold stands, as a
    /// food-safety alert, until an admin releases the batch after a re-test.
    case holdVoided = "hold_voided"
    /// One quarantine certificate on batches of different operators: both stand, flagged.
    case certificateReuse = "certificate_reuse"
    /// The same credit code registered twice at a node: merged into one operator, both ids kept as aliases.
    case duplicateOperator = "duplicate_operator"
    /// An event for a batch the server has not received: held until it arrives, flagged after a timeout.
    case orphan
    /// A business time more than a day ahead of the server's clock, or older than the allowed window.
    case implausibleTime = "implausible_time"
    /// A special-equipment unit's life event recorded after its decommissioning (by business time), or a
    /// decommissioning recorded before events already merged: every event stands (never refused offline), the unit
    /// stays decommissioned, and an admin looks.
    case decommissionedInUse = "decommissioned_in_use"
    /// A sale of a restricted farm input or a hazardous good to a buyer without a valid licence on record (none,
    /// expired on the sale's day, the wrong kind), or a hazardous delivery without the carrier's permit: the sale
    /// stands (never refused offline) and an admin looks. A licence recorded later does not close it (LicenceRules).
    case unlicensedSale = "unlicensed_sale"
    /// Items packed into a case while another case holds them, or after they were sold (their case sold whole) or
    /// their batch disposed or held: the later packing (by HLC) holds them, every packing stands, and an admin looks.
    case packingConflict = "packing_conflict"

    public var label: LocalizedText {
        switch self {
        case .concurrentEdit: LocalizedText(zh: "并发更正", en: "concurrent edit")
        case .oversold: LocalizedText(zh: "超卖", en: "oversold")
        case .heldTraded: LocalizedText(zh: "扣留后交易（食品安全警示）", en: "held batch traded (food-safety alert)")
        case .holdVoided: LocalizedText(zh: "扣留期间作废或更正扣留原因（食品安全）", en: "hold cause voided or corrected (food safety)")
        case .certificateReuse: LocalizedText(zh: "检疫证明重复使用", en: "certificate reuse")
        case .duplicateOperator: LocalizedText(zh: "经营户重复登记", en: "duplicate operator")
        case .orphan: LocalizedText(zh: "孤立记录（批次未到）", en: "orphan (batch not received)")
        case .implausibleTime: LocalizedText(zh: "业务时间异常", en: "implausible business time")
        case .decommissionedInUse:
            LocalizedText(zh: "报废后仍有记录（特种设备）", en: "recorded after decommissioning (special equipment)")
        case .unlicensedSale: LocalizedText(zh: "无证销售（买方或承运方许可证不符）", en: "unlicensed sale (buyer's or carrier's licence missing)")
        case .packingConflict:
            LocalizedText(zh: "装箱冲突（已在他箱、已售出或已销毁）", en: "packing conflict (already in another case, sold or disposed)")
        }
    }
}

/// One side of a conflict: a value and who recorded it, when.
public struct ConflictCandidate: Codable, Hashable, Sendable {
    public let deviceId: String
    public let seq: Int64
    public let eventId: String
    public let author: String
    public let hlc: HLCTimestamp
    /// The device's wall clock when it recorded the entry.
    public let deviceTime: Int64
    /// The candidate's value, e.g. the corrected field's value, a sale's quantity, an operator id.
    public let value: String

    public init(deviceId: String, seq: Int64, eventId: String, author: String, hlc: HLCTimestamp, deviceTime: Int64, value: String) {
        self.deviceId = deviceId
        self.seq = seq
        self.eventId = eventId
        self.author = author
        self.hlc = hlc
        self.deviceTime = deviceTime
        self.value = value
    }
}

/// A conflict the merge found: its kind, what it is about, and the candidates to add.
public struct ConflictFinding: Hashable, Sendable {
    public let kind: ConflictKind
    /// What the conflict is about; at most one open conflict per kind and subject.
    public let subject: String
    public let batchCode: String?
    /// For a concurrent edit: the corrected event and field.
    public let target: String?
    public let field: String?
    /// The candidates, by event: the store fills in who recorded each and when.
    public let candidates: [CandidateRef]

    package init(kind: ConflictKind, subject: String, batchCode: String?, target: String?, field: String?, candidates: [CandidateRef]) {
        self.kind = kind
        self.subject = subject
        self.batchCode = batchCode
        self.target = target
        self.field = field
        self.candidates = candidates
    }

    /// The same finding with other candidates.
    package func with(candidates: [CandidateRef]) -> ConflictFinding {
        ConflictFinding(kind: kind, subject: subject, batchCode: batchCode, target: target, field: field,
                        candidates: candidates)
    }
}
