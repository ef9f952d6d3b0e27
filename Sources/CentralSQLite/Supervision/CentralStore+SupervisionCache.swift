import CentralCore
import SyncCore

/// What the runs after pushes keep between them, so that a run costs in proportion to what the pushes touched
/// (`SupervisionSchema.cacheSQL`): per batch and business day its receipt, sales, disposals and tests as derived
/// from all its events; those summed per operator, unit and day and per node and day; every batch's receipt for
/// the quantity check; and the events per node, day and hour. It is filled from everything by the first run after
/// pushes on a store without it; after that a run adds the new lines of the batches the new entries touched, or
/// re-derives those it must (`updateSupervisionCache`), replaces their rows and moves the sums by the difference.
extension CentralStore {
    /// What one run re-derived and which judgements that can change.
    struct SupervisionChanges {
        /// The touched batches derived again from all their events (voided ones too); the others only gained lines.
        var batches: [BatchState] = []
        /// Per operator, product and unit (`[operator, product, unit]`): the earliest and the latest time of a receipt
        /// that came, went or changed there (before or after the change; a new sale leaves its receipt as it was).
        var receiptGroups: [[String]: ClosedRange<Int64>] = [:]
        /// `[node, operator, unit]` whose day sums changed.
        var operatorGroups: Set<[String]> = []
        /// How many batches had a new event.
        var touched = 0
    }

    /// Whether the cache has been filled.
    func supervisionCacheIsBuilt() throws -> Bool {
        try database.scalar("SELECT value FROM supervision_state WHERE name = 'cache'") != nil
    }

    /// Fills the cache from every batch and event the store holds.
    func rebuildSupervisionCache() throws {
        for table in ["supervision_batch_days", "supervision_receipts", "supervision_operator_days", "supervision_test_days",
                      "supervision_entry_hours"] {
            try database.run("DELETE FROM \(table)")
        }
        let states = try derivedBatches(database.query(
            "SELECT id, batch_code, kind, hlc, author, body, sealed FROM events WHERE batch_code IS NOT NULL ORDER BY batch_code, hlc"
        ))
        var changes = SupervisionChanges(), sums = SupervisionSums()
        try replace(states, old: [], into: &changes, sums: &sums)
        try sums.write(to: database)
        try addEntryHours(
            "SELECT node, (time + 28800000) / 86400000 AS day, ((time + 28800000) % 86400000) / 3600000 AS hour, count(*) AS n "
                + "FROM events WHERE time IS NOT NULL GROUP BY node, day, hour"
        )
        try database.run("INSERT OR REPLACE INTO supervision_state (name, value) VALUES ('cache', 1)")
    }

    /// Adds the events of the entries logged after server-log seq `mark` to the events per node, day and hour.
    func addEntryHours(afterLogSeq mark: Int64) throws {
        try addEntryHours(
            """
            SELECT e.node, (e.time + 28800000) / 86400000 AS day, ((e.time + 28800000) % 86400000) / 3600000 AS hour,
                   count(*) AS n
            FROM server_log l JOIN events e ON e.device_id = l.device_id AND e.seq = l.entry_seq
            WHERE l.seq > ?1 AND l.kind = 'entry' AND e.time IS NOT NULL GROUP BY e.node, day, hour
            """,
            mark
        )
    }

