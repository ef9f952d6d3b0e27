public import SyncCore

/// Mass balance per batch: what was sold and disposed of a batch does not exceed what it received.
///
/// The merge flags such a batch `oversold` as it happens; this check puts it in the follow-up queue with the three
/// totals, once per batch, dated the day of the movement that took it over.
public struct BatchBalanceCheck: SupervisionCheck {
    public static let id = "batch_balance"
    public static let label = LocalizedText(zh: "批次进销平衡", en: "batch balance")

    public init(settings: SupervisionSettings) {}

    public func findings(in history: SupervisionHistory) -> [Finding] {
        history.batches.compactMap { batch in
            var out = Quantity.zero
            guard let over = batch.movements.first(where: { out = out + $0.quantity; return out > batch.received }) else {
                return nil
            }
            let day = BusinessTime.dayOf(over.time)
            guard history.judges(day: day) else { return nil }
            let excess = batch.sold + batch.disposed - batch.received
            return Finding(
                check: Self.id, severity: .high, node: batch.node, subject: FindingSubject(.batch, batch.code),
                operatorId: batch.operatorId, day: day,
                summary: LocalizedText(zh: "批次 \(batch.code) 售出与销毁合计超过进场量 \(excess) \(batch.unit)",
                                       en: "batch \(batch.code) sold and disposed \(excess) \(batch.unit) more than it received"),
                evidence: [
                    FindingEvidence("received", zh: "进场量", en: "received", "\(batch.received) \(batch.unit)"),
                    FindingEvidence("sold", zh: "售出", en: "sold", "\(batch.sold) \(batch.unit)"),
                    FindingEvidence("disposed", zh: "销毁", en: "disposed", "\(batch.disposed) \(batch.unit)"),
                    FindingEvidence("excess", zh: "超出", en: "excess", "\(excess) \(batch.unit)"),
                ]
            )
        }
    }
}
