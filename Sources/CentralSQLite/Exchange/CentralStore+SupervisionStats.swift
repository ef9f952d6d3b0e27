import Foundation
public import CentralCore
public import SyncCore

extension CentralStore {
    /// Counts for business days `from`…`to` (`YYYY-MM-DD`, China Standard Time), of one node or all, per node, day and
    /// the industry of the batch's product, of `industry` only when it is given. Open conflicts and quiet devices are
    /// the nodes' whatever their industry.
    public func stats(from: String, to: String, node: String?, industry: Industry?) throws -> SupervisionStats {
        let start = try BusinessTime.parse(from, field: "from")
        let end = try BusinessTime.parse(to, field: "to") + 86_400_000
        var days: [String: (receipts: Int, received: [String: Quantity], inspections: Int, passed: Int, sales: Int, sold: [String: Quantity])] = [:]
        let rows = try database.query(
            "SELECT node, batch_code, kind, time, body FROM events WHERE time >= ? AND time < ? AND (?3 IS NULL OR node = ?3)",
            start, end, node
        )
        var states: [String: BatchState?] = [:]
        let catalogue = try productNamesAndIndustries()
        for row in rows {
            let batchCode = row.string("batch_code") ?? ""
            if states[batchCode] == nil, let code = try? TraceCode(parsing: batchCode) {
                states[batchCode] = BatchState.derive(code: code, events: try batchEvents(code))
            }
            guard let state = states[batchCode] ?? nil, let eventId = try JSONValue.parse(row.text("body"))["eventId"],
                  case .string(let id) = eventId, let line = state.line(id), line.counts else { continue }
            let batchIndustry = catalogue[state.receipt.product]?.industry ?? ""
            if let industry, industry.rawValue != batchIndustry { continue }
            let key = try row.text("node") + " " + BusinessTime.dayOf(row.integer("time")) + " " + batchIndustry
            var day = days[key] ?? (0, [:], 0, 0, 0, [:])
            let product = "\(state.receipt.product) \(state.receipt.unit)"
            switch line.current {
            case .receipt(let receipt):
                day.receipts += 1
                day.received[product] = (day.received[product] ?? .zero) + receipt.quantity
            case .inspection(let inspection):
                day.inspections += 1
                if inspection.passed { day.passed += 1 }
            case .sale(let sale):
                day.sales += 1
                day.sold[product] = (day.sold[product] ?? .zero) + sale.quantity
            default: break
            }
            days[key] = day
        }
        let result = days.keys.sorted().map { key -> SupervisionStats.Day in
            let parts = key.split(separator: " ", omittingEmptySubsequences: false), day = days[key]!
            return .init(
                node: String(parts[0]), day: String(parts[1]), industry: Industry(rawValue: String(parts[2])),
                receipts: day.receipts,
                receivedByProduct: day.received.mapValues(\.description), inspections: day.inspections,
                inspectionsPassed: day.passed, passRate: day.inspections == 0 ? 0 : Double(day.passed) / Double(day.inspections),
                sales: day.sales, soldByProduct: day.sold.mapValues(\.description)
            )
        }
        var open: [String: Int] = [:]
        for row in try database.query(
            "SELECT node, count(*) AS n FROM conflicts WHERE status = 'open' AND (?1 IS NULL OR node = ?1) GROUP BY node", node
        ) { open[try row.text("node")] = Int(try row.integer("n")) }
        let quiet = try devices(node: node).filter { !$0.revoked && ($0.lastSeenAt ?? 0) < clock() - 86_400_000 }
            .map { SupervisionStats.QuietDevice(id: $0.id, node: $0.node, name: $0.name, lastSeenAt: $0.lastSeenAt) }
        return SupervisionStats(days: result, openConflicts: open, quietDevices: quiet)
    }
}