    /// Brings the rows of the batches with an event among the entries logged after `mark`, and the sums, up to date.
    ///
    /// A batch whose new events are all sales, disposals or tests, that has a receipt on record and no correction or
    /// voiding among all its events, and that has not sold or disposed of all it received, only gains those lines:
    /// their quantities and tests are added to its rows without deriving it (the two batch checks can find nothing
    /// in it). Every other touched batch is derived again from all its events; with `deriveAll` (the cache was just
    /// filled, new events included) every touched batch is.
    func updateSupervisionCache(afterLogSeq mark: Int64, deriveAll: Bool = false) throws -> SupervisionChanges {
        let newEvents = Dictionary(grouping: try database.query(
            """
            SELECT e.id, e.batch_code, e.kind, e.hlc, e.author, e.body, e.sealed
            FROM server_log l JOIN events e ON e.device_id = l.device_id AND e.seq = l.entry_seq
            WHERE l.seq > ? AND l.kind = 'entry' AND e.batch_code IS NOT NULL
            """,
            mark
        )) { $0.string("batch_code") ?? "" }
        guard !newEvents.isEmpty else { return SupervisionChanges() }
        var sums = SupervisionSums(), derive = Set(newEvents.keys), changes = SupervisionChanges()
        changes.touched = newEvents.count
        let plain = deriveAll ? [] : newEvents.keys.filter { code in
            newEvents[code]!.allSatisfy { ["sale", "disposal", "inspection"].contains($0.string("kind")) }
        }
        if !plain.isEmpty {
            let list = JSONValue.array(plain.sorted().map(JSONValue.string)).canonicalString
            let amended = Set(try database.query(
                """
                SELECT DISTINCT batch_code FROM events
                WHERE batch_code IN (SELECT value FROM json_each(?1)) AND kind IN ('correction', 'voiding')
                """,
                list
            ).compactMap { $0.string("batch_code") })
            for row in try database.query(
                """
                SELECT r.code, r.node, r.operator_id, r.unit, r.received,
                       (SELECT sum(d.sold + d.disposed) FROM supervision_batch_days d WHERE d.code = r.code) AS used
                FROM supervision_receipts r WHERE r.code IN (SELECT value FROM json_each(?1))
                """,
                list
            ) {
                let code = try row.text("code")
                guard !amended.contains(code) else { continue }
                let node = try row.text("node"), operatorId = try row.text("operator_id"), unit = try row.text("unit")
                var days: [String: BatchDay] = [:], used = row.int("used") ?? 0
                for event in newEvents[code]! {
                    switch try recordedEvent(event).body {
                    case .sale(let sale):
                        days[BusinessTime.dayOf(sale.time), default: BatchDay()].sold += sale.quantity.units
                        used += sale.quantity.units
                    case .disposal(let disposal):
                        days[BusinessTime.dayOf(disposal.time), default: BatchDay()].disposed += disposal.quantity.units
                        used += disposal.quantity.units
                    case .inspection(let inspection):
                        days[BusinessTime.dayOf(inspection.time), default: BatchDay()].tests += 1
                        if inspection.passed { days[BusinessTime.dayOf(inspection.time), default: BatchDay()].passed += 1 }
                    default: break
                    }
                }
                guard used < (try row.integer("received")) else { continue }
                derive.remove(code)
                changes.operatorGroups.insert([node, operatorId, unit])
                for (day, flow) in days {
                    try database.run(
                        """
                        INSERT INTO supervision_batch_days (code, node, operator_id, unit, day, received, sold, disposed, tests, passed)
                        VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?7, ?8, ?9) ON CONFLICT (code, day) DO UPDATE SET
                        sold = sold + excluded.sold, disposed = disposed + excluded.disposed, tests = tests + excluded.tests,
                        passed = passed + excluded.passed
                        """,
                        code, node, operatorId, unit, day, flow.sold, flow.disposed, flow.tests, flow.passed
                    )
                    sums.add(flow, node: node, operatorId: operatorId, unit: unit, day: day)
                }
            }
        }
        if !derive.isEmpty {
            let list = JSONValue.array(derive.sorted().map(JSONValue.string)).canonicalString
            let old = try database.query(
                """
                SELECT d.code, d.node, d.operator_id, d.unit, d.day, d.received, d.sold, d.disposed, d.tests, d.passed,
                       r.product, r.received AS receipt, r.received_at
                FROM supervision_batch_days d LEFT JOIN supervision_receipts r ON r.code = d.code
                WHERE d.code IN (SELECT value FROM json_each(?1))
                """,
                list
            )
            let states = try derivedBatches(database.query(
                """
                SELECT id, batch_code, kind, hlc, author, body, sealed FROM events
                WHERE batch_code IN (SELECT value FROM json_each(?1)) ORDER BY batch_code, hlc
                """,
                list
            ))
            try database.run("DELETE FROM supervision_batch_days WHERE code IN (SELECT value FROM json_each(?1))", list)
            try database.run("DELETE FROM supervision_receipts WHERE code IN (SELECT value FROM json_each(?1))", list)
            try replace(states, old: old, into: &changes, sums: &sums)
        }
        try sums.write(to: database)
        return changes
    }

