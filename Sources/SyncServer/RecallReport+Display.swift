import SyncCore
import CentralCore
import CentralSQLite

/// How `sync-server admin recall` shows a recall list to people: a table or CSV of the sales, then the totals.
extension RecallReport {
    /// The columns of the CSV, in the order of `csvRows`.
    static let csvHeader = ["depth", "batch_code", "node", "node_name", "product", "child_code", "buyer", "quantity",
                            "unit", "time"]

    /// The sales as CSV records (without the header).
    var csvRows: [[String]] {
        rows.map { row in
            [String(row.depth), row.batchCode, row.node, row.nodeName, row.product, row.childCode, row.buyer,
             row.quantity, row.unit, BusinessTime.iso(row.time)]
        }
    }

    /// The whole CSV text: header, sales, one `on_hand` line per batch still holding goods (its holder in the buyer
    /// column), then one `total_…` line per total and unit.
    var csvText: String {
        var lines = [Self.csvHeader] + csvRows
        for holding in holdings {
            lines.append(["on_hand", holding.batchCode, holding.node, holding.nodeName, holding.product, "",
                          holding.operatorName + (holding.stall.map { " " + $0 } ?? ""), holding.onHand, holding.unit, ""])
        }
        for (name, totals) in [("total_sold", totalSold), ("total_disposed", totalDisposed), ("total_on_hand", totalOnHand)] {
            for unit in totals.keys.sorted() { lines.append([name, "", "", "", "", "", "", totals[unit]!, unit, ""]) }
        }
        return lines.map { $0.map(CSVWriter.field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// The table: a header, one line per sale indented by its depth, the batches and stalls still holding goods,
    /// then the totals.
    var tableLines: [String] {
        var lines = ["召回清单 recall: \(code)"]
        if rows.isEmpty {
            lines.append("没有下游交易 / no sales downstream")
        } else {
            lines.append("层级 depth\t批次 batch\t节点 node\t产品 product\t买方追溯码 child code\t买方 buyer\t数量 quantity\t时间 time")
            for row in rows {
                let indent = String(repeating: "  ", count: row.depth)
                lines.append("\(indent)\(row.depth)\t\(row.batchCode)\t\(row.node) \(row.nodeName)\t\(row.product)\t\(row.childCode)\t\(row.buyer)\t\(row.quantity) \(row.unit)\t\(BusinessTime.display(row.time))")
            }
        }
        if !holdings.isEmpty {
            lines.append("仍有货品的批次和经营户 / batches and stalls still holding goods:")
            lines.append("批次 batch\t节点 node\t产品 product\t经营户 operator\t摊位 stall\t在库 on hand")
            for holding in holdings {
                lines.append("\(holding.batchCode)\t\(holding.node) \(holding.nodeName)\t\(holding.product)\t"
                             + "\(holding.operatorName) (\(holding.operatorId))\t\(holding.stall ?? "-")\t\(holding.onHand) \(holding.unit)")
            }
        }
        lines.append("批次数 batches: \(batches.count)")
        lines.append("已售合计 sold: \(Self.display(totalSold))")
        lines.append("已销毁合计 disposed: \(Self.display(totalDisposed))")
        lines.append("在库合计 on hand: \(Self.display(totalOnHand))")
        return lines
    }

    /// `120.5 kg, 3 head`, or `0` when empty.
    private static func display(_ totals: [String: String]) -> String {
        totals.isEmpty ? "0" : totals.keys.sorted().map { "\(totals[$0]!) \($0)" }.joined(separator: ", ")
    }
}
