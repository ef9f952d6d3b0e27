public import SyncCore

/// One recorded fact as the EPCIS export sees it: what the EPCIS allow-list (`Disclosure`) shows of the event with
/// every correction applied, the batch facts the mapping needs, and whether a voiding cancelled it.
///
/// `CentralStore.exportedEvents(from:to:node:)` makes these from `BatchState` lines; `EPCISDocument.make` turns them
/// into EPCIS events. Only receipts, inspections, sales and disposals are exported: a correction is already applied
/// to the body `fields` shows, and a voiding travels as the `voidedBy` of the event it cancels.
public struct ExportedEvent: Hashable, Sendable {
    /// The voiding that cancelled an event.
    public struct Voiding: Hashable, Sendable {
        /// The voiding event's id.
        public let eventId: String
        /// The voiding's business time, milliseconds since the Unix epoch: the EPCIS `declarationTime`.
        public let time: Int64

        public init(eventId: String, time: Int64) {
            self.eventId = eventId
            self.time = time
        }
    }

    /// The event id made on the device (a UUIDv7).
    public let id: String
    /// The node the batch belongs to (8 digits).
    public let node: String
    /// The GB/T 2260 code of the node's district or county.
    public let nodeRegion: String
    /// What EPCIS may show of the body after every correction that targets it.
    public let fields: DisclosedEvent
    /// The batch's product code, from its receipt as corrected.
    public let product: String
    /// The batch's unit (`kg`, `t`, `head`, `piece`, `box`), from its receipt as corrected.
    public let unit: String
    /// The voiding that cancelled the event, nil while it counts.
    public let voidedBy: Voiding?

    /// The fact `id` with `body` (as corrected), of which only what `Disclosure` lets EPCIS see is kept.
    public init(
        id: String, node: String, nodeRegion: String, body: EventBody, product: String, unit: String,
        voidedBy: Voiding? = nil
    ) {
        self.id = id
        self.node = node
        self.nodeRegion = nodeRegion
        self.fields = Disclosure.disclose(body, to: .epcis)
        self.product = product
        self.unit = unit
        self.voidedBy = voidedBy
    }

    /// What the event records.
    public var kind: EventKind { fields.kind }

    /// The business time, milliseconds since the Unix epoch (0 for master data, which is never exported).
    public var time: Int64 { fields.time ?? 0 }

    /// True for the kinds that become an EPCIS event of their own.
    public static func isExported(_ kind: EventKind) -> Bool {
        switch kind {
        case .equipmentRegistration, .equipmentInstallation, .equipmentInspection, .equipmentRepair, .equipmentDecommissioning: true
        case .receipt, .inspection, .sale, .disposal, .packing, .unpacking: true
        case .correction, .voiding, .operatorRegistration, .release: false
        }
    }
}
