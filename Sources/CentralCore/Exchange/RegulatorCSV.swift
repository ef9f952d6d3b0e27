public import SyncCore

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