    /// Writes the rows of `states` (their old rows, `old`, already deleted) and moves `sums` from `old` to them.
    private func replace(_ states: [BatchState], old: [Row], into changes: inout SupervisionChanges,
                         sums: inout SupervisionSums) throws {
        changes.batches += states
        var oldReceipts: [String: BatchReceipt] = [:]
        func touch(_ group: [String], at time: Int64) {
            let range = changes.receiptGroups[group]
            changes.receiptGroups[group] = min(range?.lowerBound ?? time, time)...max(range?.upperBound ?? time, time)
        }
        for row in old {
            let node = try row.text("node"), operatorId = try row.text("operator_id"), unit = try row.text("unit")
            let flow = BatchDay(received: try row.integer("received"), sold: try row.integer("sold"),
                                disposed: try row.integer("disposed"), tests: try row.integer("tests"),
                                passed: try row.integer("passed"))
            sums.add(flow, node: node, operatorId: operatorId, unit: unit, day: try row.text("day"), sign: -1)
            changes.operatorGroups.insert([node, operatorId, unit])
            if let product = row.string("product"), let time = row.int("received_at"), let receipt = row.int("receipt") {
                oldReceipts[try row.text("code")] = BatchReceipt(
                    code: try row.text("code"), node: node, operatorId: operatorId, product: product, unit: unit,
                    received: Quantity(units: receipt), receivedAt: time
                )
            }
        }
        var dayRows = MultiRowInsert(
            "INSERT INTO supervision_batch_days (code, node, operator_id, unit, day, received, sold, disposed, tests, passed)",
            columns: 10
        )
        var receiptRows = MultiRowInsert(
            "INSERT INTO supervision_receipts (code, node, operator_id, product, unit, received, received_at)", columns: 7
        )
        for state in states where state.status != .voided {
            let batch = Self.movements(state)
            receiptRows.add(batch.code, batch.node, batch.operatorId, batch.product, batch.unit, batch.received.units,
                            batch.receivedAt)
            let before = oldReceipts.removeValue(forKey: batch.code)
            if before != BatchReceipt(batch) {
                touch([batch.operatorId, batch.product, batch.unit], at: batch.receivedAt)
                if let before { touch([before.operatorId, before.product, before.unit], at: before.receivedAt) }
            }
            changes.operatorGroups.insert([batch.node, batch.operatorId, batch.unit])
            for (day, flow) in Self.days(of: state, batch) {
                dayRows.add(batch.code, batch.node, batch.operatorId, batch.unit, day, flow.received, flow.sold,
                            flow.disposed, flow.tests, flow.passed)
                sums.add(flow, node: batch.node, operatorId: batch.operatorId, unit: batch.unit, day: day)
            }
        }
        for (_, gone) in oldReceipts { touch([gone.operatorId, gone.product, gone.unit], at: gone.receivedAt) }
        try dayRows.flush(into: database)
        try receiptRows.flush(into: database)
    }

    /// A batch's receipt, sales, disposals and counted tests per business day (tests on the receipt's node).
    private static func days(of state: BatchState, _ batch: BatchMovements) -> [String: BatchDay] {
        var days: [String: BatchDay] = [:]
        days[BusinessTime.dayOf(batch.receivedAt), default: BatchDay()].received += batch.received.units
        for movement in batch.movements {
            switch movement.kind {
            case .sale: days[BusinessTime.dayOf(movement.time), default: BatchDay()].sold += movement.quantity.units
            case .disposal: days[BusinessTime.dayOf(movement.time), default: BatchDay()].disposed += movement.quantity.units
            }
        }
        for line in state.lines where line.counts {
            guard case .inspection(let inspection) = line.current else { continue }
            days[BusinessTime.dayOf(inspection.time), default: BatchDay()].tests += 1
            if inspection.passed { days[BusinessTime.dayOf(inspection.time), default: BatchDay()].passed += 1 }
        }
        return days
    }

    /// Adds the counts `sql` selects (node, day ordinal, hour, n) to the events per node, day and hour.
    private func addEntryHours(_ sql: String, _ arguments: any DatabaseValueConvertible...) throws {
        for row in try database.query(sql, arguments) {
            try database.run(
                """
                INSERT INTO supervision_entry_hours (node, day, hour, count) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (node, day, hour) DO UPDATE SET count = count + excluded.count
                """,
                try row.text("node"), BusinessTime.dayOf(try row.integer("day") * 86_400_000), try row.integer("hour"),
                try row.integer("n")
            )
        }
    }

