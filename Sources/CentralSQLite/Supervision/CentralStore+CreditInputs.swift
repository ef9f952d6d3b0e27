public import CentralCore
import Foundation
public import SyncCore

/// Gathering operator credit's inputs (`CreditInputs`) from the record: batches, conflicts, findings and complaints.
///
/// A node's operators are scored together, in one read of each kind: its batches with events in the window
/// (derived from their events, so corrections and voidings count as the merge counts them), its `held_traded` and
/// `oversold` conflicts, its confirmed findings and its upheld complaints, each attributed to the operator kept
/// when ids were merged.
extension CentralStore: CreditReader {
    public func operatorCredit(_ id: String, window: CreditWindow) throws -> OperatorCredit {
        guard let row = try database.row("SELECT node, canonical_id FROM operators WHERE id = ?", id) else {
            throw TraceSyncError(.notFound, field: "id",
                                 zh: "没有编号为 \(id) 的经营户：可用 admin operator list --node 查看节点的经营户。",
                                 en: "there is no operator \(id): `admin operator list --node` lists a node's operators.")
        }
        let node = try row.text("node"), kept = row.string("canonical_id") ?? id
        let listed = try operatorListing(node: node)
        let match = listed.first { $0.operator.id == kept } ?? listed.first { $0.operator.id == id || $0.aliases.contains(id) }
        guard let match else { return OperatorCredit(operatorId: id, node: node, name: id, window: window, inputs: CreditInputs()) }
        return try credits(of: [match], node: node, window: window)[0]
    }

    public func operatorCredits(node: String, window: CreditWindow) throws -> [OperatorCredit] {
        _ = try self.node(node)
        return try credits(of: operatorListing(node: node), node: node, window: window).sorted(by: OperatorCredit.worstFirst)
    }

    public func publicCreditGrade(code: String, window: CreditWindow) throws -> CreditGrade? {
        guard try creditSettings().publicGrade, let trace = try? TraceCode(parsing: code),
              let seller = try? traceBackward(trace.digits).stops.first,
              let operatorId = try database.row("SELECT operator_id FROM batches WHERE code = ?", seller.batchCode)?.string("operator_id")
        else { return nil }
        return try? operatorCredit(operatorId, window: window).grade
    }

    /// The credit of each of `listed` (operators of `node`), in the order given.
    private func credits(of listed: [ListedOperator], node: String, window: CreditWindow) throws -> [OperatorCredit] {
        var owner: [String: String] = [:]
        for item in listed {
            owner[item.operator.id] = item.operator.id
            for alias in item.aliases { owner[alias] = item.operator.id }
        }
        let ids = JSONValue.array(owner.keys.sorted().map(JSONValue.string)).canonicalString
        var inputs: [String: CreditInputs] = [:]
        func add(_ factor: CreditFactor, _ id: String?, _ count: Int = 1) {
            guard let id, let kept = owner[id] else { return }
            inputs[kept, default: CreditInputs()][factor] += count
        }
        try countBatchRecords(node: node, ids: ids, window: window) { add($0, $1) }
        var counted: Set<Int64> = []
        for row in try database.query(
            """
            SELECT c.id, c.kind, b.operator_id FROM conflicts c JOIN batches b ON b.code = c.batch_code
            WHERE c.node = ?1 AND c.kind IN ('held_traded', 'oversold') AND c.opened_at >= ?2 AND c.opened_at <= ?3
            AND b.operator_id IN (SELECT value FROM json_each(?4))
            """,
            node, window.from, window.through, ids
        ) {
            counted.insert(try row.integer("id"))
            add(try row.text("kind") == ConflictKind.heldTraded.rawValue ? .heldTraded : .oversold, row.string("operator_id"))
        }
        for row in try database.query(
            """
            SELECT operator_id, status, conflict_id FROM findings
            WHERE node = ?1 AND status IN ('followed_up', 'opened_as_conflict') AND day >= ?2 AND day <= ?3
            AND operator_id IN (SELECT value FROM json_each(?4))
            """,
            node, window.fromDay, window.throughDay, ids
        ) where !(row.int("conflict_id").map(counted.contains) ?? false) {
            add(.findingsConfirmed, row.string("operator_id"))
        }
        for row in try database.query(
            """
            SELECT operator_id, count(*) AS n FROM complaints
            WHERE node = ?1 AND upheld = 1 AND filed_at >= ?2 AND filed_at <= ?3
            AND operator_id IN (SELECT value FROM json_each(?4)) GROUP BY operator_id
            """,
            node, window.from, window.through, ids
        ) {
            add(.complaintsUpheld, row.string("operator_id"), Int(try row.integer("n")))
        }
        return listed.map { item in
            OperatorCredit(operatorId: item.operator.id, aliases: item.aliases, node: node, name: item.operator.name,
                           window: window, inputs: inputs[item.operator.id] ?? CreditInputs())
        }
    }

    /// Failed tests and receipts missing their certificate on the batches of operators `ids` (a JSON array) at
    /// `node` with an event in the window, each batch derived from all its events.
    private func countBatchRecords(
        node: String, ids: String, window: CreditWindow, _ add: (CreditFactor, String) -> Void
    ) throws {
        var categories: [String: String] = [:]
        for row in try database.query("SELECT code, category FROM products") { categories[try row.text("code")] = try row.text("category") }
        let rows = try database.query(
            """
            SELECT e.id, e.batch_code, e.kind, e.hlc, e.author, e.body, e.sealed FROM events e
            JOIN batches b ON b.code = e.batch_code
            WHERE b.node = ?1 AND b.operator_id IN (SELECT value FROM json_each(?2)) AND e.batch_code IN (
                SELECT DISTINCT batch_code FROM events
                WHERE node = ?1 AND time >= ?3 AND time <= ?4 AND batch_code IS NOT NULL
            ) ORDER BY e.batch_code, e.hlc
            """,
            node, ids, window.from, window.through
        )
        func judge(_ code: String?, _ events: [RecordedEvent]) {
            guard let code, let trace = try? TraceCode(parsing: code), let state = BatchState.derive(code: trace, events: events),
                  state.status != .voided else { return }
            let receipt = state.receipt
            for line in state.lines where line.counts {
                if case .inspection(let inspection) = line.current, !inspection.passed, window.contains(inspection.time) {
                    add(.failedTests, receipt.operatorId)
                }
            }
            let certificate = receipt.quarantineCert?.trimmingCharacters(in: .whitespaces) ?? ""
            if window.contains(receipt.time), certificate.isEmpty,
               categories[receipt.product].map(CreditFactor.certifiedCategories.contains) ?? false {
                add(.missingCertificates, receipt.operatorId)
            }
        }
        var code: String?, events: [RecordedEvent] = []
        for row in rows {
            let batch = row.string("batch_code")
            if batch != code {
                judge(code, events)
                code = batch
                events = []
            }
            events.append(try recordedEvent(row))
        }
        judge(code, events)
    }
}
