import SyncCore

/// A special-equipment unit as `field equipment list|show` prints it, and its JSON for scripts.
struct EquipmentView: Encodable {
    let code: String
    let kind: String?
    let registrationNumber: String?
    let user: String?
    let location: String?
    let lastInspection: String?
    let lastInspectionPassed: Bool?
    let nextDue: String?
    let decommissioned: String?
    let eventsAfterDecommissioning: Int
    let eventCount: Int
    let status: String
    let asOf: String

    init(_ unit: EquipmentState, asOf: String) {
        code = unit.code
        kind = unit.kind?.rawValue
        registrationNumber = unit.registrationNumber
        user = unit.user
        location = unit.location
        lastInspection = unit.lastInspection.map { BusinessTime.dayOf($0.time) }
        lastInspectionPassed = unit.lastInspection?.passed
        nextDue = unit.lastInspection?.nextDue
        decommissioned = unit.decommissionedAt.map(BusinessTime.dayOf)
        eventsAfterDecommissioning = unit.lateEventIds.count
        eventCount = unit.eventCount
        status = unit.status(on: asOf).rawValue
        self.asOf = asOf
    }
}

extension Output {
    /// One line per unit: code, kind, registration number, last inspection, next due date, status.
    func describe(_ unit: EquipmentState, asOf: String) -> String {
        let kind = unit.kind.map { text($0.label) } ?? text("未登记", "unregistered")
        let last = unit.lastInspection.map { BusinessTime.dayOf($0.time) } ?? "-"
        var line = "\(unit.code)  \(kind)  \(unit.registrationNumber ?? "-")  "
            + text("最近检验 ", "last inspection ") + last + "  " + text("下次检验 ", "next due ")
            + (unit.lastInspection?.nextDue ?? "-") + "  " + text(unit.status(on: asOf).label)
        if !unit.lateEventIds.isEmpty {
            line += text("  [报废后仍有 \(unit.lateEventIds.count) 条记录]", "  [\(unit.lateEventIds.count) events after decommissioning]")
        }
        return line
    }
}
