public import SyncCore

/// CSV exports for regulators: batches, inspections or sales of a node (or all) and an industry (or all) over a range
/// of business days.
public enum RegulatorCSV: String, Codable, Hashable, Sendable, CaseIterable {
    case batches
    case inspections
    case sales

    /// The header row; `industry` is the industry of the batch's product (`drug`, `farm_input` …).
    public var columns: [String] {
        switch self {
        case .batches:
            ["code", "node", "product", "product_name", "industry", "operator", "origin", "upstream_code", "time", "unit",
             "received", "sold", "disposed", "balance", "status", "flags"]
        case .inspections:
            ["event_id", "batch_code", "node", "product", "industry", "item", "method", "value", "result", "time"]
        case .sales:
            ["event_id", "batch_code", "child_code", "node", "product", "industry", "buyer_operator", "quantity", "unit", "time"]
        }
    }
}
