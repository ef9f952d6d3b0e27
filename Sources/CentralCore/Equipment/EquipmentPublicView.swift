public import SyncCore

/// What the public page `/t/{code}` shows of a special-equipment unit, built only from what the consumer
/// allow-list (`Disclosure`, `EquipmentDisclosure`) shows of its life events: its kind and use-registration number,
/// its last inspection's day, result and next due date, and its status on the day. Never the using company, the
/// address, the inspection body or report, nor any note.
public struct EquipmentPublicView: Codable, Hashable, Sendable {
    public let code: String
    public let kind: EquipmentKind?
    public let registrationNumber: String?
    /// `YYYY-MM-DD`.
    public let lastInspection: String?
    public let lastInspectionPassed: Bool?
    public let nextDue: String?
    /// `YYYY-MM-DD` of the decommissioning.
    public let decommissioned: String?
    public let status: EquipmentStatus
    public let asOf: String

    /// The view of unit `code` from its merged life events, for `asOf` (`YYYY-MM-DD`).
    public init(code: String, events: [RecordedEvent], asOf: String) {
        var registration: String?, inspection: (time: Int64, passed: Bool, due: String?)?, decommissioned: Int64?
        let shown = events.compactMap { event -> (EquipmentStep, DisclosedEvent)? in
            guard let step = EquipmentStep(event.body.kind) else { return nil }
            return (step, Disclosure.disclose(event.body, to: .consumer))
        }.sorted { ($0.1.integer("time") ?? 0) < ($1.1.integer("time") ?? 0) }
        for (step, fields) in shown {
            let time = fields.integer("time") ?? 0
            switch step {
            case .registration: registration = fields.text("registrationNumber") ?? registration
            case .inspection: inspection = (time, fields.bool("passed") ?? false, fields.text("nextDue"))
            case .decommissioning: decommissioned = decommissioned ?? time
            case .installation, .repair: break
            }
        }
        self.code = code
        kind = registration.flatMap(EquipmentKind.init(registrationNumber:))
        registrationNumber = registration
        lastInspection = inspection.map { BusinessTime.dayOf($0.time) }
        lastInspectionPassed = inspection?.passed
        nextDue = inspection?.due
        self.decommissioned = decommissioned.map(BusinessTime.dayOf)
        status = EquipmentStatus(decommissioned: decommissioned != nil, lastPassed: inspection?.passed,
                                 nextDue: inspection?.due, on: asOf)
        self.asOf = asOf
    }
}
