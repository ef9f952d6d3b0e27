import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// Fills a central store to a given number of events through `CentralStore.push`, the store's own writer: filler
/// devices enrolled at both markets push their journals in large chunks, so the store holds what a real push writes
/// (entries, log, events, trace links, batches) and nothing the benchmark wrote itself.
///
/// Each batch is a receipt, an inspection and three sales. Batches alternate between the wholesale market 46010001
/// and the retail market 46010002, whose batch names as its upstream code the child code of the wholesale batch's
/// first sale, so a backward trace walks two batches and a forward trace follows a sale downstream. Business times
/// spread over the last 300 days; while filling, the store's past window is widened so they are not flagged.
struct StoreFiller {
    let store: CentralStore
    /// Filler devices per market.
    static let devicesPerNode = 50
    /// Entries a filler device sends per push.
    var chunk = 1_000

    /// Codes to trace, sampled evenly over the store.
    struct Samples {
        /// Child codes of retail sales: a backward trace from one walks retail batch → wholesale batch.
        var backward: [String] = []
        /// Wholesale batch codes: a forward trace from one follows three sales, one into a retail batch.
        var forward: [String] = []
    }

    /// A filler device and the journal it has not pushed yet.
    private struct Device {
        let record: CentralStore.DeviceRecord
        var pending: [JournalEntry] = []
        var seq: Int64 = 0
        var head = JournalEntry.genesis
        var day = -1
        var serial = 0
    }

    /// Pushes `events` entries (rounded to whole batches of five), each an applied event; returns codes to trace.
    func fill(events: Int, samples wanted: Int = 2_000) throws -> Samples {
        let batches = max(2, events / 5)
        let stride = max(1, batches / 2 / wanted)
        let now = store.clock()
        let base = now - 300 * MarketStore.day
        let spacing = max(Int64(1), 290 * MarketStore.day / Int64(batches))
        let pastWindow = store.pastWindow
        store.pastWindow = 400 * MarketStore.day
        defer { store.pastWindow = pastWindow }
        var devices = try (0..<(2 * Self.devicesPerNode)).map { slot in
            let node = slot < Self.devicesPerNode ? MarketStore.node : MarketStore.retailNode
            return Device(record: try MarketStore.enroll(store, name: "补录秤 \(slot)", deviceNumber: 500 + slot, node: node))
        }
        var dates: [Int: String] = [:]
        var samples = Samples()
        var upstream: String?
        for index in 0..<batches {
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
                return TraceCode.make(node: node, deviceNumber: 500 + slot, date: date, serial: devices[slot].serial)
            }
            let batch = code()
            let children = [code(), code(), code()]
            append(batch, children: children, node: node, upstream: wholesale ? nil : upstream, time: time,
                   device: &devices[slot])
            if devices[slot].pending.count >= chunk { try push(&devices[slot]) }
            if wholesale {
                upstream = children[0].digits
                if (index / 2) % stride == 0 { samples.forward.append(batch.digits) }
            } else if (index / 2) % stride == 0 {
                samples.backward.append(children[1].digits)
            }
        }
        for slot in devices.indices where !devices[slot].pending.isEmpty { try push(&devices[slot]) }
        return samples
    }

    /// Pushes what `device` has pending; every entry must be applied.
    private func push(_ device: inout Device) throws {
        let response = try store.push(device: device.record, entries: device.pending)
        if let refused = response.verdicts.first(where: { $0.verdict != .applied }) {
            throw BenchError("filler entry \(refused.seq) got \(refused.verdict.rawValue): \(refused.reasonCode ?? "") "
                             + "\(refused.message?.en ?? "")")
        }
        device.pending.removeAll(keepingCapacity: true)
    }

    /// One batch: its receipt, an inspection and three sales of 100 kg each out of 1000 kg.
    private func append(_ batch: TraceCode, children: [TraceCode], node: String, upstream: String?, time: Int64,
                        device: inout Device) {
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
            var payload = fields
            payload["eventId"] = .string(UUIDv7.make(millis: wall))
            payload["time"] = .integer(wall)
            device.seq += 1
            let id = device.record.id
            let entry = JournalEntry(
                deviceId: id, seq: device.seq, hlc: HLCTimestamp(wallMillis: wall, counter: 0, deviceId: id),
                wallTime: wall, author: "符永清", kind: kind, payload: .object(payload), prev: device.head
            )
            device.head = entry.hash
            device.pending.append(entry)
        }
    }
}
