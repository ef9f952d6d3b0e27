/// CSV exports for regulators: batches, inspections or sales of a node (or all) over a range of business days.
public enum RegulatorCSV: String, Codable, Hashable, Sendable, CaseIterable {
    case batches
    case inspections
    case sales

    /// The header row.
    public var columns: [String] {
        switch self {
        case .batches:
            ["code", "node", "product", "product_name", "operator", "origin", "upstream_code", "time", "unit",
             "received", "sold", "disposed", "balance", "status", "flags"]
        case .inspections: ["event_id", "batch_code", "node", "product", "item", "method", "value", "result", "time"]
        case .sales: ["event_id", "batch_code", "child_code", "node", "product", "buyer_operator", "quantity", "unit", "time"]
        }
    }
}

extension CentralStore {
    /// The CSV text of `kind` for business days `from`…`to` (`YYYY-MM-DD`). Sales carry no prices and no buyers'
    /// names, only registered buyers' operator ids.
    public func csv(_ kind: RegulatorCSV, from: String, to: String, node: String?) throws -> String {
        let start = try BusinessTime.parse(from, field: "from")
        let end = try BusinessTime.parse(to, field: "to") + 86_400_000
        var lines = [kind.columns.joined(separator: ",")]
        let batches = try database.query(
            "SELECT code FROM batches WHERE time >= ? AND time < ? AND (?3 IS NULL OR node = ?3) ORDER BY time, code",
            start, end, node
        )
        for row in batches {
            let code = try TraceCode(parsing: row.string("code")!)
            guard let state = BatchState.derive(code: code, events: try batchEvents(code)) else { continue }
            let receipt = state.receipt
            let product = try database.row("SELECT name FROM products WHERE code = ?", receipt.product)?.string("name") ?? ""
            switch kind {
            case .batches:
                lines.append(csvLine(
                    code.digits, receipt.node, receipt.product, product, receipt.operatorId, receipt.origin,
                    receipt.upstreamCode ?? "", BusinessTime.iso(receipt.time), receipt.unit, state.received.description,
                    state.sold.description, state.disposed.description, state.balance.description,
                    state.status.rawValue, state.flags.sorted().map(\.rawValue).joined(separator: ";")
                ))
            case .inspections, .sales:
                for line in state.lines where line.counts {
                    switch (kind, line.current) {
                    case (.inspections, .inspection(let inspection)):
                        lines.append(csvLine(
                            line.event.id, code.digits, receipt.node, receipt.product, inspection.item,
                            inspection.method ?? "", inspection.value ?? "", inspection.passed ? "pass" : "fail",
                            BusinessTime.iso(inspection.time)
                        ))
                    case (.sales, .sale(let sale)):
                        lines.append(csvLine(
                            line.event.id, code.digits, sale.childCode.digits, receipt.node, receipt.product,
                            sale.buyerOperatorId ?? "", sale.quantity.description, receipt.unit, BusinessTime.iso(sale.time)
                        ))
                    default: break
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func csvLine(_ fields: String...) -> String { fields.map(CSVWriter.field).joined(separator: ",") }
}
