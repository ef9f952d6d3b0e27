public import CentralCore
public import SyncCore

/// Special-equipment units' life events in the EPCIS export.
extension CentralStore {
    /// The life events of units whose business time is in `from ..< to`, of node `node` or of every node, with
    /// their clocks for the export's order. A unit has no product or counting unit: both are empty.
    func exportedEquipmentEvents(
        from: Int64, to: Int64, node: String?, regions: inout [String: String]
    ) throws -> [(event: ExportedEvent, hlc: HLCTimestamp)] {
        var found: [(event: ExportedEvent, hlc: HLCTimestamp)] = []
        for row in try database.query(
            """
            SELECT ev.id, ev.kind, ev.hlc, ev.author, ev.body, ev.sealed, ev.node FROM equipment_events q
            JOIN events ev ON ev.id = q.event_id
            WHERE ev.time >= ? AND ev.time < ? AND (? IS NULL OR ev.node = ?) ORDER BY ev.time, ev.hlc
            """,
            from, to, node, node
        ) {
            let event = try recordedEvent(row)
            let eventNode = try row.text("node")
            if regions[eventNode] == nil { regions[eventNode] = try self.node(eventNode).region }
            found.append((ExportedEvent(id: event.id, node: eventNode, nodeRegion: regions[eventNode]!, body: event.body,
                                        product: "", unit: ""), event.hlc))
        }
        return found
    }
}