    /// What the checks read after pushes: the touched batches, the receipts their groups' judgements need, the
    /// day sums of their operators (every day: a balance carries over), the tests and hours of `nodes` from
    /// `readFrom`'s day on, the uses of their certificates and the clock samples of the new pushes.
    func pendingHistory(_ changes: SupervisionChanges, nodes: Set<String>, judgedFrom: Int64, readFrom: Int64,
                        afterLogSeq: Int64) throws -> SupervisionHistory {
        let window = Int64(try supervisionSettings()[.quantityOutlierWindowDays] * 86_400_000)
        var receipts: [BatchReceipt] = [], judged: Set<String> = []
        for (group, range) in changes.receiptGroups {
            let last = range.upperBound + window
            for row in try database.query(
                """
                SELECT code, node, received, received_at FROM supervision_receipts
                WHERE operator_id = ?1 AND product = ?2 AND unit = ?3 AND received_at >= ?4 AND received_at <= ?5
                """,
                group[0], group[1], group[2], max(range.lowerBound, judgedFrom - 86_400_000) - window, last
            ) {
                let receipt = BatchReceipt(
                    code: try row.text("code"), node: try row.text("node"), operatorId: group[0], product: group[1],
                    unit: group[2], received: Quantity(units: try row.integer("received")), receivedAt: try row.integer("received_at")
                )
                receipts.append(receipt)
                if receipt.receivedAt >= range.lowerBound { judged.insert(receipt.code) }
            }
        }
        var operatorDays: [OperatorDayFlow] = []
        for group in changes.operatorGroups {
            operatorDays += try database.query(
                "SELECT day, received, sold, disposed FROM supervision_operator_days WHERE operator_id = ?1 AND node = ?2 AND unit = ?3",
                group[1], group[0], group[2]
            ).map { row in
                OperatorDayFlow(node: group[0], operatorId: group[1], unit: group[2], day: try row.text("day"), .init(
                    received: Quantity(units: try row.integer("received")), sold: Quantity(units: try row.integer("sold")),
                    disposed: Quantity(units: try row.integer("disposed"))))
            }
        }
        let nodeList = JSONValue.array(nodes.sorted().map(JSONValue.string)).canonicalString
        let from = BusinessTime.dayOf(readFrom)
        let testDays = try database.query(
            "SELECT node, day, tests, passed FROM supervision_test_days WHERE node IN (SELECT value FROM json_each(?1)) AND day >= ?2",
            nodeList, from
        ).map { row in
            TestDay(node: try row.text("node"), day: try row.text("day"), tests: Int(try row.integer("tests")),
                    passed: Int(try row.integer("passed")))
        }
        let entryHours = try database.query(
            "SELECT node, day, hour, count FROM supervision_entry_hours WHERE node IN (SELECT value FROM json_each(?1)) AND day >= ?2",
            nodeList, from
        ).map { row in
            EntryHour(node: try row.text("node"), day: try row.text("day"), hour: Int(try row.integer("hour")),
                      count: Int(try row.integer("count")))
        }
        return SupervisionHistory(
            batches: changes.batches.filter { $0.status != .voided }.map(Self.movements),
            certificateUses: try certificateUses(Set(changes.batches.compactMap(\.receipt.quarantineCert))),
            testDays: testDays, entryHours: entryHours,
            clockSamples: try clockSamples(nodes: nodeList, afterLogSeq: afterLogSeq),
            judgedFrom: judgedFrom, receipts: receipts, judgedReceipts: judged, operatorDays: operatorDays
        )
    }
}

/// One batch's receipt, movements and tests on one business day, quantities in thousandths.
private struct BatchDay: Hashable {
    var received: Int64 = 0, sold: Int64 = 0, disposed: Int64 = 0, tests: Int64 = 0, passed: Int64 = 0
}

/// The changes to the sums per operator, unit and day and per node and day, written at once.
private struct SupervisionSums {
    private var operatorDays: [[String]: BatchDay] = [:]
    private var testDays: [[String]: BatchDay] = [:]

    /// Adds (`sign` 1) or takes away (−1) one batch-day's flow.
    mutating func add(_ flow: BatchDay, node: String, operatorId: String, unit: String, day: String, sign: Int64 = 1) {
        operatorDays[[node, operatorId, unit, day], default: BatchDay()].received += sign * flow.received
        operatorDays[[node, operatorId, unit, day], default: BatchDay()].sold += sign * flow.sold
        operatorDays[[node, operatorId, unit, day], default: BatchDay()].disposed += sign * flow.disposed
        testDays[[node, day], default: BatchDay()].tests += sign * flow.tests
        testDays[[node, day], default: BatchDay()].passed += sign * flow.passed
    }

    /// Moves the stored sums by the changes; a sum that comes to nothing is deleted, as if it had never been.
    func write(to database: Database) throws {
        for (key, delta) in operatorDays where delta.received != 0 || delta.sold != 0 || delta.disposed != 0 {
            try database.run(
                """
                INSERT INTO supervision_operator_days (node, operator_id, unit, day, received, sold, disposed)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (operator_id, node, unit, day) DO UPDATE SET
                received = received + excluded.received, sold = sold + excluded.sold, disposed = disposed + excluded.disposed
                """,
                key[0], key[1], key[2], key[3], delta.received, delta.sold, delta.disposed
            )
            try database.run(
                """
                DELETE FROM supervision_operator_days WHERE operator_id = ?2 AND node = ?1 AND unit = ?3 AND day = ?4
                AND received = 0 AND sold = 0 AND disposed = 0
                """,
                key[0], key[1], key[2], key[3]
            )
        }
        for (key, delta) in testDays where delta.tests != 0 || delta.passed != 0 {
            try database.run(
                """
                INSERT INTO supervision_test_days (node, day, tests, passed) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (node, day) DO UPDATE SET tests = tests + excluded.tests, passed = passed + excluded.passed
                """,
                key[0], key[1], delta.tests, delta.passed
            )
            try database.run("DELETE FROM supervision_test_days WHERE node = ?1 AND day = ?2 AND tests = 0", key[0], key[1])
        }
    }
}
