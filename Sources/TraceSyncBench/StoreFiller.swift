import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// Fills a central store to a given number of events with direct SQL inserts, in the shapes `CentralStore.push`
/// writes (entries, server_log, events, trace_links, batches), because merging 10^6 entries through push would take
/// longer than the whole benchmark may.
///
/// Each batch is a receipt, an inspection and three sales. Batches alternate between the wholesale market 46010001
/// and the retail market 46010002, whose batch names as its upstream code the child code of the wholesale batch's
/// first sale, so a backward trace walks two batches and a forward trace follows a sale downstream.
struct StoreFiller {
    let store: CentralStore
    /// Filler devices per market.
    static let devicesPerNode = 50

    /// Codes to trace, sampled evenly over the store.
    struct Samples {
        /// Child codes of retail sales: a backward trace from one walks retail batch → wholesale batch.
        var backward: [String] = []
        /// Wholesale batch codes: a forward trace from one follows three sales, one into a retail batch.
        var forward: [String] = []
    }

    private struct Device {
        let id: String
        var seq: Int64 = 0
        var head = JournalEntry.genesis
        var day = -1
        var serial = 0
    }

    /// Inserts `events` events (rounded to whole batches of five); returns codes to trace.
    func fill(events: Int, samples wanted: Int = 2_000) throws -> Samples {
        let batches = max(2, events / 5)
        let stride = max(1, batches / 2 / wanted)
        let now = store.clock()
        let base = now - 300 * MarketStore.day
        let spacing = max(Int64(1), 290 * MarketStore.day / Int64(batches))
        var devices = (0..<(2 * Self.devicesPerNode)).map { Device(id: "filler-\($0)") }
        var dates: [Int: String] = [:]
        var samples = Samples()
        var upstream: String?
        var index = 0
        while index < batches {
            try store.database.inTransaction {
                for _ in 0..<min(5_000, batches - index) {
                    let wholesale = index % 2 == 0
                    let node = wholesale ? MarketStore.node : MarketStore.retailNode
                    let slot = (wholesale ? 0 : Self.devicesPerNode) + (index / 2) % Self.devicesPerNode
                    let time = base + Int64(index) * spacing
                    let day = Int((time - base) / MarketStore.day)
                    if devices[slot].day != day { devices[slot].day = day; devices[slot].serial = 0 }
                    let date = dates[day] ?? BusinessTime.codeDate(time)
                    dates[day] = date
                    func code() -> TraceCode {
                        devices[slot].serial += 1
                        return TraceCode.make(node: node, deviceNumber: 500 + slot, date: date,
                                              serial: devices[slot].serial)
                    }
                    let batch = code()
                    let children = [code(), code(), code()]
                    try insertBatch(batch, children: children, node: node, upstream: wholesale ? nil : upstream,
                                    time: time, device: &devices[slot])
                    if wholesale {
                        upstream = children[0].digits
                        if (index / 2) % stride == 0 { samples.forward.append(batch.digits) }
                    } else if (index / 2) % stride == 0 {
                        samples.backward.append(children[1].digits)
                    }
                    index += 1
                }
            }
        }
        return samples
    }

    /// One batch: its receipt, an inspection and three sales of 100 kg each out of 1000 kg.
    private func insertBatch(_ batch: TraceCode, children: [TraceCode], node: String, upstream: String?, time: Int64,
                             device: inout Device) throws {
        let operatorId = node == MarketStore.node ? MarketStore.operators[Int(time % 4)] : MarketStore.retailOperators[0]
        var receipt: [String: JSONValue] = [
            "batchCode": .string(batch.digits), "node": .string(node), "product": .string("200101"),
            "quantity": .string("1000"), "unit": .string("kg"), "operatorId": .string(operatorId),
            "supplier": .string("澄迈福山瓜菜合作社"), "origin": .string("469023"),
        ]
        if let upstream { receipt["upstreamCode"] = .string(upstream) }
        var bodies: [(EventKind, [String: JSONValue])] = [(.receipt, receipt), (.inspection, [
            "batchCode": .string(batch.digits), "item": .string("农药残留"), "method": .string("速测卡"),
            "value": .string("12%"), "passed": .bool(true),
        ])]
        for child in children {
            bodies.append((.sale, ["batchCode": .string(batch.digits), "childCode": .string(child.digits),
                                   "buyerName": .string("王老板"), "quantity": .string("100"), "price": .string("4.50")]))
        }
        for (offset, (kind, fields)) in bodies.enumerated() {
            let wall = time + Int64(offset) * 60_000
            let id = UUIDv7.make(millis: wall)
            var payload = fields
            payload["eventId"] = .string(id)
            payload["time"] = .integer(wall)
            device.seq += 1
            let entry = JournalEntry(
                deviceId: device.id, seq: device.seq, hlc: HLCTimestamp(wallMillis: wall, counter: 0, deviceId: device.id),
                wallTime: wall, author: "符永清", kind: kind, payload: .object(payload), prev: device.head
            )
            device.head = entry.hash
            try insert(entry, eventId: id, node: node, batch: batch.digits, fields: fields)
        }
        try store.database.run(
            """
            INSERT INTO batches (code, node, product, operator_id, origin, upstream_code, day, time, unit, received, sold,
                                 disposed, balance, status, flags)
            VALUES (?, ?, '200101', ?, '469023', ?, ?, ?, 'kg', '1000', '300', '0', '700', 'open', '')
            """,
            batch.digits, node, operatorId, upstream, BusinessTime.dayOf(time), time
        )
    }

    private func insert(_ entry: JournalEntry, eventId: String, node: String, batch: String,
                        fields: [String: JSONValue]) throws {
        let payload = entry.payload.canonicalString, hlc = entry.hlc.description
        try store.database.run(
            """
            INSERT INTO entries (device_id, seq, hlc, wall_time, author, kind, payload, prev, hash, received_at, verdict)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'applied')
            """,
            entry.deviceId, entry.seq, hlc, entry.wallTime, entry.author, entry.kind.rawValue, payload, entry.prev,
            entry.hash, entry.wallTime + 3_600_000
        )
        try store.database.run(
            "INSERT INTO server_log (node, kind, device_id, entry_seq, rejected) VALUES (?, 'entry', ?, ?, 0)",
            node, entry.deviceId, entry.seq
        )
        try store.database.run(
            "INSERT INTO events (id, batch_code, node, kind, hlc, device_id, seq, author, time, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            eventId, batch, node, entry.kind.rawValue, hlc, entry.deviceId, entry.seq, entry.author, entry.wallTime, payload
        )
        switch entry.kind {
        case .receipt:
            try store.database.run("INSERT INTO trace_links (code, batch_code, event_id, kind) VALUES (?, ?, ?, 'batch')",
                                   batch, batch, eventId)
        case .sale:
            guard case .string(let child)? = fields["childCode"] else { return }
            try store.database.run("INSERT INTO trace_links (code, batch_code, event_id, kind) VALUES (?, ?, ?, 'sale')",
                                   child, batch, eventId)
        default: break
        }
    }
}
