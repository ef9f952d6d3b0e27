public import SyncCore

/// A special-equipment unit as the central store keeps it (one row per unit, rewritten as its life events are
/// merged), with its status on the day it was read for. What admins list; the public page shows less
/// (`EquipmentPublicView`).
public struct EquipmentUnit: Codable, Hashable, Sendable {
    /// 特种设备代码.
    public let code: String
    public let node: String
    /// `EquipmentKind` raw value; nil while no registration is merged.
    public let kind: EquipmentKind?
    /// 使用登记证编号.
    public let registrationNumber: String?
    /// 使用单位.
    public let user: String?
    /// 安装地点.
    public let location: String?
    /// Business times, milliseconds since the Unix epoch.
    public let registeredAt: Int64?
    public let installedAt: Int64?
    public let lastInspectedAt: Int64?
    public let lastInspectionPassed: Bool?
    /// 下次检验日期, `YYYY-MM-DD`.
    public let nextDue: String?
    public let lastRepairAt: Int64?
    public let decommissionedAt: Int64?
    /// How many life events were recorded after the decommissioning (each in a `decommissioned_in_use` conflict).
    public let eventsAfterDecommissioning: Int
    public let eventCount: Int
    /// The status on `asOf`.
    public let status: EquipmentStatus
    /// The day (`YYYY-MM-DD`, China Standard Time) the status is for.
    public let asOf: String

    package init(
        code: String, node: String, kind: EquipmentKind?, registrationNumber: String?, user: String?,
        location: String?, registeredAt: Int64?, installedAt: Int64?, lastInspectedAt: Int64?,
        lastInspectionPassed: Bool?, nextDue: String?, lastRepairAt: Int64?, decommissionedAt: Int64?,
        eventsAfterDecommissioning: Int, eventCount: Int, asOf: String
    ) {
        self.code = code
        self.node = node
        self.kind = kind
        self.registrationNumber = registrationNumber
        self.user = user
        self.location = location
        self.registeredAt = registeredAt
        self.installedAt = installedAt
        self.lastInspectedAt = lastInspectedAt
        self.lastInspectionPassed = lastInspectionPassed
        self.nextDue = nextDue
        self.lastRepairAt = lastRepairAt
        self.decommissionedAt = decommissionedAt
        self.eventsAfterDecommissioning = eventsAfterDecommissioning
        self.eventCount = eventCount
        status = EquipmentStatus(decommissioned: decommissionedAt != nil, lastPassed: lastInspectionPassed,
                                 nextDue: nextDue, on: asOf)
        self.asOf = asOf
    }
}

/// Which units a listing shows.
public struct EquipmentFilter: Hashable, Sendable {
    public var node: String?
    /// Only units whose inspection is overdue on `asOf`.
    public var overdue: Bool
    /// The day the status is computed for, `YYYY-MM-DD`; today in China Standard Time when nil.
    public var asOf: String?

    public init(node: String? = nil, overdue: Bool = false, asOf: String? = nil) {
        self.node = node
        self.overdue = overdue
        self.asOf = asOf
    }

    /// Reads the filters as typed, by the HTTP query or the command line.
    /// - Throws: `TraceSyncError` `bad_parameter` naming the parameter and what to write.
    public init(node: String?, overdue: String?, asOf: String?) throws {
        if let node, node.count != 8 || !node.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw TraceSyncError(.badParameter, field: "node",
                                 zh: "参数 node=\(node) 无效：节点编码为 8 位数字，如 46010001。",
                                 en: "parameter node=\(node) is not valid: a node code is 8 digits, e.g. 46010001.")
        }
        let flag: Bool
        switch overdue {
        case nil, "false": flag = false
        case "true": flag = true
        case let other?:
            throw TraceSyncError(.badParameter, field: "overdue",
                                 zh: "参数 overdue=\(other) 无效：应为 true 或 false。",
                                 en: "parameter overdue=\(other) is not valid: use true or false.")
        }
        let day = try asOf.map { text in
            guard let day = try? BusinessTime.day(text, field: "asOf"), day == text else {
                throw TraceSyncError(.badParameter, field: "asOf",
                                     zh: "参数 asOf=\(text) 无效：日期应写成 YYYY-MM-DD，如 2026-12-02。",
                                     en: "parameter asOf=\(text) is not valid: write the day as YYYY-MM-DD, e.g. 2026-12-02.")
            }
            return day
        }
        self.init(node: node, overdue: flag, asOf: day)
    }
}
