import CentralCore
import SyncCore

/// Reading what the supervision checks judge, in a few set-based reads.
extension CentralStore {
    /// Which data a run of the checks reads.
    struct SupervisionScope {
        /// The nodes, or every node when nil.
        let nodes: Set<String>?
        /// The earliest business time read (history to compare with); `Int64.min` reads everything.
        let readFrom: Int64
        /// The earliest business time judged.
        let judgedFrom: Int64
        /// Clock samples come from the entries logged after this server-log seq.
        let afterLogSeq: Int64
    }

    /// The merged data of `scope` as the checks' values.
    func supervisionHistory(_ scope: SupervisionScope) throws -> SupervisionHistory {
        let nodes = scope.nodes.map { JSONValue.array($0.sorted().map(JSONValue.string)).canonicalString }
        let states = try supervisedBatches(nodes: nodes, from: scope.readFrom)
        let batches = states.filter { $0.status != .voided }.map(Self.movements)
        let tests = try testCounts(nodes: nodes, from: scope.readFrom)
        let certificates = Set(states.compactMap(\.receipt.quarantineCert))
        return SupervisionHistory(
            batches: batches,
            certificateUses: try certificateUses(certificates),
            testDays: tests.keys.sorted().map { key in
                let parts = key.split(separator: " ")
                return TestDay(node: String(parts[0]), day: String(parts[1]), tests: tests[key]!.tests, passed: tests[key]!.passed)
            },
            entryHours: try entryHours(nodes: nodes, from: scope.readFrom),
            clockSamples: try clockSamples(nodes: nodes, afterLogSeq: scope.afterLogSeq),
            judgedFrom: scope.judgedFrom
        )
    }

    /// Every batch with an event of `nodes` (a JSON array, nil for all) from `from` on, derived from all its events.
    private func supervisedBatches(nodes: String?, from: Int64) throws -> [BatchState] {
        try derivedBatches(database.query(
            """
            SELECT id, batch_code, kind, hlc, author, body, sealed FROM events WHERE batch_code IN (
                SELECT DISTINCT batch_code FROM events
                WHERE time >= ?1 AND batch_code IS NOT NULL AND (?2 IS NULL OR node IN (SELECT value FROM json_each(?2)))
            ) ORDER BY batch_code, hlc
            """,
            from, nodes
        ))
    }

    /// Tests and passes per node and business day from `from` on, of the batches of `nodes` not voided, as corrected.
    /// A batch none of whose events is a voiding or a correction is counted from its inspections as recorded (one
    /// set-based read); the few others are derived.
    private func testCounts(nodes: String?, from: Int64) throws -> [String: (tests: Int, passed: Int)] {
        var tests: [String: (tests: Int, passed: Int)] = [:]
        let amended = { (alias: String) in
            "EXISTS (SELECT 1 FROM events a WHERE a.batch_code = \(alias).batch_code AND a.kind IN ('voiding', 'correction'))"
        }
        for row in try database.query(
            """
            SELECT b.node, e.time, json_extract(e.body, '$.passed') AS passed FROM events e
            JOIN batches b ON b.code = e.batch_code
            WHERE e.kind = 'inspection' AND e.time >= ?1 AND (?2 IS NULL OR e.node IN (SELECT value FROM json_each(?2)))
            AND b.status <> ?3 AND NOT \(amended("e"))
            """,
            from, nodes, BatchStatus.voided.rawValue
        ) {
            let key = try row.text("node") + " " + BusinessTime.dayOf(try row.integer("time"))
            tests[key, default: (0, 0)].tests += 1
            if row.int("passed") == 1 { tests[key, default: (0, 0)].passed += 1 }
        }
        let states = try derivedBatches(database.query(
            """
            SELECT id, batch_code, kind, hlc, author, body, sealed FROM events WHERE batch_code IN (
                SELECT DISTINCT i.batch_code FROM events i WHERE i.kind = 'inspection' AND i.time >= ?1
                AND (?2 IS NULL OR i.node IN (SELECT value FROM json_each(?2))) AND \(amended("i"))
            ) ORDER BY batch_code, hlc
            """,
            from, nodes
        ))
        for state in states where state.status != .voided {
            for line in state.lines where line.counts {
                guard case .inspection(let inspection) = line.current, inspection.time >= from else { continue }
                let key = state.receipt.node + " " + BusinessTime.dayOf(inspection.time)
                tests[key, default: (0, 0)].tests += 1
                if inspection.passed { tests[key, default: (0, 0)].passed += 1 }
            }
        }
        return tests
    }

