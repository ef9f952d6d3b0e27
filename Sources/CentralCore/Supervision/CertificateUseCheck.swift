public import SyncCore

/// A quarantine certificate used beyond what it covers.
///
/// The model records a certificate as a number on the receipt only (`Receipt.quarantineCert`): neither the
/// quantity it certifies nor its validity is recorded. So the check takes the earliest receipt carrying a number as
/// the certificate's lot, its quantity as what the certificate covers, and reports:
/// - `reuse`: a later receipt carrying it that does not descend from a receipt carrying it (its upstream code does
///   not lead to one): one certificate on unrelated batches;
/// - `beyond_quantity`: receipts descending from one carrying it (goods sold on down the chain) that add up to more
///   than that receipt's quantity, in the same unit;
/// - `validity`: receipts carrying it more than `certificate_use.validity_days` (default 7) apart, a stand-in for
///   the validity the model does not record.
public struct CertificateUseCheck: SupervisionCheck {
    public static let id = "certificate_use"
    public static let label = LocalizedText(zh: "检疫证明使用", en: "certificate use")
    /// Milliseconds between the first and the last receipt carrying one certificate.
    public let validity: Int64

    public init(settings: SupervisionSettings) {
        validity = Int64(settings[.certificateValidityDays] * 86_400_000)
    }

    public func findings(in history: SupervisionHistory) -> [Finding] {
        let groups = Dictionary(grouping: history.certificateUses, by: \.certificate)
        return groups.keys.sorted().flatMap { certificate -> [Finding] in
            let uses = groups[certificate]!.sorted { ($0.time, $0.batch) < ($1.time, $1.batch) }
            return (reuse(uses) + beyondQuantity(uses) + stale(uses)).filter { history.judges(day: $0.day) }
        }
    }

    private func reuse(_ uses: [CertificateUse]) -> [Finding] {
        let batches = Set(uses.map(\.batch))
        let unrelated = uses.dropFirst().filter { use in use.upstreamBatch.map { !batches.contains($0) } ?? true }
        guard let first = uses.first, let reused = unrelated.first else { return [] }
        let total = unrelated.reduce(Quantity.zero) { $0 + ($1.unit == first.unit ? $1.quantity : .zero) }
        return [Finding(
            check: Self.id, severity: .high, node: reused.node, subject: FindingSubject(.certificate, first.certificate),
            operatorId: reused.operatorId, day: BusinessTime.dayOf(reused.time),
            summary: LocalizedText(zh: "检疫证明 \(first.certificate) 用于 \(unrelated.count + 1) 个互不相关的批次",
                                   en: "certificate \(first.certificate) is on \(unrelated.count + 1) unrelated batches"),
            evidence: [
                FindingEvidence("first_batch", zh: "首次使用批次", en: "first batch", first.batch),
                FindingEvidence("covered", zh: "证明覆盖量", en: "quantity covered", "\(first.quantity) \(first.unit)"),
                FindingEvidence("reused_on", zh: "重复使用批次", en: "reused on", unrelated.map(\.batch).joined(separator: ", ")),
                FindingEvidence("reused_quantity", zh: "重复使用量", en: "quantity reused", "\(total) \(first.unit)"),
                FindingEvidence("operators", zh: "经营户", en: "operators", Array(Set(uses.map(\.operatorId))).sorted().joined(separator: ", ")),
            ],
            distinguishedBy: "reuse"
        )]
    }

    private func beyondQuantity(_ uses: [CertificateUse]) -> [Finding] {
        uses.compactMap { parent in
            let children = uses.filter { $0.upstreamBatch == parent.batch && $0.unit == parent.unit }
            let total = children.reduce(Quantity.zero) { $0 + $1.quantity }
            guard total > parent.quantity, let last = children.last else { return nil }
            return Finding(
                check: Self.id, severity: .high, node: last.node, subject: FindingSubject(.certificate, parent.certificate),
                operatorId: last.operatorId, day: BusinessTime.dayOf(last.time),
                summary: LocalizedText(zh: "检疫证明 \(parent.certificate) 下游批次合计 \(total) \(parent.unit)，超过批次 \(parent.batch) 的 \(parent.quantity) \(parent.unit)",
                                       en: "certificate \(parent.certificate) is on \(total) \(parent.unit) downstream, more than the \(parent.quantity) \(parent.unit) of batch \(parent.batch)"),
                evidence: [
                    FindingEvidence("batch", zh: "上游批次", en: "upstream batch", parent.batch),
                    FindingEvidence("covered", zh: "上游批次量", en: "upstream quantity", "\(parent.quantity) \(parent.unit)"),
                    FindingEvidence("downstream", zh: "下游批次", en: "downstream batches", children.map(\.batch).joined(separator: ", ")),
                    FindingEvidence("downstream_quantity", zh: "下游合计", en: "downstream total", "\(total) \(parent.unit)"),
                ],
                distinguishedBy: "beyond_quantity|\(parent.batch)"
            )
        }
    }

    private func stale(_ uses: [CertificateUse]) -> [Finding] {
        guard let first = uses.first, let late = uses.first(where: { $0.time - first.time > validity }) else { return [] }
        let days = Double(late.time - first.time) / 86_400_000
        return [Finding(
            check: Self.id, severity: .warning, node: late.node, subject: FindingSubject(.certificate, first.certificate),
            operatorId: late.operatorId, day: BusinessTime.dayOf(late.time),
            summary: LocalizedText(zh: "检疫证明 \(first.certificate) 首次使用 \(SupervisionFormat.number(days)) 天后仍在使用",
                                   en: "certificate \(first.certificate) is used \(SupervisionFormat.number(days)) days after its first use"),
            evidence: [
                FindingEvidence("first_batch", zh: "首次使用批次", en: "first batch", first.batch),
                FindingEvidence("first_used", zh: "首次使用", en: "first used", BusinessTime.display(first.time)),
                FindingEvidence("late_batch", zh: "超期使用批次", en: "late batch", late.batch),
                FindingEvidence("late_used", zh: "超期使用", en: "used late", BusinessTime.display(late.time)),
                FindingEvidence("validity_days", zh: "有效天数设置", en: "validity days set", SupervisionFormat.number(Double(validity) / 86_400_000)),
            ],
            distinguishedBy: "validity"
        )]
    }
}
