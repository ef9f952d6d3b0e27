public import SyncCore

/// Mass balance per operator and business day: by the end of each day, what an operator sold and disposed up to
/// then does not exceed what it received up to then (its stock carried in plus the day's receipts), per unit.
///
/// Beyond the batch check, it catches goods sold on a day before their receipt was recorded, and more sold in a
/// day than the operator had across all its batches. One finding per operator, unit and day with outflow that
/// leaves the running balance below zero.
public struct OperatorDayBalanceCheck: SupervisionCheck {
    public static let id = "operator_day_balance"
    public static let label = LocalizedText(zh: "经营户每日平衡", en: "operator day balance")

    public init(settings: SupervisionSettings) {}

    public func findings(in history: SupervisionHistory) -> [Finding] {
        let groups = Dictionary(grouping: history.operatorDays) { [$0.node, $0.operatorId, $0.unit] }
        return groups.keys.sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }.flatMap { key in
            var balance = Quantity.zero
            return groups[key]!.sorted { $0.day < $1.day }.compactMap { day -> Finding? in
                let flow = day.totals
                let carried = balance
                balance = balance + flow.received - flow.sold - flow.disposed
                guard balance < .zero, flow.sold + flow.disposed > .zero, history.judges(day: day.day) else { return nil }
                return finding(node: key[0], operatorId: key[1], unit: key[2], day: day.day, carried: carried, flow: flow, balance: balance)
            }
        }
    }

    private func finding(node: String, operatorId: String, unit: String, day: String, carried: Quantity, flow: OperatorDayFlow.Totals,
                         balance: Quantity) -> Finding {
        Finding(
            check: Self.id, severity: .high, node: node, subject: FindingSubject(.operator, operatorId),
            operatorId: operatorId, day: day,
            summary: LocalizedText(zh: "经营户 \(operatorId) 在 \(day) 售出与销毁超过其库存与当日进场 \(Quantity.zero - balance) \(unit)",
                                   en: "operator \(operatorId) sold and disposed \(Quantity.zero - balance) \(unit) more on \(day) than its stock and that day's receipts"),
            evidence: [
                FindingEvidence("carried_in", zh: "前日结存", en: "stock carried in", "\(carried) \(unit)"),
                FindingEvidence("received", zh: "当日进场", en: "received that day", "\(flow.received) \(unit)"),
                FindingEvidence("sold", zh: "当日售出", en: "sold that day", "\(flow.sold) \(unit)"),
                FindingEvidence("disposed", zh: "当日销毁", en: "disposed that day", "\(flow.disposed) \(unit)"),
                FindingEvidence("balance", zh: "日终结存", en: "balance at the day's end", "\(balance) \(unit)"),
            ],
            distinguishedBy: "\(unit)|\(day)"
        )
    }
}

extension Quantity {
    static func += (lhs: inout Quantity, rhs: Quantity) { lhs = lhs + rhs }
}