    /// The batches of `rows` (events ordered by batch code and HLC), each derived from its events.
    func derivedBatches(_ rows: [Row]) throws -> [BatchState] {
        var states: [BatchState] = [], code: String?, events: [RecordedEvent] = []
        func finish() {
            guard let code, let trace = try? TraceCode(parsing: code),
                  let state = BatchState.derive(code: trace, events: events) else { return }
            states.append(state)
        }
        for row in rows {
            let batch = row.string("batch_code")
            if batch != code {
                finish()
                code = batch
                events = []
            }
            events.append(try recordedEvent(row))
        }
        finish()
        return states
    }

    static func movements(_ state: BatchState) -> BatchMovements {
        let movements: [BatchMovements.Movement] = state.lines.filter(\.counts).compactMap { line in
            switch line.current {
            case .sale(let sale): BatchMovements.Movement(.sale, sale.quantity, at: sale.time)
            case .disposal(let disposal): BatchMovements.Movement(.disposal, disposal.quantity, at: disposal.time)
            default: nil
            }
        }
        let receipt = state.receipt
        return BatchMovements(
            code: state.code.digits, node: receipt.node, operatorId: receipt.operatorId, product: receipt.product,
            unit: receipt.unit, received: state.received, receivedAt: receipt.time, movements: movements
        )
    }

    /// Every receipt, of any node, carrying one of `certificates`, with the batch its upstream code leads to.
    func certificateUses(_ certificates: Set<String>) throws -> [CertificateUse] {
        guard !certificates.isEmpty else { return [] }
        let list = JSONValue.array(certificates.sorted().map(JSONValue.string)).canonicalString
        return try database.query(
            """
            SELECT c.certificate, b.code, b.node, b.operator_id, b.received, b.unit, b.time, tl.batch_code AS parent
            FROM certificates c JOIN events e ON e.id = c.event_id JOIN batches b ON b.code = e.batch_code
            LEFT JOIN trace_links tl ON tl.code = b.upstream_code
            WHERE c.certificate IN (SELECT value FROM json_each(?1)) AND b.status <> ?2
            """,
            list, BatchStatus.voided.rawValue
        ).compactMap { row in
            guard let quantity = Quantity(try row.text("received")) else { return nil }
            return CertificateUse(
                certificate: try row.text("certificate"), batch: try row.text("code"), node: try row.text("node"),
                operatorId: try row.text("operator_id"), quantity: quantity, unit: try row.text("unit"),
                time: try row.integer("time"), upstreamBatch: row.string("parent")
            )
        }
    }

    /// Events per node, business day and hour (China Standard Time) from `from` on.
    private func entryHours(nodes: String?, from: Int64) throws -> [EntryHour] {
        try database.query(
            """
            SELECT node, (time + 28800000) / 86400000 AS day, ((time + 28800000) % 86400000) / 3600000 AS hour,
                   count(*) AS n
            FROM events WHERE time >= ?1 AND (?2 IS NULL OR node IN (SELECT value FROM json_each(?2)))
            GROUP BY node, day, hour
            """,
            from, nodes
        ).map { row in
            EntryHour(node: try row.text("node"), day: BusinessTime.dayOf(try row.integer("day") * 86_400_000),
                      hour: Int(try row.integer("hour")), count: Int(try row.integer("n")))
        }
    }

    /// Per device and push after server-log seq `afterLogSeq`: the device time of its newest entry and the receive time.
    func clockSamples(nodes: String?, afterLogSeq: Int64) throws -> [ClockSample] {
        try database.query(
            """
            SELECT e.device_id, l.node, e.received_at, max(e.wall_time) AS wall FROM server_log l
            JOIN entries e ON e.device_id = l.device_id AND e.seq = l.entry_seq
            WHERE l.seq > ?1 AND l.kind = 'entry' AND (?2 IS NULL OR l.node IN (SELECT value FROM json_each(?2)))
            GROUP BY e.device_id, l.node, e.received_at
            """,
            afterLogSeq, nodes
        ).map { row in
            ClockSample(device: try row.text("device_id"), node: try row.text("node"), deviceTime: try row.integer("wall"),
                        receivedAt: try row.integer("received_at"))
        }
    }
}
