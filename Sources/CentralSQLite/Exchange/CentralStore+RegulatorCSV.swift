import Foundation
public import CentralCore
public import SyncCore

extension CentralStore {
    /// The CSV text of `kind` for business days `from`…`to` (`YYYY-MM-DD`), of the batches of `node` (or every node)
    /// whose product is of `industry` (or any). Every column of an event comes from what the exchange's allow-list
    /// (`Disclosure`) shows of it, with corrections applied: sales carry no prices and no buyers' names, only
    /// registered buyers' operator ids. The industry is the product's, as the catalogue has it; a batch is selected
    /// by its product as corrected.
    public func csv(_ kind: RegulatorCSV, from: String, to: String, node: String?, industry: Industry?) throws -> String {
        let start = try BusinessTime.parse(from, field: "from")
        let end = try BusinessTime.parse(to, field: "to") + 86_400_000
        var lines = [kind.columns.joined(separator: ",")]
        let batches = try database.query(
            "SELECT code FROM batches WHERE time >= ? AND time < ? AND (?3 IS NULL OR node = ?3) ORDER BY time, code",
            start, end, node
        )
        let catalogue = try productNamesAndIndustries()
        for row in batches {
            let code = try TraceCode(parsing: row.text("code"))
            guard let state = BatchState.derive(code: code, events: try batchEvents(code)) else { continue }
            let receipt = Disclosure.disclose(.receipt(state.receipt), to: .exchange)
            let product = receipt.text("product") ?? ""
            let (productName, productIndustry) = catalogue[product] ?? ("", "")
            if let industry, industry.rawValue != productIndustry { continue }
            let batchNode = receipt.text("node") ?? "", unit = receipt.text("unit") ?? ""
            switch kind {
            case .batches:
                lines.append(csvLine(
                    code.digits, batchNode, product, productName, productIndustry, receipt.text("operatorId") ?? "",
                    receipt.text("origin") ?? "", receipt.text("upstreamCode") ?? "", iso(receipt.time), unit,
                    state.received.description, state.sold.description, state.disposed.description,
                    state.balance.description, state.status.rawValue,
                    state.flags.sorted().map(\.rawValue).joined(separator: ";")
                ))
            case .inspections:
                for (id, event) in counting(.inspection, of: state) {
                    lines.append(csvLine(
                        id, code.digits, batchNode, product, productIndustry, event.text("item") ?? "", event.text("method") ?? "",
                        event.text("value") ?? "", event.bool("passed").map { $0 ? "pass" : "fail" } ?? "", iso(event.time)
                    ))
                }
            case .sales:
                for (id, event) in counting(.sale, of: state) {
                    lines.append(csvLine(
                        id, code.digits, event.text("childCode") ?? "", batchNode, product, productIndustry,
                        event.text("buyerOperatorId") ?? "", event.text("quantity") ?? "", unit, iso(event.time)
                    ))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every product's name and industry, by code.
    func productNamesAndIndustries() throws -> [String: (name: String, industry: String)] {
        var products: [String: (name: String, industry: String)] = [:]
        for row in try database.query("SELECT code, name, industry FROM products") {
            products[try row.text("code")] = (try row.text("name"), try row.text("industry"))
        }
        return products
    }

    private func csvLine(_ fields: String...) -> String { fields.map(CSVWriter.field).joined(separator: ",") }

    /// The events of `kind` of the batch that count, as corrected, each with its id as the exchange sees it.
    private func counting(_ kind: EventKind, of state: BatchState) -> [(id: String, event: DisclosedEvent)] {
        state.lines.filter { $0.counts && $0.current.kind == kind }
            .map { ($0.event.id, Disclosure.disclose($0.current, to: .exchange)) }
    }

    private func iso(_ time: Int64?) -> String { time.map(BusinessTime.iso) ?? "" }
}
