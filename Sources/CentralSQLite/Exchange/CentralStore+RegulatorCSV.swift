import Foundation
public import CentralCore
public import SyncCore

extension CentralStore {
    /// The CSV text of `kind` for business days `from`…`to` (`YYYY-MM-DD`). Every column of an event comes from what
    /// the exchange's allow-list (`Disclosure`) shows of it, with corrections applied: sales carry no prices and no
    /// buyers' names, only registered buyers' operator ids.
    public func csv(_ kind: RegulatorCSV, from: String, to: String, node: String?) throws -> String {
        let start = try BusinessTime.parse(from, field: "from")
        let end = try BusinessTime.parse(to, field: "to") + 86_400_000
        var lines = [kind.columns.joined(separator: ",")]
        let batches = try database.query(
            "SELECT code FROM batches WHERE time >= ? AND time < ? AND (?3 IS NULL OR node = ?3) ORDER BY time, code",
            start, end, node
        )
        for row in batches {
            let code = try TraceCode(parsing: row.text("code"))
            guard let state = BatchState.derive(code: code, events: try batchEvents(code)) else { continue }
            let receipt = Disclosure.disclose(.receipt(state.receipt), to: .exchange)
            let product = receipt.text("product") ?? ""
            let productName = try database.row("SELECT name FROM products WHERE code = ?", product)?.string("name") ?? ""
            let batchNode = receipt.text("node") ?? "", unit = receipt.text("unit") ?? ""
            switch kind {
            case .batches:
                lines.append(csvLine(
                    code.digits, batchNode, product, productName, receipt.text("operatorId") ?? "",
                    receipt.text("origin") ?? "", receipt.text("upstreamCode") ?? "", iso(receipt.time), unit,
                    state.received.description, state.sold.description, state.disposed.description,
                    state.balance.description, state.status.rawValue,
                    state.flags.sorted().map(\.rawValue).joined(separator: ";")
                ))
            case .inspections:
                for (id, event) in counting(.inspection, of: state) {
                    lines.append(csvLine(
                        id, code.digits, batchNode, product, event.text("item") ?? "", event.text("method") ?? "",
                        event.text("value") ?? "", event.bool("passed").map { $0 ? "pass" : "fail" } ?? "", iso(event.time)
                    ))
                }
            case .sales:
                for (id, event) in counting(.sale, of: state) {
                    lines.append(csvLine(
                        id, code.digits, event.text("childCode") ?? "", batchNode, product,
                        event.text("buyerOperatorId") ?? "", event.text("quantity") ?? "", unit, iso(event.time)
                    ))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func csvLine(_ fields: String...) -> String { fields.map(CSVWriter.field).joined(separator: ",") }

    /// The events of `kind` of the batch that count, as corrected, each with its id as the exchange sees it.
    private func counting(_ kind: EventKind, of state: BatchState) -> [(id: String, event: DisclosedEvent)] {
        state.lines.filter { $0.counts && $0.current.kind == kind }
            .map { ($0.event.id, Disclosure.disclose($0.current, to: .exchange)) }
    }

    private func iso(_ time: Int64?) -> String { time.map(BusinessTime.iso) ?? "" }
}
