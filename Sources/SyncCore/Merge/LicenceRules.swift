/// Licences at the point of sale (issue 17 item 4): a sale whose product's industry profile requires a licence of the
/// buyer (`Requirement.of == .buyer`, always or for a restricted product) or of the carrier is checked against the
/// licences on record. A sale that lacks one is never refused (a device records it offline); it opens an
/// `unlicensed_sale` conflict for the admins, one per sale, naming every requirement it misses.
///
/// What counts as on record:
/// - the buyer's licences are those of its registrations (`Operator.licences`), of the operator and of the one it is
///   an alias of; a buyer given only as free text has none;
/// - a licence counts when its kind is the one required and the sale's business day (China Standard Time) is within
///   its validity, both days inclusive;
/// - the carrier's permit is the one the sale itself records (`Sale.carrierPermit`), checked as printed by the device.
///
/// A licence recorded later (a device that syncs late re-registers the buyer with it) does not close a conflict
/// already opened: the sale was made when no valid licence was on record, and an admin decides whether the late
/// record shows the buyer held one on the sale's day (accept) or not (void the sale, follow up). A sale merged after
/// the licence is on record opens no conflict.
public enum LicenceRules {
    /// The bundled industry profiles, read once.
    private static let profiles: [Industry: IndustryProfile] = {
        let all = (try? BundledIndustryProfiles.all()) ?? []
        return Dictionary(all.map { ($0.industry, $0) }, uniquingKeysWith: { first, _ in first })
    }()

    /// The licences a sale of a product with `facts` requires, by holder: the buyer's and the carrier's.
    public static func saleRequirements(_ facts: MergeInputs.ProductFacts) -> [Requirement] {
        guard let rule = profiles[facts.industry]?.rule(for: .sale) else { return [] }
        return rule.requires.filter { requirement in
            guard [.buyer, .carrier].contains(requirement.of) else { return false }
            switch requirement.when {
            case .always: return true
            case .restrictedProduct: return facts.restricted
            }
        }
    }

    /// Why the buyer or carrier of `sale` (event `eventId` of `batch`) is not licensed as its product requires, as an
    /// `unlicensed_sale` finding; nil when every requirement is met or none applies.
    static func unlicensedSale(_ sale: Sale, eventId: String, batch: BatchState, inputs: MergeInputs) -> ConflictFinding? {
        guard let facts = inputs.productFacts[batch.receipt.product] else { return nil }
        let requirements = saleRequirements(facts)
        guard !requirements.isEmpty else { return nil }
        let day = BusinessTime.dayOf(sale.time)
        var missing: [String] = []
        for requirement in requirements {
            switch requirement.of {
            case .carrier:
                if sale.carrierPermit == nil { missing.append("carrier: no \(requirement.identifier.rawValue)") }
            default:
                let held = buyerLicences(sale, inputs: inputs)
                if let problem = problem(held, requirement.identifier, day: day) {
                    missing.append("buyer \(sale.buyerOperatorId ?? sale.buyerName ?? "-"): \(problem)")
                }
            }
        }
        guard !missing.isEmpty else { return nil }
        return ConflictFinding(
            kind: .unlicensedSale, subject: "unlicensed:\(eventId)", batchCode: batch.code.digits, target: eventId,
            field: requirements.map(\.identifier.rawValue).joined(separator: ","),
            candidates: [CandidateRef(eventId: eventId, value: missing.joined(separator: "; "))]
        )
    }

    /// The licences on record for the sale's buyer and the operator it is an alias of.
    private static func buyerLicences(_ sale: Sale, inputs: MergeInputs) -> [Licence] {
        guard let id = sale.buyerOperatorId, let facts = inputs.operators[id] else { return [] }
        let canonical = facts.canonicalId.flatMap { inputs.operators[$0]?.licences } ?? []
        return facts.licences + canonical
    }

    /// What is wrong with `held` for a licence of `kind` on `day`: nil when one is valid.
    static func problem(_ held: [Licence], _ kind: IdentifierKind, day: String) -> String? {
        let ofKind = held.filter { $0.kind == kind }
        if ofKind.contains(where: { $0.isValid(on: day) }) { return nil }
        if let latest = ofKind.max(by: { $0.validUntil < $1.validUntil }) {
            return latest.validUntil < day
                ? "\(kind.rawValue) \(latest.number) expired \(latest.validUntil)"
                : "\(kind.rawValue) \(latest.number) valid from \(latest.validFrom)"
        }
        if let other = held.first { return "no \(kind.rawValue) (holds \(other.kind.rawValue) only)" }
        return "no \(kind.rawValue) on record"
    }

    /// `old` with the licences of `new` not in it, in order: a re-registration adds licences, never drops them.
    public static func union(_ old: [Licence], _ new: [Licence]) -> [Licence] {
        old + new.filter { !old.contains($0) }
    }
}
